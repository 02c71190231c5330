"""Plain text → reportlab markup that renders in any script.

Three jobs, in this order, on text straight from the database:

1. **Word order for right-to-left runs.** reportlab (without the unavailable ``rlbidi``)
   lays words out left to right. HarfBuzz, which reportlab calls when a style has
   ``shaping=1``, joins Arabic letters and reverses the glyphs *inside* each word, so we
   only have to reverse the order of the words in each right-to-left stretch. The page
   is left-to-right (the dossier is in English), so this is the bidi algorithm's rule L2
   at word granularity, which is what names and short fields need.
2. **Font fallback per run.** Each character goes to the first bundled family that has
   it (Noto for Arabic, Devanagari, CJK …); spaces, digits and punctuation stay in the
   surrounding run so words are never split between fonts (HarfBuzz shapes a word with
   one font).
3. **Escaping.** Every piece of user text passes through
   :func:`~wir_manager.services.safe_text.escape_markup`, so ``<b>x</b> & <font>``
   prints literally and cannot change the document.
"""

from __future__ import annotations

import re
import unicodedata

from wir_manager.services.dossier.fonts import BASE, FontFamily, family_for, has_glyph
from wir_manager.services.safe_text import escape_markup

_SPACES = re.compile(r"(\s+)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NEUTRAL_CATEGORIES = ("P", "N", "S", "Z", "C", "M")


def _direction(word: str) -> str:
    """'R' if the word has a strong right-to-left letter, 'L' for strong left-to-right,
    'N' for neutral (digits, punctuation)."""
    seen_l = False
    for ch in word:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            seen_l = True
    return "L" if seen_l else "N"


def visual_order(line: str) -> str:
    """Reverse the word order of right-to-left stretches inside a left-to-right line.

    A stretch runs from a right-to-left word to the last right-to-left word that follows
    with only right-to-left or neutral words in between ("محمد عبد الله" → "الله عبد محمد";
    HarfBuzz then draws each word's letters right to left).
    """
    tokens = _SPACES.split(line)
    kinds = ["S" if (not tok or tok.isspace()) else _direction(tok) for tok in tokens]
    if "R" not in kinds:
        return line
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if kinds[i] != "R":
            out.append(tokens[i])
            i += 1
            continue
        end = i
        j = i + 1
        while j < len(tokens) and kinds[j] != "L":
            if kinds[j] == "R":
                end = j
            j += 1
        out.extend(reversed(tokens[i : end + 1]))
        i = end + 1
    return "".join(out)


def _neutral(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in _NEUTRAL_CATEGORIES


def font_runs(text: str) -> list[tuple[FontFamily, str]]:
    """Split ``text`` into (family, piece) runs; neutral characters join the run they
    stand in when its font has them."""
    runs: list[tuple[FontFamily, str]] = []
    current: FontFamily | None = None
    buf: list[str] = []
    for ch in text:
        if current is not None and _neutral(ch) and has_glyph(current, ch):
            buf.append(ch)
            continue
        family = family_for(ch) or BASE
        if _neutral(ch) and current is None:
            # Leading neutral: decide by what follows; tentatively the base font.
            family = BASE if has_glyph(BASE, ch) else family
        if family is not current:
            if buf and current is not None:
                runs.append((current, "".join(buf)))
            buf = []
            current = family
        buf.append(ch)
    if buf and current is not None:
        runs.append((current, "".join(buf)))
    return runs


def clean(text: object) -> str:
    """Normalise to NFC and drop control characters (they draw as boxes)."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\t", " ")
    return _CONTROL.sub("", value)


def markup(text: object, *, bold: bool = False) -> str:
    """Safe reportlab Paragraph markup for user ``text`` in any script.

    Runs in the base family carry no tag (they take the paragraph style's font, which
    must be the base family in the same weight); others get ``<font name=…>``.
    """
    lines = clean(text).split("\n")
    parts: list[str] = []
    for line in lines:
        pieces = []
        for family, piece in font_runs(visual_order(line)):
            escaped = escape_markup(piece)
            if family is BASE:
                pieces.append(escaped)
            else:
                name = family.bold if bold else family.regular
                pieces.append(f'<font name="{name}">{escaped}</font>')
        parts.append("".join(pieces))
    return "<br/>".join(parts)


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def base_is_rtl(text: str) -> bool:
    """True when the first strong letter is right-to-left (the paragraph's direction)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Unshaped width of ``text`` in points, with per-run fonts (close enough to choose
    line breaks; shaping changes widths by a few percent, hence the caller's margin)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(
        stringWidth(piece, family.bold if bold else family.regular, size)
        for family, piece in font_runs(text)
    )


def break_lines(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Greedy line breaks in LOGICAL order, so each line can be reordered on its own.

    reportlab breaks lines after we reorder words; for a right-to-left stretch longer
    than one line that would put its last words on the first line. Breaking first and
    reordering per line keeps the reading order right.
    """
    limit = width * 0.95
    out: list[str] = []
    for paragraph in clean(text).split("\n"):
        words = paragraph.split(" ")
        line: list[str] = []
        for word in words:
            trial = " ".join([*line, word])
            if line and text_width(trial, size, bold=bold) > limit:
                out.append(" ".join(line))
                line = [word]
            else:
                line.append(word)
        out.append(" ".join(line))
    return out
