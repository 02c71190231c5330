"""Issue #17 in the desktop app: what the core already reports, said through real widgets.

* An erasure whose compaction failed (a nearly full disk) is done: the Candidates flow
  (typed confirmation) and the Retention screen's bulk erase both say so in one sentence,
  and the next unlock compacts.
* Changing the passphrase while background work holds the database waits for it, with
  a sentence, instead of failing; Cancel while waiting changes nothing.

Real SQLCipher files, real dialogs driven by qtbot, English and Swedish. The full disk
is the one stand-in: ``privacy.compact`` raises the storage layer's own DiskFullError
(filling a real disk to the exact byte where the erasure commits but VACUUM does not is
what tests/test_trust_hardening_more.py does for the CLI where tmpfs is available).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sqlalchemy import select, update

from tests.conftest import PASSPHRASE
from tests.qt_support import make_ctx
from tests.trust_support import add_person
from wir_manager.qt.dialogs.erase_dialog import EraseDialog, confirm_and_erase
from wir_manager.services import privacy
from wir_manager.storage import maintenance
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.errors import DiskFullError

NEW_PASSPHRASE = "lantern orchard velvet compass 2026"

#: One sentence each, as the app shows them.
PENDING = {
    "en": "The erasure is done, but the disk is too full to compact the file now",
    "sv": "Raderingen är klar, men disken är för full för att komprimera filen nu",
}
WAITING = {
    "en": "Waiting for the work running in the background",
    "sv": "Väntar på att arbetet som pågår i bakgrunden",
}


def _disk_full_at_compaction(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    calls: list[str] = []

    def full_disk(_db):  # type: ignore[no-untyped-def]
        calls.append("vacuum")
        raise DiskFullError("The disk is full, so the change was not saved; free some space.")

    monkeypatch.setattr(privacy, "compact", full_disk)
    return calls


def _note() -> QMessageBox:
    notes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "compactionPendingNote"
    ]
    notes += [
        w
        for top in QApplication.topLevelWidgets()
        for w in top.findChildren(QMessageBox, "compactionPendingNote")
    ]
    visible = [w for w in notes if w.isVisible()]
    assert visible, "no note about the pending compaction"
    return visible[0]


def _one_sentence(text: str) -> bool:
    body = text.rstrip(".")
    return text.endswith(".") and ". " not in body and "\n" not in text


def _next_unlock_compacts(db_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    real = maintenance.compact
    compacted: list[bool] = []

    def recording(target):  # type: ignore[no-untyped-def]
        compacted.append(True)
        return real(target)

    monkeypatch.setattr(maintenance, "compact", recording)
    with Database.open(db_path, PASSPHRASE) as again:
        assert compacted == [True]
        assert again.setting(maintenance.COMPACTION_PENDING) == "0"


@pytest.mark.parametrize("code", ["en", "sv"])
def test_typed_erasure_with_a_full_disk_says_it_is_done_and_compaction_is_pending(
    qtbot, db, db_path: Path, tmp_path: Path, monkeypatch, language, code: str
) -> None:
    language(code)
    cid = add_person(db, "Аглая Преображенская", "Aglaya_Preobr", "aglaya@example.org")
    kept = add_person(db, "李 小龍", "LiXiaolong", "li@example.org")
    calls = _disk_full_at_compaction(monkeypatch)
    ctx = make_ctx(db, tmp_path)

    def type_and_accept() -> None:
        box = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, EraseDialog) and w.isVisible()
        )
        qtbot.keyClicks(box.ui.usernameEdit, "Aglaya_Preobr")
        box.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(200, type_and_accept)
    assert confirm_and_erase(ctx, None, cid)  # True: the person IS erased
    assert calls == ["vacuum"]
    note = _note()
    text = note.text()
    assert text.startswith(PENDING[code]) and _one_sentence(text), text
    assert "not saved" not in text and "inte sparad" not in text
    assert note.icon() is QMessageBox.Icon.Information
    note.button(QMessageBox.StandardButton.Ok).click()
    assert not privacy.candidate_exists(db, cid) and privacy.candidate_exists(db, kept)
    assert db.setting(maintenance.COMPACTION_PENDING) == "1"
    ctx.tasks.wait()
    db.close()
    _next_unlock_compacts(db_path, monkeypatch)


def test_an_erasure_that_compacts_shows_no_note(qtbot, db, tmp_path: Path) -> None:
    cid = add_person(db, "अनन्या शर्मा", "Ananya_S", "ananya@example.org")
    ctx = make_ctx(db, tmp_path)
    assert confirm_and_erase(ctx, None, cid, ask=lambda parent, expected, what: True)
    assert not any(
        isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    assert not privacy.candidate_exists(db, cid)
    assert db.setting(maintenance.COMPACTION_PENDING) in (None, "0")


def test_retention_bulk_erase_with_a_full_disk_says_so(
    qtbot, demo_db, tmp_path: Path, monkeypatch, language
) -> None:
    from wir_manager.qt.views.privacy import PrivacyView

    language("sv")
    with demo_db.connection() as conn:
        conn.execute(
            update(m.Candidate)
            .where(m.Candidate.id <= 3)
            .values(consent_store_at=dt.date(2020, 1, 1), updated_at=dt.datetime(2020, 1, 1))
        )
    view = PrivacyView(make_ctx(demo_db, tmp_path))
    qtbot.addWidget(view)
    view.resize(1100, 650)
    view.show()
    qtbot.waitExposed(view)
    view.ui.consentMonths.setValue(24)
    view.ui.inactiveMonths.setValue(1200)
    view.ui.refreshRetentionButton.click()
    assert view.retention.rowCount() >= 3
    calls = _disk_full_at_compaction(monkeypatch)
    view.confirm_erase = lambda expected, what: True
    view.ui.eraseButton.click()
    qtbot.waitUntil(lambda: view.retention.rowCount() == 0, timeout=30_000)
    qtbot.waitUntil(lambda: bool(view.findChildren(QMessageBox, "compactionPendingNote")))
    note = _note()
    assert note.text().startswith(PENDING["sv"]) and _one_sentence(note.text())
    assert calls == ["vacuum"]
    with demo_db.session() as s:
        assert s.scalar(select(m.Candidate.id).where(m.Candidate.id <= 3)) is None
    note.button(QMessageBox.StandardButton.Ok).click()
    view.ctx.tasks.wait()


# ------------------------------------------------------------ change passphrase waits
def _blocking_writer(db: Database, started: threading.Event, release: threading.Event):  # type: ignore[no-untyped-def]
    """A background task inside a write transaction (as an import is), until told.

    Before the dialog waited, re-keying beside it froze the window for the busy timeout
    and then failed ("The passphrase could not be changed").
    """

    def work(_progress) -> int:  # type: ignore[no-untyped-def]
        with db.session(write=True) as s:
            s.add(m.Setting(key="imported_batch", value="Ωμέγα 42"))
            s.flush()
            n = len(s.scalars(select(m.Candidate.id)).all())
            started.set()
            release.wait(30)
        return n

    return work


def _open_change_dialog(qtbot, window):  # type: ignore[no-untyped-def]
    from wir_manager.qt.dialogs.change_passphrase import ChangePassphraseDialog

    window.ui.actionChangePassphrase.trigger()
    dialog = window.findChild(ChangePassphraseDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.new_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.repeat_edit, NEW_PASSPHRASE)
    return dialog


@pytest.fixture
def window(qtbot, isolated_home: Path, db: Database):  # type: ignore[no-untyped-def]
    from wir_manager.qt import settings as opts
    from wir_manager.qt.app import Launcher

    launcher = Launcher(settings=opts.open_settings())
    launcher.show_main(db)
    win = launcher.window
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    launcher.tasks.release()
    yield win
    win.ctx.tasks.wait()
    win.close()


@pytest.mark.parametrize("code", ["en", "sv"])
def test_change_passphrase_waits_for_background_work_then_changes_it(
    qtbot, window, db: Database, db_path: Path, language, code: str
) -> None:
    language(code)
    add_person(db, "محمد الفارسي", "Mohammed_F", "mf@example.org")
    started, release = threading.Event(), threading.Event()
    counted: list[int] = []
    window.ctx.tasks.run(_blocking_writer(db, started, release), on_done=counted.append)
    assert started.wait(10)
    dialog = _open_change_dialog(qtbot, window)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.waiting
    assert dialog.message.text().startswith(WAITING[code]), dialog.message.text()
    assert _one_sentence(dialog.message.text())
    assert not ok.isEnabled() and not dialog.new_edit.isEnabled()
    assert db.setting("operator")  # nothing changed yet, the old key still reads
    release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert dialog.result() == dialog.DialogCode.Accepted and counted == [1]
    window.ctx.tasks.wait()
    window.close()
    db.close()
    with Database.open(db_path, NEW_PASSPHRASE) as again:
        assert again.setting("imported_batch") == "Ωμέγα 42"  # the task's work is kept


def test_cancel_while_waiting_changes_nothing(qtbot, window, db: Database, db_path: Path) -> None:
    started, release = threading.Event(), threading.Event()
    window.ctx.tasks.run(_blocking_writer(db, started, release))
    assert started.wait(10)
    dialog = _open_change_dialog(qtbot, window)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.waiting
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible() and not dialog.waiting
    release.set()
    window.ctx.tasks.wait()
    qtbot.wait(50)  # the idle signal has nobody left to re-key
    assert db.setting("operator")
    window.close()
    db.close()
    Database.open(db_path, PASSPHRASE).close()


# ------------------------------------------------------------ unlock names a full disk
FULL = {
    "en": "cannot be opened because the disk is full",
    "sv": "kan inte öppnas eftersom disken är full",
}


@pytest.mark.parametrize("code", ["en", "sv"])
def test_the_unlock_window_names_a_full_disk_not_a_wrong_passphrase(
    qtbot, isolated_home: Path, tmp_path: Path, language, code: str
) -> None:
    """A real 2 MB tmpfs filled to the last byte (root only, as in CI)."""
    import os
    import shutil
    import subprocess

    from wir_manager.qt import settings as opts
    from wir_manager.qt.app import Launcher
    from wir_manager.qt.dialogs.unlock import UnlockDialog

    where = tmp_path / "full"
    where.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        path = where / "full.db"
        Database.create(path, PASSPHRASE, "Ngozi Okafor").close()
        fd = os.open(where / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        language(code)
        launcher = Launcher(path, settings=opts.open_settings())
        launcher.start()
        dialog = launcher.dialog
        assert isinstance(dialog, UnlockDialog)
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.ui.passphraseEdit, PASSPHRASE)
        dialog.ui.unlockButton.click()
        message = dialog.ui.errorLabel.text()
        assert FULL[code] in message, message
        assert "wrong" not in message and "fel" not in message
        assert launcher.window is None and dialog.isVisible()
        dialog.reject()
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)
