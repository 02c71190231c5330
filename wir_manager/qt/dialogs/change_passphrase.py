"""Change the passphrase of the open database (re-encrypts every page in one go).

Re-keying must be the database's only user: a background task (an import, a backup, the
status-bar count) reading or writing meanwhile would hold a connection under the old key.
So the dialog waits until the application's background tasks are done, says so in one
sentence, and only then re-keys; Cancel still works while it waits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wir_manager.qt.dialogs import common
from wir_manager.storage import keystore
from wir_manager.storage.database import Database
from wir_manager.storage.errors import KeyringUnavailableError, StorageError

if TYPE_CHECKING:
    from wir_manager.qt.tasks import TaskRunner


class ChangePassphraseDialog(QDialog):
    def __init__(
        self, db: Database, parent: QWidget | None = None, tasks: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        # The application's background tasks; re-keying waits until none is running.
        self.tasks = tasks
        # True while OK was pressed and the dialog waits for background tasks to end.
        self.waiting = False
        self.setWindowTitle(self.tr("Change passphrase"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The whole file is re-encrypted under the new passphrase. Backups made "
                "earlier keep the old one."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.new_edit = QLineEdit(self)
        self.new_edit.setObjectName("newEdit")
        self.new_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setObjectName("repeatEdit")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&New passphrase:"), self.new_edit)
        form.addRow(self.tr("&Repeat:"), self.repeat_edit)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.new_edit.textChanged.connect(self._validate)
        self.repeat_edit.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        rated, hint = common.strength(self.new_edit.text(), (self.db.operator,))
        ok = rated.acceptable and self.repeat_edit.text() == self.new_edit.text()
        if rated.acceptable and self.repeat_edit.text() and not ok:
            hint = self.tr("The two passphrases differ.")
        common.show_message(self.message, hint if self.new_edit.text() else "", error=not ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def apply(self) -> None:
        if self.tasks is not None and self.tasks.busy:
            self._wait_for_tasks()
            return
        self._stop_waiting()
        remembered = keystore.is_remembered(self.db.path)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.db.change_passphrase(self.new_edit.text())
        except StorageError as exc:
            QGuiApplication.restoreOverrideCursor()
            common.show_message(self.message, str(exc), error=True)
            return
        QGuiApplication.restoreOverrideCursor()
        if remembered:
            try:
                keystore.remember(self.db.path, self.db.key)
            except KeyringUnavailableError:
                keystore.forget(self.db.path)
        self.new_edit.clear()
        self.repeat_edit.clear()
        self.accept()

    def _wait_for_tasks(self) -> None:
        assert self.tasks is not None
        if not self.waiting:
            self.waiting = True
            self.tasks.idle.connect(self._tasks_done)
        for edit in (self.new_edit, self.repeat_edit):
            edit.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        common.show_message(
            self.message,
            self.tr(
                "Waiting for the work running in the background (an import, a backup …) to "
                "finish; the passphrase is changed as soon as it has."
            ),
            error=False,
        )

    def _tasks_done(self) -> None:
        # Not inside the task's own finishing code: on the next turn of the event loop,
        # and only if nothing new started meanwhile (apply() checks again).
        if self.waiting:
            QTimer.singleShot(0, self._resume)

    def _resume(self) -> None:
        if self.waiting and self.isVisible():
            self.apply()

    def _stop_waiting(self) -> None:
        if not self.waiting:
            return
        if self.tasks is not None:
            self.tasks.idle.disconnect(self._tasks_done)
        self.waiting = False
        for edit in (self.new_edit, self.repeat_edit):
            edit.setEnabled(True)
        self._validate()  # OK again, and the waiting sentence replaced

    def reject(self) -> None:
        """Cancel, also while waiting: nothing is changed."""
        self._stop_waiting()
        super().reject()
