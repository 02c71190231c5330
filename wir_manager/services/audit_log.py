"""Reading the audit log: who changed which record and which fields, and when.

The log never holds values (see :mod:`storage.audit`), so listing it shows nothing
personal beyond the operator's own name and record ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from wir_manager.domain.enums import AuditAction
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: dt.datetime
    operator: str
    action: AuditAction
    entity: str
    entity_id: int | None
    fields: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "at": self.at.isoformat(timespec="seconds"),
            "operator": self.operator,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "fields": list(self.fields),
        }


def list_audit(
    db: Database,
    *,
    entity: str | None = None,
    entity_id: int | None = None,
    operator: str | None = None,
    limit: int | None = 5000,
) -> list[AuditRecord]:
    """Newest first, optionally for one entity kind, one record, or one operator."""
    query = select(m.AuditEntry).order_by(m.AuditEntry.at.desc(), m.AuditEntry.id.desc())
    if entity:
        query = query.where(m.AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(m.AuditEntry.entity_id == entity_id)
    if operator:
        query = query.where(m.AuditEntry.operator == operator)
    if limit:
        query = query.limit(limit)
    with db.session() as s:
        return [
            AuditRecord(
                e.id,
                e.at,
                e.operator,
                AuditAction(e.action),
                e.entity,
                e.entity_id,
                tuple(e.fields or ()),
            )
            for e in s.scalars(query)
        ]


def operators(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return sorted(
            conn.execute(select(m.AuditEntry.operator).distinct()).scalars(), key=str.casefold
        )


def entities(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return sorted(conn.execute(select(m.AuditEntry.entity).distinct()).scalars())
