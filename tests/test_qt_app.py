"""The start-up flow, unlock dialog, lock/unlock and settings, on real encrypted files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.conftest import OPERATOR, PASSPHRASE
from wir_manager.qt import settings as opts
from wir_manager.qt.app import DEMO_PASSPHRASE, Launcher, demo_path
from wir_manager.qt.dialogs.unlock import UnlockDialog
from wir_manager.qt.dialogs.welcome import WelcomeDialog
from wir_manager.qt.main_window import MainWindow
from wir_manager.qt.widgets.confirm import LeaveAnswer
from wir_manager.storage.database import Database


@pytest.fixture
def settings(isolated_home: Path):
    s = opts.open_settings()
    yield s
    s.sync()


def _close_window(launcher: Launcher) -> None:
    if launcher.window is not None:
        launcher.window.close()


def test_settings_file_lives_under_wir_manager_home(settings, isolated_home: Path) -> None:
    opts.AUTO_LOCK_MINUTES.set(settings, 3)
    settings.sync()
    assert Path(settings.fileName()).is_relative_to(isolated_home)
    assert opts.AUTO_LOCK_MINUTES.get(opts.open_settings()) == 3


def test_no_database_shows_welcome_and_creates_one(qtbot, settings, isolated_home) -> None:
    launcher = Launcher(settings=settings)
    launcher.start()
    dialog = launcher.dialog
    assert isinstance(dialog, WelcomeDialog)
    qtbot.addWidget(dialog)
    dialog.show_create_page()
    dialog.ui.operatorEdit.setText(OPERATOR)
    dialog.ui.passphraseEdit.setText("short")
    assert not dialog.ui.createConfirmButton.isEnabled()
    dialog.ui.passphraseEdit.setText(PASSPHRASE)
    dialog.ui.repeatEdit.setText(PASSPHRASE + "x")
    assert not dialog.ui.createConfirmButton.isEnabled()
    assert "differ" in dialog.ui.createError.text()
    dialog.ui.repeatEdit.setText(PASSPHRASE)
    assert dialog.ui.createConfirmButton.isEnabled()
    with qtbot.waitSignal(launcher.window_ready, timeout=10_000):
        dialog.ui.createConfirmButton.click()
    window = launcher.window
    qtbot.addWidget(window)
    path = Path(dialog.ui.pathEdit.text())
    assert path.exists() and window.ctx.db.path == path
    assert opts.recent_files(settings)[0] == str(path)
    _close_window(launcher)
    # The file really is encrypted with that passphrase.
    Database.open(path, PASSPHRASE).close()


def test_existing_database_asks_for_passphrase_and_wrong_one_is_refused(
    qtbot, settings, db_path: Path
) -> None:
    Database.create(db_path, PASSPHRASE, OPERATOR).close()
    launcher = Launcher(db_path, settings=settings)
    launcher.start()
    dialog = launcher.dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.addWidget(dialog)
    # No keyring in tests: the checkbox is hidden and the note says why.
    assert not dialog.ui.rememberCheck.isVisibleTo(dialog)
    assert "keyring" in dialog.ui.keyringNote.text()
    dialog.ui.passphraseEdit.setText("not the passphrase")
    assert dialog.try_unlock() is False
    assert "wrong" in dialog.ui.errorLabel.text()
    assert dialog.ui.passphraseEdit.selectedText() == "not the passphrase"
    assert launcher.window is None
    dialog.ui.passphraseEdit.setText(PASSPHRASE)
    with qtbot.waitSignal(launcher.window_ready, timeout=10_000):
        dialog.ui.unlockButton.click()
    qtbot.addWidget(launcher.window)
    assert not launcher.window.ctx.db.closed
    _close_window(launcher)


def test_remember_on_this_computer_uses_the_keyring(
    qtbot, settings, db_path: Path, memory_keyring
) -> None:
    Database.create(db_path, PASSPHRASE, OPERATOR).close()
    dialog = UnlockDialog(db_path, settings)
    qtbot.addWidget(dialog)
    assert dialog.ui.rememberCheck.isVisibleTo(dialog)
    dialog.ui.rememberCheck.setChecked(True)
    dialog.ui.passphraseEdit.setText(PASSPHRASE)
    assert dialog.try_unlock()
    dialog.database.close()
    # Next start opens without asking.
    launcher = Launcher(db_path, settings=settings)
    with qtbot.waitSignal(launcher.window_ready, timeout=10_000):
        launcher.start()
    qtbot.addWidget(launcher.window)
    _close_window(launcher)


def test_lock_wipes_key_and_unlock_restores_the_window(qtbot, settings, db: Database) -> None:
    launcher = Launcher(settings=settings)
    launcher.show_main(db)
    window: MainWindow = launcher.window
    qtbot.addWidget(window)
    assert window.current_screen() is not None
    window.ui.actionLock.trigger()
    assert db.closed and window.is_locked
    assert window.current_screen() is None
    assert window.lock_label.text() == "Locked"
    dialog = launcher.dialog
    assert isinstance(dialog, UnlockDialog)
    dialog.ui.passphraseEdit.setText(PASSPHRASE)
    assert dialog.try_unlock()
    assert not window.is_locked
    assert not window.ctx.db.closed and window.ctx.db is not db
    assert window.current_screen() is not None
    _close_window(launcher)


def test_auto_lock_after_idle(qtbot, settings, db: Database) -> None:
    launcher = Launcher(settings=settings)
    launcher.show_main(db)
    window = launcher.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.locked, timeout=5_000):
        window.idle.set_interval_ms(50)
    assert db.closed
    launcher.dialog.close()
    _close_window(launcher)


def test_missing_screen_modules_get_a_placeholder(qtbot, settings, db: Database) -> None:
    launcher = Launcher(settings=settings)
    launcher.show_main(db)
    window = launcher.window
    qtbot.addWidget(window)
    for key in ("requests", "training", "shortlists", "privacy"):
        widget = window.show_screen(key)
        assert widget is not None and window.current_screen() is widget
    _close_window(launcher)


def test_demo_flag_creates_and_fills_the_demo_database(qtbot, settings) -> None:
    launcher = Launcher(demo=True, settings=settings, demo_candidates=40)
    with qtbot.waitSignal(launcher.window_ready, timeout=30_000):
        launcher.start()
    qtbot.addWidget(launcher.window)
    assert launcher.window.ctx.db.info().counts["candidates"] == 40
    _close_window(launcher)
    Database.open(demo_path(), DEMO_PASSPHRASE).close()


def test_window_geometry_and_screen_persist_across_restart(qtbot, settings, db_path) -> None:
    db = Database.create(db_path, PASSPHRASE, OPERATOR)
    launcher = Launcher(settings=settings)
    launcher.show_main(db)
    window = launcher.window
    qtbot.addWidget(window)
    window.resize(700, 520)  # fits the offscreen 800x600 screen
    window.ui.mainSplitter.setSizes([230, 470])
    window.show_screen("training")
    QApplication.processEvents()
    size = window.size()
    window.close()
    splitter_state = settings.value("layout/main/splitter")
    assert splitter_state
    settings.sync()
    again = opts.open_settings()
    assert opts.LAST_SCREEN.get(again) == "training"
    launcher2 = Launcher(settings=again)
    launcher2.show_main(Database.open(db_path, PASSPHRASE))
    window2 = launcher2.window
    qtbot.addWidget(window2)
    QApplication.processEvents()
    # The offscreen screen is 800x600 and restoreGeometry clamps to it, so compare what
    # was stored rather than the clamped size.
    stored = opts.WINDOW_GEOMETRY.get(again)
    assert not stored.isEmpty() and window2.restoreGeometry(stored)
    available = QApplication.primaryScreen().availableGeometry()
    if size.width() <= available.width() and size.height() <= available.height():
        # The stored size comes back, grown to what the restored screen needs at least
        # (Training needs more width than the Today screen the first window started on).
        assert window2.size() == size.expandedTo(window2.minimumSize())
    # Screens written by others may need more width than the offscreen screen has, which
    # squeezes the sidebar; the stored splitter state is what must survive.
    assert again.value("layout/main/splitter") == splitter_state
    assert opts.restore_splitter(again, "main", window2.ui.mainSplitter)
    assert window2.current_key() == "training"
    window2.close()


def test_installed_pyside6_does_not_leak_none(qtbot) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call and the
    interpreter aborts after a few thousand; the pinned version must not do that."""
    import sys

    from PySide6.QtWidgets import QLabel

    from wir_manager.qt.app import none_refcount_leaks

    assert not none_refcount_leaks()
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 100


