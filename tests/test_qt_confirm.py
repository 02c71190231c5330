"""The shared unsaved-changes question answers save / discard / cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from wir_manager.qt.widgets.confirm import LeaveAnswer, ask_save_discard_cancel

Button = QMessageBox.StandardButton


@pytest.mark.parametrize(
    ("button", "expected"),
    [
        (Button.Save, LeaveAnswer.SAVE),
        (Button.Discard, LeaveAnswer.DISCARD),
        (Button.Cancel, LeaveAnswer.CANCEL),
    ],
)
def test_unsaved_question(qtbot, button: Button, expected: LeaveAnswer) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def press() -> None:
        box = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        )
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(50, press)
    assert (
        ask_save_discard_cancel(parent, "testDialog", "This thing has unsaved changes.") == expected
    )
    assert seen == ["This thing has unsaved changes."]
