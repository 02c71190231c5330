"""Candidates for the desktop app and the CLI: a compact index for fast tables, detail
records for the editor, validated create/update/delete/stage changes, and filters.

Everything in and out is a plain dataclass or tuple. The index holds one tuple per
candidate with the few columns a table shows, loaded in two queries, so 100,000 people
fit in memory and a keystroke filter runs over Python strings instead of the database.
Filters that need child tables (language ≥ level, skill ≥ level, topic, training
complete) are answered by indexed SQL as sets of ids, which callers cache per value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import delete, func, or_, select

from wir_manager.domain import codes
from wir_manager.domain.enums import LanguageLevel, Platform, Stage, Topic, TrainingStatus
from wir_manager.i18n import _
from wir_manager.services.concurrency import ensure_unchanged
from wir_manager.services.records import LanguageSkill, PlatformSkill
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
FIRST_EDIT_YEAR = 2001  # Wikipedia's first year; "active since" cannot be earlier

# ---------------------------------------------------------------------- index rows
#: Positions inside one index row tuple.
ID, NAME, USERNAME, EMAIL, COUNTRY, REGION, SUBREGION, AFFILIATE, STAGE, LANGUAGES = range(10)
#: How many of a person's languages the table column shows.
LANGUAGES_SHOWN = 4

Row = tuple[int, str, str, str, str, str, str, str, str, str]


class CandidateNotFoundError(ValueError):
    """The candidate was deleted meanwhile (in another window, or by an erasure)."""


class CandidateValidationError(ValueError):
    """Input that cannot be saved; ``errors`` maps field name → sentence."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()))


