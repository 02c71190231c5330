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
from wir_manager.storage import files, lock
from wir_manager.storage.changes import ChangeFeed, take_committed
from wir_manager.storage.cipherfile import (
    APP_ID,
    COUNTED_TABLES,
    SQLITE_PLAIN_HEADER,
    FileIdentity,
    backup_failed,
    describe,
    disk_full_beside,
    disk_full_error,
    integrity_check,
    not_ours_message,
    precheck_file,
    translate_os_error,
    verify_key,
)
from wir_manager.storage.errors import (
    DatabaseExistsError,
    DatabaseInUseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
    WrongPassphraseError,
    stale_record,
)
from wir_manager.storage.keys import SALT_BYTES, DatabaseKey, read_salt
from wir_manager.storage.lazy_engine import LazyEngine

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

#: How often a write transaction's ``BEGIN IMMEDIATE`` is tried (each attempt waits up to
#: the busy timeout for the other writer) before the writer is told the file is busy.
BEGIN_ATTEMPTS = 3

_WRITE_WORDS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "PRAGMA REKEY")


def is_write_statement(sql: str) -> bool:
    """True for statements that change the file (so closing must fold the WAL in)."""
    return sql.lstrip()[:12].upper().startswith(_WRITE_WORDS)


#: Execution option that makes a transaction start with ``BEGIN IMMEDIATE``.
WRITE_OPTION = "wir_write"
#: Temporary names of files being made; a crash can leave them, the next open removes them.
CREATING_PREFIX = ".creating-"
BACKUP_PREFIX = ".backup-"
RESTORING_PREFIX = ".restoring-"


def _begin_immediate(conn: Any) -> None:
    """``BEGIN IMMEDIATE``, tried :data:`BEGIN_ATTEMPTS` times: each try already waits up
    to the busy timeout for the writer ahead of us, so a bulk write waits its turn behind
    another window's saves instead of failing."""
    import time

    from sqlalchemy.exc import OperationalError

    for attempt in range(BEGIN_ATTEMPTS):
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as exc:
            busy = "locked" in str(exc.orig) or "busy" in str(exc.orig)
            if not busy or attempt == BEGIN_ATTEMPTS - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


@dataclass(frozen=True)
class DatabaseInfo:
    path: str
    revision: str | None
    counts: dict[str, int]
    cipher: dict[str, str]
    operator: str
    size_bytes: int


