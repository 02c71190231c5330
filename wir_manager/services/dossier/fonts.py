"""The fonts a dossier embeds, and which of them can draw a given character.

reportlab has no font fallback of its own: a paragraph set in DejaVu Sans shows boxes
for Arabic, Devanagari or Chinese letters. We register one regular and one bold face
per script family from ``resources/fonts/`` (DejaVu and Noto, OFL/free licences there)
and pick, character by character, the first family whose cmap has the character.
Registration happens once per process; it is cheap (fonts are parsed lazily) but
reportlab's font registry is global.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from wir_manager.storage.paths import resources_dir


class FontsMissingError(ValueError):
    """The bundled fonts are not where the program expects them (broken install)."""


@dataclass(frozen=True, slots=True)
class FontFamily:
    """One script family: reportlab font names for the regular and bold face."""

    key: str
    regular_file: str
    bold_file: str

    @property
    def regular(self) -> str:
        return f"WiR-{self.key}"

    @property
    def bold(self) -> str:
        return f"WiR-{self.key}-Bold"


#: Fallback order: the first family that has a character draws it.
FAMILIES: tuple[FontFamily, ...] = (
    FontFamily("DejaVu", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    FontFamily("Arabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
    FontFamily("Devanagari", "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
    FontFamily("Bengali", "NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"),
    FontFamily("Hebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    FontFamily("Thai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"),
    # One weight only: a bold CJK subset would double the bundle for little gain.
    FontFamily("CJK", "NotoSansCJK-WiRSubset.ttf", "NotoSansCJK-WiRSubset.ttf"),
)
BASE = FAMILIES[0]

#: Scripts that DejaVu covers only partly or without the shaping tables we want:
#: these blocks always go to the dedicated Noto family.
_PREFERRED: tuple[tuple[int, int, str], ...] = (
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x08A0, 0x08FF, "Arabic"),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
)

_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> None:
    """Register every family with reportlab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        _no_discretionary_ligatures()
        folder = fonts_dir()
        for family in FAMILIES:
            for name, filename in (
                (family.regular, family.regular_file),
                (family.bold, family.bold_file),
            ):
                path = folder / filename
                if not path.exists():
                    raise FontsMissingError(
                        f"The font file {filename} is missing from {folder}; "
                        "reinstall WiR Manager to make dossiers."
                    )
                pdfmetrics.registerFont(TTFont(name, str(path), shapable=True))
            addMapping(family.regular, 0, 0, family.regular)
            addMapping(family.regular, 1, 0, family.bold)
            addMapping(family.regular, 0, 1, family.regular)
            addMapping(family.regular, 1, 1, family.bold)
        _registered = True


def _no_discretionary_ligatures() -> None:
    """reportlab asks HarfBuzz for discretionary ligatures (``dlig``) by default, which
    turns "st" into a historical ligature in DejaVu Sans; business documents want plain
    letters. The default lives in a mutable keyword default, changed once here."""
    from reportlab.pdfbase import ttfonts

    defaults = getattr(ttfonts.shapeFragWord, "__defaults__", None) or ()
    for value in defaults:
        if isinstance(value, dict) and "dlig" in value:
            value["dlig"] = False


@functools.cache
def _cmap(family_key: str) -> frozenset[int]:
    register_fonts()
    family = next(f for f in FAMILIES if f.key == family_key)
    font = pdfmetrics.getFont(family.regular)
    return frozenset(font.face.charToGlyph)


def has_glyph(family: FontFamily, char: str) -> bool:
    return ord(char) in _cmap(family.key)


@functools.lru_cache(maxsize=8192)
def family_for(char: str) -> FontFamily | None:
    """The family that should draw ``char``; None when it is script-neutral (space,
    digits, punctuation DejaVu has) so the caller can keep the surrounding font."""
    cp = ord(char)
    for lo, hi, key in _PREFERRED:
        if lo <= cp <= hi:
            return next(f for f in FAMILIES if f.key == key)
    for family in FAMILIES:
        if cp in _cmap(family.key):
            return family
    return BASE


def covered(text: str) -> bool:
    """True when every character of ``text`` has a glyph in some bundled family."""
    return all(ch.isspace() or any(ord(ch) in _cmap(f.key) for f in FAMILIES) for ch in text)
