"""Questions to the user that tests can answer without a modal loop.

Screens keep ``self.ask = confirm.ask`` and call it; a test assigns its own function
returning the button it wants, instead of racing a modal QMessageBox with timers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
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


def ask_save_discard_cancel(parent: QWidget, object_name: str, text: str) -> str:
    """The unsaved-changes question: "save", "discard" or "cancel" (Esc / closed)."""
    box = QMessageBox(parent)
    box.setObjectName(object_name)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Confirm", "Unsaved changes"))
    box.setText(text)
    box.setInformativeText(QCoreApplication.translate("Confirm", "Save them before moving on?"))
    box.setStandardButtons(Button.Save | Button.Discard | Button.Cancel)
    box.setDefaultButton(Button.Save)
    answer = Button(box.exec())
    return {Button.Save: "save", Button.Discard: "discard"}.get(answer, "cancel")
