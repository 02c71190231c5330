"""The candidate pool as compact numpy columns, read with a handful of Core selects.

Only people who could ever be proposed are read: consent to be proposed and a stage of
ready / proposed / in training (in training is kept so the "still in training" near miss
can be shown). Child tables are read only for the languages, platforms and topics the
caller needs, each through a covering index. Every column comes back from the database
as ONE aggregated text (``aggregate_strings``) that numpy parses in C, so neither reading
nor scoring 50,000 people creates a Python object per person: scoring is array
arithmetic, reading is a handful of rows.
"""

from __future__ import annotations

import datetime as dt
import threading
import warnings
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import String, and_, case, cast, func, or_, select, type_coerce
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement

from wir_manager.domain.enums import PlacementStatus, Platform, Stage, Topic, TrainingStatus
from wir_manager.i18n import _
from wir_manager.services.matching.errors import PoolReadError
from wir_manager.storage import models as m
from wir_manager.storage.changes import Changes, Kind

#: Stages from which a candidate can be proposed (in training only when the request allows).
PROPOSABLE_STAGES = (Stage.READY.value, Stage.PROPOSED.value)
#: Placed people are read too, only so that a ranking can say why she is not in it
#: ("placed at UNESCO until …" as a near miss) instead of leaving her out silently.
POOL_STAGES = (*PROPOSABLE_STAGES, Stage.IN_TRAINING.value, Stage.PLACED.value)
#: Placement statuses that commit a person now: she leaves every other ranking.
COMMITTED_STATUSES = (PlacementStatus.PLANNED.value, PlacementStatus.ACTIVE.value)

#: Audit entities / actions whose writes never change a pool column (see PoolCache.stamp).
POOL_NEUTRAL_ENTITIES = (
    "shortlist_entry",
    "weight_profile",
    "request",
    "organisation",
    "affiliate",
    "setting",
    "disclosure",
    "shortlist_answer",
    "contact",
    "contact_note",
    "outcome",
)
POOL_NEUTRAL_ACTIONS = ("export", "disclose")

#: ``Pool.relocate`` values.
RELOCATE_NO, RELOCATE_YES, RELOCATE_UNKNOWN = 0, 1, -1

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
    #: ISO country codes (object array; "" unknown): the duty-station rule and sentence.
    country: np.ndarray = field(default_factory=lambda: np.zeros(0, object))
    #: int8 willingness to relocate: 1 yes, 0 no, -1 not recorded (see :data:`RELOCATE_UNKNOWN`).
    relocate: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))
    #: int64 day (since 1970) of the person's current wiki snapshot of an existing
    #: account, :data:`NO_DAY_LOW` when unverified. Where set, ``active_since`` and
    #: ``edits`` above hold the verified figures, not the self-reported ones.
    verified_day: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    #: Verified edits per platform ("wikipedia", "wikidata", "commons", "wikisource"),
    #: 0 when unverified: evidence notes beside platform skills, never a level.
    verified_edits: dict[str, np.ndarray] = field(default_factory=dict)
    #: bool: stage *placed* (read from the stage, so imported data counts too).
    placed: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    #: Pool index → (organisation, start, end, status) of the planned or active placement
    #: that takes the person out of other rankings; few entries, read with the placements.
    commitments: dict[int, tuple[str, dt.date, dt.date, str]] = field(default_factory=dict)

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    @classmethod
    def empty(cls) -> Pool:
        none = np.zeros(0, np.int64)
        return cls(
            ids=none,
            in_training=np.zeros(0, bool),
            avail_from=none,
            avail_until=none,
            region=np.zeros(0, np.int32),
            subregion=np.zeros(0, np.int32),
            active_since=np.zeros(0, np.int32),
            edits=none,
            training_done=np.zeros(0, np.int32),
            mandatory_total=0,
        )

    def language(self, code: str) -> np.ndarray:
        got = self.lang.get(code)
        return got if got is not None else np.zeros(len(self), np.int8)

    def skill_level(self, platform: str) -> np.ndarray:
        got = self.skill.get(platform)
        return got if got is not None else np.zeros(len(self), np.int8)

    def relocation(self) -> np.ndarray:
        """Willingness to relocate per person (-1 not recorded when the column is absent)."""
        if len(self.relocate) == len(self):
            return self.relocate
        return np.full(len(self), RELOCATE_UNKNOWN, np.int8)

    def verified(self) -> np.ndarray:
        """True where the experience figures come from a wiki snapshot."""
        if len(self.verified_day) == len(self):
            return self.verified_day != NO_DAY_LOW
        return np.zeros(len(self), bool)

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
            relocate=self.relocate[rows] if len(self.relocate) else self.relocate,
            verified_day=self.verified_day[rows] if len(self.verified_day) else self.verified_day,
            verified_edits={k: v[rows] for k, v in self.verified_edits.items()},
            placed=self.placed[rows] if len(self.placed) else self.placed,
        )

    def committed(self) -> np.ndarray:
        """True where the person is placed now or has a planned placement: a placed
        candidate is not ranked for another request while placed."""
        out = self.placed.copy() if len(self.placed) == len(self) else np.zeros(len(self), bool)
        if self.commitments:
            out[np.fromiter(self.commitments, np.int64, len(self.commitments))] = True
        return out

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


