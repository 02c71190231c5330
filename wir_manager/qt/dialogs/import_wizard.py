"""Import wizard: choose a file → see every row and its problems → import in the
background with progress and Cancel.

Reading and checking run off the GUI thread (a 10,000-row sheet takes a few seconds);
the preview shows rows with problems tinted and the problem list below. "Import" is
enabled only when the sheet has no errors; warnings (a name very like an existing
person's) ask for confirmation first. Writing is one transaction: Cancel or any error
leaves the database exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QStringListModel, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QWidget,
)

from wir_manager.qt.context import AppContext
from wir_manager.qt.errors import show_error
from wir_manager.qt.forms.ui_import_wizard import Ui_ImportWizard
from wir_manager.qt.models.import_preview import ImportPreviewModel, ProblemRowsFilter
from wir_manager.qt.tasks import TaskHandle
from wir_manager.services.progress import Progress
from wir_manager.services.spreadsheets import (
    ImportReport,
    ImportResult,
    read_sheet,
    write_candidate_template,
    write_report,
    write_request_template,
)

LAST_DIR_KEY = "import/last_dir"

FileAsker = Callable[[QWidget, str, str, str], str]


def _open_name(parent: QWidget, title: str, folder: str, filters: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, folder, filters)[0]


def _save_name(parent: QWidget, title: str, path: str, filters: str) -> str:
    return QFileDialog.getSaveFileName(parent, title, path, filters)[0]


class ImportWizard(QDialog):
    """Spreadsheet import for candidates or placement requests."""

    #: Emitted after a successful import with the number of records written.
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

        self.ui.kindCombo.addItem(self.tr("Candidates"), "candidates")
        self.ui.kindCombo.addItem(self.tr("Placement requests"), "requests")
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
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.onlyProblemsCheck.toggled.connect(self.proxy.set_only_problems)
        self.ui.problemsView.clicked.connect(self._jump_to_problem)

        self.import_button: QPushButton = self.ui.buttonBox.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.browseButton.clicked.connect(self.browse)
        self.ui.templateButton.clicked.connect(self.save_template)
        self._kind_changed()
        self._show_summary(self.tr("No file chosen yet."))

    # ------------------------------------------------------------------ state
    @property
    def kind(self) -> str:
        return str(self.ui.kindCombo.currentData())

    @property
    def report(self) -> ImportReport | None:
        return self.model.report

    def _kind_changed(self) -> None:
        path = self.ui.fileEdit.text()
        if path:
            self.load_file(Path(path))

    def _show_summary(self, text: str) -> None:
        self.ui.summaryLabel.setText(text)

    def _folder(self) -> str:
        return str(
            self.ctx.settings.value(LAST_DIR_KEY, "")
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )

    # ------------------------------------------------------------------ steps
    def browse(self) -> None:
        name = self._ask_open(
            self,
            self.tr("Choose a spreadsheet"),
            self._folder(),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if name:
            self.ctx.settings.setValue(LAST_DIR_KEY, str(Path(name).parent))
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

    def load_file(self, path: Path) -> TaskHandle:
        """Read and check ``path`` in the background, then fill the preview."""
        self.ui.fileEdit.setText(str(path))
        self.model.set_report(None)
        self.problems.setStringList([])
        self.import_button.setEnabled(False)
        self._show_summary(self.tr("Checking every row…"))
        kind = self.kind
        token = self._token = object()  # a newer file makes older results stale

        def work(progress: Progress) -> ImportReport:
            return read_sheet(self.ctx.db, path, kind, progress)

        def done(report: ImportReport) -> None:
            if token is self._token:
                self._report_ready(report)

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

    def _report_ready(self, report: ImportReport) -> None:
        self.model.set_report(report)
        self.ui.previewTable.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            if self.ui.previewTable.columnWidth(column) > 260:
                self.ui.previewTable.setColumnWidth(column, 260)
        self.problems.setStringList([*report.notes, *report.lines()])
        self._show_summary(report.summary())
        self.import_button.setEnabled(report.ok and bool(report.records))

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

    def start_import(self) -> TaskHandle | None:
        """Write the accepted report in one transaction, off the GUI thread."""
        report = self.report
        if report is None or not report.ok or not report.records:
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
        self.import_button.setEnabled(False)
        self.ui.browseButton.setEnabled(False)

        def work(progress: Progress) -> ImportResult:
            return write_report(self.ctx.db, report, progress)

        def done(result: ImportResult) -> None:
            self.result = result
            self.ui.browseButton.setEnabled(True)
            self._show_summary(
                self.tr("Imported %Ln record(s) in one transaction.", None, result.created)
            )
            self.imported.emit(result.created)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ui.browseButton.setEnabled(True)
            self.import_button.setEnabled(True)
            show_error(self, exc)

        def cancelled() -> None:
            self.ui.browseButton.setEnabled(True)
            self.import_button.setEnabled(True)
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
    """Show the wizard modally; returns the number of records imported (0 if none)."""
    wizard = ImportWizard(ctx, parent, kind=kind)
    try:
        wizard.exec()
        return wizard.result.created if wizard.result else 0
    finally:
        wizard.deleteLater()
