"""Forgiving value parsers: what people really write in a sheet → a clean value and how
it was read.

Staff sheets and form exports say "Arabic (native), English (C1)", "ar-C1", "Spanish -
native", "français C1", "Svenska modersmål", "UK", "Ivory Coast", "beginner",
"15/01/2027" or "Ja". Each parser accepts those forms and returns ``(value, reading)``:
``reading`` is the interpretation in words ("Arabic native, English C1") when it is not
simply the raw text, so the preview can show "ar-C1 → Arabic C1" and a person can catch a
wrong reading. Nothing is guessed silently: a value that could mean two things (a date
column whose every value fits both day-first and month-first) is reported, never picked.

Parsers raise :class:`~wir_manager.services.spreadsheets.cells.CellProblem` with one
sentence saying what is wrong and how to write it. Results for text are cached: a sheet
repeats the same countries, levels and yes/no words thousands of times.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, TypeVar

from wir_manager.domain import codes
from wir_manager.domain.enums import LanguageLevel, Platform, SkillLevel
from wir_manager.i18n import _, current_language
from wir_manager.services.spreadsheets.cells import CellProblem, is_blank, text

Reading = tuple[Any, str | None]
_Fn = TypeVar("_Fn", bound=Callable[..., Any])


def _cached_per_language(maxsize: int) -> Callable[[_Fn], _Fn]:
    """``functools.lru_cache`` keyed by the user's language too: a reading ("Arabic C1",
    "arabiska C1") is in the language of the screen, which can change between files."""

    def wrap(fn: _Fn) -> _Fn:
        @functools.lru_cache(maxsize=maxsize)
        def cached(_language: str, *args: Any) -> Any:
            return fn(*args)

        @functools.wraps(fn)
        def run(*args: Any) -> Any:
            return cached(current_language(), *args)

        return run  # type: ignore[return-value]

    return wrap


def fold(value: str) -> str:
    """Case, accents and punctuation ignored: "México" ≡ "mexico", "Côte d’Ivoire" ≡
    "cote divoire"."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


# --------------------------------------------------------------------------- yes / no
_YES = {
    "yes", "y", "true", "1", "x", "✓", "✔", "☑", "ja", "j", "sant", "oui", "si", "sí",
    "iagree", "agree", "agreed", "iconsent", "consent", "consented", "yesiagree",
    "yesiconsent", "jagsamtycker", "samtycker", "jasamtycker", "jaglamnarsamtycke",
    "godkanner", "jaggodkanner", "accepted", "accept", "jajagsamtycker", "jajaggodkanner",
}  # fmt: skip
_NO = {
    "no", "n", "false", "0", "nej", "falskt", "non", "nein", "idonotagree", "idontagree",
    "disagree", "donotconsent", "dontconsent", "idonotconsent", "noidonotconsent",
    "jagsamtyckerinte", "samtyckerinte", "nejtack", "notack", "declined", "-",
    "nejjagsamtyckerinte", "nejjaggodkannerinte", "jaggodkannerinte",
}  # fmt: skip


