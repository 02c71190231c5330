"""Start the desktop application: unlock (or create, or demo) → main window.

``main(argv)`` is what ``wir-manager`` / ``wir-manager gui [--demo] [--db PATH]`` run.
The flow is driven by signals, not nested ``exec()`` loops, so tests can walk through
it with ``qtbot`` and the lock → unlock cycle reuses the same code:

* ``--demo``, or "Open the demo database" on the welcome dialog: ``demo.db`` in the data
  folder, passphrase from ``WIR_MANAGER_PASSPHRASE`` or the documented demo passphrase
  ``wikimedian-demo`` (for that demo file only); created and filled in the background
  with a progress bar on first use.
* An existing database: unlocked with ``WIR_MANAGER_PASSPHRASE`` or a key remembered in
  the OS keyring when there is one, else the unlock dialog.
* No database at all: the welcome dialog.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from wir_manager import __version__, logsetup, startup
from wir_manager.qt import settings as opts
from wir_manager.qt import theme
from wir_manager.qt.context import AppContext
from wir_manager.qt.tasks import TaskRunner
from wir_manager.startup import DEMO_PASSPHRASE as DEMO_PASSPHRASE  # re-exported
from wir_manager.startup import demo_passphrase, demo_path
from wir_manager.storage import keystore
from wir_manager.storage.database import Database
from wir_manager.storage.errors import NoPassphraseError, StorageError, WrongPassphraseError
from wir_manager.storage.keystore import PendingUnlock

log = logging.getLogger(__name__)

DEMO_OPERATOR = "Demo operator"
DEMO_CANDIDATES = 3000
DEMO_REQUESTS = 24
DEMO_SEED = 1
# Background tasks start at the window's first frame, or after this long at the latest.
FIRST_FRAME_FALLBACK_MS = 1500


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def demo_hint(path: str) -> str:
    """The welcome window's line under "Open the demo database": what it is, its
    passphrase and where it is kept (the picture scripts show it with a short path)."""
    return _tr(
        "Fictional people and requests to try things out. Its passphrase is "
        "“{passphrase}”; it is stored as {path}."
    ).format(passphrase=demo_passphrase(), path=path)


def _warm_up_window() -> None:
    """Build the main window's widgets once and throw them away, while the key is still
    being derived (its other core): Qt's first widgets of a kind, the style's polish and
    the font metrics cost ~9 ms once per process, and the real window, built as soon as
    the key is ready, then comes up that much sooner. Nothing here touches data."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QMainWindow

    from wir_manager.qt.forms.ui_main_window import Ui_MainWindow

    shell = QMainWindow()
    Ui_MainWindow().setupUi(shell)
    shell.ensurePolished()
    QFontMetrics(shell.font()).horizontalAdvance("Placement requests")
    shell.deleteLater()


