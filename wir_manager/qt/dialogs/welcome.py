"""First start: open the demo database, create a new database, or open an existing file.

Creating asks for the passphrase twice with a strength hint, and for the operator's name
(it signs every change in the audit log). The demo database's passphrase is shown up
front, because a demo someone cannot reopen is no demo.
"""

from __future__ import annotations

import contextlib
import getpass
import os
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from wir_manager.qt import settings as opts
from wir_manager.qt import theme
from wir_manager.qt.dialogs import common
from wir_manager.qt.dialogs.unlock import FILE_FILTER
from wir_manager.qt.forms.ui_welcome_dialog import Ui_WelcomeDialog
from wir_manager.storage import keystore
from wir_manager.storage.database import Database
from wir_manager.storage.errors import KeyringUnavailableError, StorageError
from wir_manager.storage.paths import default_db_path


def default_operator() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""


class WelcomeDialog(QDialog):
    # A new database was created and is open; the receiver owns it.
    created = Signal(object)
    # The user chose "Open the demo database".
    demo_requested = Signal()
    # The user picked an existing file to unlock.
    open_requested = Signal(str)
    # The user chose "Connect to a team server…".
    connect_requested = Signal()

    def __init__(
        self,
        settings: QSettings,
        demo_passphrase_hint: str,
        parent: QWidget | None = None,
        *,
        create_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_WelcomeDialog()
        self.ui.setupUi(self)
        self.settings = settings
        self.database: Database | None = None
        self.setWindowIcon(theme.app_icon())
        self.ui.iconLabel.setPixmap(theme.app_icon().pixmap(56, 56))
        font = self.ui.headingLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.ui.headingLabel.setFont(font)
        self.ui.demoNote.setText(demo_passphrase_hint)
        palette = self.ui.demoNote.palette()
        palette.setColor(self.ui.demoNote.foregroundRole(), theme.muted_text())
        self.ui.demoNote.setPalette(palette)
        self.ui.demoButton.setIcon(theme.app_icon())
        self.ui.createButton.setIcon(theme.icon("add"))
        self.ui.openButton.setIcon(theme.icon("search"))
        self.ui.pathEdit.setText(str(create_path or default_db_path()))
        self.ui.operatorEdit.setText(opts.OPERATOR_NAME.get(settings) or default_operator())
        self.can_remember = common.setup_remember(self.ui.rememberCheck, self.ui.keyringNote)
        self.ui.createError.setVisible(False)
        self.ui.demoButton.clicked.connect(self._demo)
        self.ui.createButton.clicked.connect(self.show_create_page)
        self.ui.openButton.clicked.connect(self._open)
        self.ui.connectButton.setIcon(theme.icon("lock"))
        self.ui.connectButton.clicked.connect(self._connect)
        self.ui.backButton.clicked.connect(
            lambda: self.ui.pages.setCurrentWidget(self.ui.pageStart)
        )
        self.ui.browseButton.clicked.connect(self._browse_new)
        self.ui.createConfirmButton.clicked.connect(self.try_create)
        for edit in (
            self.ui.passphraseEdit,
            self.ui.repeatEdit,
            self.ui.operatorEdit,
            self.ui.pathEdit,
        ):
            edit.textChanged.connect(self._validate)
        self.ui.pages.setCurrentWidget(self.ui.pageStart)
        if create_path is not None:
            self.show_create_page()
        self._validate()

    # ------------------------------------------------------------------ choices
    def _demo(self) -> None:
        self.demo_requested.emit()
        self.accept()

    def _open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), str(default_db_path().parent), FILE_FILTER
        )
        if name:
            self.open_requested.emit(name)
            self.accept()

    def _connect(self) -> None:
        self.connect_requested.emit()
        self.accept()

    def show_create_page(self) -> None:
        self.ui.pages.setCurrentWidget(self.ui.pageCreate)
        self.ui.passphraseEdit.setFocus()

    def _browse_new(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("New database"), self.ui.pathEdit.text(), FILE_FILTER
        )
        if name:
            self.ui.pathEdit.setText(name if name.endswith(".db") else name + ".db")

    # ------------------------------------------------------------------ create
    def validation_error(self) -> str | None:
        """The first thing that stops "Create", as a sentence (None = ready)."""
        path = self.ui.pathEdit.text().strip()
        if not path:
            return self.tr("Choose where to keep the database file.")
        if Path(path).exists():
            return self.tr("That file already exists; open it instead or pick another name.")
        if not self.ui.operatorEdit.text().strip():
            return self.tr("Type your name; it signs your changes in the history.")
        first = self.ui.passphraseEdit.text()
        rated, hint = self._rating()
        if not rated.acceptable:
            return hint
        if self.ui.repeatEdit.text() != first:
            return self.tr("The two passphrases differ.")
        return None

    def _rating(self) -> tuple[common.Rating, str]:
        """The passphrase's rating; the operator's name and the file name count as
        guessable words."""
        words = (self.ui.operatorEdit.text().strip(), Path(self.ui.pathEdit.text()).stem)
        return common.strength(self.ui.passphraseEdit.text(), words)

    def _validate(self) -> None:
        """One message per problem, each where it belongs: the passphrase's strength under
        the passphrase (only once something is typed), "differ" only once Repeat has
        been typed, the rest under the form."""
        first = self.ui.passphraseEdit.text()
        repeat = self.ui.repeatEdit.text()
        rated, hint = self._rating()
        common.show_message(
            self.ui.strengthLabel, hint if first else "", error=not rated.acceptable
        )
        error = self.validation_error()
        self.ui.createConfirmButton.setEnabled(error is None)
        if error == hint or (error == self.tr("The two passphrases differ.") and not repeat):
            shown = ""  # already under the passphrase / Repeat not typed yet
        elif error and not first and "exists" not in error:
            shown = ""  # nothing typed yet: no scolding before the first keystroke
        else:
            shown = error or ""
        common.show_message(self.ui.createError, shown, error=True)

    def try_create(self) -> bool:
        error = self.validation_error()
        if error:
            common.show_message(self.ui.createError, error, error=True)
            return False
        path = Path(os.path.expanduser(self.ui.pathEdit.text().strip()))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            db = Database.create(
                path, self.ui.passphraseEdit.text(), self.ui.operatorEdit.text().strip()
            )
        except StorageError as exc:
            QGuiApplication.restoreOverrideCursor()
            common.show_message(self.ui.createError, str(exc), error=True)
            return False
        except OSError as exc:
            QGuiApplication.restoreOverrideCursor()
            common.show_message(
                self.ui.createError,
                self.tr(
                    "The file could not be created there ({reason}); pick another folder."
                ).format(reason=exc.strerror or type(exc).__name__),
                error=True,
            )
            return False
        QGuiApplication.restoreOverrideCursor()
        self.ui.passphraseEdit.clear()
        self.ui.repeatEdit.clear()
        if self.can_remember and self.ui.rememberCheck.isChecked():
            with contextlib.suppress(KeyringUnavailableError):
                keystore.remember(path, db.key)
        opts.OPERATOR_NAME.set(self.settings, self.ui.operatorEdit.text().strip())
        opts.add_recent_file(self.settings, str(path))
        self.database = db
        self.created.emit(db)
        self.accept()
        return True
