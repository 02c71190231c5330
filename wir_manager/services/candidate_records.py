"""What the candidate editor edits and shows, and the checks it runs while you type.

Plain frozen dataclasses and pure validation (no SQLAlchemy, no Qt), so the editor can
be built before the database engine is; :mod:`services.candidates` reads and writes
them and adds the one check that needs the database (a username already taken).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from wir_manager.domain import codes
from wir_manager.domain.enums import LanguageLevel, Platform, Stage, Topic, TrainingStatus
from wir_manager.i18n import _
from wir_manager.services.records import LanguageSkill, PlatformSkill

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
FIRST_EDIT_YEAR = 2001  # Wikipedia's first year; "active since" cannot be earlier


class CandidateNotFoundError(ValueError):
    """The candidate was deleted meanwhile (in another window, or by an erasure)."""


class CandidateValidationError(ValueError):
    """Input that cannot be saved; ``errors`` maps field name → sentence."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()))


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
    #: Would move for an on-site / hybrid placement abroad; None = not recorded.
    willing_to_relocate: bool | None = None
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


def relocation_text(answer: bool | None) -> str:
    """The person's answer about relocating in words (dossier, subject-access export)."""
    if answer is None:
        return _("Not recorded")
    return _("Willing to relocate") if answer else _("Will not relocate")


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


def validate(
    data: CandidateData,
    *,
    username_taken: Callable[[str], bool] | None = None,
    today: dt.date | None = None,
) -> dict[str, str]:
    """Field → sentence for every problem (empty when the data can be saved).

    ``username_taken`` answers whether another candidate has the username; without it
    (the editor while typing) uniqueness is left to the save.
    """
    today = today or dt.date.today()
    data = data.normalised()
    errors: dict[str, str] = {}
    if not data.full_name:
        errors["full_name"] = _("Enter the person's name.")
    if not data.username:
        errors["username"] = _("Enter the Wikimedia username.")
    elif any(ch in data.username for ch in "#<>[]|{}/"):
        errors["username"] = _("A Wikimedia username cannot contain # < > [ ] | { } or /.")
    elif username_taken is not None and username_taken(data.username):
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
    if data.willing_to_relocate not in (None, True, False):
        errors["willing_to_relocate"] = _("Pick an answer about relocating from the list.")
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
