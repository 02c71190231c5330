"""The "Data subject" tab of Privacy & audit: a subject access export and the disclosure
log for one person, which the guide and the tour promise on this screen (the CLI has
them as ``subject-export`` and ``disclosures``).

Find the person by name, username, email or id; "Export everything held…" writes the
workbook or PDF of :mod:`services.subject_export` off the GUI thread; the table below
lists every dossier that named them (recipient, request, whether contact details were
in it, the file's fingerprint), newest first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, QStandardPaths, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wir_manager.qt.context import AppContext
from wir_manager.qt.dialogs import common
from wir_manager.qt.errors import show_error
from wir_manager.qt.models.privacy_tables import (
    disclosures_model,
    people_model,
)
from wir_manager.qt.models.records import SORT_ROLE, RecordTableModel
from wir_manager.services import privacy, subject_export
from wir_manager.services.dossier.disclosure import disclosures_for_candidate
from wir_manager.services.privacy import PersonRef
from wir_manager.services.progress import Progress


def _table(model: RecordTableModel, parent: QWidget, name: str) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class SubjectTab(QWidget):
    """Subject access export and disclosure log for the person picked here."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subjectTab")
        self.ctx = ctx
        # (person) -> the file to write, or None; replaceable in tests.
        self.choose_export_file: Callable[[PersonRef], Path | None] = self._file_dialog
        self.people = people_model(self)
        self.disclosures = disclosures_model(self)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Everything held about one person, for a subject access request, and every "
                "dossier that named them."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("subjectSearch")
        self.search.setPlaceholderText(self.tr("Name, username, email or id"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find a person"))
        row.addWidget(self.search, 1)
        self.export_button = QPushButton(self.tr("Export everything held…"), self)
        self.export_button.setObjectName("subjectExportButton")
        self.export_button.setToolTip(
            self.tr("A workbook (.xlsx) or PDF with every record about this person")
        )
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.people_table = _table(self.people, self, "subjectPeopleTable")
        self.people_table.setMaximumHeight(self.fontMetrics().height() * 9)
        layout.addWidget(self.people_table)
        self.log_label = QLabel(self)
        self.log_label.setObjectName("disclosureSummary")
        self.log_label.setWordWrap(True)
        layout.addWidget(self.log_label)
        self.log_table = _table(self.disclosures, self, "disclosureTable")
        layout.addWidget(self.log_table, 1)
        self.message = QLabel(self)
        self.message.setObjectName("subjectMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.find)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.people_table.selectionModel().selectionChanged.connect(self._person_changed)
        self.export_button.clicked.connect(self.export_selected)
        self._person_changed()

    # ------------------------------------------------------------------ finding
    def find(self) -> None:
        try:
            found = privacy.find_people(self.ctx.db, self.search.text())
        except Exception as exc:
            show_error(self, exc)
            return
        self.people.set_records(found)
        self.people_table.resizeColumnsToContents()
        if len(found) == 1:
            self.people_table.selectRow(0)
        self._person_changed()

    def selected(self) -> PersonRef | None:
        rows = self.people_table.selectionModel().selectedRows()
        if not rows:
            return None
        proxy = self.people_table.model()
        return self.people.record(proxy.mapToSource(rows[0]).row())  # type: ignore[attr-defined]

    def select_person(self, candidate_id: int) -> None:
        """Pick the person with this id (the Candidates screen's "Subject access…")."""
        self.search.setText(str(candidate_id))
        self._search_timer.stop()
        self.find()

    def _person_changed(self, *_args: object) -> None:
        person = self.selected()
        self.export_button.setEnabled(person is not None)
        if person is None:
            self.disclosures.set_records([])
            self.log_label.setText(self.tr("Pick a person to see the dossiers that named them."))
            return
        try:
            records = disclosures_for_candidate(self.ctx.db, person.id)
        except Exception as exc:
            show_error(self, exc)
            return
        self.disclosures.set_records(records)
        self.log_table.resizeColumnsToContents()
        self.log_label.setText(
            self.tr("%Ln dossier(s) named {name}.", None, len(records)).format(name=person.name)
            if records
            else self.tr("No dossier has named {name}.").format(name=person.name)
        )

    # ------------------------------------------------------------------ export
    def export_selected(self) -> None:
        person = self.selected()
        if person is None:
            return
        dest = self.choose_export_file(person)
        if dest is None:
            return
        db = self.ctx.db

        def work(_progress: Progress) -> Path:
            return subject_export.export_subject(db, person.id, dest)

        def done(path: Path) -> None:
            common.show_message(
                self.message,
                self.tr(
                    "Wrote {path}. It contains personal data in clear; handle it with care."
                ).format(path=path),
                error=False,
            )

        def failed(exc: BaseException) -> None:
            common.show_message(self.message, str(exc), error=True)

        self.ctx.tasks.run(
            work,
            on_done=done,
            on_error=failed,
            label=self.tr("Writing the subject access export…"),
            parent=self,
        )

    def _file_dialog(self, person: PersonRef) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the subject access export"),
            str(Path(folder) / f"subject-{person.id}.xlsx"),
            self.tr("Excel workbook (*.xlsx);;PDF document (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() in (".xlsx", ".pdf") else path.with_suffix(".xlsx")

    def release(self) -> None:
        self.people.set_records([])
        self.disclosures.set_records([])


__all__ = ["SubjectTab"]
