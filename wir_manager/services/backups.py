"""Backups: copy now, restore, and rotating daily copies.

Every backup is a complete SQLCipher file encrypted with the same key and salt as the
live database (``Database.backup_to`` writes it under a temporary name, reopens and
checks it, then renames it into place). Backups live in ``backups/`` beside the
database, so moving the data folder moves them too.

Restoring never destroys anything: the backup is first copied and verified beside the
live file, then the live file is saved as a safety copy, and only then is the copy
renamed over the live file (one atomic ``os.replace``). A restore refuses to run while
another program has the file open, because replacing a file under an open SQLite
connection would corrupt it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from wir_manager.i18n import _
from wir_manager.storage import files, lock
from wir_manager.storage.database import (
    RESTORING_PREFIX,
    Database,
    make_wal,
    precheck_file,
    refuse_own_files,
)
from wir_manager.storage.errors import (
    DatabaseInUseError,
    MigrationError,
    NotADatabaseError,
    StorageError,
    WrongPassphraseError,
)
from wir_manager.storage.keys import SALT_BYTES, DatabaseKey, read_salt
from wir_manager.storage.paths import backup_dir

#: Setting (stored in the database) for how many automatic daily backups to keep.
KEEP_SETTING = "backup_keep"
DEFAULT_KEEP = 7

_AUTO = re.compile(r"-auto-(\d{8})\.db$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    modified: dt.datetime
    size_bytes: int
    #: "automatic", "manual", "before-migration" or "before-restore".
    kind: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.path.name,
            "path": str(self.path),
            "modified": self.modified.isoformat(timespec="seconds"),
            "size_bytes": self.size_bytes,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: Path
    #: Where the database as it was before the restore now lives (None: there was none).
    safety_copy: Path | None


@dataclass(frozen=True, slots=True)
class DatabaseSummary:
    """What a restore puts in place or replaces: when it was last written, how many
    records it holds (labels of :data:`storage.cipherfile.COUNTED_TABLES`), and its
    schema revision. Shown side by side before a restore so nobody replaces 3,000
    candidates with two by accident."""

    written: dt.datetime
    revision: str | None
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class RestoreComparison:
    backup: DatabaseSummary
    current: DatabaseSummary

    @property
    def fewer_candidates(self) -> int:
        """How many candidates fewer the backup has than the database it replaces."""
        return max(
            0, self.current.counts.get("candidates", 0) - self.backup.counts.get("candidates", 0)
        )


def _written(path: Path) -> dt.datetime:
    """The newest modification of the file or its write-ahead log."""
    stamps = [p.stat().st_mtime for p in (path, Path(f"{path}-wal")) if p.exists()]
    return dt.datetime.fromtimestamp(max(stamps))


def summarise_backup(source: os.PathLike[str] | str, key: DatabaseKey) -> DatabaseSummary:
    """Read a (verified) backup read-only with ``key``: date, counts, schema revision."""
    from wir_manager.storage.cipherfile import read_counts, verify_key

    source = Path(source)
    identity = verify_key(source, key, quick_check=False, closed=True)
    return DatabaseSummary(_written(source), identity.revision, read_counts(source, key))


def compare_for_restore(
    db: Database, source: os.PathLike[str] | str, *, passphrase: str | None = None
) -> RestoreComparison:
    """The backup ``source`` beside the unlocked database it would replace.

    Raises what :func:`verify_backup` raises (wrong passphrase, not ours, newer schema).
    """
    from wir_manager.storage import migrate

    key = verify_backup(source, passphrase=passphrase, key=db.key)
    try:
        backup = summarise_backup(source, key)
    finally:
        key.wipe()
    current = DatabaseSummary(_written(db.path), migrate.current_revision(db), db.counts())
    return RestoreComparison(backup, current)


def _stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")


def _kind(name: str) -> str:
    if _AUTO.search(name):
        return "automatic"
    if "-before-restore-" in name:
        return "before-restore"
    if "-before-" in name:
        return "before-migration"
    return "manual"


def backup_now(db: Database, dest: os.PathLike[str] | str | None = None) -> Path:
    """Write a verified encrypted copy; to ``dest`` or a timestamped file in ``backups/``."""
    if dest is None:
        dest = backup_dir(db.path) / f"{db.path.stem}-{_stamp()}.db"
    dest = Path(dest)
    refuse_own_files(db.path, dest)
    if dest.is_dir():
        raise StorageError(
            _("{path} is a folder; give a file name for the backup.").format(path=dest)
        )
    return db.backup_to(dest)


def _salt_of(path: Path) -> bytes | None:
    try:
        salt = read_salt(path)
    except OSError:
        return None
    return salt if len(salt) == SALT_BYTES else None


def list_backups(
    db_path: os.PathLike[str] | str, *, identity: bytes | None = None
) -> list[BackupInfo]:
    """This database's backups in the folder beside ``db_path``, newest first.

    Which file a backup belongs to is decided by the database's own identity, not by
    the folder: every backup (and every passphrase change) keeps the live file's salt,
    the first 16 bytes of the file, which are random per database and readable without
    the key. Another database kept in the same folder has another salt, so its backups
    are not offered for a restore here. ``identity`` is that salt; an unlocked caller
    passes ``db.key.salt`` (reading the live file from a process that has it open
    would drop SQLite's POSIX locks, see :mod:`storage.lock`). Without it the live
    file's first bytes are read; with no live file at all every backup is listed.
    """
    folder = backup_dir(Path(db_path))
    if not folder.is_dir():
        return []
    if identity is None:
        identity = _salt_of(Path(db_path))
    found = []
    for p in folder.glob("*.db"):
        if p.name.startswith("."):
            continue  # a backup still being written
        if identity is not None and _salt_of(p) != identity:
            continue  # another database's backup
        st = p.stat()
        found.append(
            BackupInfo(p, dt.datetime.fromtimestamp(st.st_mtime), st.st_size, _kind(p.name))
        )
    return sorted(found, key=lambda b: (b.modified, b.path.name), reverse=True)


def keep_count(db: Database) -> int:
    try:
        value = int(db.setting(KEEP_SETTING) or DEFAULT_KEEP)
    except ValueError:
        value = DEFAULT_KEEP
    return max(1, value)


def auto_backup(
    db: Database, *, keep: int | None = None, today: dt.date | None = None
) -> Path | None:
    """Make today's automatic backup if there is none yet, and keep only the newest ``keep``.

    Returns the new file, or None when today's backup already existed. Only automatic
    backups are pruned; manual, pre-migration and pre-restore copies are never deleted.
    """
    today = today or dt.date.today()
    keep = keep if keep is not None else keep_count(db)
    folder = backup_dir(db.path)
    target = folder / f"{db.path.stem}-auto-{today:%Y%m%d}.db"
    made: Path | None = None
    if not target.exists():
        made = db.backup_to(target)
    autos = sorted(
        (p for p in folder.glob(f"{db.path.stem}-auto-*.db") if _AUTO.search(p.name)),
        key=lambda p: _AUTO.search(p.name).group(1),  # type: ignore[union-attr]
        reverse=True,
    )
    for old in autos[max(1, keep) :]:
        old.unlink(missing_ok=True)
    return made


def _key_for(source: Path, passphrase: str | None, key: DatabaseKey | None) -> list[DatabaseKey]:
    salt = read_salt(source)
    keys = []
    if key is not None and key.salt == salt and not key.wiped:
        keys.append(key.copy())
    if passphrase:
        keys.append(DatabaseKey.derive(passphrase, salt))
    return keys


def verify_backup(
    source: os.PathLike[str] | str,
    *,
    passphrase: str | None = None,
    key: DatabaseKey | None = None,
) -> DatabaseKey:
    """Prove ``source`` is an intact WiR Manager database we can open; return its key.

    Tries ``key`` (the live database's key: backups share it) and then ``passphrase``
    (a backup made before a passphrase change needs the passphrase it had then). The
    source is opened read-only and never modified.
    """
    from wir_manager.storage import migrate
    from wir_manager.storage.cipherfile import verify_key

    source = Path(source)
    precheck_file(source)
    candidates = _key_for(source, passphrase, key)
    if not candidates:
        raise WrongPassphraseError(
            _("Enter the passphrase the backup was made with; the current key does not open it.")
        )
    last: StorageError | None = None
    for k in candidates:
        try:
            identity = verify_key(source, k, quick_check=True, closed=True)
        except WrongPassphraseError as exc:
            last = exc
            k.wipe()
            continue
        if identity.app_id != "wir-manager":
            k.wipe()
            raise NotADatabaseError(
                _("{name} is not a WiR Manager backup.").format(name=f"“{source.name}”")
            )
        rev = identity.revision
        if rev is not None:
            from alembic.script import ScriptDirectory

            script = ScriptDirectory.from_config(migrate.alembic_config())
            try:
                known = script.get_revision(rev) is not None
            except Exception:
                known = False
            if not known:
                k.wipe()
                raise MigrationError(
                    _("This backup was written by a newer WiR Manager; update the app first.")
                )
        return k
    raise last or WrongPassphraseError(_("The passphrase does not open this backup."))


def _copy_synced(src: Path, dst: Path) -> None:
    """Copy into ``dst`` (created ``0600``) and flush it to the disk."""
    fd = files.open_private(dst, "w")
    with open(src, "rb") as fin, os.fdopen(fd, "wb") as fout:
        shutil.copyfileobj(fin, fout, 1024 * 1024)
        fout.flush()
        os.fsync(fout.fileno())


def restore(
    target: os.PathLike[str] | str,
    source: os.PathLike[str] | str,
    *,
    passphrase: str | None = None,
    key: DatabaseKey | None = None,
    live: Database | None = None,
) -> RestoreResult:
    """Replace the database at ``target`` with the backup ``source``.

    ``live`` is the unlocked database at ``target`` if the caller has it: it is saved
    with a verified backup and then closed (locked). Without it (the live file is
    damaged or its passphrase is lost) the live file's bytes are kept as the safety copy.
    On any error before the final rename, ``target`` is exactly as it was.
    The caller reopens ``target`` afterwards with the backup's passphrase.
    """
    from wir_manager.storage.cipherfile import translate_os_error

    target = Path(target)
    source = Path(source)
    if target.is_dir():
        raise StorageError(
            _("{path} is a folder; give the database file to restore into.").format(path=target)
        )
    if live is not None and live.path.resolve() != target.resolve():
        raise ValueError("live database and restore target differ")
    if target.exists() and source.resolve() == target.resolve():
        raise StorageError(_("That file is the database itself; choose a backup file."))
    if key is None and live is not None:
        key = live.key
    backup_key = verify_backup(source, passphrase=passphrase, key=key)
    backup_key.wipe()

    tmp = files.private_temp(target.parent, prefix=RESTORING_PREFIX, suffix=".db")
    safety: Path | None = None
    try:
        try:
            _copy_synced(source, tmp)
        except OSError as exc:
            raise translate_os_error(exc, target) or StorageError(
                _("The backup could not be copied next to the database; nothing was changed.")
            ) from None
        # verify the copy we will actually install (a disk error while copying shows here)
        installed_key = verify_backup(tmp, passphrase=passphrase, key=key)
        try:
            # A backup written by sqlcipher_export is in rollback-journal mode; the live
            # file must be WAL (two windows on one file need it).
            make_wal(tmp, installed_key)
        finally:
            installed_key.wipe()

        stamp = _stamp()
        folder = files.private_folder(backup_dir(target))
        hold = None
        if live is not None and not live.closed:
            hold = live._hold
        with lock.exclusive(target, hold, probe_sqlite=False) as alone:
            # Nobody can open the file from here until it is replaced (their open waits
            # and then says a restore is running).
            if target.exists():
                safety = folder / f"{target.stem}-before-restore-{stamp}.db"
                if live is not None and not live.closed:
                    live.backup_to(safety)
                    live.checkpoint()
                    live.dispose()  # no connection of ours may hold the file during the check
                if not alone or lock.sqlite_open_elsewhere(target):
                    raise DatabaseInUseError(
                        _(
                            "The database is open in another WiR Manager window or program; "
                            "close it there, then restore again. Nothing was changed."
                        )
                    )
                if live is not None:
                    live.close()
                if not safety.exists():
                    _copy_synced(target, safety)
                wal = Path(f"{target}-wal")
                if wal.exists() and wal.stat().st_size > 0:
                    # frames that belong to the old file: keep them with its safety copy
                    os.replace(wal, Path(f"{safety}-wal"))
                for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
                    leftover.unlink(missing_ok=True)
            try:
                os.replace(tmp, target)
            except OSError as exc:
                # Windows refuses to replace a file another program holds open.
                raise translate_os_error(exc, target) or DatabaseInUseError(
                    _(
                        "The database could not be replaced (it may be open in another "
                        "program); nothing was changed."
                    )
                ) from None
            files.fsync_folder(target.parent)
    except BaseException:
        for victim in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            victim.unlink(missing_ok=True)
        raise
    finally:
        for sidecar in (Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            sidecar.unlink(missing_ok=True)
    return RestoreResult(source, safety)
