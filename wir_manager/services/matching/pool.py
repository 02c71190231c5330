"""The candidate pool as compact numpy columns, read with a handful of Core selects.

Only people who could ever be proposed are read: consent to be proposed and a stage of
ready / proposed / in training (in training is kept so the "still in training" near miss
can be shown). Child tables are read only for the languages, platforms and topics the
caller needs, folded by SQL into one packed integer per person and unpacked into one
numpy column per code, so scoring 50,000 people is array arithmetic instead of 50,000
Python objects, and reading them is one row per person.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import String, and_, case, func, select, type_coerce
from sqlalchemy.engine import Connection

from wir_manager.domain.enums import PlacementStatus, Platform, Stage, Topic, TrainingStatus
from wir_manager.storage import models as m

#: Stages from which a candidate can be proposed (in training only when the request allows).
PROPOSABLE_STAGES = (Stage.READY.value, Stage.PROPOSED.value)
POOL_STAGES = (*PROPOSABLE_STAGES, Stage.IN_TRAINING.value)

#: Audit entities / actions whose writes never change a pool column (see PoolCache.stamp).
POOL_NEUTRAL_ENTITIES = (
    "shortlist_entry",
    "weight_profile",
    "request",
    "organisation",
    "affiliate",
    "setting",
    "disclosure",
)
POOL_NEUTRAL_ACTIONS = ("export", "disclose")

NO_DAY_LOW = np.iinfo(np.int64).min
NO_DAY_HIGH = np.iinfo(np.int64).max


@dataclass
class Pool:
    """Columns of the candidate pool; index ``i`` is the same person in every array."""

    ids: np.ndarray  # int64, ascending
    in_training: np.ndarray  # bool
    avail_from: np.ndarray  # int64 days since 1970; unknown → very small
    avail_until: np.ndarray  # int64 days; unknown → very large
    region: np.ndarray  # int32 M49 code, -1 unknown
    subregion: np.ndarray  # int32
    active_since: np.ndarray  # int32 year, 0 unknown
    edits: np.ndarray  # int64, 0 unknown
    training_done: np.ndarray  # int32: completed mandatory modules
    mandatory_total: int
    lang: dict[str, np.ndarray] = field(default_factory=dict)  # code → int8 level (0 none)
    skill: dict[str, np.ndarray] = field(default_factory=dict)  # platform → int8 level
    topic: dict[str, np.ndarray] = field(default_factory=dict)  # topic → bool
    placement_idx: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    placement_start: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    placement_end: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    #: ISO country codes (object array; "" unknown) for the duty-station sentence.
    country: np.ndarray = field(default_factory=lambda: np.zeros(0, object))

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def language(self, code: str) -> np.ndarray:
        got = self.lang.get(code)
        return got if got is not None else np.zeros(len(self), np.int8)

    def skill_level(self, platform: str) -> np.ndarray:
        got = self.skill.get(platform)
        return got if got is not None else np.zeros(len(self), np.int8)

    def has_topic(self, topic: str) -> np.ndarray:
        got = self.topic.get(topic)
        return got if got is not None else np.zeros(len(self), bool)

    def take(self, rows: np.ndarray) -> Pool:
        """The pool restricted to ``rows`` (scoring columns only; no placements)."""
        return Pool(
            ids=self.ids[rows],
            in_training=self.in_training[rows],
            avail_from=self.avail_from[rows],
            avail_until=self.avail_until[rows],
            region=self.region[rows],
            subregion=self.subregion[rows],
            active_since=self.active_since[rows],
            edits=self.edits[rows],
            training_done=self.training_done[rows],
            mandatory_total=self.mandatory_total,
            lang={k: v[rows] for k, v in self.lang.items()},
            skill={k: v[rows] for k, v in self.skill.items()},
            topic={k: v[rows] for k, v in self.topic.items()},
            country=self.country[rows] if len(self.country) else self.country,
        )

    def busy_between(self, start: dt.date | None, end: dt.date | None) -> np.ndarray:
        """True where the person has a (non-cancelled) placement overlapping [start, end)."""
        busy = np.zeros(len(self), bool)
        if start is None or end is None or not len(self.placement_idx):
            return busy
        lo, hi = to_days(start), to_days(end)
        hit = (self.placement_start < hi) & (self.placement_end > lo)
        busy[self.placement_idx[hit]] = True
        return busy


def to_days(day: dt.date) -> int:
    return int(np.datetime64(day, "D").astype(np.int64))


def _days(values: Iterable[object], missing: int) -> np.ndarray:
    arr = np.array(list(values), dtype="datetime64[D]").astype(np.int64)
    arr[arr == NO_DAY_LOW] = missing
    return arr


def _m49(values: Iterable[str | None]) -> np.ndarray:
    return np.array([int(v) if v and v.isdigit() else -1 for v in values], dtype=np.int32)


def _spread(ids: np.ndarray, pairs: list, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions in ``ids`` of the child rows' candidate ids, and which rows matched."""
    if not pairs:
        return np.zeros(0, np.int64), np.zeros(0, bool)
    child = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
    pos = np.searchsorted(ids, child).clip(0, max(n - 1, 0))
    ok = ids[pos] == child if n else np.zeros(len(child), bool)
    return pos, ok


