"""The encrypted file before SQLAlchemy: sanity checks, proving a key, whose file it is.

Unlocking only needs to know three things: that the file can be one of ours, that the
key decrypts it, and which schema revision and application wrote it. None of that needs
an engine, so it lives here on a raw sqlcipher3 connection. The desktop app can then
unlock (and show its window) while SQLAlchemy and the models are still being imported,
which is most of a cold start. :mod:`storage.database` builds on these functions.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from wir_manager.i18n import _
from wir_manager.storage.errors import (
    DamagedDatabaseError,
    DatabaseInUseError,
    DatabaseMissingError,
    DiskFullError,
    FolderMissingError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
    UnreadableDatabaseError,
    WriteFailedError,
    WrongPassphraseError,
)
from wir_manager.storage.keys import DatabaseKey

APP_ID = "wir-manager"
PAGE_SIZE = 4096
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileIdentity:
    """What an unlocked file says about itself (read before any engine exists)."""

    revision: str | None
    app_id: str | None
    #: "wal", or "delete" for a file written by ``sqlcipher_export`` (old backups).
    journal_mode: str | None = None
    #: An erasure's compaction failed (full disk) and is retried at this unlock; read
    #: here so an unlock without one needs no SQLAlchemy engine.
    compaction_pending: bool = False
    #: The name stored as the file's operator and its snapshot marking (JSON), read here
    #: for the window's status bar and title: the main window needs them before its
    #: first frame, and reading them through the engine would load SQLAlchemy on the GUI
    #: thread first (~0.4 s of a start).
    operator: str | None = None
    snapshot: str | None = None

    @property
    def is_ours(self) -> bool:
        return self.revision is not None and self.app_id == APP_ID


def not_ours_message(path: Path) -> str:
    return _(
        "{file} is an encrypted database of another program, not a WiR Manager database."
    ).format(file=describe(path))


def describe(path: Path) -> str:
    return f"“{path.name}”"


def precheck_file(path: Path) -> None:
    """Reject what cannot be one of our files before any key is tried.

    These checks read bytes only; they never open the file for writing.
    """
    if not path.exists():
        raise DatabaseMissingError(_("There is no database at {path}.").format(path=path))
    if path.is_dir():
        raise NotADatabaseError(
            _("{path} is a folder, not a WiR Manager database.").format(path=path)
        )
    size = path.stat().st_size
    if size == 0:
        raise NotADatabaseError(
            _("{file} is empty; it is not a WiR Manager database.").format(file=describe(path))
        )
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_PLAIN_HEADER))
    except PermissionError:
        raise UnreadableDatabaseError(
            _(
                "{file} cannot be read: this user has no permission to open it; check who "
                "owns the file."
            ).format(file=describe(path))
        ) from None
    if head == SQLITE_PLAIN_HEADER:
        raise NotADatabaseError(
            _(
                "{file} is an unencrypted SQLite database of another program, not a WiR Manager "
                "database."
            ).format(file=describe(path))
        )
    if size < PAGE_SIZE:
        raise NotADatabaseError(
            _(
                "{file} is too small to be a WiR Manager database (it may be damaged or a "
                "different kind of file)."
            ).format(file=describe(path))
        )
    if size % PAGE_SIZE:
        raise DamagedDatabaseError(
            _(
                "{file} looks truncated or damaged (its size is not a whole number of pages); "
                "open a backup instead."
            ).format(file=describe(path))
        )


def translate_os_error(exc: BaseException, path: Path) -> StorageError | None:
    message = str(exc).lower()
    if (
        (isinstance(exc, OSError) and exc.errno == errno.ENOSPC)
        or "disk is full" in message
        or "database or disk is full" in message
    ):
        return DiskFullError(
            _("The disk is full, so the change was not saved; free some space and try again.")
        )
    if (
        "readonly" in message
        or "read-only" in message
        or (isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM))
    ):
        return ReadOnlyDatabaseError(
            _("{file} cannot be written (read-only file or folder); check its permissions.").format(
                file=describe(path)
            )
        )
    if "disk i/o error" in message or (
        isinstance(exc, OSError) and exc.errno in (errno.EIO, errno.EFBIG)
    ):
        # EFBIG: the file hit a size limit (FAT32's 4 GiB, a quota, RLIMIT_FSIZE); EIO: the
        # medium failed or was unplugged. SQLite rolls back either way.
        return WriteFailedError(
            _(
                "{file} could not be written (the disk reported an error or the file reached "
                "its size limit), so the change was not saved."
            ).format(file=describe(path))
        )
    if "database is locked" in message or "database is busy" in message:
        return DatabaseInUseError(
            _(
                "{file} is busy in another WiR Manager window or program; close it there and "
                "try again."
            ).format(file=describe(path))
        )
    return None


def backup_failed(exc: BaseException, dest: Path) -> StorageError | None:
    """Why a backup to ``dest`` was not written, as one sentence naming the real cause.

    Issue #16.2: every failed backup said "the disk reported an error", which sent a
    coordinator with 78 GB free looking for a broken disk. A backup has its own
    causes, each with its own remedy: a full disk, a folder this user may not write, a
    folder that is gone (an unplugged drive, a link to nowhere), a read-only medium
    (a locked SD card, a CD, a share mounted read-only), the database held by another
    program, a file-size limit (FAT32), an I/O error. The errno is read when there is
    one (creating the temporary file fails first in a folder that cannot take it);
    SQLite's own words otherwise. None: not a cause we know; the caller says more.
    """
    message = str(exc).lower()
    number = exc.errno if isinstance(exc, OSError) else None
    folder = f"“{dest.parent}”"
    if number in (errno.ENOSPC, errno.EDQUOT) or "disk is full" in message:
        return DiskFullError(
            _(
                "The backup was not written because the disk holding {folder} is full; free "
                "some space or choose a folder on another disk."
            ).format(folder=folder)
        )
    if number == errno.EROFS or "read-only file system" in message:
        return ReadOnlyDatabaseError(
            _(
                "The backup was not written because {folder} is on a read-only disk (a "
                "locked memory card, a disc or a read-only share); choose a folder on a "
                "writable disk."
            ).format(folder=folder)
        )
    if number in (errno.EACCES, errno.EPERM) or "readonly" in message:
        return ReadOnlyDatabaseError(
            _(
                "The backup was not written because this user may not write to {folder}; "
                "check the folder's permissions or choose another folder."
            ).format(folder=folder)
        )
    if number in (errno.ENOENT, errno.ENOTDIR, errno.EEXIST):
        return FolderMissingError(
            _(
                "The backup was not written because the folder {folder} is not there (an "
                "unplugged drive, or a link to a folder that is gone); plug the drive in "
                "or choose another folder."
            ).format(folder=folder)
        )
    if "database is locked" in message or "database is busy" in message:
        return DatabaseInUseError(
            _(
                "The backup was not written because another program is holding the "
                "database right now; close it there (or wait for it to finish) and back "
                "up again."
            )
        )
    if number == errno.EFBIG:
        return WriteFailedError(
            _(
                "The backup was not written because the file reached the size limit of "
                "the disk holding {folder} (FAT32 takes at most 4 GB a file); choose a "
                "folder on another disk."
            ).format(folder=folder)
        )
    if number == errno.EIO or "disk i/o error" in message:
        return WriteFailedError(
            _(
                "The backup was not written because the disk holding {folder} reported a "
                "read or write error (it may be failing or was unplugged); check the disk "
                "or choose another folder."
            ).format(folder=folder)
        )
    return None


def _read_only_uri(path: Path, closed: bool) -> str:
    """``mode=ro``; for a closed file (a backup) also ``immutable=1``. A backup is in WAL
    mode, and SQLite opening a WAL file read-only still creates its -wal and -shm beside
    it: reading a backup then left sidecars in the backups folder and changed its
    "written" time. A finished backup never changes, so no lock or WAL index is needed."""
    return f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if closed else "")


def verify_key(
    path: Path, key: DatabaseKey, *, quick_check: bool, closed: bool = False
) -> FileIdentity:
    """Prove the key by reading the schema, then say whose file it is.

    SQLCipher only reports a wrong key on the first read, so page 1 is read first; the
    file is opened read-only, so nothing here can change it. ``closed``: the file is a
    finished backup nobody has open (see :func:`_read_only_uri`).
    """
    try:
        raw = sqlcipher3.connect(_read_only_uri(path, closed), uri=True)
    except sqlcipher3.OperationalError as exc:
        raise translate_os_error(exc, path) or NotADatabaseError(
            _("{file} cannot be opened: {reason}.").format(file=describe(path), reason=exc)
        ) from None
    try:
        raw.execute(f"PRAGMA key = {key.pragma_literal()}")
        raw.execute("PRAGMA cipher_log_level = NONE")
        try:
            # Reads page 1 only: if it decrypts, the key is right, whatever follows.
            raw.execute("PRAGMA user_version").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise _open_failure(exc, path) from None
        try:
            raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
            result = raw.execute("PRAGMA quick_check").fetchone() if quick_check else ("ok",)
        except sqlcipher3.DatabaseError:
            result = ("error",)
        if not result or result[0] != "ok":
            raise DamagedDatabaseError(damaged_message(path))
        return FileIdentity(
            revision=_scalar(raw, "SELECT version_num FROM alembic_version"),
            app_id=_scalar(raw, "SELECT value FROM settings WHERE key = 'app_id'"),
            journal_mode=(_scalar(raw, "PRAGMA journal_mode") or "").lower() or None,
            compaction_pending=_scalar(
                raw, "SELECT value FROM settings WHERE key = 'compaction_pending'"
            )
            == "1",
            operator=_scalar(raw, "SELECT value FROM settings WHERE key = 'operator'"),
            snapshot=_scalar(raw, "SELECT value FROM settings WHERE key = 'snapshot'"),
        )
    finally:
        raw.close()


#: The main tables counted for the status bar, ``wir-manager info`` and the restore
#: comparison: (label, table).
COUNTED_TABLES: tuple[tuple[str, str], ...] = (
    ("candidates", "candidates"),
    ("organisations", "organisations"),
    ("requests", "placement_requests"),
    ("training_modules", "training_modules"),
    ("shortlist_entries", "shortlist_entries"),
)


def read_counts(path: Path, key: DatabaseKey) -> dict[str, int]:
    """Rows in :data:`COUNTED_TABLES` of a closed file (a backup), read-only.

    A table the file does not have yet (an older schema) counts as 0.
    """
    try:
        raw = sqlcipher3.connect(_read_only_uri(path, closed=True), uri=True)
    except sqlcipher3.OperationalError as exc:
        raise translate_os_error(exc, path) or NotADatabaseError(
            _("{file} cannot be opened: {reason}.").format(file=describe(path), reason=exc)
        ) from None
    try:
        raw.execute(f"PRAGMA key = {key.pragma_literal()}")
        raw.execute("PRAGMA cipher_log_level = NONE")
        counts: dict[str, int] = {}
        for label, table in COUNTED_TABLES:
            value = _scalar(raw, f"SELECT count(*) FROM {table}")
            counts[label] = int(value) if value is not None else 0
        return counts
    finally:
        raw.close()


def disk_full_beside(path: Path) -> bool:
    """True when the folder of ``path`` has no room for the journal (-wal, -shm) that
    opening the database needs: a few pages. A journal already that large (a write that
    filled the disk was rolled back and left its pages) is reused in place, so the file
    can still be opened and read."""
    import shutil

    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    try:
        if shm.exists() and wal.stat().st_size >= PAGE_SIZE * 4:
            return False
    except OSError:
        pass
    try:
        return shutil.disk_usage(path.parent).free < PAGE_SIZE * 4
    except OSError:
        return False


def disk_full_error(path: Path) -> DiskFullError:
    return DiskFullError(
        _(
            "{file} cannot be opened because the disk is full (WiR Manager needs a little "
            "space beside the database for its journal); free some space and try again."
        ).format(file=describe(path))
    )


def _open_failure(exc: sqlcipher3.DatabaseError, path: Path) -> StorageError:
    """Why the first read failed, honestly.

    Only SQLite's "file is not a database" means the key did not decrypt page 1. A WAL
    file also needs its ``-shm`` beside it: on a read-only folder (another user's), a
    read-only medium or a disk with no space left SQLite cannot make it, and that used to
    be reported as a wrong passphrase.
    """
    text = str(exc).lower()
    if "malformed" in text:  # page 1 decrypted, but the file is cut short
        return DamagedDatabaseError(damaged_message(path))
    if "not a database" in text or "encrypted" in text:
        return WrongPassphraseError(
            _("The passphrase is wrong, or this file is not a WiR Manager database.")
        )
    if disk_full_beside(path) or "disk is full" in text:
        return disk_full_error(path)
    writable = os.access(path.parent, os.W_OK) and not _read_only_mount(path.parent)
    if not writable or "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReadOnlyDatabaseError(
            _(
                "{file} cannot be opened because its folder is read-only (WiR Manager "
                "keeps a journal file beside the database); copy it to a folder you can "
                "write to."
            ).format(file=describe(path))
        )
    translated = translate_os_error(exc, path)
    if translated is not None:
        return translated
    return StorageError(
        _("{file} cannot be opened ({reason}).").format(file=describe(path), reason=str(exc))
    )


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _scalar(raw: sqlcipher3.Connection, sql: str) -> str | None:
    """One value, or None when the table is missing (a file that is not ours)."""
    try:
        row = raw.execute(sql).fetchone()
    except sqlcipher3.DatabaseError:
        return None
    return None if row is None or row[0] is None else str(row[0])


def damaged_message(path: Path) -> str:
    return _("{file} is damaged (pages are missing or corrupt); open a backup instead.").format(
        file=describe(path)
    )


def integrity_check(path: Path, key: DatabaseKey) -> None:
    """``PRAGMA quick_check`` on its own read-only connection.

    It reads every page, so it grows with the file (about 0.3 s at 50,000 candidates);
    the desktop app runs it in the background right after the window is up instead of
    making every start wait for it. Raises :class:`DamagedDatabaseError`.
    """
    verify_key(path, key, quick_check=True)
