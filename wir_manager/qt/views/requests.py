"""Placement requests screen: the list of IGO requests beside the request editor.

The list is a :class:`RequestListModel` behind a :class:`RequestFilterProxy` (search and
status filter). Selecting a row loads that request into the editor; leaving a request
with unsaved changes asks first (save / discard / stay). All writes go through
:mod:`wir_manager.services.requests`.

Questions to the user go through the replaceable callables ``ask_unsaved`` and
``confirm_delete`` so tests (and a future batch mode) can answer without a modal loop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QMessageBox, QWidget

from wir_manager.domain.enums import RequestStatus
from wir_manager.qt import accessibility as a11y
from wir_manager.qt import settings as opts
from wir_manager.qt import theme
from wir_manager.qt.context import AppContext
from wir_manager.qt.errors import show_error
from wir_manager.qt.forms.ui_requests_view import Ui_RequestsView
from wir_manager.qt.models.records import ID_ROLE
from wir_manager.qt.models.request_list import (
    COL,
    RequestFilterProxy,
    RequestListModel,
    status_label,
)
from wir_manager.qt.views.request_editor import RequestEditor
from wir_manager.qt.widgets import confirm
from wir_manager.qt.widgets.screen import SidebarScreen
from wir_manager.qt.widgets.view_actions import drop_conflicting_shortcuts
from wir_manager.qt.widgets.write_access import Control
from wir_manager.services import requests as rq
from wir_manager.services.localefmt import format_number
from wir_manager.services.requests import RequestRow
from wir_manager.storage.changes import Changes, Kind

SETTINGS_KEY = "requests"


class RequestsView(SidebarScreen):
    """Sidebar screen "Placement requests"."""

    TITLE = "Placement requests"
    UNSAVED_DIALOG = "unsavedRequestDialog"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_RequestsView()
        self.ui.setupUi(self)
        self.model = RequestListModel(self)
        self.proxy = RequestFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.editor = RequestEditor(self)
        self.editor.setObjectName("requestEditor")
        save = self.editor.ui.saveButton
        self.editor.enable_save = lambda on: self.enable_writes("placement_requests", [save], on)
        self.editor.enable_save(save.isEnabled())
        self.ui.editorLayout.addWidget(self.editor)
        # True to go ahead deleting these requests; replaceable in tests.
        self.confirm_delete: Callable[[list[RequestRow]], bool] = self._confirm_delete_dialog
        self._switching = False
        self._setup_table()
        self._setup_filters()
        self._setup_actions()
        self._restore_layout()
        # Tab leaves tables and text boxes; every control has a name screen readers announce.
        self.ui.table.setAccessibleName(self.tr("Placement requests"))
        a11y.make_accessible(self)
        self.editor.state_changed.connect(self._update_actions)
        self.editor.save_requested.connect(self.save)
        self.reload()

    # ------------------------------------------------------------------ setup
    def _setup_table(self) -> None:
        table = self.ui.table
        table.setModel(self.proxy)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(table.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for col, width in (
            (COL["title"], 190),
            (COL["organisation"], 92),
            (COL["status"], 90),
            (COL["place"], 120),
            (COL["start"], 84),
            (COL["deadline"], 96),
            (COL["positions"], 64),
        ):
            table.setColumnWidth(col, width)
        # The list is sorted by deadline: that column comes right after the status, so
        # in a 1280 px window (a 1366x768 laptop) what a row is, whose, where it stands
        # and by when all show without scrolling; the duty station, start and the rest
        # follow to the right. A layout the user saved wins (restored later).
        header.moveSection(
            header.visualIndex(COL["deadline"]), header.visualIndex(COL["status"]) + 1
        )
        table.sortByColumn(COL["deadline"], Qt.SortOrder.AscendingOrder)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        table.selectionModel().selectionChanged.connect(self._update_actions)

    def _setup_filters(self) -> None:
        ui = self.ui
        ui.statusFilter.addItem(self.tr("All statuses"), "")
        ui.statusFilter.addItem(self.tr("Open or shortlisting"), "active")
        for status in RequestStatus:
            ui.statusFilter.addItem(status_label(status.value), status.value)
        ui.statusFilter.currentIndexChanged.connect(self._status_filter_changed)
        ui.searchEdit.textChanged.connect(self._search_changed)
        ui.newButton.clicked.connect(self.new_item)
        ui.deleteButton.clicked.connect(self.delete_selected)
        ui.newButton.setIcon(theme.icon("add"))
        ui.deleteButton.setIcon(theme.icon("delete"))

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str,
        slot: Callable[[], object],
        icon: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if icon:
            action.setIcon(theme.icon(icon))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _setup_actions(self) -> None:
        self.action_new = self._action(
            self.tr("&New request"), QKeySequence.StandardKey.New, self.new_item, "add"
        )
        self.action_new.setObjectName("actionNewRequest")
        self.action_save = self._action(
            self.tr("&Save request"), QKeySequence.StandardKey.Save, self.save, "save"
        )
        self.action_save.setObjectName("actionSaveRequest")
        self.action_delete = self._action(
            self.tr("&Delete request…"),
            QKeySequence(Qt.Key.Key_Delete),
            self.delete_selected,
            "delete",
        )
        self.action_delete.setObjectName("actionDeleteRequest")
        self.action_find = self._action(
            self.tr("&Find requests"), QKeySequence.StandardKey.Find, self.focus_search, "search"
        )
        self.action_find.setObjectName("actionFindRequests")

    def _restore_layout(self) -> None:
        settings = self.ctx.settings
        if not opts.restore_splitter(settings, SETTINGS_KEY, self.ui.splitter):
            self.ui.splitter.setSizes([560, 640])
        opts.restore_header(settings, SETTINGS_KEY, self.ui.table.horizontalHeader())

    def save_layout(self) -> None:
        opts.save_splitter(self.ctx.settings, SETTINGS_KEY, self.ui.splitter)
        opts.save_header(self.ctx.settings, SETTINGS_KEY, self.ui.table.horizontalHeader())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        drop_conflicting_shortcuts(self)

    def on_changes(self, changes: Changes) -> None:
        """Requests or organisations changed (here, in an import, elsewhere). When the
        change names its requests, only those rows are read again and patched in place
        (the selection and the scroll stay); otherwise (an organisation, an unknown
        change) the whole list. The request being looked at is re-read unless it is being
        edited."""
        if not changes.touches(Kind.REQUESTS):
            return
        ids = changes.request_ids
        if ids is None:
            self.reload()
        elif ids:
            self._refresh_rows(ids)
        current = self.editor.request_id
        if ids is not None and current not in ids:
            return
        if current is not None and not self.editor.is_dirty():
            if self.model.row_of(current) >= 0:
                self._open(current)
            else:
                self.editor.load(None)  # deleted elsewhere

    def hideEvent(self, event) -> None:
        self.save_layout()
        super().hideEvent(event)

    # ------------------------------------------------------------------ loading
    def reload(self, select_id: int | None = None) -> None:
        """Re-read organisations and the request list, keeping or choosing a selection."""
        keep = select_id if select_id is not None else self.editor.request_id
        self.editor.set_organisations(rq.list_organisations(self.ctx.db))
        self._switching = True
        try:
            self.model.set_records(rq.list_request_rows(self.ctx.db))
        finally:
            self._switching = False
        self._update_count()
        if keep is not None and self._select_id(keep):
            return
        if not self.editor.is_dirty():
            if self.proxy.rowCount() and keep is None and self.editor.request_id is None:
                self.ui.table.setCurrentIndex(self.proxy.index(0, 0))
            elif keep is not None:
                self.editor.load(None)
        self._update_actions()

    def _refresh_rows(self, ids: Iterable[int]) -> None:
        """Re-read just these requests and patch their rows (no model reset)."""
        wanted = sorted(ids)
        try:
            fresh = rq.list_request_rows(self.ctx.db, ids=wanted)
        except Exception as exc:
            show_error(self, exc)
            return
        self.model.patch_records(wanted, fresh)
        self._update_count()
        self._update_actions()

    def select_request(self, request_id: int) -> bool:
        """Select and open one request (the Today screen opens deadline lines here),
        after the unsaved-changes question for the request being edited."""
        if request_id == self.editor.request_id:
            return self._select_id(request_id)
        if not self.confirm_leave():
            return False
        if self._select_id(request_id):
            self._open(request_id)
            return True
        return False

    def _select_id(self, request_id: int) -> bool:
        row = self.model.row_of(request_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self._switching = True
        try:
            self.ui.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.ui.table.scrollTo(index)
        finally:
            self._switching = False
        return True

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = (
            self.tr("%Ln request(s)", None, total)
            if shown == total
            else self.tr("{shown} of %Ln request(s)", None, total).format(
                shown=format_number(shown)
            )
        )
        self.ui.countLabel.setText(text)

    # ------------------------------------------------------------------ filters
    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _status_filter_changed(self) -> None:
        value = self.ui.statusFilter.currentData()
        if value == "active":
            self.proxy.set_statuses({RequestStatus.OPEN, RequestStatus.SHORTLISTING})
        else:
            self.proxy.set_statuses({value} if value else None)
        self._update_count()

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    # ------------------------------------------------------------------ selection + guard
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._switching:
            return
        new_id = current.data(ID_ROLE) if current.isValid() else None
        if new_id == self.editor.request_id and new_id is not None:
            return
        if not self.confirm_leave():
            # Stay on the edited request: put the selection back without re-entering here.
            self._switching = True
            try:
                if previous.isValid():
                    self.ui.table.selectionModel().setCurrentIndex(
                        previous,
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
                else:
                    self.ui.table.selectionModel().clear()
            finally:
                self._switching = False
            return
        self._open(new_id)

    def _open(self, request_id: int | None) -> None:
        if request_id is None:
            self.editor.load(None)
            return
        try:
            self.editor.load(rq.get_request(self.ctx.db, request_id))
        except rq.RequestNotFoundError as exc:
            show_error(self, exc)
            self.reload()

    def has_unsaved_changes(self) -> bool:
        return self.editor.is_dirty()

    def unsaved_text(self) -> str:
        return self.tr("This request has unsaved changes.")

    def discard_changes(self) -> None:
        self.editor.revert()

    # ------------------------------------------------------------------ commands
    def new_item(self) -> None:
        """Start a blank request (after the unsaved-changes question)."""
        if not self.confirm_leave():
            return
        self._switching = True
        try:
            self.ui.table.selectionModel().clear()
        finally:
            self._switching = False
        self.editor.load(None)
        self.editor.ui.titleEdit.setFocus()
        self._update_actions()

    def save(self) -> bool:
        """Save the editor's request; True when stored (or nothing to save)."""
        if not self.editor.is_dirty():
            return True
        if not self.editor.is_valid():
            self.editor.touch_all()
            return False
        data = self.editor.form_data()

        def reload(rid: int) -> None:
            self.editor.load(rq.get_request(self.ctx.db, rid))
            self._refresh_rows([rid])
            self._select_id(rid)

        try:
            if data.id is None:
                saved = rq.save_request(self.ctx.db, data)
            else:
                rid = data.id
                found = confirm.save_resolving_stale(
                    self,
                    self.ask_stale,
                    lambda seen: rq.save_request(self.ctx.db, replace(data, updated_at=seen)),
                    data.updated_at,
                    reload=lambda: reload(rid),
                )
                if found is None:
                    return False
                saved = found
        except (rq.RequestError, rq.OrganisationError) as exc:
            self.editor.touch_all()
            show_error(self, exc)
            return False
        except Exception as exc:
            show_error(self, exc)  # e.g. deleted meanwhile, connection lost: the form is kept
            return False
        self.editor.set_organisations(rq.list_organisations(self.ctx.db))
        self.editor.load(saved)
        if saved.id is not None:  # only its row changed (a new organisation is read above)
            self._refresh_rows([saved.id])
            self._select_id(saved.id)
        self.changed.emit()
        return True

    def selected_rows(self) -> list[RequestRow]:
        rows = self.ui.table.selectionModel().selectedRows()
        return [self.model.record(self.proxy.mapToSource(index).row()) for index in rows]

    def delete_selected(self) -> None:
        """Del: inside a requirement table remove that row; elsewhere delete the selected
        requests after confirmation. Text fields keep Del for themselves."""
        focus = QApplication.focusWidget()
        if focus is self.editor.ui.languagesTable:
            self.editor.remove_language()
            return
        if focus is self.editor.ui.skillsTable:
            self.editor.remove_skill()
            return
        if focus is not None and self.editor.isAncestorOf(focus):
            return
        rows = self.selected_rows()
        if not rows or not self.confirm_delete(rows):
            return
        ids = [r.id for r in rows]
        # The row the deleted ones leave their place to (the next below, else above).
        at = min(self.ui.table.selectionModel().selectedRows(), key=lambda i: i.row()).row()
        try:
            rq.delete_requests(self.ctx.db, ids)
        except Exception as exc:
            show_error(self, exc)
            return
        if self.editor.request_id in ids:
            self.editor.load(None)
        # Only those rows go (the list keeps its scroll, filter and sort); the change the
        # deletion announces finds them gone already.
        self.model.patch_records(ids, ())
        self._update_count()
        if self.proxy.rowCount():
            self.ui.table.setCurrentIndex(self.proxy.index(min(at, self.proxy.rowCount() - 1), 0))
        self._update_actions()
        self.changed.emit()

    def _confirm_delete_dialog(self, rows: list[RequestRow]) -> bool:
        if len(rows) == 1:
            text = self.tr("Delete the request “{title}” ({org})?").format(
                title=rows[0].title, org=rows[0].organisation_label
            )
        else:
            text = self.tr("Delete %Ln request(s)?", None, len(rows))
        box = QMessageBox(self)
        box.setObjectName("confirmDeleteRequests")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete requests"))
        box.setText(text)
        box.setInformativeText(
            self.tr(
                "Their requirements and shortlists are deleted too. Placements and the "
                "disclosure log keep their records."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def _update_actions(self, *_args: object) -> None:
        # Each write control also needs the login's permission (always, in a file): a
        # login that may not write requests sees them disabled, with why as tooltip.
        can_save = self.editor.is_dirty() and self.editor.is_valid()
        self.enable_writes("placement_requests", [self.action_save], can_save)
        self.enable_writes("placement_requests", [self.ui.newButton, self.action_new])
        has_selection = bool(self.ui.table.selectionModel().selectedRows())
        self.enable_writes("placement_requests", [self.ui.deleteButton], has_selection)
        # Del also removes a row of the form's requirement tables (no write), so it
        # stays; deleting requests through it is refused by the server.
        self.action_delete.setEnabled(True)
        # A login that may not change requests reads the form, types nothing.
        self.editor.set_read_only(self.refusal("placement_requests"))

    def write_control(self, method: str) -> Control | None:
        return {
            "new_item": self.ui.newButton,
            "save": self.editor.ui.saveButton,
            "delete_selected": self.ui.deleteButton,
        }.get(method)

    def release(self) -> None:
        """Drop cached records before the database locks."""
        self.save_layout()
        self.model.set_records([])
