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
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Bidi embedding, override and isolate controls (and the marks). The page lays words
#: out itself (:func:`visual_order`); left in, they reach the font layer, which drops
#: them together with the space beside them ("Alice \u202eSSAP\u202c Bob" printed as
#: "Alice SSAPBob").
_BIDI_CONTROL = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: A word with more characters than this may be wider than a table cell: such text is
#: laid out by :class:`ScriptParagraph`, which cuts over-wide words to fit.
LONG_WORD = 24
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
    return _BIDI_CONTROL.sub("", _CONTROL.sub("", value))


#: Scripts whose letters change shape or order with their neighbours (Hebrew, Arabic,
#: Syriac, Thaana, N'Ko, the Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer,
#: Mongolian, …, Hangul jamo, Arabic presentation forms): they need HarfBuzz.
_SHAPED_RANGES = (
    (0x0590, 0x08FF),
    (0x0900, 0x0DFF),
    (0x0E00, 0x0FFF),
    (0x1000, 0x109F),
    (0x1100, 0x11FF),
    (0x1700, 0x18AF),
    (0x1900, 0x1AFF),
    (0x1B00, 0x1CFF),
    (0xA800, 0xABFF),
    (0xFB1D, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x10000, 0x10FFFF),
)


def needs_shaping(text: str) -> bool:
    """True when some character belongs to a script HarfBuzz must shape (or a combining
    mark is present, which shaping places)."""
    for ch in set(text):
        code = ord(ch)
        if any(low <= code <= high for low, high in _SHAPED_RANGES):
            return True
        if unicodedata.combining(ch):
            return True
    return False


def has_long_word(text: str) -> bool:
    """True when some word could be wider than a narrow column (see :data:`LONG_WORD`)."""
    return len(text) > LONG_WORD and any(len(word) > LONG_WORD for word in text.split())


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

    A word wider than the line (a hostile 30,000-letter "name", a long URL or e-mail, a
    CJK sentence without spaces) is cut into pieces that fit, between characters (never
    inside a combining sequence), so no text is ever too wide for its cell or page.
    Widths are added up word by word, so the work grows with the text, not its square.
    """
    limit = width * 0.95
    out: list[str] = []
    for paragraph in clean(text).split("\n"):
        line: list[str] = []
        line_width = 0.0
        for word in paragraph.split(" "):
            word_width = text_width(word, size, bold=bold)
            if word_width > limit:
                if line:
                    out.append(" ".join(line))
                pieces = _cut_word(word, limit, size, bold)
                out.extend(pieces[:-1])
                line, line_width = [pieces[-1]], text_width(pieces[-1], size, bold=bold)
                continue
            # The space takes the font of the words beside it (an Arabic space is not
            # as wide as a Latin one): measure it with its neighbours, not alone.
            gap = (
                text_width(f"{line[-1]} {word}", size, bold=bold)
                - text_width(line[-1], size, bold=bold)
                - word_width
                if line
                else 0.0
            )
            if line and line_width + gap + word_width > limit:
                out.append(" ".join(line))
                line, line_width = [word], word_width
            else:
                line_width += gap + word_width
                line.append(word)
        out.append(" ".join(line))
    return out


def _cut_word(word: str, limit: float, size: float, bold: bool) -> list[str]:
    """``word`` in pieces no wider than ``limit`` (at least one character each)."""
    pieces: list[str] = []
    current: list[str] = []
    current_width = 0.0
    widths: dict[str, float] = {}
    for ch in word:
        w = widths.get(ch)
        if w is None:
            w = widths[ch] = text_width(ch, size, bold=bold)
        joins = unicodedata.category(ch)[0] == "M" or ch in "\u200c\u200d\ufe0e\ufe0f"
        if current and not joins and current_width + w > limit:
            pieces.append("".join(current))
            current, current_width = [], 0.0
        current.append(ch)
        current_width += w
    if current or not pieces:
        pieces.append("".join(current))
    return pieces
