"""The fast start: what loads before the first frame, the unlock begun before Qt, the
integrity check after it, and the pieces that make that possible.

Timings live in ``bench/gui.py``; these tests pin down the behaviour the speed relies
on, so a later change that quietly puts SQLAlchemy back on the start path, or lets a
damaged file through, fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QFocusEvent, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QComboBox

from tests.conftest import OPERATOR, PASSPHRASE
from wir_manager import logsetup, startup
from wir_manager.qt import settings as opts
from wir_manager.qt import theme
from wir_manager.qt.app import Launcher
from wir_manager.qt.dialogs.unlock import UnlockDialog
from wir_manager.qt.tasks import TaskRunner
from wir_manager.qt.widgets import pickers
from wir_manager.storage import keystore, migrate
from wir_manager.storage.database import Database
from wir_manager.storage.errors import (
    DamagedDatabaseError,
    DatabaseMissingError,
    NoPassphraseError,
    WrongPassphraseError,
)

ROOT = Path(__file__).resolve().parents[1]

#: Heavy modules the desktop app must not import before its first frame.
NOT_ON_THE_START_PATH = (
    "sqlalchemy",
    "alembic",
    "wir_manager.storage.models",
    "wir_manager.services.candidates",
    "wir_manager.services.candidate_records",
    "wir_manager.qt.widgets.candidate_editor",
    "langcodes",
    "pycountry",
    "babel",
    "keyring",
    "logging.handlers",
    "PySide6.QtTest",
    "httpx",
    "wir_manager.services.wiki.client",
)


def test_the_start_path_imports_nothing_heavy() -> None:
    """The modules a start imports before the first frame, in a fresh interpreter."""
    code = (
        "import json, sys\n"
        "import wir_manager.startup, wir_manager.cli.main\n"
        "import wir_manager.qt.app, wir_manager.qt.main_window\n"
        # Today: a new user's first screen; Candidates: a returning user's usual one.
        "import wir_manager.qt.views.today, wir_manager.qt.views.candidates\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    heavy = [m for m in NOT_ON_THE_START_PATH if m in loaded]
    assert heavy == [], f"imported on the start path: {heavy}"


# ---------------------------------------------------------------------- unlock thread
def _data_file(db: Database) -> Path:
    from wir_manager.services import demo

    demo.generate(db, candidates=300, requests=3, seed=5)
    path = db.path
    db.close()
    return path


def test_pending_unlock_with_the_environment_passphrase(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _data_file(db)
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, PASSPHRASE)
    opened = keystore.PendingUnlock(path).result()
    try:
        assert opened.identity is not None
        assert opened.identity.revision == migrate.head_revision()
        assert opened.counts()["candidates"] == 300
    finally:
        opened.close()


def test_pending_unlock_reports_what_unlock_would(
    db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.close()
    with pytest.raises(NoPassphraseError):  # no variable, no keyring (CI)
        keystore.PendingUnlock(db_path).result()
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, "not the passphrase")
    with pytest.raises(WrongPassphraseError):
        keystore.PendingUnlock(db_path).result()
    with pytest.raises(DatabaseMissingError):
        keystore.PendingUnlock(tmp_path / "nowhere.db").result()


def test_pending_unlock_uses_a_remembered_key(
    db: Database, db_path: Path, memory_keyring: object
) -> None:
    keystore.remember(db_path, db.key)
    db.close()
    opened = keystore.PendingUnlock(db_path).result()
    assert not opened.closed
    opened.close()


def _damage_a_late_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    offset = (pages * 3 // 4) * 4096 + 512
    data[offset : offset + 64] = bytes(64)
    path.write_bytes(bytes(data))


def test_unlock_without_check_opens_and_the_check_finds_the_damage(db: Database) -> None:
    path = _data_file(db)
    _damage_a_late_page(path)
    before = path.read_bytes()
    with pytest.raises(DamagedDatabaseError):
        Database.open(path, PASSPHRASE)  # the CLI checks at once
    quick = Database.open(path, PASSPHRASE, quick_check=False)  # the GUI checks later
    try:
        with pytest.raises(DamagedDatabaseError, match="damaged"):
            quick.integrity_check()
    finally:
        quick.dispose()
    assert path.read_bytes() == before  # neither check wrote anything


def test_database_builds_its_engine_on_first_use(db: Database) -> None:
    path = db.path
    db.close()
    opened = Database.open(path, PASSPHRASE)
    assert opened._engine is None  # unlocking alone needs no SQLAlchemy
    assert opened.setting("operator")
    assert opened._engine is not None
    opened.close()


def test_the_main_window_is_built_without_the_engine(qtbot, db: Database, tmp_path: Path) -> None:
    """The window's status bar and title come from what the unlock read (the file's
    operator, its snapshot marking), not from a query: a query before the first frame
    loads SQLAlchemy on the GUI thread, ~0.4 s of every start (bench/gui.py)."""
    from tests.qt_support import make_ctx
    from wir_manager.qt.main_window import MainWindow

    path = db.path
    db.close()
    opened = Database.open(path, PASSPHRASE)
    ctx = make_ctx(opened, tmp_path)
    ctx.tasks.hold()  # background reads wait, as they do until the first frame
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert opened._engine is None
    assert window.operator_label.text() == f"Operator: {OPERATOR}"
    assert window.windowTitle() == "WiR Manager"
    ctx.tasks.release()
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=10_000)  # Today's list read
    window._closing_confirmed = True
    window.close()  # closes the database too


def test_head_revision_from_lines_matches_a_full_parse() -> None:
    for script in sorted((migrate.migrations_dir() / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        by_lines = {m["name"]: m["value"] for m in migrate._REVISION_LINE.finditer(text)}
        full = migrate._literal_assignments(text)
        assert by_lines["revision"] == full["revision"]
        assert by_lines["down_revision"] == full["down_revision"]


# ---------------------------------------------------------------------- startup module
def test_gui_arguments_without_argparse() -> None:
    assert startup.parse_gui_args([]) == (None, False)
    assert startup.parse_gui_args(["--db", "a.db", "--demo"]) == (Path("a.db"), True)
    assert startup.parse_gui_args(["--db=b.db", "-style", "fusion"]) == (Path("b.db"), False)


def test_database_to_open_prefers_the_flag_then_the_last_one(tmp_path: Path) -> None:
    last = tmp_path / "last.db"
    last.write_bytes(b"x")
    assert startup.database_to_open(None) == startup.default_db_path()
    startup.remember_last_database(last)
    assert startup.database_to_open(None) == last.resolve()
    assert startup.database_to_open(tmp_path / "given.db") == tmp_path / "given.db"
    last.unlink()  # gone: the first recent file that exists, else the default
    recent = tmp_path / "recent.db"
    recent.write_bytes(b"x")
    assert startup.database_to_open(None, [str(tmp_path / "gone.db"), str(recent)]) == recent
    assert startup.database_to_open(None) == startup.default_db_path()


def test_opening_a_database_in_the_app_remembers_it_for_the_next_start(
    qtbot: object, db_path: Path
) -> None:
    opts.add_recent_file(opts.open_settings(), str(db_path))
    assert startup.last_database() == db_path.resolve()


def test_prefetch_only_when_it_can_work(tmp_path: Path, db: Database) -> None:
    assert startup.prefetch_unlock(tmp_path / "nowhere.db") is None
    assert startup.prefetch_unlock(None, demo=True) is None  # no demo yet: created later
    pending = startup.prefetch_unlock(db.path)
    assert pending is not None
    with pytest.raises(NoPassphraseError):
        pending.result()


def test_prefetch_opens_an_existing_demo_database_with_its_passphrase() -> None:
    Database.create(startup.demo_path(), startup.DEMO_PASSPHRASE, "Demo operator").close()
    pending = startup.prefetch_unlock(None, demo=True)
    assert pending is not None and pending.path == startup.demo_path()
    opened = pending.result()
    assert not opened.closed
    opened.close()


def test_trace_prints_only_when_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    startup.trace("quiet")
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(startup, "_tracing", True)
    startup.trace("first frame")
    err = capsys.readouterr().err
    assert err.startswith("wir-manager startup: ") and err.rstrip().endswith(" first frame")


def test_log_rotates_when_it_grew_too_large(isolated_home: Path) -> None:
    path = logsetup.log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * (logsetup.MAX_BYTES + 1))
    path.with_name(path.name + ".1").write_text("older", encoding="utf-8")
    logsetup._rotate_if_large(path)
    assert not path.exists()
    assert path.with_name(path.name + ".1").stat().st_size == logsetup.MAX_BYTES + 1
    assert path.with_name(path.name + ".2").read_text(encoding="utf-8") == "older"
    logsetup._rotate_if_large(path)  # nothing to rotate: no error


# ---------------------------------------------------------------------- Qt pieces
def test_held_tasks_wait_for_release(qtbot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    done: list[object] = []
    deferred: list[str] = []
    runner.hold()
    runner.run(lambda _p: started.set() or "ran", on_done=done.append)
    runner.when_released(lambda: deferred.append("gui"))
    qtbot.wait(100)
    assert not started.is_set() and deferred == [] and runner.busy
    runner.release()
    assert deferred == ["gui"]
    qtbot.waitUntil(lambda: done == ["ran"], timeout=5_000)
    runner.when_released(lambda: deferred.append("now"))  # not held: runs at once
    assert deferred == ["gui", "now"]
    runner.hold()
    runner.run(lambda _p: "late", on_done=done.append)
    assert runner.wait(5_000)  # waiting releases first, or it would wait forever
    qtbot.waitUntil(lambda: done == ["ran", "late"], timeout=5_000)


def test_code_list_fills_when_first_used(qtbot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    calls: list[int] = []

    def items() -> list[tuple[str, str]]:
        calls.append(1)
        return [("ar", "Arabic"), ("sw", "Swahili")]

    pickers.fill_on_use(combo, items, empty="Any language")
    assert combo.count() == 1 and combo.isEditable()
    assert pickers.current_code(combo) is None and calls == []  # nothing chosen: no fill
    QApplication.sendEvent(combo, QFocusEvent(QEvent.Type.FocusIn))
    assert calls == [1] and combo.count() == 3
    pickers.select_code(combo, "sw")
    assert combo.currentData() == "sw" and calls == [1]

    typed = QComboBox()
    qtbot.addWidget(typed)
    pickers.fill_on_use(typed, items, empty="Any language")
    typed.setEditText("Arab")  # programmatic typing: reading it fills the list first
    assert pickers.current_code(typed) == "ar"


def test_icons_use_the_disabled_text_colour_when_disabled(qtbot) -> None:
    palette = QApplication.palette()
    normal = palette.color(QPalette.ColorRole.WindowText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    assert normal != disabled
    icon = theme.icon("delete")

    def darkest(mode: QIcon.Mode):
        image = icon.pixmap(QSize(32, 32), mode).toImage()
        pixels = [image.pixelColor(x, y) for x in range(32) for y in range(32)]
        return max(pixels, key=lambda c: c.alpha()).name()

    assert darkest(QIcon.Mode.Normal) == normal.name()
    assert darkest(QIcon.Mode.Disabled) == disabled.name()
    assert icon.pixmap(QSize(16, 16), 2.0).devicePixelRatio() == 2.0


def _start_from_environment(qtbot, path: Path, monkeypatch: pytest.MonkeyPatch):
    """The unattended start: passphrase in the environment, window without a dialog."""
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, PASSPHRASE)
    launcher = Launcher(path, settings=opts.open_settings())
    with qtbot.waitSignal(launcher.window_ready, timeout=10_000):
        launcher.start()
    qtbot.addWidget(launcher.window)
    return launcher, launcher.window


def test_start_from_the_environment_shows_the_window_then_checks_the_file(
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _data_file(db)
    launcher, window = _start_from_environment(qtbot, path, monkeypatch)
    assert not window.is_locked
    qtbot.waitUntil(lambda: not launcher.tasks.held, timeout=5_000)  # first frame painted
    # No screen saved yet (a new user): the window opens on Today, what is due.
    assert window.current_key() == "today"
    today = window.current_screen()
    qtbot.waitUntil(lambda: today.is_loaded, timeout=10_000)
    assert today.heading.text().startswith("Today")
    view = window.show_screen("candidates")
    qtbot.waitUntil(lambda: view.is_loaded, timeout=10_000)
    assert view.model.rowCount() == 300
    backups = path.parent / "backups"
    qtbot.waitUntil(lambda: backups.exists() and any(backups.iterdir()), timeout=15_000)
    window.close()


def test_a_damaged_file_locks_the_window_and_says_so(
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _data_file(db)
    _damage_a_late_page(path)
    before = path.read_bytes()
    launcher, window = _start_from_environment(qtbot, path, monkeypatch)
    qtbot.waitUntil(lambda: window.is_locked, timeout=15_000)
    dialog = launcher.dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.addWidget(dialog)
    assert "damaged" in dialog.ui.errorLabel.text()
    assert window.ctx.db.closed
    backups = path.parent / "backups"
    assert not backups.exists() or not any(backups.iterdir())  # no backup of a bad file
    assert path.read_bytes() == before
