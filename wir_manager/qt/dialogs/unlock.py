"""Unlock dialog: pick a recent file, type the passphrase, optionally remember the key.

A wrong passphrase shakes the field and says so; any other problem with the file is
shown as the storage layer's plain sentence. The dialog never raises.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from wir_manager.qt import settings as opts
from wir_manager.qt import theme
from wir_manager.qt.dialogs import common
from wir_manager.qt.forms.ui_unlock_dialog import Ui_UnlockDialog
from wir_manager.storage import keystore
from wir_manager.storage.database import Database
from wir_manager.storage.errors import KeyringUnavailableError, StorageError, WrongPassphraseError

FILE_FILTER = "WiR Manager databases (*.db);;All files (*)"


class UnlockDialog(QDialog):
    # The database was opened; the receiver owns it from now on.
    unlocked = Signal(object)
    # The user wants the welcome choices (create, demo, open another file).
    other_requested = Signal()

    def __init__(
        self, path: Path | None, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_UnlockDialog()
        self.ui.setupUi(self)
        self.settings = settings
        self.database: Database | None = None
        self.setWindowIcon(theme.app_icon())
        self.ui.iconLabel.setPixmap(theme.icon("lock").pixmap(40, 40))
        recent = [p for p in opts.recent_files(settings) if Path(p).exists()]
        if path is not None:
            recent = [str(path)] + [p for p in recent if p != str(path)]
        for item in recent:
            self.ui.fileCombo.addItem(Path(item).name, item)
            self.ui.fileCombo.setItemData(
                self.ui.fileCombo.count() - 1, item, Qt.ItemDataRole.ToolTipRole
            )
        self._sync_tooltip()
        self.ui.fileCombo.currentIndexChanged.connect(self._sync_tooltip)
        self.can_remember = common.setup_remember(self.ui.rememberCheck, self.ui.keyringNote)
        self.ui.errorLabel.setVisible(False)
        # The operator's name is a per-person setting, asked once (at the first unlock);
        # the file's own stored name is only the default until then.
        self.ask_operator = not opts.OPERATOR_NAME.get(settings)
        self.ui.operatorLabel.setVisible(self.ask_operator)
        self.ui.operatorEdit.setVisible(self.ask_operator)
        if self.ask_operator:
            from wir_manager.qt.dialogs.welcome import default_operator

            self.ui.operatorEdit.setText(default_operator())
        self.ui.unlockButton.clicked.connect(self.try_unlock)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.otherButton.clicked.connect(self._other)
        self.ui.passphraseEdit.returnPressed.connect(self.try_unlock)
        self.ui.passphraseEdit.textEdited.connect(lambda _t: self.ui.errorLabel.setVisible(False))
        self.ui.passphraseEdit.setFocus()

    def _sync_tooltip(self) -> None:
        self.ui.fileCombo.setToolTip(self.ui.fileCombo.currentData() or "")

    def selected_path(self) -> Path | None:
        data = self.ui.fileCombo.currentData()
        return Path(data) if data else None

    def set_path(self, path: Path) -> None:
        index = self.ui.fileCombo.findData(str(path))
        if index < 0:
            self.ui.fileCombo.insertItem(0, path.name, str(path))
            index = 0
        self.ui.fileCombo.setCurrentIndex(index)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), str(self.selected_path() or ""), FILE_FILTER
        )
        if name:
            self.set_path(Path(name))
            self.ui.passphraseEdit.setFocus()

    def _other(self) -> None:
        self.other_requested.emit()
        self.reject()

    def try_unlock(self) -> bool:
        """Open the selected file with the typed passphrase; True on success."""
        path = self.selected_path()
        if path is None:
            common.show_message(
                self.ui.errorLabel, self.tr("Choose a database file first."), error=True
            )
            return False
        if self.ask_operator and not self.ui.operatorEdit.text().strip():
            common.show_message(
                self.ui.errorLabel,
                self.tr("Type your name; it signs your changes in the history."),
                error=True,
            )
            self.ui.operatorEdit.setFocus()
            return False
        passphrase = self.ui.passphraseEdit.text()
        if not passphrase:
            common.show_message(self.ui.errorLabel, self.tr("Type the passphrase."), error=True)
            common.shake(self.ui.passphraseEdit)
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            db = Database.open(path, passphrase)
        except WrongPassphraseError:
            QGuiApplication.restoreOverrideCursor()
            common.show_message(
                self.ui.errorLabel,
                self.tr("That passphrase is wrong. Check Caps Lock and try again."),
                error=True,
            )
            self.ui.passphraseEdit.selectAll()
            self.ui.passphraseEdit.setFocus()
            common.shake(self.ui.passphraseEdit)
            return False
        except StorageError as exc:
            QGuiApplication.restoreOverrideCursor()
            common.show_message(self.ui.errorLabel, str(exc), error=True)
            return False
        QGuiApplication.restoreOverrideCursor()
        self.ui.passphraseEdit.clear()
        if self.can_remember and self.ui.rememberCheck.isChecked():
            try:
                keystore.remember(path, db.key)
            except KeyringUnavailableError as exc:
                common.show_message(self.ui.errorLabel, str(exc), error=True)
        if self.ask_operator:
            opts.OPERATOR_NAME.set(self.settings, self.ui.operatorEdit.text().strip())
        opts.apply_operator(self.settings, db)
        opts.add_recent_file(self.settings, str(path))
        self.database = db
        self.unlocked.emit(db)
        self.accept()
        return True
