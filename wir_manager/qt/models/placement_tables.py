"""Read-only table models of the Placements screen: the placements, one placement's
check-ins and reports, and a candidate's timeline.

Each is a :class:`~wir_manager.qt.models.records.RecordTableModel` over the typed records
a service handed over (:class:`PlacementRow`, :class:`CheckinRecord`,
:class:`TimelineEvent`). ``ID_ROLE`` is the placement's id in the placement list (not
the resident's), the check-in's id in the check-ins, and a contact note's id in the
timeline (other events have none: only notes can be removed there).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from wir_manager.domain.enums import CheckinKind, PlacementStatus, TimelineKind, TimelineSubject
from wir_manager.qt import theme
from wir_manager.qt.models.records import (
    ID_ROLE,
    RECORD_ROLE,
    Column,
    Index,
    RecordTableModel,
    SearchProxy,
)
from wir_manager.services.localefmt import format_date
from wir_manager.services.placements import CheckinRecord, PlacementRow, TimelineEvent

__all__ = [
    "ID_ROLE",
    "RECORD_ROLE",
    "CheckinModel",
    "PlacementFilterProxy",
    "PlacementListModel",
    "TimelineModel",
    "checkin_label",
    "status_label",
]


def status_label(status: str | PlacementStatus) -> str:
    return QCoreApplication.translate("PlacementStatus", PlacementStatus(status).label)


def checkin_label(kind: str | CheckinKind) -> str:
    return QCoreApplication.translate("CheckinKind", CheckinKind(kind).label)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlacementTables", text)


def _status_colour(rec: PlacementRow) -> Any:
    if rec.status is PlacementStatus.ACTIVE:
        return theme.ok_text()
    if rec.status is PlacementStatus.CANCELLED:
        return theme.muted_text()
    return None


class _ById(RecordTableModel[Any]):
    """Rows whose ``ID_ROLE`` is the record's own ``id``."""

    context = "PlacementTables"

    def row_of(self, record_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ID_ROLE and index.isValid():
            return self._rows[index.row()].id
        return super().data(index, role)


class PlacementListModel(_ById):
    columns = (
        Column("Resident", lambda r: r.candidate_name or _tr("erased person"), tooltip=True),
        Column("Organisation", lambda r: r.organisation or "", tooltip=True),
        Column("Start", lambda r: format_date(r.start_date), lambda r: r.start_date.toordinal()),
        Column("End", lambda r: format_date(r.end_date), lambda r: r.end_date.toordinal()),
        Column(
            "Status",
            lambda r: status_label(r.status),
            lambda r: list(PlacementStatus).index(r.status),
            foreground=_status_colour,
        ),
    )

    def record(self, row: int) -> PlacementRow:
        rec: PlacementRow = self._rows[row]
        return rec


class PlacementFilterProxy(SearchProxy):
    """Search over resident, organisation and request, and a status filter."""

    def haystack(self, record: PlacementRow) -> str:
        return " ".join(
            (record.candidate_name or "", record.organisation or "", record.request_title or "")
        )

    def status(self, record: PlacementRow) -> PlacementStatus:
        return record.status


def _done_text(rec: CheckinRecord) -> str:
    if rec.done_on:
        return format_date(rec.done_on)
    return _tr("overdue") if rec.overdue(dt.date.today()) else ""


class CheckinModel(_ById):
    columns = (
        Column("Report", lambda r: checkin_label(r.kind)),
        Column("Due", lambda r: format_date(r.due_on), lambda r: r.due_on.toordinal()),
        Column(
            "Done",
            _done_text,
            foreground=lambda r: theme.error_text() if r.overdue(dt.date.today()) else None,
        ),
        Column("Note", lambda r: r.note or "", tooltip=True),
    )

    def record(self, row: int) -> CheckinRecord:
        rec: CheckinRecord = self._rows[row]
        return rec


# Timeline event kinds → English column text (translated in this module's context).
EVENT_KINDS: dict[TimelineKind, str] = {
    TimelineKind.STAGE: "Stage",
    TimelineKind.TRAINING: "Training",
    TimelineKind.SHORTLIST: "Shortlist",
    TimelineKind.DOSSIER: "Dossier",
    TimelineKind.ANSWER: "IGO answer",
    TimelineKind.PLACEMENT: "Placement",
    TimelineKind.CHECKIN: "Check-in",
    TimelineKind.NOTE: "Contact note",
}


class TimelineModel(RecordTableModel[TimelineEvent]):
    context = "PlacementTables"
    columns = (
        Column("When", lambda r: format_date(r.at.date()), lambda r: r.at),
        Column("What", lambda r: _tr(EVENT_KINDS[r.kind])),
        Column("Event", lambda r: r.text, tooltip=True),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ID_ROLE and index.isValid():
            rec = self.record(index.row())
            return rec.subject_id if rec.subject is TimelineSubject.NOTE else None
        return super().data(index, role)
