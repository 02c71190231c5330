"""Connect to a team server: host, port, database, login and TLS, then the password.

The address is saved in the recent list (never the password). The password follows
libpq's conventions — ``PGPASSWORD``, ``~/.pgpass`` — then a password remembered in the
OS keyring (opt-in), and only then the dialog asks for it. A host other than this
computer needs verified TLS: choosing "no TLS" for one is refused with one sentence
before anything is sent. Connecting runs on a worker thread (an unreachable server
takes up to the connect timeout), so the dialog stays responsive and Cancel works.

After a lock the dialog opens in *locked* mode: the password must be typed, as the
passphrase of a file must be after a lock; neither the keyring nor libpq's files are
used, so a lock means the same on a server as on a file.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wir_manager.qt import settings as opts
from wir_manager.qt import theme
from wir_manager.qt.dialogs import common
from wir_manager.storage import keystore
from wir_manager.storage.errors import (
    InsecureConnectionError,
    KeyringUnavailableError,
    NoPassphraseError,
    StorageError,
    WrongPassphraseError,
)
from wir_manager.storage.server import ServerAddress, ServerDatabase

# TLS choices: (sslmode, label). "disable" is only accepted for this computer.
VERIFY_FULL = "verify-full"
NO_TLS = "disable"


class ConnectDialog(QDialog):
    # Connected; the receiver owns the :class:`ServerDatabase` from now on.
    connected = Signal(object)
    # The user wants the welcome choices (a file, the demo) instead.
    other_requested = Signal()
    # Internal: the worker thread's outcome (db, error, needs_password), queued to the GUI.
    _finished = Signal(object, object, bool)

    def __init__(
        self,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        address: ServerAddress | None = None,
        locked: bool = False,
        connect: Callable[..., Any] = ServerDatabase.connect,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.settings = settings
        self.locked = locked
        self.database: ServerDatabase | None = None
        self._connect = connect
        self._busy = False
        self.setWindowTitle(self.tr("Connect to a team server"))
        self.setMinimumWidth(480)
        self.setWindowIcon(theme.app_icon())
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A team server keeps one shared database on PostgreSQL. Ask the programme's "
                "admin for the address and your login."
                if not locked
                else "WiR Manager is locked. Type your password to connect again."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.recent_combo = QComboBox(self)
        self.recent_combo.setObjectName("recentCombo")
        self.recent_combo.addItem(self.tr("New server"), "")
        for item in opts.recent_servers(settings):
            self.recent_combo.addItem(item, item)
        self.recent_combo.currentIndexChanged.connect(self._recent_chosen)
        form.addRow(self.tr("&Recent:"), self.recent_combo)
        self.host_edit = self._edit("hostEdit", self.tr("db.example.org"))
        form.addRow(self.tr("&Host:"), self.host_edit)
        self.port_edit = self._edit("portEdit", "5432")
        self.port_edit.setMaxLength(5)
        form.addRow(self.tr("&Port:"), self.port_edit)
        self.database_edit = self._edit("databaseEdit", "wir")
        form.addRow(self.tr("&Database:"), self.database_edit)
        self.user_edit = self._edit("userEdit", "")
        form.addRow(self.tr("&Login:"), self.user_edit)
        self.tls_combo = QComboBox(self)
        self.tls_combo.setObjectName("tlsCombo")
        self.tls_combo.addItem(self.tr("Verified TLS (verify-full)"), VERIFY_FULL)
        self.tls_combo.addItem(self.tr("No TLS (only for a server on this computer)"), NO_TLS)
        form.addRow(self.tr("&TLS:"), self.tls_combo)
        ca_row = QHBoxLayout()
        self.ca_edit = self._edit("caEdit", self.tr("the system's certificate authorities"))
        ca_row.addWidget(self.ca_edit, 1)
        self.ca_button = QPushButton(self.tr("Browse…"), self)
        self.ca_button.setObjectName("caBrowseButton")
        self.ca_button.clicked.connect(self._browse_ca)
        ca_row.addWidget(self.ca_button)
        ca_label = QLabel(self.tr("&CA file:"), self)
        ca_label.setBuddy(self.ca_edit)
        form.addRow(ca_label, ca_row)
        self.password_label = QLabel(self.tr("Pass&word:"), self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label.setBuddy(self.password_edit)
        form.addRow(self.password_label, self.password_edit)
        layout.addLayout(form)

        self.remember_check = QCheckBox(self.tr("Remember the password on this computer"), self)
        self.remember_check.setObjectName("rememberCheck")
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        layout.addWidget(self.remember_check)
        layout.addWidget(self.keyring_note)
        self.can_remember = common.setup_remember(self.remember_check, self.keyring_note)
        if not self.can_remember:
            self.keyring_note.setText(
                self.tr(
                    "The password cannot be remembered here: this computer has no secure "
                    "keyring (GNOME Keyring, KWallet, macOS Keychain or Windows Credential "
                    "Manager)."
                )
            )
        self.error_label = QLabel(self)
        self.error_label.setObjectName("connectError")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)

        buttons = QHBoxLayout()
        self.other_button = QPushButton(self.tr("Other options…"), self)
        self.other_button.setObjectName("otherButton")
        self.other_button.clicked.connect(self._other)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        self.connect_button = QPushButton(self.tr("Connect"), self)
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.try_connect)
        buttons.addWidget(self.connect_button)
        layout.addLayout(buttons)

        self._finished.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self.password_edit.returnPressed.connect(self.try_connect)
        self.password_edit.textEdited.connect(lambda _t: self.error_label.setVisible(False))
        if address is not None:
            self.fill(address)
        elif self.recent_combo.count() > 1:
            self.recent_combo.setCurrentIndex(1)
        self._show_password(locked)
        if locked:
            for widget in (self.recent_combo, self.host_edit, self.port_edit):
                widget.setEnabled(False)
            for widget in (self.database_edit, self.user_edit, self.tls_combo, self.ca_edit):
                widget.setEnabled(False)
            self.ca_button.setEnabled(False)
            self.password_edit.setFocus()
        else:
            self.host_edit.setFocus()

    def _edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t: self.error_label.setVisible(False))
        return edit

    # ------------------------------------------------------------------ fields
    def fill(self, address: ServerAddress) -> None:
        """Put a (recent) address into the fields."""
        self.host_edit.setText(address.params.get("host", ""))
        self.port_edit.setText(address.params.get("port", ""))
        self.database_edit.setText(address.dbname)
        self.user_edit.setText(address.user or "")
        mode = address.params.get("sslmode")
        self.tls_combo.setCurrentIndex(
            1 if (mode is None and address.is_local) or mode == NO_TLS else 0
        )
        self.ca_edit.setText(address.params.get("sslrootcert", ""))

    def _recent_chosen(self, index: int) -> None:
        text = self.recent_combo.itemData(index)
        if not text:  # "New server": empty fields, verified TLS
            for edit in (self.host_edit, self.port_edit, self.database_edit, self.user_edit):
                edit.clear()
            self.ca_edit.clear()
            self.tls_combo.setCurrentIndex(0)
            return
        try:
            self.fill(ServerAddress.parse(text))
        except StorageError:
            return
        self._show_password(self.locked)

    def _browse_ca(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("CA certificate"),
            self.ca_edit.text(),
            self.tr("Certificates (*.pem *.crt);;All files (*)"),
        )
        if name:
            self.ca_edit.setText(name)

    def _show_password(self, shown: bool) -> None:
        self.password_label.setVisible(shown)
        self.password_edit.setVisible(shown)
        self.remember_check.setVisible(shown and self.can_remember)
        self.keyring_note.setVisible(shown and not self.can_remember)

    def _other(self) -> None:
        self.other_requested.emit()
        self.reject()

    def validation_error(self) -> str | None:
        if not self.host_edit.text().strip():
            return self.tr("Type the server's host name (localhost for this computer).")
        port = self.port_edit.text().strip()
        if port and (not port.isdigit() or not 0 < int(port) < 65536):
            return self.tr("The port is a number from 1 to 65535 (usually 5432).")
        if not self.database_edit.text().strip():
            return self.tr("Type the name of the database on the server.")
        if not self.user_edit.text().strip():
            return self.tr("Type your login on the server.")
        return None

    def address(self) -> ServerAddress:
        """The address in the fields; raises :class:`StorageError` with one sentence (a
        remote host without verified TLS among them)."""
        host = self.host_edit.text().strip()
        mode = self.tls_combo.currentData()
        return ServerAddress.from_parts(
            host=host,
            port=self.port_edit.text(),
            dbname=self.database_edit.text(),
            user=self.user_edit.text(),
            sslmode=mode,
            sslrootcert=self.ca_edit.text() if mode == VERIFY_FULL else "",
        )

    def tls_refusal(self) -> str:
        """Why a remote host without TLS is refused, in this dialog's own words (the
        storage layer's sentence names ``sslmode``, which is the CLI's URL parameter)."""
        return self.tr(
            "The connection to {host} would not be verified TLS, so passwords and candidate "
            "data could be read or changed on the way; choose “Verified TLS” under TLS, or "
            "ask the server's administrator to turn TLS on if it is off."
        ).format(host=self.host_edit.text().strip())

    def tls_failure(self) -> str:
        """The server did not complete verified TLS: what to do here (the CA file field,
        or the administrator), not the CLI's ``sslrootcert``."""
        return self.tr(
            "The server at {host} did not complete a verified TLS connection; choose the "
            "server's CA certificate under CA file, or ask the server's administrator to "
            "turn TLS on or for that certificate."
        ).format(host=self.host_edit.text().strip())

    def _error(self, text: str) -> None:
        common.show_message(self.error_label, text, error=True)

    # ------------------------------------------------------------------ connecting
    def try_connect(self) -> bool:
        """Start connecting in the background; False when the fields refuse it already."""
        if self._busy:
            return False
        problem = self.validation_error()
        if problem:
            self._error(problem)
            return False
        try:
            address = self.address()
        except InsecureConnectionError:
            self._error(self.tls_refusal())
            return False
        except StorageError as exc:
            self._error(str(exc))
            return False
        typed = self.password_edit.text() if self.password_edit.isVisible() else ""
        if self.locked and not typed:
            self._error(self.tr("Type your password."))
            common.shake(self.password_edit)
            return False
        self._busy = True
        self._set_busy(True)
        common.show_message(
            self.error_label,
            self.tr("Connecting to {host}…").format(host=address.host),
            error=False,
        )
        thread = threading.Thread(
            target=self._work, args=(address, typed or None), name="wir-connect", daemon=True
        )
        thread.start()
        self._thread = thread
        return True

    def _work(self, address: ServerAddress, typed: str | None) -> None:
        """On the worker thread: the typed password, else libpq's own, else the keyring."""
        try:
            if typed is not None:
                db = self._connect(address, password=typed)
            else:
                try:
                    db = self._connect(address)
                except NoPassphraseError:
                    remembered = keystore.recall_server_password(address.display())
                    if remembered is None:
                        self._report(None, None, True)
                        return
                    db = self._connect(address, password=remembered)
        except WrongPassphraseError as exc:
            self._report(None, exc, True)
            return
        except StorageError as exc:
            self._report(None, exc, False)
            return
        except Exception as exc:  # a bug: said, logged by the caller's handler, not raised here
            self._report(None, exc, False)
            return
        self._report(db, None, False)

    def _report(self, db: ServerDatabase | None, error: BaseException | None, ask: bool) -> None:
        """Hand the outcome to the GUI thread (a connection finishing after Cancel is
        closed in :meth:`_done`; after the dialog itself is gone, here)."""
        try:
            self._finished.emit(db, error, ask)
        except RuntimeError:  # the dialog was deleted meanwhile
            if db is not None:
                db.close()

    def _done(self, db: ServerDatabase | None, error: BaseException | None, ask: bool) -> None:
        self._busy = False
        self._set_busy(False)
        if not self.isVisible() and db is not None:
            db.close()  # cancelled meanwhile: nobody owns this connection
            return
        if db is None:
            if ask:
                self._show_password(True)
                self.password_edit.selectAll()
                self.password_edit.setFocus()
            if isinstance(error, InsecureConnectionError):
                self._error(self.tls_failure())
            elif isinstance(error, StorageError):
                self._error(str(error))
                if isinstance(error, WrongPassphraseError):
                    common.shake(self.password_edit)
            elif error is not None:
                from wir_manager import logsetup

                path = logsetup.log_crash(type(error), error, error.__traceback__)
                self._error(
                    self.tr(
                        "Connecting failed because of an internal error ({kind}). Details "
                        "for support are in {path}."
                    ).format(kind=type(error).__name__, path=path)
                )
            else:
                self._error(
                    self.tr("The server wants a password for {user}; type it.").format(
                        user=self.user_edit.text().strip()
                    )
                )
            return
        typed = self.password_edit.text() if self.password_edit.isVisible() else ""
        self.password_edit.clear()
        display = db.address.display()
        if typed and self.can_remember and self.remember_check.isChecked():
            with contextlib.suppress(KeyringUnavailableError):
                keystore.remember_server_password(display, typed)
        opts.add_recent_server(self.settings, display)
        self.database = db
        self.connected.emit(db)
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self.connect_button.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)