def yes_no_word(value: object) -> bool | None:
    """True / False for a yes or no word in English or Swedish (and booleans), None for
    anything else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    raw = text(value)
    if raw is None:
        return None
    key = fold(raw) or raw.strip()
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def _yes_no_reading(value: object, answer: bool) -> str | None:
    raw = text(value)
    shown = _("yes") if answer else _("no")
    if raw is None or fold(raw) in {"yes", "no", fold(shown)}:
        return None  # "Ja" needs no "→ ja"
    return shown


def yes_no(value: object) -> Reading:
    """Consent columns: yes / no in English or Swedish; blank means no."""
    if is_blank(value):
        return False, None
    answer = yes_no_word(value)
    if answer is None:
        raise CellProblem(
            _("“{value}” is not yes or no (write yes/ja or no/nej).").format(value=text(value))
        )
    return answer, _yes_no_reading(value, answer)


def yes_no_blank(value: object) -> Reading:
    """yes / no, or blank for "not recorded" (willing to relocate)."""
    if is_blank(value):
        return None, None
    answer = yes_no_word(value)
    if answer is None:
        raise CellProblem(
            _("“{value}” is not yes or no (leave the cell empty when it is not known).").format(
                value=text(value)
            )
        )
    return answer, _yes_no_reading(value, answer)


# --------------------------------------------------------------------------- countries
#: Short forms and older names people write that CLDR's names do not cover.
COUNTRY_ALIASES: dict[str, str] = {
    "uk": "GB", "greatbritain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northernireland": "GB", "storbritannien": "GB", "england uk": "GB",
    "usa": "US", "us": "US", "unitedstatesofamerica": "US", "america": "US",
    "russia": "RU", "russianfederation": "RU", "ryssland": "RU",
    "turkey": "TR", "turkiye": "TR", "turkiet": "TR",
    "ivorycoast": "CI", "cotedivoire": "CI", "elfenbenskusten": "CI",
    "drc": "CD", "drcongo": "CD", "democraticrepublicofthecongo": "CD",
    "democraticrepublicofcongo": "CD", "congokinshasa": "CD", "kongokinshasa": "CD",
    "republicofthecongo": "CG", "congobrazzaville": "CG",
    "palestine": "PS", "stateofpalestine": "PS", "palestina": "PS",
    "mexico": "MX", "uae": "AE", "southkorea": "KR", "northkorea": "KP",
    "iran": "IR", "syria": "SY", "laos": "LA", "vietnam": "VN", "bolivia": "BO",
    "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "czechrepublic": "CZ",
    "macedonia": "MK", "swaziland": "SZ", "burma": "MM", "capeverde": "CV",
    "easttimor": "TL", "vatican": "VA", "holland": "NL", "taiwan": "TW",
}  # fmt: skip
COUNTRY_ALIASES = {fold(k): v for k, v in COUNTRY_ALIASES.items()}
#: Languages whose CLDR country names are accepted (the app's, the UN's, and a few more
#: spoken by the programme's candidates).
NAME_LOCALES = ("en", "sv", "fr", "es", "de", "pt", "ar", "ru", "zh", "hi", "sw", "it", "nl")


@functools.cache
def _country_table() -> dict[str, str]:
    from babel import Locale

    table: dict[str, str] = {}
    for locale in NAME_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and code not in {"ZZ", "EU", "EZ", "UN", "QO"}:
                table.setdefault(fold(name), code)
    table.update(COUNTRY_ALIASES)
    return table


#: Names that mean more than one country: asked about, never picked.
AMBIGUOUS_COUNTRIES: dict[str, tuple[str, ...]] = {
    "congo": ("CG", "CD"),
    "kongo": ("CG", "CD"),
    "korea": ("KR", "KP"),
}


def display_country(code: str) -> str:
    """The country's CLDR name in the user's language ("Côte d’Ivoire", "Elfenbenskusten")."""
    from babel import Locale

    from wir_manager.i18n import current_language

    return Locale.parse(current_language()).territories.get(code) or codes.country_name(code)


@_cached_per_language(maxsize=2048)
def country_text(raw: str) -> Reading:
    key = fold(raw)
    if key in AMBIGUOUS_COUNTRIES:
        options = ", ".join(f"{display_country(c)} ({c})" for c in AMBIGUOUS_COUNTRIES[key])
        raise CellProblem(
            _("“{value}” could mean {options}; write the ISO code.").format(
                value=raw, options=options
            )
        )
    code = None
    if len(raw.strip()) in (2, 3) and raw.strip().isalpha() and raw.strip().isupper():
        try:
            code = codes.normalize_country(raw)
        except codes.CodeError:
            code = None
    if code is None:
        code = _country_table().get(key)
    if code is None:
        try:
            code = codes.normalize_country(raw)
        except codes.CodeError:
            raise CellProblem(
                _(
                    "“{value}” is not a country we know (write its name or ISO code, like SE)."
                ).format(value=raw)
            ) from None
    name = display_country(code)
    return code, None if fold(name) == key or raw.strip() == code else f"{name} ({code})"


def country(value: object) -> Reading:
    raw = text(value)
    if raw is None:
        return None, None
    return country_text(raw)


# --------------------------------------------------------------------------- languages
_LEVEL_WORDS: dict[str, int] = {
    **{lvl.name.casefold(): int(lvl) for lvl in LanguageLevel if lvl is not LanguageLevel.NATIVE},
    "native": 7, "nativespeaker": 7, "mothertongue": 7, "firstlanguage": 7, "l1": 7,
    "modersmal": 7, "modersmaal": 7, "forstasprak": 7, "langagematernelle": 7,
    "languematernelle": 7, "nativo": 7, "lenguamaterna": 7, "muttersprache": 7,
}  # fmt: skip
_LEVEL_RE = (
    r"(?:[abc][12]|native(?:\s+speaker)?|mother[\s-]?tongue|first\s+language|l1|modersmål|"
    r"modersmal|förstaspråk|langue\s+maternelle|nativo|lengua\s+materna|muttersprache)"
)
_LEVEL_AFTER = re.compile(
    rf"^(?P<name>.+?)\s*(?:\(\s*(?P<p>{_LEVEL_RE})\s*\)|[-–—:=]\s*(?P<s>{_LEVEL_RE})"
    rf"|\s+(?P<w>{_LEVEL_RE}))\s*(?:level|nivå)?\.?$",
    re.IGNORECASE,
)
_LEVEL_BEFORE = re.compile(rf"^(?P<lvl>{_LEVEL_RE})\s*[-–—:=]?\s+(?P<name>.+)$", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"[;\n]+|,(?![^(]*\))|/(?![^(]*\))|\s+\+\s+|\s+&\s+")


def level_word(raw: str) -> int | None:
    return _LEVEL_WORDS.get(fold(raw))


@functools.lru_cache(maxsize=4096)
def language_name_to_code(name: str) -> str:
    """A language by ISO code ("ar", "pt-BR"), or by name in English, Swedish or its own
    language ("Arabic", "arabiska", "العربية", "français") through CLDR data."""
    import langcodes

    raw = name.strip().strip(".")
    if not raw:
        raise CellProblem(_("a level is given but no language."))
    if len(raw) <= 3 or ("-" in raw and len(raw) <= 8):
        try:
            return codes.normalize_language(raw)
        except codes.CodeError:
            pass
    try:
        found = str(langcodes.find(raw))
        return codes.normalize_language(found)
    except (LookupError, codes.CodeError, ValueError):
        raise CellProblem(
            _("“{value}” is not a language we know (write its name or ISO code, like ar).").format(
                value=raw
            )
        ) from None


@functools.lru_cache(maxsize=4096)  # (code, level): no words, so any language's cache
def _one_language(item: str) -> tuple[str, int]:
    match = _LEVEL_AFTER.match(item)
    if match:
        name, level = match.group("name"), match.group("p") or match.group("s") or match.group("w")
    else:
        match = _LEVEL_BEFORE.match(item)
        if not match:
            _level_problem(item)
            raise CellProblem(
                _(
                    "“{item}” needs a language and a level, like “Arabic C1”, “ar-C1” or "
                    "“Spanish (native)” (levels A1–C2 or native)."
                ).format(item=item)
            )
        name, level = match.group("name"), match.group("lvl")
    value = level_word(level)
    assert value is not None
    return language_name_to_code(name.strip(" -–—:=()")), value


_ANY_PAIR = re.compile(r"^(?P<name>.+?)\s*(?:[:=(]|\s[-–—]\s|-)\s*(?P<lvl>[^\s():=]+)\)?$")


def _level_problem(item: str) -> None:
    """A language followed by something that is not a level: say so about the level."""
    pair = _ANY_PAIR.match(item) or re.match(r"^(?P<name>.+)\s+(?P<lvl>\S+)$", item)
    if not pair:
        return
    try:
        language_name_to_code(pair.group("name").strip())
    except CellProblem:
        return
    raise CellProblem(
        _("level “{value}” is out of range (use A1, A2, B1, B2, C1, C2 or native).").format(
            value=pair.group("lvl")
        )
    )


def level_label(level: int) -> str:
    """ "C1", or "native" in the user's language ("modersmål")."""
    return _("native") if level == LanguageLevel.NATIVE else LanguageLevel(level).name