class Launcher(QObject):
    """Owns the start-up flow and, once unlocked, the main window."""

    # The main window is shown on an unlocked database.
    window_ready = Signal(object)
    # A start-up dialog was cancelled before any database was opened.
    aborted = Signal()
    # A demo database found empty at start (an earlier filling was cancelled) is full.
    demo_filled = Signal()

    def __init__(
        self,
        db_path: Path | str | None = None,
        *,
        demo: bool = False,
        settings: QSettings | None = None,
        demo_candidates: int = DEMO_CANDIDATES,
        pending: PendingUnlock | None = None,
    ) -> None:
        super().__init__()
        from wir_manager.storage.server import is_server_url

        # ``--db postgresql://…``: connect to this team server instead of opening a file.
        self.server_url = str(db_path) if is_server_url(db_path) else None
        self.db_path = Path(db_path) if db_path and self.server_url is None else None
        # An unlock begun before Qt was imported (see wir_manager.startup).
        self._pending = pending
        self.demo = demo
        self.demo_candidates = demo_candidates
        self.settings = settings or opts.open_settings()
        self.tasks = TaskRunner(self)
        self.window = None  # MainWindow, imported lazily
        self.dialog: QWidget | None = None

    # ------------------------------------------------------------------ start
    def start(self) -> None:
        if self.demo:
            self.open_demo()
            return
        if self.server_url is not None:
            self.open_server(self.server_url)
            return
        path = startup.database_to_open(self.db_path, opts.recent_files(self.settings))
        if path.exists():
            self.open_existing(path)
        elif self.db_path is not None:
            self.show_welcome(create_path=path)
        else:
            self.show_welcome()

    def open_existing(
        self, path: Path, *, passphrase: str | None = None, demo: bool = False
    ) -> None:
        """Unlock without asking when the environment or the keyring has the key.

        The key is derived on its own thread while this one imports the main window and
        its first screen; the whole-file integrity check runs after the window is up
        (see :meth:`check_then_back_up`), so a start costs about one Qt window plus the
        screen, whatever the size of the file.
        """
        pending, self._pending = self._pending, None
        if pending is None or pending.path != path:
            pending = keystore.PendingUnlock(path, passphrase=passphrase, quick_check=False)
        self._import_main_window()
        if not pending.done():
            _warm_up_window()
        try:
            db = pending.result()
            startup.trace("key ready")
        except NoPassphraseError:
            self.show_unlock(path)
            return
        except WrongPassphraseError as exc:
            if demo:
                error: str | None = str(exc)
            elif keystore.env_passphrase(keystore.PASSPHRASE_ENV):
                error = _tr(
                    "The passphrase in {env} does not open this file; type the passphrase."
                ).format(env=keystore.PASSPHRASE_ENV)
            else:
                error = None
            self.show_unlock(path, error=error)
            return
        except StorageError as exc:
            self.show_unlock(path, error=str(exc))
            return
        if not demo:
            opts.apply_operator(self.settings, db)
        opts.add_recent_file(self.settings, str(path))
        self.show_main(db, verify=True)
        if demo:
            self._refill_demo_if_empty(db)

    def _import_main_window(self) -> None:
        """Import the window and the screen it will open first (they are what a start
        spends its time on besides the key)."""
        import importlib

        from wir_manager.qt.views.registry import SCREENS

        importlib.import_module("wir_manager.qt.main_window")
        # What showing the window imports next (its title reads the snapshot marker, the
        # daily backup is scheduled): imported while the key is still being derived.
        importlib.import_module("wir_manager.storage.snapshot")
        importlib.import_module("wir_manager.services.backups")
        last = opts.LAST_SCREEN.get(self.settings)
        for spec in SCREENS:
            if spec.key == last:
                try:
                    importlib.import_module(spec.module)
                except Exception:  # the window reports a broken screen when it builds it
                    log.warning("screen module %s failed to import", spec.module)

    # ------------------------------------------------------------------ dialogs
    def show_welcome(self, create_path: Path | None = None) -> None:
        from wir_manager.qt.dialogs.welcome import WelcomeDialog

        dialog = WelcomeDialog(self.settings, demo_hint(str(demo_path())), create_path=create_path)
        dialog.created.connect(self.show_main)
        dialog.created.connect(lambda _db: self.offer_tour())
        dialog.demo_requested.connect(self.open_demo)
        dialog.open_requested.connect(lambda name: self.show_unlock(Path(name)))
        dialog.connect_requested.connect(self.show_connect)
        dialog.rejected.connect(self._maybe_abort)
        self._show_dialog(dialog)

    def open_server(self, url: str) -> None:
        """``--db postgresql://…``: the connect dialog filled in, connecting at once (it
        asks for the password only when libpq and the keyring have none)."""
        from wir_manager.qt.errors import show_error
        from wir_manager.storage.server import ServerAddress

        try:
            address = ServerAddress.parse(url)
        except StorageError as exc:
            show_error(None, exc)
            self.show_connect()
            return
        self.show_connect(address)
        dialog = self.dialog
        if dialog is not None:
            dialog.try_connect()  # type: ignore[attr-defined]

    def show_connect(self, address: object = None, *, locked: bool = False) -> None:
        """The team-server connect dialog (after a lock: ``locked``, password typed)."""
        from wir_manager.qt.dialogs.connect import ConnectDialog

        dialog = ConnectDialog(
            self.settings,
            self.window,
            address=address,  # type: ignore[arg-type]
            locked=locked,
        )
        dialog.connected.connect(self._unlocked)
        dialog.other_requested.connect(self._other_from_unlock)
        dialog.rejected.connect(self._maybe_abort)
        self._show_dialog(dialog)

    def show_unlock(self, path: Path, error: str | None = None) -> None:
        from wir_manager.qt.dialogs import common
        from wir_manager.qt.dialogs.unlock import UnlockDialog

        dialog = UnlockDialog(path, self.settings, self.window)
        if error:
            common.show_message(dialog.ui.errorLabel, error, error=True)
        dialog.unlocked.connect(self._unlocked)
        dialog.other_requested.connect(self._other_from_unlock)
        dialog.rejected.connect(self._maybe_abort)
        self._show_dialog(dialog)

    def _show_dialog(self, dialog: QWidget) -> None:
        startup.resume_gc()  # a person takes over from here: no start-up to hurry
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _other_from_unlock(self) -> None:
        self._switching = True
        if self.window is not None:
            # Locked main window: "other options" means quit to the start screen.
            self.window.close()
            self.window = None
        self.show_welcome()

    def _maybe_abort(self) -> None:
        if getattr(self, "_switching", False):
            self._switching = False
            return
        sender = self.dialog
        if sender is not None and getattr(sender, "database", None) is not None:
            return
        if self.window is not None and self.window.is_locked:
            self.window.close()
            self.window = None
        if self.window is None:
            self.aborted.emit()

    def _unlocked(self, db: Database) -> None:
        if self.window is not None and self.window.is_locked:
            self.window.unlock(db)
            self.window.raise_()
            if not db.is_server:
                self.start_auto_backup(db)
            return
        self.show_main(db)

    # ------------------------------------------------------------------ demo
    def open_demo(self) -> None:
        path = demo_path()
        passphrase = demo_passphrase()
        if path.exists():
            self.open_existing(path, passphrase=passphrase, demo=True)
            return
        try:
            db = Database.create(path, passphrase, DEMO_OPERATOR)
        except StorageError as exc:
            from wir_manager.qt.errors import show_error

            show_error(None, exc)
            self.aborted.emit()
            return
        opts.add_recent_file(self.settings, str(path))
        self._fill_demo(db)

    def _refill_demo_if_empty(self, db: Database) -> None:
        """An earlier filling of the demo database was cancelled: fill it now (counted in
        the background; the window is already up)."""
        self.tasks.run(
            lambda _progress: db.counts().get("candidates", 0),
            on_done=lambda n: self._fill_demo(db) if n == 0 and not db.closed else None,
            on_error=lambda exc: logsetup.log_crash(type(exc), exc, exc.__traceback__),
        )

    def _fill_demo(self, db: Database) -> None:
        """Fill the demo database off the GUI thread, with progress and Cancel; then show
        it (or rebuild the screens of the window already showing it)."""
        from wir_manager.services import demo as demo_service

        count = self.demo_candidates

        def fill(progress):
            return demo_service.generate(db, count, DEMO_REQUESTS, DEMO_SEED, progress)

        from wir_manager.services.localefmt import format_number

        self.tasks.run(
            fill,
            label=_tr("Creating the demo database with {n} fictional candidates…").format(
                n=format_number(count)
            ),
            parent=self.window,
            on_done=lambda _summary: self._show_demo(db),
            on_error=lambda exc: self._demo_failed(db, exc),
            on_cancel=lambda: self._show_demo(db),
        )

    def _show_demo(self, db: Database) -> None:
        if self.window is not None and self.window.ctx.db is db:
            self.window.rebuild_screens()
            self.demo_filled.emit()
        else:
            self.show_main(db)

    def _demo_failed(self, db: Database, exc: BaseException) -> None:
        from wir_manager.qt.errors import show_error

        show_error(self.window, exc)
        self._show_demo(db)

    # ------------------------------------------------------------------ window
    def show_main(self, db: Database, *, verify: bool = False) -> None:
        """The main window on ``db``. ``verify``: the file was unlocked without its
        integrity check, which then runs in the background before the daily backup."""
        from wir_manager.qt.main_window import MainWindow

        # Background work (the first screen's load, counts, checks) waits for the first
        # frame; see TaskRunner. The timer is a fallback for a window that never paints.
        self.tasks.hold()
        ctx = AppContext(db=db, tasks=self.tasks, settings=self.settings)
        window = MainWindow(ctx)
        if startup.tracing():  # before release(), which starts the deferred work
            window.first_painted.connect(lambda: startup.trace("first frame"))
        window.first_painted.connect(self.tasks.release)
        window.first_painted.connect(startup.resume_gc)
        self.tasks.when_released(theme.register_bundled_fonts)
        QTimer.singleShot(FIRST_FRAME_FALLBACK_MS, self.tasks.release)
        window.locked.connect(lambda where: self._relock(window, where))
        self.window = window
        self.dialog = None
        window.show()
        window.open_initial_screen()
        startup.trace("window shown")
        if startup.tracing():
            loaded = getattr(window.current_screen(), "loaded", None)
            if loaded is not None:
                loaded.connect(lambda: startup.trace("first screen loaded"))
        self.window_ready.emit(window)
        if db.is_server:
            return  # no file to check or back up: the server's are pg_dump's job
        if verify:
            self.check_then_back_up(db)
        else:
            self.start_auto_backup(db)

    def _relock(self, window: object, where: str) -> None:
        """After Lock: the unlock dialog for a file, the connect dialog for a server."""
        db = getattr(getattr(window, "ctx", None), "db", None)
        address = getattr(db, "address", None)
        if address is not None:
            self.show_connect(address, locked=True)
        else:
            self.show_unlock(Path(where), error=getattr(window, "lock_reason", None))

    def check_then_back_up(self, db: Database) -> None:
        """Read every page once, in the background; only an intact file is backed up.

        A damaged file must not rotate good backups out, so the backup waits for the
        check. If the check fails, the window locks (nothing more is read from or written
        to the damaged file) and the unlock dialog says what happened and what to do.
        """

        def damaged(exc: BaseException) -> None:
            if not isinstance(exc, StorageError):
                logsetup.log_crash(type(exc), exc, exc.__traceback__)
                self.start_auto_backup(db)  # the check itself failed, not the file
                return
            log.warning("integrity check failed after unlock")
            if self.window is not None and self.window.ctx.db is db and not db.closed:
                self.window.lock_because(str(exc))
            else:
                db.close()

        self.tasks.run(
            lambda _progress: db.integrity_check(),
            on_done=lambda _none: self.start_auto_backup(db) if not db.closed else None,
            on_error=damaged,
        )

    def offer_tour(self) -> None:
        """After the first database is created: the short tour of the screens, once.
        Opened window-modal without a nested event loop, so start-up never blocks."""
        from wir_manager.qt.dialogs.tour import TourDialog

        if self.window is None or opts.TOUR_SEEN.get(self.settings):
            return
        dialog = TourDialog(self.window)
        dialog.finished.connect(lambda _result: opts.TOUR_SEEN.set(self.settings, True))
        dialog.open()
        self.tour = dialog

    def start_auto_backup(self, db: Database) -> None:
        """Today's rotating backup (if not made yet), quietly in the background.

        A failure must not interrupt the user's work: it is logged (no data in the log)
        and said in the status bar, and tomorrow's start tries again.
        """
        from wir_manager.services import backups

        def failed(exc: BaseException) -> None:
            logsetup.log_crash(type(exc), exc, exc.__traceback__)
            if self.window is not None:
                self.window.statusBar().showMessage(
                    _tr("Today's automatic backup could not be made: {reason}").format(
                        reason=str(exc) if isinstance(exc, StorageError) else type(exc).__name__
                    ),
                    15_000,
                )

        def done(path: object) -> None:
            if path is not None and self.window is not None:
                self.window.statusBar().showMessage(_tr("Automatic backup saved."), 5_000)

        self.tasks.run(lambda _progress: backups.auto_backup(db), on_done=done, on_error=failed)


