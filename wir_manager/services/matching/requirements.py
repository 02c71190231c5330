"""What a placement request asks for, read once into plain immutable values.

Language rows that share a non-null ``any_group`` become one "at least one of" unit;
every other language or skill row is a unit of its own. Units are what eligibility
checks (required units knock candidates out) and what the language/skill parts score.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.engine import Connection

from wir_manager.domain.enums import Importance, LanguageLevel, Platform, RequestStatus, SkillLevel
from wir_manager.i18n import _
from wir_manager.services.matching.errors import UnknownRequestError
from wir_manager.storage import models as m

#: How much a unit counts inside its part, by importance.
IMPORTANCE_WEIGHT: dict[str, float] = {
    Importance.REQUIRED.value: 3.0,
    Importance.PREFERRED.value: 2.0,
    Importance.NICE.value: 1.0,
}
_RANK = {Importance.REQUIRED.value: 0, Importance.PREFERRED.value: 1, Importance.NICE.value: 2}

#: Requests the global assignment tries to fill.
ACTIVE_REQUEST_STATUSES = (RequestStatus.OPEN.value, RequestStatus.SHORTLISTING.value)


@dataclass(frozen=True, slots=True)
class Need:
    """One language (``key`` = code) or platform (``key`` = platform value) at a minimum."""

    key: str
    min_level: int


@dataclass(frozen=True, slots=True)
class Unit:
    """A scored/checked requirement: held when ANY of ``needs`` holds (usually just one)."""

    kind: str  # "language" | "skill"
    needs: tuple[Need, ...]
    importance: str

    @property
    def required(self) -> bool:
        return self.importance == Importance.REQUIRED.value

    @property
    def weight(self) -> float:
        return IMPORTANCE_WEIGHT[self.importance]


@dataclass(frozen=True, slots=True)
class Requirements:
    request_id: int
    title: str
    status: str
    positions: int
    start: dt.date | None
    end: dt.date | None
    allow_in_training: bool
    work_mode: str
    duty_city: str | None
    duty_country: str | None
    languages: tuple[Unit, ...]
    skills: tuple[Unit, ...]
    topics: tuple[str, ...]
    priority_regions: tuple[str, ...]
    #: Year experience is measured at: the start year (data-derived, never "today").
    reference_year: int

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(sorted({n.key for u in self.languages for n in u.needs}))

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(sorted({n.key for u in self.skills for n in u.needs}))


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole calendar months, clamped to the month's last day (31 Jan + 1 → 28 Feb)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def level_label(kind: str, level: int) -> str:
    """ "C1", "native", "advanced" … for sentences; 0 reads as "none"."""
    if level <= 0:
        return _("none")
    if kind == "language":
        return _(LanguageLevel(min(level, 7)).label)
    return _(SkillLevel(min(level, 3)).label).lower()


def key_label(kind: str, key: str) -> str:
    """ "Arabic", "Wikidata" … for sentences."""
    if kind == "language":
        from wir_manager.domain.codes import language_name

        try:
            return language_name(key, in_sentence=True)
        except Exception:  # an odd tag must not break a ranking
            return key
    try:
        return Platform(key).label
    except ValueError:
        return key


def load_requirements(conn: Connection, request_id: int) -> Requirements:
    """Read one request's requirements; a missing id is a plain-sentence error."""
    found = load_many_requirements(conn, [request_id])
    if not found:
        raise UnknownRequestError(
            _("There is no placement request with id {id}.").format(id=request_id)
        )
    return found[0]