@dataclass(frozen=True)
class _Pack:
    """Several child rows of one person folded into one integer by SQL (``SUM(CASE …)``):
    key ``i`` occupies ``bits`` bits at position ``i * bits``. One aggregated row per person
    instead of one row per language/skill/topic is what makes reading the pool fast."""

    kind: str  # "lang" | "skill" | "topic"
    keys: tuple[str, ...]
    bits: int

    def subquery(self):  # type: ignore[no-untyped-def]
        if self.kind == "lang":
            table, key, value = (
                m.CandidateLanguage,
                m.CandidateLanguage.code,
                m.CandidateLanguage.level,
            )
        elif self.kind == "skill":
            table = m.CandidateSkill
            key, value = type_coerce(m.CandidateSkill.platform, String), m.CandidateSkill.level
        else:
            table, key, value = m.CandidateTopic, type_coerce(m.CandidateTopic.topic, String), None
        weights = [
            (key == k, (value if value is not None else 1) * (1 << (i * self.bits)))
            for i, k in enumerate(self.keys)
        ]
        # No WHERE on purpose: filtering by key would make SQLite read through the key
        # index and sort for GROUP BY; a plain pass in primary-key (candidate) order
        # groups without sorting and is faster even though it reads every row.
        return (
            select(
                table.candidate_id.label("cid"),
                func.sum(case(*weights, else_=0)).label("pack"),
            )
            .group_by(table.candidate_id)
            .subquery()
        )

    def unpack(self, packed: np.ndarray) -> dict[str, np.ndarray]:
        mask = (1 << self.bits) - 1
        dtype = bool if self.kind == "topic" else np.int8
        return {
            k: ((packed >> (i * self.bits)) & mask).astype(dtype) for i, k in enumerate(self.keys)
        }


def _packs(languages: list[str], platforms: list[str], topics: list[str]) -> list[_Pack]:
    """Language codes 20 to an integer (3 bits: levels 0–7), platforms 2 bits, topics 1."""
    packs = [_Pack("lang", tuple(languages[i : i + 20]), 3) for i in range(0, len(languages), 20)]
    packs += [_Pack("skill", tuple(platforms[i : i + 30]), 2) for i in range(0, len(platforms), 30)]
    packs += [_Pack("topic", tuple(topics[i : i + 60]), 1) for i in range(0, len(topics), 60)]
    return packs


def _as_int64(values: Iterable[object]) -> np.ndarray:
    return np.array([int(v) if v is not None else 0 for v in values], dtype=np.int64)


