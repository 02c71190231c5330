"""Read-only table models for the Privacy & audit screen: audit entries, retention items,
backups. Each holds a list of frozen records from the services and never touches the
database itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
)

from wir_manager.qt.models.audit_words import action_label, entity_label, field_label
from wir_manager.qt.models.records import Column, RecordTableModel
from wir_manager.services.audit_log import AuditRecord
from wir_manager.services.backups import BackupInfo
from wir_manager.services.dossier.disclosure import DisclosureRecord
from wir_manager.services.privacy import PersonRef
from wir_manager.services.retention import (
    REASON_CONSENT_OLD,
    REASON_INACTIVE,
    REASON_NO_CONSENT,
    RetentionItem,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrivacyTables", text)


class PrivacyTable(RecordTableModel[R]):
    """Privacy & audit lists: every cell shows its full text as a tooltip (the lists
    are narrow and entries long), titles in the screen's translation context."""

    context = "PrivacyTables"

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent, columns=[replace(c, tooltip=True) for c in columns])


def _when(value: dt.datetime | dt.date | None) -> str:
    from wir_manager.services.localefmt import format_date, format_datetime

    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    return format_date(value)


def _sortable(value: dt.datetime | dt.date | None) -> str:
    return "" if value is None else value.isoformat()


def audit_model(parent: Any = None) -> PrivacyTable[AuditRecord]:
    cols: list[Column[AuditRecord]] = [
        Column("When", lambda r: _when(r.at), lambda r: (_sortable(r.at), r.id)),
        Column("Who", lambda r: r.operator, lambda r: r.operator.casefold()),
        Column("Action", lambda r: action_label(r.action), lambda r: r.action),
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
    return PrivacyTable(cols, parent)


REASON_LABELS = {
    REASON_CONSENT_OLD: "consent too old",
    REASON_NO_CONSENT: "no consent recorded",
    REASON_INACTIVE: "inactive",
}


def retention_model(parent: Any = None) -> PrivacyTable[RetentionItem]:
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
    return PrivacyTable(cols, parent)


KIND_LABELS = {
    "automatic": "daily (automatic)",
    "manual": "manual",
    "before-migration": "before an upgrade",
    "before-restore": "before a restore",
}


def backups_model(parent: Any = None) -> PrivacyTable[BackupInfo]:
    cols: list[Column[BackupInfo]] = [
        Column("Made", lambda b: _when(b.modified), lambda b: _sortable(b.modified)),
        Column("Kind", lambda b: _tr(KIND_LABELS.get(b.kind, b.kind)), lambda b: b.kind),
        Column("File", lambda b: b.path.name, lambda b: b.path.name),
        Column("Size", lambda b: f"{b.size_bytes / 1_048_576:.1f} MiB", lambda b: b.size_bytes),
    ]
    return PrivacyTable(cols, parent)


def people_model(parent: Any = None) -> PrivacyTable[PersonRef]:
    cols: list[Column[PersonRef]] = [
        Column("Id", lambda p: str(p.id), lambda p: p.id),
        Column("Name", lambda p: p.name, lambda p: p.name.casefold()),
        Column("Username", lambda p: p.username, lambda p: p.username.casefold()),
    ]
    return PrivacyTable(cols, parent)


def disclosures_model(parent: Any = None) -> PrivacyTable[DisclosureRecord]:
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
    return PrivacyTable(cols, parent)
