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
