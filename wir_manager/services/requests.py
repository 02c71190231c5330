"""Placement requests: read, validate, create, update and delete, with plain records in and out.

An IGO request is edited as one :class:`RequestData` value: the editor (Qt or CLI) builds
it, :func:`validate_request` says in plain sentences what is wrong (per field, so a form
can show each message next to its widget), and :func:`save_request` writes it in one
transaction. Child rows (languages, skills, topics, priority regions) are replaced as a
whole on save, which keeps "at least one of" groups consistent and lets the ORM audit the
change as one update of the request.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from sqlalchemy import func, select

from wir_manager.domain.codes import (
    M49_REGIONS,
    CodeError,
    all_countries,
    country_name,
    language_name,
    m49_name,
    normalize_country,
    normalize_language,
    region_of,
)
from wir_manager.domain.enums import (
    Importance,
    LanguageLevel,
    OrganisationKind,
    Platform,
    RequestStatus,
    SkillLevel,
    Topic,
    WorkMode,
)
from wir_manager.i18n import _
from wir_manager.services.concurrency import ensure_unchanged
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

MAX_POSITIONS = 50
MAX_DURATION_MONTHS = 60
MAX_TITLE = 300


# --------------------------------------------------------------------------- records
@dataclass(frozen=True, slots=True)
class LanguageRequirement:
    """A language at a minimum CEFR level. Requirements sharing a ``group`` number form an
    "at least one of" group (French ≥ B2 *or* Spanish ≥ B2); ``None`` means on its own."""

    code: str
    min_level: int = int(LanguageLevel.B2)
    importance: str = Importance.REQUIRED.value
    group: int | None = None


@dataclass(frozen=True, slots=True)
class SkillRequirement:
    """A Wikimedia platform at a minimum skill level (1 basic … 3 advanced)."""

    platform: str
    min_level: int = int(SkillLevel.BASIC)
    importance: str = Importance.REQUIRED.value


@dataclass(frozen=True, slots=True)
class OrganisationRecord:
    id: int
    name: str
    acronym: str | None
    kind: str
    country: str | None

    @property
    def display(self) -> str:
        """ "WHO — World Health Organization", or the name alone without acronym."""
        return f"{self.acronym} — {self.name}" if self.acronym else self.name


@dataclass(frozen=True, slots=True)
class NewOrganisation:
    """An organisation to create together with a request (or on its own)."""

    name: str
    acronym: str | None = None
    kind: str = OrganisationKind.UN_AGENCY.value
    country: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class RequestData:
    """One placement request as the editor sees it. ``id`` is ``None`` for a new request.

    Either ``organisation_id`` names an existing organisation, or ``new_organisation``
    describes one to create in the same transaction. ``organisation_name`` is filled on
    read and ignored on write.
    """

    title: str = ""
    organisation_id: int | None = None
    new_organisation: NewOrganisation | None = None
    description: str = ""
    work_mode: str = WorkMode.ONSITE.value
    duty_city: str | None = None
    duty_country: str | None = None
    start_date: dt.date | None = None
    duration_months: int = 6
    positions: int = 1
    deadline: dt.date | None = None
    status: str = RequestStatus.OPEN.value
    allow_in_training: bool = False
    languages: tuple[LanguageRequirement, ...] = ()
    skills: tuple[SkillRequirement, ...] = ()
    topics: tuple[str, ...] = ()
    priority_regions: tuple[str, ...] = ()
    id: int | None = None
    organisation_name: str | None = None
    updated_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class RequestRow:
    """One line of the request list: what a coordinator scans, nothing more."""

    id: int
    title: str
    organisation: str
    organisation_acronym: str | None
    status: str
    work_mode: str
    duty_city: str | None
    duty_country: str | None
    start_date: dt.date | None
    deadline: dt.date | None
    positions: int
    duration_months: int
    languages: str  # short summary, e.g. "en ≥ C1 · (fr | es) ≥ B2"

    @property
    def organisation_label(self) -> str:
        return self.organisation_acronym or self.organisation

    @property
    def place(self) -> str:
        if self.work_mode == WorkMode.REMOTE.value:
            return _("Remote")
        where = ", ".join(
            part for part in (self.duty_city, country_name(self.duty_country or "")) if part
        )
        if self.work_mode == WorkMode.HYBRID.value:
            return _("{place} (hybrid)").format(place=where) if where else _("Hybrid")
        return where


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a request: ``field`` names the form area, ``message`` is a
    sentence for the user."""

    field: str
    message: str


