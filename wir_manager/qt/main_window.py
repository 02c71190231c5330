"""The main window: sidebar of screens, menus with every shortcut, status bar, lock.

Screens come from :mod:`wir_manager.qt.views.registry` and are imported and built the
first time they are shown, so start-up only pays for the first screen. A screen whose
module is missing (not written yet, or left out of a build) gets a clear placeholder
instead of breaking the window.

Locking closes the database (which wipes the key), throws every screen away, and emits
:attr:`MainWindow.locked`; the application then shows the unlock dialog and calls
:meth:`MainWindow.unlock` with the re-opened database.
"""

from __future__ import annotations

import importlib
import logging
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wir_manager import logsetup
from wir_manager.qt import settings as opts
from wir_manager.qt import theme
from wir_manager.qt.context import AppContext
from wir_manager.qt.errors import show_error
from wir_manager.qt.forms.ui_main_window import Ui_MainWindow
from wir_manager.qt.idle import IdleWatcher
from wir_manager.qt.views.registry import SCREENS, Screen
from wir_manager.qt.widgets import screen as screen_api
from wir_manager.qt.widgets import write_access
from wir_manager.qt.widgets.elided_label import ElidedLabel
from wir_manager.qt.widgets.screen import PlaceholderScreen
from wir_manager.qt.widgets.screen_fit import fit_to_screen
from wir_manager.storage.changes import Changes, Kind
from wir_manager.storage.database import Database

log = logging.getLogger(__name__)

SCREEN_ROLE = Qt.ItemDataRole.UserRole + 1


def screen_title(screen: Screen) -> str:
    return QCoreApplication.translate("Screens", screen.title)