def _language_items(raw: str) -> list[str]:
    """``_ITEM_SPLIT.split(raw)``, without the expression where it would split at commas
    alone: a comma splits unless a ")" follows it before any "(" (it is inside
    parentheses), and that is checked per comma. The expression tries its lookaheads
    at every position, and a staff sheet holds thousands of different lists."""
    if ";" in raw or "\n" in raw or "/" in raw or "+" in raw or "&" in raw:
        return _ITEM_SPLIT.split(raw)  # more separators than commas
    at = raw.find(",")
    while at >= 0:
        close = raw.find(")", at)
        if close >= 0:
            opening = raw.find("(", at, close)
            if opening < 0:
                return _ITEM_SPLIT.split(raw)  # a comma inside parentheses
        at = raw.find(",", at + 1)
    return raw.split(",")


@_cached_per_language(maxsize=4096)
def languages_text(raw: str) -> Reading:
    found: dict[str, int] = {}
    for item in _language_items(raw):
        item = item.strip()
        if not item:
            continue
        code, level = _one_language(item)
        if level >= found.get(code, 0):
            found[code] = level
    words = _WORDS.setdefault(current_language(), {})
    parts = []
    for pair in found.items():
        part = words.get(pair)
        if part is None:
            part = words[pair] = _language_words(*pair)
        parts.append(part)
    return found, ", ".join(parts)


