"""Match a sheet's header row to our fields, whatever the case, spacing or wording.

People write "E-mail", "email address", "Wikimedia username" or "Languages spoken";
headers are normalised (case folded, only letters and digits kept) and looked up in a
synonym table. Unknown columns are reported and ignored, never fatal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wir_manager.domain.enums import Platform
from wir_manager.services.candidate_records import FIELDS


def norm(text: object) -> str:
    return "".join(ch for ch in str(text or "").casefold() if ch.isalnum())


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    label: str  # the header we write in exports and templates
    synonyms: tuple[str, ...] = ()


#: The candidate sheet's columns, from the one description of each candidate field.
CANDIDATE_FIELDS: tuple[Field, ...] = tuple(
    Field(spec.name, spec.header, spec.synonyms) for spec in FIELDS
)
REQUIRED_CANDIDATE_FIELDS = tuple(spec.name for spec in FIELDS if spec.required)

REQUEST_FIELDS: tuple[Field, ...] = (
    Field("organisation", "Organisation", ("organization", "igo", "agency", "org")),
    Field("title", "Title", ("role", "position title", "placement")),
    Field("description", "Description", ("details", "summary")),
    Field("duty_city", "Duty city", ("city", "duty station")),
    Field("duty_country", "Duty country", ("country",)),
    Field("work_mode", "Work mode", ("mode", "remote", "onsite")),
    Field("start_date", "Start date", ("start", "starts")),
    Field("duration_months", "Duration (months)", ("duration", "months")),
    Field("positions", "Positions", ("places", "number of positions", "residents")),
    Field("deadline", "Deadline", ("application deadline", "closing date")),
    Field("status", "Status", ()),
    Field("allow_in_training", "Allow in training", ("in training allowed",)),
    Field("languages", "Languages", ("language requirements",)),
    Field("skills", "Skills", ("skill requirements", "platform skills")),
    Field("topics", "Topics", ("topic areas",)),
    Field("priority_regions", "Priority regions", ("regions", "priority region")),
)
REQUIRED_REQUEST_FIELDS = ("organisation", "title")

_PAIR = re.compile(r"^(language|lang|level|languagelevel|langlevel)(\d)(level)?$")
_SKILL_SUFFIX = ("skilllevel", "level", "skill")


def _table(fields: tuple[Field, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for f in fields:
        for name in (f.key, f.label, *f.synonyms):
            table.setdefault(norm(name), f.key)
    return table


_CANDIDATE_TABLE = _table(CANDIDATE_FIELDS)
_REQUEST_TABLE = _table(REQUEST_FIELDS)


def candidate_field(header: object) -> str | None:
    """Field key for a candidate sheet header; also "lang:N", "level:N" (template pairs)
    and "skill:<platform>" (one column per platform)."""
    key = norm(header)
    if not key:
        return None
    if key in _CANDIDATE_TABLE:
        return _CANDIDATE_TABLE[key]
    pair = _PAIR.match(key)
    if pair:
        kind, number, trailing = pair.groups()
        is_level = kind.endswith("level") or kind == "level" or trailing == "level"
        return f"{'level' if is_level else 'lang'}:{number}"
    base = key
    for suffix in _SKILL_SUFFIX:
        if base.endswith(suffix) and len(base) > len(suffix):
            base = base[: -len(suffix)]
            break
    try:
        return f"skill:{Platform.parse(base).value}"
    except ValueError:
        return None


def request_field(header: object) -> str | None:
    return _REQUEST_TABLE.get(norm(header))


def label_of(fields: tuple[Field, ...], key: str) -> str:
    for f in fields:
        if f.key == key:
            return f.label
    return key