def load_many_requirements(conn: Connection, request_ids: list[int]) -> list[Requirements]:
    """Requirements of several requests with one query per table (missing ids are skipped),
    in the order asked; the global assignment reads hundreds of requests this way."""
    wanted = list(dict.fromkeys(int(r) for r in request_ids))
    heads: dict[int, Any] = {}
    langs: dict[int, list[tuple[str, int, str, int | None]]] = defaultdict(list)
    skills: dict[int, list[tuple[str, int, str]]] = defaultdict(list)
    topics: dict[int, list[str]] = defaultdict(list)
    regions: dict[int, list[str]] = defaultdict(list)
    r = m.PlacementRequest
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for row in conn.execute(
            select(
                r.id,
                r.title,
                type_coerce(r.status, String),
                r.positions,
                r.start_date,
                r.duration_months,
                r.allow_in_training,
                type_coerce(r.work_mode, String),
                r.duty_city,
                r.duty_country,
                r.created_at,
            ).where(r.id.in_(chunk))
        ):
            heads[row[0]] = row
        lang = m.RequestLanguage
        for rid, code, level, imp, group in conn.execute(
            select(
                lang.request_id,
                lang.code,
                lang.min_level,
                type_coerce(lang.importance, String),
                lang.any_group,
            )
            .where(lang.request_id.in_(chunk))
            .order_by(lang.id)
        ):
            langs[rid].append((code, int(level), imp, group))
        sk = m.RequestSkill
        for rid, platform, level, imp in conn.execute(
            select(
                sk.request_id,
                type_coerce(sk.platform, String),
                sk.min_level,
                type_coerce(sk.importance, String),
            )
            .where(sk.request_id.in_(chunk))
            .order_by(sk.id)
        ):
            skills[rid].append((platform, int(level), imp))
        for rid, topic in conn.execute(
            select(m.RequestTopic.request_id, type_coerce(m.RequestTopic.topic, String)).where(
                m.RequestTopic.request_id.in_(chunk)
            )
        ):
            topics[rid].append(topic)
        for rid, region in conn.execute(
            select(m.RequestPriorityRegion.request_id, m.RequestPriorityRegion.region).where(
                m.RequestPriorityRegion.request_id.in_(chunk)
            )
        ):
            regions[rid].append(region)
    out = []
    for rid in wanted:
        head = heads.get(rid)
        if head is None:
            continue
        (_id, title, status, positions, start, duration, allow, mode, city, country, created) = head
        out.append(
            build_requirements(
                request_id=rid,
                title=title,
                status=status,
                positions=int(positions if positions is not None else 1),
                start=start,
                duration_months=int(duration or 0),
                allow_in_training=bool(allow),
                work_mode=mode,
                duty_city=city,
                duty_country=country,
                languages=langs[rid],
                skills=skills[rid],
                topics=topics[rid],
                priority_regions=regions[rid],
                fallback_year=created.year if created else 2000,
            )
        )
    return out


def build_requirements(
    *,
    request_id: int,
    title: str = "",
    status: str = RequestStatus.OPEN.value,
    positions: int = 1,
    start: dt.date | None = None,
    duration_months: int = 6,
    allow_in_training: bool = False,
    work_mode: str = "onsite",
    duty_city: str | None = None,
    duty_country: str | None = None,
    languages: list[tuple[str, int, str, int | None]] = (),  # type: ignore[assignment]
    skills: list[tuple[str, int, str]] = (),  # type: ignore[assignment]
    topics: list[str] = (),  # type: ignore[assignment]
    priority_regions: list[str] = (),  # type: ignore[assignment]
    fallback_year: int = 2000,
) -> Requirements:
    """Group raw rows into units (also used by tests and the assignment loader)."""
    units: list[Unit] = []
    groups: dict[int, list[tuple[str, int, str]]] = {}
    for code, level, importance, group in languages:
        if group is None:
            units.append(Unit("language", (Need(code, level),), importance))
        else:
            groups.setdefault(group, []).append((code, level, importance))
    for _group, members in sorted(groups.items()):
        importance = min((imp for _c, _l, imp in members), key=lambda v: _RANK.get(v, 9))
        units.append(
            Unit("language", tuple(Need(code, level) for code, level, _i in members), importance)
        )
    end = add_months(start, duration_months) if start is not None else None
    return Requirements(
        request_id=request_id,
        title=title,
        status=status,
        positions=max(int(positions), 0),
        start=start,
        end=end,
        allow_in_training=allow_in_training,
        work_mode=work_mode,
        duty_city=duty_city,
        duty_country=duty_country,
        languages=tuple(units),
        skills=tuple(Unit("skill", (Need(p, level),), imp) for p, level, imp in skills),
        topics=tuple(sorted(set(topics))),
        priority_regions=tuple(sorted(set(priority_regions))),
        reference_year=start.year if start is not None else fallback_year,
    )
