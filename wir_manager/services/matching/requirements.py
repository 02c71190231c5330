"""What a placement request asks for, read once into plain immutable values.

Language rows that share a non-null ``any_group`` become one "at least one of" unit;
every other language or skill row is a unit of its own. Units are what eligibility
checks (required units knock candidates out) and what the language/skill parts score.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
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
        return LanguageLevel(min(level, 7)).label
    return _(SkillLevel(min(level, 3)).label.lower())


def key_label(kind: str, key: str) -> str:
    """ "Arabic", "Wikidata" … for sentences."""
    if kind == "language":
        from wir_manager.domain.codes import language_name

        try:
            return language_name(key)
        except Exception:  # an odd tag must not break a ranking
            return key
    try:
        return Platform(key).label
    except ValueError:
        return key


def load_requirements(conn: Connection, request_id: int) -> Requirements:
    """Read one request's requirements; a missing id is a plain-sentence error."""
    req = conn.execute(
        select(
            m.PlacementRequest.id,
            m.PlacementRequest.title,
            m.PlacementRequest.status,
            m.PlacementRequest.positions,
            m.PlacementRequest.start_date,
            m.PlacementRequest.duration_months,
            m.PlacementRequest.allow_in_training,
            m.PlacementRequest.work_mode,
            m.PlacementRequest.duty_city,
            m.PlacementRequest.duty_country,
            m.PlacementRequest.created_at,
        ).where(m.PlacementRequest.id == request_id)
    ).first()
    if req is None:
        raise UnknownRequestError(
            _("There is no placement request with id {id}.").format(id=request_id)
        )
    lang_rows = conn.execute(
        select(
            m.RequestLanguage.code,
            m.RequestLanguage.min_level,
            m.RequestLanguage.importance,
            m.RequestLanguage.any_group,
        )
        .where(m.RequestLanguage.request_id == request_id)
        .order_by(m.RequestLanguage.id)
    ).all()
    skill_rows = conn.execute(
        select(m.RequestSkill.platform, m.RequestSkill.min_level, m.RequestSkill.importance)
        .where(m.RequestSkill.request_id == request_id)
        .order_by(m.RequestSkill.id)
    ).all()
    topics = conn.execute(
        select(m.RequestTopic.topic).where(m.RequestTopic.request_id == request_id)
    ).scalars()
    regions = conn.execute(
        select(m.RequestPriorityRegion.region).where(
            m.RequestPriorityRegion.request_id == request_id
        )
    ).scalars()
    return build_requirements(
        request_id=req.id,
        title=req.title,
        status=_value(req.status),
        positions=int(req.positions or 1),
        start=req.start_date,
        duration_months=int(req.duration_months or 0),
        allow_in_training=bool(req.allow_in_training),
        work_mode=_value(req.work_mode),
        duty_city=req.duty_city,
        duty_country=req.duty_country,
        languages=[(code, int(level), _value(imp), group) for code, level, imp, group in lang_rows],
        skills=[(_value(p), int(level), _value(imp)) for p, level, imp in skill_rows],
        topics=[_value(t) for t in topics],
        priority_regions=list(regions),
        fallback_year=(req.created_at.year if req.created_at else 2000),
    )


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


def _value(x: object) -> str:
    return str(getattr(x, "value", x))
