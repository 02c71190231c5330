"""Questions to the user that tests can answer without a modal loop.

Screens keep ``self.ask = confirm.ask`` and call it; a test assigns its own function
returning the button it wants, instead of racing a modal QMessageBox with timers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton
Ask = Callable[[QWidget | None, str, str, Button, Button], Button]


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.No,
    default: Button = Button.No,
) -> Button:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    box.setObjectName("confirmDialog")
    box.setDefaultButton(default)
    return Button(box.exec())
