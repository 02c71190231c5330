"""The encrypted database file: create, unlock, sessions, passphrase change, backup copy.

Everything SQLCipher-specific lives here; the rest of the code sees a SQLAlchemy engine
and sessions, so the same schema can later run on PostgreSQL.

Unlocking derives the key once (see :mod:`storage.keys`); each pooled connection then
receives the raw key as its very first statement, so no connection pays the KDF again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from wir_manager.i18n import _
from wir_manager.storage.changes import ChangeFeed, take_committed
from wir_manager.storage.cipherfile import (
    APP_ID,
    COUNTED_TABLES,
    SQLITE_PLAIN_HEADER,
    FileIdentity,
    integrity_check,
    not_ours_message,
    precheck_file,
    translate_os_error,
    verify_key,
)
from wir_manager.storage.errors import (
    DatabaseExistsError,
    NotADatabaseError,
    StorageError,
    WrongPassphraseError,
    stale_record,
)
from wir_manager.storage.keys import SALT_BYTES, DatabaseKey, read_salt

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

__all__ = [
    "APP_ID",
    "Database",
    "DatabaseInfo",
    "FileIdentity",
    "looks_encrypted",
    "precheck_file",
]

log = logging.getLogger(__name__)

CACHE_KIB = 65536


@dataclass(frozen=True)
class DatabaseInfo:
    path: str
    revision: str | None
    counts: dict[str, int]
    cipher: dict[str, str]
    operator: str
    size_bytes: int


class Database:
    """An unlocked database. Owns the engine and hands out short-lived sessions.

    Services open one session per task (or per thread) with :meth:`session`; nothing
    keeps an ORM object alive past its session.

    The engine (and with it SQLAlchemy, the models and the audit hooks) is built on first
    use, not when the file is unlocked: importing SQLAlchemy takes longer than a bare Qt
    window needs to appear, and the desktop app shows its unlocked window first and lets
    the first screen's background load pay for it. Building is locked, so the GUI thread
    and a worker asking at the same moment get the same engine.
    """

    #: A local encrypted file (``storage.server.ServerDatabase`` says True).
    is_server = False

    def __init__(
        self,
        path: Path,
        key: DatabaseKey,
        operator: str | None = None,
        *,
        identity: FileIdentity | None = None,
    ) -> None:
        from wir_manager.storage.hardening import no_core_dumps

        no_core_dumps()  # a key is in memory from now on: no core dumps of this process
        self.path = Path(path)
        self._key = key
        self._operator = operator
        #: What the file said about itself when it was unlocked (None for a new file).
        self.identity = identity
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._engine_lock = threading.Lock()
        #: Every committed change to this file is published here (see storage.changes).
        self.changes = ChangeFeed()

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
        from wir_manager.storage.models import Setting

        path = Path(path)
        if path.exists():
            raise DatabaseExistsError(
                _("{path} already exists; open it instead.").format(path=path)
            )
        if not passphrase and key is None:
            raise StorageError(_("A passphrase is needed to create a database."))
        path.parent.mkdir(parents=True, exist_ok=True)
        key = key or DatabaseKey.new(passphrase)
        import tempfile  # not at module level: it is not needed to unlock (start-up time)

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
        identity = verify_key(path, key, quick_check=quick_check)
        # Identify the file before any write: an upgrade must never touch a database that
        # is not ours.
        if not identity.is_ours:
            raise NotADatabaseError(not_ours_message(path))
        db = cls(path, key, identity=identity)
        if migrate_schema and identity.revision != migrate.head_revision():
            try:
                migrate.upgrade_if_needed(db)
            except BaseException:
                db.dispose()
                raise
        return db

    def integrity_check(self) -> None:
        """Read every page once (``PRAGMA quick_check``); raises ``DamagedDatabaseError``.

        :meth:`open` runs it unless told not to; the desktop app defers it to the
        background so a large file does not slow every start.
        """
        integrity_check(self.path, self._key)

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

    @property
    def engine(self) -> Engine:
        engine = self._engine
        if engine is None:
            with self._engine_lock:
                if self._engine is None:
                    self._build_engine()
                engine = self._engine
        assert engine is not None
        return engine

    def _build_engine(self) -> None:
        from sqlalchemy.orm import sessionmaker

        from wir_manager.storage import audit, changes

        self._check_open()
        engine = self._make_engine()
        changes.install(engine)
        sessions = sessionmaker(engine, expire_on_commit=False)
        audit.install(sessions)
        self._sessions = sessions
        self._engine = engine

    def _check_open(self) -> None:
        if self._key.wiped:
            raise StorageError(_("The database is locked; unlock it first."))

    def _make_engine(self) -> Engine:
        from sqlalchemy import create_engine, event
        from sqlalchemy.pool import QueuePool

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
        self.engine  # noqa: B018 - builds the engine and the session factory on first use
        assert self._sessions is not None
        s = self._sessions()
        s.info["operator"] = operator or self.operator
        try:
            yield s
            s.commit()
        except BaseException as exc:
            s.rollback()
            take_committed()  # nothing of a failed unit of work is announced
            translated = translate_os_error(exc, self.path) or stale_record(exc)
            if translated is not None:
                raise translated from None
            raise
        finally:
            s.close()
        self.publish_committed()

    @contextlib.contextmanager
    def connection(self) -> Iterator[Any]:
        """A Core connection in one transaction, for bulk inserts and fast reads."""
        from sqlalchemy.exc import DatabaseError as SADatabaseError
        from sqlalchemy.exc import OperationalError as SAOperationalError

        try:
            with self.engine.begin() as conn:
                yield conn
        except (SAOperationalError, SADatabaseError, OSError) as exc:
            translated = translate_os_error(exc, self.path)
            if translated is not None:
                raise translated from None
            raise
        self.publish_committed()

    def publish_committed(self) -> None:
        """Announce what this thread committed (on :attr:`changes`)."""
        self.changes.publish(take_committed())

    # ----------------------------------------------------------------- settings
    @property
    def operator(self) -> str:
        if self._operator is None:
            self._operator = self.setting("operator") or "unknown"
        return self._operator

    def setting(self, key: str, default: str | None = None) -> str | None:
        from sqlalchemy import select
        from sqlalchemy.exc import OperationalError as SAOperationalError

        from wir_manager.storage.models import Setting

        try:
            with self.engine.connect() as conn:
                value = conn.execute(select(Setting.value).where(Setting.key == key)).scalar()
        except SAOperationalError:
            return default
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        from wir_manager.storage.models import Setting

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
        import tempfile

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
            verify_key(tmp, self._key, quick_check=True)
            os.replace(tmp, dest)
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            translated = translate_os_error(exc, dest)
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
        self.dispose()
        raw = self._connect()
        try:
            raw.execute(f"PRAGMA rekey = {new_key.pragma_literal()}")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlcipher3.DatabaseError as exc:
            translated = translate_os_error(exc, self.path)
            raise (
                translated
                or StorageError(_("The passphrase could not be changed; the old one still works."))
            ) from None
        finally:
            raw.close()
        self._key.wipe()
        self._key = new_key
        self.dispose()

    @property
    def location(self) -> str:
        """Where the data is, for titles and messages (a server gives its address)."""
        return str(self.path)

    def counts(self) -> dict[str, int]:
        """Rows in the main tables (the status bar and ``wir-manager info``)."""
        return count_rows(self)

    def info(self) -> DatabaseInfo:
        from wir_manager.storage import migrate

        counts = self.counts()
        with self.engine.connect() as conn:
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
        if self._engine is not None:
            self._engine.dispose()

    def close(self) -> None:
        """Lock: fold the WAL in, drop every connection, and wipe the key from memory."""
        if self._key.wiped:
            return
        if self._engine is not None:
            with contextlib.suppress(Exception):
                self.checkpoint()
        self.dispose()
        self._key.wipe()

    @property
    def closed(self) -> bool:
        return self._key.wiped

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def count_rows(db: Any) -> dict[str, int]:
    """Rows in the main tables, on either backend (what the caller may see, on a server);
    the same :data:`COUNTED_TABLES` count a closed backup before a restore."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return {
            label: int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for label, table in COUNTED_TABLES
        }


def looks_encrypted(path: Path) -> bool:
    """True when the first bytes are not a plain SQLite header (used by tests and checks)."""
    with open(path, "rb") as fh:
        head = fh.read(max(SALT_BYTES, len(SQLITE_PLAIN_HEADER)))
    return not head.startswith(SQLITE_PLAIN_HEADER)
