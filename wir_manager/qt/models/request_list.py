"""The placement-request list: a read-only table model over :class:`RequestRow` records and a
proxy that filters by free text and status.

Requests number in the tens or hundreds, so the model holds every row; sorting uses
:data:`SORT_ROLE` values (dates, numbers) rather than the display text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from wir_manager.domain.enums import RequestStatus
from wir_manager.qt import theme
from wir_manager.services.requests import RequestRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    ("title", "Title"),
    ("organisation", "Organisation"),
    ("status", "Status"),
    ("place", "Duty station"),
    ("start", "Start"),
    ("deadline", "Deadline"),
    ("positions", "Positions"),
    ("languages", "Required languages"),
)
COL = {key: i for i, (key, _title) in enumerate(COLUMNS)}


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
    return value.isoformat() if value else "—"


class RequestListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RequestRow] = []

    # -------------------------------------------------------------- data in
    def set_rows(self, rows: list[RequestRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, request_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.id == request_id:
                return i
        return -1

    def record(self, row: int) -> RequestRow:
        return self._rows[row]

    # -------------------------------------------------------------- Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == SORT_ROLE:
            return self._sort_key(row, key)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "organisation":
                return row.organisation
            if key in ("title", "languages", "place"):
                return self._display(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return status_colour(row.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "positions":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: RequestRow, key: str) -> str:
        if key == "title":
            return row.title
        if key == "organisation":
            return row.organisation_label
        if key == "status":
            return status_label(row.status)
        if key == "place":
            return row.place
        if key == "start":
            return _date(row.start_date)
        if key == "deadline":
            return _date(row.deadline)
        if key == "positions":
            return str(row.positions)
        return row.languages

    @staticmethod
    def _sort_key(row: RequestRow, key: str) -> Any:
        if key in ("start", "deadline"):
            value = row.start_date if key == "start" else row.deadline
            return value.toordinal() if value else 0
        if key == "positions":
            return row.positions
        if key == "status":
            return list(RequestStatus).index(RequestStatus(row.status))
        return RequestListModel._display(row, key).casefold()


class RequestFilterProxy(QSortFilterProxyModel):
    """Free-text search over every visible column plus a status filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._statuses: frozenset[str] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_statuses(self, statuses: set[str] | frozenset[str] | None) -> None:
        """Show only these statuses (None or empty: all)."""
        self.beginFilterChange()
        self._statuses = frozenset(statuses) if statuses else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RequestListModel)
        row = model.record(source_row)
        if self._statuses is not None and row.status not in self._statuses:
            return False
        if not self._needle:
            return True
        haystack = " ".join(
            (
                row.title,
                row.organisation,
                row.organisation_acronym or "",
                row.place,
                row.languages,
                status_label(row.status),
            )
        ).casefold()
        return all(word in haystack for word in self._needle.split())
