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


class WriteFailedError(StorageError):
    """The disk refused a write (I/O error, file size limit); the transaction rolled back."""


class MigrationError(StorageError):
    pass