def _m49(values: Iterable[str | None]) -> np.ndarray:
    return np.array([int(v) if v and v.isdigit() else -1 for v in values], dtype=np.int32)


#: Separator of the aggregated text columns (see :func:`_agg`).
SEP = ","


def _damaged() -> str:
    """The one sentence for a stored value the pool cannot read (e.g. text in a number
    column written by another tool): nothing is changed, the coordinator is told."""
    return _("Candidate data could not be read for matching: a stored value is damaged.")


def _agg(expr: Any) -> Any:
    """All values of ``expr`` over the selected rows as one comma-separated text.

    ``aggregate_strings`` is SQLAlchemy's portable ``group_concat`` / ``string_agg``.
    Reading 26,000 people as one text per column instead of one Python tuple per person
    is what makes a cold read cheap: the per-row cost of a DB-API fetch (a tuple and a
    Python object per value) was most of the time, the database's own scan a small part.
    Every aggregate of one SELECT consumes the same rows in the same order, so the
    columns of one query line up; each caller checks that they have the same length.
    """
    return func.aggregate_strings(expr, SEP)


def _text(expr: Any, default: str) -> Any:
    """``expr`` as text that cannot contain the separator, ``default`` when NULL."""
    return func.coalesce(func.replace(cast(expr, String), SEP, " "), default)


def _date(expr: Any) -> Any:
    """A date column as ISO text (never holds the separator), "" when NULL (read as NaT)."""
    return func.coalesce(cast(expr, String), "")


def _number(expr: Any) -> Any:
    """An integer column as text, 0 when NULL (digits and a sign never hold the separator)."""
    return func.coalesce(cast(expr, String), "0")


def _tristate(expr: Any) -> Any:
    """A nullable boolean as "1" / "0" / "-1" (NULL), the same text on every dialect
    (a cast would give "true" on PostgreSQL and "1" on SQLite)."""
    return case(
        (expr.is_(True), str(RELOCATE_YES)),
        (expr.is_(False), str(RELOCATE_NO)),
        else_=str(RELOCATE_UNKNOWN),
    )


def _count(text: str | None) -> int:
    return text.count(SEP) + 1 if text else 0


def _ints(text: str | None, n: int) -> np.ndarray:
    """Parse ``n`` comma-separated integers (numpy's C parser: no Python int per value)."""
    if not n:
        return np.zeros(0, np.int64)
    try:
        with warnings.catch_warnings():
            # Unparsable text is a short array (older numpy, with a warning) or an error.
            warnings.simplefilter("ignore", DeprecationWarning)
            arr = np.fromstring(text or "", dtype=np.int64, sep=SEP)
    except ValueError:
        arr = None
    if arr is None or len(arr) != n:
        raise PoolReadError(_damaged())
    return arr


def _split(text: str | None, n: int) -> list[str]:
    parts = (text or "").split(SEP) if n else []
    if len(parts) != n:
        raise PoolReadError(_damaged())
    return parts