#: Language of the screen → (code, level) → its words in a reading: a staff sheet's
#: combinations are many, its languages and levels few (a plain dict: looked up for
#: every language of every distinct list, where a cached function costs two calls).
_WORDS: dict[str, dict[tuple[str, int], str]] = {}


def _language_words(code: str, level: int) -> str:
    """ "Arabic native", "arabiska C1": one language of a reading."""
    return f"{codes.language_name(code)} {level_label(level)}"


def languages(value: object) -> Reading:
    """ "Arabic (native), English (C1)", "ar-C1; fr:B2" → {"ar": 7, "en": 5}; repeats keep
    the highest level."""
    raw = text(value)
    if raw is None:
        return {}, None
    return languages_text(raw)


def language_only(value: object) -> Reading:
    """A language column of a (language, level) pair: the language alone."""
    raw = text(value)
    if raw is None:
        return None, None
    code = language_name_to_code(raw)
    return code, None if raw.strip() == code else f"{codes.language_name(code)}"


def language_level(value: object) -> Reading:
    raw = text(value)
    if raw is None:
        return None, None
    level = level_word(raw)
    if level is None:
        raise CellProblem(
            _("level “{value}” is not a level (use A1, A2, B1, B2, C1, C2 or native).").format(
                value=raw
            )
        )
    label = level_label(level)
    return level, None if fold(label) == fold(raw) else label


# --------------------------------------------------------------------------- skills
_SKILL_WORDS: dict[str, int] = {
    "none": 0, "no": 0, "never": 0, "nothing": 0, "noexperience": 0, "ingen": 0, "inga": 0,
    "ingenerfarenhet": 0, "aldrig": 0,
    "beginner": 1, "basic": 1, "novice": 1, "some": 1, "little": 1, "elementary": 1,
    "nyborjare": 1, "grundlaggande": 1, "grund": 1, "lite": 1, "viss": 1,
    "intermediate": 2, "medium": 2, "moderate": 2, "good": 2, "medel": 2, "mellan": 2,
    "mellanniva": 2, "god": 2, "bra": 2,
    "advanced": 3, "expert": 3, "proficient": 3, "experienced": 3, "veryexperienced": 3,
    "avancerad": 3, "erfaren": 3, "mycketerfaren": 3, "van": 3,
}  # fmt: skip
_SKILL_PREFIX = re.compile(r"^\s*([0-3])\s*(?:[-–—:=(]|$)")


