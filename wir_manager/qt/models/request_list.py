"""The placement-request list: a read-only table model over :class:`RequestRow` records and a
proxy that filters by free text and status.

Requests number in the tens or hundreds, so the model holds every row; sorting uses
:data:`SORT_ROLE` values (dates, numbers) rather than the display text.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from wir_manager.domain.enums import RequestStatus
from wir_manager.qt import theme
from wir_manager.qt.models.records import Column, RecordTableModel, SearchProxy
from wir_manager.services.requests import RequestRow

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("RequestListModel", text)


def status_label(value: str) -> str:
    return QCoreApplication.translate("RequestStatus", RequestStatus(value).label)


def status_colour(value: str) -> QColor:
    """A readable text colour per status in both light and dark palettes."""
    dark = theme.is_dark()
    if value == RequestStatus.OPEN.value:
        return theme.ok_text()
    if value == RequestStatus.SHORTLISTING.value:
        return QColor("#8ab4f8") if dark else QColor("#1a56b0")
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def _date(value: dt.date | None) -> str:
    # As every other table writes a day (localefmt); imported here, as Babel is kept
    # off the start path.
    from wir_manager.services.localefmt import format_date

    return format_date(value) if value else "—"


def _ordinal(value: dt.date | None) -> int:
    return value.toordinal() if value else 0


# (key, column): the keys let the screen size and sort columns by name.
_COLUMNS: tuple[tuple[str, Column[RequestRow]], ...] = (
    ("title", Column("Title", lambda r: r.title, tooltip=True)),
    (
        "organisation",
        Column("Organisation", lambda r: r.organisation_label, tooltip=lambda r: r.organisation),
    ),
    (
        "status",
        Column(
            "Status",
            lambda r: status_label(r.status),
            lambda r: list(RequestStatus).index(RequestStatus(r.status)),
            foreground=lambda r: status_colour(r.status),
        ),
    ),
    ("place", Column("Duty station", lambda r: r.place, tooltip=True)),
    ("start", Column("Start", lambda r: _date(r.start_date), lambda r: _ordinal(r.start_date))),
    ("deadline", Column("Deadline", lambda r: _date(r.deadline), lambda r: _ordinal(r.deadline))),
    (
        "positions",
        Column("Positions", lambda r: str(r.positions), lambda r: r.positions, right=True),
    ),
    ("languages", Column("Required languages", lambda r: r.languages, tooltip=True)),
)
COL = {key: i for i, (key, _column) in enumerate(_COLUMNS)}


class RequestListModel(RecordTableModel[RequestRow]):
    columns = tuple(column for _key, column in _COLUMNS)
    context = "RequestListModel"

    def row_of(self, request_id: int) -> int:
        for i, row in enumerate(self.records()):
            if row.id == request_id:
                return i
        return -1


class RequestFilterProxy(SearchProxy):
    """Free-text search over every visible column plus a status filter."""

    def haystack(self, record: RequestRow) -> str:
        return " ".join(
            (
                record.title,
                record.organisation,
                record.organisation_acronym or "",
                record.place,
                record.languages,
                status_label(record.status),
            )
        )

    def status(self, record: RequestRow) -> RequestStatus:
        return RequestStatus(record.status)
