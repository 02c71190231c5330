"""Change the passphrase of the open database (re-encrypts every page in one go)."""

from __future__ import annotations

from PySide6.QtCore import Qt
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


class ChangePassphraseDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
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
