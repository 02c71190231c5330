"""The disclosure log: which dossier went to whom, with which people, and its hash.

Coordinators must be able to answer "who has seen this person's data?" (GDPR access
requests). Each generated dossier is one ``disclosures`` row plus one
``disclosure_candidates`` row per person; the placeholder ("candidate-<id>") survives
erasure, which only clears ``candidate_id``. The audit log gets a ``disclose`` entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select

from wir_manager.domain.enums import AuditAction, ShortlistStatus
from wir_manager.storage import audit
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


@dataclass(frozen=True, slots=True)
class DisclosureRecord:
    """One dossier as the coordinator sees it in a candidate's history."""

    disclosure_id: int
    request_id: int | None
    request_title: str | None
    organisation: str | None
    recipient: str
    created_at: dt.datetime
    created_by: str | None
    file_sha256: str
    contact_details_included: bool
    candidate_count: int


def placeholder_for(candidate_id: int) -> str:
    return f"candidate-{candidate_id}"


def record_disclosure(
    db: Database,
    *,
    request_id: int,
    recipient: str,
    candidate_ids: Sequence[int],
    contact_ids: Sequence[int],
    sha256: str,
) -> int:
    """Log one dossier in one transaction; returns the disclosure id."""
    with db.session(write=True) as s:
        disclosure = m.Disclosure(
            request_id=request_id,
            recipient=recipient,
            created_by=db.operator,
            file_sha256=sha256,
            contact_details_included=bool(contact_ids),
        )
        s.add(disclosure)
        s.flush()
        if candidate_ids:
            s.execute(
                insert(m.DisclosureCandidate),
                [
                    {
                        "disclosure_id": disclosure.id,
                        "candidate_id": cid,
                        "placeholder": placeholder_for(cid),
                    }
                    for cid in candidate_ids
                ],
            )
        _mark_sent(s, request_id, candidate_ids)
        fields = ["recipient", "candidates", "file_sha256"]
        if contact_ids:
            fields.append("contact_details")
        audit.record(s, AuditAction.DISCLOSE, "disclosure", disclosure.id, fields)
        return disclosure.id


def _mark_sent(s, request_id: int, candidate_ids: Sequence[int]) -> None:  # type: ignore[no-untyped-def]
    """People still *proposed* on the request's shortlist are now *sent*, in the same
    transaction as the disclosure entry: the shortlist and the log never disagree about
    who was sent. (The disclosure itself is the record of the step; the timeline reads
    it, so no separate answer row is written.)"""
    if not candidate_ids:
        return
    e = m.ShortlistEntry
    for entry in s.scalars(
        select(e).where(e.request_id == request_id, e.candidate_id.in_(list(candidate_ids)))
    ):
        if entry.status == ShortlistStatus.PROPOSED:
            entry.status = ShortlistStatus.SENT


def disclosures_for_candidate(db: Database, candidate_id: int) -> list[DisclosureRecord]:
    """Every dossier that named ``candidate_id``, newest first."""
    counts = (
        select(
            m.DisclosureCandidate.disclosure_id.label("did"),
            func.count().label("n"),
        )
        .group_by(m.DisclosureCandidate.disclosure_id)
        .subquery()
    )
    query = (
        select(
            m.Disclosure.id,
            m.Disclosure.request_id,
            m.PlacementRequest.title,
            m.Organisation.name,
            m.Disclosure.recipient,
            m.Disclosure.created_at,
            m.Disclosure.created_by,
            m.Disclosure.file_sha256,
            m.Disclosure.contact_details_included,
            counts.c.n,
        )
        .join(m.DisclosureCandidate, m.DisclosureCandidate.disclosure_id == m.Disclosure.id)
        .join(counts, counts.c.did == m.Disclosure.id)
        .outerjoin(m.PlacementRequest, m.PlacementRequest.id == m.Disclosure.request_id)
        .outerjoin(m.Organisation, m.Organisation.id == m.PlacementRequest.organisation_id)
        .where(m.DisclosureCandidate.candidate_id == candidate_id)
        .order_by(m.Disclosure.created_at.desc(), m.Disclosure.id.desc())
    )
    with db.engine.connect() as conn:
        return [DisclosureRecord(*row) for row in conn.execute(query)]
