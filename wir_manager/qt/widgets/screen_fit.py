"""Top-level windows sized to the screen they open on.

A form's default size, or a size saved on a bigger monitor, can be taller than a
1366×768 laptop's free area: the window's bottom (status bar, a dialog's buttons) then
sits under the taskbar. Every window that remembers or proposes a size passes through
:func:`fit_to_screen`.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget) -> None:
    """Shrink ``window`` (never below its minimum) to its screen's free area, frame
    included."""
    screen = QWidget.screen(window) or QGuiApplication.primaryScreen()
    if screen is None:
        return
    free = screen.availableGeometry()
    frame_w = window.frameGeometry().width() - window.geometry().width()
    frame_h = window.frameGeometry().height() - window.geometry().height()
    width = min(window.width(), free.width() - frame_w)
    height = min(window.height(), free.height() - frame_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
