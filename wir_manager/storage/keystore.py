"""Remembering a database key on this computer, through the OS keyring only.

Opt-in only, and only with a real backend (Secret Service, macOS Keychain, Windows
Credential Locker). Headless Linux and CI have none: then we say so and the user types
the passphrase. We never fall back to a plaintext or base64 "keyring" file.

Unlocking order for non-interactive use: ``WIR_MANAGER_PASSPHRASE``, then a remembered
key, then the caller's prompt.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from wir_manager.i18n import _
from wir_manager.storage.errors import (
    KeyringUnavailableError,
    NoPassphraseError,
    WrongPassphraseError,
)
from wir_manager.storage.keys import DatabaseKey

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

    from wir_manager.storage.database import Database

log = logging.getLogger(__name__)

SERVICE = "wir-manager"
PASSPHRASE_ENV = "WIR_MANAGER_PASSPHRASE"
NEW_PASSPHRASE_ENV = "WIR_MANAGER_NEW_PASSPHRASE"

#: Passphrases taken out of ``os.environ`` by :func:`environment_taken` (entry points).
_taken: dict[str, str] = {}
_taking = 0


@contextlib.contextmanager
def environment_taken() -> Iterator[None]:
    """Take ``WIR_MANAGER_PASSPHRASE`` and ``WIR_MANAGER_NEW_PASSPHRASE`` out of
    ``os.environ`` for the run of an entry point (the CLI's ``main``, the desktop app).

    A child process inherits the environment: a link opened in the browser, the PDF
    viewer for a dossier. From here on :func:`env_passphrase` answers from memory and
    the variables are gone from the environment. They are put back when the block ends,
    which only matters to callers that run ``main()`` inside their own process.
    """
    global _taking
    names = (PASSPHRASE_ENV, NEW_PASSPHRASE_ENV)
    before = {name: os.environ[name] for name in names if name in os.environ}
    saved = dict(_taken)
    _taken.clear()
    _taken.update({name: "" for name in names})  # taken, even when unset: no fallback
    for name in before:
        _taken[name] = os.environ.pop(name)
    _taking += 1
    try:
        yield
    finally:
        _taking -= 1
        _taken.clear()
        _taken.update(saved)
        for name, value in before.items():
            os.environ.setdefault(name, value)


def env_passphrase(name: str = PASSPHRASE_ENV) -> str | None:
    """The passphrase a script gave in the environment variable ``name``, or None.

    Inside :func:`environment_taken` it comes from memory (the variable is no longer in
    ``os.environ``). A value that is not valid UTF-8 (a terminal in another encoding)
    is refused with a sentence naming the variable, instead of Python's "surrogates not
    allowed".
    """
    value = _taken.get(name) if _taking and name in _taken else os.environ.get(name)
    if not value:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise NoPassphraseError(
            _(
                "{name} is not valid UTF-8 text (the terminal or script uses another "
                "encoding); set it again as UTF-8."
            ).format(name=name)
        ) from None
    return value


#: Backends that store secrets in files we would not call protected.
_INSECURE_MODULES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


def _keyring():
    """The keyring package, imported when a key is really looked up or stored: a start
    with ``WIR_MANAGER_PASSPHRASE`` or a typed passphrase does not need it."""
    import keyring
    import keyring.errors

    return keyring


def _real_backends(backend: KeyringBackend) -> list[KeyringBackend]:
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        return [b for b in backend.backends if _acceptable(b)]
    return [backend] if _acceptable(backend) else []


def _acceptable(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith(_INSECURE_MODULES):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:
        return False


def backend_available() -> bool:
    """True when a secure OS keyring can hold the key."""
    try:
        return bool(_real_backends(_keyring().get_keyring()))
    except Exception:
        return False


def backend_name() -> str:
    backends = _real_backends(_keyring().get_keyring())
    return type(backends[0]).__name__ if backends else "none"


def _account(path: Path) -> str:
    return str(Path(path).resolve())


def remember(path: Path, key: DatabaseKey) -> None:
    if not backend_available():
        raise KeyringUnavailableError(
            _(
                "This computer has no secure keyring (such as GNOME Keyring, KWallet, macOS "
                "Keychain or Windows Credential Manager), so the passphrase cannot be "
                "remembered; you will be asked for it each time."
            )
        )
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, _account(path), key.key_hex())
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailableError(
            _("The system keyring refused to store the key; you will be asked for the passphrase.")
        ) from exc


def recall(path: Path, salt: bytes) -> DatabaseKey | None:
    if not backend_available():
        return None
    keyring = _keyring()
    try:
        stored = keyring.get_password(SERVICE, _account(path))
    except keyring.errors.KeyringError:
        return None
    if not stored:
        return None
    try:
        return DatabaseKey.from_hex(stored, salt)
    except ValueError:
        return None


def forget(path: Path) -> bool:
    """Remove a remembered key; True when one was there."""
    if not backend_available():
        return False
    keyring = _keyring()
    try:
        keyring.delete_password(SERVICE, _account(path))
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError:
        return False
    return True


def is_remembered(path: Path) -> bool:
    if not backend_available():
        return False
    keyring = _keyring()
    try:
        return bool(keyring.get_password(SERVICE, _account(path)))
    except keyring.errors.KeyringError:
        return False


# ---------------------------------------------------------------------- team servers
def _server_account(address: str) -> str:
    """Keyring account of a team-server login: its address without any password
    (``postgresql://user@host:port/db``), so each login on each server has its own."""
    return f"server:{address}"


def remember_server_password(address: str, password: str) -> None:
    """Keep a team-server password in the OS keyring (opt-in, as for file keys); refused
    with one sentence where there is no secure keyring (CI, headless Linux)."""
    if not backend_available():
        raise KeyringUnavailableError(
            _(
                "This computer has no secure keyring (such as GNOME Keyring, KWallet, macOS "
                "Keychain or Windows Credential Manager), so the password cannot be "
                "remembered; you will be asked for it each time."
            )
        )
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, _server_account(address), password)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailableError(
            _("The system keyring refused to store the password; you will be asked for it.")
        ) from exc


def recall_server_password(address: str) -> str | None:
    """The remembered password of this server login, or None (also without a keyring)."""
    if not backend_available():
        return None
    keyring = _keyring()
    try:
        return keyring.get_password(SERVICE, _server_account(address)) or None
    except keyring.errors.KeyringError:
        return None


def forget_server_password(address: str) -> bool:
    """Remove a remembered server password; True when one was there."""
    if not backend_available():
        return False
    keyring = _keyring()
    try:
        keyring.delete_password(SERVICE, _server_account(address))
    except keyring.errors.KeyringError:  # PasswordDeleteError is one of these
        return False
    return True


def unlock(
    path: Path, prompt: Callable[[], str] | None = None, *, quick_check: bool = True
) -> Database:
    """Open ``path`` with the environment passphrase, a remembered key, or a prompt.

    A remembered key that no longer fits (the file was replaced or rekeyed elsewhere) is
    ignored and the prompt is used instead. ``quick_check=False`` leaves the whole-file
    integrity check to the caller (the desktop app runs it in the background).
    """
    from wir_manager.storage.database import Database, precheck_file
    from wir_manager.storage.keys import read_salt

    path = Path(path)
    env = env_passphrase(PASSPHRASE_ENV)
    if env:
        return Database.open(path, env, quick_check=quick_check)
    precheck_file(path)
    remembered = recall(path, read_salt(path))
    if remembered is not None:
        try:
            return Database.open(path, key=remembered, quick_check=quick_check)
        except WrongPassphraseError:
            log.info("remembered key no longer opens the database; asking for the passphrase")
    if prompt is None:
        raise NoPassphraseError(
            _("No passphrase given: set {PASSPHRASE_ENV} or run this in a terminal.").format(
                PASSPHRASE_ENV=PASSPHRASE_ENV
            )
        )
    return Database.open(path, prompt(), quick_check=quick_check)


class PendingUnlock:
    """:func:`unlock` without a prompt, running on its own thread.

    The key derivation (PBKDF2, ~0.1 s) and SQLite's reads release the GIL, so the
    desktop app starts this first and imports and builds its window meanwhile; on a
    two-core machine that hides the derivation from the start-up time entirely.
    """

    def __init__(
        self, path: Path, *, passphrase: str | None = None, quick_check: bool = False
    ) -> None:
        """``passphrase``: use this one (the demo database's) instead of looking for one."""
        import threading

        self.path = Path(path)
        self._passphrase = passphrase
        self._quick_check = quick_check
        self._db: Database | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="wir-unlock", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            key = self._derive_first()
            # Imported here, after the derivation: the thread starts before the storage
            # layer is loaded, so the derivation starts as early as possible.
            from wir_manager.storage.database import Database

            if key is not None:
                self._db = Database.open(self.path, key=key, quick_check=self._quick_check)
            elif self._passphrase is not None:  # the file could not be read: open says why
                self._db = Database.open(self.path, self._passphrase, quick_check=self._quick_check)
            else:
                self._db = unlock(self.path, prompt=None, quick_check=self._quick_check)
        except BaseException as exc:  # handed to the caller's thread by result()
            self._error = exc

    def _derive_first(self) -> DatabaseKey | None:
        """The key from the given passphrase or ``WIR_MANAGER_PASSPHRASE`` and the file's
        salt, or None (neither, or a file that cannot be read: :func:`unlock` or
        ``Database.open`` then says why)."""
        try:
            passphrase = self._passphrase or env_passphrase(PASSPHRASE_ENV)
        except NoPassphraseError:
            return None  # unlock() below says why, in a sentence
        if not passphrase:
            return None
        from wir_manager.storage.keys import SALT_BYTES, read_salt

        try:
            salt = read_salt(self.path)
        except OSError:
            return None
        if len(salt) != SALT_BYTES:
            return None
        return DatabaseKey.derive(passphrase, salt)

    def done(self) -> bool:
        """The unlock has finished (well or not): :meth:`result` will not wait."""
        return not self._thread.is_alive()

    def result(self) -> Database:
        """Wait for the unlock; raises what :func:`unlock` raised."""
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        assert self._db is not None
        return self._db
