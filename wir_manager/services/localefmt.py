"""Dates, numbers and place/language names in the user's locale — for every output.

Screens, PDFs, spreadsheets and the CLI all format through here, so a date reads the
same in the Placements screen as in the placement report it prints. The core has no Qt,
so this uses Babel's CLDR data rather than ``QLocale``. The locale follows the language chosen with
:func:`wir_manager.i18n.set_language`: the system locale when it speaks that language
(``sv_FI`` keeps its conventions), otherwise the language's main locale. The Qt side
may call the name helpers too (they return plain strings).
"""

from __future__ import annotations

import datetime as dt
import locale as pylocale
import os

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from wir_manager import i18n

DEFAULT_LOCALES: dict[str, str] = {"en": "en_GB", "sv": "sv_SE"}


def _system_locale_name() -> str | None:
    """The locale the user chose for the system, or None. The C locale (``C.UTF-8`` in
    containers and minimal installs) is no choice of conventions, so the language's main
    locale applies; Python's ``getlocale()`` would report it as en_US."""
    for var in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(var)
        if not value:
            continue
        if value in ("C", "POSIX") or value.startswith("C."):
            return None
        return value.split(".")[0].split("@")[0]
    try:
        return pylocale.getlocale()[0]
    except ValueError:
        return None


def current_locale() -> Locale:
    """The Babel locale for formatting in the language now in use."""
    language = i18n.current_language()
    system = _system_locale_name()
    if system and system.split("_")[0].lower() == language:
        try:
            return Locale.parse(system)
        except (UnknownLocaleError, ValueError):
            pass
    return Locale.parse(DEFAULT_LOCALES.get(language, language))


def format_date(value: dt.date | None, length: str = "medium", locale: Locale | None = None) -> str:
    """``length`` is short/medium/long/full (CLDR): "25 nov. 2026" in Swedish, medium."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return babel_dates.format_date(value, format=length, locale=locale or current_locale())


def format_datetime(value: dt.datetime | None, locale: Locale | None = None) -> str:
    """The date as every date column shows it (:func:`format_date`'s medium: "4 Dec
    2026"), then the time ("4 Dec 2026, 04:53"; "4 dec. 2026 04:53").

    CLDR's short datetime is all digits in most locales (en_GB "04/12/2026, 04:53"), so
    a table showed "20 Mar 2024" beside "18/03/2024, 09:00", and a reader used to
    month-first dates read 4 December as 12 April. Naive values are UTC and shown in
    the local time zone, as Babel does.
    """
    if value is None:
        return ""
    loc = locale or current_locale()
    pattern = str(loc.datetime_formats["medium"]).format(
        loc.time_formats["short"].pattern, loc.date_formats["medium"].pattern
    )
    return babel_dates.format_datetime(value, format=pattern, locale=loc)


def format_number(value: float | int, decimals: int = 0, locale: Locale | None = None) -> str:
    """Grouped digits and the locale's decimal sign: 1 234,5 (sv), 1,234.5 (en)."""
    loc = locale or current_locale()
    if decimals == 0 and float(value).is_integer():
        return babel_numbers.format_decimal(int(value), locale=loc)
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    return babel_numbers.format_decimal(value, format=pattern, locale=loc)


def format_percent(fraction: float, decimals: int = 0, locale: Locale | None = None) -> str:
    """0.875 -> "88 %" (sv) / "88%" (en)."""
    pattern = None
    if decimals:
        pattern = "#,##0." + "0" * decimals + "%"
    return babel_numbers.format_percent(fraction, format=pattern, locale=locale or current_locale())


# ------------------------------------------------------------------ names in the user's language


def country_name(code: str, locale: Locale | None = None) -> str:
    """ "UA" → "Ukraina" in Swedish, "Ukraine" in English (CLDR); the code when unknown."""
    from wir_manager.domain.codes import country_name as english_country_name

    name = (locale or current_locale()).territories.get(code.upper())
    return name or english_country_name(code)


def region_name(m49: str, locale: Locale | None = None) -> str:
    """UN M49 region or sub-region: "014" → "Östafrika" / "Eastern Africa"."""
    from wir_manager.domain.codes import m49_name

    loc = locale or current_locale()
    return loc.territories.get(m49) or m49_name(m49, loc.language)