@_cached_per_language(maxsize=1024)
def skill_text(raw: str, what: str) -> Reading:
    key = fold(raw)
    level = _SKILL_WORDS.get(key)
    if level is None:
        prefix = _SKILL_PREFIX.match(raw)
        if prefix:
            level = int(prefix.group(1))
    if level is None:
        try:
            number = float(raw.replace(",", "."))
        except ValueError:
            number = -1.0
        if number.is_integer() and 0 <= number <= 3:
            level = int(number)
    if level is None:
        raise CellProblem(
            _(
                "“{value}” is not a skill level for {what} (use 0–3 or none, basic, "
                "intermediate, advanced)."
            ).format(value=raw, what=what)
        )
    label = _(SkillLevel(level).label)  # "Advanced", "Avancerad"
    unchanged = {fold(label), fold(SkillLevel(level).label), str(level)}
    return level, None if key in unchanged else f"{label} ({level})"


def skill(value: object, what: str) -> Reading:
    if is_blank(value):
        return None, None
    if isinstance(value, bool):
        raise CellProblem(_("“{value}” is not a skill level.").format(value=value))
    if isinstance(value, int | float):
        if float(value).is_integer() and 0 <= value <= 3:
            return int(value), None
        raise CellProblem(
            _("{value} is out of range for {what} (use 0 to 3).").format(value=value, what=what)
        )
    return skill_text(text(value) or "", what)


@_cached_per_language(maxsize=1024)
def skills_text(raw: str) -> Reading:
    """ "Wikidata: advanced; Commons 2" → {"wikidata": 3, "commons": 2}."""
    found: dict[str, int] = {}
    for item in re.split(r"[;,\n]+", raw):
        item = item.strip()
        if not item:
            continue
        match = re.match(r"^(?P<name>.+?)\s*(?:[:=(-]\s*|\s+)(?P<lvl>[^:=(]+?)\)?$", item)
        if not match:
            raise CellProblem(
                _("“{item}” needs a platform and a level, like “Wikidata: advanced”.").format(
                    item=item
                )
            )
        try:
            platform = Platform.parse(match.group("name")).value
        except ValueError:
            raise CellProblem(
                _("“{value}” is not a Wikimedia platform.").format(value=match.group("name"))
            ) from None
        level, _r = skill_text(match.group("lvl"), Platform(platform).label)
        found[platform] = level
    reading = ", ".join(
        f"{Platform(p).label} {_(SkillLevel(lv).label).lower()}" for p, lv in found.items()
    )
    return found, reading


def skills(value: object) -> Reading:
    raw = text(value)
    if raw is None:
        return {}, None
    return skills_text(raw)


# --------------------------------------------------------------------------- dates
class DateOrder(StrEnum):
    DMY = "dmy"
    MDY = "mdy"
    YMD = "ymd"

    @property
    def label(self) -> str:
        return {
            DateOrder.DMY: _("day/month/year"),
            DateOrder.MDY: _("month/day/year"),
            DateOrder.YMD: _("year-month-day"),
        }[self]


_NUMERIC_DATE = re.compile(
    r"^\s*(\d{1,4})\s*[./\-]\s*(\d{1,2})\s*[./\-]\s*(\d{1,4})"
    r"(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?\s*([AaPp][Mm])?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|[A-Z]{3,4})?\s*$"
)
_WORD_DATE_TIME = re.compile(r"[, ]+(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*([AaPp][Mm])?\s*$")
EXCEL_EPOCH = dt.date(1899, 12, 30)
#: Serial numbers read as dates: 1950-01-01 … 2099-12-31 (a year like 2027 is not one).
SERIAL_RANGE = (18264, 73050)


@functools.cache
def _month_table() -> dict[str, int]:
    from babel.dates import get_month_names

    table: dict[str, int] = {}
    for locale in ("en", "sv", "fr", "es", "de"):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=locale).items():
                    table.setdefault(fold(name), number)
    table.update({"sept": 9, "mars": 3, "maj": 5})
    return table


