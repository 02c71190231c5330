"""Small read-mostly table models for the candidate editor's tabs.

Each holds a tuple of plain records; the editor replaces the tuple wholesale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from wir_manager.domain.enums import TrainingStatus
from wir_manager.qt.widgets.pickers import language_label, level_label
from wir_manager.services.candidate_records import HistoryEntry, TrainingItem
from wir_manager.services.records import LanguageSkill

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CandidateDetails", text)


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Columns are (header source text, value function)."""

    columns: Sequence[tuple[str, Callable[[Any], str]]] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.records: tuple[T, ...] = ()

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self.records = tuple(records)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.columns[index.column()][1](self.records[index.row()])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.columns[section][0])
        return None


class LanguageListModel(RecordTableModel[LanguageSkill]):
    columns = (
        ("Language", lambda r: f"{language_label(r.code)} ({r.code})"),
        ("Level", lambda r: level_label(r.level)),
    )

    def set_level(self, code: str, level: int) -> None:
        items = {r.code: r for r in self.records}
        items[code] = LanguageSkill(code, level)
        self.set_records(sorted(items.values(), key=lambda r: (-r.level, r.code)))

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.records):
            self.set_records([r for i, r in enumerate(self.records) if i != row])


def _status_label(value: str) -> str:
    try:
        return QCoreApplication.translate("Enums", TrainingStatus(value).label)
    except ValueError:
        return value


class TrainingModel(RecordTableModel[TrainingItem]):
    columns = (
        ("Module", lambda r: r.title),
        ("Mandatory", lambda r: _tr("yes") if r.mandatory else _tr("optional")),
        ("Status", lambda r: _status_label(r.status)),
        ("Completed", lambda r: r.completed_on.isoformat() if r.completed_on else ""),
    )


def _tr_action(text: str) -> str:
    # Same context and words as the Privacy & audit screen, so both say it alike.
    return QCoreApplication.translate("PrivacyTables", text)


AUDIT_ACTIONS = {
    "create": "created",
    "update": "changed",
    "delete": "deleted",
    "erase": "erased",
    "import": "imported",
    "export": "exported",
    "disclose": "disclosed",
    "generate": "generated",
    "verify": "verified on the wikis",
}


def action_label(action: str) -> str:
    """What an audit entry did, in words (AuditAction values)."""
    return _tr_action(AUDIT_ACTIONS.get(action, action))


class HistoryModel(RecordTableModel[HistoryEntry]):
    columns = (
        ("When", lambda r: r.at.strftime("%Y-%m-%d %H:%M")),
        ("Who", lambda r: r.operator),
        ("What", lambda r: action_label(r.action)),
        ("Fields", lambda r: ", ".join(f.replace("_", " ") for f in r.fields)),
    )
