"""The ranked candidates of one request as a two-level tree: each candidate row (with a
tick box) expands into the plain-language sentences explaining the score.

The proxy sorts candidates by the column's sort value but keeps each candidate's
explanation sentences in their written order.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from wir_manager.qt.models.records import ID_ROLE, SORT_ROLE
from wir_manager.qt.plurals import plurals
from wir_manager.qt.widgets.score_bars import PARTS_ROLE, parts_tooltip
from wir_manager.services.matching import RankedCandidate

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    ("name", "Candidate"),
    ("rank", "Rank"),
    ("score", "Score"),
    ("parts", "Score parts"),
    ("others", "Other shortlists"),
)
COL = {key: i for i, (key, _t) in enumerate(COLUMNS)}


def _tr(text: str) -> str:
    return QCoreApplication.translate("RankedTreeModel", text)


class RankedTreeModel(QAbstractItemModel):
    """Top-level rows: candidates (internal id 0). Children: sentences (id = parent row + 1)."""

    picked_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RankedCandidate] = []
        self._others: dict[int, int] = {}
        self._picked: set[int] = set()
        # The person ticked or unticked someone since the best N were last ticked: a new
        # ranking (another weight) keeps their ticks instead of ticking the best N (#16.1).
        self.hand_picked = False

    # -------------------------------------------------------------- data in
    def set_ranking(
        self, rows: list[RankedCandidate] | tuple[RankedCandidate, ...], others: dict[int, int]
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._others = dict(others)
        self._picked &= {r.candidate_id for r in self._rows}
        self.endResetModel()
        self.picked_changed.emit()

    def pick_top(self, n: int) -> None:
        """Tick the ``n`` best and untick everyone else (the ticks are no longer the
        person's own)."""
        self.hand_picked = False
        self._picked = {r.candidate_id for r in self._rows[: max(n, 0)]}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.picked_changed.emit()

    def picked_ids(self) -> list[int]:
        """Ticked candidates in rank order."""
        return [r.candidate_id for r in self._rows if r.candidate_id in self._picked]

    def candidate(self, row: int) -> RankedCandidate:
        return self._rows[row]

    # -------------------------------------------------------------- structure
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._rows) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._rows):
            return QModelIndex()
        if row >= len(self._rows[parent.row()].explanations):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._rows)
        if parent.internalId() == 0 and parent.column() == 0 and parent.row() < len(self._rows):
            return len(self._rows[parent.row()].explanations)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][1])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == 0 and index.column() == COL["name"]:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    # -------------------------------------------------------------- data out
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() != 0:
            if index.column() == 0 and role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
            ):
                parent_row = int(index.internalId()) - 1
                return self._rows[parent_row].explanations[index.row()]
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == ID_ROLE:
            return row.candidate_id
        if role == Qt.ItemDataRole.CheckStateRole and key == "name":
            checked = row.candidate_id in self._picked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == PARTS_ROLE and key == "parts":
            return row.parts
        others = self._others.get(row.candidate_id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "name":
                return row.name
            if key == "rank":
                return index.row() + 1
            if key == "score":
                return f"{row.score:.2f}"
            if key == "others":
                return str(others) if others else ""
            return None
        if role == SORT_ROLE:
            return {
                "name": row.name.casefold(),
                "rank": index.row(),
                "score": row.score,
                "parts": row.score,
                "others": others,
            }[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "parts":
                return parts_tooltip(row.parts)
            if key == "others" and others:
                return plurals().other_shortlists(others)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("rank", "score", "others"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.internalId() != 0
            or index.column() != COL["name"]
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        cid = self._rows[index.row()].candidate_id
        state = value.value if hasattr(value, "value") else int(value)
        if state == Qt.CheckState.Checked.value:
            self._picked.add(cid)
        else:
            self._picked.discard(cid)
        self.hand_picked = True
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.picked_changed.emit()
        return True


class RankedProxy(QSortFilterProxyModel):
    """Sorts candidates; explanation sentences keep their order whatever the direction."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:
        if left.parent().isValid():
            before = left.row() < right.row()
            return before if self.sortOrder() == Qt.SortOrder.AscendingOrder else not before
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a == b:
            return left.row() < right.row()
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
