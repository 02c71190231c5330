"""What the main window may ask of a screen (all optional, duck-typed).

Screens are written by different people and loaded lazily; the main window therefore
checks for each method with ``getattr`` instead of requiring a base class:

``new_item()``                Ctrl+N on this screen
``save()``                    Ctrl+S
``focus_search()``            Ctrl+F
``delete_selected()``         Del (the screen asks for confirmation itself)
``has_unsaved_changes()``     -> bool; the window asks before locking or quitting
``confirm_leave()``           -> bool; ask "save / discard / cancel", False = stay here
``release()``                 drop models and cached records before the database locks
``save_layout()``             store splitter / header state (called on lock and quit)
``changed`` (Signal)          emitted after saves so the status bar counts refresh
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from wir_manager.qt import theme


def call(screen: QWidget | None, method: str, *args: Any, default: Any = None) -> Any:
    """Call ``screen.method(*args)`` when the screen has it, else return ``default``."""
    fn: Callable[..., Any] | None = getattr(screen, method, None) if screen else None
    return fn(*args) if callable(fn) else default


def supports(screen: QWidget | None, method: str) -> bool:
    return screen is not None and callable(getattr(screen, method, None))


class PlaceholderScreen(QWidget):
    """Shown for a screen whose module is not part of this build (yet) or failed to load."""

    def __init__(self, title: str, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderScreen")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        icon = QLabel(self)
        icon.setPixmap(theme.icon("placeholder").pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(icon)
        heading = QLabel(
            QCoreApplication.translate("Placeholder", "{title} is not available").format(
                title=title
            ),
            self,
        )
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        self.reason = QLabel(reason, self)
        self.reason.setObjectName("placeholderReason")
        self.reason.setWordWrap(True)
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        palette = self.reason.palette()
        palette.setColor(self.reason.foregroundRole(), theme.muted_text())
        self.reason.setPalette(palette)
        layout.addWidget(self.reason)
        layout.addStretch(2)