@dataclass
class CandidateIndex:
    """Every candidate as one compact row, plus a lower-cased search text per row.

    ``rows[i][ID]`` is the database id; ``position`` maps an id back to ``i``. Mutable
    on purpose: after an edit, :func:`refresh_index` patches only the changed rows.
    """

    rows: list[Row] = field(default_factory=list)
    haystack: list[str] = field(default_factory=list)
    position: dict[int, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    def reindex(self) -> None:
        self.position = {row[ID]: i for i, row in enumerate(self.rows)}


def _search_text(row: Row) -> str:
    return "\x1f".join((row[NAME], row[USERNAME], row[EMAIL], row[AFFILIATE])).casefold()


def _language_text(items: list[tuple[str, int]]) -> str:
    items.sort(key=lambda item: (-item[1], item[0]))
    shown = [f"{code} {LanguageLevel(level).label}" for code, level in items[:LANGUAGES_SHOWN]]
    if len(items) > LANGUAGES_SHOWN:
        shown.append(f"+{len(items) - LANGUAGES_SHOWN}")
    return " · ".join(shown)


def _index_rows(db: Database, ids: Sequence[int] | None = None) -> list[Row]:
    c = m.Candidate
    query = (
        select(
            c.id,
            c.full_name,
            c.username,
            c.email,
            c.country,
            c.region,
            c.subregion,
            m.Affiliate.name,
            c.stage,
        )
        .outerjoin(m.Affiliate, c.affiliate_id == m.Affiliate.id)
        .order_by(c.id)
    )
    lang_query = select(
        m.CandidateLanguage.candidate_id, m.CandidateLanguage.code, m.CandidateLanguage.level
    )
    if ids is not None:
        query = query.where(c.id.in_(list(ids)))
        lang_query = lang_query.where(m.CandidateLanguage.candidate_id.in_(list(ids)))
    languages: dict[int, list[tuple[str, int]]] = defaultdict(list)
    with db.engine.connect() as conn:
        for cid, code, level in conn.execute(lang_query):
            languages[cid].append((code, level))
        result = conn.execute(query).all()
    return [
        (
            cid,
            name or "",
            username or "",
            email or "",
            country or "",
            region or "",
            subregion or "",
            affiliate or "",
            stage.value if isinstance(stage, Stage) else str(stage),
            _language_text(languages.get(cid, [])),
        )
        for cid, name, username, email, country, region, subregion, affiliate, stage in result
    ]


def load_index(db: Database) -> CandidateIndex:
    """All candidates as compact rows (two queries, whatever the number of people)."""
    rows = _index_rows(db)
    index = CandidateIndex(rows=rows, haystack=[_search_text(r) for r in rows])
    index.reindex()
    return index


def refresh_index(db: Database, index: CandidateIndex, ids: Iterable[int]) -> list[int]:
    """Reload ``ids`` into ``index`` in place (new, changed or deleted candidates).
    Returns the ids that no longer exist."""
    wanted = sorted(set(ids))
    fresh = {row[ID]: row for row in _index_rows(db, wanted)} if wanted else {}
    gone = [cid for cid in wanted if cid not in fresh]
    for cid, row in fresh.items():
        at = index.position.get(cid)
        if at is None:
            index.rows.append(row)
            index.haystack.append(_search_text(row))
            index.position[cid] = len(index.rows) - 1
        else:
            index.rows[at] = row
            index.haystack[at] = _search_text(row)
    if gone:
        dead = set(gone)
        keep = [i for i, row in enumerate(index.rows) if row[ID] not in dead]
        index.rows = [index.rows[i] for i in keep]
        index.haystack = [index.haystack[i] for i in keep]
        index.reindex()
    return gone


# ---------------------------------------------------------------------- filters
@dataclass(frozen=True, slots=True)
class CandidateFilter:
    """What the user narrowed the list to. Empty fields do not filter.

    ``place`` is an ISO country code ("KE") or a UN M49 region/sub-region code ("002").
    """

    text: str = ""
    stages: frozenset[str] = frozenset()
    place: str | None = None
    language: tuple[str, int] | None = None  # (code, minimum LanguageLevel value)
    skill: tuple[str, int] | None = None  # (Platform value, minimum level 1..3)
    topic: str | None = None
    training_complete: bool = False

    @property
    def needs_sets(self) -> bool:
        return bool(self.language or self.skill or self.topic or self.training_complete)

    def words(self) -> list[str]:
        return self.text.casefold().split()


def ids_with_language(db: Database, code: str, min_level: int) -> set[int]:
    cl = m.CandidateLanguage
    with db.engine.connect() as conn:
        return set(
            conn.execute(
                select(cl.candidate_id).where(cl.code == code, cl.level >= int(min_level))
            ).scalars()
        )


def ids_with_skill(db: Database, platform: str, min_level: int) -> set[int]:
    cs = m.CandidateSkill
    with db.engine.connect() as conn:
        return set(
            conn.execute(
                select(cs.candidate_id).where(
                    cs.platform == Platform(platform), cs.level >= int(min_level)
                )
            ).scalars()
        )


def ids_with_topic(db: Database, topic: str) -> set[int]:
    ct = m.CandidateTopic
    with db.engine.connect() as conn:
        return set(conn.execute(select(ct.candidate_id).where(ct.topic == Topic(topic))).scalars())


def ids_training_complete(db: Database) -> set[int]:
    """Candidates who completed every active mandatory module (the "ready" rule)."""
    from wir_manager.services.training import ready_candidates

    return ready_candidates(db)


def id_sets_for(db: Database, f: CandidateFilter) -> list[set[int]]:
    """The SQL-answered parts of ``f`` as id sets (callers may cache them per value)."""
    sets: list[set[int]] = []
    if f.language:
        sets.append(ids_with_language(db, *f.language))
    if f.skill:
        sets.append(ids_with_skill(db, *f.skill))
    if f.topic:
        sets.append(ids_with_topic(db, f.topic))
    if f.training_complete:
        sets.append(ids_training_complete(db))
    return sets


def match_rows(
    index: CandidateIndex,
    f: CandidateFilter,
    id_sets: Sequence[set[int]] = (),
    within: Iterable[int] | None = None,
) -> list[int]:
    """Row positions of ``index`` that pass ``f``, in the order of ``within`` (all rows
    by default). Pure Python over compact tuples: a keystroke at 100,000 rows costs a
    few milliseconds, and narrowing ``within`` to the previous result costs less."""
    rows = index.rows
    selected: Iterable[int] = range(len(rows)) if within is None else within
    for word in f.words():
        hay = index.haystack
        selected = [i for i in selected if word in hay[i]]
    if f.stages:
        stages = f.stages
        selected = [i for i in selected if rows[i][STAGE] in stages]
    if f.place:
        place = f.place.upper()
        if len(place) == 2:
            selected = [i for i in selected if rows[i][COUNTRY] == place]
        else:
            selected = [i for i in selected if place in (rows[i][REGION], rows[i][SUBREGION])]
    if id_sets:
        allowed = set.intersection(*id_sets) if len(id_sets) > 1 else id_sets[0]
        selected = [i for i in selected if rows[i][ID] in allowed]
    return selected if isinstance(selected, list) else list(selected)


def filter_ids(db: Database, f: CandidateFilter) -> list[int]:
    """Ids of candidates passing ``f``, by SQL alone (CLI, exports, other screens)."""
    c = m.Candidate
    query = select(c.id).outerjoin(m.Affiliate, c.affiliate_id == m.Affiliate.id)
    for word in f.words():
        pattern = f"%{word}%"
        query = query.where(
            or_(
                c.full_name.ilike(pattern),
                c.username.ilike(pattern),
                c.email.ilike(pattern),
                m.Affiliate.name.ilike(pattern),
            )
        )
    if f.stages:
        query = query.where(c.stage.in_([Stage(s) for s in f.stages]))
    if f.place:
        place = f.place.upper()
        if len(place) == 2:
            query = query.where(c.country == place)
        else:
            query = query.where(or_(c.region == place, c.subregion == place))
    if f.language:
        code, level = f.language
        cl = m.CandidateLanguage
        query = query.where(
            c.id.in_(select(cl.candidate_id).where(cl.code == code, cl.level >= level))
        )
    if f.skill:
        platform, level = f.skill
        cs = m.CandidateSkill
        query = query.where(
            c.id.in_(
                select(cs.candidate_id).where(cs.platform == Platform(platform), cs.level >= level)
            )
        )
    if f.topic:
        ct = m.CandidateTopic
        query = query.where(c.id.in_(select(ct.candidate_id).where(ct.topic == Topic(f.topic))))
    with db.engine.connect() as conn:
        ids = list(conn.execute(query.order_by(c.id)).scalars())
    if f.training_complete:
        done = ids_training_complete(db)
        ids = [i for i in ids if i in done]
    return ids


# ---------------------------------------------------------------------- detail
@dataclass(frozen=True, slots=True)
class CandidateData:
    """What the editor edits: every field of a candidate a person types or picks."""

    full_name: str = ""
    username: str = ""
    email: str | None = None
    phone: str | None = None
    country: str | None = None
    affiliate_id: int | None = None
    gender: str | None = None
    stage: str = Stage.APPLIED.value
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    active_since: int | None = None
    edit_count: int | None = None
    notes: str | None = None
    consent_store: bool = False
    consent_store_at: dt.date | None = None
    consent_propose: bool = False
    consent_propose_at: dt.date | None = None
    consent_share_contact: bool = False
    consent_share_contact_at: dt.date | None = None
    languages: tuple[LanguageSkill, ...] = ()
    skills: tuple[PlatformSkill, ...] = ()
    topics: tuple[str, ...] = ()

    def normalised(self) -> CandidateData:
        """Trimmed text, empty → None, sorted children: two equal forms compare equal."""

        def clean(value: str | None) -> str | None:
            value = (value or "").strip()
            return value or None

        return replace(
            self,
            full_name=self.full_name.strip(),
            username=self.username.strip(),
            email=clean(self.email),
            phone=clean(self.phone),
            country=(clean(self.country) or None) and self.country.strip().upper(),
            gender=clean(self.gender),
            notes=(self.notes or "").strip() or None,
            languages=tuple(sorted(self.languages, key=lambda item: item.code)),
            skills=tuple(sorted((s for s in self.skills if s.level > 0), key=lambda s: s.platform)),
            topics=tuple(sorted(set(self.topics))),
        )


@dataclass(frozen=True, slots=True)
class TrainingItem:
    module_id: int
    title: str
    mandatory: bool
    status: str  # TrainingStatus value
    completed_on: dt.date | None
    score: int | None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: dt.datetime
    operator: str
    action: str
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CandidateDetail:
    id: int
    data: CandidateData
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    training: tuple[TrainingItem, ...] = ()

    @property
    def training_complete(self) -> bool:
        mandatory = [t for t in self.training if t.mandatory]
        return bool(mandatory) and all(t.status == TrainingStatus.COMPLETED for t in mandatory)


def _data_of(row: m.Candidate) -> CandidateData:
    return CandidateData(
        full_name=row.full_name,
        username=row.username,
        email=row.email,
        phone=row.phone,
        country=row.country,
        affiliate_id=row.affiliate_id,
        gender=row.gender,
        stage=row.stage.value,
        available_from=row.available_from,
        available_until=row.available_until,
        active_since=row.active_since,
        edit_count=row.edit_count,
        notes=row.notes,
        consent_store=bool(row.consent_store),
        consent_store_at=row.consent_store_at,
        consent_propose=bool(row.consent_propose),
        consent_propose_at=row.consent_propose_at,
        consent_share_contact=bool(row.consent_share_contact),
        consent_share_contact_at=row.consent_share_contact_at,
        languages=tuple(LanguageSkill(lang.code, lang.level) for lang in row.languages),
        skills=tuple(PlatformSkill(s.platform.value, s.level) for s in row.skills),
        topics=tuple(t.topic.value for t in row.topics),
    ).normalised()


def get_candidate(db: Database, candidate_id: int) -> CandidateDetail:
    with db.session() as s:
        row = s.get(m.Candidate, candidate_id)
        if row is None:
            raise CandidateNotFoundError(_("This candidate no longer exists."))
        data = _data_of(row)
        created, updated = row.created_at, row.updated_at
        modules = s.execute(
            select(m.TrainingModule)
            .where(m.TrainingModule.active.is_(True))
            .order_by(m.TrainingModule.position, m.TrainingModule.id)
        ).scalars()
        progress = {p.module_id: p for p in row.training}
        training = tuple(
            TrainingItem(
                module.id,
                module.title,
                bool(module.mandatory),
                progress[module.id].status.value
                if module.id in progress
                else TrainingStatus.NOT_STARTED.value,
                progress[module.id].completed_on if module.id in progress else None,
                progress[module.id].score if module.id in progress else None,
            )
            for module in modules
        )
    return CandidateDetail(candidate_id, data, created, updated, training)


def history(db: Database, candidate_id: int, limit: int = 500) -> list[HistoryEntry]:
    """Audit entries for one candidate, newest first: who, when, which fields (no values)."""
    a = m.AuditEntry
    query = (
        select(a.at, a.operator, a.action, a.fields)
        .where(a.entity == "candidate", a.entity_id == candidate_id)
        .order_by(a.at.desc(), a.id.desc())
        .limit(limit)
    )
    merged: list[HistoryEntry] = []
    with db.engine.connect() as conn:
        for at, operator, action, fields in conn.execute(query):
            action = getattr(action, "value", str(action))
            last = merged[-1] if merged else None
            if last and (last.at, last.operator, last.action) == (at, operator, action):
                # One save logs the row and its child tables separately: show it once.
                merged[-1] = replace(last, fields=tuple(sorted({*last.fields, *(fields or ())})))
            else:
                merged.append(HistoryEntry(at, operator, action, tuple(sorted(fields or ()))))
    return merged


def affiliates(db: Database) -> list[tuple[int, str]]:
    with db.engine.connect() as conn:
        rows = conn.execute(select(m.Affiliate.id, m.Affiliate.name)).all()
    return sorted(((i, n) for i, n in rows), key=lambda item: item[1].casefold())


def username_taken(db: Database, username: str, exclude_id: int | None = None) -> bool:
    """Usernames are global Wikimedia accounts: one person, one row (case-insensitive)."""
    query = select(func.count()).where(func.lower(m.Candidate.username) == username.strip().lower())
    if exclude_id is not None:
        query = query.where(m.Candidate.id != exclude_id)
    with db.engine.connect() as conn:
        return bool(conn.execute(query).scalar_one())


def validate(
    data: CandidateData,
    db: Database | None = None,
    candidate_id: int | None = None,
    today: dt.date | None = None,
) -> dict[str, str]:
    """Field → sentence for every problem (empty when the data can be saved)."""
    today = today or dt.date.today()
    data = data.normalised()
    errors: dict[str, str] = {}
    if not data.full_name:
        errors["full_name"] = _("Enter the person's name.")
    if not data.username:
        errors["username"] = _("Enter the Wikimedia username.")
    elif any(ch in data.username for ch in "#<>[]|{}/"):
        errors["username"] = _("A Wikimedia username cannot contain # < > [ ] | { } or /.")
    elif db is not None and username_taken(db, data.username, candidate_id):
        errors["username"] = _("Another candidate already has this username.")
    if data.email and not EMAIL_RE.match(data.email):
        errors["email"] = _("This is not an e-mail address (name@example.org).")
    if data.country:
        try:
            codes.normalize_country(data.country)
        except codes.CodeError:
            errors["country"] = _("Pick a country from the list.")
    try:
        Stage(data.stage)
    except ValueError:
        errors["stage"] = _("Pick a stage from the list.")
    if data.available_from and data.available_until and data.available_until < data.available_from:
        errors["available_until"] = _("“Available until” is before “available from”.")
    if data.active_since is not None and not FIRST_EDIT_YEAR <= data.active_since <= today.year:
        errors["active_since"] = _("Use a year from {first} to {now}.").format(
            first=FIRST_EDIT_YEAR, now=today.year
        )
    if data.edit_count is not None and data.edit_count < 0:
        errors["edit_count"] = _("The edit count cannot be negative.")
    for name in ("consent_store", "consent_propose", "consent_share_contact"):
        given, on = getattr(data, name), getattr(data, f"{name}_at")
        if given and on is None:
            errors[f"{name}_at"] = _("Enter the date consent was given.")
        elif on is not None and on > today:
            errors[f"{name}_at"] = _("The consent date is in the future.")
    seen: set[str] = set()
    for lang in data.languages:
        try:
            code = codes.normalize_language(lang.code)
        except codes.CodeError:
            errors["languages"] = _("{code} is not an ISO 639 language code.").format(
                code=lang.code
            )
            break
        if code in seen:
            errors["languages"] = _("{name} is listed twice.").format(
                name=codes.language_name(code)
            )
            break
        seen.add(code)
        if lang.level not in {level.value for level in LanguageLevel}:
            errors["languages"] = _("Pick a level from A1 to C2 or native.")
            break
    for skill in data.skills:
        try:
            Platform(skill.platform)
        except ValueError:
            errors["skills"] = _("Unknown Wikimedia platform.")
            break
        if not 0 <= skill.level <= 3:
            errors["skills"] = _("Skill levels go from 0 (none) to 3 (advanced).")
            break
    for topic in data.topics:
        try:
            Topic(topic)
        except ValueError:
            errors["topics"] = _("Unknown topic area.")
            break
    return errors


def _apply(s, row: m.Candidate, data: CandidateData) -> None:  # type: ignore[no-untyped-def]
    """Copy ``data`` onto ``row``; children are diffed so unchanged rows are not touched
    (the audit log then names only what really changed)."""
    for name in (
        "full_name",
        "username",
        "email",
        "phone",
        "affiliate_id",
        "gender",
        "available_from",
        "available_until",
        "active_since",
        "edit_count",
        "notes",
        "consent_store",
        "consent_store_at",
        "consent_propose",
        "consent_propose_at",
        "consent_share_contact",
        "consent_share_contact_at",
    ):
        value = getattr(data, name)
        if getattr(row, name) != value:
            setattr(row, name, value)
    if row.stage != Stage(data.stage):
        row.stage = Stage(data.stage)
    country = codes.normalize_country(data.country) if data.country else None
    if row.country != country:
        row.country = country
        region = codes.region_of(country) if country else None
        row.region = region.region_code if region else None
        row.subregion = region.subregion_code if region else None
    wanted_langs = {codes.normalize_language(lang.code): lang.level for lang in data.languages}
    for lang in list(row.languages):
        if lang.code not in wanted_langs:
            row.languages.remove(lang)
        elif lang.level != wanted_langs[lang.code]:
            lang.level = wanted_langs[lang.code]
    have = {lang.code for lang in row.languages}
    for code, level in wanted_langs.items():
        if code not in have:
            row.languages.append(m.CandidateLanguage(code=code, level=level))
    wanted_skills = {Platform(s.platform): s.level for s in data.skills if s.level > 0}
    for skill in list(row.skills):
        if skill.platform not in wanted_skills:
            row.skills.remove(skill)
        elif skill.level != wanted_skills[skill.platform]:
            skill.level = wanted_skills[skill.platform]
    have_skills = {skill.platform for skill in row.skills}
    for platform, level in wanted_skills.items():
        if platform not in have_skills:
            row.skills.append(m.CandidateSkill(platform=platform, level=level))
    wanted_topics = {Topic(t) for t in data.topics}
    for topic in list(row.topics):
        if topic.topic not in wanted_topics:
            row.topics.remove(topic)
    have_topics = {t.topic for t in row.topics}
    for topic in wanted_topics - have_topics:
        row.topics.append(m.CandidateTopic(topic=topic))


def create_candidate(db: Database, data: CandidateData) -> int:
    """Add a candidate; raises :class:`CandidateValidationError` and writes nothing on
    bad input."""
    data = data.normalised()
    errors = validate(data, db)
    if errors:
        raise CandidateValidationError(errors)
    with db.session() as s:
        row = m.Candidate(full_name=data.full_name, username=data.username)
        s.add(row)
        with s.no_autoflush:
            _apply(s, row, data)
        s.flush()
        return row.id


def update_candidate(
    db: Database,
    candidate_id: int,
    data: CandidateData,
    *,
    expected_updated_at: dt.datetime | None = None,
) -> None:
    """Save ``data`` over the candidate. With ``expected_updated_at`` (when the form was
    loaded), a record changed meanwhile in another window is not overwritten: the save is
    refused with :class:`ConcurrentEditError` (no lost updates)."""
    data = data.normalised()
    errors = validate(data, db, candidate_id)
    if errors:
        raise CandidateValidationError(errors)
    with db.session() as s:
        if s.get(m.Candidate, candidate_id) is None:
            raise CandidateNotFoundError(_("This candidate no longer exists."))
        row = ensure_unchanged(s, m.Candidate, candidate_id, expected_updated_at)
        with s.no_autoflush:  # one flush → one audit entry naming every changed field
            _apply(s, row, data)
        # Also when only languages, skills or topics changed, so other windows notice.
        row.updated_at = m.utcnow()


def set_stage(db: Database, candidate_ids: Iterable[int], stage: str) -> int:
    """Move several candidates to ``stage`` in one transaction; returns how many changed."""
    target = Stage(stage)
    ids = sorted(set(candidate_ids))
    changed = 0
    with db.session() as s:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in s.scalars(select(m.Candidate).where(m.Candidate.id.in_(chunk))):
                if row.stage != target:
                    row.stage = target
                    changed += 1
    return changed


def delete_candidates(db: Database, candidate_ids: Iterable[int]) -> int:
    """Delete candidates and everything hanging off them (languages, training, shortlist
    entries) in one transaction; the audit log records each deletion."""
    ids = sorted(set(candidate_ids))
    deleted = 0
    with db.session() as s:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in s.scalars(select(m.Candidate).where(m.Candidate.id.in_(chunk))):
                s.delete(row)
                deleted += 1
            s.flush()
            # Child rows go by ON DELETE CASCADE; make sure SQLite's FK pragma is not the
            # only guard (PostgreSQL later): remove any leftovers explicitly.
            for child in (m.CandidateLanguage, m.CandidateSkill, m.CandidateTopic):
                s.execute(delete(child).where(child.candidate_id.in_(chunk)))
    return deleted
