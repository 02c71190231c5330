"""Questions to the user that tests can answer without a modal loop.

Screens keep ``self.ask = confirm.ask`` and call it; a test assigns its own function
returning the button it wants, instead of racing a modal QMessageBox with timers.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TypeVar, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from wir_manager.services.concurrency import ConcurrentEditError

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


class StaleAnswer(enum.Enum):
    """The answer to "someone else saved this record since you opened it"."""

    # Show their version; what was typed here is dropped.
    RELOAD = "reload"
    # Save what was typed here over their version, on purpose.
    KEEP_MINE = "keep_mine"
    # Neither yet: the form stays as typed, unsaved.
    CANCEL = "cancel"


# What screens call on a refused (stale) save; tests assign their own answer.
AskStale = Callable[[QWidget | None, str], StaleAnswer]


def ask_stale(parent: QWidget | None, refusal: str) -> StaleAnswer:
    """Reload or keep my version, after ``refusal`` (who changed it and when). Esc or
    closing the box keeps the form as it is, unsaved."""
    box = QMessageBox(parent)
    box.setObjectName("staleRecordDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Confirm", "Changed by someone else"))
    box.setText(refusal)
    box.setInformativeText(
        QCoreApplication.translate(
            "Confirm",
            "Reload shows their version and drops your changes; Keep my version saves "
            "yours over theirs.",
        )
    )
    reload_button = box.addButton(
        QCoreApplication.translate("Confirm", "Reload"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep_button = box.addButton(
        QCoreApplication.translate("Confirm", "Keep my version"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(Button.Cancel)
    box.setDefaultButton(keep_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reload_button:
        return StaleAnswer.RELOAD
    if clicked is keep_button:
        return StaleAnswer.KEEP_MINE
    return StaleAnswer.CANCEL


S = TypeVar("S")
T = TypeVar("T")


def save_resolving_stale(
    parent: QWidget | None,
    ask: AskStale,
    save: Callable[[S], T],
    seen: S,
    reload: Callable[[], object],
) -> T | None:
    """``save(seen)``, the one way every editor resolves a stale save.

    ``seen`` is what the form remembered of the record it loaded (its ``updated_at`` or
    version). When someone else saved the record since, the service refuses with who and
    when; ``ask`` shows that sentence and the user chooses: *Reload* calls ``reload()``
    (their version is shown, the typed edits dropped, on purpose), *Keep my version*
    saves again over theirs, *Cancel* leaves the form as typed. Returns what ``save``
    returned, or None when nothing was saved. A record deleted meanwhile (nothing to
    keep it over) and any other error propagate to the caller's one-sentence handler.
    """
    while True:
        try:
            return save(seen)
        except ConcurrentEditError as exc:
            if exc.current is None:
                raise
            answer = ask(parent, str(exc))
            if answer is StaleAnswer.RELOAD:
                reload()
                return None
            if answer is not StaleAnswer.KEEP_MINE:
                return None
            seen = cast(S, exc.current)  # save over their version, on purpose
