"""Training screen: the programme's modules beside the candidates × modules progress grid.

The grid loads off the GUI thread (``ctx.tasks``) into :class:`TrainingGridModel`, which
keeps compact rows and filters/sorts them itself, so the screen stays responsive at
50,000 candidates. Marking a selection runs as one task and one service call
(:func:`training.mark_and_promote`: write the cells and move the touched candidates whose
training is complete to "ready" in one transaction, then re-read only their rows), and
the rows are patched into the model (selection, scroll position and filter stay as they
were).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QAction, QHelpEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QHeaderView, QMenu, QSizePolicy, QToolTip, QWidget

from wir_manager.domain.enums import Stage, TrainingStatus
from wir_manager.qt import accessibility as a11y
from wir_manager.qt import settings as opts
from wir_manager.qt import theme
from wir_manager.qt.context import AppContext
from wir_manager.qt.errors import show_error
from wir_manager.qt.forms.ui_training_view import Ui_TrainingView
from wir_manager.qt.labels import stage_label, stage_labels
from wir_manager.qt.models.training_grid import STATUS_ROLE, PreparedGrid, TrainingGridModel
from wir_manager.qt.models.training_modules import ModuleListModel
from wir_manager.qt.views.module_editor import ModuleEditor
from wir_manager.qt.widgets import confirm
from wir_manager.qt.widgets.date_field import set_up_date_edit
from wir_manager.qt.widgets.screen import SidebarScreen
from wir_manager.qt.widgets.tables import width_for_labels
from wir_manager.qt.widgets.view_actions import drop_conflicting_shortcuts
from wir_manager.qt.widgets.write_access import Control
from wir_manager.services import training as tr
from wir_manager.services.localefmt import format_date
from wir_manager.services.progress import Progress
from wir_manager.storage.changes import Changes, Kind

SETTINGS_KEY = "training"
# Width of the candidate column of the grid, in pixels (about 22 characters).
NAME_COLUMN_WIDTH = 170
DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
ALL_STAGES = ""


class TrainingView(SidebarScreen):
    """Sidebar screen "Training"."""

    TITLE = "Training"
    UNSAVED_DIALOG = "unsavedModuleDialog"
    # Emitted after the grid (re)loaded or rows were patched; tests wait on it.
    grid_updated = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_TrainingView()
        self.ui.setupUi(self)
        self._fit_narrow_screens()
        self.modules = ModuleListModel(self)
        self.grid_model = TrainingGridModel(self)
        self.module_editor = ModuleEditor(self)
        self.module_editor.setObjectName("moduleEditor")
        save = self.module_editor.ui.saveButton
        self.module_editor.enable_save = lambda on: self.enable_writes(
            "training_modules", [save], on
        )
        self.module_editor.enable_save(save.isEnabled())
        self.module_editor.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.ui.moduleEditorLayout.addWidget(self.module_editor)
        self.loading = False
        self.last_result: tuple[int, list[int]] | None = None
        self._switching = False
        # Changes announced while this screen's own marking ran (see ``on_changes``).
        self._marking = False
        self._deferred = Changes()
        # A whole-grid read that started before this screen's own write finishes with
        # rows older than the ones already shown: it is dropped and read again (see
        # ``_grid_loaded``). Older reads overtaken by a newer read are dropped by the task
        # runner (the ``newest_of`` key below).
        self._grid_reads = object()
        self._writes = 0
        self._reread_after_marking = False
        self._setup_modules()
        self._setup_grid()
        self._setup_marking()
        self._setup_actions()
        self._restore_layout()
        # Tab leaves tables and text boxes; every control has a name screen readers announce.
        self.ui.grid.setAccessibleName(self.tr("Training progress by candidate and module"))
        self.ui.moduleList.setAccessibleName(self.tr("Programme modules"))
        a11y.make_accessible(self)
        self.reload_modules()
        self.reload_grid()

    # ------------------------------------------------------------------ setup
    def _setup_modules(self) -> None:
        ui = self.ui
        font = ui.modulesHeading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        ui.modulesHeading.setFont(font)
        ui.moduleList.setModel(self.modules)
        ui.moduleList.selectionModel().currentRowChanged.connect(self._module_selected)
        ui.addModuleButton.clicked.connect(self.new_module)
        ui.addModuleButton.setIcon(theme.icon("add"))
        ui.moveUpButton.clicked.connect(lambda: self.move_module(-1))
        ui.moveDownButton.clicked.connect(lambda: self.move_module(1))
        ui.installDefaultsButton.clicked.connect(self.install_defaults)
        self.module_editor.save_requested.connect(self.save_module)
        self.module_editor.state_changed.connect(self._update_module_buttons)

    def _setup_grid(self) -> None:
        ui = self.ui
        grid = ui.grid
        grid.setModel(self.grid_model)
        grid.setShowGrid(True)
        grid.verticalHeader().setVisible(False)
        grid.verticalHeader().setDefaultSectionSize(28)
        grid.setEditTriggers(grid.EditTrigger.NoEditTriggers)
        grid.horizontalHeader().setSortIndicatorShown(True)
        grid.horizontalHeader().setHighlightSections(False)
        # A module's short title ends in "…" where its column is narrow (clipped on both
        # sides it read "ikimedia"); the whole title is the header's tooltip (#16.17).
        grid.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        grid.selectionModel().selectionChanged.connect(self._selection_changed)
        grid.viewport().installEventFilter(self)
        self.grid_model.modelReset.connect(self._columns_reset)
        ui.cohortCombo.addItem(self.tr("All stages"), ALL_STAGES)
        for stage in Stage:
            ui.cohortCombo.addItem(stage_label(stage.value), stage.value)
        ui.cohortCombo.setCurrentIndex(ui.cohortCombo.findData(Stage.IN_TRAINING.value))
        ui.cohortCombo.currentIndexChanged.connect(self._filters_changed)
        ui.searchEdit.textChanged.connect(self._filters_changed)
        ui.incompleteOnlyCheck.toggled.connect(self._filters_changed)
        self._apply_filters()
        ui.legendLabel.setText(
            self.tr("✓ completed   ◐ in progress   · not started   (opt.) optional module")
        )
        palette = ui.legendLabel.palette()
        palette.setColor(ui.legendLabel.foregroundRole(), theme.muted_text())
        ui.legendLabel.setPalette(palette)

    def _setup_marking(self) -> None:
        ui = self.ui
        today = QDate.currentDate()
        set_up_date_edit(ui.dateEdit)
        ui.dateEdit.setMaximumDate(today)
        ui.dateEdit.setDate(today)
        ui.scoreSpin.setSpecialValueText(self.tr("—"))
        ui.scoreSpin.setToolTip(self.tr("Optional score (0–100) for completed modules"))
        ui.markButton.clicked.connect(lambda: self.mark_selection(TrainingStatus.COMPLETED))
        ui.inProgressButton.clicked.connect(lambda: self.mark_selection(TrainingStatus.IN_PROGRESS))
        ui.resetButton.clicked.connect(lambda: self.mark_selection(TrainingStatus.NOT_STARTED))
        ui.resetButton.setToolTip(self.tr("Set the selected cells back to “not started”"))
        ui.promoteButton.clicked.connect(self.promote_finished)
        ui.promoteButton.setVisible(False)
        grid = ui.grid
        grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        grid.customContextMenuRequested.connect(self._grid_menu)
        self._selection_changed()

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str,
        slot: Callable[[], object],
        name: str,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _setup_actions(self) -> None:
        self.action_new = self._action(
            self.tr("&New training module"),
            QKeySequence.StandardKey.New,
            self.new_item,
            "actionNewModule",
        )
        self.action_new.setIcon(theme.icon("add"))
        self.action_save = self._action(
            self.tr("&Save module"), QKeySequence.StandardKey.Save, self.save, "actionSaveModule"
        )
        self.action_save.setIcon(theme.icon("save"))
        self.action_mark = self._action(
            self.tr("&Mark selection completed"),
            QKeySequence("Ctrl+Return"),
            lambda: self.mark_selection(TrainingStatus.COMPLETED),
            "actionMarkCompleted",
        )
        # Ctrl+Return marks cells: not for a login that may not write training records.
        self.enable_writes("training_progress", [self.action_mark])
        self.action_find = self._action(
            self.tr("&Find candidates"),
            QKeySequence.StandardKey.Find,
            self.focus_search,
            "actionFindTraining",
        )
        self.action_find.setIcon(theme.icon("search"))
        self.action_reload = self._action(
            self.tr("&Reload grid"),
            QKeySequence.StandardKey.Refresh,
            self.reload_grid,
            "actionReloadTraining",
        )

    def _restore_layout(self) -> None:
        if not opts.restore_splitter(self.ctx.settings, SETTINGS_KEY, self.ui.splitter):
            self.ui.splitter.setSizes([330, 950])

    def save_layout(self) -> None:
        opts.save_splitter(self.ctx.settings, SETTINGS_KEY, self.ui.splitter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        drop_conflicting_shortcuts(self)

    # ------------------------------------------------------------------ changes
    def on_changes(self, changes: Changes) -> None:
        """Modules changed: read modules and grid again. Candidates or their training
        changed: re-read only their rows (the whole grid when the change did not say
        who, or someone appeared or disappeared)."""
        if self._marking:
            self._deferred = self._deferred | changes
            return
        if changes.touches(Kind.PROGRAMME):
            if not self.module_editor.is_dirty():
                self.reload_modules()
            self.reload_grid()
            return
        if not changes.touches(Kind.CANDIDATES | Kind.TRAINING):
            return
        ids = changes.candidate_ids
        if ids is None or self.loading:
            self.reload_grid()
            return
        if not ids:
            return
        db = self.ctx.db
        wanted = sorted(ids)
        self.ctx.tasks.run(
            lambda _progress: tr.load_grid(db, candidate_ids=wanted).rows,
            on_done=lambda rows: self._patch_changed(wanted, rows),
            on_error=self._task_failed,
            parent=self,
        )

    def _patch_changed(self, ids: list[int], rows: list[tr.GridRow]) -> None:
        if not self._alive():
            return
        model = self.grid_model
        present = {cid for cid in ids if model.has_candidate(cid)}
        fresh = {r.candidate_id for r in rows}
        if present != fresh:  # someone was added or deleted: the rows change, not just cells
            self.reload_grid()
            return
        model.patch_rows(rows)
        self._update_status()
        self.grid_updated.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.grid_model.refresh_colours()
        super().changeEvent(event)

    def hideEvent(self, event: Any) -> None:
        self.save_layout()
        super().hideEvent(event)

    # ------------------------------------------------------------------ modules
    def reload_modules(self, select_id: int | None = None) -> None:
        modules = tr.list_modules(self.ctx.db)
        keep = (
            select_id
            if select_id is not None
            else (self.module_editor.module.id if self.module_editor.module else None)
        )
        self._switching = True
        try:
            self.modules.set_modules(modules)
        finally:
            self._switching = False
        self.ui.installDefaultsButton.setVisible(not modules)
        row = self.modules.row_of(keep) if keep is not None else (0 if modules else -1)
        if row >= 0:
            self._switching = True
            try:
                self.ui.moduleList.setCurrentIndex(self.modules.index(row))
            finally:
                self._switching = False
            self.module_editor.load(self.modules.module(row))
        else:
            self.module_editor.load(None)
        self._update_module_buttons()

    def _module_selected(self, current: Any, previous: Any) -> None:
        if self._switching:
            return
        if not self.confirm_leave():
            self._switching = True
            try:
                self.ui.moduleList.setCurrentIndex(previous)
            finally:
                self._switching = False
            return
        if current.isValid():
            self.module_editor.load(self.modules.module(current.row()))
        self._update_module_buttons()

    def _update_module_buttons(self) -> None:
        row = self.ui.moduleList.currentIndex().row()
        count = self.modules.rowCount()
        editing_existing = self.module_editor.module is not None
        # Each write control also needs the login's permission (always, in a file).
        table = "training_modules"
        self.enable_writes(table, [self.ui.moveUpButton], editing_existing and row > 0)
        self.enable_writes(
            table, [self.ui.moveDownButton], editing_existing and 0 <= row < count - 1
        )
        self.enable_writes(
            table,
            [self.action_save],
            self.module_editor.is_dirty() and not self.module_editor.problem(),
        )
        self.enable_writes(
            table, [self.ui.addModuleButton, self.action_new, self.ui.installDefaultsButton]
        )
        # A login that may not change modules reads the module, types nothing.
        self.module_editor.set_read_only(self.refusal(table))

    def write_control(self, method: str) -> Control | None:
        return {
            "new_item": self.ui.addModuleButton,
            "save": self.module_editor.ui.saveButton,
        }.get(method)

    def new_module(self) -> None:
        if not self.confirm_leave():
            return
        self._switching = True
        try:
            self.ui.moduleList.selectionModel().clear()
        finally:
            self._switching = False
        self.module_editor.load(None)
        self.module_editor.ui.titleEdit.setFocus()
        self._update_module_buttons()

    def save_module(self) -> bool:
        editor = self.module_editor
        if not editor.is_dirty():
            return True
        form = editor.form()
        module = editor.module
        try:
            if module is None:
                saved = tr.add_module(
                    self.ctx.db, form.title, form.description, mandatory=form.mandatory
                )
            else:
                found = confirm.save_resolving_stale(
                    self,
                    self.ask_stale,
                    lambda seen: tr.update_module(
                        self.ctx.db,
                        module.id,
                        title=form.title,
                        description=form.description,
                        mandatory=form.mandatory,
                        active=form.active,
                        expected_version=seen,
                    ),
                    module.version,
                    reload=lambda: self.reload_modules(select_id=module.id),
                )
                if found is None:
                    return False
                saved = found
        except Exception as exc:
            show_error(self, exc)  # e.g. deleted meanwhile, connection lost: the form stays
            return False
        editor.load(saved)
        # The grid follows through the change hub (a module change re-reads it once).
        self.reload_modules(select_id=saved.id)
        self.changed.emit()
        return True

    def move_module(self, delta: int) -> None:
        module = self.module_editor.module
        if module is None or not self.confirm_leave():
            return
        try:
            tr.move_module(self.ctx.db, module.id, delta)
        except Exception as exc:
            show_error(self, exc)
            return
        self.reload_modules(select_id=module.id)

    def install_defaults(self) -> None:
        try:
            tr.install_default_modules(self.ctx.db)
        except Exception as exc:
            show_error(self, exc)
            return
        self.reload_modules()
        self.changed.emit()

    # ------------------------------------------------------------------ grid
    def reload_grid(self) -> None:
        """Load the whole grid in the background; the old grid stays until it arrives."""
        self.loading = True
        self.ui.statusLabel.setText(self.tr("Loading training records…"))
        db = self.ctx.db

        def work(progress: Progress) -> PreparedGrid:
            return TrainingGridModel.prepare(tr.load_grid(db, progress=progress))

        writes = self._writes
        self.ctx.tasks.run(
            work,
            on_done=lambda grid: self._grid_loaded(grid, writes),
            on_error=self._task_failed,
            parent=self,
            newest_of=self._grid_reads,
        )

    def _alive(self) -> bool:
        """False once the screen was dropped (lock, close) while a task was running."""
        return shiboken6.isValid(self) and shiboken6.isValid(self.grid_model)

    def _grid_loaded(self, grid: PreparedGrid, writes: int) -> None:
        if not self._alive():
            return
        if self._marking:
            self._reread_after_marking = True  # the write in flight may postdate these rows
            return
        if writes != self._writes:
            # This screen wrote while the grid was read: the rows may predate the write.
            self.reload_grid()
            return
        self.loading = False
        self.grid_model.set_grid(grid)
        self._update_status()
        self.grid_updated.emit()

    def _task_failed(self, exc: BaseException) -> None:
        if not self._alive() or self.ctx.db.closed:
            return  # the file was locked or closed while the grid was read: nothing to say
        self.loading = False
        self._update_status()
        show_error(self, exc)

    def _columns_reset(self) -> None:
        header = self.ui.grid.horizontalHeader()
        model = self.grid_model
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        if model.columnCount():
            # A readable name first: with many modules the grid scrolls sideways rather
            # than squeezing every name to "Aar…" on a laptop screen.
            self.ui.grid.setColumnWidth(model.NAME, NAME_COLUMN_WIDTH)
        # Wide enough for every stage's name in the language in use ("Under utbildning").
        stage_title = model.headerData(model.STAGE, Qt.Orientation.Horizontal, DISPLAY_ROLE)
        self.ui.grid.setColumnWidth(
            model.STAGE, width_for_labels(self.ui.grid, stage_labels(), stage_title or "")
        )
        for col in model.module_columns():
            self.ui.grid.setColumnWidth(col, 58 if model.grid.modules[col - 2].mandatory else 66)
        if model.columnCount() > 2:
            self.ui.grid.setColumnWidth(model.columnCount() - 1, 70)

    def _apply_filters(self) -> None:
        stage = self.ui.cohortCombo.currentData()
        self.grid_model.set_filter(
            text=self.ui.searchEdit.text(),
            stages={stage} if stage else None,
            incomplete_only=self.ui.incompleteOnlyCheck.isChecked(),
        )

    def _filters_changed(self) -> None:
        self._apply_filters()
        self._update_status()

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def _update_promote(self) -> None:
        waiting = len(self.grid_model.finished_in_training())
        button = self.ui.promoteButton
        button.setVisible(waiting > 0)
        button.setText(self.tr("Move {n} finished to Ready").format(n=waiting))
        # It changes the candidates' stage: a login that may not sees why.
        self.enable_writes("candidates", [button])
        button.setToolTip(
            self.tr(
                "Candidates still “in training” who completed every mandatory module "
                "(for example after a module was retired)"
            )
        )

    def promote_finished(self) -> None:
        """Move every in-training candidate whose training is complete to "ready"."""
        ids = self.grid_model.finished_in_training()
        if not ids:
            return
        db = self.ctx.db

        self._set_busy(True)
        self._marking = True
        self.ctx.tasks.run(
            lambda _progress: tr.promote_and_reload(db, ids),
            on_done=self._marked,
            on_error=self._mark_failed,
            on_cancel=lambda: self._set_busy(False),
            parent=self,
        )

    def _grid_menu(self, pos: Any) -> None:
        index = self.ui.grid.indexAt(pos)
        menu = QMenu(self)
        menu.setObjectName("trainingGridMenu")
        has_selection = bool(self.selected_cells())
        for text, status in (
            (self.tr("Mark completed"), TrainingStatus.COMPLETED),
            (self.tr("Mark in progress"), TrainingStatus.IN_PROGRESS),
            (self.tr("Reset to not started"), TrainingStatus.NOT_STARTED),
        ):
            action = menu.addAction(text)
            self.enable_writes("training_progress", [action], has_selection)
            action.triggered.connect(lambda _c=False, st=status: self.mark_selection(st))
        menu.setToolTipsVisible(True)
        module = self.grid_model.module_at(index.column()) if index.isValid() else None
        if module is not None:
            menu.addSeparator()
            column = menu.addAction(self.tr("Select this module for everyone shown"))
            column.triggered.connect(lambda: self.ui.grid.selectColumn(index.column()))
        menu.popup(self.ui.grid.viewport().mapToGlobal(pos))

    def _update_status(self, message: str | None = None) -> None:
        self._update_promote()
        model = self.grid_model
        summary = self.tr("{shown} of {total} candidates shown · {ready} with training complete")
        text = summary.format(shown=model.rowCount(), total=model.total, ready=model.ready_count())
        if message:
            text = f"{message}  {text}"
        if not model.grid.modules and not self.loading:
            text = self.tr("The programme has no active module yet: add one on the left.")
        self.ui.statusLabel.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A tooltip over a started module cell adds its dates and score, read for that
        one cell when asked (the grid's rows carry status codes only)."""
        if (
            event.type() == QEvent.Type.ToolTip
            and watched is self.ui.grid.viewport()
            and isinstance(event, QHelpEvent)
        ):
            index = self.ui.grid.indexAt(event.pos())
            module_id = self.grid_model.module_at(index.column()) if index.isValid() else None
            if module_id is not None:
                text = self.grid_model.data(index, Qt.ItemDataRole.ToolTipRole)
                if self.grid_model.data(index, STATUS_ROLE) != tr.NOT_STARTED:
                    record = self.grid_model.row_record(index.row())
                    extra = self.cell_details(record.candidate_id, module_id)
                    if extra:
                        text = f"{text}\n{extra}"
                QToolTip.showText(event.globalPos(), text, self.ui.grid)
                return True
        return super().eventFilter(watched, event)

    def cell_details(self, candidate_id: int, module_id: int) -> str:
        """Dates and score of one cell as a line of text ("" when there is none)."""
        detail = tr.cell_detail(self.ctx.db, candidate_id, module_id)
        parts = []
        if detail.started_on:
            parts.append(self.tr("started {date}").format(date=format_date(detail.started_on)))
        if detail.completed_on:
            parts.append(self.tr("completed {date}").format(date=format_date(detail.completed_on)))
        if detail.score is not None:
            parts.append(self.tr("score {score}").format(score=detail.score))
        return ", ".join(parts)

    # ------------------------------------------------------------------ selection
    def selected_cells(self) -> dict[int, set[int]]:
        """Module id → candidate ids of the selection.

        Selected module cells count as they are; a selected name, stage or ready cell
        stands for the candidate's whole row (every active module). Read from selection
        ranges, never from a list of indexes, so selecting 50,000 rows stays cheap.
        """
        model = self.grid_model
        modules = model.module_columns()
        by_module: dict[int, set[int]] = {}
        for rng in self.ui.grid.selectionModel().selection():
            rows = range(rng.top(), rng.bottom() + 1)
            cols = range(rng.left(), rng.right() + 1)
            cids = model.candidate_ids(rows)
            module_cols = [c for c in cols if c in modules]
            whole_row = any(c not in modules for c in cols)
            targets = modules if whole_row else module_cols
            for col in targets:
                mid = model.module_at(col)
                if mid is not None:
                    by_module.setdefault(mid, set()).update(cids)
        return by_module

    def _fit_narrow_screens(self) -> None:
        """At 1366 px in Swedish the selection text, the date, score and three buttons
        did not fit on one row beside the module list: the text gets its own row, the
        legend wraps, and the module pane may narrow (its buttons' texts are short)."""
        ui = self.ui
        ui.markLayout.removeWidget(ui.selectionLabel)
        index = ui.gridLayout.indexOf(ui.markLayout)
        ui.gridLayout.insertWidget(index, ui.selectionLabel)
        ui.selectionLabel.setWordWrap(True)
        ui.legendLabel.setWordWrap(True)
        ui.statusLabel.setWordWrap(True)
        ui.splitter.setChildrenCollapsible(False)

    def _selection_changed(self, *_args: object) -> None:
        cells = self.selected_cells()
        count = sum(len(c) for c in cells.values())
        people = len(set().union(*cells.values())) if cells else 0
        self.ui.selectionLabel.setText(
            self.tr("{cells} of %Ln candidate(s) selected", None, people).format(
                cells=self.tr("%Ln cell(s)", None, count)
            )
            if count
            else self.tr("Select cells or candidates to mark")
        )
        # Marking also needs the login's permission (a viewer sees why in the tooltip).
        self.enable_writes(
            "training_progress",
            [self.ui.markButton, self.ui.inProgressButton, self.ui.resetButton],
            bool(count),
        )

    def select_cells(self, candidate_ids: list[int], module_ids: list[int] | None = None) -> None:
        """Select candidates' cells (all modules when ``module_ids`` is None)."""
        model = self.grid_model
        selection = self.ui.grid.selectionModel()
        selection.clear()
        columns = [
            c
            for c in model.module_columns()
            if module_ids is None or model.module_at(c) in module_ids
        ]
        for cid in candidate_ids:
            row = model.visible_row_of(cid)
            if row < 0:
                continue
            for col in columns:
                selection.select(model.index(row, col), QItemSelectionModel.SelectionFlag.Select)

    # ------------------------------------------------------------------ marking
    def marking_date(self) -> dt.date:
        qd = self.ui.dateEdit.date()
        return dt.date(qd.year(), qd.month(), qd.day())

    def mark_selection(self, status: TrainingStatus = TrainingStatus.COMPLETED) -> None:
        """Write the selection in one task: mark, promote the finished, refresh their rows."""
        cells = self.selected_cells()
        if not cells:
            return
        db = self.ctx.db
        on = self.marking_date()
        score = self.ui.scoreSpin.value()
        score_value = score if score >= 0 and status is TrainingStatus.COMPLETED else None
        touched = set().union(*cells.values())

        def work(progress: Progress) -> tr.MarkResult:
            return tr.mark_and_promote(
                db, cells, status, on=on, score=score_value, progress=progress
            )

        self._set_busy(True)
        self._marking = True
        self.ctx.tasks.run(
            work,
            on_done=self._marked,
            on_error=self._mark_failed,
            on_cancel=lambda: self._set_busy(False),
            label=self.tr("Updating training records…") if len(touched) > 2000 else None,
            parent=self,
        )

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.ui.markButton,
            self.ui.inProgressButton,
            self.ui.resetButton,
            self.ui.moduleList,
            self.module_editor,
        ):
            widget.setEnabled(not busy)
        if not busy:
            self._selection_changed()

    def _marked(self, result: tr.MarkResult) -> None:
        if not self._alive():
            return
        written, moved, rows = result.written, result.moved, result.rows
        self._writes += 1
        self._set_busy(False)
        self._end_marking({r.candidate_id for r in rows})
        self.last_result = (written, moved)
        self.grid_model.patch_rows(rows)
        message = self.tr("%Ln cell(s) updated.", None, written) if written else ""
        if moved:
            message += " " + self.tr(
                "%Ln candidate(s) completed the training and are now ready.", None, len(moved)
            )
        self._update_status(message.strip())
        self._selection_changed()
        self.changed.emit()
        self.grid_updated.emit()

    def _mark_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._end_marking(set())
        show_error(self, exc)

    def _end_marking(self, patched: set[int]) -> None:
        """Apply what was announced during the marking, except the rows just patched."""
        self._marking = False
        if self._reread_after_marking:
            self._reread_after_marking = False
            self.reload_grid()
        changes, self._deferred = self._deferred, Changes()
        ids = changes.candidate_ids
        if ids is not None and not changes.touches(Kind.PROGRAMME):
            changes = Changes(changes.kinds, frozenset(ids - patched))
            if not changes.candidate_ids:
                return
        if changes:
            self.on_changes(changes)

    # ------------------------------------------------------------------ screen API
    def new_item(self) -> None:
        self.new_module()

    def save(self) -> bool:
        return self.save_module()

    def has_unsaved_changes(self) -> bool:
        return self.module_editor.is_dirty()

    def unsaved_text(self) -> str:
        return self.tr("This training module has unsaved changes.")

    def discard_changes(self) -> None:
        self.module_editor.load(self.module_editor.module)

    def release(self) -> None:
        self.save_layout()
        self.grid_model.set_grid(tr.ProgressGrid((), []))
