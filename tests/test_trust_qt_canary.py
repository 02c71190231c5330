"""GUI canary: the real main window, every screen visited, the canary person's name typed
into every search field, layouts saved, then locked. No file under WIR_MANAGER_HOME (the
settings INI, logs, the database and its WAL) may hold the person's data, the passphrase
or the key in plaintext; and locking must have wiped the key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLineEdit

from tests.conftest import PASSPHRASE
from tests.trust_support import add_person
from wir_manager.qt import settings as opts
from wir_manager.qt.context import AppContext
from wir_manager.qt.tasks import TaskRunner
from wir_manager.qt.views.registry import SCREENS
from wir_manager.services import demo

CANARY = ("Ottoline Quexcanary", "OttolineQxCanary", "ottoline.qx@canary.example")


def test_gui_session_leaves_no_plaintext(qtbot, db, isolated_home: Path, tmp_path: Path) -> None:
    from wir_manager.qt.main_window import MainWindow

    demo.generate(db, candidates=40, requests=3, seed=8)
    add_person(db, *CANARY, notes="CANARY-GUI-NOTE sensitive")
    key_hex = db.key.key_hex()
    settings = opts.open_settings()
    window = MainWindow(AppContext(db, TaskRunner(), settings))
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    searched: list[str] = []
    for screen in SCREENS:
        widget = window.show_screen(screen.key)
        QApplication.processEvents()
        if widget is None:
            continue
        # search fields only: typing into editor fields would (rightly) leave unsaved edits
        for edit in widget.findChildren(QLineEdit):
            if "search" in edit.objectName().lower() and edit.isEnabled():
                edit.setText(CANARY[0])
                edit.editingFinished.emit()
                qtbot.wait(400)  # debounced filters run
                edit.setText(CANARY[1])
                qtbot.wait(400)
                searched.append(screen.key)
    assert "candidates" in searched
    window.ctx.tasks.wait(20_000)
    window.save_layout()
    assert window.lock()
    assert db.closed and db.key.wiped
    settings.sync()

    needles = [t.encode() for t in (*CANARY, "CANARY-GUI-NOTE", PASSPHRASE)]
    needles += [t.encode("utf-16-le") for t in (*CANARY, PASSPHRASE)]
    needles += [key_hex.encode(), bytes.fromhex(key_hex)]
    written = [p for p in isolated_home.rglob("*") if p.is_file()]
    assert any(p.suffix == ".ini" for p in written), "the settings file was written"
    leaks = [
        f"{needle[:24]!r} in {p.relative_to(isolated_home)}"
        for p in written
        for needle in needles
        if needle in p.read_bytes()
    ]
    assert leaks == []