# ---------------------------------------------------------------------- None refcount
def none_refcount_leaks() -> bool:
    """True when calling a PySide6 method that returns nothing drops a reference to None.

    PySide6 6.12.0 does this on every void call on Python 3.11 and the interpreter soon
    aborts with "none_dealloc"; pyproject.toml therefore requires PySide6 < 6.12, and
    tests/test_qt_app.py checks with this probe that the installed build is sound.
    """
    if sys.version_info >= (3, 12):
        return False
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


# ---------------------------------------------------------------------- errors
_showing_crash = False


def install_error_handling() -> None:
    """Unhandled exceptions: logged without their message, then one plain Qt message."""
    logsetup.install_excepthook()
    logged = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        global _showing_crash
        logged(exc_type, exc, tb)
        if _showing_crash or QApplication.instance() is None:
            return
        _showing_crash = True
        try:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                _tr("WiR Manager"),
                _tr(
                    "Something unexpected went wrong ({kind}). Your saved data is unchanged. "
                    "Details for support are in {path}."
                ).format(kind=exc_type.__name__, path=logsetup.log_file()),
            )
            box.setObjectName("crashDialog")
            box.exec()
        finally:
            _showing_crash = False

    sys.excepthook = hook


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else None
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication([sys.argv[0] if sys.argv else "wir-manager", *(argv or [])])
    app.setApplicationName("WiR Manager")
    app.setApplicationDisplayName("WiR Manager")
    app.setOrganizationName("wir-manager")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("wir-manager")
    app.setWindowIcon(theme.app_icon())
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: theme.clear_cache())
    return app


def main(argv: list[str] | None = None, *, pending: PendingUnlock | None = None) -> int:
    """The desktop application. Usually entered through :func:`wir_manager.startup.gui_main`,
    which has begun unlocking (``pending``) before Qt was imported."""
    db, demo = startup.parse_gui_args(argv if argv is not None else sys.argv[1:])
    logsetup.setup()
    startup.trace("qt imported")
    app = make_application()
    from wir_manager.qt.i18n import install_translations

    install_translations(app, opts.open_settings())
    install_error_handling()
    startup.trace("application ready")
    launcher = Launcher(db, demo=demo, pending=pending)
    launcher.aborted.connect(app.quit)
    launcher.start()
    QTimer.singleShot(FIRST_FRAME_FALLBACK_MS, startup.resume_gc)  # in case nothing painted
    if launcher.window is None and launcher.dialog is None and not launcher.tasks.busy:
        return 1
    app.setQuitOnLastWindowClosed(True)
    return int(app.exec())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
