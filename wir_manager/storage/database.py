"""The encrypted database file: create, unlock, sessions, passphrase change, backup copy.

Everything SQLCipher-specific lives here; the rest of the code sees a SQLAlchemy engine
and sessions, so the same schema can later run on PostgreSQL.

Unlocking derives the key once (see :mod:`storage.keys`); each pooled connection then
receives the raw key as its very first statement, so no connection pays the KDF again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError as SAOperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from wir_manager.i18n import _
from wir_manager.storage import audit
from wir_manager.storage.errors import (
    DamagedDatabaseError,
    DatabaseExistsError,
    DatabaseInUseError,
    DatabaseMissingError,
    DiskFullError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
    WriteFailedError,
    WrongPassphraseError,
)
from wir_manager.storage.keys import SALT_BYTES, DatabaseKey, read_salt
from wir_manager.storage.models import Setting

log = logging.getLogger(__name__)

APP_ID = "wir-manager"
PAGE_SIZE = 4096
CACHE_KIB = 65536
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class DatabaseInfo:
    path: str
    revision: str | None
    counts: dict[str, int]
    cipher: dict[str, str]
    operator: str
    size_bytes: int


def _describe(path: Path) -> str:
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
            _("{file} is empty; it is not a WiR Manager database.").format(file=_describe(path))
        )
    with open(path, "rb") as fh:
        head = fh.read(len(SQLITE_PLAIN_HEADER))
    if head == SQLITE_PLAIN_HEADER:
        raise NotADatabaseError(
            _(
                "{file} is an unencrypted SQLite database of another program, not a WiR Manager "
                "database."
            ).format(file=_describe(path))
        )
    if size < PAGE_SIZE:
        raise NotADatabaseError(
            _(
                "{file} is too small to be a WiR Manager database (it may be damaged or a "
                "different kind of file)."
            ).format(file=_describe(path))
        )
    if size % PAGE_SIZE:
        raise DamagedDatabaseError(
            _(
                "{file} looks truncated or damaged (its size is not a whole number of pages); "
                "open a backup instead."
            ).format(file=_describe(path))
        )


def _translate_os_error(exc: BaseException, path: Path) -> StorageError | None:
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
                file=_describe(path)
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
            ).format(file=_describe(path))
        )
    if "database is locked" in message or "database is busy" in message:
        return DatabaseInUseError(
            _(
                "{file} is busy in another WiR Manager window or program; close it there and "
                "try again."
            ).format(file=_describe(path))
        )
    return None


class Database:
    """An unlocked database. Owns the engine and hands out short-lived sessions.

    Services open one session per task (or per thread) with :meth:`session`; nothing
    keeps an ORM object alive past its session.
    """

    def __init__(self, path: Path, key: DatabaseKey, operator: str | None = None) -> None:
        from wir_manager.storage.hardening import no_core_dumps

        no_core_dumps()  # a key is in memory from now on: no core dumps of this process
        self.path = Path(path)
        self._key = key
        self.engine: Engine = self._make_engine()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        audit.install(self._sessions)
        self._operator = operator

    # ----------------------------------------------------------------- opening
    @classmethod
    def create(
        cls,
        path: os.PathLike[str] | str,
        passphrase: str,
        operator: str,
        *,
        key: DatabaseKey | None = None,
    ) -> Database:
        """Create a new encrypted database with the current schema.

        The file is built under a temporary name and renamed into place only when the
        schema is complete, so a crash never leaves a half-made database behind.
        """
        from wir_manager.storage import migrate

        path = Path(path)
        if path.exists():
            raise DatabaseExistsError(
                _("{path} already exists; open it instead.").format(path=path)
            )
        if not passphrase and key is None:
            raise StorageError(_("A passphrase is needed to create a database."))
        path.parent.mkdir(parents=True, exist_ok=True)
        key = key or DatabaseKey.new(passphrase)
        fd, tmp_name = tempfile.mkstemp(prefix=".creating-", suffix=".db", dir=path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        tmp.unlink()
        try:
            raw = sqlcipher3.connect(str(tmp))
            try:
                raw.execute(f"PRAGMA key = {key.pragma_literal(with_salt=True)}")
                raw.execute("PRAGMA cipher_log_level = NONE")
                raw.execute("PRAGMA journal_mode = WAL")
                raw.commit()
            finally:
                raw.close()
            db = cls(tmp, key.copy(), operator)
            try:
                migrate.upgrade(db)
                with db.session() as s:
                    s.add_all(
                        [
                            Setting(key="app_id", value=APP_ID),
                            Setting(key="operator", value=operator),
                            Setting(key="created_at", value=dt.datetime.now(dt.UTC).isoformat()),
                        ]
                    )
                db.checkpoint()
            finally:
                db.dispose()
            os.replace(tmp, path)
        except BaseException:
            for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                leftover.unlink(missing_ok=True)
            raise
        return cls.open(path, key=key)

    @classmethod
    def open(
        cls,
        path: os.PathLike[str] | str,
        passphrase: str | None = None,
        *,
        key: DatabaseKey | None = None,
        migrate_schema: bool = True,
        quick_check: bool = True,
    ) -> Database:
        """Unlock ``path``. Raises a :class:`StorageError` with one plain sentence on failure;
        the file is never written unless the key was right and the schema needs upgrading."""
        from wir_manager.storage import migrate

        path = Path(path)
        precheck_file(path)
        salt = read_salt(path)
        if key is None:
            if passphrase is None:
                raise WrongPassphraseError(_("A passphrase is needed to open this database."))
            key = DatabaseKey.derive(passphrase, salt)
        elif key.salt != salt:
            raise WrongPassphraseError(
                _("The remembered key does not belong to this file; enter the passphrase.")
            )
        _validate_key(path, key, quick_check=quick_check)
        db = cls(path, key)
        try:
            # Identify the file before any write: an upgrade must never touch a database
            # that is not ours.
            if migrate.current_revision(db) is None or db.setting("app_id") != APP_ID:
                raise NotADatabaseError(
                    _(
                        "{file} is an encrypted database of another program, not a WiR Manager "
                        "database."
                    ).format(file=_describe(path))
                )
            if migrate_schema:
                migrate.upgrade_if_needed(db)
        except BaseException:
            db.dispose()
            raise
        return db

    # ----------------------------------------------------------------- engine
    def _connect(self) -> sqlcipher3.Connection:
        uri = f"{self.path.resolve().as_uri()}?mode=rw"
        conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        # The key must be the first statement on every connection.
        conn.execute(f"PRAGMA key = {self._key.pragma_literal()}")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 5000")
        # Decrypted pages stay in this connection's cache (64 MiB), so repeated queries do
        # not pay for decryption again; the OS cache only ever sees ciphertext.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        return conn

    def _make_engine(self) -> Engine:
        engine = create_engine(
            "sqlite+pysqlite://",
            module=sqlcipher3.dbapi2,
            creator=self._connect,
            poolclass=QueuePool,
            pool_size=4,
            max_overflow=4,
            # Reuse the most recently used connection: its page cache is the warm one.
            pool_use_lifo=True,
            # Bound values are candidate data: never put them in exception text or logs.
            hide_parameters=True,
        )

        # pysqlite's own transaction handling is bypassed (isolation_level=None above) so
        # that DDL is transactional too: a migration is then all-or-nothing.
        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN")

        return engine

    @contextlib.contextmanager
    def session(self, *, operator: str | None = None) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        s = self._sessions()
        s.info["operator"] = operator or self.operator
        try:
            yield s
            s.commit()
        except BaseException as exc:
            s.rollback()
            translated = _translate_os_error(exc, self.path)
            if translated is not None:
                raise translated from None
            raise
        finally:
            s.close()

    @contextlib.contextmanager
    def connection(self) -> Iterator[Any]:
        """A Core connection in one transaction, for bulk inserts and fast reads."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except (SAOperationalError, SADatabaseError, OSError) as exc:
            translated = _translate_os_error(exc, self.path)
            if translated is not None:
                raise translated from None
            raise

    # ----------------------------------------------------------------- settings
    @property
    def operator(self) -> str:
        if self._operator is None:
            self._operator = self.setting("operator") or "unknown"
        return self._operator

    def setting(self, key: str, default: str | None = None) -> str | None:
        try:
            with self.engine.connect() as conn:
                value = conn.execute(select(Setting.value).where(Setting.key == key)).scalar()
        except SAOperationalError:
            return default
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self.session() as s:
            s.merge(Setting(key=key, value=value))

    # ----------------------------------------------------------------- maintenance
    @property
    def key(self) -> DatabaseKey:
        return self._key

    def checkpoint(self) -> None:
        """Fold the WAL back into the main file (before copies and on close)."""
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def backup_to(self, dest: os.PathLike[str] | str) -> Path:
        """Write an encrypted, verified copy with the same key and salt.

        ``sqlcipher_export`` writes into a temporary file that is renamed into place only
        after it has been reopened and checked, so a failed backup never replaces a good one.
        """
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".db", dir=dest.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        tmp.unlink()
        try:
            raw = self._connect()
            try:
                raw.execute(
                    f"ATTACH DATABASE ? AS backup KEY {self._key.pragma_literal(with_salt=True)}",
                    (str(tmp),),
                )
                raw.execute("SELECT sqlcipher_export('backup')")
                version = raw.execute("PRAGMA user_version").fetchone()[0]
                raw.execute(f"PRAGMA backup.user_version = {int(version)}")
                raw.execute("DETACH DATABASE backup")
            finally:
                raw.close()
            _validate_key(tmp, self._key, quick_check=True)
            os.replace(tmp, dest)
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            translated = _translate_os_error(exc, dest)
            if translated is not None:
                raise translated from None
            raise
        return dest

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt every page under a key derived from ``new_passphrase``.

        ``PRAGMA rekey`` runs as one transaction: a crash leaves the old passphrase valid.
        The file keeps its salt, so the new passphrase opens it in any SQLCipher 4 tool.
        """
        if not new_passphrase:
            raise StorageError(_("The new passphrase must not be empty."))
        new_key = DatabaseKey.derive(new_passphrase, self._key.salt)
        self.engine.dispose()
        raw = self._connect()
        try:
            raw.execute(f"PRAGMA rekey = {new_key.pragma_literal()}")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlcipher3.DatabaseError as exc:
            translated = _translate_os_error(exc, self.path)
            raise (
                translated
                or StorageError(_("The passphrase could not be changed; the old one still works."))
            ) from None
        finally:
            raw.close()
        self._key.wipe()
        self._key = new_key
        self.engine.dispose()

    def info(self) -> DatabaseInfo:
        from wir_manager.storage import migrate
        from wir_manager.storage.models import (
            Candidate,
            Organisation,
            PlacementRequest,
            ShortlistEntry,
            TrainingModule,
        )

        counts: dict[str, int] = {}
        with self.engine.connect() as conn:
            for label, model in (
                ("candidates", Candidate),
                ("organisations", Organisation),
                ("requests", PlacementRequest),
                ("training_modules", TrainingModule),
                ("shortlist_entries", ShortlistEntry),
            ):
                counts[label] = conn.execute(select(func.count()).select_from(model)).scalar_one()
            cipher: dict[str, str] = {}
            for pragma in (
                "cipher_version",
                "cipher_provider",
                "kdf_iter",
                "cipher_page_size",
                "cipher_hmac_algorithm",
                "cipher_kdf_algorithm",
                "journal_mode",
            ):
                row = conn.exec_driver_sql(f"PRAGMA {pragma}").fetchone()
                cipher[pragma] = str(row[0]) if row else ""
        return DatabaseInfo(
            path=str(self.path),
            revision=migrate.current_revision(self),
            counts=counts,
            cipher=cipher,
            operator=self.operator,
            size_bytes=self.path.stat().st_size,
        )

    def dispose(self) -> None:
        self.engine.dispose()

    def close(self) -> None:
        """Lock: fold the WAL in, drop every connection, and wipe the key from memory."""
        if self._key.wiped:
            return
        with contextlib.suppress(Exception):
            self.checkpoint()
        self.engine.dispose()
        self._key.wipe()

    @property
    def closed(self) -> bool:
        return self._key.wiped

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _validate_key(path: Path, key: DatabaseKey, *, quick_check: bool) -> None:
    """Prove the key by reading the schema; SQLCipher only reports a wrong key on first read."""
    try:
        raw = sqlcipher3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlcipher3.OperationalError as exc:
        raise _translate_os_error(exc, path) or NotADatabaseError(
            _("{file} cannot be opened: {reason}.").format(file=_describe(path), reason=exc)
        ) from None
    try:
        raw.execute(f"PRAGMA key = {key.pragma_literal()}")
        raw.execute("PRAGMA cipher_log_level = NONE")
        try:
            # Reads page 1 only: if it decrypts, the key is right, whatever follows.
            raw.execute("PRAGMA user_version").fetchone()
        except sqlcipher3.DatabaseError as exc:
            if "malformed" in str(exc):  # page 1 decrypted, but the file is cut short
                raise DamagedDatabaseError(
                    _(
                        "{file} is damaged (pages are missing or corrupt); open a backup instead."
                    ).format(file=_describe(path))
                ) from None
            if "unable to open" in str(exc):
                # A WAL database needs its -shm/-wal files beside it; on a read-only medium
                # or folder SQLite cannot make them. That is not a wrong passphrase.
                raise ReadOnlyDatabaseError(
                    _(
                        "{file} cannot be opened because its folder is read-only (WiR Manager "
                        "keeps a journal file beside the database); copy it to a folder you can "
                        "write to."
                    ).format(file=_describe(path))
                ) from None
            raise WrongPassphraseError(
                _("The passphrase is wrong, or this file is not a WiR Manager database.")
            ) from None
        try:
            raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
            result = raw.execute("PRAGMA quick_check").fetchone() if quick_check else ("ok",)
        except sqlcipher3.DatabaseError:
            result = ("error",)
        if not result or result[0] != "ok":
            raise DamagedDatabaseError(
                _(
                    "{file} is damaged (pages are missing or corrupt); open a backup instead."
                ).format(file=_describe(path))
            )
    finally:
        raw.close()


def looks_encrypted(path: Path) -> bool:
    """True when the first bytes are not a plain SQLite header (used by tests and checks)."""
    with open(path, "rb") as fh:
        head = fh.read(max(SALT_BYTES, len(SQLITE_PLAIN_HEADER)))
    return not head.startswith(SQLITE_PLAIN_HEADER)
