"""The rules a placement request must meet before it is stored, as plain sentences per
form area (so a form can show each message next to its widget)."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace

from sqlalchemy import select

from wir_manager.domain.codes import (
    M49_REGIONS,
    CodeError,
    all_countries,
    language_name,
    m49_name,
    normalize_country,
    normalize_language,
    region_of,
)
from wir_manager.domain.enums import (
    Importance,
    LanguageLevel,
    Platform,
    RequestStatus,
    SkillLevel,
    Topic,
    WorkMode,
)
from wir_manager.i18n import _
from wir_manager.services.localefmt import format_date
from wir_manager.services.requests.organisations import check_new_organisation
from wir_manager.services.requests.records import (
    LanguageRequirement,
    OrganisationError,
    Problem,
    RequestData,
    SkillRequirement,
    clean_text,
)
from wir_manager.storage import models as m
from wir_manager.storage import text_limits
from wir_manager.storage.database import Database

MAX_POSITIONS = 50
MAX_DURATION_MONTHS = 60
MAX_TITLE = 300


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


def validate_request(data: RequestData, db: Database | None = None) -> list[Problem]:
    """Everything wrong with ``data`` as plain sentences; empty when it can be saved.

    With ``db``, also checks that the chosen organisation still exists. The same rules run
    again inside :func:`save_request`, so a caller that skips this cannot store bad data.
    """
    return normalise(data, db)[1]


def normalise(data: RequestData, db: Database | None) -> tuple[RequestData, list[Problem]]:
    problems: list[Problem] = []

    def bad(area: str, message: str) -> None:
        problems.append(Problem(area, message))

    title = clean_text(data.title) or ""
    if not title:
        bad("title", _("Give the request a title."))
    elif len(title) > MAX_TITLE:
        bad("title", _("The title is too long (at most {n} characters).").format(n=MAX_TITLE))

    description = (data.description or "").strip()
    description_problem = text_limits.too_long("placement_requests", "description", description)
    if description_problem:
        bad("description", description_problem)

    new_org = data.new_organisation
    if data.organisation_id is None and new_org is None:
        bad("organisation", _("Choose the organisation that makes the request."))
    elif new_org is not None:
        try:
            check_new_organisation(new_org)
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
    city = clean_text(data.duty_city)
    city_problem = text_limits.too_long("placement_requests", "duty_city", city)
    if city_problem:
        bad("duty", city_problem)
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
            ).format(deadline=format_date(data.deadline), start=format_date(data.start_date)),
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
        description=description,
        work_mode=mode.value,
        duty_city=city,
        duty_country=country,
        status=status.value,
        duration_months=int(data.duration_months),
        positions=int(data.positions),
        new_organisation=(
            replace(
                new_org,
                name=clean_text(new_org.name) or "",
                acronym=clean_text(new_org.acronym),
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
                    lang=language_name(code, in_sentence=True)
                ),
            )
            continue
        try:
            importance = Importance(req.importance)
        except ValueError:
            bad(
                "languages",
                _("Choose required, preferred or nice to have for {lang}.").format(
                    lang=language_name(code, in_sentence=True)
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
                ).format(lang=language_name(members[0].code, in_sentence=True)),
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
