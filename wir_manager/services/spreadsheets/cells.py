"""Cell parsers: what people type in spreadsheets → clean values, or a plain problem.

Every parser takes the raw openpyxl value (str, int, float, datetime, None) and returns
the clean value or raises :class:`CellProblem` with a sentence that names what is wrong
and how to write it instead. Text first passes through ``restore_formula_text`` so a
cell we neutralised on export (``'=x``) comes back as typed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from wir_manager.domain.codes import CodeError, normalize_country, normalize_language, parse_region
from wir_manager.domain.enums import (
    Importance,
    LanguageLevel,
    Platform,
    RequestStatus,
    SkillLevel,
    Stage,
    Topic,
    WorkMode,
)
from wir_manager.i18n import _
from wir_manager.services.safe_text import restore_formula_text

_ITEM_SPLIT = re.compile(r"[;\n]+")
_LIST_SPLIT = re.compile(r"[;,\n]+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$")
_IMPORTANCE_SUFFIX = re.compile(r"\(([^)]*)\)\s*$")


class CellProblem(ValueError):
    """What is wrong with one cell, as a sentence for the user."""


def text(value: object) -> str | None:
    """Stripped text or None; numbers that are whole print without ".0"."""
    if value is None:
        return None
    if type(value) is str and not value.startswith("'"):
        return value.strip() or None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()
    value = restore_formula_text(str(value))
    assert isinstance(value, str)
    value = value.strip()
    return value or None


def texts(values: list[object]) -> list[str | None]:
    """:func:`text` of each value: plain text cells (nearly all of a column of names or
    e-mails) trimmed inline, any other value through :func:`text`."""
    return [
        (value.strip() or None) if type(value) is str and value[:1] != "'" else text(value)
        for value in values
    ]


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = text(value) or ""
    if _ISO_DATE.match(raw):
        try:
            return dt.date.fromisoformat(raw[:10])
        except ValueError:
            pass
    raise CellProblem(
        _("“{value}” is not a date (use a date cell or YYYY-MM-DD).").format(value=raw)
    )


def whole_number(value: object, *, low: int, high: int, what: str) -> int | None:
    if type(value) is int and low <= value <= high:
        return value
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellProblem(_("{what} must be a whole number.").format(what=what))
    if isinstance(value, int | float):
        number = value
    else:
        raw = (text(value) or "").replace(",", "").replace(" ", "")
        try:
            number = float(raw)
        except ValueError:
            raise CellProblem(_("“{value}” is not a number.").format(value=text(value))) from None
    if not float(number).is_integer():
        raise CellProblem(_("{what} must be a whole number.").format(what=what))
    number = int(number)
    if not low <= number <= high:
        raise CellProblem(
            _("{value} is out of range for {what} (use {low} to {high}).").format(
                value=number, what=what, low=low, high=high
            )
        )
    return number


_YES = {"yes", "y", "true", "1", "x", "oui", "si", "sí", "ja", "✓", "✔"}
_NO = {"no", "n", "false", "0", "non", "nein", "nej", "-"}


def _yes_or_no(value: object) -> bool | None:
    """True / False for the yes and no words (and booleans), None for anything else."""
    if isinstance(value, bool):
        return value
    raw = (text(value) or "").casefold()
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    return None


def yes_no(value: object) -> bool:
    """yes / no; a blank cell means no (consent columns)."""
    if is_blank(value):
        return False
    answer = _yes_or_no(value)
    if answer is None:
        raise CellProblem(_("“{value}” is not yes or no.").format(value=text(value)))
    return answer


def yes_no_blank(value: object) -> bool | None:
    """yes / no, or blank for "not recorded" (e.g. willing to relocate): unlike
    :func:`yes_no`, a blank cell is kept apart from "no"."""
    if is_blank(value):
        return None
    answer = _yes_or_no(value)
    if answer is None:
        raise CellProblem(
            _("“{value}” is not yes or no (leave the cell empty when it is not known).").format(
                value=text(value)
            )
        )
    return answer


@functools.lru_cache(maxsize=2048)
def language_code(raw: str) -> str:
    try:
        return normalize_language(raw)
    except CodeError:
        raise CellProblem(_("“{value}” is not a known language code.").format(value=raw)) from None


@functools.lru_cache(maxsize=256)
def language_level(raw: str) -> int:
    try:
        return int(LanguageLevel.parse(raw))
    except ValueError:
        raise CellProblem(
            _("level “{value}” is out of range (use A1, A2, B1, B2, C1, C2 or native).").format(
                value=raw
            )
        ) from None


@functools.lru_cache(maxsize=512)
def country(raw: str) -> str:
    try:
        return normalize_country(raw)
    except CodeError:
        raise CellProblem(_("“{value}” is not a known country.").format(value=raw)) from None


def country_cell(value: object) -> str | None:
    raw = text(value)
    return None if raw is None else country(raw)


def split_pair(item: str, example: str) -> tuple[str, str]:
    """ "ar:C1", "ar = C1", "Wikimedia Commons: 2", "ar C1" → (name, level)."""
    item = item.strip()
    for sep in (":", "="):
        if sep in item:
            name, _sep, level = item.rpartition(sep)
            break
    else:
        name, _sep, level = item.rpartition(" ")
    if not name.strip() or not level.strip():
        raise CellProblem(
            _("“{item}” needs a name and a level, like “{example}”.").format(
                item=item, example=example
            )
        )
    return name.strip(), level.strip()


def _pairs(raw: str, example: str) -> list[tuple[str, str]]:
    return [
        split_pair(item, example)
        for item in _ITEM_SPLIT.split(raw.replace(",", ";"))
        if item.strip()
    ]


def languages(value: object) -> dict[str, int]:
    """ "ar:C1; fr:B2" → {"ar": 5, "fr": 4}. The highest level wins on repeats."""
    raw = text(value)
    if raw is None:
        return {}
    found: dict[str, int] = {}
    for code, level in _pairs(raw, "ar:C1"):
        tag = language_code(code)
        lvl = language_level(level)
        found[tag] = max(lvl, found.get(tag, 0))
    return found


@functools.lru_cache(maxsize=256)
def platform(raw: str) -> str:
    try:
        return Platform.parse(raw).value
    except ValueError:
        raise CellProblem(_("“{value}” is not a Wikimedia platform.").format(value=raw)) from None


_SKILL_WORDS = {lvl.label.casefold(): int(lvl) for lvl in SkillLevel}


def skill_level(raw: object, what: str) -> int:
    word = (text(raw) or "").casefold()
    if word in _SKILL_WORDS:
        return _SKILL_WORDS[word]
    number = whole_number(raw, low=0, high=3, what=what)
    if number is None:
        raise CellProblem(_("a skill level is missing for {what}.").format(what=what))
    return number


def skills(value: object) -> dict[str, int]:
    """ "Wikidata:3; Commons:2" → {"wikidata": 3, "commons": 2}."""
    raw = text(value)
    if raw is None:
        return {}
    found: dict[str, int] = {}
    for name, level in _pairs(raw, "Wikidata:3"):
        key = platform(name)
        found[key] = skill_level(level, Platform(key).label)
    return found


@functools.lru_cache(maxsize=256)
def topic(raw: str) -> str:
    try:
        return Topic.parse(raw).value
    except ValueError:
        raise CellProblem(_("“{value}” is not a known topic area.").format(value=raw)) from None


def topics(value: object) -> tuple[str, ...]:
    raw = text(value)
    if raw is None:
        return ()
    return _topics(raw)


@functools.lru_cache(maxsize=1024)
def _topics(raw: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in _LIST_SPLIT.split(raw):
        if item.strip():
            seen[topic(item.strip())] = None
    return tuple(seen)


def _choice(value: object, enum: type, what: str) -> str | None:
    raw = text(value)
    if raw is None:
        return None
    found = _choices(enum).get("".join(ch for ch in raw.casefold() if ch.isalnum()))
    if found is not None:
        return found
    choices = ", ".join(m.label for m in enum)
    raise CellProblem(
        _("“{value}” is not a {what} (use one of: {choices}).").format(
            value=raw, what=what, choices=choices
        )
    )


@functools.cache
def _choices(enum: type) -> dict[str, str]:
    """Normalised value and label → stored value, for one enum."""
    table: dict[str, str] = {}
    for member in enum:
        table[member.value.replace("_", "")] = member.value
        table["".join(c for c in member.label.casefold() if c.isalnum())] = member.value
    return table


def stage(value: object) -> str | None:
    return _choice(value, Stage, _("stage"))


def work_mode(value: object) -> str | None:
    return _choice(value, WorkMode, _("work mode"))


def request_status(value: object) -> str | None:
    return _choice(value, RequestStatus, _("request status"))


def importance(raw: str) -> str:
    found = _choice(raw, Importance, _("importance"))
    assert found is not None
    return found


def requirement_items(value: object) -> list[tuple[list[tuple[str, str]], str]]:
    """ "en:C1; fr:B2 or es:B2 (preferred)" → [([("en","C1")], required),
    ([("fr","B2"), ("es","B2")], preferred)]."""
    raw = text(value)
    if raw is None:
        return []
    out = []
    for item in _ITEM_SPLIT.split(raw):
        item = item.strip()
        if not item:
            continue
        level_importance = Importance.REQUIRED.value
        suffix = _IMPORTANCE_SUFFIX.search(item)
        if suffix:
            level_importance = importance(suffix.group(1))
            item = item[: suffix.start()].strip()
        alternatives = [a for a in re.split(r"\s+or\s+|\|", item) if a.strip()]
        pairs = [split_pair(alt, "fr:B2") for alt in alternatives]
        out.append((pairs, level_importance))
    return out


def regions(value: object) -> tuple[str, ...]:
    raw = text(value)
    if raw is None:
        return ()
    found = []
    for item in _LIST_SPLIT.split(raw):
        if item.strip():
            try:
                found.append(parse_region(item.strip()))
            except CodeError:
                raise CellProblem(
                    _("“{value}” is not a UN region.").format(value=item.strip())
                ) from None
    return tuple(dict.fromkeys(found))


class _Uncombined(dict[int, int | None]):
    """A ``str.translate`` table dropping combining marks, filled per character as it is
    first met: the check runs once per distinct character, not once per character of
    every name (an import keys 10,000 names)."""

    def __missing__(self, point: int) -> int | None:
        kept = None if unicodedata.combining(chr(point)) else point
        self[point] = kept
        return kept


_UNCOMBINED = _Uncombined()
_WORD = re.compile(r"\w+")


def name_key(name: str) -> str:
    """Key for "near-identical" names: accents, case, punctuation, spacing and word order
    ignored ("José  PÉREZ" ≡ "Perez, Jose")."""
    if name.isascii():  # nothing to decompose, no combining marks to drop
        return " ".join(sorted(_WORD.findall(name.casefold())))
    decomposed = unicodedata.normalize("NFKD", name)
    letters = decomposed.translate(_UNCOMBINED).casefold()
    return " ".join(sorted(_WORD.findall(letters)))