@functools.cache
def _weekday_words() -> frozenset[str]:
    from babel.dates import get_day_names

    words: set[str] = set()
    for locale in ("en", "sv", "fr", "es", "de"):
        for width in ("wide", "abbreviated"):
            words.update(fold(n) for n in get_day_names(width, locale=locale).values())
    return frozenset(words)


def numeric_parts(raw: str) -> tuple[int, int, int] | None:
    match = _NUMERIC_DATE.match(raw)
    if not match:
        return None
    a, b, c = (int(match.group(i)) for i in (1, 2, 3))
    return a, b, c


def orders_for(raw: str) -> set[DateOrder]:
    """Which orders could read ``raw`` (empty: not a numeric date; YMD alone for ISO)."""
    parts = numeric_parts(raw)
    if parts is None:
        return set()
    a, b, c = parts
    if len(_NUMERIC_DATE.match(raw).group(1)) == 4:  # type: ignore[union-attr]
        return {DateOrder.YMD} if 1 <= b <= 12 and 1 <= c <= 31 else set()
    found = set()
    if 1 <= a <= 31 and 1 <= b <= 12:
        found.add(DateOrder.DMY)
    if 1 <= a <= 12 and 1 <= b <= 31:
        found.add(DateOrder.MDY)
    return found


def detect_order(values: Iterable[object]) -> tuple[DateOrder | None, bool]:
    """The day/month order of one column, from every value in it.

    Returns ``(order, ambiguous)``: ISO-only or word dates need no order (``None``,
    False); a column where some value has a day above 12 is decided; a column where
    every d/m/y value fits both orders is ambiguous (``None``, True) and the user is
    asked once, for the whole file.
    """
    could_dmy = could_mdy = True
    seen = False
    # Each distinct text once: a column of 10,000 dates holds a few hundred days.
    for value in {v for v in values if isinstance(v, str)}:
        orders = orders_for(value)
        if not orders or orders == {DateOrder.YMD}:
            continue
        seen = True
        could_dmy &= DateOrder.DMY in orders
        could_mdy &= DateOrder.MDY in orders
    if not seen:
        return None, False
    if could_dmy and not could_mdy:
        return DateOrder.DMY, False
    if could_mdy and not could_dmy:
        return DateOrder.MDY, False
    return None, could_dmy and could_mdy


def _make(year: int, month: int, day: int, raw: str) -> dt.date:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellProblem(_("“{value}” is not a real date.").format(value=raw)) from None


def _word_date(raw: str) -> dt.date | None:
    """ "15 januari 2027", "January 15, 2027", "mån 15 jan. 2027, 14:32", "15-Jan-2027"."""
    cleaned = _WORD_DATE_TIME.sub("", raw)
    tokens = [t for t in re.split(r"[\s,./\-]+", cleaned) if t]
    months = _month_table()
    weekdays = _weekday_words()
    day = month = year = None
    for token in tokens:
        key = fold(token)
        if token.isdigit():
            number = int(token)
            if len(token) == 4:
                year = number
            elif day is None and 1 <= number <= 31:
                day = number
            elif year is None:
                year = number
            else:
                return None
        elif key in months and month is None:
            month = months[key]
        elif key in weekdays or key in {"den", "the", "of", "de", "kl"}:
            continue
        elif re.fullmatch(r"\d{1,2}(st|nd|rd|th|e|a)", key):
            day = int(re.match(r"\d+", key).group())  # type: ignore[union-attr]
        else:
            return None
    if day is None or month is None or year is None:
        return None
    return _make(year, month, day, raw)