def test_menu_shortcuts_reach_the_candidates_screen(qtbot, settings, demo_db: Database) -> None:

    launcher = Launcher(settings=settings)
    launcher.show_main(demo_db)
    window = launcher.window
    qtbot.addWidget(window)
    view = window.show_screen("candidates")
    qtbot.waitUntil(lambda: view.is_loaded, timeout=10_000)
    shortcuts = {
        a.shortcut().toString()
        for a in (
            window.ui.actionNew,
            window.ui.actionSave,
            window.ui.actionFind,
            window.ui.actionDelete,
            window.ui.actionLock,
            window.ui.actionQuit,
            window.ui.actionHelp,
        )
    }
    assert shortcuts == {"Ctrl+N", "Ctrl+S", "Ctrl+F", "Del", "Ctrl+L", "Ctrl+Q", "F1"}
    window.ui.actionNew.trigger()  # Ctrl+N: a blank candidate
    assert view.editor.candidate_id is None
    view.editor.ui.fullNameEdit.setText("Ngozi Okafor")
    view.editor.ui.usernameEdit.setText("NgoziO")
    window.ui.actionSave.trigger()  # Ctrl+S
    assert view.editor.candidate_id is not None and not view.editor.is_dirty()
    # Lock with an unsaved edit asks first; Cancel keeps the database open.
    view.editor.ui.notesEdit.setPlainText("draft")
    answers = [LeaveAnswer.CANCEL, LeaveAnswer.DISCARD]
    view.ask_unsaved = lambda: answers.pop(0)
    window.ui.actionLock.trigger()
    assert not window.is_locked and not demo_db.closed
    window.ui.actionLock.trigger()
    assert window.is_locked and demo_db.closed
    launcher.dialog.close()
    window.close()


