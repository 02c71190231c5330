"""Table model for the import wizard's preview: sheet rows with their problems.

Columns: the sheet's row number, every matched column, and a "Problems" column.
Rows with errors get a red tint, rows with only warnings a yellow one, and the cell
a problem names a stronger tint; the tooltip lists the row's problems in full.
Display strings are made on demand from the raw cell values, so 10,000 rows load
instantly.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from wir_manager.services.spreadsheets import ERROR, ImportReport, Problem

ROW_ERROR = QColor(220, 53, 69, 45)
CELL_ERROR = QColor(220, 53, 69, 110)
ROW_WARNING = QColor(255, 193, 7, 55)
CELL_WARNING = QColor(255, 193, 7, 120)

Index = QModelIndex | QPersistentModelIndex


class ImportPreviewModel(QAbstractTableModel):
    """Read-only view of an :class:`ImportReport`."""

    PROBLEMS_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._report: ImportReport | None = None
        self._problems: dict[int, list[Problem]] = {}
        self._headers: list[str] = []

    def set_report(self, report: ImportReport | None) -> None:
        self.beginResetModel()
        self._report = report
        self._problems = report.problems_by_row() if report else {}
        self._headers = list(report.headers) if report else []
        self.endResetModel()

    @property
    def report(self) -> ImportReport | None:
        return self._report

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._report is None:
            return 0
        return len(self._report.preview)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._report is None:
            return 0
        return len(self._headers) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Row")
        if section == len(self._headers) + 1:
            return self.tr("Problems")
        return self._headers[section - 1]

    def problems_of(self, row: int) -> list[Problem]:
        if self._report is None:
            return []
        return self._problems.get(self._report.preview[row].row, [])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._report is None:
            return None
        preview = self._report.preview[index.row()]
        column = index.column()
        problems = self._problems.get(preview.row, [])
        last = len(self._headers) + 1
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return preview.row
            if column == last:
                return " ".join(p.message for p in problems)
            return preview.text(column - 1)
        if role == Qt.ItemDataRole.ToolTipRole and problems:
            return "\n".join(str(p) for p in problems)
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            header = self._headers[column - 1] if 0 < column < last else None
            here = [p for p in problems if header is not None and p.column == header]
            if here:
                return CELL_ERROR if any(p.severity == ERROR for p in here) else CELL_WARNING
            return ROW_ERROR if any(p.severity == ERROR for p in problems) else ROW_WARNING
        if role == self.PROBLEMS_ROLE:
            return len(problems)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProblemRowsFilter(QSortFilterProxyModel):
    """Optionally keep only rows that have problems; sorts numbers as numbers."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._only_problems = False

    def set_only_problems(self, on: bool) -> None:
        self.beginFilterChange()
        self._only_problems = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._only_problems:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        return bool(model.data(index, ImportPreviewModel.PROBLEMS_ROLE))
