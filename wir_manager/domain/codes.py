"""ISO 639 languages, ISO 3166 countries and UN M49 regions, from maintained data.

Languages are validated with ``langcodes`` (BCP 47, so "pt-BR" works), countries
with ``pycountry``, and the country → region mapping is read from the CLDR
``territoryContainment`` table shipped by ``language_data`` (UN M49 based).
Nothing here is a hand-typed list, except the short UN-official-language tuple
the domain singles out.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

# langcodes, pycountry and the CLDR XML reader are imported where they are used:
# together they take ~55 ms to import, and the desktop app's first screen needs none of
# them before its data arrives.

UN_OFFICIAL_LANGUAGES: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")

#: UN M49 top-level regions (continents) by code.
M49_REGIONS: tuple[str, ...] = ("002", "019", "142", "150", "009")


class CodeError(ValueError):
    """A language or country code that no standard knows."""


@functools.lru_cache(maxsize=4096)  # pure; an import asks for the same few codes often
def normalize_language(code: str) -> str:
    """Return the canonical BCP 47 tag for ``code`` or raise :class:`CodeError`.

    Three-letter codes with a two-letter equivalent are shortened ("ara" → "ar") so the
    same language is never stored twice under two spellings.
    """
    import langcodes
    import pycountry

    raw = code.strip().replace("_", "-")
    if not raw:
        raise CodeError("empty language code")
    try:
        tag = langcodes.standardize_tag(raw, macro=True)
    except (ValueError, langcodes.tag_parser.LanguageTagError) as exc:
        raise CodeError(f"{code!r} is not a language code") from exc
    lang = langcodes.Language.get(tag)
    base = lang.language or ""
    if len(base) == 2:
        known = pycountry.languages.get(alpha_2=base) is not None
    else:
        known = pycountry.languages.get(alpha_3=base) is not None
    if not known:
        raise CodeError(f"{code!r} is not an ISO 639 language code")
    return tag


def _ui_language() -> str:
    """The language the user reads (set by ``wir_manager.i18n``): names follow it."""
    from wir_manager.i18n import current_language

    return current_language()


def language_name(code: str, locale: str | None = None, *, in_sentence: bool = False) -> str:
    """Human name of a language in ``locale`` or else the user's language.

    Standing alone — a list item, a table cell, a picker entry — it starts with a capital
    ("Arabic", "Arabiska"). ``in_sentence`` keeps the language's own case for running
    text, because Swedish writes language names in lower case there ("… kräver
    arabiska C1"), while English keeps "Arabic"."""
    name = _language_name(code, locale or _ui_language())
    return name if in_sentence else name[:1].upper() + name[1:]


@functools.lru_cache(maxsize=4096)
def _language_name(code: str, locale: str) -> str:
    import langcodes
    import pycountry

    try:
        return langcodes.Language.get(code).display_name(locale) or code
    except Exception:
        found = pycountry.languages.get(alpha_2=code) or pycountry.languages.get(alpha_3=code)
        return found.name if found else code


@functools.lru_cache(maxsize=1)
def all_languages() -> list[tuple[str, str]]:
    """(code, English name) for every ISO 639-1 language, for pickers with completion."""
    import pycountry

    out = [
        (lang.alpha_2, lang.name) for lang in pycountry.languages if getattr(lang, "alpha_2", None)
    ]
    return sorted(out, key=lambda item: item[1])


@functools.lru_cache(maxsize=1024)  # pure; an import asks for the same few codes often
def normalize_country(code: str) -> str:
    """ISO 3166-1 alpha-2 code from alpha-2, alpha-3 or an English name."""
    import pycountry

    raw = code.strip()
    if not raw:
        raise CodeError("empty country code")
    found = None
    if len(raw) == 2:
        found = pycountry.countries.get(alpha_2=raw.upper())
    elif len(raw) == 3:
        found = pycountry.countries.get(alpha_3=raw.upper())
    if found is None:
        try:
            found = pycountry.countries.lookup(raw)
        except LookupError:
            found = None
    if found is None:
        raise CodeError(f"{code!r} is not an ISO 3166 country")
    return found.alpha_2


def country_name(code: str, locale: str | None = None) -> str:
    """Name of an ISO 3166 country in ``locale`` or the user's language (CLDR via Babel),
    falling back to pycountry's English name."""
    return _country_name(code, locale or _ui_language())


@functools.lru_cache(maxsize=2048)
def _country_name(code: str, locale: str) -> str:
    import pycountry

    if locale != "en":
        localised = _territory_names(locale).get(code)
        if localised:
            return localised
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return code
    return getattr(found, "common_name", None) or found.name


def all_countries(locale: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of every country, sorted by name in the user's language."""
    return _all_countries(locale or _ui_language())


@functools.lru_cache(maxsize=4)
def _all_countries(locale: str) -> list[tuple[str, str]]:
    import pycountry

    return sorted(
        ((c.alpha_2, country_name(c.alpha_2, locale)) for c in pycountry.countries),
        key=lambda item: item[1],
    )


@dataclass(frozen=True, slots=True)
class Region:
    """A country's place in UN M49: the continent-level region and the sub-region."""

    region_code: str
    region: str
    subregion_code: str
    subregion: str


@functools.lru_cache(maxsize=1)
def _containment() -> dict[str, str]:
    """child → parent over CLDR's non-grouping, non-deprecated M49 containment."""
    import xml.etree.ElementTree as ET
    from importlib import resources

    xml = resources.files("language_data") / "data" / "supplementalData.xml"
    root = ET.fromstring(xml.read_bytes())
    parent: dict[str, str] = {}
    for group in root.iter("group"):
        if group.get("status") in {"grouping", "deprecated"}:
            continue
        for child in (group.get("contains") or "").split():
            parent.setdefault(child, group.get("type", ""))
    return parent


@functools.lru_cache(maxsize=16)
def _territory_names(locale: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse(locale).territories)


def m49_name(code: str, locale: str | None = None) -> str:
    """Name of a UN M49 region in ``locale`` or the user's language."""
    return _territory_names(locale or _ui_language()).get(code, code)


@functools.lru_cache(maxsize=512)
def region_of(country: str) -> Region | None:
    """UN M49 region and sub-region of an ISO alpha-2 country, or None where M49 has none."""
    parent = _containment()
    chain: list[str] = []
    node = country.upper()
    while node in parent and parent[node] != "001":
        node = parent[node]
        chain.append(node)
    if not chain or chain[-1] not in M49_REGIONS:
        return None
    top, sub = chain[-1], chain[0]
    # Cached, so names are English here; screens translate with m49_name(code).
    return Region(top, m49_name(top, "en"), sub, m49_name(sub, "en"))


def region_columns(country: str | None) -> dict[str, str | None]:
    """The stored ``region`` and ``subregion`` of a candidate living in ``country``.

    The one place the region follows from the country: the editor's save, the importer
    and the demo all write these two columns from it, so they can never disagree.
    """
    region = region_of(country) if country else None
    return {
        "region": region.region_code if region else None,
        "subregion": region.subregion_code if region else None,
    }


def region_names(locale: str | None = None) -> list[tuple[str, str]]:
    """(M49 code, name) of the five UN regions, for pickers and priority-region lists."""
    return [(code, m49_name(code, locale)) for code in M49_REGIONS]


def parse_region(text: str) -> str:
    """M49 code of a region given by code or English name ("Africa" → "002")."""
    raw = text.strip()
    names = {name.lower(): code for code, name in [*region_names("en"), *region_names()]}
    if raw in M49_REGIONS:
        return raw
    if raw.lower() in names:
        return names[raw.lower()]
    raise CodeError(f"{text!r} is not a UN region (Africa, Americas, Asia, Europe, Oceania)")
