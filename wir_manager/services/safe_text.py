"""Making user text inert before it reaches a PDF or a spreadsheet.

Names and notes come from people and from imported files; a name like ``<b>x</b>`` must
print literally in a reportlab Paragraph, and a cell like ``=HYPERLINK(...)`` must never
run as a formula when a liaison opens an exported sheet.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

#: Characters that make spreadsheet programs treat a cell as a formula (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def escape_markup(text: object) -> str:
    """Escape for reportlab's mini-markup (Paragraph): ``<``, ``>``, ``&`` and quotes."""
    if text is None:
        return ""
    return escape(str(text), {'"': "&quot;", "'": "&#39;"})


def neutralise_formula(value: object) -> object:
    """Prefix an apostrophe so a text cell that looks like a formula stays text.

    Only strings are touched; numbers and dates pass through. The leading ``'`` is the
    convention spreadsheet programs show as plain text; importers strip it again
    (:func:`restore_formula_text`), so export → import round-trips exactly.
    """
    if isinstance(value, str) and value.startswith((*FORMULA_TRIGGERS, "'")):
        # A leading apostrophe is doubled too, so import can tell ours from the user's.
        return "'" + value
    return value


def restore_formula_text(value: object) -> object:
    """Undo :func:`neutralise_formula` on import."""
    if (
        isinstance(value, str)
        and value.startswith("'")
        and value[1:].startswith((*FORMULA_TRIGGERS, "'"))
    ):
        return value[1:]
    return value
