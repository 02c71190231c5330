"""Colours of the training progress grid, for light and dark palettes.

Each status has its own glyph (✓ completed, ◐ in progress, · not started) so colour is
never the only cue; colours add a fill chosen per palette so text keeps a contrast ratio
above 4.5:1 in both modes.

The grid is painted by Qt's own item delegate from model roles (BackgroundRole,
ForegroundRole, FontRole) rather than by a Python ``paint()``: with PySide6 6.12 on
Python 3.11 every void Qt call made from Python drops a reference to ``None`` (the
bindings assume Python 3.12's immortal ``None``), and a Python delegate makes thousands of
such calls per repaint — enough to abort the interpreter after a few dozen scrolls.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from wir_manager.qt import theme
from wir_manager.services.training import COMPLETED, IN_PROGRESS


@dataclass(frozen=True)
class Chip:
    background: QColor
    foreground: QColor


_LIGHT = {
    COMPLETED: Chip(QColor("#d3f0db"), QColor("#14532d")),
    IN_PROGRESS: Chip(QColor("#fdeac2"), QColor("#6b4500")),
}
_DARK = {
    COMPLETED: Chip(QColor("#1f5130"), QColor("#c8f0d2")),
    IN_PROGRESS: Chip(QColor("#5c4613"), QColor("#ffe2a0")),
}


def chip_colours(code: int, dark: bool | None = None) -> Chip | None:
    """Fill and text colour for a status code; None for "not started" (no fill)."""
    dark = theme.is_dark() if dark is None else dark
    return (_DARK if dark else _LIGHT).get(code)


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours."""

    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