def _store(pool: Pool, pack: _Pack, packed: np.ndarray) -> None:
    """Add columns copy-on-write: another thread may be iterating the old dict right now
    (a cached pool is shared by background rankings), so the dict is replaced, never
    changed in place."""
    attr = {"lang": "lang", "skill": "skill", "topic": "topic"}[pack.kind]
    setattr(pool, attr, {**getattr(pool, attr), **pack.unpack(packed)})


def _needs(
    pool: Pool | None, languages: Iterable[str], platforms: Iterable[str], topics: Iterable[str]
) -> tuple[list[str], list[str], list[str]]:
    have = (set(), set(), set()) if pool is None else (pool.lang, pool.skill, pool.topic)
    return (
        sorted(set(languages) - set(have[0])),
        sorted(set(platforms) - set(have[1])),
        sorted(set(topics) - set(have[2])),
    )


def _load_base(
    conn: Connection,
    languages: Iterable[str] = (),
    platforms: Iterable[str] = (),
    topics: Iterable[str] = (),
) -> Pool:
    """People who may be proposed, with the asked-for columns joined in as packed integers:
    one row per person, one query."""
    c = m.Candidate
    packs = _packs(*_needs(None, languages, platforms, topics))
    subs = [p.subquery() for p in packs]
    query = select(
        c.id,
        type_coerce(c.stage, String),
        type_coerce(c.available_from, String),
        type_coerce(c.available_until, String),
        c.region,
        c.subregion,
        c.active_since,
        c.edit_count,
        c.country,
        *[sub.c.pack for sub in subs],
    ).select_from(c)
    for sub in subs:
        query = query.outerjoin(sub, sub.c.cid == c.id)
    rows = conn.execute(
        query.where(
            c.consent_propose.is_(True), type_coerce(c.stage, String).in_(POOL_STAGES)
        ).order_by(c.id)
    ).all()
    n = len(rows)
    cols = list(zip(*rows, strict=True)) if rows else [()] * (9 + len(subs))
    ids = np.array(cols[0], dtype=np.int64)
    pool = Pool(
        ids=ids,
        in_training=np.array([s == Stage.IN_TRAINING.value for s in cols[1]], dtype=bool),
        avail_from=_days(cols[2], NO_DAY_LOW),
        avail_until=_days(cols[3], NO_DAY_HIGH),
        region=_m49(cols[4]),
        subregion=_m49(cols[5]),
        active_since=np.array([v or 0 for v in cols[6]], dtype=np.int32),
        edits=np.array([v or 0 for v in cols[7]], dtype=np.int64),
        training_done=np.zeros(n, np.int32),
        mandatory_total=0,
        country=np.array([v or "" for v in cols[8]], dtype=object),
    )
    for j, pack in enumerate(packs):
        _store(pool, pack, _as_int64(cols[9 + j]))
    mandatory = list(
        conn.execute(
            select(m.TrainingModule.id).where(
                m.TrainingModule.mandatory.is_(True), m.TrainingModule.active.is_(True)
            )
        ).scalars()
    )
    pool.mandatory_total = len(mandatory)
    if mandatory:
        tp = m.TrainingProgress
        done = and_(
            type_coerce(tp.status, String) == TrainingStatus.COMPLETED.value,
            tp.module_id.in_(mandatory),
        )
        pairs = conn.execute(  # filter inside the sum: grouped in key order, no sort
            select(tp.candidate_id, func.sum(case((done, 1), else_=0))).group_by(tp.candidate_id)
        ).all()
        pos, ok = _spread(ids, pairs, n)
        if len(pos):
            counts = np.fromiter((p[1] for p in pairs), dtype=np.int32, count=len(pairs))
            pool.training_done[pos[ok]] = counts[ok]
    placements = conn.execute(
        select(
            m.Placement.candidate_id,
            type_coerce(m.Placement.start_date, String),
            type_coerce(m.Placement.end_date, String),
        ).where(type_coerce(m.Placement.status, String) != PlacementStatus.CANCELLED.value)
    ).all()
    if placements:
        pos, ok = _spread(ids, placements, n)
        pcols = list(zip(*placements, strict=True))
        pool.placement_idx = pos[ok]
        pool.placement_start = _days(pcols[1], NO_DAY_LOW)[ok]
        pool.placement_end = _days(pcols[2], NO_DAY_HIGH)[ok]
    return pool