class RequestError(ValueError):
    """A request cannot be saved or found; ``str()`` is a plain sentence."""


class RequestValidationError(RequestError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(" ".join(p.message for p in problems))


class RequestNotFoundError(RequestError):
    pass


class OrganisationError(ValueError):
    pass


# --------------------------------------------------------------------------- choices
@functools.lru_cache(maxsize=1)
def priority_region_choices() -> tuple[tuple[str, str], ...]:
    """(M49 code, name) for the five UN regions followed by their sub-regions.

    Sub-regions are derived from the countries that exist (ISO 3166 via pycountry, CLDR
    containment), so the list always matches what :func:`region_of` assigns to candidates.
    """
    subs: dict[str, tuple[str, str]] = {}
    for code, _name in all_countries():
        region = region_of(code)
        if region and region.subregion_code != region.region_code:
            subs[region.subregion_code] = (region.region_code, region.subregion)
    out: list[tuple[str, str]] = []
    for top in M49_REGIONS:
        out.append((top, m49_name(top)))
        out += sorted(
            ((sub, name) for sub, (parent, name) in subs.items() if parent == top),
            key=lambda item: item[1],
        )
    return tuple(out)


def region_label(code: str) -> str:
    return dict(priority_region_choices()).get(code, code)


def language_summary(
    languages: Iterable[LanguageRequirement], *, only_required: bool = False
) -> str:
    """Compact text like "en ≥ C1 · (fr | es) ≥ B2" for lists and tooltips."""
    singles: list[str] = []
    groups: dict[int, list[LanguageRequirement]] = defaultdict(list)
    for req in languages:
        if only_required and req.importance != Importance.REQUIRED.value:
            continue
        if req.group is None:
            singles.append(f"{req.code} ≥ {LanguageLevel(req.min_level).label}")
        else:
            groups[req.group].append(req)
    for members in groups.values():
        levels = {r.min_level for r in members}
        if len(levels) == 1:
            codes = " | ".join(r.code for r in members)
            singles.append(f"({codes}) ≥ {LanguageLevel(levels.pop()).label}")
        else:
            singles.append(
                "("
                + " | ".join(f"{r.code} ≥ {LanguageLevel(r.min_level).label}" for r in members)
                + ")"
            )
    return " · ".join(singles)


# --------------------------------------------------------------------------- validation
def _clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def validate_request(data: RequestData, db: Database | None = None) -> list[Problem]:
    """Everything wrong with ``data`` as plain sentences; empty when it can be saved.

    With ``db``, also checks that the chosen organisation still exists. The same rules run
    again inside :func:`save_request`, so a caller that skips this cannot store bad data.
    """
    return _normalise(data, db)[1]


def _normalise(data: RequestData, db: Database | None) -> tuple[RequestData, list[Problem]]:
    problems: list[Problem] = []

    def bad(area: str, message: str) -> None:
        problems.append(Problem(area, message))

    title = _clean_text(data.title) or ""
    if not title:
        bad("title", _("Give the request a title."))
    elif len(title) > MAX_TITLE:
        bad("title", _("The title is too long (at most {n} characters).").format(n=MAX_TITLE))

    new_org = data.new_organisation
    if data.organisation_id is None and new_org is None:
        bad("organisation", _("Choose the organisation that makes the request."))
    elif new_org is not None:
        try:
            _check_new_organisation(new_org)
        except OrganisationError as exc:
            bad("organisation", str(exc))
    elif data.organisation_id is not None and db is not None:
        with db.engine.connect() as conn:
            found = conn.execute(
                select(m.Organisation.id).where(m.Organisation.id == data.organisation_id)
            ).first()
        if found is None:
            bad("organisation", _("The chosen organisation no longer exists; pick another one."))

    try:
        mode = WorkMode(data.work_mode)
    except ValueError:
        bad("duty", _("Choose on site, hybrid or remote."))
        mode = WorkMode.ONSITE
    city = _clean_text(data.duty_city)
    country: str | None = None
    if mode is WorkMode.REMOTE:
        city = None
    else:
        raw_country = (data.duty_country or "").strip()
        if raw_country:
            try:
                country = normalize_country(raw_country)
            except CodeError:
                bad(
                    "duty",
                    _(
                        "“{code}” is not a known country; pick the duty country from the list."
                    ).format(code=raw_country),
                )
        if not city or not raw_country:
            bad(
                "duty",
                _(
                    "An on-site or hybrid placement needs a duty city and country "
                    "(or choose remote)."
                ),
            )

    if (
        data.start_date is not None
        and data.deadline is not None
        and data.deadline > data.start_date
    ):
        bad(
            "dates",
            _(
                "The application deadline ({deadline}) must not be after the start date ({start})."
            ).format(deadline=data.deadline.isoformat(), start=data.start_date.isoformat()),
        )
    if not 1 <= int(data.duration_months) <= MAX_DURATION_MONTHS:
        bad(
            "duration",
            _("The duration must be between 1 and {n} months.").format(n=MAX_DURATION_MONTHS),
        )
    if int(data.positions) < 1:
        bad("positions", _("A request needs at least one position."))
    elif int(data.positions) > MAX_POSITIONS:
        bad("positions", _("A request can have at most {n} positions.").format(n=MAX_POSITIONS))
    try:
        status = RequestStatus(data.status)
    except ValueError:
        bad("status", _("“{s}” is not a request status.").format(s=data.status))
        status = RequestStatus.OPEN

    languages = _normalise_languages(data.languages, bad)
    skills = _normalise_skills(data.skills, bad)

    topics: list[str] = []
    for topic in data.topics:
        try:
            value = Topic(topic).value
        except ValueError:
            try:
                value = Topic.parse(topic).value
            except ValueError:
                bad("topics", _("“{t}” is not a known topic area.").format(t=topic))
                continue
        if value not in topics:
            topics.append(value)

    known_regions = dict(priority_region_choices())
    regions: list[str] = []
    for region in data.priority_regions:
        code = region.strip()
        if code not in known_regions:
            bad(
                "regions",
                _("“{r}” is not a UN M49 region or sub-region code.").format(r=region),
            )
        elif code not in regions:
            regions.append(code)

    clean = replace(
        data,
        title=title,
        description=(data.description or "").strip(),
        work_mode=mode.value,
        duty_city=city,
        duty_country=country,
        status=status.value,
        duration_months=int(data.duration_months),
        positions=int(data.positions),
        new_organisation=(
            replace(
                new_org,
                name=_clean_text(new_org.name) or "",
                acronym=_clean_text(new_org.acronym),
            )
            if new_org is not None
            else None
        ),
        languages=tuple(languages),
        skills=tuple(skills),
        topics=tuple(topics),
        priority_regions=tuple(regions),
    )
    return clean, problems


def _normalise_languages(
    items: Iterable[LanguageRequirement], bad: Callable[[str, str], None]
) -> list[LanguageRequirement]:
    out: list[LanguageRequirement] = []
    groups: dict[int, list[LanguageRequirement]] = defaultdict(list)
    for req in items:
        raw = (req.code or "").strip()
        if not raw:
            bad("languages", _("Choose a language for every language row."))
            continue
        try:
            code = normalize_language(raw)
        except CodeError:
            bad(
                "languages",
                _(
                    "“{code}” is not a known language code (use an ISO 639 code such as fr or sw)."
                ).format(code=raw),
            )
            continue
        try:
            level = LanguageLevel(int(req.min_level))
        except ValueError:
            bad(
                "languages",
                _("The minimum level for {lang} must be between A1 and native.").format(
                    lang=language_name(code)
                ),
            )
            continue
        try:
            importance = Importance(req.importance)
        except ValueError:
            bad(
                "languages",
                _("Choose required, preferred or nice to have for {lang}.").format(
                    lang=language_name(code)
                ),
            )
            continue
        clean = LanguageRequirement(code, int(level), importance.value, req.group)
        out.append(clean)
        if req.group is not None:
            groups[req.group].append(clean)
    seen: set[tuple[str, int | None]] = set()
    for req in out:
        key = (req.code, req.group)
        if key in seen:
            bad(
                "languages",
                _("{lang} is listed twice; keep one row per language.").format(
                    lang=language_name(req.code)
                ),
            )
        seen.add(key)
    renumber: dict[int, int] = {}
    for number, members in sorted(groups.items()):
        if len(members) < 2:
            bad(
                "languages",
                _(
                    "An “at least one of” group needs two or more languages; {lang} is alone in "
                    "its group."
                ).format(lang=language_name(members[0].code)),
            )
        if len({r.importance for r in members}) > 1:
            bad(
                "languages",
                _("All languages of one “at least one of” group must have the same importance."),
            )
        renumber[number] = len(renumber) + 1
    return [replace(r, group=renumber[r.group]) if r.group is not None else r for r in out]


def _normalise_skills(
    items: Iterable[SkillRequirement], bad: Callable[[str, str], None]
) -> list[SkillRequirement]:
    out: list[SkillRequirement] = []
    seen: set[str] = set()
    for req in items:
        try:
            platform = Platform(req.platform)
        except ValueError:
            try:
                platform = Platform.parse(req.platform or "")
            except ValueError:
                bad(
                    "skills",
                    _("“{p}” is not a known Wikimedia platform.").format(p=req.platform),
                )
                continue
        if not 1 <= int(req.min_level) <= int(SkillLevel.ADVANCED):
            bad(
                "skills",
                _("The minimum level for {p} must be basic, intermediate or advanced.").format(
                    p=platform.label
                ),
            )
            continue
        try:
            importance = Importance(req.importance)
        except ValueError:
            bad(
                "skills",
                _("Choose required, preferred or nice to have for {p}.").format(p=platform.label),
            )
            continue
        if platform.value in seen:
            bad(
                "skills",
                _("{p} is listed twice; keep one row per platform.").format(p=platform.label),
            )
            continue
        seen.add(platform.value)
        out.append(SkillRequirement(platform.value, int(req.min_level), importance.value))
    return out


# --------------------------------------------------------------------------- organisations
def list_organisations(db: Database) -> list[OrganisationRecord]:
    query = select(
        m.Organisation.id,
        m.Organisation.name,
        m.Organisation.acronym,
        m.Organisation.kind,
        m.Organisation.country,
    ).order_by(func.coalesce(m.Organisation.acronym, m.Organisation.name))
    with db.engine.connect() as conn:
        return [
            OrganisationRecord(oid, name, acronym, kind.value, country)
            for oid, name, acronym, kind, country in conn.execute(query)
        ]


def _check_new_organisation(org: NewOrganisation) -> NewOrganisation:
    name = _clean_text(org.name)
    if not name:
        raise OrganisationError(_("The new organisation needs a name."))
    try:
        kind = OrganisationKind(org.kind)
    except ValueError:
        raise OrganisationError(
            _("Choose whether the organisation is a UN agency, another IGO or an INGO.")
        ) from None
    country = None
    if org.country and org.country.strip():
        try:
            country = normalize_country(org.country)
        except CodeError:
            raise OrganisationError(
                _("“{code}” is not a known country.").format(code=org.country)
            ) from None
    return NewOrganisation(
        name, _clean_text(org.acronym), kind.value, country, _clean_text(org.website)
    )


def _add_organisation(s, org: NewOrganisation, *, reuse: bool) -> int:  # type: ignore[no-untyped-def]
    existing = s.execute(
        select(m.Organisation.id).where(func.lower(m.Organisation.name) == org.name.lower())
    ).scalar()
    if existing is not None:
        if reuse:
            return int(existing)
        raise OrganisationError(
            _("An organisation named “{name}” already exists; pick it from the list.").format(
                name=org.name
            )
        )
    row = m.Organisation(
        name=org.name,
        acronym=org.acronym,
        kind=OrganisationKind(org.kind),
        country=org.country,
        website=org.website,
    )
    s.add(row)
    s.flush()
    return row.id


def create_organisation(db: Database, org: NewOrganisation) -> OrganisationRecord:
    """Create an organisation; a name that exists already (ignoring case) is refused."""
    clean = _check_new_organisation(org)
    with db.session() as s:
        oid = _add_organisation(s, clean, reuse=False)
    return OrganisationRecord(oid, clean.name, clean.acronym, clean.kind, clean.country)


# --------------------------------------------------------------------------- reading
def list_request_rows(db: Database) -> list[RequestRow]:
    """All requests for the list view, newest first, with a language summary each.

    Two queries in all (requests, then every language requirement), grouped in Python.
    """
    query = (
        select(
            m.PlacementRequest.id,
            m.PlacementRequest.title,
            m.Organisation.name,
            m.Organisation.acronym,
            m.PlacementRequest.status,
            m.PlacementRequest.work_mode,
            m.PlacementRequest.duty_city,
            m.PlacementRequest.duty_country,
            m.PlacementRequest.start_date,
            m.PlacementRequest.deadline,
            m.PlacementRequest.positions,
            m.PlacementRequest.duration_months,
        )
        .join(m.Organisation, m.PlacementRequest.organisation_id == m.Organisation.id)
        .order_by(m.PlacementRequest.id.desc())
    )
    langs: dict[int, list[LanguageRequirement]] = defaultdict(list)
    with db.engine.connect() as conn:
        rows = conn.execute(query).all()
        for rid, code, level, importance, group in conn.execute(
            select(
                m.RequestLanguage.request_id,
                m.RequestLanguage.code,
                m.RequestLanguage.min_level,
                m.RequestLanguage.importance,
                m.RequestLanguage.any_group,
            ).order_by(m.RequestLanguage.request_id, m.RequestLanguage.id)
        ):
            langs[rid].append(LanguageRequirement(code, level, importance.value, group))
    return [
        RequestRow(
            id=rid,
            title=title,
            organisation=org,
            organisation_acronym=acronym,
            status=status.value,
            work_mode=mode.value,
            duty_city=city,
            duty_country=country,
            start_date=start,
            deadline=deadline,
            positions=positions,
            duration_months=duration,
            languages=language_summary(langs[rid], only_required=True),
        )
        for (
            rid,
            title,
            org,
            acronym,
            status,
            mode,
            city,
            country,
            start,
            deadline,
            positions,
            duration,
        ) in rows
    ]


def get_request(db: Database, request_id: int) -> RequestData:
    """The full request with its requirements, or :class:`RequestNotFoundError`."""
    with db.session() as s:
        req = s.get(m.PlacementRequest, request_id)
        if req is None:
            raise RequestNotFoundError(
                _("Request {id} does not exist (it may have been deleted).").format(id=request_id)
            )
        return RequestData(
            id=req.id,
            title=req.title,
            organisation_id=req.organisation_id,
            organisation_name=req.organisation.name,
            description=req.description or "",
            work_mode=req.work_mode.value,
            duty_city=req.duty_city,
            duty_country=req.duty_country,
            start_date=req.start_date,
            duration_months=req.duration_months,
            positions=req.positions,
            deadline=req.deadline,
            status=req.status.value,
            allow_in_training=bool(req.allow_in_training),
            languages=tuple(
                LanguageRequirement(
                    lang.code, lang.min_level, lang.importance.value, lang.any_group
                )
                for lang in sorted(req.languages, key=lambda r: r.id)
            ),
            skills=tuple(
                SkillRequirement(sk.platform.value, sk.min_level, sk.importance.value)
                for sk in sorted(req.skills, key=lambda r: r.id)
            ),
            topics=tuple(sorted(t.topic.value for t in req.topics)),
            priority_regions=tuple(sorted(r.region for r in req.priority_regions)),
            updated_at=req.updated_at,
        )


# --------------------------------------------------------------------------- writing
def save_request(db: Database, data: RequestData) -> RequestData:
    """Create (``data.id is None``) or update a request in one transaction; returns it as
    stored. Raises :class:`RequestValidationError` listing every problem; nothing is written
    then."""
    clean, problems = _normalise(data, db)
    if problems:
        raise RequestValidationError(problems)
    with db.session() as s:
        if clean.new_organisation is not None:
            org_id = _add_organisation(
                s, _check_new_organisation(clean.new_organisation), reuse=True
            )
        else:
            org_id = clean.organisation_id
            if s.get(m.Organisation, org_id) is None:
                raise RequestValidationError(
                    [
                        Problem(
                            "organisation",
                            _("The chosen organisation no longer exists; pick another one."),
                        )
                    ]
                )
        if clean.id is None:
            req = m.PlacementRequest()
            s.add(req)
        else:
            if s.get(m.PlacementRequest, clean.id) is None:
                raise RequestNotFoundError(
                    _("Request {id} does not exist (it may have been deleted).").format(id=clean.id)
                )
            # Another window or program may have saved since this form was loaded: refuse
            # rather than silently overwrite (no lost updates).
            req = ensure_unchanged(s, m.PlacementRequest, clean.id, data.updated_at)
        # Bumped on every save, also when only requirements changed, so the check above
        # sees child-row edits too.
        req.updated_at = m.utcnow()
        req.organisation_id = org_id
        req.title = clean.title
        req.description = clean.description or None
        req.work_mode = WorkMode(clean.work_mode)
        req.duty_city = clean.duty_city
        req.duty_country = clean.duty_country
        req.start_date = clean.start_date
        req.duration_months = clean.duration_months
        req.positions = clean.positions
        req.deadline = clean.deadline
        req.status = RequestStatus(clean.status)
        req.allow_in_training = clean.allow_in_training
        _replace_children(s, req, clean)
        s.flush()
        new_id = req.id
    return get_request(db, new_id)


def _replace_children(s, req: m.PlacementRequest, clean: RequestData) -> None:  # type: ignore[no-untyped-def]
    """Swap the child rows only where they differ, so an unchanged list is not audited."""
    current_langs = [
        (r.code, r.min_level, r.importance.value, r.any_group)
        for r in sorted(req.languages, key=lambda r: r.id or 0)
    ]
    wanted_langs = [(r.code, r.min_level, r.importance, r.group) for r in clean.languages]
    if current_langs != wanted_langs:
        req.languages = [
            m.RequestLanguage(code=c, min_level=lv, importance=Importance(i), any_group=g)
            for c, lv, i, g in wanted_langs
        ]
    current_skills = [
        (r.platform.value, r.min_level, r.importance.value)
        for r in sorted(req.skills, key=lambda r: r.id or 0)
    ]
    wanted_skills = [(r.platform, r.min_level, r.importance) for r in clean.skills]
    if current_skills != wanted_skills:
        req.skills = [
            m.RequestSkill(platform=Platform(p), min_level=lv, importance=Importance(i))
            for p, lv, i in wanted_skills
        ]
    if sorted(t.topic.value for t in req.topics) != sorted(clean.topics):
        req.topics = [m.RequestTopic(topic=Topic(t)) for t in clean.topics]
    if sorted(r.region for r in req.priority_regions) != sorted(clean.priority_regions):
        req.priority_regions = [m.RequestPriorityRegion(region=r) for r in clean.priority_regions]
    # A replaced collection must be gone before its successors are inserted: the topic and
    # region tables key on (request, value), so flush deletions first.
    s.flush()


def delete_request(db: Database, request_id: int) -> None:
    """Delete a request with its requirements and shortlist; placements and the disclosure
    log keep their rows (their link becomes empty), so history is not lost."""
    with db.session() as s:
        req = s.get(m.PlacementRequest, request_id)
        if req is None:
            raise RequestNotFoundError(
                _("Request {id} does not exist (it may have been deleted).").format(id=request_id)
            )
        s.delete(req)


def delete_requests(db: Database, request_ids: Iterable[int]) -> int:
    """Delete several requests in one transaction; returns how many were deleted."""
    ids = list(dict.fromkeys(request_ids))
    with db.session() as s:
        rows = s.scalars(select(m.PlacementRequest).where(m.PlacementRequest.id.in_(ids))).all()
        for row in rows:
            s.delete(row)
        return len(rows)


__all__ = [
    "LanguageRequirement",
    "NewOrganisation",
    "OrganisationError",
    "OrganisationRecord",
    "Problem",
    "RequestData",
    "RequestError",
    "RequestNotFoundError",
    "RequestRow",
    "RequestValidationError",
    "SkillRequirement",
    "create_organisation",
    "delete_request",
    "delete_requests",
    "get_request",
    "language_summary",
    "list_organisations",
    "list_request_rows",
    "priority_region_choices",
    "region_label",
    "save_request",
    "validate_request",
]
