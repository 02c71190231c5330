"""What goes into a dossier: the request, and one plain record per candidate.

The list of people is the request's saved shortlist; without one, the current top five
of the ranking. Everything is read in a few queries and copied into frozen records, so
the layout code never touches the database and cannot lazily load anything it should
not show. Contact details are copied only for people who consented to share them.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from sqlalchemy import select

from wir_manager.domain.codes import country_name, language_name
from wir_manager.domain.enums import (
    LanguageLevel,
    Platform,
    ShortlistStatus,
    SkillLevel,
    Stage,
    Topic,
    TrainingStatus,
    WorkMode,
)
from wir_manager.i18n import _
from wir_manager.services.dossier.consent import ConsentState, Exclusion, filter_for_disclosure
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

log = logging.getLogger(__name__)

#: Candidates taken from the ranking when a request has no saved shortlist.
DEFAULT_TOP = 5


class DossierError(ValueError):
    """A dossier cannot be made (unknown request, nobody to propose …); one sentence."""


@dataclass(frozen=True, slots=True)
class RequestInfo:
    id: int
    title: str
    organisation: str
    acronym: str | None
    description: str | None
    duty_city: str | None
    duty_country: str | None
    work_mode: str
    start_date: dt.date | None
    duration_months: int | None
    deadline: dt.date | None
    positions: int

    @property
    def recipient_default(self) -> str:
        return self.acronym or self.organisation

    @property
    def duty_station(self) -> str:
        mode = WorkMode(self.work_mode)
        place = ", ".join(
            p
            for p in (
                self.duty_city,
                country_name(self.duty_country) if self.duty_country else None,
            )
            if p
        )
        if mode is WorkMode.REMOTE:
            return _("Remote")
        if mode is WorkMode.HYBRID:
            return _("Hybrid ({place})").format(place=place) if place else _("Hybrid")
        return place or _("On site")


@dataclass(frozen=True, slots=True)
class TrainingLine:
    title: str
    mandatory: bool
    status: str  # TrainingStatus value
    completed_on: dt.date | None
    score: int | None


@dataclass(frozen=True, slots=True)
class CandidateSection:
    """Everything shown about one person, already filtered for consent."""

    candidate_id: int
    rank: int
    name: str
    username: str
    score: float
    parts: dict[str, float]
    explanations: tuple[str, ...]
    near_miss: str | None
    country: str | None
    affiliate: str | None
    stage: str
    active_since: int | None
    edit_count: int | None
    languages: tuple[tuple[str, int], ...]  # (code, LanguageLevel value), best first
    skills: tuple[tuple[str, int], ...]  # (Platform value, level), best first
    topics: tuple[str, ...]  # Topic values
    training: tuple[TrainingLine, ...]
    available_from: dt.date | None
    available_until: dt.date | None
    contact_shared: bool
    email: str | None = None
    phone: str | None = None
    #: Would move for an on-site / hybrid placement; None = not recorded.
    willing_to_relocate: bool | None = None
    #: The current wiki snapshot of an existing account: (date fetched, global edits,
    #: registration year or None). The dossier marks these facts "verified".
    verified: tuple[dt.date, int | None, int | None] | None = None

    # Display helpers (English source strings, translated by ``_``).
    def language_labels(self) -> list[str]:
        return [
            f"{language_name(code)} ({_(LanguageLevel(level).label)})"
            for code, level in self.languages
        ]

    def skill_labels(self) -> list[str]:
        return [
            f"{_(Platform(p).label)} ({_(SkillLevel(level).label).lower()})"
            for p, level in self.skills
        ]

    def topic_labels(self) -> list[str]:
        return [_(Topic(t).label) for t in self.topics]

    @property
    def stage_label(self) -> str:
        return _(Stage(self.stage).label)


@dataclass(frozen=True)
class DossierContent:
    request: RequestInfo
    sections: tuple[CandidateSection, ...]
    excluded: tuple[Exclusion, ...]
    #: "saved" (the request's saved shortlist) or "ranking" (current top five).
    source: str
    profile_name: str | None = None
    profile_version: int | None = None
    part_labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Entry:
    candidate_id: int
    rank: int
    score: float
    parts: dict[str, float]
    status: str | None
    explanations: tuple[str, ...] = ()
    near_miss: str | None = None


def _matching() -> ModuleType | None:
    """The matching service, when this build has it (it is developed alongside)."""
    try:
        module = importlib.import_module("wir_manager.services.matching")
    except ImportError:
        return None
    return module if hasattr(module, "rank") else None


_FALLBACK_PART_LABELS = {
    "language": "Language fit",
    "skills": "Platform skills",
    "topics": "Topics",
    "training": "Training",
    "experience": "Experience",
    "equity": "Equity (priority region)",
}


def part_label(part: str) -> str:
    try:
        from wir_manager.services.matching.parts import part_label as matching_label
    except ImportError:
        return _(_FALLBACK_PART_LABELS.get(part, part.replace("_", " ").capitalize()))
    return matching_label(part)


def load_request(db: Database, request_id: int) -> RequestInfo:
    with db.engine.connect() as conn:
        row = (
            conn.execute(
                select(
                    m.PlacementRequest.__table__,
                    m.Organisation.name.label("org_name"),
                    m.Organisation.acronym.label("org_acronym"),
                )
                .join(m.Organisation, m.PlacementRequest.organisation_id == m.Organisation.id)
                .where(m.PlacementRequest.id == request_id)
            )
            .mappings()
            .first()
        )
    if row is None:
        raise DossierError(_("There is no placement request {id}.").format(id=request_id))
    return RequestInfo(
        id=row["id"],
        title=row["title"],
        organisation=row["org_name"],
        acronym=row["org_acronym"],
        description=row["description"],
        duty_city=row["duty_city"],
        duty_country=row["duty_country"],
        work_mode=str(getattr(row["work_mode"], "value", row["work_mode"])),
        start_date=row["start_date"],
        duration_months=row["duration_months"],
        deadline=row["deadline"],
        positions=row["positions"],
    )


def _saved_entries(db: Database, request_id: int) -> tuple[list[_Entry], str | None, int | None]:
    matching = _matching()
    if matching is not None and hasattr(matching, "saved_shortlist"):
        rows = matching.saved_shortlist(db, request_id)
        entries = [
            _Entry(r.candidate_id, r.rank, float(r.score), dict(r.parts or {}), str(r.status))
            for r in rows
        ]
        first = rows[0] if rows else None
        return (
            entries,
            getattr(first, "profile_name", None),
            getattr(first, "profile_version", None),
        )
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(
                m.ShortlistEntry.candidate_id,
                m.ShortlistEntry.rank,
                m.ShortlistEntry.score,
                m.ShortlistEntry.score_parts,
                m.ShortlistEntry.status,
                m.ShortlistEntry.profile_version,
                m.WeightProfile.name,
            )
            .outerjoin(m.WeightProfile, m.ShortlistEntry.profile_id == m.WeightProfile.id)
            .where(m.ShortlistEntry.request_id == request_id)
            .order_by(m.ShortlistEntry.rank, m.ShortlistEntry.candidate_id)
        ).all()
    entries = [
        _Entry(cid, rank, float(score), dict(parts or {}), str(getattr(status, "value", status)))
        for cid, rank, score, parts, status, _v, _n in rows
    ]
    return entries, (rows[0][6] if rows else None), (rows[0][5] if rows else None)


def _ranking(db: Database, request_id: int, top: int | None) -> Any:
    matching = _matching()
    if matching is None:
        return None
    return matching.rank(db, request_id, top=top)


def choose_entries(
    db: Database, request_id: int
) -> tuple[list[_Entry], str, str | None, int | None]:
    """(entries, source, profile name, profile version): the saved shortlist, else the
    current top five of the ranking, with explanation sentences where the ranking has
    them."""
    entries, profile_name, profile_version = _saved_entries(db, request_id)
    source = "saved"
    try:
        result = _ranking(db, request_id, None if entries else DEFAULT_TOP)
    except Exception as exc:
        if not entries and not isinstance(exc, ValueError):
            raise
        # With a saved shortlist the ranking only adds explanation sentences; a dossier
        # without them beats no dossier. (Type only: messages may quote data.)
        log.warning("ranking unavailable for dossier explanations (%s)", type(exc).__name__)
        result = None
    if not entries:
        source = "ranking"
        if result is None:
            return [], source, None, None
        entries = [
            _Entry(r.candidate_id, n, float(r.score), dict(r.parts), None, tuple(r.explanations))
            for n, r in enumerate(result.ranked, start=1)
        ]
        return entries, source, result.profile_name, result.profile_version
    if result is not None:
        why = {r.candidate_id: tuple(r.explanations) for r in result.ranked}
        missed = {n.candidate_id: n.reason for n in result.near_misses}
        entries = [
            _Entry(
                e.candidate_id,
                e.rank,
                e.score,
                e.parts,
                e.status,
                why.get(e.candidate_id, ()),
                missed.get(e.candidate_id),
            )
            for e in entries
        ]
    return entries, source, profile_name, profile_version


def _consent_states(db: Database, ids: Sequence[int]) -> dict[int, ConsentState]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(
                m.Candidate.id,
                m.Candidate.consent_propose,
                m.Candidate.consent_share_contact,
            ).where(m.Candidate.id.in_(list(ids)))
        ).all()
    return {cid: ConsentState(bool(p), bool(c)) for cid, p, c in rows}


def load_content(db: Database, request_id: int) -> DossierContent:
    """Read everything one dossier shows, consent already applied."""
    request = load_request(db, request_id)
    entries, source, profile_name, profile_version = choose_entries(db, request_id)
    declined = [e for e in entries if e.status == ShortlistStatus.DECLINED.value]
    entries = [e for e in entries if e.status != ShortlistStatus.DECLINED.value]
    states = _consent_states(db, [e.candidate_id for e in entries])
    kept_ids, excluded = filter_for_disclosure([e.candidate_id for e in entries], states)
    excluded = (
        *excluded,
        *(Exclusion(e.candidate_id, _("declined on the shortlist")) for e in declined),
    )
    kept = [e for e in entries if e.candidate_id in set(kept_ids)]
    sections = _sections(db, kept, states)
    labels = {part: part_label(part) for e in kept for part in e.parts}
    return DossierContent(
        request=request,
        sections=tuple(sections),
        excluded=tuple(excluded),
        source=source,
        profile_name=profile_name,
        profile_version=profile_version,
        part_labels=labels,
    )


def _sections(
    db: Database, entries: list[_Entry], states: dict[int, ConsentState]
) -> list[CandidateSection]:
    ids = [e.candidate_id for e in entries]
    if not ids:
        return []
    langs: dict[int, list[tuple[str, int]]] = defaultdict(list)
    skills: dict[int, list[tuple[str, int]]] = defaultdict(list)
    topics: dict[int, list[str]] = defaultdict(list)
    training: dict[int, list[TrainingLine]] = defaultdict(list)
    with db.engine.connect() as conn:
        people = {
            row.id: row
            for row in conn.execute(
                select(
                    m.Candidate.id,
                    m.Candidate.full_name,
                    m.Candidate.username,
                    m.Candidate.email,
                    m.Candidate.phone,
                    m.Candidate.country,
                    m.Candidate.stage,
                    m.Candidate.active_since,
                    m.Candidate.edit_count,
                    m.Candidate.available_from,
                    m.Candidate.available_until,
                    m.Candidate.willing_to_relocate,
                    m.Affiliate.name.label("affiliate"),
                )
                .outerjoin(m.Affiliate, m.Candidate.affiliate_id == m.Affiliate.id)
                .where(m.Candidate.id.in_(ids))
            )
        }
        for cid, code, level in conn.execute(
            select(
                m.CandidateLanguage.candidate_id,
                m.CandidateLanguage.code,
                m.CandidateLanguage.level,
            )
            .where(m.CandidateLanguage.candidate_id.in_(ids))
            .order_by(m.CandidateLanguage.level.desc(), m.CandidateLanguage.code)
        ):
            langs[cid].append((code, int(level)))
        for cid, platform, level in conn.execute(
            select(m.CandidateSkill.candidate_id, m.CandidateSkill.platform, m.CandidateSkill.level)
            .where(m.CandidateSkill.candidate_id.in_(ids))
            .order_by(m.CandidateSkill.level.desc(), m.CandidateSkill.platform)
        ):
            if level > 0:
                skills[cid].append((getattr(platform, "value", platform), int(level)))
        for cid, topic in conn.execute(
            select(m.CandidateTopic.candidate_id, m.CandidateTopic.topic).where(
                m.CandidateTopic.candidate_id.in_(ids)
            )
        ):
            topics[cid].append(getattr(topic, "value", topic))
        modules = conn.execute(
            select(m.TrainingModule.id, m.TrainingModule.title, m.TrainingModule.mandatory)
            .where(m.TrainingModule.active.is_(True))
            .order_by(m.TrainingModule.position, m.TrainingModule.id)
        ).all()
        progress: dict[tuple[int, int], tuple[str, dt.date | None, int | None]] = {}
        for cid, mid, status, done, score in conn.execute(
            select(
                m.TrainingProgress.candidate_id,
                m.TrainingProgress.module_id,
                m.TrainingProgress.status,
                m.TrainingProgress.completed_on,
                m.TrainingProgress.score,
            ).where(m.TrainingProgress.candidate_id.in_(ids))
        ):
            progress[(cid, mid)] = (getattr(status, "value", status), done, score)
        w = m.WikiSnapshot
        verified = {
            cid: (fetched.date(), edits, registration.year if registration else None)
            for cid, fetched, edits, registration in conn.execute(
                select(w.candidate_id, w.fetched_at, w.global_edit_count, w.registration)
                .join(m.Candidate, m.Candidate.id == w.candidate_id)
                .where(
                    w.candidate_id.in_(ids), w.username == m.Candidate.username, w.found.is_(True)
                )
            )
        }
    for cid in ids:
        for mid, title, mandatory in modules:
            status, done, score = progress.get(
                (cid, mid), (TrainingStatus.NOT_STARTED.value, None, None)
            )
            training[cid].append(TrainingLine(title, bool(mandatory), status, done, score))
    order = list(Topic)
    sections = []
    for e in entries:
        p = people.get(e.candidate_id)
        if p is None:
            continue
        share = states[e.candidate_id].share_contact
        sections.append(
            CandidateSection(
                candidate_id=e.candidate_id,
                rank=e.rank,
                name=p.full_name,
                username=p.username,
                score=e.score,
                parts=e.parts,
                explanations=e.explanations,
                near_miss=e.near_miss,
                country=p.country,
                affiliate=p.affiliate,
                stage=getattr(p.stage, "value", p.stage),
                active_since=p.active_since,
                edit_count=p.edit_count,
                languages=tuple(langs[e.candidate_id]),
                skills=tuple(skills[e.candidate_id]),
                topics=tuple(sorted(topics[e.candidate_id], key=lambda t: order.index(Topic(t)))),
                training=tuple(training[e.candidate_id]),
                available_from=p.available_from,
                available_until=p.available_until,
                willing_to_relocate=p.willing_to_relocate,
                verified=verified.get(e.candidate_id),
                contact_shared=share,
                email=p.email if share else None,
                phone=p.phone if share else None,
            )
        )
    return sections