class MainWindow(QMainWindow):
    # Emitted after the database was closed by Lock or auto-lock; carries its path.
    locked = Signal(str)
    # The window's first frame is on screen (emitted once, from the event loop).
    first_painted = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._track_database()
        self.setWindowIcon(theme.app_icon())
        self._screens: dict[str, QWidget] = {}
        self._is_locked = False
        self._closing_confirmed = False
        self._painted = False
        # Several refreshes in one turn of the event loop (building a screen, unlocking)
        # ask for one count, not one each.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._count_in_background)
        # Why the window locked itself, for the unlock dialog (None: the user locked it).
        self.lock_reason: str | None = None
        self._setup_sidebar()
        # A QStackedWidget is as large as its largest page ever built, so one wide screen
        # kept the window wide after leaving it: only the page shown counts.
        self.ui.stack.currentChanged.connect(self._only_current_page_sizes)
        self._setup_actions()
        self._setup_status_bar()
        from wir_manager.qt.i18n import add_language_menu

        self.ui.menuView.addSeparator()
        add_language_menu(self.ui.menuView, self.ctx.settings, on_change=self._language_chosen)
        self.idle = IdleWatcher(opts.AUTO_LOCK_MINUTES.get(ctx.settings), self)
        self.idle.idle.connect(self.auto_lock)
        self.first_painted.connect(self.idle.watch)
        self._restore_layout()
        self.refresh_status()
        self.ctx.hub.changed.connect(self._data_changed)

    def _track_database(self) -> None:
        """Where the open data is: a file's path, or a team server's address (no file)."""
        db = self.ctx.db
        self.is_server = bool(getattr(db, "is_server", False))
        self.db_path: Path | None = None if self.is_server else Path(db.path)
        self.db_location = db.location
        self.operator_name = db.operator
        self.ui.actionChangePassphrase.setVisible(not self.is_server)
        self.setWindowTitle(self._title(db))
        self.ui.menuFile.setToolTipsVisible(True)
        # The imports write: a login that may not (a viewer) sees them disabled, with
        # why in the tooltip, instead of the server's refusal after the whole wizard.
        write_access.enable_writes(db, "candidates", [self.ui.actionImportCandidates])
        write_access.enable_writes(db, "placement_requests", [self.ui.actionImportRequests])
        write_access.enable_writes(db, "training_progress", [self.ui.actionImportTraining])

    def _title(self, db: object) -> str:
        """ "WiR Manager", plus what kind of copy is open when it is not the live data."""
        from wir_manager.storage.snapshot import snapshot_info

        if not hasattr(self, "_base_title"):
            self._base_title = self.windowTitle() or "WiR Manager"  # the form's title
        base = self._base_title
        if self.is_server:
            return self.tr("{app} — team server").format(app=base)
        try:
            info = snapshot_info(db, as_opened=True)  # type: ignore[arg-type]
        except Exception:  # the title is not worth failing the window for
            info = None
        if info is None:
            return base
        if info.read_only:
            return self.tr("{app} — snapshot of {source} (read-only)").format(
                app=base, source=info.source
            )
        return self.tr("{app} — snapshot of {source}").format(app=base, source=info.source)

    def _data_changed(self, changes: Changes) -> None:
        """Counts in the status bar follow every change, also those made elsewhere."""
        if changes.touches(Kind.CANDIDATES | Kind.REQUESTS):
            self.refresh_status()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Announce the first frame once the whole window has been painted: the signal is
        queued, so it arrives after the child widgets painted in the same pass."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    # ------------------------------------------------------------------ setup
    def _setup_sidebar(self) -> None:
        sidebar = self.ui.sidebar
        sidebar.setIconSize(QSize(22, 22))
        for number, screen in enumerate(SCREENS, start=1):
            item = QListWidgetItem(theme.icon(screen.icon), screen_title(screen))
            item.setData(SCREEN_ROLE, screen.key)
            item.setSizeHint(QSize(0, 38))
            item.setToolTip(
                self.tr("{title} (Ctrl+{n})").format(title=screen_title(screen), n=number)
            )
            sidebar.addItem(item)
            action = QAction(theme.icon(screen.icon), screen_title(screen), self)
            action.setObjectName(f"actionScreen_{screen.key}")
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, key=screen.key: self.show_screen(key))
            self.ui.menuView.addAction(action)
        sidebar.currentRowChanged.connect(self._on_sidebar_row)
        self.ui.mainSplitter.setStretchFactor(0, 0)
        self.ui.mainSplitter.setStretchFactor(1, 1)
        # Wide enough for the longest title in the current language (Swedish ones are
        # longer), icon and padding included.
        metrics = sidebar.fontMetrics()
        longest = max(
            (metrics.horizontalAdvance(sidebar.item(i).text()) for i in range(sidebar.count())),
            default=0,
        )
        needed = longest + sidebar.iconSize().width() + 2 * sidebar.frameWidth() + 40
        sidebar.setMinimumWidth(needed)  # a wide screen must not clip the titles
        self.ui.mainSplitter.setCollapsible(0, False)
        self.ui.mainSplitter.setSizes([max(190, needed), 1090])

    def _setup_actions(self) -> None:
        ui = self.ui
        for action, icon_name in (
            (ui.actionNew, "add"),
            (ui.actionSave, "save"),
            (ui.actionLock, "lock"),
            (ui.actionFind, "search"),
            (ui.actionDelete, "delete"),
            (ui.actionHelp, "help"),
        ):
            action.setIcon(theme.icon(icon_name))
        # Del must not steal the key from text fields: only fire when no editor has focus.
        ui.actionDelete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(ui.actionDelete)
        ui.actionNew.triggered.connect(lambda: self.forward("new_item"))
        ui.actionSave.triggered.connect(lambda: self.forward("save"))
        ui.actionFind.triggered.connect(
            lambda: screen_api.call(self.current_screen(), "focus_search")
        )
        ui.actionDelete.triggered.connect(self._delete)
        ui.actionLock.triggered.connect(self.lock)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionAutoLock.triggered.connect(self._ask_auto_lock)
        ui.actionChangePassphrase.triggered.connect(self._change_passphrase)
        ui.actionHelp.triggered.connect(self.show_guide)
        ui.actionTour.triggered.connect(self.show_tour)
        ui.actionShortcuts.triggered.connect(self._help)
        ui.actionImportCandidates.triggered.connect(lambda: self.import_spreadsheet("candidates"))
        ui.actionImportRequests.triggered.connect(lambda: self.import_spreadsheet("requests"))
        ui.actionImportTraining.triggered.connect(lambda: self.import_spreadsheet("training"))
        ui.actionExportCandidates.triggered.connect(lambda: self.export_spreadsheet("candidates"))
        ui.actionExportTraining.triggered.connect(lambda: self.export_spreadsheet("training"))
        ui.actionAbout.triggered.connect(self._about)

    # ------------------------------------------------------------------ spreadsheets
    def import_spreadsheet(self, kind: str) -> int:
        """The import wizard (preview, problems per row, one transaction), then every built
        screen reloads so the new records show."""
        from wir_manager.qt.dialogs.import_wizard import run_import_wizard

        if not self._leave_current_screen():
            return 0
        created = run_import_wizard(self.ctx, self, kind)
        if created:
            for screen in self._screens.values():
                screen_api.call(screen, "reload")
            self.refresh_status()
            self.statusBar().showMessage(self.tr("%Ln imported.", None, created), 8000)
        return created

    def export_spreadsheet(self, kind: str, path: str | None = None) -> None:
        """Write an .xlsx in the background; ``path`` skips the file dialog (tests)."""
        from wir_manager.services.spreadsheets import export_candidates, export_training

        if path is None:
            suggested = "candidates.xlsx" if kind == "candidates" else "training-progress.xlsx"
            path, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Export to a spreadsheet"),
                suggested,
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not path:
                return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        db = self.ctx.db
        work = export_candidates if kind == "candidates" else export_training
        self.ctx.tasks.run(
            lambda progress: work(db, path, progress=progress),
            on_done=lambda n: self.statusBar().showMessage(
                self.tr("%Ln row(s) written to {path}.", None, n).format(path=path), 10_000
            ),
            label=self.tr("Writing the spreadsheet…"),
            parent=self,
        )

    def _leave_current_screen(self) -> bool:
        """Ask about unsaved edits on the current screen before a modal task."""
        return bool(screen_api.call(self.current_screen(), "confirm_leave", default=True))

    def _setup_status_bar(self) -> None:
        self.path_label = ElidedLabel(self)
        self.path_label.setObjectName("statusPath")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("statusCounts")
        self.lock_label = QLabel(self)
        self.lock_label.setObjectName("statusLock")
        self.operator_label = QLabel(self)
        self.operator_label.setObjectName("statusOperator")
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.operator_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.lock_label)

    # ------------------------------------------------------------------ screens
    def current_screen(self) -> QWidget | None:
        widget = self.ui.stack.currentWidget()
        return widget if widget in self._screens.values() else None

    def screen(self, key: str) -> QWidget | None:
        """The built screen for ``key`` (None until it was first shown)."""
        return self._screens.get(key)

    def current_key(self) -> str | None:
        item = self.ui.sidebar.currentItem()
        return item.data(SCREEN_ROLE) if item else None

    def show_screen(self, key: str) -> QWidget | None:
        for row in range(self.ui.sidebar.count()):
            if self.ui.sidebar.item(row).data(SCREEN_ROLE) == key:
                self.ui.sidebar.setCurrentRow(row)
                return self._screens.get(key)
        return None

    def _on_sidebar_row(self, row: int) -> None:
        if row < 0 or self._is_locked:
            return
        key = self.ui.sidebar.item(row).data(SCREEN_ROLE)
        previous = self.current_screen()
        target = self._screens.get(key)
        if previous is not None and previous is not target and not self._may_leave(previous):
            # Stay where the unsaved edit is; put the sidebar back without re-entering here.
            back = next((k for k, w in self._screens.items() if w is previous), None)
            if back is not None:
                self.ui.sidebar.blockSignals(True)
                self.show_screen(back)
                self.ui.sidebar.blockSignals(False)
            return
        widget = target or self._build_screen(key)
        self.ui.stack.setCurrentWidget(widget)
        opts.LAST_SCREEN.set(self.ctx.settings, key)
        self.refresh_status()

    def _only_current_page_sizes(self, index: int) -> None:
        stack = self.ui.stack
        for i in range(stack.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            stack.widget(i).setSizePolicy(policy, policy)
        stack.updateGeometry()
        self.fit_to_screen()

    def _build_screen(self, key: str) -> QWidget:
        spec = next(s for s in SCREENS if s.key == key)
        title = screen_title(spec)
        try:
            module = importlib.import_module(spec.module)
            cls = getattr(module, spec.cls)
        except ModuleNotFoundError as exc:
            if exc.name and spec.module.startswith(exc.name):
                widget: QWidget = PlaceholderScreen(
                    title,
                    self.tr("This screen is not part of this version of WiR Manager yet."),
                    self,
                )
            else:
                widget = self._failed_screen(title, exc)
        except Exception as exc:
            widget = self._failed_screen(title, exc)
        else:
            try:
                widget = cls(self.ctx, self)
            except Exception as exc:
                widget = self._failed_screen(title, exc)
        widget.setObjectName(f"screen_{key}")
        changed = getattr(widget, "changed", None)
        if changed is not None and hasattr(changed, "connect"):
            changed.connect(self.refresh_status)
        go_to = getattr(widget, "go_to", None)
        if go_to is not None and hasattr(go_to, "connect"):
            go_to.connect(self.go_to)
        self._screens[key] = widget
        self.ui.stack.addWidget(widget)
        return widget

    def go_to(self, key: str, what: object) -> None:
        """Show screen ``key`` (through the unsaved-changes question of the screen left)
        and hand it ``what`` another screen pointed at."""
        self.show_screen(key)
        if self.current_key() == key:
            screen_api.call(self._screens.get(key), "show_what", what)

    def _failed_screen(self, title: str, exc: BaseException) -> QWidget:
        path = logsetup.log_crash(type(exc), exc, exc.__traceback__)
        return PlaceholderScreen(
            title,
            self.tr(
                "This screen could not be opened because of an internal error. "
                "Details for support are in {path}."
            ).format(path=path),
            self,
        )

    def _may_leave(self, widget: QWidget) -> bool:
        if not screen_api.call(widget, "has_unsaved_changes", default=False):
            return True
        return bool(screen_api.call(widget, "confirm_leave", default=True))

    def _delete(self) -> None:
        self.forward("delete_selected")

    def forward(self, method: str) -> None:
        """Ctrl+N, Ctrl+S, Del: call the current screen's ``method`` — unless the screen's
        own button for it is refused to this login (a viewer's New); then the status bar
        says why, and nothing else happens."""
        screen = self.current_screen()
        reason = screen_api.call(screen, "write_refusal", method)
        if reason:
            self.statusBar().showMessage(str(reason), 10_000)
            return
        screen_api.call(screen, method)

    # ------------------------------------------------------------------ status
    def refresh_status(self) -> None:
        self.path_label.setText(self.db_location)
        if self.is_server:
            self.path_label.setToolTip(self.tr("Team server"))
            self.operator_label.setText(
                self.tr("Signed in as {login}").format(login=self.operator_name)
            )
            self.operator_label.setToolTip(
                self.tr("The server records this login as the author of every change.")
            )
        else:
            self.path_label.setToolTip(
                self.tr("Database file: {path}").format(path=self.db_location)
            )
            self.operator_label.setText(self.tr("Operator: {name}").format(name=self.operator_name))
            self.operator_label.setToolTip(
                self.tr("Your changes are signed with this name in the history.")
            )
        if self._is_locked or self.ctx.db.closed:
            self.counts_label.setText("")
            self.lock_label.setText(self.tr("Locked"))
            self.lock_label.setToolTip(self.tr("The database is closed and its key forgotten."))
            return
        self._count_timer.start()
        minutes = self.idle.minutes if hasattr(self, "idle") else 0
        self.lock_label.setText(
            self.tr("Unlocked · auto-lock {m} min").format(m=minutes)
            if minutes
            else self.tr("Unlocked")
        )
        self.lock_label.setToolTip(self.tr("Ctrl+L locks the database now."))

    def _count_in_background(self) -> None:
        """Counting reads every table, and at start-up it would also be the first use of
        the engine; the status bar is not worth making the window wait for."""
        db = self.ctx.db

        def show(counts: dict[str, int]) -> None:
            if self._is_locked or db.closed or db is not self.ctx.db:
                return
            self.counts_label.setText(
                self.tr("%Ln candidate(s)", None, counts.get("candidates", 0))
                + " · "
                + self.tr("%Ln request(s)", None, counts.get("requests", 0))
            )

        def failed(_exc: BaseException) -> None:
            log.warning("could not count records for the status bar")

        self.ctx.tasks.run(lambda _progress: db.counts(), on_done=show, on_error=failed)

    # ------------------------------------------------------------------ lock
    @property
    def is_locked(self) -> bool:
        return self._is_locked

    def lock(self) -> bool:
        """Lock on request: unsaved edits are offered for saving first. True if locked."""
        for widget in list(self._screens.values()):
            if not self._may_leave(widget):
                return False
        self._do_lock()
        return True

    def auto_lock(self) -> None:
        """Lock after the idle time. An unsaved edit postpones it rather than being lost."""
        if any(
            screen_api.call(w, "has_unsaved_changes", default=False) for w in self._screens.values()
        ):
            self.statusBar().showMessage(
                self.tr("Auto-lock postponed: save or discard your changes first."), 60_000
            )
            self.idle.restart()
            return
        self._do_lock()

    def lock_because(self, reason: str) -> None:
        """Lock at once, without offering to save: the file cannot be trusted (it failed
        its integrity check). ``reason`` is the sentence the unlock dialog shows."""
        self.lock_reason = reason
        self._do_lock()

    def _do_lock(self) -> None:
        if self._is_locked:
            return
        self.save_layout()
        self.idle.stop()
        self.ctx.tasks.wait(10_000)
        self._drop_screens()
        self.ctx.hub.watch(None)
        self.ctx.db.close()
        self._is_locked = True
        self.ui.stack.addWidget(self._locked_page())
        self.ui.stack.setCurrentIndex(self.ui.stack.count() - 1)
        self.ui.sidebar.setEnabled(False)
        self._set_actions_enabled(False)
        self.refresh_status()
        self.locked.emit(self.db_location)

    def _locked_page(self) -> QWidget:
        """What the window shows under the unlock dialog: a lock and one line at the top.

        The unlock dialog is centred on this window. A centred line here ("… Enter the
        passphrase to continue.") ran out from under it, and its last letters stood as a
        stray "e." beside the passphrase field (issue #16.17); at the top nothing of it
        is hidden, whatever the window's size."""
        page = QWidget(self)
        page.setObjectName("lockedPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 24, 24, 24)
        row = QHBoxLayout()
        icon = QLabel(page)
        icon.setPixmap(theme.icon("lock").pixmap(24, 24))
        row.addWidget(icon)
        text = QLabel(self.tr("WiR Manager is locked. Enter the passphrase to continue."), page)
        text.setObjectName("lockedText")
        text.setWordWrap(True)
        row.addWidget(text, 1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _drop_screens(self) -> None:
        for widget in self._screens.values():
            screen_api.call(widget, "release")
            self.ui.stack.removeWidget(widget)
            widget.deleteLater()
        self._screens.clear()
        while self.ui.stack.count():
            page = self.ui.stack.widget(0)
            self.ui.stack.removeWidget(page)
            page.deleteLater()

    def _set_actions_enabled(self, enabled: bool) -> None:
        for action in (
            self.ui.actionNew,
            self.ui.actionSave,
            self.ui.actionFind,
            self.ui.actionDelete,
            self.ui.actionLock,
            self.ui.actionChangePassphrase,
            *self.ui.menuView.actions(),
        ):
            action.setEnabled(enabled)

    def unlock(self, db: Database) -> None:
        """Continue with the re-opened database after a lock."""
        self.lock_reason = None
        self.ctx.use_database(db)
        self._track_database()
        self._is_locked = False
        self.ui.sidebar.setEnabled(True)
        self._set_actions_enabled(True)
        self.rebuild_screens()
        self.idle.restart()

    def rebuild_screens(self) -> None:
        """Throw every built screen away and build the current one again (after an
        unlock, or when the data changed wholesale, e.g. the demo database was filled)."""
        key = self.current_key() or opts.LAST_SCREEN.get(self.ctx.settings)
        self._drop_screens()
        self.ui.sidebar.blockSignals(True)
        self.ui.sidebar.setCurrentRow(-1)
        self.ui.sidebar.blockSignals(False)
        self.show_screen(key)
        if self.current_screen() is None:
            self.ui.sidebar.setCurrentRow(0)
        self.refresh_status()

    # ------------------------------------------------------------------ layout
    def _restore_layout(self) -> None:
        s = self.ctx.settings
        geometry = opts.WINDOW_GEOMETRY.get(s)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        opts.restore_splitter(s, "main", self.ui.mainSplitter)
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area: the form's default 1280×800 (or a
        size saved on a bigger monitor) would put the status bar below a 1366×768
        laptop's taskbar."""
        fit_to_screen(self)

    def open_initial_screen(self) -> None:
        key = opts.LAST_SCREEN.get(self.ctx.settings)
        if self.show_screen(key) is None and self.current_screen() is None:
            self.ui.sidebar.setCurrentRow(0)

    def save_layout(self) -> None:
        s = self.ctx.settings
        opts.WINDOW_GEOMETRY.set(s, self.saveGeometry())
        opts.save_splitter(s, "main", self.ui.mainSplitter)
        for widget in self._screens.values():
            screen_api.call(widget, "save_layout")
        s.sync()

    # ------------------------------------------------------------------ dialogs
    def _ask_auto_lock(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self,
            self.tr("Auto-lock"),
            self.tr("Lock the database after this many idle minutes (0 = never):"),
            self.idle.minutes,
            0,
            24 * 60,
        )
        if ok:
            self.set_auto_lock_minutes(minutes)

    def set_auto_lock_minutes(self, minutes: int) -> None:
        opts.AUTO_LOCK_MINUTES.set(self.ctx.settings, minutes)
        self.idle.set_minutes(minutes)
        self.refresh_status()

    def _change_passphrase(self) -> None:
        from wir_manager.qt.dialogs.change_passphrase import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.ctx.db, self, self.ctx.tasks)
        dialog.open()

    def shortcut_lines(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every shortcut the window has, read from its actions
        in menu order, so the help can never list a key that does nothing or miss one;
        the screens' Ctrl+1 … Ctrl+N are one line."""
        lines: list[tuple[str, str]] = []
        screens = 0
        pending = list(self.menuBar().actions())
        while pending:
            action = pending.pop(0)
            if action.menu() is not None:
                pending[:0] = action.menu().actions()
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if not keys or any(keys == k for k, _what in lines):
                continue
            if action.objectName().startswith("actionScreen_"):
                screens += 1
                continue
            lines.append((keys, action.text().replace("&", "").rstrip("…").strip()))
        if screens:
            lines.append((f"Ctrl+1 … Ctrl+{screens}", self.tr("Switch screen")))
        return lines

    def _help(self) -> None:
        box = QMessageBox(self)
        box.setObjectName("helpDialog")
        box.setWindowTitle(self.tr("WiR Manager help"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(self.tr("Keyboard shortcuts"))
        rows = "".join(
            f"<tr><td style='padding-right: 18px'>{escape(keys)}</td><td>{escape(what)}</td></tr>"
            for keys, what in self.shortcut_lines()
        )
        box.setInformativeText(f"<table>{rows}</table>")  # a column per kind: tabs misalign
        box.open()

    def _language_chosen(self, _code: str) -> None:
        self.statusBar().showMessage(
            self.tr("The language changes the next time WiR Manager starts."), 10_000
        )

    def show_guide(self) -> None:
        from wir_manager.qt.dialogs.guide_dialog import show_guide

        show_guide(self)

    def show_tour(self) -> None:
        from wir_manager.qt.dialogs.tour import show_tour

        show_tour(self, self.ctx.settings)

    def _about(self) -> None:
        from wir_manager.qt.dialogs.about import AboutDialog

        AboutDialog(self.db_path or self.db_location, self).open()  # type: ignore[arg-type]

    # ------------------------------------------------------------------ close
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._is_locked and not self._closing_confirmed:
            for widget in list(self._screens.values()):
                if not self._may_leave(widget):
                    event.ignore()
                    return
        self._closing_confirmed = True
        self.save_layout()
        self.idle.detach()
        self.ctx.tasks.wait(30_000)
        for widget in self._screens.values():
            screen_api.call(widget, "release")
        if not self.ctx.db.closed:
            try:
                self.ctx.db.close()
            except Exception as exc:  # closing must never trap the user in the window
                show_error(self, exc)
        event.accept()