def test_unexpected_error_shows_a_message_without_traceback(qtbot, monkeypatch) -> None:
    import sys

    from PySide6.QtWidgets import QMessageBox

    from wir_manager import logsetup
    from wir_manager.qt import app as app_module

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    previous = sys.excepthook
    try:
        app_module.install_error_handling()
        try:
            name = "-".join(("secret", "candidate", "name"))  # not in the source line
            raise RuntimeError(name)
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    assert shown and "RuntimeError" in shown[0]
    assert "secret" not in shown[0] and "Traceback" not in shown[0]
    log = logsetup.log_file().read_text(encoding="utf-8")
    assert "RuntimeError" in log and "secret-candidate-name" not in log


def test_about_dialog_names_version_and_data_location(qtbot, settings, db: Database) -> None:
    from wir_manager import __version__
    from wir_manager.qt.dialogs.about import AboutDialog
    from wir_manager.storage.paths import data_dir

    launcher = Launcher(settings=settings)
    launcher.show_main(db)
    window = launcher.window
    qtbot.addWidget(window)
    window.ui.actionAbout.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert __version__ in dialog.ui.versionLabel.text()
    assert str(data_dir()) in dialog.ui.locationsLabel.text()
    assert str(db.path) in dialog.ui.locationsLabel.text()
    assert "GNU General Public License" in dialog.ui.licenceLabel.text()
    dialog.close()
    window.close()


def test_change_passphrase_dialog(qtbot, db: Database, db_path: Path) -> None:
    from wir_manager.qt.dialogs.change_passphrase import ChangePassphraseDialog

    dialog = ChangePassphraseDialog(db)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.new_edit.setText("a much longer new passphrase")
    dialog.repeat_edit.setText("a much longer new passphrase!")
    assert not ok.isEnabled() and "differ" in dialog.message.text()
    dialog.repeat_edit.setText("a much longer new passphrase")
    assert ok.isEnabled()
    dialog.apply()
    assert dialog.result() == dialog.DialogCode.Accepted
    db.close()
    Database.open(db_path, "a much longer new passphrase").close()


def test_auto_lock_minutes_are_a_persisted_setting(qtbot, settings, db: Database) -> None:
    launcher = Launcher(settings=settings)
    launcher.show_main(db)
    window = launcher.window
    qtbot.addWidget(window)
    assert window.idle.minutes == opts.AUTO_LOCK_MINUTES.default
    window.set_auto_lock_minutes(3)
    assert window.idle.active and "3 min" in window.lock_label.text()
    window.set_auto_lock_minutes(0)  # never
    assert not window.idle.active
    window.close()
    settings.sync()
    assert opts.AUTO_LOCK_MINUTES.get(opts.open_settings()) == 0


