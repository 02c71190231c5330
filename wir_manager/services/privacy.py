"""Right to erasure: remove everything held about a person, for good.

Erasure is not an ordinary delete. It must

* remove the candidate and every row that belongs to them (languages, skills, topics,
  training records, shortlist entries with their notes and the IGO's answers, contact
  notes, stage history);
* keep each placement's anonymous numbers (dates, organisation, request, funding,
  outcomes) so programme statistics stay true, but cut the link to the person and
  clear every free text about her (placement notes, the reason it ended, check-in
  notes, extension reasons);
* keep the disclosure log truthful ("a dossier with 3 people went to WHO") without
  keeping the person: ``disclosure_candidates.candidate_id`` becomes NULL and only the
  anonymous placeholder stays;
* leave the audit log without a way back to the person: their audit rows lose the
  record id (audit rows never held values, only field names);
* make the strings unrecoverable even by somebody holding the key: every connection runs
  with ``PRAGMA secure_delete = ON`` (freed cells are zeroed) and the file is compacted
  afterwards (``VACUUM`` + WAL truncate), so no old page copy survives.

Everything except the compaction happens in ONE transaction: a crash leaves the person
either fully present or fully gone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from wir_manager.domain.enums import AuditAction
from wir_manager.i18n import _
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.storage import audit
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.errors import StorageError
from wir_manager.storage.maintenance import compact, mark_compaction_pending

#: What an erased person is called wherever a trace must remain (disclosure log).
ERASED_PLACEHOLDER = "erased"


class CandidateNotFoundError(ValueError):
    """The id names nobody (never existed, or already erased)."""


@dataclass(frozen=True, slots=True)
class ErasureResult:
    """What was removed, by table; counts only, never values."""

    candidate_ids: tuple[int, ...]
    removed: dict[str, int]
    disclosures_anonymised: int
    audit_rows_anonymised: int
    #: False when another program was reading the file, so old page copies may remain in
    #: the WAL until the next checkpoint (the rows themselves are gone).
    compacted: bool = True
    #: True when the erasure was committed but the compaction failed (a full disk): it is
    #: retried at the next unlock (:meth:`Database.finish_pending_compaction`).
    compaction_pending: bool = False


#: Tables holding rows that belong to a candidate, deleted before the candidate itself.
#: (The foreign keys cascade too; deleting explicitly gives counts and does not depend
#: on ``PRAGMA foreign_keys`` being on.)
_OWNED: tuple[tuple[str, type[m.Base]], ...] = (
    ("languages", m.CandidateLanguage),
    ("skills", m.CandidateSkill),
    ("topics", m.CandidateTopic),
    ("training", m.TrainingProgress),
    ("shortlist_entries", m.ShortlistEntry),
    ("wiki_snapshots", m.WikiSnapshot),
    ("shortlist_answers", m.ShortlistAnswer),
    ("contact_notes", m.ContactNote),
    ("stage_changes", m.StageChange),
)


def erase_candidate(db: Database, candidate_id: int, *, compact_file: bool = True) -> ErasureResult:
    """Erase one person. Raises :class:`CandidateNotFoundError` if there is nobody to erase."""
    return erase_candidates(db, [candidate_id], compact_file=compact_file)


def erase_candidates(
    db: Database,
    candidate_ids: Iterable[int],
    *,
    compact_file: bool = True,
    progress: Progress = NO_PROGRESS,
) -> ErasureResult:
    """Erase several people in one transaction (bulk erase from the retention report).

    Unknown ids make the whole call fail before anything is touched, so a typo in a
    script never erases "the others" half-way.
    """
    ids = tuple(dict.fromkeys(int(i) for i in candidate_ids))
    if not ids:
        return ErasureResult((), {}, 0, 0)
    removed: dict[str, int] = {}
    with db.session(write=True) as s:
        found = set(s.scalars(select(m.Candidate.id).where(m.Candidate.id.in_(ids))))
        missing = [i for i in ids if i not in found]
        if missing:
            raise CandidateNotFoundError(
                _("There is no candidate with id {ids}; nothing was erased.").format(
                    ids=", ".join(str(i) for i in missing)
                )
            )
        total = len(ids)
        for done, chunk in enumerate(_chunks(ids, 500)):
            progress.report(done * 500, total, _("Erasing"))
            _erase_chunk(s, chunk, removed)
        # The erase itself is logged without an id: the log says "somebody was erased
        # by X at T", never whom.
        fields = sorted(k for k in removed if not k.startswith("_"))
        audit.record(s, AuditAction.ERASE, "candidate", None, fields)
        anonymised_disclosures = removed.pop("_disclosures", 0)
        anonymised_audit = removed.pop("_audit", 0)
    progress.report(total, total, _("Compacting the database"))
    compacted = pending = False
    if compact_file:
        try:
            compacted = compact(db)
        except StorageError:
            # The erasure is committed; only the VACUUM failed (a nearly full disk).
            # Saying "not saved" here would be false: remember it and retry at unlock.
            pending = True
            mark_compaction_pending(db)
    return ErasureResult(
        ids,
        removed,
        anonymised_disclosures,
        anonymised_audit,
        compacted,
        compaction_pending=pending,
    )


def pending_compaction_message() -> str:
    """One sentence for an erasure whose ``VACUUM`` failed (see :attr:`ErasureResult.
    compaction_pending`): the CLI prints it, the desktop app shows it."""
    return _(
        "The erasure is done, but the disk is too full to compact the file now (old copies "
        "of pages may remain until then); WiR Manager compacts it at the next unlock."
    )


def _erase_chunk(s, chunk: Sequence[int], removed: dict[str, int]) -> None:
    for label, model in _OWNED:
        column = model.__table__.c.candidate_id
        result = s.execute(delete(model).where(column.in_(chunk)))
        removed[label] = removed.get(label, 0) + (result.rowcount or 0)
    _anonymise_placements(s, chunk, removed)
    # The disclosure log keeps the anonymous placeholder ("Candidate B"); one that holds
    # the person's name, username, e-mail or record id is replaced by ERASED_PLACEHOLDER.
    identities = {
        cid: [str(v).casefold() for v in (name, username, email) if v]
        for cid, name, username, email in s.execute(
            select(
                m.Candidate.id, m.Candidate.full_name, m.Candidate.username, m.Candidate.email
            ).where(m.Candidate.id.in_(chunk))
        )
    }
    for row_id, cid, placeholder in s.execute(
        select(
            m.DisclosureCandidate.id,
            m.DisclosureCandidate.candidate_id,
            m.DisclosureCandidate.placeholder,
        ).where(m.DisclosureCandidate.candidate_id.in_(chunk))
    ).all():
        text = (placeholder or "").casefold()
        # "candidate-123" would keep the erased record id, which the audit log drops too
        carries_id = re.search(rf"(?<!\d){cid}(?!\d)", text) is not None
        if not text or carries_id or any(ident in text for ident in identities.get(cid, [])):
            s.execute(
                update(m.DisclosureCandidate)
                .where(m.DisclosureCandidate.id == row_id)
                .values(placeholder=ERASED_PLACEHOLDER)
            )
    result = s.execute(
        update(m.DisclosureCandidate)
        .where(m.DisclosureCandidate.candidate_id.in_(chunk))
        .values(candidate_id=None)
    )
    removed["_disclosures"] = removed.get("_disclosures", 0) + (result.rowcount or 0)
    result = s.execute(
        update(m.AuditEntry)
        .where(m.AuditEntry.entity == "candidate", m.AuditEntry.entity_id.in_(chunk))
        .values(entity_id=None)
    )
    removed["_audit"] = removed.get("_audit", 0) + (result.rowcount or 0)
    result = s.execute(delete(m.Candidate).where(m.Candidate.id.in_(chunk)))
    removed["candidates"] = removed.get("candidates", 0) + (result.rowcount or 0)


def _anonymise_placements(s, chunk: Sequence[int], removed: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    """Placements stay as anonymous numbers: no person, no free text about her."""
    placement_ids = list(
        s.scalars(select(m.Placement.id).where(m.Placement.candidate_id.in_(chunk)))
    )
    if not placement_ids:
        return
    s.execute(
        update(m.PlacementCheckin)
        .where(m.PlacementCheckin.placement_id.in_(placement_ids))
        .values(note=None)
    )
    s.execute(
        update(m.PlacementExtension)
        .where(m.PlacementExtension.placement_id.in_(placement_ids))
        .values(reason=None)
    )
    result = s.execute(
        update(m.Placement)
        .where(m.Placement.id.in_(placement_ids))
        .values(candidate_id=None, notes=None, end_reason=None)
    )
    removed["placements_anonymised"] = removed.get("placements_anonymised", 0) + (
        result.rowcount or 0
    )


def _chunks(ids: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def candidate_exists(db: Database, candidate_id: int) -> bool:
    with db.engine.connect() as conn:
        return bool(
            conn.execute(
                select(func.count()).select_from(m.Candidate).where(m.Candidate.id == candidate_id)
            ).scalar_one()
        )


def username_of(db: Database, candidate_id: int) -> str:
    """The username a person must type to confirm an erasure (GUI and CLI)."""
    with db.engine.connect() as conn:
        name = conn.execute(
            select(m.Candidate.username).where(m.Candidate.id == candidate_id)
        ).scalar()
    if name is None:
        raise CandidateNotFoundError(
            _("There is no candidate with id {id}.").format(id=candidate_id)
        )
    return name


@dataclass(frozen=True, slots=True)
class PersonRef:
    """Enough to pick a person for a subject access request."""

    id: int
    name: str
    username: str


def find_people(db: Database, text: str, *, limit: int = 50) -> list[PersonRef]:
    """People whose name, username or email contains ``text`` (case-insensitive), or
    whose id is ``text``; by name."""
    text = text.strip()
    c = m.Candidate
    query = select(c.id, c.full_name, c.username).order_by(c.full_name, c.id).limit(limit)
    if text.isdigit():
        query = query.where(c.id == int(text))
    elif text:
        pattern = f"%{text}%"
        query = query.where(
            c.full_name.ilike(pattern) | c.username.ilike(pattern) | c.email.ilike(pattern)
        )
    with db.engine.connect() as conn:
        return [PersonRef(*row) for row in conn.execute(query)]
