"""A small horizontal bar chart for the programme figures (funnel, placements per
organisation, outcomes against targets), painted with QPainter.

Why not Qt Charts: it is a separate, large module for a handful of bars, and its
widgets are not announced by screen readers. Here each bar is a label, a value and an
optional target (drawn as a tick); the same lines are the widget's accessible
description, so a screen-reader user hears the figures the chart shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from wir_manager.qt import theme
from wir_manager.services.localefmt import format_number


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    # A target drawn as a tick across the bar (outcomes), or None.
    target: float | None = None
    # Shown after the value ("45 %"), else the value formatted for the locale.
    note: str | None = None


class BarChart(QWidget):
    """Horizontal bars, one per :class:`Bar`, scaled to the largest value or target."""

    ROW_EM = 1.7

    def __init__(
        self, title: str, parent: QWidget | None = None, *, against_target: bool = False
    ) -> None:
        super().__init__(parent)
        self._title = title
        # Each bar on its own scale (its target, or its value when past the target):
        # outcomes differ by orders of magnitude (pageviews against events held).
        self._against_target = against_target
        self._bars: tuple[Bar, ...] = ()
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self._bars = tuple(bars)
        self.setAccessibleDescription("; ".join(self._line(b) for b in self._bars))
        self.updateGeometry()
        self.update()

    def _value_text(self, bar: Bar) -> str:
        text = bar.note or format_number(round(bar.value))
        if bar.target is not None and bar.note is None:
            text = f"{text} / {format_number(round(bar.target))}"
        return text

    def _line(self, bar: Bar) -> str:
        return f"{bar.label}: {self._value_text(bar)}"

    def _row_height(self) -> int:
        return round(self.fontMetrics().height() * self.ROW_EM)

    def sizeHint(self) -> QSize:
        rows = max(1, len(self._bars))
        return QSize(360, self.fontMetrics().height() * 2 + rows * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        line = metrics.height()
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text_colour)
        painter.drawText(QRectF(0, 0, self.width(), line * 1.5), self._title)
        font.setBold(False)
        painter.setFont(font)
        if not self._bars:
            painter.setPen(theme.muted_text())
            painter.drawText(
                QRectF(0, line * 1.5, self.width(), line * 1.5), self.tr("Nothing to show yet.")
            )
            return
        label_w = min(
            self.width() * 0.4, max(metrics.horizontalAdvance(b.label) for b in self._bars) + 12
        )
        value_w = max(metrics.horizontalAdvance(self._value_text(b)) for b in self._bars) + 12
        bar_x = label_w
        bar_w = max(20.0, self.width() - label_w - value_w)
        top = max((max(b.value, b.target or 0) for b in self._bars), default=0) or 1
        accent = palette.color(QPalette.ColorRole.Highlight)
        track = QColor(accent)
        track.setAlpha(40)
        y = line * 1.5
        row = self._row_height()
        for bar in self._bars:
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_w - 8))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y, label_w - 8, row),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                label,
            )
            inner = QRectF(bar_x, y + row * 0.2, bar_w, row * 0.6)
            scale = (max(bar.value, bar.target or 0) or 1) if self._against_target else top
            painter.fillRect(inner, track)
            filled = QRectF(inner.x(), inner.y(), inner.width() * bar.value / scale, inner.height())
            painter.fillRect(filled, accent)
            if bar.target is not None:
                x = inner.x() + inner.width() * bar.target / scale
                painter.setPen(text_colour)
                painter.drawLine(int(x), int(y + row * 0.1), int(x), int(y + row * 0.9))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(bar_x + bar_w + 6, y, value_w, row),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                self._value_text(bar),
            )
            y += row
