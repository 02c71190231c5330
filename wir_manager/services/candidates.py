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
from collections import defaultdict
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from sqlalchemy import delete, func, null, or_, select
from sqlalchemy.orm import defer
from sqlalchemy.orm.attributes import set_committed_value

from wir_manager.domain import codes
from wir_manager.domain.enums import AuditAction, Platform, Stage, Topic, TrainingStatus
from wir_manager.i18n import _
from wir_manager.services import candidate_records
from wir_manager.services.candidate_index import (
    AFFILIATE,
    COUNTRY,
    EMAIL,
    ID,
    LANGUAGES,
    LANGUAGES_SHOWN,
    NAME,
    REGION,
    STAGE,
    SUBREGION,
    USERNAME,
    CandidateFilter,
    CandidateIndex,
    Row,
    language_text,
    match_rows,
    search_text,
    search_texts,
)
from wir_manager.services.candidate_records import (
    FIELDS,
    FIRST_EDIT_YEAR,
    CandidateData,
    CandidateDetail,
    CandidateNotFoundError,
    CandidateValidationError,
    HistoryEntry,
    TrainingItem,
    find_affiliate,
)
from wir_manager.services.concurrency import ensure_unchanged
from wir_manager.storage import models as m
from wir_manager.storage import text_limits
from wir_manager.storage.database import Database

_Key = TypeVar("_Key")

# The plain types live in SQLAlchemy-free modules (the desktop app builds its Candidates
# screen from them before the engine exists); they stay importable from here.
__all__ = [
    "AFFILIATE",
    "COUNTRY",
    "EMAIL",
    "FIRST_EDIT_YEAR",
    "ID",
    "LANGUAGES",
    "LANGUAGES_SHOWN",
    "NAME",
    "REGION",
    "STAGE",
    "SUBREGION",
    "USERNAME",
    "CandidateData",
    "CandidateDetail",
    "CandidateFilter",
    "CandidateIndex",
    "CandidateNotFoundError",
    "CandidateValidationError",
    "HistoryEntry",
    "Row",
    "TrainingItem",
    "affiliates",
    "create_candidate",
    "delete_candidates",
    "filter_ids",
    "get_candidate",
    "history",
    "id_sets_for",
    "ids_training_complete",
    "ids_with_language",
    "ids_with_skill",
    "ids_with_topic",
    "language_text",
    "load_data",
    "load_index",
    "match_rows",
    "refresh_index",
    "search_text",
    "set_stage",
    "update_candidate",
    "username_taken",
    "validate",
]


def _hidden(db: Database, table: str) -> frozenset[str]:
    """Columns the login may not read on a team server (none on a file)."""
    hidden = getattr(db, "hidden_columns", None)
    return hidden(table) if hidden is not None else frozenset()


def _index_rows(db: Database, ids: Sequence[int] | None = None) -> list[Row]:
    c = m.Candidate
    # A viewer on a team server may not read e-mail addresses: the column shows empty.
    email = null().label("email") if "email" in _hidden(db, "candidates") else c.email
    query = (
        select(
            c.id,
            c.full_name,
            c.username,
            email,
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
            Stage(stage),
            language_text(languages.get(cid, [])),
        )
        for cid, name, username, email, country, region, subregion, affiliate, stage in result
    ]


def load_index(db: Database) -> CandidateIndex:
    """All candidates as compact rows (two queries, whatever the number of people)."""
    rows = _index_rows(db)
    index = CandidateIndex(rows=rows, haystack=search_texts(rows))
    index.reindex()
    return index


