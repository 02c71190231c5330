"""The Candidates screen: a fast filterable table beside the candidate editor.

The table model holds compact rows of every candidate (loaded off the GUI thread) and
filters them in memory, so typing in the search box stays instant at 100,000 people.
Filters that need child tables (language ≥ level, skill, topic, training complete) are
answered by the database once per value and cached until the next save.

The screen is built from SQLAlchemy-free types (:mod:`services.candidate_index`,
:mod:`services.candidate_records`) and imports the SQL side (:mod:`services.candidates`)
where it first queries: the first load runs on a worker thread, so SQLAlchemy is imported
there while the window is already on screen. ``tests/test_startup.py`` keeps it so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHeaderView, QMainWindow, QMenu, QMessageBox, QWidget

from wir_manager.domain.enums import Stage
from wir_manager.qt import settings as opts
from wir_manager.qt import theme
from wir_manager.qt.context import AppContext
from wir_manager.qt.errors import show_error, user_message
from wir_manager.qt.forms.ui_candidates_view import Ui_CandidatesView
from wir_manager.qt.labels import stage_label, stage_labels
from wir_manager.qt.models.candidate_table import CandidateTableModel, prepare_index
from wir_manager.qt.widgets import confirm
from wir_manager.qt.widgets.candidate_filter_bar import CandidateFilterBar
from wir_manager.qt.widgets.screen import SidebarScreen
from wir_manager.qt.widgets.tables import width_for_labels
from wir_manager.services import candidate_index as ci
from wir_manager.services.candidate_index import CandidateFilter, CandidateIndex
from wir_manager.storage.changes import Changes, Kind

if TYPE_CHECKING:
    from wir_manager.qt.widgets.candidate_editor import CandidateEditor
    from wir_manager.qt.widgets.write_access import Control

log = logging.getLogger(__name__)
Button = QMessageBox.StandardButton
LAYOUT_KEY = "candidates"


def _confirm_and_erase(ctx: AppContext, parent: QWidget | None, candidate_id: int) -> bool:
    from wir_manager.qt.dialogs.erase_dialog import confirm_and_erase  # rarely needed

    return confirm_and_erase(ctx, parent, candidate_id)


class CandidatesView(SidebarScreen):
    """Sidebar screen "Candidates"."""

    TITLE = "Candidates"
    UNSAVED_DIALOG = "unsavedCandidateDialog"
    # The candidate index finished loading (tests and the bench wait for it).
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_CandidatesView()
        self.ui.setupUi(self)
        # Replaced by tests to answer questions without a modal loop.
        self.ask: confirm.Ask = confirm.ask
        self.report_error: Callable[[QWidget | None, BaseException], None] = show_error
        # Right-to-erasure flow (typed confirmation, then erase + compaction); replaceable
        # in tests.
        self.eraser: Callable[[AppContext, QWidget | None, int], bool] = _confirm_and_erase
        # Id sets of the SQL-answered filter parts, per value, until the next change.
        self._sets: dict[tuple[object, ...], set[int]] = {}
        self._usernames: dict[str, int] = {}
        self._restoring = False
        self._is_loaded = False
        self._pending_select: int | None = None
        self._loading = False
        # Changes that arrived while the index was loading (applied when it arrives).
        self._stale = False
        # A change could not be applied (see on_changes): the next one re-reads all.
        self._missed_changes = False

        self.model = CandidateTableModel(self)
        self._editor: CandidateEditor | None = None
        self._setup_table()
        self._setup_filters()
        self._setup_actions()
        from wir_manager.qt.widgets.wiki_verify import WikiVerify

        self.wiki = WikiVerify(self)
        self._restore_layout()
        # Just after the window's first frame: Tab leaves tables and notes, and every
        # control gets a name screen readers announce (nothing has focus before); and the
        # editor, which has nothing to show before a candidate is chosen from the list
        # that is still loading.
        self.ctx.tasks.when_released(self._make_accessible)
        self.ctx.tasks.when_released(lambda: self.editor)
        self.reload()

    # ------------------------------------------------------------------ setup
    def _setup_table(self) -> None:
        table = self.ui.table
        table.setModel(self.model)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        # Name, username and stage fit the list's share of a 1280 px window (a 1366x768
        # laptop) with every stage's name whole ("Under utbildning"); the rest scroll.
        stage_title = self.model.headerData(2, Qt.Orientation.Horizontal)
        stage_width = width_for_labels(table, stage_labels(), stage_title or "")
        for column, width in enumerate((172, 124, stage_width, 120, 200, 220, 220)):
            table.setColumnWidth(column, width)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        self.ui.splitter.setSizes([760, 480])

    def _setup_filters(self) -> None:
        ui = self.ui
        self.filters = CandidateFilterBar(ui.searchEdit, self)
        ui.filterLayout.addWidget(self.filters)
        self.filters.changed.connect(self.apply_filter)
        ui.searchEdit.returnPressed.connect(self._to_first_row)
        ui.searchEdit.addAction(theme.icon("search"), ui.searchEdit.ActionPosition.LeadingPosition)

    def _to_first_row(self) -> None:
        """Return in the search box: go to the first match, ready for arrow keys."""
        if self.model.rowCount():
            self.ui.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if not self.selected_ids():
                self.ui.table.setCurrentIndex(self.model.index(0, 0))

    def _setup_actions(self) -> None:
        ui = self.ui
        ui.newButton.setIcon(theme.icon("add"))
        ui.newButton.clicked.connect(self.new_item)
        ui.deleteButton.setIcon(theme.icon("delete"))
        ui.deleteButton.clicked.connect(self.delete_selected)
        ui.stageButton.setIcon(theme.icon("stage"))
        menu = QMenu(ui.stageButton)
        for stage in Stage:
            action = menu.addAction(stage_label(stage.value))
            action.triggered.connect(lambda _=False, s=stage.value: self.change_stage(s))
        ui.stageButton.setMenu(menu)
        ui.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        ui.table.customContextMenuRequested.connect(self._table_menu)
        self._update_buttons()

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        """Load the candidate index off the GUI thread; the table fills when it arrives."""
        if self._loading:
            return
        self._loading = True
        if not self._is_loaded:
            self.ui.countLabel.setText(self.tr("Loading candidates…"))
        db = self.ctx.db
        # Sorted here too, off the GUI thread: the order the rows are shown in, and the
        # Languages one, whose first header click at 100,000 rows sorted for ~100 ms
        # while the window waited (issue #16.17). Other columns sort when clicked.
        orders = {self.model.sort_column, (ci.LANGUAGES, False)}

        def load(_progress: object) -> tuple[CandidateIndex, list[tuple[int, str]]]:
            # The first load imports the SQL side (and SQLAlchemy) here, off the GUI thread.
            from wir_manager.services import candidates as svc

            index = svc.load_index(db)
            prepare_index(index, orders)
            return index, svc.affiliates(db)

        self.ctx.tasks.run(
            load,
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        if not self.ctx.db.closed:  # a read cut short by locking the file is no error
            self.report_error(self, exc)

    def on_changes(self, changes: Changes) -> None:
        """Re-read the rows of the candidates that changed (all of them only when the
        change did not say which); a training change only refreshes the "training
        complete" filter and the editor of a person it names.

        A re-read that fails (the server gone) is said in the status bar, not in a box:
        changes keep arriving during an outage, and the list is read again whole at the
        next change, when the connection may be back."""
        if self._missed_changes and self._is_loaded and not self._loading:
            self._missed_changes = False
            self.reload()
            return
        try:
            self._apply_changes(changes)
        except Exception as exc:
            if self.ctx.db.closed:
                return
            message, expected = user_message(exc)
            if not expected:
                self.report_error(self, exc)
                return
            self._missed_changes = True
            self._status(
                self.tr("The list could not be brought up to date: {reason}").format(reason=message)
            )

    def _apply_changes(self, changes: Changes) -> None:
        if self._loading or not self._is_loaded:
            self._stale = self._stale or changes.touches(Kind.CANDIDATES | Kind.TRAINING)
            return
        ids = changes.candidate_ids
        if changes.touches(Kind.CANDIDATES):
            if ids is None:
                self.reload()
                return
            if ids:
                self._refresh_rows(sorted(ids))
        elif changes.touches(Kind.TRAINING | Kind.PROGRAMME):
            self._sets.clear()
            if self.current_filter().training_complete:
                self.apply_filter()
        else:
            return
        cid = self.editor.candidate_id
        if cid is not None and not self.editor.is_dirty() and (ids is None or cid in ids):
            if cid in self.model.candidate_index.position:
                self.show_candidate(cid)
            else:
                self.editor.load(None)  # erased or deleted elsewhere
                self._update_buttons()

    def _loaded(self, result: tuple[CandidateIndex, list[tuple[int, str]]]) -> None:
        if self.ctx.db.closed:
            return
        self._loading = False
        if self._stale:
            # Something changed while this was read: read again (still in the background).
            self._stale = False
            self.reload()
            return
        index, affiliates = result
        refreshing = self._is_loaded
        self.editor.set_affiliates(affiliates)
        self._sets.clear()
        f = self.current_filter()
        try:
            sets = self._id_sets(f) if f.needs_sets else []
        except Exception as exc:
            self.report_error(self, exc)
            sets = []
        self.model.set_index(index, f, sets)
        self._rebuild_usernames()
        self._is_loaded = True
        self._update_count()
        cid = self.editor.candidate_id
        if refreshing and cid is not None:
            if not self.editor.is_dirty():
                if cid in index.position:
                    self.show_candidate(cid)
                else:
                    self.editor.load(None)
            self._select_row_quietly(cid)
        if self._pending_select is not None:
            self.select_candidate(self._pending_select)
            self._pending_select = None
        self.loaded.emit()

    @property
    def is_loaded(self) -> bool:
        return self._is_loaded

    def _rebuild_usernames(self) -> None:
        self._usernames = {
            row[ci.USERNAME].casefold(): row[ci.ID] for row in self.model.candidate_index.rows
        }

    def _username_taken(self, username: str, exclude_id: int | None) -> bool:
        owner = self._usernames.get(username.strip().casefold())
        return owner is not None and owner != exclude_id

    # ------------------------------------------------------------------ filters
    def current_filter(self) -> CandidateFilter:
        return replace(self.filters.current_filter(), wiki=self.wiki.status)

    def _id_sets(self, f: CandidateFilter) -> list[set[int]]:
        from wir_manager.services import candidates as svc

        sets = svc.id_sets_for(self.ctx.db, f, cache=self._sets)
        if f.wiki:  # what the wikis said is kept by the wiki widget's service
            key = ("wiki", f.wiki)
            if key not in self._sets:
                self._sets[key] = self.wiki.ids_with(f.wiki)
            sets.append(self._sets[key])
        return sets

    def apply_filter(self) -> None:
        if self.ctx.db.closed:
            return
        current = self.editor.candidate_id
        f = self.current_filter()
        try:
            sets = self._id_sets(f) if f.needs_sets else []
        except Exception as exc:
            self.report_error(self, exc)
            return
        self.model.set_filter(f, sets)
        if current is not None:
            self._select_row_quietly(current)
        self._update_count()

    def clear_filters(self) -> None:
        self.wiki.filter.blockSignals(True)
        self.wiki.filter.setCurrentIndex(0)
        self.wiki.filter.blockSignals(False)
        self.filters.clear()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if shown == total:
            text = self.tr("%Ln candidate(s)", None, total)
        else:
            # Numbers grouped the locale's way ("1 090 av 3 007", not "1,090 av 3,007").
            text = self.tr("{shown} of %Ln candidate(s)", None, total).format(
                shown=QLocale().toString(shown)
            )
        self.ui.countLabel.setText(text)

    # ------------------------------------------------------------------ selection
    def selected_ids(self) -> list[int]:
        rows = self.ui.table.selectionModel().selectedRows()
        ids = [self.model.candidate_id(index.row()) for index in rows]
        return [i for i in ids if i is not None]

    def _select_row_quietly(self, candidate_id: int) -> None:
        row = self.model.row_of(candidate_id)
        selection = self.ui.table.selectionModel()
        self._restoring = True
        try:
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.model.index(row, 0)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.ui.table.scrollTo(index)
        finally:
            self._restoring = False

    def select_candidate(self, candidate_id: int) -> bool:
        """Select and show one candidate (through the unsaved-changes guard)."""
        if not self._is_loaded:
            self._pending_select = candidate_id
            return False
        row = self.model.row_of(candidate_id)
        if row is None:
            return False
        self.ui.table.setCurrentIndex(self.model.index(row, 0))
        return self.editor.candidate_id == candidate_id

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._restoring:
            return
        new_id = self.model.candidate_id(current.row()) if current.isValid() else None
        if new_id is None or new_id == self.editor.candidate_id:
            return
        if self.editor.is_dirty() and not self.confirm_leave():
            back = self.editor.candidate_id
            if back is not None:
                self._select_row_quietly(back)
            else:
                self._restoring = True
                self.ui.table.selectionModel().clear()
                self._restoring = False
            return
        self.show_candidate(new_id)

    def show_candidate(self, candidate_id: int) -> None:
        from wir_manager.services import candidates as svc

        try:
            detail = svc.get_candidate(self.ctx.db, candidate_id)
            entries = svc.history(self.ctx.db, candidate_id)
        except svc.CandidateNotFoundError as exc:
            self.report_error(self, exc)
            self._refresh_rows([candidate_id])
            return
        except Exception as exc:
            self.report_error(self, exc)
            return
        self.editor.load(detail, entries)
        data = detail.data
        self.wiki.show(candidate_id, data.username, data.edit_count, data.active_since)
        self._update_buttons()

    @property
    def editor(self) -> CandidateEditor:
        """The detail/editor pane, built on first use (see ``__init__``)."""
        if self._editor is None:
            from wir_manager.qt.widgets.candidate_editor import CandidateEditor

            editor = CandidateEditor(self.ui.editorPane, username_taken=self._username_taken)
            self.ui.editorLayout.addWidget(editor)
            editor.saveRequested.connect(self.save)
            editor.revertRequested.connect(self.revert)
            editor.addAffiliateRequested.connect(self.add_affiliate)
            editor.dirtyChanged.connect(lambda _d: self._update_buttons())
            save = editor.ui.saveButton
            editor.enable_save = lambda on: self.enable_writes("candidates", [save], on)
            editor.enable_save(save.isEnabled())
            # A login that may not change candidates reads the form, types nothing.
            editor.set_read_only(self.refusal("candidates"))
            self._make_accessible(editor)
            self._editor = editor
        return self._editor

    def _make_accessible(self, root: QWidget | None = None) -> None:
        # Imported here: its widget classes are not needed before the first frame.
        from wir_manager.qt import accessibility

        accessibility.make_accessible(root or self)

    def _update_buttons(self) -> None:
        # Each write control also needs the login's permission (always, in a file): a
        # viewer sees them disabled, with the reason as tooltip, whatever is selected.
        has_selection = bool(self.ui.table.selectionModel().selectedRows())
        self.enable_writes("candidates", [self.ui.newButton])
        self.enable_writes("candidates", [self.ui.stageButton], has_selection)
        self.enable_writes("candidates", [self.ui.deleteButton], has_selection, privilege="DELETE")
        if self._editor is not None:
            self._editor.set_read_only(self.refusal("candidates"))

    def write_control(self, method: str) -> Control | None:
        if method == "save":
            return self.editor.ui.saveButton
        return {"new_item": self.ui.newButton, "delete_selected": self.ui.deleteButton}.get(method)

    # ------------------------------------------------------------------ screen API
    def show_what(self, what: object) -> None:
        """Another screen pointed here: ``{"stage": "applied"}`` shows everyone in that
        stage (the Shortlists screen's "not considered" links)."""
        if isinstance(what, dict) and isinstance(what.get("stage"), str):
            self.filters.show_only_stage(what["stage"])

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def has_unsaved_changes(self) -> bool:
        return self._editor is not None and self._editor.is_dirty()

    def unsaved_text(self) -> str:
        return self.tr("Save the changes to this candidate?")

    def discard_changes(self) -> None:
        self.revert()

    def new_item(self) -> None:
        if self.editor.is_dirty() and not self.confirm_leave():
            return
        self._restoring = True
        self.ui.table.selectionModel().clear()
        self._restoring = False
        self.editor.load(None)
        self.editor.ui.tabs.setCurrentIndex(0)
        self.editor.ui.fullNameEdit.setFocus()

    def revert(self) -> None:
        if self.editor.candidate_id is None:
            self.editor.load(None)
        else:
            self.show_candidate(self.editor.candidate_id)

    def save(self) -> bool:
        """Save the editor's candidate; True when saved (or nothing to save)."""
        from wir_manager.services import candidates as svc

        if not self.editor.is_dirty():
            return True
        data, problems = self.editor.form_data()
        if problems or not self.editor.is_valid():
            self.editor.show_errors({**self.editor.errors(), **problems})
            return False
        db = self.ctx.db
        cid = self.editor.candidate_id

        def reload(known: int) -> None:
            self.show_candidate(known)
            self._refresh_rows([known])

        try:
            if cid is None:
                cid = svc.create_candidate(db, data)
            elif (
                confirm.save_resolving_stale(
                    self,
                    self.ask_stale,
                    lambda seen, known=cid: (
                        svc.update_candidate(db, known, data, expected_updated_at=seen) or True
                    ),
                    self.editor.loaded_updated_at,
                    reload=lambda known=cid: reload(known),
                )
                is None
            ):
                return False
        except svc.CandidateValidationError as exc:
            self.editor.show_errors(exc.errors)
            return False
        except Exception as exc:
            self.report_error(self, exc)  # e.g. deleted meanwhile, connection lost: kept
            return False
        self._refresh_rows([cid])
        self.show_candidate(cid)
        self._select_row_quietly(cid)
        self._status(self.tr("Saved."))
        self.changed.emit()
        return True

    def add_affiliate(self, name: str) -> int | None:
        """Add the affiliate typed in the editor (through the service: validated against
        the ones there, audited, announced on the change hub) and pick it; one that
        exists already under another spelling is picked instead. Returns its id."""
        from wir_manager.services import candidates as svc

        db = self.ctx.db
        try:
            affiliate_id, added = svc.add_affiliate(db, name)
            message = self.tr("Added the affiliate “{name}”.").format(name=added)
        except svc.AffiliateExistsError as exc:
            affiliate_id = exc.affiliate_id
            message = self.tr("“{name}” is in the list already: picked it.").format(name=exc.name)
        except svc.CandidateValidationError as exc:
            self.editor.show_errors(exc.errors)
            return None
        except Exception as exc:
            self.report_error(self, exc)
            return None
        self.editor.set_affiliates(svc.affiliates(db), select=affiliate_id)
        self._status(message)
        return affiliate_id

    def delete_selected(self) -> int:
        from wir_manager.services import candidates as svc

        ids = self.selected_ids()
        if not ids:
            return 0
        if len(ids) == 1:
            row = self.model.candidate_index.rows[self.model.candidate_index.position[ids[0]]]
            text = self.tr(
                "Delete {name} ({username}) with their languages, training records and "
                "shortlist entries? This cannot be undone."
            ).format(name=row[ci.NAME], username=row[ci.USERNAME])
        else:
            from wir_manager.services.localefmt import format_number

            text = self.tr(
                "Delete {n} candidates with their languages, training records and "
                "shortlist entries? This cannot be undone."
            ).format(n=format_number(len(ids)))
        if self.ask(self, self.tr("Delete"), text, Button.Yes | Button.No, Button.No) != Button.Yes:
            return 0
        try:
            deleted = svc.delete_candidates(self.ctx.db, ids)
        except Exception as exc:
            self.report_error(self, exc)
            return 0
        if self.editor.candidate_id in ids:
            self.editor.load(None)
        self._refresh_rows(ids)
        self._status(self.tr("%Ln candidate(s) deleted.", None, deleted))
        self.changed.emit()
        return deleted

    def _table_menu(self, pos: QPoint) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        stage = menu.addMenu(self.ui.stageButton.menu())
        stage.setText(self.tr("Change stage"))
        self.enable_writes("candidates", [stage])
        delete = menu.addAction(theme.icon("delete"), self.tr("Delete…"), self.delete_selected)
        self.enable_writes("candidates", [delete], privilege="DELETE")
        erase = menu.addAction(
            self.tr("Erase permanently (right to erasure)…"), self.erase_selected
        )
        self.enable_writes("candidates", [erase], len(ids) == 1, privilege="DELETE")
        menu.setToolTipsVisible(True)
        verify = menu.addAction(self.tr("Verify on the wikis"), self.wiki.verify)
        self.enable_writes("wiki_snapshots", [verify])
        timeline = menu.addAction(self.tr("Timeline…"), self.show_timeline)
        timeline.setEnabled(len(ids) == 1)
        menu.popup(self.ui.table.viewport().mapToGlobal(pos))

    def show_timeline(self) -> QWidget | None:
        """The selected person's history (stage changes, shortlists, dossiers, answers,
        placements, check-ins) with the coordinator's contact notes, in its own window."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        from wir_manager.qt.widgets.timeline import TimelineDialog
        from wir_manager.services import candidates as svc

        try:
            name = svc.get_candidate(self.ctx.db, ids[0]).data.full_name
        except Exception as exc:
            self.report_error(self, exc)
            return None
        dialog = TimelineDialog(self.ctx, ids[0], name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def erase_selected(self) -> bool:
        """GDPR erasure of the one selected person: unlike Delete, the person's strings are
        also scrubbed from the file and the logs keep only an anonymous placeholder."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return False
        if self.editor.is_dirty() and self.editor.candidate_id in ids and not self.confirm_leave():
            return False
        if not self.eraser(self.ctx, self, ids[0]):
            return False
        if self.editor.candidate_id in ids:
            self.editor.load(None)
        self._refresh_rows(ids)
        self._status(self.tr("Erased."))
        self.changed.emit()
        return True

    def change_stage(self, stage: str) -> int:
        from wir_manager.services import candidates as svc

        ids = self.selected_ids()
        if not ids:
            return 0
        if self.editor.is_dirty() and self.editor.candidate_id in ids and not self.confirm_leave():
            return 0
        try:
            changed = svc.set_stage(self.ctx.db, ids, stage)
        except Exception as exc:
            self.report_error(self, exc)
            return 0
        self._refresh_rows(ids)
        if self.editor.candidate_id in ids:
            self.show_candidate(self.editor.candidate_id)
        self._status(
            self.tr("%Ln candidate(s) moved to “{stage}”.", None, changed).format(
                stage=stage_label(stage)
            )
        )
        self.changed.emit()
        return changed

    def _refresh_rows(self, ids: list[int]) -> None:
        from wir_manager.services import candidates as svc

        selected = self.selected_ids()
        self._sets.clear()
        f = self.current_filter()
        sets = self._id_sets(f) if f.needs_sets else []
        # The table shows the index's rows as they are: nothing between patching them and
        # telling the model (a read that fails here would leave it pointing at moved rows).
        svc.refresh_index(self.ctx.db, self.model.candidate_index, ids)
        self.model.rows_changed(f, sets)
        self._rebuild_usernames()
        selection = self.ui.table.selectionModel()
        self._restoring = True
        try:
            for cid in selected:
                row = self.model.row_of(cid)
                if row is not None:
                    selection.select(
                        self.model.index(row, 0),
                        QItemSelectionModel.SelectionFlag.Select
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
        finally:
            self._restoring = False
        if self.editor.candidate_id is not None:
            self._select_row_quietly(self.editor.candidate_id)
        self._update_count()
        self._update_buttons()

    def _status(self, message: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 5000)

    # ------------------------------------------------------------------ layout & lock
    def _restore_layout(self) -> None:
        s = self.ctx.settings
        opts.restore_splitter(s, LAYOUT_KEY, self.ui.splitter)
        header = self.ui.table.horizontalHeader()
        if opts.restore_header(s, LAYOUT_KEY, header):
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        else:
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)

    def save_layout(self) -> None:
        s = self.ctx.settings
        opts.save_splitter(s, LAYOUT_KEY, self.ui.splitter)
        opts.save_header(s, LAYOUT_KEY, self.ui.table.horizontalHeader())

    def release(self) -> None:
        """Drop every record before the database locks."""
        self.save_layout()
        if self._editor is not None:
            self._editor.clear_all()
        self.model.clear()
        self._sets.clear()
        self._usernames.clear()
        self._is_loaded = False

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
