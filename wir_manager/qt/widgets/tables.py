"""The read-only record table every list screen shows: whole rows, one at a time, never
edited in place, no row numbers, the last column taking the rest of the width.

One helper so each list behaves alike for the keyboard too: Tab leaves the table for the
next control instead of walking its cells (the accessibility tests walk every screen).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def record_table(
    parent: QWidget,
    model: QAbstractItemModel,
    *,
    name: str,
    accessible_name: str,
    fit_columns: Iterable[int] = (),
) -> QTableView:
    """A table over ``model``; ``fit_columns`` are sized to their contents (dates, states)."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    for column in fit_columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def width_for_labels(table: QTableView, labels: Iterable[str], header_text: str = "") -> int:
    """Pixels a column needs to show the widest of ``labels`` whole, in the table's font.

    For columns whose values come from a short closed list (a stage, a status): a fixed
    width chosen for English cut the Swedish words ("Under utbildning"), and
    ResizeToContents would measure only the rows loaded so far. The header's own title
    (with room for the sort arrow) counts too.
    """
    style = table.style()
    margin = 2 * (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    cells = max((table.fontMetrics().horizontalAdvance(text) for text in labels), default=0)
    header = table.horizontalHeader()
    title = header.fontMetrics().horizontalAdvance(header_text) if header_text else 0
    arrow = style.pixelMetric(style.PixelMetric.PM_HeaderMarkSize, None, header)
    header_margin = 2 * style.pixelMetric(style.PixelMetric.PM_HeaderMargin, None, header)
    return max(cells + margin + 8, title + arrow + header_margin + 8 if title else 0)


class SharedColumn(QObject):
    """An interactive column that takes half the room it shares with a stretching one.

    Two name columns (a resident, an organisation) should share what the fitted columns
    leave, and follow the window's width; but Qt cannot drag a *Stretch* section, so a
    long name could never be widened. ``column`` is therefore interactive and kept at
    half the shared room on every resize until the user drags its edge; from then on it
    stays where they put it and ``stretch_column`` alone follows the window.
    """

    def __init__(self, table: QTableView, column: int, stretch_column: int) -> None:
        super().__init__(table)
        self._table, self._column, self._other = table, column, stretch_column
        self._setting = False
        self.dragged = False
        header = table.horizontalHeader()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._section_resized)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.share()
        return False

    def share(self) -> None:
        """Half the room left by the other columns (at least the header's minimum)."""
        if self.dragged:
            return
        header = self._table.horizontalHeader()
        fitted = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in (self._column, self._other) and not header.isSectionHidden(c)
        )
        room = self._table.viewport().width() - fitted
        width = max(header.minimumSectionSize(), room // 2)
        if width != header.sectionSize(self._column):
            self._setting = True
            try:
                header.resizeSection(self._column, width)
            finally:
                self._setting = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if self._setting:
            return
        if column == self._column:
            self.dragged = True  # only the user resizes an interactive section
        elif column != self._other:
            self.share()  # a fitted column grew or shrank with its text