def refresh_index(db: Database, index: CandidateIndex, ids: Iterable[int]) -> list[int]:
    """Reload ``ids`` into ``index`` in place (new, changed or deleted candidates).
    Returns the ids that no longer exist."""
    wanted = sorted(set(ids))
    fresh = {row[ID]: row for row in _index_rows(db, wanted)} if wanted else {}
    if wanted:
        index.forget_orders()  # a changed name or stage may move its row
    gone = [cid for cid in wanted if cid not in fresh]
    for cid, row in fresh.items():
        at = index.position.get(cid)
        if at is None:
            index.rows.append(row)
            index.haystack.append(search_text(row))
            index.position[cid] = len(index.rows) - 1
        else:
            index.rows[at] = row
            index.haystack[at] = search_text(row)
    if gone:
        dead = set(gone)
        keep = [i for i, row in enumerate(index.rows) if row[ID] not in dead]
        index.rows = [index.rows[i] for i in keep]
        index.haystack = [index.haystack[i] for i in keep]
        index.reindex()
    return gone


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


def id_sets_for(
    db: Database,
    f: CandidateFilter,
    *,
    cache: MutableMapping[tuple[object, ...], set[int]] | None = None,
) -> list[set[int]]:
    """The SQL-answered parts of ``f`` as id sets. With ``cache``, each part is read once
    per value and kept there (a screen clears it when candidates change)."""
    wanted: list[tuple[object, ...]] = []
    if f.language:
        wanted.append(("language", *f.language))
    if f.skill:
        wanted.append(("skill", *f.skill))
    if f.topic:
        wanted.append(("topic", f.topic))
    if f.training_complete:
        wanted.append(("training",))
    store: MutableMapping[tuple[object, ...], set[int]] = {} if cache is None else cache
    for key in wanted:
        if key not in store:
            store[key] = _ids_for(db, key)
    return [store[key] for key in wanted]


def _ids_for(db: Database, key: tuple[object, ...]) -> set[int]:
    kind, *args = key
    if kind == "language":
        return ids_with_language(db, str(args[0]), int(str(args[1])))
    if kind == "skill":
        return ids_with_skill(db, str(args[0]), int(str(args[1])))
    if kind == "topic":
        return ids_with_topic(db, str(args[0]))
    return ids_training_complete(db)


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


def _data_of(row: m.Candidate) -> CandidateData:
    return candidate_records.data_from_columns(
        {spec.name: getattr(row, spec.name) for spec in FIELDS if spec.stored},
        languages=((lang.code, lang.level) for lang in row.languages),
        skills=((s.platform, s.level) for s in row.skills),
        topics=(t.topic for t in row.topics),
    )


def load_data(db: Database, ids: Sequence[int]) -> dict[int, CandidateData]:
    """The records of several candidates in four queries (dossiers, exports)."""
    wanted = sorted(set(ids))
    c = m.Candidate
    stored = [c.__table__.c[spec.name] for spec in FIELDS if spec.stored]
    children: dict[str, dict[int, list[tuple]]] = {  # type: ignore[type-arg]
        "languages": defaultdict(list),
        "skills": defaultdict(list),
        "topics": defaultdict(list),
    }
    with db.engine.connect() as conn:
        rows = conn.execute(select(c.id, *stored).where(c.id.in_(wanted))).mappings().all()
        for cid, code, level in conn.execute(
            select(
                m.CandidateLanguage.candidate_id,
                m.CandidateLanguage.code,
                m.CandidateLanguage.level,
            ).where(m.CandidateLanguage.candidate_id.in_(wanted))
        ):
            children["languages"][cid].append((code, level))
        for cid, platform, level in conn.execute(
            select(
                m.CandidateSkill.candidate_id, m.CandidateSkill.platform, m.CandidateSkill.level
            ).where(m.CandidateSkill.candidate_id.in_(wanted))
        ):
            children["skills"][cid].append((platform, level))
        for cid, topic in conn.execute(
            select(m.CandidateTopic.candidate_id, m.CandidateTopic.topic).where(
                m.CandidateTopic.candidate_id.in_(wanted)
            )
        ):
            children["topics"][cid].append((topic,))
    return {
        row["id"]: candidate_records.data_from_columns(
            row,
            languages=children["languages"][row["id"]],
            skills=children["skills"][row["id"]],
            topics=(t for (t,) in children["topics"][row["id"]]),
        )
        for row in rows
    }


