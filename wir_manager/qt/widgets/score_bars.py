"""A stacked bar per ranked candidate: one coloured segment per score part.

The bar is 0–100 wide, so two rows compare at a glance; the tooltip lists the points.
Colours are the Okabe–Ito set, distinguishable with the common colour-vision
deficiencies and legible on light and dark palettes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from wir_manager.services.matching import PARTS, part_label

PARTS_ROLE = Qt.ItemDataRole.UserRole + 20

PART_COLOURS: dict[str, QColor] = {
    "language": QColor("#0072B2"),
    "skills": QColor("#E69F00"),
    "topics": QColor("#009E73"),
    "training": QColor("#CC79A7"),
    "experience": QColor("#56B4E9"),
    "equity": QColor("#D55E00"),
}


def parts_tooltip(parts: dict[str, float]) -> str:
    lines = [f"{part_label(p)}: {parts.get(p, 0.0):.2f}" for p in PARTS]
    return "\n".join(lines)


def legend_html() -> str:
    """Coloured squares with part names, for a QLabel above the table."""
    # Each entry holds together (no-break spaces inside), and the line may break between
    # entries: one unbreakable run made the Shortlists screen too wide in Swedish (#16.5).
    return "&nbsp; ".join(
        f'<span style="color:{PART_COLOURS[p].name()}">■</span>&nbsp;'
        + escape(part_label(p)).replace(" ", "&nbsp;")
        for p in PARTS
    )


class ScoreBarDelegate(QStyledItemDelegate):
    """Paints ``index.data(PARTS_ROLE)`` (part → points) as a stacked bar; other cells as usual."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        parts = index.data(PARTS_ROLE)
        if not isinstance(parts, dict):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        widget: QWidget | None = option.widget
        style = widget.style() if widget is not None else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect = QRectF(option.rect).adjusted(4, 5, -4, -5)
        if rect.width() <= 0 or rect.height() <= 0:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        track = option.palette.color(QPalette.ColorRole.Mid)
        track.setAlpha(60)
        painter.fillRect(rect, track)
        x = rect.left()
        for part in PARTS:
            width = rect.width() * max(float(parts.get(part, 0.0)), 0.0) / 100.0
            if width <= 0:
                continue
            painter.fillRect(QRectF(x, rect.top(), width, rect.height()), PART_COLOURS[part])
            x += width
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 160), max(hint.height(), 22))
