"""Import wizard: choose a file → say what its columns mean → see every row, read as a
person would, with its problems → import in the background with progress and Cancel.

Candidate files (.xlsx, .ods, .xls, .csv) get a mapping step above the preview
(:class:`~wir_manager.qt.widgets.import_mapping.MappingPanel`): each column's meaning,
suggested from its header or taken from a saved mapping, how a text file was read, the
date order, and "update people already in the database". Any change re-checks the file
in the background. The preview shows each interpreted cell as "raw → reading".

Reading and checking run off the GUI thread (a 10,000-row sheet takes a few seconds);
rows with problems are tinted and listed below. "Import" is enabled only when the sheet
has no errors; "Import good rows…" writes the rows without problems and puts the
others in a problems workbook to fix and import again. Warnings (a name very like an
existing person's) ask for confirmation first. Writing is one transaction: Cancel or
any error leaves the database exactly as before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QStringListModel, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QWidget,
)

from wir_manager.qt import settings as opts
from wir_manager.qt.context import AppContext
from wir_manager.qt.errors import show_error
from wir_manager.qt.forms.ui_import_wizard import Ui_ImportWizard
from wir_manager.qt.models.import_preview import ImportPreviewModel, ProblemRowsFilter
from wir_manager.qt.tasks import TaskHandle
from wir_manager.qt.widgets import write_access
from wir_manager.qt.widgets.import_mapping import MappingPanel
from wir_manager.qt.widgets.screen_fit import fit_to_screen
from wir_manager.qt.widgets.training_import import TrainingPanel
from wir_manager.services.progress import Progress
from wir_manager.services.spreadsheets import (
    ImportReport,
    ImportResult,
    read_sheet,
    write_candidate_template,
    write_report,
    write_request_template,
)
from wir_manager.services.spreadsheets import mapping as mp
from wir_manager.services.spreadsheets.candidates_import import (
    FileLook,
    look_at,
    read_candidates,
    write_candidates,
)
from wir_manager.services.spreadsheets.training_import import (
    Source,
    TrainingReport,
    TrainingResult,
    WrongPlatformError,
    read_training,
    save_course_mapping,
    saved_course_mapping,
    write_training,
)

FileAsker = Callable[[QWidget, str, str, str], str]

# Kind of import -> the table it writes (training imports also promote the finished
# people, which whoever may write training records may do too).
_WRITES = {
    "candidates": "candidates",
    "requests": "placement_requests",
    "training": "training_progress",
}


def _open_name(parent: QWidget, title: str, folder: str, filters: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, folder, filters)[0]


def _save_name(parent: QWidget, title: str, path: str, filters: str) -> str:
    return QFileDialog.getSaveFileName(parent, title, path, filters)[0]


class ImportWizard(QDialog):
    """Spreadsheet import for candidates or placement requests."""

    # Emitted after a successful import with the number of records written.
    imported = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        kind: str = "candidates",
        ask_open: FileAsker = _open_name,
        ask_save: FileAsker = _save_name,
        confirm: Callable[[QWidget, str, str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ImportWizard()
        self.ui.setupUi(self)
        self._ask_open = ask_open
        self._ask_save = ask_save
        self._confirm = confirm or self._confirm_box
        self.task: TaskHandle | None = None
        self._token: object | None = None
        self.result: ImportResult | None = None
        self.look: FileLook | None = None
        self.mapping_panel = MappingPanel(self)
        self.ui.splitter.insertWidget(0, self.mapping_panel)
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(250)
        self._recheck_timer.timeout.connect(self.recheck)
        self.mapping_panel.changed.connect(self._recheck_timer.start)
        self.mapping_panel.reading_changed.connect(self._reread)
        self.mapping_panel.saved_chosen.connect(self._saved_chosen)
        self.mapping_panel.save_requested.connect(self.save_mapping)
        self.training_panel = TrainingPanel(self)
        self.ui.splitter.insertWidget(1, self.training_panel)
        self.training_panel.changed.connect(self._recheck_timer.start)
        self.training_panel.source_changed.connect(self._reread)
        self.training_panel.save_requested.connect(self.save_course_mapping)

        self.ui.kindCombo.addItem(self.tr("Candidates"), "candidates")
        self.ui.kindCombo.addItem(self.tr("Placement requests"), "requests")
        self.ui.kindCombo.addItem(
            self.tr("Training progress (Open edX, Moodle, Dashboard)"), "training"
        )
        self.training_report: TrainingReport | None = None
        self.training_result: TrainingResult | None = None
        self.ui.kindCombo.setCurrentIndex(max(self.ui.kindCombo.findData(kind), 0))
        self.ui.kindCombo.currentIndexChanged.connect(self._kind_changed)

        self.model = ImportPreviewModel(self)
        self.proxy = ProblemRowsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.ui.previewTable.setModel(self.proxy)
        self.ui.previewTable.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.ui.previewTable.verticalHeader().setVisible(False)
        self.ui.previewTable.horizontalHeader().setStretchLastSection(True)
        self.problems = QStringListModel(self)
        self.ui.problemsView.setModel(self.problems)
        # The mapping (or training) panel and the preview share most of the height — the
        # mapping is the step a person checks column by column — and the problem list
        # gets the least (it says "no problems" in one line when all is well).
        splitter = self.ui.splitter
        for widget, stretch in (
            (self.mapping_panel, 4),
            (self.training_panel, 4),
            (self.ui.previewTable, 3),
            (self.ui.problemsView, 1),
        ):
            splitter.setStretchFactor(splitter.indexOf(widget), stretch)
        for table in (self.mapping_panel.table, self.ui.previewTable):
            rows = table.verticalHeader()
            rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        self.ui.onlyProblemsCheck.toggled.connect(self.proxy.set_only_problems)
        self.ui.problemsView.clicked.connect(self._jump_to_problem)

        self.import_button: QPushButton = self.ui.buttonBox.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(lambda: self.start_import())
        self.good_rows_button: QPushButton = self.ui.buttonBox.addButton(
            self.tr("Import &good rows…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.good_rows_button.setObjectName("importGoodRowsButton")
        self.good_rows_button.setEnabled(False)
        self.good_rows_button.setToolTip(
            self.tr(
                "Import the rows without problems and save the others, with what to fix, "
                "in a workbook you can import again."
            )
        )
        self.good_rows_button.clicked.connect(lambda: self.import_good_rows())
        # Saved mappings are kept in the shared settings (an admin's on a team server).
        write_access.enable_writes(
            ctx.db, "settings", [self.mapping_panel.save_button, self.training_panel.save_button]
        )
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.browseButton.clicked.connect(self.browse)
        self.ui.templateButton.clicked.connect(self.save_template)
        self._kind_changed()
        self._show_summary(self.tr("No file chosen yet."))
        self._restore_size()

    # ------------------------------------------------------------------ state
    @property
    def kind(self) -> str:
        return str(self.ui.kindCombo.currentData())

    @property
    def report(self) -> ImportReport | None:
        return self.model.report

    def _table(self) -> str:
        """The table an import of this kind writes (a login that may not write it finds
        Import disabled, saying why, instead of the server's refusal at the end)."""
        return _WRITES.get(self.kind, self.kind)

    def _enable_import(self, enabled: bool) -> None:
        write_access.enable_writes(self.ctx.db, self._table(), [self.import_button], enabled)

    def _enable_good_rows(self, enabled: bool) -> None:
        write_access.enable_writes(self.ctx.db, self._table(), [self.good_rows_button], enabled)

    def _kind_changed(self) -> None:
        # What Import writes changes with the kind: its refusal (if any) with it.
        self._enable_import(False)
        self._enable_good_rows(False)
        self.mapping_panel.setVisible(self.kind == "candidates")
        self.good_rows_button.setVisible(self.kind == "candidates")
        training = self.kind == "training"
        self.training_panel.setVisible(training)
        self.ui.onlyProblemsCheck.setVisible(not training)
        self.ui.templateButton.setVisible(not training)
        self.ui.previewTable.setModel(self.training_panel.learners if training else self.proxy)
        self.ui.headingLabel.setText(self._heading())
        path = self.ui.fileEdit.text()
        if path:
            self.load_file(Path(path))

    def _heading(self) -> str:
        """What this kind of import asks of the person (only candidates have a mapping
        step; requests come in the template's columns; training from a platform)."""
        if self.kind == "training":
            return self.tr(
                "Choose an export of Open edX / WikiLearn, Moodle or the Programs & Events "
                "Dashboard and say which of the programme's modules its items are. Every "
                "learner is checked first; nothing is written until you import."
            )
        if self.kind == "requests":
            return self.tr(
                "Choose a spreadsheet or text file (.xlsx, .ods, .xls, .csv) with one placement "
                "request per row, in the columns of the template. Every row is checked first; "
                "nothing is written until you import."
            )
        return self.tr(
            "Choose a spreadsheet or text file (.xlsx, .ods, .xls, .csv) and say what its "
            "columns mean. Every row is checked first; nothing is written until you import."
        )

    def _show_summary(self, text: str) -> None:
        self.ui.summaryLabel.setText(text)

    def _folder(self) -> str:
        return str(
            opts.IMPORT_FOLDER.get(self.ctx.settings)
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )

    # ------------------------------------------------------------------ steps
    def browse(self) -> None:
        name = self._ask_open(
            self,
            self.tr("Choose a spreadsheet"),
            self._folder(),
            self.tr("Spreadsheets and text files (*.xlsx *.ods *.xls *.csv *.txt *.tsv)"),
        )
        if name:
            opts.IMPORT_FOLDER.set(self.ctx.settings, str(Path(name).parent))
            self.load_file(Path(name))

    def save_template(self) -> None:
        name = self._ask_save(
            self,
            self.tr("Save import template"),
            str(Path(self._folder()) / f"{self.kind}-template.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not name:
            return
        try:
            if self.kind == "requests":
                write_request_template(Path(name))
            else:
                write_candidate_template(Path(name))
        except Exception as exc:
            show_error(self, exc)

    def load_file(self, path: Path, *, keep_reading: bool = False) -> TaskHandle:
        """Read ``path`` in the background: for candidates, find its columns and suggest
        (or recall) a mapping, then check every row; then fill the panels."""
        self.ui.fileEdit.setText(str(path))
        self.model.set_report(None)
        self.problems.setStringList([])
        self._enable_import(False)
        self._enable_good_rows(False)
        self._show_summary(self.tr("Checking every row…"))
        kind = self.kind
        db = self.ctx.db
        token = self._token = object()  # a newer file makes older results stale
        encoding = self.mapping_panel.encoding if keep_reading else None
        delimiter = self.mapping_panel.delimiter if keep_reading else None
        if kind == "training":
            return self._load_training(path, token)

        def work(progress: Progress) -> tuple[FileLook | None, ImportReport]:
            if kind != "candidates":
                return None, read_sheet(db, path, kind, progress)
            look = look_at(db, path, encoding=encoding, delimiter=delimiter, progress=progress)
            report = read_candidates(
                db,
                path,
                progress,
                mapping=look.mapping,
                encoding=encoding,
                delimiter=delimiter,
            )
            return look, report

        def done(result: tuple[FileLook | None, ImportReport]) -> None:
            if token is not self._token:
                return
            look, report = result
            self.look = look
            if look is not None:
                self.mapping_panel.set_csv(look.guess)
                names = [s.name for s in mp.saved_mappings(db, "candidates")]
                self.mapping_panel.set_saved(names, look.mapping.name)
                self.mapping_panel.set_mapping(look.mapping, look.examples)
            self._report_ready(report)

        return self._run_check(work, done, token)

    def _run_check(self, work: Any, done: Any, token: object) -> TaskHandle:
        def failed(exc: BaseException) -> None:
            if token is not self._token:
                return
            self._show_summary(str(exc) if isinstance(exc, ValueError) else "")
            show_error(self, exc)

        self.task = self.ctx.tasks.run(
            work,
            on_done=done,
            on_error=failed,
            on_cancel=lambda: self._show_summary(self.tr("Checking was cancelled.")),
            label=self.tr("Checking the spreadsheet…"),
            parent=self,
        )
        return self.task

    def _load_training(
        self, path: Path, token: object, mapping: dict[str, int | None] | None = None
    ) -> TaskHandle:
        """Read a learning platform's export (with the course's saved mapping when there
        is one for these items) and show items, modules and learners."""
        db = self.ctx.db
        source = self.training_panel.source
        self.training_report = None

        def work(progress: Progress) -> tuple[TrainingReport, str | None, str]:
            used, chosen = source, mapping
            try:
                report = read_training(db, path, used, mapping=chosen, progress=progress)
            except WrongPlatformError as exc:
                # Another platform's export: read it as that one (the combo box shows it
                # and the summary says why); a mapping of the other platform's items
                # does not apply.
                used, chosen = exc.found.value, None
                report = read_training(db, path, used, progress=progress)
            if chosen is None:
                saved = saved_course_mapping(db, used, report.items)
                if saved is not None:
                    name, items = saved
                    return read_training(db, path, used, mapping=items), name, used
            return report, None, used

        def done(result: tuple[TrainingReport, str | None, str]) -> None:
            if token is not self._token:
                return
            report, name, used = result
            summary = report.summary()
            if used != source:
                self.training_panel.set_source(used)
                summary = (
                    self.tr("Read as an export of {platform}: its columns say so.").format(
                        platform=Source(used).label
                    )
                    + " "
                    + summary
                )
            self.training_report = report
            self.training_panel.set_report(report, name)
            self.ui.previewTable.resizeColumnsToContents()
            self.problems.setStringList([*report.notes, *report.lines()])
            self._show_summary(summary)
            self._enable_import(report.ok and bool(report.changes))

        return self._run_check(work, done, token)

    def save_course_mapping(self, name: str) -> None:
        if self.training_report is None:
            return
        report = self.training_report
        mapped = dataclasses.replace(report, mapping=dict(self.training_panel.items.mapping))
        try:
            save_course_mapping(self.ctx.db, name, mapped)
        except Exception as exc:
            show_error(self, exc)
            return
        self._show_summary(self.tr("Saved the mapping “{name}”.").format(name=name))

    def _restore_size(self) -> None:
        """The size the user left it at, else room for a mapping of a dozen columns and
        the preview (the form's 960×640 showed two and a half mapping rows); either way
        within the screen's free area."""
        saved = opts.IMPORT_WIZARD_GEOMETRY.get(self.ctx.settings)
        if saved.isEmpty() or not self.restoreGeometry(saved):
            self.resize(1180, 760)
        fit_to_screen(self)

    def showEvent(self, event: QShowEvent) -> None:
        """Fitted again once shown: only then is the window frame's size known."""
        super().showEvent(event)
        fit_to_screen(self)

    def done(self, result: int) -> None:
        """Closing stops a pending re-check: no task may outlive the wizard."""
        self._recheck_timer.stop()
        self._token = object()
        opts.IMPORT_WIZARD_GEOMETRY.set(self.ctx.settings, self.saveGeometry())
        super().done(result)

    def recheck(self) -> TaskHandle | None:
        """Check the file again with the mapping and options as they are now."""
        if not self.isVisible():
            return None
        path = self.ui.fileEdit.text()
        if path and self.kind == "training":
            token = self._token = object()
            self._enable_import(False)
            return self._load_training(Path(path), token, dict(self.training_panel.items.mapping))
        if not path or self.kind != "candidates" or self.look is None:
            return None
        panel = self.mapping_panel
        mapping = panel.mapping
        update, erase = panel.update_check.isChecked(), panel.erase_check.isChecked()
        encoding, delimiter = panel.encoding, panel.delimiter
        db = self.ctx.db
        token = self._token = object()
        self._enable_import(False)
        self._enable_good_rows(False)
        self._show_summary(self.tr("Checking every row…"))

        def work(progress: Progress) -> ImportReport:
            return read_candidates(
                db,
                Path(path),
                progress,
                mapping=mapping,
                update=update,
                erase_blanks=erase,
                date_order=mapping.date_order,
                encoding=encoding,
                delimiter=delimiter,
            )

        def done(report: ImportReport) -> None:
            if token is self._token:
                self._report_ready(report)

        return self._run_check(work, done, token)

    def _reread(self) -> None:
        path = self.ui.fileEdit.text()
        if path:
            self.load_file(Path(path), keep_reading=True)

    def _saved_chosen(self, name: str) -> None:
        if self.look is None:
            return
        if name:
            saved = next((s for s in mp.saved_mappings(self.ctx.db) if s.name == name), None)
            if saved is None:
                return
            mapping = mp.apply_saved(saved, self.look.headers)
        else:
            mapping = mp.suggest_mapping(self.look.headers)
        self.mapping_panel.set_mapping(mapping, self.look.examples)
        self.recheck()

    def save_mapping(self, name: str) -> None:
        """Save the mapping as it is now, offered again for files with these headers."""
        try:
            mp.save_mapping(self.ctx.db, name, "candidates", self.mapping_panel.mapping)
        except Exception as exc:
            show_error(self, exc)
            return
        names = [s.name for s in mp.saved_mappings(self.ctx.db, "candidates")]
        self.mapping_panel.set_saved(names, name)
        self._show_summary(self.tr("Saved the mapping “{name}”.").format(name=name))

    def _report_ready(self, report: ImportReport) -> None:
        self.model.set_report(report)
        self.ui.previewTable.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            if self.ui.previewTable.columnWidth(column) > 260:
                self.ui.previewTable.setColumnWidth(column, 260)
        updates = [
            self.tr("Row {row}: updates {name}: {changes}").format(
                row=u.row,
                name=u.name,
                changes="; ".join(f"{c.field}: {c.before} → {c.after}" for c in u.changes),
            )
            for u in report.updates
        ]
        self.problems.setStringList([*report.notes, *report.lines(), *updates])
        self._show_summary(report.summary())
        self.mapping_panel.ask_date_order(report.date_question)
        self._enable_import(report.ok and bool(report.records or report.updates))
        self._enable_good_rows(bool(report.errors) and report.good_rows_possible)

    def _jump_to_problem(self, index: Any) -> None:
        report = self.report
        if report is None:
            return
        offset = len(report.notes)
        n = index.row() - offset
        if not 0 <= n < len(report.problems):
            return
        wanted = report.problems[n].row
        for row, preview in enumerate(report.preview):
            if preview.row == wanted:
                source = self.model.index(row, 0)
                target = self.proxy.mapFromSource(source)
                if target.isValid():
                    self.ui.previewTable.scrollTo(target)
                    self.ui.previewTable.selectRow(target.row())
                return

    def _confirm_box(self, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def import_good_rows(self) -> TaskHandle | None:
        """Ask where the problems workbook goes, then import the good rows."""
        report = self.report
        if report is None or not report.good_rows_possible:
            return None
        stem = Path(report.file_name).stem
        name = self._ask_save(
            self,
            self.tr("Save the rows with problems"),
            str(Path(self._folder()) / f"{stem}-problems.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not name:
            return None
        return self.start_import(problems_path=Path(name))

    def start_training_import(self) -> TaskHandle | None:
        """Write the training records in one transaction, then promote the finished."""
        report = self.training_report
        if report is None or not report.ok or not report.changes:
            return None
        self._enable_import(False)
        self.ui.browseButton.setEnabled(False)
        db = self.ctx.db

        def done(result: TrainingResult) -> None:
            self.training_result = result
            self.ui.browseButton.setEnabled(True)
            self._show_summary(
                self.tr("Wrote %Ln training record(s) in one transaction.", None, result.written)
                + " "
                + self.tr("%Ln candidate(s) now ready.", None, len(result.promoted))
            )
            self.imported.emit(result.written)

        def failed(exc: BaseException) -> None:
            self.ui.browseButton.setEnabled(True)
            self._enable_import(True)
            show_error(self, exc)

        self.task = self.ctx.tasks.run(
            lambda progress: write_training(db, report, progress),
            on_done=done,
            on_error=failed,
            on_cancel=lambda: self.ui.browseButton.setEnabled(True),
            label=self.tr("Importing…"),
            parent=self,
        )
        return self.task

    def start_import(self, problems_path: Path | None = None) -> TaskHandle | None:
        """Write the accepted report in one transaction, off the GUI thread."""
        if self.kind == "training":
            return self.start_training_import()
        report = self.report
        if report is None or not (report.records or report.updates):
            return None
        if not report.ok and problems_path is None:
            return None
        if report.warnings and not self._confirm(
            self,
            self.tr("Import despite warnings?"),
            self.tr(
                "%Ln row(s) with warnings (for example a name very like an existing candidate's).",
                None,
                len({p.row for p in report.warnings}),
            )
            + " "
            + self.tr("Import all %Ln record(s) anyway?", None, len(report.records)),
        ):
            return None
        self._enable_import(False)
        self._enable_good_rows(False)
        self.ui.browseButton.setEnabled(False)

        def work(progress: Progress) -> ImportResult:
            if report.kind == "candidates":
                return write_candidates(self.ctx.db, report, progress, problems_path=problems_path)
            return write_report(self.ctx.db, report, progress)

        def done(result: ImportResult) -> None:
            self.result = result
            self.ui.browseButton.setEnabled(True)
            self._show_summary(
                self.tr("Imported %Ln record(s) in one transaction.", None, result.created)
            )
            self.imported.emit(result.created + result.updated)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ui.browseButton.setEnabled(True)
            self._enable_import(True)
            show_error(self, exc)

        def cancelled() -> None:
            self.ui.browseButton.setEnabled(True)
            self._enable_import(True)
            self._show_summary(self.tr("The import was cancelled; nothing was written."))

        self.task = self.ctx.tasks.run(
            work,
            on_done=done,
            on_error=failed,
            on_cancel=cancelled,
            label=self.tr("Importing…"),
            parent=self,
        )
        return self.task


def run_import_wizard(
    ctx: AppContext, parent: QWidget | None = None, kind: str = "candidates"
) -> int:
    """Show the wizard modally; returns the number of records imported (0 if none):
    candidates or requests created, or training records written."""
    wizard = ImportWizard(ctx, parent, kind=kind)
    try:
        wizard.exec()
        if wizard.result is not None:
            return wizard.result.created
        return wizard.training_result.written if wizard.training_result else 0
    finally:
        wizard.deleteLater()
