"""Small read-mostly table models for the candidate editor's tabs.

Each holds a tuple of plain records; the editor replaces the tuple wholesale.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from wir_manager.domain.enums import TrainingStatus
from wir_manager.qt.models.audit_words import action_label, field_label
from wir_manager.qt.models.records import Column, RecordTableModel
from wir_manager.qt.widgets.pickers import language_label, level_label
from wir_manager.services.candidate_records import HistoryEntry, TrainingItem
from wir_manager.services.localefmt import format_date, format_datetime
from wir_manager.services.records import LanguageSkill

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CandidateDetails", text)


class DetailTable(RecordTableModel[T]):
    """The editor's small tables: titles in the editor's translation context."""

    context = "CandidateDetails"


class LanguageListModel(DetailTable[LanguageSkill]):
    columns = (
        Column("Language", lambda r: f"{language_label(r.code)} ({r.code})"),
        Column("Level", lambda r: level_label(r.level)),
    )

    def set_level(self, code: str, level: int) -> None:
        items = {r.code: r for r in self.records()}
        items[code] = LanguageSkill(code, level)
        self.set_records(sorted(items.values(), key=lambda r: (-r.level, r.code)))

    def remove(self, row: int) -> None:
        if 0 <= row < self.rowCount():
            self.set_records([r for i, r in enumerate(self.records()) if i != row])


def _status_label(value: str) -> str:
    try:
        return QCoreApplication.translate("Enums", TrainingStatus(value).label)
    except ValueError:
        return value


class TrainingModel(DetailTable[TrainingItem]):
    columns = (
        Column("Module", lambda r: r.title),
        Column("Mandatory", lambda r: _tr("yes") if r.mandatory else _tr("optional")),
        Column("Status", lambda r: _status_label(r.status)),
        Column("Completed", lambda r: format_date(r.completed_on) if r.completed_on else ""),
    )


class HistoryModel(DetailTable[HistoryEntry]):
    columns = (
        Column("When", lambda r: format_datetime(r.at)),
        Column("Who", lambda r: r.operator),
        Column("What", lambda r: action_label(r.action)),
        Column("Fields", lambda r: ", ".join(field_label(f) for f in r.fields)),
    )
