"""The plain records of placement requests: what the editor, the list, the CLI and the
importer hand to and get from the request services. No SQL here."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from wir_manager.domain.codes import country_name
from wir_manager.domain.enums import (
    Importance,
    LanguageLevel,
    OrganisationKind,
    RequestStatus,
    SkillLevel,
    WorkMode,
)
from wir_manager.domain.text_safety import clean_name
from wir_manager.i18n import _


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
    languages: str = ""  # short summary of the required ones, e.g. "en ≥ C1 · (fr | es) ≥ B2"

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

    def to_json(self) -> dict[str, Any]:
        """The row for ``wir-manager requests --json`` (dates as ISO text)."""
        data = asdict(self)
        for key in ("start_date", "deadline"):
            if data[key] is not None:
                data[key] = data[key].isoformat()
        return data


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


def clean_text(value: str | None) -> str | None:
    """Runs of white space become one space; empty text becomes ``None``. Bidi
    override/embedding controls and control characters go, as in candidates' names
    (:func:`~wir_manager.domain.text_safety.clean_name`): a request title, an
    organisation or a duty city is shown in tables, dossiers and the terminal."""
    if value is None:
        return None
    value = " ".join(clean_name(value).split())
    return value or None