def _m49_text(text: str | None, n: int) -> np.ndarray:
    """M49 codes ("002", "-1" for unknown); an odd stored value reads as unknown."""
    try:
        return _ints(text, n).astype(np.int32)
    except PoolReadError:
        return _m49(_split(text, n))


def _day_text(text: str | None, n: int, missing: int) -> np.ndarray:
    arr = np.array(_split(text, n), dtype="datetime64[D]").astype(np.int64)  # "" → NaT
    arr[arr == NO_DAY_LOW] = missing
    return arr


def _positions(ids: np.ndarray, child: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions in the sorted ``ids`` of the child rows' candidate ids, and which matched
    (child tables hold people outside the pool too).

    Ids are database keys, dense in practice: a lookup table indexed by id answers for
    200,000 child rows in one gather; very sparse ids fall back to a binary search."""
    n = len(ids)
    if not n or not len(child):
        return np.zeros(len(child), np.int64), np.zeros(len(child), bool)
    low, top = int(ids[0]), int(ids[-1])
    if low >= 0 and top <= 4 * n + 1024:
        lookup = np.full(top + 2, -1, np.int64)
        lookup[ids] = np.arange(n)
        pos = lookup[np.where((child >= 0) & (child <= top), child, top + 1)]
        ok = pos >= 0
        return np.where(ok, pos, 0), ok
    pos = np.searchsorted(ids, child).clip(0, n - 1)
    return pos, ids[pos] == child


def _read_levels(
    conn: Connection, ids: np.ndarray, kind: str, keys: list[str], *, only: bool = False
) -> dict[str, np.ndarray]:
    """One column per language code / platform / topic: the person's level (0 none) or,
    for topics, whether they hold it.

    Only the asked-for keys are read, through the covering ``(key, level, candidate_id)``
    indexes: an index-only range read per key, no pass over the whole child table. The
    rows come grouped by key and level, in the index's own order, so a level is read once
    per group rather than once per person.
    """
    if not keys:
        return {}
    t: Any
    key: Any
    if kind == "lang":
        t = m.CandidateLanguage
        key, value = t.code, t.level
    elif kind == "skill":
        t = m.CandidateSkill
        key, value = type_coerce(t.platform, String), t.level
    else:
        t = m.CandidateTopic
        key, value = type_coerce(t.topic, String), None
    groups = [key] if value is None else [key, value]
    query = select(*groups, _agg(cast(t.candidate_id, String))).where(key.in_(keys))
    if only:  # a few people re-read after an edit: their rows, not the whole index range
        query = query.where(t.candidate_id.in_([int(i) for i in ids]))
    rows = conn.execute(query.group_by(*groups)).all()
    n = len(ids)
    dtype = bool if kind == "topic" else np.int8
    out = {k: np.zeros(n, dtype) for k in keys}
    for row in rows:
        text = row[-1]
        pos, ok = _positions(ids, _ints(text, _count(text)))
        out[row[0]][pos[ok]] = True if value is None else _level(row[1])
    return out


def _level(value: object) -> np.int64:
    """A stored level as the int8 column takes it (NULL none); text is damage."""
    if value is None:
        return np.int64(0)
    if isinstance(value, int) and not isinstance(value, bool):
        return np.int64(value)
    raise PoolReadError(_damaged())


def _store(pool: Pool, kind: str, columns: dict[str, np.ndarray]) -> None:
    """Add columns copy-on-write: another thread may be iterating the old dict right now
    (a cached pool is shared by background rankings), so the dict is replaced, never
    changed in place."""
    if columns:
        setattr(pool, kind, {**getattr(pool, kind), **columns})


def _needs(
    pool: Pool | None, languages: Iterable[str], platforms: Iterable[str], topics: Iterable[str]
) -> tuple[list[str], list[str], list[str]]:
    have = (set(), set(), set()) if pool is None else (pool.lang, pool.skill, pool.topic)
    return (
        sorted(set(languages) - set(have[0])),
        sorted(set(platforms) - set(have[1])),
        sorted(set(topics) - set(have[2])),
    )


class _Scan(ColumnElement[Any]):
    """A column compared as a value, not searched through its index (SQLite's unary
    ``+``): the pool takes two people in three, and walking ``ix_candidates_stage`` then
    looking each one up in the table costs twice a plain pass over the table. Other
    databases choose the plan by their statistics and get the column as it is."""

    inherit_cache = True

    def __init__(self, column: Any) -> None:
        self.column = column
        self.type = column.type


@compiles(_Scan)
def _scan_default(element: _Scan, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.column, **kw))


@compiles(_Scan, "sqlite")
def _scan_sqlite(element: _Scan, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.column, **kw))


#: ``_read_people``'s stage code: 0 ready or proposed.
_IN_TRAINING, _PLACED = 1, 2


def _people_where(only: list[int] | None) -> list[Any]:
    c = m.Candidate
    where = [c.consent_propose.is_(True), _Scan(type_coerce(c.stage, String)).in_(POOL_STAGES)]
    if only is not None:
        where.append(c.id.in_(only))
    return where


def _read_people(conn: Connection, only: list[int] | None = None) -> Pool:
    """People who may be proposed (among ``only`` if given): the per-person columns, one
    aggregated row.

    One aggregate per column, as few columns as the pool needs: each costs about as much
    as the scan itself (in training and placed are one stage code; the wiki snapshots,
    which few people have, are read from their own side by :func:`_read_snapshots`).
    """
    c = m.Candidate
    stage = type_coerce(c.stage, String)
    where = _people_where(only)
    row = conn.execute(
        select(
            _agg(cast(c.id, String)),
            _agg(
                case(
                    (stage == Stage.IN_TRAINING.value, str(_IN_TRAINING)),
                    (stage == Stage.PLACED.value, str(_PLACED)),
                    else_="0",
                )
            ),
            _agg(_date(c.available_from)),
            _agg(_date(c.available_until)),
            _agg(_text(c.region, "-1")),
            _agg(_text(c.subregion, "-1")),
            _agg(_number(c.active_since)),
            _agg(_number(c.edit_count)),
            _agg(_text(c.country, "")),
            _agg(_tristate(c.willing_to_relocate)),
        ).where(*where)
    ).one()
    n = _count(row[0])
    ids = _ints(row[0], n)
    order = np.argsort(ids, kind="stable")  # aggregated in table order, not id order
    stages = _ints(row[1], n)[order]
    pool = Pool(
        ids=ids[order],
        in_training=stages == _IN_TRAINING,
        avail_from=_day_text(row[2], n, NO_DAY_LOW)[order],
        avail_until=_day_text(row[3], n, NO_DAY_HIGH)[order],
        region=_m49_text(row[4], n)[order],
        subregion=_m49_text(row[5], n)[order],
        active_since=_ints(row[6], n).astype(np.int32)[order],
        edits=_ints(row[7], n)[order],
        training_done=np.zeros(n, np.int32),
        mandatory_total=0,
        country=np.array(_split(row[8], n), dtype=object)[order],
        relocate=_ints(row[9], n).astype(np.int8)[order],
        verified_day=np.full(n, NO_DAY_LOW, np.int64),
        verified_edits={platform: np.zeros(n, np.int64) for platform in VERIFIED_PLATFORMS},
        placed=stages == _PLACED,
    )
    _read_snapshots(conn, pool, where)
    return pool


def _read_snapshots(conn: Connection, pool: Pool, where: list[Any]) -> None:
    """A current wiki snapshot of an existing account (same username as now) replaces the
    self-reported start year and edit count: the Experience part then scores evidence.

    Read from the snapshots' side (few people have one), into the pool's positions."""
    c = m.Candidate
    w = m.WikiSnapshot
    year = case(
        (w.registration.is_not(None), func.coalesce(func.extract("year", w.registration), 0)),
        else_=-1,
    )
    row = conn.execute(
        select(
            _agg(cast(c.id, String)),
            _agg(_number(year)),
            _agg(_number(w.global_edit_count)),
            _agg(_date(w.fetched_at)),
            *(_agg(_number(getattr(w, f"{p}_edits"))) for p in VERIFIED_PLATFORMS),
        )
        .select_from(w)
        .join(c, and_(c.id == w.candidate_id, c.username == w.username))
        .where(w.found.is_(True), *where)
    ).one()
    n = _count(row[0])
    if not n or not len(pool):
        return
    pos, ok = _positions(pool.ids, _ints(row[0], n))
    at = pos[ok]
    years = _ints(row[1], n)[ok]
    registered = years >= 0
    pool.active_since[at[registered]] = years[registered]
    pool.edits[at] = _ints(row[2], n)[ok]
    pool.verified_day[at] = _day_text(_dates(row[3]), n, NO_DAY_LOW)[ok]
    for k, platform in enumerate(VERIFIED_PLATFORMS):
        pool.verified_edits[platform][at] = _ints(row[4 + k], n)[ok]


#: Platforms whose verified edit counts the pool carries (snapshot columns, in order).
VERIFIED_PLATFORMS = ("wikipedia", "wikidata", "commons", "wikisource")


def _dates(text: str | None) -> str | None:
    """Timestamps ("2026-12-01 10:00:00") cut to their dates, for :func:`_day_text`."""
    if not text:
        return text
    return SEP.join(part[:10] for part in text.split(SEP))


def _read_training(conn: Connection, pool: Pool, *, only: bool = False) -> None:
    """Completed mandatory modules per person: the completed rows' candidate ids, read
    through the covering ``(status, module_id, candidate_id)`` index and counted in numpy."""
    mandatory = list(
        conn.execute(
            select(m.TrainingModule.id).where(
                m.TrainingModule.mandatory.is_(True), m.TrainingModule.active.is_(True)
            )
        ).scalars()
    )
    pool.mandatory_total = len(mandatory)
    if not mandatory or not len(pool):
        return
    tp = m.TrainingProgress
    where = [
        type_coerce(tp.status, String) == TrainingStatus.COMPLETED.value,
        tp.module_id.in_(mandatory),
    ]
    if only:
        where.append(tp.candidate_id.in_([int(i) for i in pool.ids]))
    text = conn.execute(select(_agg(cast(tp.candidate_id, String))).where(*where)).scalar()
    pos, ok = _positions(pool.ids, _ints(text, _count(text)))
    pool.training_done = np.bincount(pos[ok], minlength=len(pool)).astype(np.int32)


def _read_placements(conn: Connection, pool: Pool, *, only: bool = False) -> None:
    """Every non-cancelled placement's period (an early end frees the person from the
    day it ended), and who is committed now with the organisation for the sentence."""
    p = m.Placement
    status = type_coerce(p.status, String)
    row = conn.execute(
        select(
            _agg(cast(p.candidate_id, String)),
            _agg(_date(p.start_date)),
            _agg(_date(func.coalesce(p.ended_on, p.end_date))),
        ).where(
            status != PlacementStatus.CANCELLED.value,
            p.candidate_id.is_not(None),
            *([p.candidate_id.in_([int(i) for i in pool.ids])] if only else []),
        )
    ).one()
    n = _count(row[0])
    if not n:
        return
    pos, ok = _positions(pool.ids, _ints(row[0], n))
    pool.placement_idx = pos[ok]
    pool.placement_start = _day_text(row[1], n, NO_DAY_LOW)[ok]
    pool.placement_end = _day_text(row[2], n, NO_DAY_HIGH)[ok]
    committed = conn.execute(
        select(
            p.candidate_id,
            func.coalesce(m.Organisation.acronym, m.Organisation.name),
            p.start_date,
            p.end_date,
            status,
        )
        .outerjoin(m.Organisation, m.Organisation.id == p.organisation_id)
        .where(status.in_(COMMITTED_STATUSES), p.candidate_id.is_not(None))
        .order_by(p.start_date.desc())  # the earliest (the current one) wins below
    ).all()
    if committed:
        cpos, cok = _positions(pool.ids, np.array([r[0] for r in committed], np.int64))
        pool.commitments = {
            int(cpos[k]): (org or "", start, end, st)
            for k, (_cid, org, start, end, st) in enumerate(committed)
            if cok[k]
        }


def _load_base(
    conn: Connection,
    languages: Iterable[str] = (),
    platforms: Iterable[str] = (),
    topics: Iterable[str] = (),
) -> Pool:
    """People who may be proposed, with the asked-for language/platform/topic columns."""
    pool = _read_people(conn)
    _read_training(conn, pool)
    _read_placements(conn, pool)
    add_columns(conn, pool, languages=languages, platforms=platforms, topics=topics)
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
    for kind, keys in zip(
        ("lang", "skill", "topic"), _needs(pool, languages, platforms, topics), strict=True
    ):
        _store(pool, kind, _read_levels(conn, pool.ids, kind, keys))


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


def _reread(conn: Connection, pool: Pool, changed: set[int]) -> Pool:
    """A new pool equal to ``pool`` with the people in ``changed`` read again (added,
    updated, or gone when they no longer qualify or were deleted).

    The cached pool is shared by rankings running on other threads, so nothing of it is
    changed: the kept rows and the re-read ones are joined into new arrays.
    """
    only = sorted(changed)
    fresh = _read_people(conn, only)
    _read_training(conn, fresh, only=True)
    _read_placements(conn, fresh, only=True)
    for kind in ("lang", "skill", "topic"):
        keys = sorted(getattr(pool, kind))
        _store(fresh, kind, _read_levels(conn, fresh.ids, kind, keys, only=True))
    keep = ~np.isin(pool.ids, np.array(only, np.int64))
    kept = int(keep.sum())
    ids = np.concatenate([pool.ids[keep], fresh.ids])
    order = np.argsort(ids, kind="stable")
    where = np.empty(len(ids), np.int64)
    where[order] = np.arange(len(ids))  # joined position → position in the new pool

    def join(old: np.ndarray, new: np.ndarray) -> np.ndarray:
        return np.concatenate([old[keep], new])[order]

    compact = np.cumsum(keep) - 1  # old position → position among the kept rows
    old_hits = keep[pool.placement_idx] if len(pool.placement_idx) else np.zeros(0, bool)
    placement_idx = np.concatenate(
        [where[compact[pool.placement_idx[old_hits]]], where[kept + fresh.placement_idx]]
    )
    return Pool(
        ids=ids[order],
        in_training=join(pool.in_training, fresh.in_training),
        avail_from=join(pool.avail_from, fresh.avail_from),
        avail_until=join(pool.avail_until, fresh.avail_until),
        region=join(pool.region, fresh.region),
        subregion=join(pool.subregion, fresh.subregion),
        active_since=join(pool.active_since, fresh.active_since),
        edits=join(pool.edits, fresh.edits),
        training_done=join(pool.training_done, fresh.training_done),
        mandatory_total=pool.mandatory_total,
        lang={k: join(v, fresh.lang[k]) for k, v in pool.lang.items()},
        skill={k: join(v, fresh.skill[k]) for k, v in pool.skill.items()},
        topic={k: join(v, fresh.topic[k]) for k, v in pool.topic.items()},
        placement_idx=placement_idx,
        placement_start=np.concatenate([pool.placement_start[old_hits], fresh.placement_start]),
        placement_end=np.concatenate([pool.placement_end[old_hits], fresh.placement_end]),
        country=join(pool.country, fresh.country),
        relocate=join(pool.relocate, fresh.relocate),
        verified_day=join(pool.verified_day, fresh.verified_day),
        placed=(
            join(pool.placed, fresh.placed)
            if len(pool.placed) == len(pool) and len(fresh.placed) == len(fresh)
            else pool.placed
        ),
        commitments={
            **{k: v for k, v in pool.commitments.items() if k not in changed},
            **fresh.commitments,
        },
        verified_edits={
            k: join(v, fresh.verified_edits[k]) for k, v in pool.verified_edits.items()
        },
    )


#: Above this many changed people a partial re-read saves little: read the whole pool.
REREAD_LIMIT = 2000
#: Kinds of change that can alter a pool column.
POOL_KINDS = Kind.CANDIDATES | Kind.TRAINING | Kind.PROGRAMME | Kind.PLACEMENTS


@dataclass
class _Entry:
    db: weakref.ref
    stamp: tuple
    pool: Pool
    #: People announced as changed since ``stamp`` (None: too many, or unknown who).
    changed: set[int] | None = field(default_factory=set)
    unsubscribe: Any = None


class PoolCache:
    """The pool of one open database, kept between rankings while the data is unchanged.

    Coordinators re-rank constantly (weight sliders, switching requests); reading 50,000
    people each time would dominate. The cache is keyed by a cheap change stamp: the last
    audit-log id (every ORM write and every bulk operation is audited, see
    ``storage.audit``) plus the candidate count. Any write therefore moves the stamp.

    The database's change notifications (``db.changes``, see ``storage.changes``) say
    which people a write touched; when the stamp moved only by writes to those people
    (checked against the audit log, so a writer that announced nothing — another
    program — still causes a full read), only they are read again. Only codes and
    numbers are cached (no names), in memory only.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[int, _Entry] = {}
        #: How the last :meth:`get` was answered: "cold", "warm" or "partial" (for tests
        #: and the benchmark).
        self.last_read = ""

    @staticmethod
    def _relevant() -> Any:
        a = m.AuditEntry
        return and_(
            a.entity.not_in(POOL_NEUTRAL_ENTITIES),
            type_coerce(a.action, String).not_in(POOL_NEUTRAL_ACTIONS),
        )

    @classmethod
    def stamp(cls, conn: Connection) -> tuple:
        """Id of the newest audit entry that may change the pool, plus the head count.

        Shortlist, weight-profile and request edits, exports and disclosures do not change
        anyone's languages, skills, stage or availability, so saving a shortlist keeps the
        cache warm. The newest entries are read first and the scan stops at the first
        relevant one, so a long audit log costs nothing.
        """
        a = m.AuditEntry
        last = conn.execute(
            select(a.id).where(cls._relevant()).order_by(a.id.desc()).limit(1)
        ).scalar()
        people = conn.execute(select(func.count()).select_from(m.Candidate)).scalar()
        return (last, people)

    def _noted(self, key: int, changes: Changes) -> None:
        """A change notification for the database cached under ``key``."""
        if not changes.touches(POOL_KINDS):
            return
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry.changed is None:
                return
            ids = changes.candidate_ids
            if ids is None or changes.touches(Kind.PROGRAMME | Kind.PLACEMENTS):
                entry.changed = None
            else:
                entry.changed |= ids
                if len(entry.changed) > REREAD_LIMIT:
                    entry.changed = None

    def _only_these_changed(self, conn: Connection, since: int | None, ids: set[int]) -> bool:
        """True when every pool-relevant audit entry after ``since`` names one of ``ids``."""
        a = m.AuditEntry
        query = select(a.id).where(
            self._relevant(),
            or_(
                a.entity != "candidate",
                a.entity_id.is_(None),
                a.entity_id.not_in(sorted(ids)),
            ),
        )
        if since is not None:
            query = query.where(a.id > since)
        return conn.execute(query.limit(1)).first() is None

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
            if entry is not None and entry.db() is not db:
                entry = None
            if entry is not None and entry.stamp == stamp:
                self.last_read = "warm"
            elif (
                entry is not None
                and entry.changed
                and self._only_these_changed(conn, entry.stamp[0], entry.changed)
            ):
                entry.pool = _reread(conn, entry.pool, entry.changed)
                entry.stamp, entry.changed = stamp, set()
                self.last_read = "partial"
            else:
                if entry is None:
                    entry = self._new_entry(db, stamp)
                entry.pool = _load_base(conn, languages, platforms, topics)
                entry.stamp, entry.changed = stamp, set()
                self.last_read = "cold"
            pool = entry.pool
            add_columns(conn, pool, languages=languages, platforms=platforms, topics=topics)
            return pool

    def _new_entry(self, db: object, stamp: tuple) -> _Entry:
        key = id(db)
        old = self._entries.pop(key, None)
        if old is not None and old.unsubscribe is not None:
            old.unsubscribe()
        entry = _Entry(weakref.ref(db), stamp, Pool.empty())
        feed = getattr(db, "changes", None)
        if feed is not None:
            entry.unsubscribe = feed.subscribe(lambda changes: self._noted(key, changes))
        self._entries[key] = entry
        return entry

    def clear(self) -> None:
        with self._lock:
            for entry in self._entries.values():
                if entry.unsubscribe is not None:
                    entry.unsubscribe()
            self._entries.clear()


POOL_CACHE = PoolCache()
