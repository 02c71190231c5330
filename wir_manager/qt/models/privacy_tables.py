"""Read-only table models for the Privacy & audit screen: audit entries, retention items,
backups. Each holds a list of frozen records from the services and never touches the
database itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from wir_manager.i18n import _ as core_tr
from wir_manager.services.audit_log import AuditRecord
from wir_manager.services.backups import BackupInfo
from wir_manager.services.candidate_records import FIELD
from wir_manager.services.dossier.disclosure import DisclosureRecord
from wir_manager.services.privacy import PersonRef
from wir_manager.services.retention import (
    REASON_CONSENT_OLD,
    REASON_INACTIVE,
    REASON_NO_CONSENT,
    RetentionItem,
)

R = TypeVar("R")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrivacyTables", text)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str  # English source text, translated in headerData
    text: Callable[[R], str]
    sort: Callable[[R], Any]


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """A list of records shown through column getters; sorting uses ``SORT_ROLE``."""

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def record(self, row: int) -> R:
        return self._rows[row]

    def records(self) -> list[R]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        col = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return col.text(rec)
        if role == SORT_ROLE:
            return col.sort(rec)
        if role == RECORD_ROLE:
            return rec
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self._columns[section].title)
        return None


def _when(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _sortable(value: dt.datetime | dt.date | None) -> str:
    return "" if value is None else value.isoformat()


ACTION_LABELS = {
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


#: Audit entity names (storage.audit.ENTITIES and the services' own entries) in words.
ENTITY_LABELS = {
    "candidate": "Candidate",
    "request": "Placement request",
    "organisation": "Organisation",
    "training_module": "Training module",
    "shortlist_entry": "Shortlist entry",
    "weight_profile": "Score weights",
    "placement": "Placement",
    "affiliate": "Affiliate",
    "setting": "Setting",
    "demo_data": "Demo data",
    "disclosure": "Dossier disclosure",
}

#: Column and collection names the audit log records, in words (never their values);
#: a candidate's own fields are named by their description (candidate_records.FIELDS).
FIELD_LABELS = {
    "region": "region",
    "subregion": "sub-region",
    "affiliate": "affiliate",
    "note": "note",
    "consent_requested_at": "consent renewal asked",
    "training": "training",
    "priority_regions": "priority regions",
    "title": "title",
    "description": "description",
    "organisation_id": "organisation",
    "duty_city": "duty city",
    "duty_country": "duty country",
    "work_mode": "work mode",
    "start_date": "start date",
    "end_date": "end date",
    "duration_months": "duration",
    "positions": "positions",
    "deadline": "deadline",
    "status": "status",
    "name": "name",
    "acronym": "acronym",
    "kind": "kind",
    "website": "website",
    "position": "position",
    "mandatory": "mandatory",
    "active": "active",
    "allow_in_training": "counts in training",
    "rank": "rank",
    "score": "score",
    "score_parts": "score parts",
    "weights": "weights",
    "version": "version",
    "profile_id": "weight profile",
    "profile_version": "weight profile version",
    "request_id": "request",
    "candidate_id": "candidate",
    "module_id": "module",
    "value": "value",
    "key": "key",
    "recipient": "recipient",
    "candidates": "candidates",
    "requests": "requests",
    "file_sha256": "file fingerprint",
}


def entity_label(entity: str) -> str:
    return _tr(ENTITY_LABELS.get(entity, entity))


def field_label(field: str) -> str:
    spec = FIELD.get(field)
    if spec is not None:  # in the list's lower-case style: "phone", "name in Latin script"
        label = core_tr(spec.label)
        return label[:1].lower() + label[1:]
    return _tr(FIELD_LABELS.get(field, field))


def audit_model(parent: Any = None) -> RecordTableModel[AuditRecord]:
    cols: list[Column[AuditRecord]] = [
        Column("When", lambda r: _when(r.at), lambda r: (_sortable(r.at), r.id)),
        Column("Who", lambda r: r.operator, lambda r: r.operator.casefold()),
        Column("Action", lambda r: _tr(ACTION_LABELS.get(r.action, r.action)), lambda r: r.action),
        Column(
            "Record",
            lambda r: (
                entity_label(r.entity)
                if r.entity_id is None
                else f"{entity_label(r.entity)} {r.entity_id}"
            ),
            lambda r: (r.entity, r.entity_id or 0),
        ),
        Column(
            "Fields",
            lambda r: ", ".join(field_label(f) for f in r.fields),
            lambda r: ", ".join(r.fields),
        ),
    ]
    return RecordTableModel(cols, parent)


REASON_LABELS = {
    REASON_CONSENT_OLD: "consent too old",
    REASON_NO_CONSENT: "no consent recorded",
    REASON_INACTIVE: "inactive",
}


def retention_model(parent: Any = None) -> RecordTableModel[RetentionItem]:
    cols: list[Column[RetentionItem]] = [
        Column("Id", lambda r: str(r.id), lambda r: r.id),
        Column("Username", lambda r: r.username, lambda r: r.username.casefold()),
        Column("Name", lambda r: r.name, lambda r: r.name.casefold()),
        Column("Consent given", lambda r: _when(r.consent_at), lambda r: _sortable(r.consent_at)),
        Column("Last change", lambda r: _when(r.last_change), lambda r: _sortable(r.last_change)),
        Column(
            "Asked again",
            lambda r: _when(r.consent_requested_at),
            lambda r: _sortable(r.consent_requested_at),
        ),
        Column(
            "Why",
            lambda r: ", ".join(_tr(REASON_LABELS.get(x, x)) for x in r.reasons),
            lambda r: r.reasons,
        ),
    ]
    return RecordTableModel(cols, parent)


KIND_LABELS = {
    "automatic": "daily (automatic)",
    "manual": "manual",
    "before-migration": "before an upgrade",
    "before-restore": "before a restore",
}


def backups_model(parent: Any = None) -> RecordTableModel[BackupInfo]:
    cols: list[Column[BackupInfo]] = [
        Column("Made", lambda b: _when(b.modified), lambda b: _sortable(b.modified)),
        Column("Kind", lambda b: _tr(KIND_LABELS.get(b.kind, b.kind)), lambda b: b.kind),
        Column("File", lambda b: b.path.name, lambda b: b.path.name),
        Column("Size", lambda b: f"{b.size_bytes / 1_048_576:.1f} MiB", lambda b: b.size_bytes),
    ]
    return RecordTableModel(cols, parent)


def people_model(parent: Any = None) -> RecordTableModel[PersonRef]:
    cols: list[Column[PersonRef]] = [
        Column("Id", lambda p: str(p.id), lambda p: p.id),
        Column("Name", lambda p: p.name, lambda p: p.name.casefold()),
        Column("Username", lambda p: p.username, lambda p: p.username.casefold()),
    ]
    return RecordTableModel(cols, parent)


def disclosures_model(parent: Any = None) -> RecordTableModel[DisclosureRecord]:
    cols: list[Column[DisclosureRecord]] = [
        Column("When", lambda d: _when(d.created_at), lambda d: _sortable(d.created_at)),
        Column("Recipient", lambda d: d.recipient, lambda d: d.recipient.casefold()),
        Column(
            "Request",
            lambda d: d.request_title or "–",
            lambda d: (d.request_title or "").casefold(),
        ),
        Column("Organisation", lambda d: d.organisation or "–", lambda d: d.organisation or ""),
        Column(
            "Contact details",
            lambda d: _tr("included") if d.contact_details_included else _tr("not included"),
            lambda d: d.contact_details_included,
        ),
        Column("People in it", lambda d: str(d.candidate_count), lambda d: d.candidate_count),
        Column("By", lambda d: d.created_by or "", lambda d: d.created_by or ""),
        Column("File fingerprint", lambda d: d.file_sha256[:16], lambda d: d.file_sha256),
    ]
    return RecordTableModel(cols, parent)
