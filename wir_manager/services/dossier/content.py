"""What goes into a dossier: the request, and one plain record per candidate.

The list of people is the request's saved shortlist; without one, the current top five
of the ranking. Everything is read in a few queries and copied into frozen records, so
the layout code never touches the database and cannot lazily load anything it should
not show. Contact details are copied only for people who consented to share them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from babel import Locale
from sqlalchemy import select

from wir_manager.domain.codes import country_name, language_name
from wir_manager.domain.enums import (
    Importance,
    LanguageLevel,
    Platform,
    ShortlistStatus,
    SkillLevel,
    Stage,
    Topic,
    TrainingStatus,
    WorkMode,
)
from wir_manager.i18n import _, current_language
from wir_manager.services.candidate_records import (
    FIELDS,
    TEXT_KINDS,
    CandidateData,
    FieldSpec,
    Kind,
)
from wir_manager.services.candidates import load_data
from wir_manager.services.dossier.consent import ConsentState, Exclusion, filter_for_disclosure
from wir_manager.services.localefmt import format_date, format_number
from wir_manager.services.matching import MatchResult, part_label, rank, saved_shortlist
from wir_manager.services.requests.records import LanguageRequirement, SkillRequirement
from wir_manager.services.requests.store import get_request
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
    work_mode: WorkMode
    start_date: dt.date | None
    duration_months: int | None
    deadline: dt.date | None
    positions: int
    languages: tuple[LanguageRequirement, ...] = ()
    skills: tuple[SkillRequirement, ...] = ()
    topics: tuple[Topic, ...] = ()

    def asks(self) -> list[tuple[str, str]]:
        """(heading, text) lines of what the request asks for, most important first, in
        words a liaison reads without the app ("French B2 or better or Spanish B2 or
        better", "Wikidata intermediate or better"): the cover shows them, so the IGO
        sees what the candidates were matched against. Topics come last."""
        lines: list[tuple[str, str]] = []
        for importance in Importance:
            items: list[str] = []
            groups: dict[int, list[LanguageRequirement]] = defaultdict(list)
            for req in self.languages:
                if req.importance != importance.value:
                    continue
                if req.group is None:
                    items.append(_language_ask([req]))
                else:
                    groups[req.group].append(req)
            items += [_language_ask(members) for members in groups.values()]
            items += [
                _("{platform} {level} or better").format(
                    platform=_(Platform(req.platform).label),
                    level=_(SkillLevel(req.min_level).label).lower(),
                )
                for req in self.skills
                if req.importance == importance.value
            ]
            if items:
                lines.append((_(importance.label), "; ".join(items)))
        if self.topics:
            lines.append((_("Topics"), ", ".join(_(Topic(t).label) for t in self.topics)))
        return lines

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
    status: TrainingStatus
    completed_on: dt.date | None
    score: int | None


@dataclass(frozen=True, slots=True)
class CandidateSection:
    """Everything shown about one person, already filtered for consent."""

    candidate_id: int
    rank: int
    #: The person as stored, except that e-mail and phone are empty unless the person
    #: agreed to share contact details (``contact_shared``).
    data: CandidateData
    affiliate: str | None
    score: float
    parts: dict[str, float]
    explanations: tuple[str, ...]
    near_miss: str | None
    training: tuple[TrainingLine, ...]
    contact_shared: bool
    #: The current wiki snapshot of an existing account: (date fetched, global edits,
    #: registration year or None). The dossier marks these facts "verified".
    verified: tuple[dt.date, int | None, int | None] | None = None
    #: (label, text) rows of the candidate's facts table, from the field descriptions
    #: (``FieldSpec.dossier``), already translated.
    facts: tuple[tuple[str, str], ...] = ()

    @property
    def name(self) -> str:
        return self.data.full_name

    @property
    def username(self) -> str:
        return self.data.username

    @property
    def languages(self) -> tuple[tuple[str, int], ...]:
        """(code, LanguageLevel value), best first."""
        ordered = sorted(self.data.languages, key=lambda x: (-x.level, x.code))
        return tuple((x.code, x.level) for x in ordered)

    @property
    def skills(self) -> tuple[tuple[Platform, int], ...]:
        """(platform, level), best first."""
        ordered = sorted(self.data.skills, key=lambda x: (-x.level, x.platform))
        return tuple((Platform(x.platform), x.level) for x in ordered)

    @property
    def topics(self) -> tuple[Topic, ...]:
        order = list(Topic)
        return tuple(sorted((Topic(t) for t in self.data.topics), key=order.index))

    # Display helpers (English source strings, translated by ``_``).
    def language_labels(self) -> list[str]:
        return [
            f"{language_name(code)} ({_(LanguageLevel(level).label)})"
            for code, level in self.languages
        ]

    def skill_labels(self) -> list[str]:
        return [f"{_(p.label)} ({_(SkillLevel(level).label).lower()})" for p, level in self.skills]

    def topic_labels(self) -> list[str]:
        return [_(t.label) for t in self.topics]

    def name_aside(self) -> str:
        """What a reader who cannot read the name's script goes by, beside the name in the
        summary: the stored Latin-script form (for a name in another script) and the
        wiki username."""
        latin = self.data.name_in_latin_script
        user = _("User:{username}").format(username=self.username) if self.username else ""
        shown = [latin] if latin and latin != self.name else []
        return " · ".join([*shown, user] if user else shown)

    @property
    def stage_label(self) -> str:
        return _(Stage(self.data.stage).label)


def _dossier_locale() -> Locale:
    """The locale of the dossier's language: British order for English, which reads
    unambiguously to an international reader, and never the coordinator's system locale,
    since the dossier is read by the organisation, not on this computer."""
    language = current_language()
    return Locale.parse("en_GB" if language == "en" else language)


def day(value: dt.date | None) -> str:
    """Long date in the dossier's language: "3 March 2027", "3 mars 2027" in Swedish."""
    if value is None:
        return "—"
    return format_date(value, "long", locale=_dossier_locale())


def _fact_text(spec: FieldSpec, data: CandidateData, affiliate: str | None) -> str | None:
    """One fact in words by the field's kind; None leaves the row out (empty text)."""
    value = getattr(data, spec.name)
    if spec.name == "available_from":  # one row for the period
        if not data.available_from and not data.available_until:
            return _("Not stated")
        return _("{start} to {end}").format(
            start=day(data.available_from) if data.available_from else _("now"),
            end=day(data.available_until) if data.available_until else _("open-ended"),
        )
    kind = spec.kind
    if kind in (Kind.YES_NO, Kind.YES_NO_UNKNOWN):
        return spec.words(value)
    if kind is Kind.AFFILIATE:
        return affiliate or "—"
    if value is None or value == "":
        return None if kind in TEXT_KINDS else "—"
    if kind is Kind.COUNTRY:
        return country_name(value)
    if kind is Kind.STAGE:
        return _(Stage(value).label)
    if kind is Kind.COUNT:
        return format_number(value)
    if kind is Kind.DATE:
        return day(value)
    return str(value)


def _verified_text(name: str, text: str, verified: tuple[dt.date, int | None, int | None]) -> str:
    """ "Wikimedian since" and "Edits" as the wikis confirmed them (the figures matching
    scored), with the date of the snapshot and the self-reported figure."""
    day_fetched, verified_edits, verified_year = verified
    mark = _("verified on the wikis {day}").format(day=day(day_fetched))
    if name == "active_since" and verified_year:
        return f"{verified_year} ({mark})"
    if name == "edit_count" and verified_edits is not None:
        return _("{edits} ({mark}; self-reported {reported})").format(
            edits=format_number(verified_edits), mark=mark, reported=text
        )
    return text


def dossier_facts(
    data: CandidateData,
    affiliate: str | None,
    *,
    contact_shared: bool,
    duty_station: bool,
    verified: tuple[dt.date, int | None, int | None] | None = None,
) -> tuple[tuple[str, str], ...]:
    """The facts table of one candidate: every field with a dossier label, in the
    order of :data:`FIELDS` (experience marked verified where a wiki snapshot holds it),
    then how to reach the person (only with their consent)."""
    facts: list[tuple[str, str]] = []
    for spec in FIELDS:
        if spec.dossier is None or (spec.duty_station_only and not duty_station):
            continue
        text = _fact_text(spec, data, affiliate)
        if text is not None and verified is not None:
            text = _verified_text(spec.name, text, verified)
        if text is not None:
            facts.append((_(spec.dossier), text))
    if contact_shared:
        contact = " · ".join(x for x in (data.email, data.phone) if x) or _("None on file")
    else:
        contact = _(
            "Not shared (the candidate has not agreed to share contact details); "
            "contact the programme to reach them."
        )
    facts.append((_("Contact"), contact))
    return tuple(facts)


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
    #: The weights that produced the scores (the saved shortlist's profile version, or
    #: the ranking's) and the parts the request uses; empty when unknown.
    weights: dict[str, float] = field(default_factory=dict)
    applicable: tuple[str, ...] = ()

    def most_points(self) -> dict[str, float]:
        """Part → the most points it can give: its weight's share of 100 among the parts
        the request uses. The slider weights are relative, so a part weighted 30 gives up
        to 35.3 points when the weights of the parts in use add up to 85; the dossier
        shows both so a liaison is not puzzled by 32 points for a weight of 30."""
        used = [p for p in self.applicable if p in self.weights]
        total = sum(self.weights[p] for p in used)
        if total <= 0:
            return {}
        return {p: 100.0 * self.weights[p] / total for p in used}

    @property
    def weight_total(self) -> float:
        return sum(self.weights.get(p, 0.0) for p in self.applicable)


@dataclass(frozen=True, slots=True)
class _Entry:
    candidate_id: int
    rank: int
    score: float
    parts: dict[str, float]
    status: ShortlistStatus | None
    explanations: tuple[str, ...] = ()
    near_miss: str | None = None


def _language_ask(alternatives: Sequence[LanguageRequirement]) -> str:
    """One language requirement, or an "at least one of" group, in words; alternatives
    at the same level share it ("French or Spanish B2 or better")."""
    by_level: dict[int, list[str]] = defaultdict(list)
    for req in alternatives:
        by_level[req.min_level].append(language_name(req.code))
    words = []
    for level, names in by_level.items():
        name = _(" or ").join(names)
        if level >= LanguageLevel.NATIVE:
            words.append(_("{language}, native").format(language=name))
        else:
            words.append(
                _("{language} {level} or better").format(
                    language=name, level=LanguageLevel(level).label
                )
            )
    return _(" or ").join(words)


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
    asked = get_request(db, request_id)
    return RequestInfo(
        id=row["id"],
        title=row["title"],
        organisation=row["org_name"],
        acronym=row["org_acronym"],
        description=row["description"],
        duty_city=row["duty_city"],
        duty_country=row["duty_country"],
        work_mode=WorkMode(row["work_mode"]),
        start_date=row["start_date"],
        duration_months=row["duration_months"],
        deadline=row["deadline"],
        positions=row["positions"],
        # The requirements as the request editor reads them (one reader of them).
        languages=asked.languages,
        skills=asked.skills,
        topics=tuple(Topic(t) for t in asked.topics),
    )


def _saved_entries(db: Database, request_id: int) -> tuple[list[_Entry], str | None, int | None]:
    rows = saved_shortlist(db, request_id)
    entries = [
        _Entry(r.candidate_id, r.rank, float(r.score), dict(r.parts), ShortlistStatus(r.status))
        for r in rows
    ]
    first = rows[0] if rows else None
    return (
        entries,
        (first.profile_name if first else None),
        (first.profile_version if first else None),
    )


@dataclass(frozen=True, slots=True)
class _Scoring:
    """How the scores were made: the weights and the parts the request uses."""

    weights: dict[str, float]
    applicable: tuple[str, ...]


def _profile_weights(db: Database, name: str | None, version: int | None) -> dict[str, float]:
    """The weights of one stored profile version ({} when it is not stored: an unsaved
    change of weights has version 0)."""
    if not name or not version:
        return {}
    with db.engine.connect() as conn:
        stored = conn.execute(
            select(m.WeightProfile.weights).where(
                m.WeightProfile.name == name, m.WeightProfile.version == version
            )
        ).scalar()
    return {str(k): float(v) for k, v in (stored or {}).items()}


def choose_entries(
    db: Database, request_id: int
) -> tuple[list[_Entry], str, str | None, int | None, _Scoring]:
    """(entries, source, profile name, profile version, scoring): the saved shortlist,
    else the current top five of the ranking, with explanation sentences where the
    ranking has them."""
    entries, profile_name, profile_version = _saved_entries(db, request_id)
    source = "saved"
    try:
        # With a saved shortlist only its people's explanations are needed.
        result: MatchResult | None = (
            rank(db, request_id, only=[e.candidate_id for e in entries])
            if entries
            else rank(db, request_id, top=DEFAULT_TOP)
        )
    except Exception as exc:
        if not entries and not isinstance(exc, ValueError):
            raise
        # With a saved shortlist the ranking only adds explanation sentences; a dossier
        # without them beats no dossier. (Type only: messages may quote data.)
        log.warning("ranking unavailable for dossier explanations (%s)", type(exc).__name__)
        result = None
    applicable = result.applicable if result is not None else ()
    if not entries:
        source = "ranking"
        if result is None:
            return [], source, None, None, _Scoring({}, ())
        entries = [
            _Entry(r.candidate_id, n, float(r.score), dict(r.parts), None, tuple(r.explanations))
            for n, r in enumerate(result.ranked, start=1)
        ]
        scoring = _Scoring(dict(result.weights), applicable)
        return entries, source, result.profile_name, result.profile_version, scoring
    scoring = _Scoring(_profile_weights(db, profile_name, profile_version), applicable)
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
    return entries, source, profile_name, profile_version, scoring


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
    entries, source, profile_name, profile_version, scoring = choose_entries(db, request_id)
    declined = [e for e in entries if e.status is ShortlistStatus.DECLINED]
    entries = [e for e in entries if e.status is not ShortlistStatus.DECLINED]
    states = _consent_states(db, [e.candidate_id for e in entries])
    kept_ids, excluded = filter_for_disclosure([e.candidate_id for e in entries], states)
    excluded = (
        *excluded,
        *(Exclusion(e.candidate_id, _("declined on the shortlist")) for e in declined),
    )
    # Ranks on what is sent run 1..N: a liaison reading "2, 3, 4" asks who #1 was (the
    # person who declined, or who may not be proposed, is not in the dossier).
    sent = set(kept_ids)
    kept = [
        replace(e, rank=n)
        for n, e in enumerate((e for e in entries if e.candidate_id in sent), start=1)
    ]
    sections = _sections(db, kept, states, duty_station=request.work_mode != WorkMode.REMOTE)
    labels = {part: part_label(part) for e in kept for part in e.parts}
    return DossierContent(
        request=request,
        sections=tuple(sections),
        excluded=tuple(excluded),
        source=source,
        profile_name=profile_name,
        profile_version=profile_version,
        part_labels=labels,
        weights=scoring.weights,
        applicable=scoring.applicable,
    )


def _sections(
    db: Database, entries: list[_Entry], states: dict[int, ConsentState], *, duty_station: bool
) -> list[CandidateSection]:
    ids = [e.candidate_id for e in entries]
    if not ids:
        return []
    people = load_data(db, ids)
    training: dict[int, list[TrainingLine]] = defaultdict(list)
    with db.engine.connect() as conn:
        affiliates = dict(
            conn.execute(
                select(m.Candidate.id, m.Affiliate.name)
                .join(m.Affiliate, m.Candidate.affiliate_id == m.Affiliate.id)
                .where(m.Candidate.id.in_(ids))
            ).all()
        )
        modules = conn.execute(
            select(m.TrainingModule.id, m.TrainingModule.title, m.TrainingModule.mandatory)
            .where(m.TrainingModule.active.is_(True))
            .order_by(m.TrainingModule.position, m.TrainingModule.id)
        ).all()
        progress: dict[tuple[int, int], tuple[TrainingStatus, dt.date | None, int | None]] = {}
        for cid, mid, status, done, score in conn.execute(
            select(
                m.TrainingProgress.candidate_id,
                m.TrainingProgress.module_id,
                m.TrainingProgress.status,
                m.TrainingProgress.completed_on,
                m.TrainingProgress.score,
            ).where(m.TrainingProgress.candidate_id.in_(ids))
        ):
            progress[(cid, mid)] = (status, done, score)
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
            status, done, score = progress.get((cid, mid), (TrainingStatus.NOT_STARTED, None, None))
            training[cid].append(TrainingLine(title, bool(mandatory), status, done, score))
    sections = []
    for e in entries:
        data = people.get(e.candidate_id)
        if data is None:
            continue
        share = states[e.candidate_id].share_contact
        if not share:
            data = replace(data, email=None, phone=None)
        affiliate = affiliates.get(e.candidate_id)
        sections.append(
            CandidateSection(
                candidate_id=e.candidate_id,
                rank=e.rank,
                data=data,
                affiliate=affiliate,
                score=e.score,
                parts=e.parts,
                explanations=e.explanations,
                near_miss=e.near_miss,
                training=tuple(training[e.candidate_id]),
                contact_shared=share,
                verified=verified.get(e.candidate_id),
                facts=dossier_facts(
                    data,
                    affiliate,
                    contact_shared=share,
                    duty_station=duty_station,
                    verified=verified.get(e.candidate_id),
                ),
            )
        )
    return sections
