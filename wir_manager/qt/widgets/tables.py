"""The read-only record table every list screen shows: whole rows, one at a time, never
edited in place, no row numbers, the last column taking the rest of the width.

One helper so each list behaves alike for the keyboard too: Tab leaves the table for the
next control instead of walking its cells (the accessibility tests walk every screen).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel
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
