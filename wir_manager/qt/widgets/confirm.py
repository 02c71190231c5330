"""Questions to the user that tests can answer without a modal loop.

Screens keep ``self.ask = confirm.ask`` and call it; a test assigns its own function
returning the button it wants, instead of racing a modal QMessageBox with timers.
"""

from __future__ import annotations

import enum
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


class LeaveAnswer(enum.Enum):
    """The answer to "this has unsaved changes": save them, throw them away, or stay."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_save_discard_cancel(parent: QWidget, object_name: str, text: str) -> LeaveAnswer:
    """The unsaved-changes question (Esc or closing the box means :attr:`CANCEL`)."""
    box = QMessageBox(parent)
    box.setObjectName(object_name)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Confirm", "Unsaved changes"))
    box.setText(text)
    box.setInformativeText(QCoreApplication.translate("Confirm", "Save them before moving on?"))
    box.setStandardButtons(Button.Save | Button.Discard | Button.Cancel)
    box.setDefaultButton(Button.Save)
    answer = Button(box.exec())
    return {Button.Save: LeaveAnswer.SAVE, Button.Discard: LeaveAnswer.DISCARD}.get(
        answer, LeaveAnswer.CANCEL
    )