def test_wrong_environment_passphrase_falls_back_to_the_dialog(
    qtbot, settings, db_path: Path, monkeypatch
) -> None:
    Database.create(db_path, PASSPHRASE, OPERATOR).close()
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", "not it at all")
    launcher = Launcher(db_path, settings=settings)
    launcher.start()
    dialog = launcher.dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.addWidget(dialog)
    assert "WIR_MANAGER_PASSPHRASE" in dialog.ui.errorLabel.text()
    assert launcher.window is None


def test_an_empty_demo_database_is_filled_again(qtbot, settings) -> None:
    Database.create(demo_path(), DEMO_PASSPHRASE, "Demo operator").close()  # cancelled fill
    launcher = Launcher(demo=True, settings=settings, demo_candidates=25)
    # The window comes up at once; the emptiness is noticed in the background, and the
    # filling (with its progress bar) ends with the screens rebuilt on the new data.
    with qtbot.waitSignals([launcher.window_ready, launcher.demo_filled], timeout=30_000):
        launcher.start()
    qtbot.addWidget(launcher.window)
    window = launcher.window
    assert window.ctx.db.info().counts["candidates"] == 25
    # The rebuilt screen is the one a new user starts on (Today), read from the new data;
    # the candidates are all on their screen.
    assert window.current_key() == "today"
    today = window.current_screen()
    qtbot.waitUntil(lambda: today.is_loaded, timeout=10_000)
    assert today.model.rowCount() > 0  # the demo's placements and requests fall due
    view = window.show_screen("candidates")
    qtbot.waitUntil(lambda: view.is_loaded and view.model.rowCount() == 25, timeout=10_000)
    window.close()


@pytest.mark.parametrize(("code", "title"), [("en", "Today"), ("sv", "I dag")])
def test_a_new_user_starts_on_today(
    qtbot, settings, db: Database, language, code: str, title: str
) -> None:
    """No screen saved yet: the window opens on Today (first in the sidebar, what is
    due), not on Candidates; once another screen was used, that one opens next time."""
    language(code)
    assert opts.LAST_SCREEN.get(settings) == "today"
    launcher = Launcher(settings=settings)
    launcher.show_main(db)
    window: MainWindow = launcher.window
    qtbot.addWidget(window)
    assert window.current_key() == "today"
    assert window.ui.sidebar.currentRow() == 0
    assert window.ui.sidebar.currentItem().text() == title
    today = window.current_screen()
    qtbot.waitUntil(lambda: today.is_loaded, timeout=10_000)
    assert today.heading.text().startswith(title)
    window.show_screen("candidates")
    assert opts.LAST_SCREEN.get(settings) == "candidates"
    _close_window(launcher)


def test_main_entry_point_opens_the_demo(isolated_home: Path) -> None:
    """``wir-manager gui --demo`` as the README runs it, in its own process (main() runs
    the application's event loop, which must not happen inside the test session)."""
    import os
    import subprocess
    import sys

    child = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from wir_manager.qt.app import main, make_application
from wir_manager.qt.main_window import MainWindow
from wir_manager.qt.widgets.confirm import LeaveAnswer
app = make_application()
def poll():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible() and w.current_screen() is not None:
            print("SCREEN", w.current_key(), flush=True)
            w.close()
            app.quit()
timer = QTimer(); timer.timeout.connect(poll); timer.start(100)
QTimer.singleShot(120_000, app.quit)
sys.exit(main(["--demo"]))
"""
    env = {**os.environ, "WIR_MANAGER_HOME": str(isolated_home), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", child], env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "SCREEN today" in result.stdout  # a new user's first screen
    assert demo_path().exists()
    assert "Traceback" not in result.stderr


def test_unlocking_makes_todays_automatic_backup(qtbot, db, db_path) -> None:
    """After the main window opens, today's rotating backup is written in the background."""
    from PySide6.QtCore import QSettings

    from wir_manager.qt.app import Launcher
    from wir_manager.services import backups
    from wir_manager.storage.paths import config_dir

    settings = QSettings(str(config_dir() / "auto.ini"), QSettings.Format.IniFormat)
    launcher = Launcher(db_path, settings=settings)
    launcher.show_main(db)
    qtbot.addWidget(launcher.window)
    qtbot.waitUntil(lambda: not launcher.tasks.busy, timeout=20_000)
    made = [b for b in backups.list_backups(db_path) if b.kind == "automatic"]
    assert len(made) == 1


