"""Candidates × modules progress grid for tens of thousands of candidates.

The model keeps the service's compact rows (one ``bytes`` of status codes per candidate)
and a list of visible row numbers. Filtering and sorting are done here, in one pass over
precomputed keys, instead of through a QSortFilterProxyModel: a proxy would call
``data()`` for every row and every comparison, which at 50,000 rows costs seconds per
keystroke in Python, while a list comprehension over prepared strings takes milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from wir_manager.domain.enums import Stage
from wir_manager.qt import theme
from wir_manager.qt.labels import stage_label
from wir_manager.qt.widgets.progress_grid import chip_colours
from wir_manager.services.training import (
    COMPLETED,
    IN_PROGRESS,
    NOT_STARTED,
    GridRow,
    ProgressGrid,
    is_ready,
    mandatory_done,
)

Index = QModelIndex | QPersistentModelIndex

STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # module cell: status code; ready cell: bool
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "name" | "stage" | "module" | "ready"
CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 3

GLYPHS = {COMPLETED: "✓", IN_PROGRESS: "◐", NOT_STARTED: "·"}
_STYLE_ROLES = (
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
)
_BOLD = QFont()
_BOLD.setBold(True)
STAGE_ORDER = {stage.value: i for i, stage in enumerate(Stage)}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainingGridModel", text)


def status_text(code: int) -> str:
    return {
        COMPLETED: _tr("Completed"),
        IN_PROGRESS: _tr("In progress"),
        NOT_STARTED: _tr("Not started"),
    }[code]


@dataclass(frozen=True)
class PreparedGrid:
    """A grid with the model's lookup lists already built (see ``prepare``)."""

    grid: ProgressGrid
    done: list[int]
    hay: list[str]


# Words a short column title skips at its start.
_LEADING = {"the", "a", "an"}


def short_title(title: str, limit: int = 14) -> str:
    """The first words of a module title within ``limit`` characters, elided with "…"."""
    words = title.split()
    while len(words) > 1 and words[0].casefold() in _LEADING:
        words = words[1:]
    out = ""
    for word in words:
        candidate = f"{out} {word}".strip()
        if len(candidate) > limit:
            break
        out = candidate
    if not out:
        out = words[0][: limit - 1] if words else ""
    return out if out == " ".join(words) else out + "…"