class Database(LazyEngine):
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
        hold: lock.OpenHold | None = None,
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
        #: This database's share of the lock that tells other processes it is open.
        self._hold = hold
        #: Set once a statement that changes the file ran: only then does closing
        #: checkpoint (a read-only command must not wait for another process's writer).
        self._wrote = False
        #: True for a read-only snapshot of a team server (read at the first connection).
        self.snapshot_read_only: bool | None = None

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
        try:
            files.private_folder(path.parent)
            key = key or DatabaseKey.new(passphrase)
            # An empty 0600 file: SQLite makes a new database in it, and its -wal and -shm
            # take the same mode.
            tmp = files.private_temp(path.parent, prefix=CREATING_PREFIX, suffix=".db")
        except OSError as exc:
            raise translate_os_error(exc, path) or StorageError(
                _("{path} cannot be created: {reason}.").format(
                    path=path, reason=files.write_failed_reason(exc)
                )
            ) from None
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
        if disk_full_beside(path):
            # The read-only check above needs no space; the first real use (its -wal and
            # -shm) does, and would fail later with a less helpful message.
            raise disk_full_error(path)
        try:
            hold = lock.OpenHold(path)
        except lock.BusyElsewhere:
            raise DatabaseInUseError(
                _(
                    "{file} is being restored or re-encrypted in another WiR Manager window; "
                    "try again in a moment."
                ).format(file=describe(path))
            ) from None
        db = cls(path, key, identity=identity, hold=hold)
        try:
            for own in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                if own.exists():
                    files.make_private(own)  # files of older versions were 0644
            if identity.journal_mode not in (None, "wal"):
                db._make_wal()
            if migrate_schema and identity.revision != migrate.head_revision():
                migrate.upgrade_if_needed(db)
        except BaseException:
            db.dispose()
            hold.release()
            raise
        remove_leftovers(path)
        if migrate_schema and identity.compaction_pending:
            db.finish_pending_compaction()
        return db

    def finish_pending_compaction(self) -> bool:
        """Compact now if an erasure could not (full disk); True when one was pending.

        The erasure itself was committed: the person is gone from every table, and
        ``secure_delete`` zeroed the cells. What was left was the ``VACUUM`` that removes
        old copies of pages from free pages and the WAL; it is retried at every unlock
        until it succeeds.
        """
        from wir_manager.storage import maintenance

        try:
            pending = self.setting(maintenance.COMPACTION_PENDING) == "1"
        except StorageError:
            return False
        if not pending:
            return False
        try:
            maintenance.compact(self)
        except StorageError:
            log.info("compaction still pending (the disk is still full?)")
            return True
        with contextlib.suppress(StorageError):
            maintenance.clear_compaction_pending(self)
        return True

    def _make_wal(self) -> None:
        """Put a file written in rollback-journal mode (a backup made by
        ``sqlcipher_export`` before backups were WAL, then restored) back into WAL mode:
        two windows on one file need it."""
        try:
            make_wal(self.path, self._key)
        except sqlcipher3.DatabaseError as exc:
            translated = translate_os_error(exc, self.path)
            if translated is not None:
                raise translated from None
            raise

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
        if self._is_read_only_snapshot(conn):
            conn.execute("PRAGMA query_only = ON")
        return conn

    def _is_read_only_snapshot(self, conn: sqlcipher3.Connection) -> bool:
        """A read-only snapshot of a team server (``server snapshot``): SQLite itself
        refuses every write on its connections (``query_only``)."""
        if self.snapshot_read_only is None:
            from wir_manager.storage.snapshot import SNAPSHOT_SETTING, SnapshotInfo

            try:
                row = conn.execute(
                    "SELECT value FROM settings WHERE key = ?", (SNAPSHOT_SETTING,)
                ).fetchone()
            except sqlcipher3.dbapi2.DatabaseError:  # no settings table yet (creating)
                return False
            info = SnapshotInfo.parse(row[0] if row else None)
            self.snapshot_read_only = bool(info and info.read_only)
        return self.snapshot_read_only

    def _snapshot_refusal(self, translated: StorageError | None) -> StorageError | None:
        if self.snapshot_read_only and isinstance(translated, ReadOnlyDatabaseError):
            return ReadOnlyDatabaseError(
                _(
                    "This is a read-only snapshot of the team server, so nothing can be "
                    "changed in it; make the change on the server."
                )
            )
        return translated

    def _build_engine(self) -> None:
        from sqlalchemy.orm import sessionmaker

        from wir_manager.storage import audit, changes, text_limits

        self._check_open()
        engine = self._make_engine()
        changes.install(engine)
        sessions = sessionmaker(engine, expire_on_commit=False)
        audit.install(sessions)
        text_limits.install(sessions)
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
            if conn.get_execution_options().get(WRITE_OPTION):
                _begin_immediate(conn)
            else:
                conn.exec_driver_sql("BEGIN")

        @event.listens_for(engine, "before_cursor_execute")
        def _note_writes(conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
            if not self._wrote and is_write_statement(statement):
                self._wrote = True

        return engine

    @contextlib.contextmanager
    def session(self, *, operator: str | None = None, write: bool = False) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error.

        ``write=True`` for a unit of work that changes data: its transaction starts with
        ``BEGIN IMMEDIATE``, so it takes the file's write lock before it reads anything.
        A deferred transaction that reads first and then writes fails at once ("busy")
        when another window committed in between (its snapshot is stale); an immediate
        one waits its turn instead.
        """
        self.engine  # noqa: B018 - builds the engine and the session factory on first use
        assert self._sessions is not None
        s = self._sessions()
        s.info["operator"] = operator or self.operator
        try:
            if write:
                s.connection(execution_options={WRITE_OPTION: True})
            yield s
            s.commit()
        except BaseException as exc:
            s.rollback()
            take_committed()  # nothing of a failed unit of work is announced
            translated = self._snapshot_refusal(
                translate_os_error(exc, self.path) or stale_record(exc)
            )
            if translated is not None:
                raise translated from None
            raise
        finally:
            s.close()
        self.publish_committed()

    @contextlib.contextmanager
    def connection(self, *, write: bool = False) -> Iterator[Any]:
        """A Core connection in one transaction, for bulk inserts and fast reads.

        ``write=True`` starts it with ``BEGIN IMMEDIATE`` (see :meth:`session`)."""
        from sqlalchemy.exc import DatabaseError as SADatabaseError
        from sqlalchemy.exc import OperationalError as SAOperationalError

        try:
            with self.engine.connect() as conn:
                if write:
                    conn.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    yield conn
        except (SAOperationalError, SADatabaseError, OSError) as exc:
            translated = self._snapshot_refusal(translate_os_error(exc, self.path))
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
        """Who signs this connection's changes in the audit log: the person's own name
        when the app set one (:meth:`use_operator`), else the name stored in the file
        when it was created."""
        if self._operator is None:
            # The name as read when the file was unlocked (no engine needed), else now.
            stored = self.identity.operator if self.identity is not None else None
            self._operator = stored or self.setting("operator") or "unknown"
        return self._operator

    def use_operator(self, name: str) -> None:
        """Sign this connection's changes with ``name`` (the desktop app's per-person
        setting): one file shared by several people records each one's own name."""
        name = name.strip()
        if name:
            self._operator = name

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

        with self.session(write=True) as s:
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

        ``sqlcipher_export`` writes into a private temporary file beside ``dest``
        (:func:`storage.files.atomic_output`), which is switched to WAL mode (the export
        leaves it in rollback-journal mode, and a restored file must be WAL), reopened
        and checked, and only then renamed into place: a failed backup never replaces a
        good one.
        """
        dest = Path(dest)
        refuse_own_files(self.path, dest)
        try:
            files.private_folder(dest.parent)
        except OSError as exc:
            raise backup_failed(exc, dest) or StorageError(
                files.write_failed_message(exc, dest)
            ) from None

        def failed(exc: OSError, where: Path) -> Exception:
            return backup_failed(exc, where) or StorageError(files.write_failed_message(exc, where))

        try:
            with files.atomic_output(dest, error=failed, prefix=BACKUP_PREFIX) as tmp:
                raw = self._connect()
                try:
                    literal = self._key.pragma_literal(with_salt=True)
                    raw.execute(f"ATTACH DATABASE ? AS backup KEY {literal}", (str(tmp),))
                    raw.execute("SELECT sqlcipher_export('backup')")
                    version = raw.execute("PRAGMA user_version").fetchone()[0]
                    raw.execute(f"PRAGMA backup.user_version = {int(version)}")
                    raw.execute("DETACH DATABASE backup")
                finally:
                    raw.close()
                make_wal(tmp, self._key)
                verify_key(tmp, self._key, quick_check=True, closed=True)
        except sqlcipher3.DatabaseError as exc:
            translated = backup_failed(exc, dest)
            if translated is not None:
                raise translated from None
            raise
        return dest

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt every page under a key derived from ``new_passphrase``.

        ``PRAGMA rekey`` runs as one transaction: a crash leaves the old passphrase valid.
        The file keeps its salt, so the new passphrase opens it in any SQLCipher 4 tool.

        Refused while anybody else has the file open (another process, or another open
        :class:`Database` in this one): re-keying under an open connection leaves it
        reading pages it can no longer decrypt ("file is not a database") and losing its
        edits. The exclusive lock also keeps others from opening it meanwhile.
        """
        if not new_passphrase:
            raise StorageError(_("The new passphrase must not be empty."))
        new_key = DatabaseKey.derive(new_passphrase, self._key.salt)
        self.dispose()
        with lock.exclusive(self.path, self._hold) as alone:
            if not alone:
                new_key.wipe()
                raise DatabaseInUseError(
                    _(
                        "The database is open in another WiR Manager window or program; close "
                        "it there, then change the passphrase. Nothing was changed."
                    )
                )
            raw = self._connect()
            try:
                raw.execute(f"PRAGMA rekey = {new_key.pragma_literal()}")
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlcipher3.DatabaseError as exc:
                translated = translate_os_error(exc, self.path)
                raise (
                    translated
                    or StorageError(
                        _("The passphrase could not be changed; the old one still works.")
                    )
                ) from None
            finally:
                raw.close()
        self._key.wipe()
        self._key = new_key
        self.dispose()

    def may_write(self, table: str, privilege: str = "INSERT, UPDATE") -> bool:
        """Whether this login may write ``table``: always, in a file (its one person may
        write everything). The team server's answer comes from its grants
        (``ServerDatabase.may_write``); the screens ask either without knowing which."""
        return True

    @property
    def role(self) -> str | None:
        """A file has no team roles (``ServerDatabase.role`` names the login's)."""
        return None

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
        """Lock: fold the WAL in, drop every connection, and wipe the key from memory.

        Only a database that wrote something checkpoints: a checkpoint waits (up to the
        busy timeout) while another process writes, and a read-only command such as
        ``info`` must not sit out somebody else's import at exit.
        """
        if self._key.wiped:
            return
        if self._engine is not None and self._wrote:
            with contextlib.suppress(Exception):
                self.checkpoint()
        self.dispose()
        self._key.wipe()
        if self._hold is not None:
            self._hold.release()

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