def date_text(raw: str, order: DateOrder | None) -> Reading:
    """One date cell's text in the column's ``order``; ISO and month names need none."""
    parts = numeric_parts(raw)
    if parts is not None:
        a, b, c = parts
        first = _NUMERIC_DATE.match(raw).group(1)  # type: ignore[union-attr]
        if len(first) == 4:
            value = _make(a, b, c, raw)
            return value, None if raw.strip()[:10] == value.isoformat() else value.isoformat()
        possible = orders_for(raw)
        chosen = order if order in possible else None
        if chosen is None and len(possible) == 1:
            chosen = next(iter(possible))
        if chosen is None:
            if not possible:
                raise CellProblem(_("“{value}” is not a real date.").format(value=raw))
            raise CellProblem(
                _(
                    "“{value}” could be day/month or month/day; choose the file's date order "
                    "(or write YYYY-MM-DD)."
                ).format(value=raw)
            )
        if order is not None and chosen is not order:
            raise CellProblem(
                _("“{value}” does not fit the column's date order ({order}).").format(
                    value=raw, order=order.label
                )
            )
        day, month = (a, b) if chosen is DateOrder.DMY else (b, a)
        value = _make(c, month, day, raw)
        return value, value.isoformat()
    value = _word_date(raw)
    if value is None:
        raise CellProblem(
            _("“{value}” is not a date (write it like 2027-01-15 or 15/01/2027).").format(value=raw)
        )
    return value, value.isoformat()


def date(value: object, order: DateOrder | None = None) -> Reading:
    """A date from a date cell, an Excel serial number, ISO text, d/m/y or m/d/y text in
    the column's order, or words ("15 januari 2027")."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, bool):
        raise CellProblem(_("“{value}” is not a date.").format(value=value))
    if isinstance(value, int | float):
        if SERIAL_RANGE[0] <= value <= SERIAL_RANGE[1]:
            day = EXCEL_EPOCH + dt.timedelta(days=int(value))
            return day, day.isoformat()
        raise CellProblem(
            _("{value} is not a date (write it like 2027-01-15).").format(value=text(value))
        )
    raw = text(value)
    if raw is None:
        return None, None
    if raw.isdigit() and len(raw) == 5:
        return date(int(raw), order)
    return _date_text_cached(raw, order)


@functools.lru_cache(maxsize=8192)
def _date_text_cached(raw: str, order: DateOrder | None) -> Reading:
    return date_text(raw, order)


def timestamp(value: object, order: DateOrder | None = None) -> Reading:
    """A form's timestamp ("2027-01-15 10:32:07", "15/01/2027 10:32:07"): its date."""
    return date(value, order)


# --------------------------------------------------------------------------- topics
#: Swedish (and a few more English) names of the topic areas.
TOPIC_WORDS: dict[str, str] = {
    "jamstalldhet": "gender", "kon": "gender", "genus": "gender", "women": "gender",
    "klimat": "climate_biodiversity", "klimatforandringar": "climate_biodiversity",
    "biologiskmangfald": "climate_biodiversity", "miljo": "climate_biodiversity",
    "environment": "climate_biodiversity",
    "halsa": "health", "folkhalsa": "health", "medicine": "health",
    "utbildning": "education", "skola": "education",
    "kulturarv": "cultural_heritage", "kultur": "cultural_heritage", "culture": "cultural_heritage",
    "manskligarattigheter": "human_rights", "rights": "human_rights",
    "hallbarutveckling": "sdg", "globalamalen": "sdg", "agenda2030": "sdg",
    "vetenskap": "science", "forskning": "science", "research": "science",
    "oppentillgang": "open_access", "oppenkunskap": "open_access", "openknowledge": "open_access",
    "opendata": "open_access", "oppnadata": "open_access",
}  # fmt: skip


@_cached_per_language(maxsize=1024)
def topics_text(raw: str) -> Reading:
    from wir_manager.domain.enums import Topic

    found: dict[str, None] = {}
    for item in re.split(r"[;,\n/]+", raw):
        item = item.strip()
        if not item:
            continue
        try:
            found[Topic.parse(item).value] = None
        except ValueError:
            key = TOPIC_WORDS.get(fold(item))
            if key is None:
                names = ", ".join(t.label for t in Topic)
                raise CellProblem(
                    _("“{value}” is not a topic area (use one of: {names}).").format(
                        value=item, names=names
                    )
                ) from None
            found[key] = None
    labels = ", ".join(_(Topic(t).label) for t in found)
    return tuple(found), None if fold(labels) == fold(raw) else labels


def topics(value: object) -> Reading:
    raw = text(value)
    if raw is None:
        return (), None
    return topics_text(raw)
