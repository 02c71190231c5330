"""The one table-model base for lists of plain records, and the item roles every list
shares.

Screens show frozen records handed over by the services (shortlist rows, audit entries,
a candidate's languages …). A model is a tuple of such records plus :class:`Column`
accessors; it never reads the database. One base means one meaning per role: a view's
``index.data(ID_ROLE)`` is the row's id in every list, sort proxies sort by
``SORT_ROLE`` (numbers as numbers, dates as dates), and ``RECORD_ROLE`` hands back the
record itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

# What a sort proxy compares (a number, a date, a casefolded text).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The id of the row's record (candidate, request, placement … id).
ID_ROLE = Qt.ItemDataRole.UserRole + 2
# The row's record itself.
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its English title (translated in the model's context) and how a
    record shows, sorts and explains itself there."""

    title: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None
    # A tooltip per cell; ``True``: the cell's own text (for columns that elide).
    tooltip: Callable[[T], str | None] | bool | None = None
    right: bool = False
    # A text colour per cell (a status shown in its colour).
    foreground: Callable[[T], Any] | None = None


def record_id(record: object) -> int | None:
    """The id a list row stands for: a candidate's in candidate lists, else the record's."""
    for name in ("candidate_id", "request_id", "id"):
        value = getattr(record, name, None)
        if value is not None:
            return int(value)
    return None


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Records shown through :class:`Column` accessors.

    ``columns`` is a class attribute for fixed tables, or given (keyword) for tables
    composed at run time; ``context`` is the translation context of the column titles.
    """

    columns: ClassVar[Sequence[Column[Any]]] = ()
    context: ClassVar[str] = "RecordTables"

    def __init__(self, parent: Any = None, *, columns: Sequence[Column[T]] | None = None) -> None:
        super().__init__(parent)
        self._columns: Sequence[Column[Any]] = self.columns if columns is None else list(columns)
        self._rows: tuple[T, ...] = ()

    # ------------------------------------------------------------------ records
    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = tuple(records)
        self.endResetModel()

    def record(self, row: int) -> T:
        return self._rows[row]

    def patch_records(self, ids: Iterable[int], fresh: Sequence[T]) -> None:
        """Bring the rows of ``ids`` up to date from ``fresh`` (those of them that still
        exist, as read now): changed rows are replaced in place, deleted ones removed,
        new ones added at the top. Only those rows are announced (``dataChanged``, row
        inserts and removals), never a reset, so a view keeps its selection and scroll."""
        by_id = {record_id(r): r for r in fresh}
        wanted = set(ids)
        last_column = max(self.columnCount() - 1, 0)
        for row in range(len(self._rows) - 1, -1, -1):
            rid = record_id(self._rows[row])
            if rid not in wanted:
                continue
            wanted.discard(rid)
            if rid in by_id:
                rows = list(self._rows)
                rows[row] = by_id.pop(rid)
                self._rows = tuple(rows)
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
            else:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._rows = self._rows[:row] + self._rows[row + 1 :]
                self.endRemoveRows()
        added = [r for r in fresh if record_id(r) in by_id]
        if added:
            self.beginInsertRows(QModelIndex(), 0, len(added) - 1)
            self._rows = tuple(added) + self._rows
            self.endInsertRows()

    def records(self) -> list[T]:
        """A copy: the caller may keep or change it without touching the table."""
        return list(self._rows)

    # ------------------------------------------------------------------ Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,  # the whole title where a narrow header elides it
        ):
            return QCoreApplication.translate(self.context, self._columns[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(rec)
        if role == SORT_ROLE:
            return col.sort(rec) if col.sort else col.text(rec).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
            return col.text(rec) if col.tooltip is True else col.tooltip(rec)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col.foreground:
            return col.foreground(rec)
        if role == ID_ROLE:
            return record_id(rec)
        if role == RECORD_ROLE:
            return rec
        return None


class SearchProxy(QSortFilterProxyModel):
    """Free-text search (every word must occur) and a status filter over a
    :class:`RecordTableModel`; subclasses say what a record's text and status are."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._statuses: frozenset[Any] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def haystack(self, record: Any) -> str:
        """The text a search looks in (casefolded by the proxy)."""
        raise NotImplementedError

    def status(self, record: Any) -> Any:
        """The record's status, as the members given to :meth:`set_statuses`."""
        raise NotImplementedError

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_statuses(self, statuses: Iterable[Any] | None) -> None:
        """Show only these statuses (None or empty: all)."""
        self.beginFilterChange()
        self._statuses = frozenset(statuses) if statuses else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        rec = model.record(source_row)
        if self._statuses is not None and self.status(rec) not in self._statuses:
            return False
        if not self._needle:
            return True
        hay = self.haystack(rec).casefold()
        return all(word in hay for word in self._needle.split())
