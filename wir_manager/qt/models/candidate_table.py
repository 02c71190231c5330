"""Table model over the compact candidate index, built for 100,000 rows.

Why not a QSortFilterProxyModel: its ``filterAcceptsRow`` would be a Python call per
row per keystroke (~100,000 calls). Instead the model asks
:func:`services.candidates.match_rows` which positions of the index pass the filter
(plain list comprehensions over the search texts, in index order: the order they were
allocated in, so a scan reads memory in sequence, 2-3x faster than hopping between
strings scattered by a sort), and a keystroke that extends the previous search only
re-checks the rows that passed. Those matches do not depend on the sort, so they stay
cached across header clicks.

The sort is a permutation of the index (:func:`services.candidate_index.sort_order`;
:func:`prepare_index` computes the ones the screen expects while the index is read, off
the GUI thread) and the rows shown are the matches taken in that order, instead of the
rows and search texts copied into display order at every click (~70 ms at 100,000 rows,
and the first keystroke after it laid the texts out afresh, ~80 ms more). Taking the
matches in order is one NumPy gather from :data:`NUMPY_FROM` rows on (~1-4 ms at
100,000; C loops over Python lists take ~8-12 there, at every keystroke), and C loops
below it, where importing NumPy (~150-250 ms) would cost more than it saves. The view only
asks ``data()`` for rows on screen.
"""

from __future__ import annotations

import bisect
import functools
import operator
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import compress, repeat
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from wir_manager.domain import codes
from wir_manager.i18n import current_language
from wir_manager.qt.labels import stage_label
from wir_manager.qt.models.records import ID_ROLE
from wir_manager.services import candidate_index as ci
from wir_manager.services.candidate_index import CandidateFilter, CandidateIndex

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

TEXT_CACHE_SIZE = 64
# Matches in display order kept for the texts typed last (while the sort stays): going
# back to one costs no re-ordering. Fewer, as each holds its own ints (~3.6 MB at 100,000).
SHOWN_CACHE_SIZE = 16
# From this many rows on, NumPy puts the matches in display order (see the module notes).
NUMPY_FROM = 20_000

# (index column, header source text) in display order.
COLUMNS: tuple[tuple[int, str], ...] = (
    (ci.NAME, "Name"),
    (ci.USERNAME, "Username"),
    (ci.STAGE, "Stage"),
    (ci.COUNTRY, "Country"),
    (ci.AFFILIATE, "Affiliate"),
    (ci.LANGUAGES, "Languages"),
    (ci.EMAIL, "E-mail"),
)


def country_label(code: str) -> str:
    return _country_label(code, current_language())


# Cached per language, like the stages' names (qt.labels).
@functools.lru_cache(maxsize=1024)
def _country_label(code: str, _language: str) -> str:
    return codes.country_name(code) if code else ""


def prepare_index(index: CandidateIndex, orders: Iterable[tuple[int, bool]]) -> None:
    """Do where ``index`` is read (off the GUI thread) what showing it will need: its sort
    orders for ``orders`` (``(column, descending)`` pairs, see
    :attr:`CandidateTableModel.sort_column`), and NumPy imported for a large index. Touches
    no Qt object."""
    large = len(index) >= NUMPY_FROM  # NumPy is imported here then, not at a keystroke
    for column, descending in orders:
        if large:
            ci.sort_order_array(index, column, descending)
        else:
            ci.sort_order(index, column, descending)


class CandidateTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._index = CandidateIndex()
        self._matches: list[int] = []  # positions in self._index passing the filter, ascending
        self._visible: list[int] = []  # the matches in display order (a row → its position)
        self._text_cache: dict[str, list[int]] = {}  # casefolded search text → matches
        # What was derived from one sort order: the matches of texts in it, and each index
        # position's place in it (for row_of, when asked for).
        self._shown_order: list[int] = []
        self._shown: dict[str, list[int]] = {}
        self._rank: list[int] | None = None
        self._filter = CandidateFilter()
        self._id_sets: Sequence[set[int]] = ()
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    # ------------------------------------------------------------------ data
    @property
    def candidate_index(self) -> CandidateIndex:
        return self._index

    @property
    def total(self) -> int:
        return len(self._index)

    @property
    def sort_column(self) -> tuple[int, bool]:
        """The index column the rows are sorted by and whether descending (what
        :func:`~wir_manager.services.candidate_index.sort_order` takes)."""
        column, order = self._sort
        return COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder

    def set_index(
        self,
        index: CandidateIndex,
        f: CandidateFilter | None = None,
        id_sets: Sequence[set[int]] | None = None,
    ) -> None:
        """Show a freshly loaded index (keeps the sort; the filter too unless given)."""
        self.beginResetModel()
        self._index = index
        self._refilter(f, id_sets)
        self.endResetModel()

    def clear(self) -> None:
        """Forget every record (on lock)."""
        self.set_index(CandidateIndex())

    def rows_changed(
        self, f: CandidateFilter | None = None, id_sets: Sequence[set[int]] | None = None
    ) -> None:
        """The index was patched in place (after save/delete): re-sort and re-filter
        from scratch, optionally with fresh filter id sets. Call it right after the patch:
        the rows shown are read from the index, by position."""
        self.beginResetModel()
        self._index.forget_orders()
        self._refilter(f, id_sets)
        self.endResetModel()

    def _refilter(self, f: CandidateFilter | None, id_sets: Sequence[set[int]] | None) -> None:
        if f is not None:
            self._filter = f
        if id_sets is not None:
            self._id_sets = tuple(id_sets)
        self._text_cache.clear()
        self._shown.clear()
        self._matches = ci.match_rows(self._index, self._filter, self._id_sets)
        self._show()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        row = self._index.rows[self._visible[index.row()]]
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[column]
            if column == ci.STAGE:
                return stage_label(value)
            if column == ci.COUNTRY:
                return country_label(value)
            return value
        if role == ID_ROLE:
            return row[ci.ID]
        if role == Qt.ItemDataRole.ToolTipRole and column in (ci.LANGUAGES, ci.AFFILIATE):
            return row[column] or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CandidateTable", COLUMNS[section][1])
        return None

    # ------------------------------------------------------------------ lookup
    def candidate_id(self, row: int) -> int | None:
        if 0 <= row < len(self._visible):
            return self._index.rows[self._visible[row]][ci.ID]
        return None

    def row_of(self, candidate_id: int) -> int | None:
        """Visible row of a candidate, or None when filtered out / unknown."""
        position = self._index.position.get(candidate_id)
        return None if position is None else self._row_at(position)

    def _row_at(self, position: int) -> int | None:
        """Visible row of the index's ``position``, or None when filtered out."""
        if self._rank is None:
            self._rank = self._places(self._shown_order)
        rank_of = self._rank.__getitem__
        # The visible rows are in display order, so their places ascend: bisect finds it.
        row = bisect.bisect_left(self._visible, rank_of(position), key=rank_of)
        return row if row < len(self._visible) and self._visible[row] == position else None

    def visible_ids(self) -> list[int]:
        rows = self._index.rows
        return [rows[i][ci.ID] for i in self._visible]

    # ------------------------------------------------------------------ filter
    @property
    def current_filter(self) -> CandidateFilter:
        return self._filter

    def set_filter(self, f: CandidateFilter, id_sets: Sequence[set[int]] = ()) -> None:
        """Apply ``f``. Results are cached per search text while the other filters stay
        the same (whatever the sort), and a new text starts from the cached result of
        its longest cached prefix (every match of "mar" is a match of "ma"), so typing,
        backspacing and retyping only ever re-check rows that can still match."""
        same_context = (
            replace(f, text="") == replace(self._filter, text="")
            and len(id_sets) == len(self._id_sets)
            and all(a is b for a, b in zip(id_sets, self._id_sets, strict=True))
        )
        if not same_context:
            self._text_cache.clear()
            self._shown.clear()
        text = f.text.casefold()
        matches = self._text_cache.get(text)
        if matches is None:
            prefix = max((k for k in self._text_cache if text.startswith(k)), key=len, default=None)
            within = self._text_cache[prefix] if prefix is not None else None
            matches = ci.match_rows(self._index, f, tuple(id_sets), within)
            self._text_cache[text] = matches
            while len(self._text_cache) > TEXT_CACHE_SIZE:
                self._text_cache.pop(next(iter(self._text_cache)))
        self.beginResetModel()
        self._filter = f
        self._id_sets = tuple(id_sets)
        self._matches = matches
        self._show()
        self.endResetModel()

    # ------------------------------------------------------------------ sort
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        # The selection and the current row are persistent indexes: they must move with
        # their people, or after the click they name whoever now sits at those rows (and
        # Delete asks about them). Usually a handful; found through row_of's bisect.
        persistent = self.persistentIndexList()
        visible = self._visible
        positions = [visible[i.row()] if 0 <= i.row() < len(visible) else None for i in persistent]
        self._sort = (column, order)
        self._show()
        if persistent:
            moved = []
            for old, position in zip(persistent, positions, strict=True):
                row = None if position is None else self._row_at(position)
                moved.append(QModelIndex() if row is None else self.index(row, old.column()))
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _order(self) -> list[int]:
        """The index positions in display order (shared with the index: read only)."""
        field, descending = self.sort_column
        return ci.sort_order(self._index, field, descending)

    def _order_array(self) -> NDArray[np.intp]:
        """:meth:`_order` as a NumPy array (for large tables)."""
        field, descending = self.sort_column
        return ci.sort_order_array(self._index, field, descending)

    def _places(self, order: list[int]) -> list[int]:
        """Each index position's place in ``order`` (its inverse)."""
        total = len(order)
        if total >= NUMPY_FROM:
            import numpy as np

            places = np.empty(total, dtype=np.intp)
            kept = self._order() is order
            places[self._order_array() if kept else np.fromiter(order, np.intp)] = np.arange(total)
            return places.tolist()
        rank = [0] * total
        deque(map(rank.__setitem__, order, range(total)), maxlen=0)
        return rank

    def _show(self) -> None:
        """``self._visible``: the matches in display order (of the current filter text,
        whose matches are ``self._matches``)."""
        order = self._order()
        if order is not self._shown_order:  # sorted another way, or new rows
            self._shown_order = order
            self._shown.clear()
            self._rank = None
        text = self._filter.text.casefold()
        visible = self._shown.get(text)
        if visible is None:
            visible = self._in_order(self._matches, order)
            self._shown[text] = visible
            while len(self._shown) > SHOWN_CACHE_SIZE:
                self._shown.pop(next(iter(self._shown)))
        self._visible = visible

    def _in_order(self, matches: list[int], order: list[int]) -> list[int]:
        """``matches`` in ``order`` (the current one). A header click at 100,000 rows must
        answer within a frame or two: the order is usually computed already, and the
        matches are taken in it without a Python loop."""
        total = len(order)
        if len(matches) == total:
            return order  # every row: the order itself, never changed here
        if total >= NUMPY_FROM:
            import numpy as np

            positions = self._order_array()
            passed = np.zeros(total, dtype=bool)
            passed[matches] = True
            return positions[passed[positions]].tolist()
        if total >= 2:
            flags = bytearray(total)
            deque(map(flags.__setitem__, matches, repeat(1)), maxlen=0)
            return list(compress(order, operator.itemgetter(*order)(flags)))
        return list(matches)  # itemgetter of a single position returns no tuple
