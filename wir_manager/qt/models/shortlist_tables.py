"""Read-only table models of the Shortlists screen: near misses, the saved shortlist and
the global assignment. Each is a list of frozen records plus column accessors; sorting
goes through :data:`SORT_ROLE` (numbers sort as numbers)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from wir_manager.domain.enums import DeclineReason, ShortlistStatus
from wir_manager.qt.labels import isolate
from wir_manager.qt.models.records import SORT_ROLE, Column, RecordTableModel
from wir_manager.qt.plurals import plurals
from wir_manager.qt.widgets.score_bars import PARTS_ROLE, parts_tooltip
from wir_manager.services.matching import NearMiss, RequestAssignment, ShortlistRow

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortlistTables", text)


def decline_label(reason: DeclineReason) -> str:
    return QCoreApplication.translate("DeclineReason", reason.label)


def status_label(value: str) -> str:
    try:
        return QCoreApplication.translate("ShortlistStatus", ShortlistStatus(value).label)
    except ValueError:
        return value


class NearMissModel(RecordTableModel[NearMiss]):
    """Near misses, each with a tick box: a coordinator may put someone who misses one
    required item on the shortlist (issue #16.17); the screen confirms, naming it."""

    context = "ShortlistTables"
    columns = (
        Column("Candidate", lambda r: r.name),
        Column("Score", lambda r: f"{r.score:.2f}", lambda r: r.score, right=True),
        Column("Missing requirement", lambda r: r.reason, tooltip=lambda r: r.reason),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._picked: set[int] = set()

    def set_records(self, records: Any) -> None:
        super().set_records(records)
        self._picked &= {r.candidate_id for r in self.records()}

    def picked(self) -> list[NearMiss]:
        """The ticked near misses, in the table's own order."""
        return [r for r in self.records() if r.candidate_id in self._picked]

    def clear_picks(self) -> None:
        if self._picked:
            self._picked.clear()
            if self.rowCount():
                self.dataChanged.emit(
                    self.index(0, 0),
                    self.index(self.rowCount() - 1, 0),
                    [Qt.ItemDataRole.CheckStateRole],
                )

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            ticked = self.record(index.row()).candidate_id in self._picked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column():
            return False
        cid = self.record(index.row()).candidate_id
        state = value.value if hasattr(value, "value") else int(value)
        if state == Qt.CheckState.Checked.value:
            self._picked.add(cid)
        else:
            self._picked.discard(cid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


def _status_text(r: ShortlistRow) -> str:
    if not r.consent_propose:
        return _tr("{status} · consent withdrawn").format(status=status_label(r.status))
    if r.relocation_refused:
        return _tr("{status} · will not relocate").format(status=status_label(r.status))
    return status_label(r.status)


def _status_warning(r: ShortlistRow) -> str | None:
    """Why this person should not go out with the list as it is, or None."""
    if not r.consent_propose:
        return _tr("This person withdrew consent to be proposed: do not send their details.")
    if r.relocation_refused:
        return _tr(
            "This person has since said they will not relocate, and the post needs them "
            "at its duty station: a new ranking would leave them out."
        )
    return None


class SavedShortlistModel(RecordTableModel[ShortlistRow]):
    context = "ShortlistTables"
    columns = (
        Column("#", lambda r: str(r.rank), lambda r: r.rank, right=True),
        Column("Candidate", lambda r: r.name),
        Column(
            "Score",
            lambda r: f"{r.score:.2f}",
            lambda r: r.score,
            tooltip=lambda r: parts_tooltip(r.parts),
            right=True,
        ),
        Column("Status", lambda r: _status_text(r), tooltip=lambda r: _status_warning(r)),
        Column(
            "Other lists",
            lambda r: ("⚠ " + str(r.other_active_shortlists)) if r.other_active_shortlists else "",
            lambda r: r.other_active_shortlists,
            tooltip=lambda r: (
                plurals().other_shortlists(r.other_active_shortlists)
                if r.other_active_shortlists
                else None
            ),
        ),
        Column("Note", lambda r: r.note or "", tooltip=lambda r: r.note),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == PARTS_ROLE and index.isValid():
            return self.record(index.row()).parts
        return super().data(index, role)


def _picks(r: RequestAssignment) -> str:
    return ", ".join(f"{isolate(p.name)} ({p.score:.1f})" for p in r.placements)


def _greedy(r: RequestAssignment) -> str:
    return ", ".join(f"{isolate(p.name)} ({p.score:.1f})" for p in r.greedy_placements)


class AssignmentModel(RecordTableModel[RequestAssignment]):
    context = "ShortlistTables"
    columns = (
        Column("Request", lambda r: str(r.request_id), lambda r: r.request_id, right=True),
        Column("Title", lambda r: r.title, tooltip=lambda r: r.title),
        Column("Organisation", lambda r: r.organisation, tooltip=lambda r: r.organisation),
        Column("Positions", lambda r: str(r.positions), lambda r: r.positions, right=True),
        Column("Eligible", lambda r: str(r.eligible_count), lambda r: r.eligible_count, right=True),
        Column("Best placements (score)", _picks, tooltip=_picks),
        Column(
            "Total",
            lambda r: f"{sum(p.score for p in r.placements):.2f}",
            lambda r: sum(p.score for p in r.placements),
            right=True,
        ),
        Column(
            "Unfilled",
            lambda r: f"{r.unfilled}: {r.reason}" if r.unfilled else "",
            lambda r: r.unfilled,
            tooltip=lambda r: r.reason,
        ),
        Column("Greedy baseline would pick", _greedy, tooltip=_greedy),
    )


class SortProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
