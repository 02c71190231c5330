"""Painting of the training progress grid: a coloured chip with a glyph per cell.

Colours are chosen for the current palette (light or dark) so they keep contrast in both,
and every status also has its own glyph (✓ completed, ◐ in progress, · not started), so
colour is never the only cue. Selected cells keep the palette's highlight around the chip.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from wir_manager.qt import theme
from wir_manager.qt.models.training_grid import KIND_ROLE, STATUS_ROLE
from wir_manager.services.training import COMPLETED, IN_PROGRESS, NOT_STARTED

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Chip:
    background: QColor
    foreground: QColor


def chip_colours(code: int, dark: bool | None = None) -> Chip | None:
    """Background and text colour for a status; None means "draw no chip" (not started).

    Light mode uses pale fills with dark text, dark mode deep fills with light text; each
    pair has a contrast ratio above 4.5:1.
    """
    dark = theme.is_dark() if dark is None else dark
    if code == COMPLETED:
        return (
            Chip(QColor("#1f5130"), QColor("#c8f0d2"))
            if dark
            else Chip(QColor("#d3f0db"), QColor("#14532d"))
        )
    if code == IN_PROGRESS:
        return (
            Chip(QColor("#5c4613"), QColor("#ffe2a0"))
            if dark
            else Chip(QColor("#fdeac2"), QColor("#6b4500"))
        )
    return None


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours."""

    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


class ProgressCellDelegate(QStyledItemDelegate):
    """Draws module cells as chips and the ready column as a chip when complete."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        kind = index.data(KIND_ROLE)
        if kind not in ("module", "ready"):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        status = index.data(STATUS_ROLE)
        code = (COMPLETED if status else NOT_STARTED) if kind == "ready" else int(status)
        chip = chip_colours(code)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = QRectF(option.rect).adjusted(3, 3, -3, -3)
        if chip is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip.background)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(chip.foreground)
        elif selected:
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        else:
            painter.setPen(
                palette.color(QPalette.ColorRole.Text) if kind == "ready" else theme.muted_text()
            )
        font = option.font
        if code == COMPLETED:
            font.setBold(True)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 44), max(hint.height(), 26))