def test_file_menu_exports_and_imports_spreadsheets(
    qtbot, settings, demo_db: Database, tmp_path: Path, monkeypatch
) -> None:
    """File → Export candidates writes a real workbook in the background; File → Import
    runs the wizard and every built screen reloads afterwards."""
    from openpyxl import load_workbook

    from wir_manager.qt.dialogs import import_wizard

    launcher = Launcher(settings=settings)
    launcher.show_main(demo_db)
    window = launcher.window
    qtbot.addWidget(window)
    assert window.ui.actionImportCandidates.shortcut().toString() == "Ctrl+I"
    target = tmp_path / "all"
    window.export_spreadsheet("candidates", str(target))
    qtbot.waitUntil(lambda: not launcher.tasks.busy, timeout=20_000)
    sheet = load_workbook(tmp_path / "all.xlsx").worksheets[0]
    assert sheet.max_row == 301  # header + 300 candidates

    view = window.show_screen("candidates")
    qtbot.waitUntil(lambda: view.is_loaded, timeout=10_000)
    reloads: list[int] = []
    monkeypatch.setattr(view, "reload", lambda: reloads.append(1))
    monkeypatch.setattr(import_wizard, "run_import_wizard", lambda ctx, parent, kind: 3)
    assert window.import_spreadsheet("candidates") == 3
    assert reloads == [1]


def test_swedish_user_interface(qtbot, settings, db: Database) -> None:
    """The language setting installs the Swedish catalogue: menus and the help menu's
    guide/tour entries appear in Swedish; English is restored afterwards."""
    from PySide6.QtWidgets import QApplication

    from wir_manager import i18n
    from wir_manager.qt.i18n import install_translations

    assert install_translations(QApplication.instance(), settings, language="sv") == "sv"
    try:
        assert i18n.current_language() == "sv"
        launcher = Launcher(settings=settings)
        launcher.show_main(db)
        window = launcher.window
        qtbot.addWidget(window)
        assert window.ui.menuFile.title() == "&Arkiv"
        assert window.ui.actionHelp.shortcut().toString() == "F1"
        assert window.ui.actionTour.text() != "&Tour of the screens"
        qtbot.waitUntil(lambda: not launcher.tasks.busy, timeout=20_000)
    finally:
        install_translations(QApplication.instance(), settings, language="en")
    assert i18n.current_language() == "en"


def test_welcome_rates_the_passphrase_and_says_each_thing_once(qtbot, settings) -> None:
    """Typed as a person types: a too-short passphrase is said once (under the field, not
    again under the form); "differ" waits until Repeat is typed; `password` and the
    operator's own name are refused whatever their length, with the reason; a few
    unrelated words are accepted."""
    dialog = WelcomeDialog(settings, "demo hint")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_create_page()
    ui = dialog.ui
    ui.operatorEdit.setText("Amina Hassan")
    assert not ui.createError.isVisibleTo(dialog)  # nothing typed: no scolding yet
    qtbot.keyClicks(ui.passphraseEdit, "pass")
    assert "Too short" in ui.strengthLabel.text()
    assert not ui.createError.isVisibleTo(dialog) or "Too short" not in ui.createError.text()
    qtbot.keyClicks(ui.passphraseEdit, "word")  # "password": 8 characters
    assert ui.passphraseEdit.text() == "password"
    assert "common password" in ui.strengthLabel.text()
    assert not ui.createConfirmButton.isEnabled()
    assert "differ" not in ui.createError.text()  # Repeat not typed yet
    ui.passphraseEdit.clear()
    qtbot.keyClicks(ui.passphraseEdit, "AminaHassan")
    assert "names" in ui.strengthLabel.text() and not ui.createConfirmButton.isEnabled()
    ui.passphraseEdit.clear()
    qtbot.keyClicks(ui.passphraseEdit, "tulip ocean gravel kite")
    assert "Strong" in ui.strengthLabel.text()
    assert not ui.createError.isVisibleTo(dialog)
    qtbot.keyClicks(ui.repeatEdit, "tulip")
    assert "differ" in ui.createError.text() and not ui.createConfirmButton.isEnabled()
    qtbot.keyClicks(ui.repeatEdit, " ocean gravel kite")
    assert ui.createConfirmButton.isEnabled() and not ui.createError.isVisibleTo(dialog)