def get_candidate(db: Database, candidate_id: int) -> CandidateDetail:
    hidden = _hidden(db, "candidates")
    with db.session() as s:
        if hidden:
            # Not loaded, and set to nothing so they are never loaded on access either.
            row = s.get(
                m.Candidate, candidate_id, options=[defer(getattr(m.Candidate, h)) for h in hidden]
            )
            if row is not None:
                for name in hidden:
                    set_committed_value(row, name, None)
        else:
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
                progress[module.id].status if module.id in progress else TrainingStatus.NOT_STARTED,
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
            action = AuditAction(action)
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


class AffiliateExistsError(ValueError):
    """An affiliate of that name exists already (ignoring case and spacing)."""

    def __init__(self, affiliate_id: int, name: str) -> None:
        self.affiliate_id = affiliate_id
        self.name = name
        super().__init__(_("The affiliate “{name}” exists already.").format(name=name))


def add_affiliate(db: Database, name: str) -> tuple[int, str]:
    """Add an affiliate where it is picked (a fresh database has none, and none is
    seeded behind the person's back). Refuses an empty or too long name and one that
    exists already; the insert is audited and announced on the change feed like every
    write. Returns the new ``(id, name)``."""
    clean = " ".join(name.split())
    if not clean:
        raise CandidateValidationError({"affiliate_id": _("Type the affiliate's name.")})
    problem = text_limits.too_long("affiliates", "name", clean)
    if problem:
        raise CandidateValidationError({"affiliate_id": problem})
    with db.session(write=True) as s:
        existing = find_affiliate(s.execute(select(m.Affiliate.id, m.Affiliate.name)).all(), clean)
        if existing is not None:
            raise AffiliateExistsError(*existing)
        affiliate = m.Affiliate(name=clean)
        s.add(affiliate)
        s.flush()
        return affiliate.id, affiliate.name


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
    """:func:`candidate_records.validate` plus, with ``db``, the username uniqueness check."""
    return candidate_records.validate(
        data,
        username_taken=(lambda name: username_taken(db, name, candidate_id)) if db else None,
        today=today,
    )


def _sync_levels(
    children: list[Any],
    key: Callable[[Any], _Key],
    wanted: dict[_Key, int],
    make: Callable[[_Key, int], Any],
) -> None:
    """Make a person's languages or skills (children with a key and a level) the
    ``wanted`` levels, touching only what differs: a removed key goes, a changed level is
    set on the row that is there, a new key is added with ``make``. Both lists are saved
    this way so the audit log names only what really changed."""
    for child in list(children):
        k = key(child)
        if k not in wanted:
            children.remove(child)
        elif child.level != wanted[k]:
            child.level = wanted[k]
    have = {key(child) for child in children}
    for k, level in wanted.items():
        if k not in have:
            children.append(make(k, level))


def _apply(s, row: m.Candidate, data: CandidateData) -> None:
    """Copy ``data`` onto ``row``; children are diffed so unchanged rows are not touched
    (the audit log then names only what really changed)."""
    for name, value in candidate_records.column_values(data).items():
        if getattr(row, name) != value:
            setattr(row, name, value)
    _sync_levels(
        row.languages,
        lambda lang: lang.code,
        {codes.normalize_language(lang.code): lang.level for lang in data.languages},
        lambda code, level: m.CandidateLanguage(code=code, level=level),
    )
    _sync_levels(
        row.skills,
        lambda skill: skill.platform,
        {Platform(s.platform): s.level for s in data.skills if s.level > 0},
        lambda platform, level: m.CandidateSkill(platform=platform, level=level),
    )
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
    with db.session(write=True) as s:
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
    with db.session(write=True) as s:
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
    with db.session(write=True) as s:
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
    with db.session(write=True) as s:
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