#: Files SQLite keeps beside a database; none of them may be a backup's target.
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal", lock.LOCK_SUFFIX)


def refuse_own_files(db_path: Path, target: os.PathLike[str] | str) -> None:
    """Refuse ``target`` when it is the database itself or one of its sidecars
    (``backup --force live.db-wal`` used to replace the live write-ahead log)."""
    target = Path(target).resolve()
    live = Path(db_path).resolve()
    if target == live:
        raise StorageError(_("A backup cannot overwrite the database it copies."))
    if target in {Path(f"{live}{suffix}") for suffix in SIDECAR_SUFFIXES}:
        raise StorageError(
            _(
                "{name} belongs to the open database (SQLite keeps its journal there); choose "
                "another file name for the backup."
            ).format(name=f"“{target.name}”")
        )


#: Temporary files left by a process that stopped half-way (kill -9, power cut) become
#: stale once nobody has written to them for this long; an active copy keeps writing.
LEFTOVER_AGE_SECONDS = 600


def remove_leftovers(db_path: Path, *, now: float | None = None) -> list[Path]:
    """Delete what a killed init, restore or backup left beside ``db_path`` and in its
    backups folder: ``.creating-*``, ``.restoring-*``, ``.backup-*`` and ``.partial-*``
    copies with their ``-wal``/``-shm``/``-journal``. They are encrypted, but they are
    copies of personal data that nobody would ever delete.

    A sidecar whose database file is gone is an orphan and goes at once; a copy goes when
    nobody has written to it for :data:`LEFTOVER_AGE_SECONDS` (another process may be
    writing a fresh one right now). Returns what was removed.
    """
    import time

    from wir_manager.storage.paths import backup_dir

    now = time.time() if now is None else now
    removed: list[Path] = []
    prefixes = (CREATING_PREFIX, RESTORING_PREFIX, BACKUP_PREFIX, files.PARTIAL_PREFIX)
    for folder in (db_path.parent, backup_dir(db_path)):
        try:
            entries = [p for p in folder.iterdir() if p.name.startswith(prefixes)]
        except OSError:
            continue
        for entry in entries:
            main = entry
            for suffix in ("-wal", "-shm", "-journal"):
                if entry.name.endswith(suffix):
                    main = entry.with_name(entry.name[: -len(suffix)])
            try:
                orphan = main is not entry and not main.exists()
                stale = now - entry.stat().st_mtime > LEFTOVER_AGE_SECONDS
                if (orphan or stale) and entry.is_file():
                    entry.unlink()
                    removed.append(entry)
            except OSError:
                continue
    if removed:
        log.info("removed %d leftover temporary file(s) of an interrupted operation", len(removed))
    return removed


def make_wal(path: Path, key: DatabaseKey) -> None:
    """Switch the file at ``path`` to WAL mode (``sqlcipher_export`` writes rollback-journal
    files). The connection is the last one, so closing it folds the WAL in and removes
    the -wal and -shm files again."""
    raw = sqlcipher3.connect(str(path))
    try:
        raw.execute(f"PRAGMA key = {key.pragma_literal()}")
        raw.execute("PRAGMA cipher_log_level = NONE")
        raw.execute("PRAGMA journal_mode = WAL").fetchone()
    finally:
        raw.close()


def looks_encrypted(path: Path) -> bool:
    """True when the first bytes are not a plain SQLite header (used by tests and checks)."""
    with open(path, "rb") as fh:
        head = fh.read(max(SALT_BYTES, len(SQLITE_PLAIN_HEADER)))
    return not head.startswith(SQLITE_PLAIN_HEADER)
