"""Errors the storage layer raises, each carrying one plain sentence for the user.

Callers (CLI, GUI) show ``str(error)`` as it is; it never contains a key, a passphrase
or candidate data, so it is also safe to log.
"""

from __future__ import annotations


class StorageError(Exception):
    """Base class: something about the database file stops us; the file is unchanged."""


class WrongPassphraseError(StorageError):
    pass


class NotADatabaseError(StorageError):
    pass


class DamagedDatabaseError(StorageError):
    pass


class DatabaseMissingError(StorageError):
    pass


class DatabaseExistsError(StorageError):
    pass


class DatabaseInUseError(StorageError):
    pass


class NoPassphraseError(StorageError):
    pass


class KeyringUnavailableError(StorageError):
    pass


class ReadOnlyDatabaseError(StorageError):
    pass


class DiskFullError(StorageError):
    pass


class UnreadableDatabaseError(StorageError):
    """The file exists but this user may not read it (permissions)."""


class WriteFailedError(StorageError):
    """The disk refused a write (I/O error, file size limit); the transaction rolled back."""


class FolderMissingError(StorageError):
    """The folder to write into is not there (an unplugged drive, a dangling link)."""


class MigrationError(StorageError):
    pass


# Team server (PostgreSQL) faults, each one sentence (storage.server.translate_error).


class ServerUnreachableError(StorageError):
    """No server answers at that address (or it has no such database)."""


class ConnectionLostError(StorageError):
    """The server or the network dropped the connection mid-transaction; it rolled back."""


class InsecureConnectionError(StorageError):
    """A non-local server without verified TLS, or TLS that did not verify."""


class PermissionRefusedError(StorageError):
    """The server refused an action the login's role does not allow."""


class StaleRecordError(StorageError):
    """Two saves of the same record raced and this one lost (``row_version`` moved)."""


def stale_record(exc: BaseException) -> StaleRecordError | None:
    """The sentence for SQLAlchemy's ``StaleDataError`` (a lost ``row_version`` race)."""
    if type(exc).__name__ != "StaleDataError":
        return None
    from wir_manager.i18n import _

    return StaleRecordError(
        _(
            "Someone else saved this record at the same moment, so your changes were not "
            "saved; reload it and make them again."
        )
    )


class TextTooLongError(StorageError, ValueError):
    """A text is longer than its field allows (``storage.text_limits``); nothing was
    written. A ValueError too: to the caller it is bad input, like any validation."""