def add_columns(
    conn: Connection,
    pool: Pool,
    *,
    languages: Iterable[str] = (),
    platforms: Iterable[str] = (),
    topics: Iterable[str] = (),
) -> None:
    """Read the language/platform/topic columns ``pool`` does not hold yet (cache top-up)."""
    n = len(pool)
    for pack in _packs(*_needs(pool, languages, platforms, topics)):
        sub = pack.subquery()
        rows = conn.execute(select(sub.c.cid, sub.c.pack)).all()
        packed = np.zeros(n, np.int64)
        pos, ok = _spread(pool.ids, rows, n)
        if len(pos):
            packed[pos[ok]] = _as_int64(r[1] for r in rows)[ok]
        _store(pool, pack, packed)


def load_pool(
    conn: Connection,
    *,
    languages: Iterable[str] = (),
    platforms: Iterable[str] = (),
    topics: Iterable[str] = (),
) -> Pool:
    """Read the pool with the language/platform/topic columns the caller will score."""
    return _load_base(conn, languages, platforms, topics)


def all_keys(conn: Connection) -> tuple[list[str], list[str], list[str]]:
    """Every language code, platform and topic held by anyone (for whole-pool work)."""
    langs = list(conn.execute(select(m.CandidateLanguage.code).distinct()).scalars())
    return langs, [p.value for p in Platform], [t.value for t in Topic]


class PoolCache:
    """The pool of one open database, kept between rankings while the data is unchanged.

    Coordinators re-rank constantly (weight sliders, switching requests); reading 50,000
    people each time would dominate. The cache is keyed by a cheap change stamp: the last
    audit-log id (every ORM write and every bulk operation is audited, see
    ``storage.audit``) plus the candidate count. Any write therefore invalidates it.
    Only codes and numbers are cached (no names), in memory only.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[int, tuple[weakref.ref, tuple, Pool]] = {}

    @staticmethod
    def stamp(conn: Connection) -> tuple:
        """Id of the newest audit entry that may change the pool, plus the head count.

        Shortlist, weight-profile and request edits, exports and disclosures do not change
        anyone's languages, skills, stage or availability, so saving a shortlist keeps the
        cache warm. The newest entries are read first and the scan stops at the first
        relevant one, so a long audit log costs nothing.
        """
        a = m.AuditEntry
        relevant = and_(
            a.entity.not_in(POOL_NEUTRAL_ENTITIES),
            type_coerce(a.action, String).not_in(POOL_NEUTRAL_ACTIONS),
        )
        last = conn.execute(select(a.id).where(relevant).order_by(a.id.desc()).limit(1)).scalar()
        people = conn.execute(select(func.count()).select_from(m.Candidate)).scalar()
        return (last, people)

    def get(
        self,
        db: object,
        conn: Connection,
        *,
        languages: Iterable[str] = (),
        platforms: Iterable[str] = (),
        topics: Iterable[str] = (),
    ) -> Pool:
        languages, platforms, topics = tuple(languages), tuple(platforms), tuple(topics)
        stamp = self.stamp(conn)
        with self._lock:
            entry = self._entries.get(id(db))
            if entry is None or entry[0]() is not db or entry[1] != stamp:
                pool = _load_base(conn, languages, platforms, topics)
                self._entries[id(db)] = (weakref.ref(db), stamp, pool)
            else:
                pool = entry[2]
            add_columns(conn, pool, languages=languages, platforms=platforms, topics=topics)
            return pool

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


POOL_CACHE = PoolCache()
