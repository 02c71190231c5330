"""One candidate's history, newest first, and the coordinator's contact notes.

The events come from :func:`wir_manager.services.placements.timeline` (stage changes,
training, shortlists, dossiers sent, the IGO's answers, placements, check-ins, notes);
a note is added with a date and a sentence ("phoned about the UNEP post") and can be
removed again. The panel is shown beside a placement and in its own window from the
Candidates screen.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wir_manager.qt import accessibility as a11y
from wir_manager.qt.context import AppContext
from wir_manager.qt.dialogs.placement_form import pydate
from wir_manager.qt.errors import EXPECTED_ERRORS, show_error
from wir_manager.qt.models.placement_tables import ID_ROLE, TimelineModel
from wir_manager.qt.widgets import write_access
from wir_manager.qt.widgets.date_field import date_edit
from wir_manager.qt.widgets.tables import record_table
from wir_manager.services import placements as pl
from wir_manager.services.placements.records import PlacementError


class TimelinePanel(QWidget):
    """The timeline of :attr:`candidate_id` with a line to add a contact note."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.candidate_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = TimelineModel(self)
        self.table = record_table(
            self,
            self.model,
            name="timelineTable",
            accessible_name=self.tr("Timeline"),
            fit_columns=(0, 1),
        )
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.note_day = date_edit(self, dt.date.today())
        self.note_day.setObjectName("noteDay")
        self.note_day.setAccessibleName(self.tr("Date of the contact"))
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("contactNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("A contact, e.g. phoned about the UNEP post"))
        self.note_edit.setAccessibleName(self.tr("Contact note"))
        self.note_edit.returnPressed.connect(self.add_note)
        self.add_button = QPushButton(self.tr("Add &note"), self)
        self.add_button.clicked.connect(self.add_note)
        self.remove_button = QPushButton(self.tr("Remove note"), self)
        self.remove_button.clicked.connect(self.remove_note)
        row.addWidget(self.note_day)
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        a11y.make_accessible(self)
        self.set_candidate(None)

    def set_candidate(self, candidate_id: int | None) -> None:
        """Show this person's timeline (None: an erased person, nothing to show)."""
        self.candidate_id = candidate_id
        events: list[pl.TimelineEvent] = []
        if candidate_id is not None:
            try:
                events = pl.timeline(self.ctx.db, candidate_id)
            except PlacementError:
                self.candidate_id = None  # deleted meanwhile
        self.model.set_records(events)
        # A login that may not write contact notes (a viewer) cannot type one either.
        write_access.enable_writes(
            self.ctx.db,
            "contact_notes",
            [self.note_edit, self.note_day, self.add_button],
            self.candidate_id is not None,
        )
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        index = self.table.currentIndex()
        write_access.enable_writes(
            self.ctx.db,
            "contact_notes",
            [self.remove_button],
            index.isValid() and index.data(ID_ROLE) is not None,
        )

    def add_note(self) -> None:
        if self.candidate_id is None:
            return
        try:
            pl.add_contact_note(
                self.ctx.db,
                self.candidate_id,
                self.note_edit.text(),
                on=pydate(self.note_day.date()),
            )
        except EXPECTED_ERRORS as exc:  # a sentence; a viewer's note refused by the server
            show_error(self, exc)
            return
        self.note_edit.clear()
        self.set_candidate(self.candidate_id)

    def remove_note(self) -> None:
        index = self.table.currentIndex()
        note_id = index.data(ID_ROLE) if index.isValid() else None
        if note_id is None:
            return
        try:
            pl.delete_contact_note(self.ctx.db, int(note_id))
        except EXPECTED_ERRORS as exc:
            show_error(self, exc)
            return
        self.set_candidate(self.candidate_id)


class TimelineDialog(QDialog):
    """The timeline in its own window (from the Candidates screen)."""

    def __init__(
        self, ctx: AppContext, candidate_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timelineDialog")
        self.setWindowTitle(self.tr("Timeline of {name}").format(name=name))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Everything that happened with {name}, newest first.").format(name=name),
                self,
            )
        )
        self.panel = TimelinePanel(ctx, self)
        layout.addWidget(self.panel, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.panel.set_candidate(candidate_id)
        self.resize(760, 480)
