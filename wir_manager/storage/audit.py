"""Automatic audit trail: every flush records who changed which record and which fields.

Values are never recorded, only field names, so the audit log cannot leak what it
describes. Child rows (a candidate's languages, a request's skills …) are logged as an
update of their parent under a collective field name.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from wir_manager.domain.enums import AuditAction
from wir_manager.storage import models as m
from wir_manager.storage.models import AuditEntry, table_of, utcnow

#: ORM class → audit entity name.
ENTITIES: dict[type, str] = {
    m.Candidate: "candidate",
    m.PlacementRequest: "request",
    m.Organisation: "organisation",
    m.TrainingModule: "training_module",
    m.ShortlistEntry: "shortlist_entry",
    m.WeightProfile: "weight_profile",
    m.Placement: "placement",
    m.Contact: "contact",
    m.PlacementOutcome: "outcome",
    m.ContactNote: "contact_note",
    m.ShortlistAnswer: "shortlist_answer",
    m.Affiliate: "affiliate",
    m.Setting: "setting",
}

#: Child class → (parent entity, parent id attribute, field name shown in the log).
CHILDREN: dict[type, tuple[str, str, str]] = {
    m.CandidateLanguage: ("candidate", "candidate_id", "languages"),
    m.CandidateSkill: ("candidate", "candidate_id", "skills"),
    m.CandidateTopic: ("candidate", "candidate_id", "topics"),
    m.TrainingProgress: ("candidate", "candidate_id", "training"),
    m.RequestLanguage: ("request", "request_id", "languages"),
    m.RequestSkill: ("request", "request_id", "skills"),
    m.RequestTopic: ("request", "request_id", "topics"),
    m.RequestPriorityRegion: ("request", "request_id", "priority_regions"),
    m.PlacementCheckin: ("placement", "placement_id", "checkins"),
    m.PlacementExtension: ("placement", "placement_id", "extensions"),
    m.OutcomeValue: ("outcome", "outcome_id", "values"),
}

_IGNORED_FIELDS = {"updated_at", "created_at", "row_version"}


def _changed_fields(obj: Any) -> list[str]:
    """Names of columns and child collections whose value changed in this flush."""
    state = inspect(obj)
    fields = []
    for attr in state.mapper.column_attrs:
        if attr.key not in _IGNORED_FIELDS and state.attrs[attr.key].history.has_changes():
            fields.append(attr.key)
    for rel in state.mapper.relationships:
        if rel.uselist and state.attrs[rel.key].history.has_changes():
            fields.append(rel.key)
    return fields


Pending = list[tuple[str, Any, AuditAction, list[str]]]


def _collect(session: Session) -> Pending:
    """What to log for this flush: (entity, id or new object, action, field names)."""
    created: dict[int, tuple[str, Any]] = {}
    updated: dict[tuple[str, int | None], set[str]] = {}
    deleted: list[tuple[str, int | None]] = []
    for obj in session.new:
        if type(obj) in ENTITIES:
            created[id(obj)] = (ENTITIES[type(obj)], obj)
    for obj in session.dirty:
        if type(obj) in ENTITIES and session.is_modified(obj):
            fields = _changed_fields(obj)
            if fields:
                updated.setdefault((ENTITIES[type(obj)], getattr(obj, "id", None)), set()).update(
                    fields
                )
    for obj in session.deleted:
        if type(obj) in ENTITIES:
            deleted.append((ENTITIES[type(obj)], getattr(obj, "id", None)))
    # Children changed on their own (not through the parent's collection).
    for obj in [*session.new, *session.dirty, *session.deleted]:
        spec = CHILDREN.get(type(obj))
        if spec is None:
            continue
        entity, fk, field = spec
        parent_id = getattr(obj, fk)
        if parent_id is not None:
            updated.setdefault((entity, parent_id), set()).add(field)
    pending: Pending = [(e, o, AuditAction.CREATE, []) for e, o in created.values()]
    gone = set(deleted)
    pending += [
        (e, i, AuditAction.UPDATE, sorted(f)) for (e, i), f in updated.items() if (e, i) not in gone
    ]
    pending += [(e, i, AuditAction.DELETE, []) for e, i in deleted]
    return pending


def _record_stage_changes(session: Session) -> None:
    """Keep the stage history (old → new, when) of every candidate whose stage changes
    through the ORM, whichever service changes it: the candidate timeline reads it."""
    for obj in list(session.dirty):
        if type(obj) is not m.Candidate:
            continue
        history = inspect(obj).attrs.stage.history
        if not history.has_changes() or not history.added:
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0]
        if old == new or obj.id is None:
            continue
        session.add(
            m.StageChange(
                candidate_id=obj.id,
                old=getattr(old, "value", old),
                new=getattr(new, "value", new),
            )
        )


def install(factory: sessionmaker[Session]) -> None:
    """Attach the audit hooks to every session the factory makes."""

    @event.listens_for(factory, "before_flush")
    def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
        _record_stage_changes(session)
        if session.info.get("audit_disabled"):
            return
        session.info.setdefault("_audit_pending", []).extend(_collect(session))

    @event.listens_for(factory, "after_flush")
    def _after_flush(session: Session, _ctx: Any) -> None:
        pending = session.info.pop("_audit_pending", [])
        if not pending:
            return
        operator = session.info.get("operator") or "unknown"
        now = utcnow()
        rows = []
        for entity, ref, action, fields in pending:
            entity_id = ref if isinstance(ref, int) or ref is None else getattr(ref, "id", None)
            if not isinstance(entity_id, int):
                entity_id = None
            rows.append(
                {
                    "at": now,
                    "operator": operator,
                    "action": action.value,
                    "entity": entity,
                    "entity_id": entity_id,
                    "fields": fields,
                }
            )
        session.connection().execute(insert(table_of(AuditEntry)), rows)


def record(
    session: Session,
    action: AuditAction,
    entity: str,
    entity_id: int | None = None,
    fields: list[str] | None = None,
) -> None:
    """Log an operation the ORM does not see (bulk import, export, dossier, erasure)."""
    session.connection().execute(
        insert(table_of(AuditEntry)),
        [
            {
                "at": utcnow(),
                "operator": session.info.get("operator") or "unknown",
                "action": action.value,
                "entity": entity,
                "entity_id": entity_id,
                "fields": fields or [],
            }
        ],
    )