class TrainingGridModel(QAbstractTableModel):
    """Columns: name, stage, one per active module, ready."""

    NAME, STAGE = 0, 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid = ProgressGrid((), [])
        self._rows: list[GridRow] = []
        self._mandatory: tuple[bool, ...] = ()
        self._required = 0
        self._done: list[int] = []  # mandatory modules completed, per row
        self._hay: list[str] = []
        self._visible: list[int] = []
        self._ids: set[int] = set()
        self._needle = ""
        self._stages: frozenset[str] | None = None
        self._incomplete_only = False
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._dark = theme.is_dark()

    # ------------------------------------------------------------------ data in
    @staticmethod
    def prepare(grid: ProgressGrid) -> PreparedGrid:
        """Precompute search keys and per-row completion counts. Pure Python with no Qt
        call, so a worker thread can do it and the GUI thread only swaps lists."""
        mandatory = grid.mandatory
        done = [mandatory_done(r.statuses, mandatory) for r in grid.rows]
        hay = [f"{r.name}\n{r.username}".casefold() for r in grid.rows]
        return PreparedGrid(grid, done, hay)

    def set_grid(self, grid: ProgressGrid | PreparedGrid) -> None:
        prepared = grid if isinstance(grid, PreparedGrid) else self.prepare(grid)
        self.beginResetModel()
        self._grid = prepared.grid
        self._rows = list(prepared.grid.rows)
        self._ids = {r.candidate_id for r in self._rows}
        self._mandatory = prepared.grid.mandatory
        self._required = sum(self._mandatory)
        self._done = prepared.done
        self._hay = prepared.hay
        self._refilter()
        self.endResetModel()

    def patch_rows(self, rows: Iterable[GridRow]) -> int:
        """Replace rows of the same candidates in place (after marking), keeping order,
        filter and selection; returns how many rows changed."""
        fresh = {r.candidate_id: r for r in rows}
        if not fresh:
            return 0
        where = {r.candidate_id: i for i, r in enumerate(self._rows) if r.candidate_id in fresh}
        for cid, i in where.items():
            self._rows[i] = fresh[cid]
            self._done[i] = mandatory_done(fresh[cid].statuses, self._mandatory)
        if where:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
        return len(where)

    # ------------------------------------------------------------------ filtering
    def set_filter(
        self,
        text: str | None = None,
        stages: Collection[str] | bool | None = False,
        incomplete_only: bool | None = None,
    ) -> None:
        """Change any of: search text, stages shown (None = all), "not complete" only."""
        if text is not None:
            self._needle = text.strip().casefold()
        if stages is not False:
            self._stages = frozenset(stages) if stages and stages is not True else None
        if incomplete_only is not None:
            self._incomplete_only = incomplete_only
        self.beginResetModel()
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        words = self._needle.split()
        stages = self._stages
        rows = self._rows
        hay = self._hay
        done = self._done
        need = self._required
        visible = [
            i
            for i in range(len(rows))
            if (stages is None or rows[i].stage in stages)
            and (not self._incomplete_only or need == 0 or not is_ready(done[i], need))
            and all(w in hay[i] for w in words)
        ]
        self._visible = visible
        if self._sort is not None:
            self._apply_sort(*self._sort)

    # ------------------------------------------------------------------ sorting
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [self._visible[ix.row()] if ix.row() < len(self._visible) else -1 for ix in old]
        self._sort = (column, order)
        self._apply_sort(column, order)
        where = {src: i for i, src in enumerate(self._visible)}
        self.changePersistentIndexList(
            old,
            [
                self.index(where[src], ix.column()) if src in where else QModelIndex()
                for ix, src in zip(old, old_rows, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        rows = self._rows
        kind = self.column_kind(column)
        key: Callable[[int], Any]
        if kind == "name":
            key = self._hay.__getitem__
        elif kind == "stage":
            key = lambda i: STAGE_ORDER.get(rows[i].stage, 99)  # noqa: E731
        elif kind == "ready":
            key = self._done.__getitem__
        else:
            m = column - 2
            key = lambda i: rows[i].statuses[m]  # noqa: E731
        self._visible.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    # ------------------------------------------------------------------ lookups
    @property
    def grid(self) -> ProgressGrid:
        return self._grid

    @property
    def total(self) -> int:
        return len(self._rows)

    def row_record(self, row: int) -> GridRow:
        return self._rows[self._visible[row]]

    def candidate_ids(self, rows: Iterable[int]) -> list[int]:
        visible, records = self._visible, self._rows
        return [records[visible[r]].candidate_id for r in rows]

    def has_candidate(self, candidate_id: int) -> bool:
        """Whether the grid holds this candidate's row (shown or filtered out)."""
        return candidate_id in self._ids

    def visible_row_of(self, candidate_id: int) -> int:
        for pos, i in enumerate(self._visible):
            if self._rows[i].candidate_id == candidate_id:
                return pos
        return -1

    def column_kind(self, column: int) -> str:
        if column == self.NAME:
            return "name"
        if column == self.STAGE:
            return "stage"
        if column == self.columnCount() - 1:
            return "ready"
        return "module"

    def module_at(self, column: int) -> int | None:
        """Module id of a module column, else None."""
        m = column - 2
        return self._grid.modules[m].id if 0 <= m < len(self._grid.modules) else None

    def module_columns(self) -> range:
        return range(2, 2 + len(self._grid.modules))

    def is_ready_row(self, row: int) -> bool:
        return is_ready(self._done[self._visible[row]], self._required)

    def finished_in_training(self) -> list[int]:
        """Candidates (shown or not) still "in training" whose mandatory modules are all
        completed, e.g. after a module was retired or records were imported."""
        need = self._required
        stage = Stage.IN_TRAINING.value
        return [
            r.candidate_id
            for r, done in zip(self._rows, self._done, strict=True)
            if r.stage == stage and is_ready(done, need)
        ]

    def ready_count(self) -> int:
        need, done = self._required, self._done
        return sum(1 for i in self._visible if is_ready(done[i], need))

    # ------------------------------------------------------------------ colours
    def refresh_colours(self) -> None:
        """Re-pick fills after the palette changed (light ↔ dark)."""
        self._dark = theme.is_dark()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def _style(self, code: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            return _BOLD if code == COMPLETED else None
        if code == NOT_STARTED:
            return theme.muted_text() if role == Qt.ItemDataRole.ForegroundRole else None
        chip = chip_colours(code, self._dark)
        if chip is None:
            return None
        return chip.background if role == Qt.ItemDataRole.BackgroundRole else chip.foreground

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._grid.modules) + 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        """Module columns: number and a short title ("3 / Open licences…"); the full
        title in the tooltip. A number alone said nothing without the module list."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        kind = self.column_kind(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == "name":
                return _tr("Candidate")
            if kind == "stage":
                return _tr("Stage")
            if kind == "ready":
                return _tr("Ready")
            mod = self._grid.modules[section - 2]
            number = section - 1
            head = f"{number}" if mod.mandatory else _tr("{n} (opt.)").format(n=number)
            return f"{head}\n{short_title(mod.title)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if kind == "module":
                mod = self._grid.modules[section - 2]
                kind_text = _tr("mandatory") if mod.mandatory else _tr("optional")
                return f"{section - 1}. {mod.title} ({kind_text})"
            if kind == "ready":
                return _tr("Mandatory modules completed; ✓ when all are done")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i = self._visible[index.row()]
        row = self._rows[i]
        col = index.column()
        kind = self.column_kind(col)
        if role == KIND_ROLE:
            return kind
        if role == CANDIDATE_ROLE:
            return row.candidate_id
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in ("module", "ready"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if kind == "module":
            code = row.statuses[col - 2]
            if role == STATUS_ROLE:
                return code
            if role == Qt.ItemDataRole.DisplayRole:
                return GLYPHS[code]
            if role in _STYLE_ROLES:
                return self._style(code, role)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return status_text(code)
            if role == Qt.ItemDataRole.ToolTipRole:
                # Dates and score are not in the compact rows; the view adds them on hover
                # (one service call per tooltip, never from data()).
                mod = self._grid.modules[col - 2]
                return f"{row.name} — {mod.title}: {status_text(code)}"
            return None
        if kind == "ready":
            done, need = self._done[i], self._required
            ready = is_ready(done, need)
            if role == STATUS_ROLE:
                return ready
            if role == Qt.ItemDataRole.DisplayRole:
                return f"✓ {done}/{need}" if ready else f"{done}/{need}"
            if role in _STYLE_ROLES:
                return self._style(COMPLETED if ready else -1, role)
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    _tr("Every mandatory module completed")
                    if ready
                    else self.tr("%Ln mandatory module(s) to go", None, need - done)
                )
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == "name":
                return row.name
            return stage_label(row.stage)
        if role == Qt.ItemDataRole.ToolTipRole and kind == "name":
            return f"{row.name} ({row.username})"
        return None
