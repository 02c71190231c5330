"""The operator's name is a per-person setting for local files: asked once at the first
unlock, shown in the status bar, signing every change in the history — so one file used
by two people (two computer accounts) records each one's own name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings

from tests.conftest import PASSPHRASE
from wir_manager.qt import settings as opts
from wir_manager.qt.app import Launcher
from wir_manager.qt.dialogs.unlock import UnlockDialog
from wir_manager.services import candidates as svc
from wir_manager.services.candidates import CandidateData
from wir_manager.services.records import LanguageSkill
from wir_manager.storage.database import Database


def _person(name: str, username: str) -> CandidateData:
    return CandidateData(
        full_name=name,
        username=username,
        email=f"{username.lower()}@example.org",
        country="KZ",
        languages=(LanguageSkill("kk", 7), LanguageSkill("ru", 6)),
        consent_store=True,
        consent_store_at=dt.date(2026, 4, 1),
    )


def _unlock_as(qtbot, settings: QSettings, db_path: Path, name: str | None):
    launcher = Launcher(db_path, settings=settings)
    launcher.start()
    dialog = launcher.dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.addWidget(dialog)
    if name is None:
        assert not dialog.ui.operatorEdit.isVisibleTo(dialog)  # asked once only
    else:
        assert dialog.ui.operatorEdit.isVisibleTo(dialog)
        assert dialog.ui.operatorEdit.text()  # prefilled with the computer login
        dialog.ui.operatorEdit.clear()
        dialog.ui.passphraseEdit.setText(PASSPHRASE)
        assert dialog.try_unlock() is False
        assert "Type your name" in dialog.ui.errorLabel.text()
        dialog.ui.operatorEdit.setText(name)
    dialog.ui.passphraseEdit.setText(PASSPHRASE)
    with qtbot.waitSignal(launcher.window_ready, timeout=10_000):
        assert dialog.try_unlock()
    qtbot.addWidget(launcher.window)
    return launcher


def _close(launcher: Launcher) -> None:
    launcher.window._closing_confirmed = True
    launcher.window.close()


def test_two_people_sharing_a_file_each_sign_with_their_own_name(
    qtbot, db_path: Path, tmp_path: Path
) -> None:
    Database.create(db_path, PASSPHRASE, "Shared laptop").close()
    first = QSettings(str(tmp_path / "aigerim.ini"), QSettings.Format.IniFormat)
    second = QSettings(str(tmp_path / "rahul.ini"), QSettings.Format.IniFormat)

    launcher = _unlock_as(qtbot, first, db_path, "Айгерим Нурланқызы")
    window = launcher.window
    assert window.operator_label.text() == "Operator: Айгерим Нурланқызы"
    assert opts.OPERATOR_NAME.get(first) == "Айгерим Нурланқызы"
    cid = svc.create_candidate(window.ctx.db, _person("Ержан Сейтқали", "YerzhanS"))
    # Lock and unlock: the name is not asked again, and still signs.
    window.ui.actionLock.trigger()
    relock = launcher.dialog
    assert isinstance(relock, UnlockDialog)
    qtbot.addWidget(relock)
    assert not relock.ui.operatorEdit.isVisibleTo(relock)
    relock.ui.passphraseEdit.setText(PASSPHRASE)
    assert relock.try_unlock()
    assert window.ctx.db.operator == "Айгерим Нурланқызы"
    _close(launcher)

    launcher = _unlock_as(qtbot, second, db_path, "राहुल वर्मा")
    window = launcher.window
    assert window.operator_label.text() == "Operator: राहुल वर्मा"
    cid2 = svc.create_candidate(window.ctx.db, _person("Динара Абенова", "DinaraA"))
    history = {entry.operator for c in (cid, cid2) for entry in svc.history(window.ctx.db, c)}
    assert history == {"Айгерим Нурланқызы", "राहुल वर्मा"}
    assert window.ctx.db.setting("operator") == "Shared laptop"  # the file is unchanged
    _close(launcher)

    # The first person again: no question, their own name.
    launcher = _unlock_as(qtbot, first, db_path, None)
    assert launcher.window.operator_label.text() == "Operator: Айгерим Нурланқызы"
    _close(launcher)


def test_a_start_without_a_dialog_uses_the_setting(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch
) -> None:
    Database.create(db_path, PASSPHRASE, "Shared laptop").close()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    opts.OPERATOR_NAME.set(settings, "Sipho Ndlovu")
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    launcher = Launcher(db_path, settings=settings)
    with qtbot.waitSignal(launcher.window_ready, timeout=10_000):
        launcher.start()
    qtbot.addWidget(launcher.window)
    assert launcher.window.ctx.db.operator == "Sipho Ndlovu"
    assert launcher.window.operator_label.text() == "Operator: Sipho Ndlovu"
    _close(launcher)
