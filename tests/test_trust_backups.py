"""Backups: verified encrypted copies, restore that never loses the live file, rotation."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import OPERATOR, PASSPHRASE
from tests.trust_support import add_person
from wir_manager.services import backups
from wir_manager.storage import models as m
from wir_manager.storage.database import Database, looks_encrypted
from wir_manager.storage.errors import (
    DamagedDatabaseError,
    DatabaseInUseError,
    NotADatabaseError,
    StorageError,
    WrongPassphraseError,
)


def _names(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(conn.execute(select(m.Candidate.full_name)).scalars())


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_is_encrypted_and_opens_with_the_passphrase(db, tmp_path: Path) -> None:
    add_person(db, "Backup Person", "BackupUser", "b@example.org")
    dest = backups.backup_now(db, tmp_path / "copy.db")
    assert looks_encrypted(dest)
    assert b"Backup Person" not in dest.read_bytes()
    with Database.open(dest, PASSPHRASE) as copy:
        assert _names(copy) == {"Backup Person"}


def test_backup_refuses_to_overwrite_the_database_itself(db) -> None:
    with pytest.raises(StorageError, match="cannot overwrite"):
        backups.backup_now(db, db.path)


def test_restore_round_trip_keeps_a_safety_copy(db, db_path: Path, tmp_path: Path) -> None:
    add_person(db, "Before Backup", "Before", "before@example.org")
    saved = backups.backup_now(db, tmp_path / "saved.db")
    add_person(db, "After Backup", "After", "after@example.org")

    result = backups.restore(db_path, saved, live=db)

    assert db.closed  # the live database was locked before its file was replaced
    with Database.open(db_path, PASSPHRASE) as restored:
        assert _names(restored) == {"Before Backup"}
    assert result.safety_copy is not None
    with Database.open(result.safety_copy, PASSPHRASE) as safety:
        assert _names(safety) == {"Before Backup", "After Backup"}
    assert not any(p.name.startswith(".restoring-") for p in db_path.parent.iterdir())


def test_restore_after_passphrase_change_needs_the_old_passphrase(
    db, db_path: Path, tmp_path: Path
) -> None:
    add_person(db, "Old Times", "OldTimes", "old@example.org")
    saved = backups.backup_now(db, tmp_path / "saved.db")
    db.change_passphrase("a brand new passphrase")
    db.checkpoint()
    before = _digest(db_path)
    with pytest.raises(WrongPassphraseError):
        backups.restore(db_path, saved, live=db)
    with pytest.raises(WrongPassphraseError):
        backups.restore(db_path, saved, live=db, passphrase="not the old one")
    assert not db.closed
    db.checkpoint()
    assert _digest(db_path) == before
    backups.restore(db_path, saved, live=db, passphrase=PASSPHRASE)
    with Database.open(db_path, PASSPHRASE) as restored:
        assert _names(restored) == {"Old Times"}


@pytest.mark.parametrize("kind", ["random", "plain_sqlite", "truncated", "other_app", "empty"])
def test_restore_from_a_wrong_file_changes_nothing(
    db, db_path: Path, tmp_path: Path, kind: str
) -> None:
    add_person(db, "Live Person", "LiveUser", "live@example.org")
    db.checkpoint()
    bad = tmp_path / f"{kind}.db"
    if kind == "random":
        bad.write_bytes(bytes(range(256)) * 64)
    elif kind == "plain_sqlite":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    elif kind == "truncated":
        good = backups.backup_now(db, tmp_path / "good.db")
        bad.write_bytes(good.read_bytes()[: 4096 * 3 + 100])
    elif kind == "other_app":
        import sqlcipher3

        conn = sqlcipher3.connect(str(bad))
        conn.execute(f"PRAGMA key = {db.key.pragma_literal(with_salt=True)}")
        conn.execute("CREATE TABLE settings (key, value)")
        conn.commit()
        conn.close()
    else:
        bad.write_bytes(b"")
    before = _digest(db_path)
    with pytest.raises(StorageError) as info:
        backups.restore(db_path, bad, live=db)
    assert isinstance(info.value, NotADatabaseError | DamagedDatabaseError | WrongPassphraseError)
    message = str(info.value)
    assert "\n" not in message and len(message) < 200 and "Traceback" not in message
    assert not db.closed
    assert _digest(db_path) == before
    assert _names(db) == {"Live Person"}


def test_restore_refuses_while_another_process_has_the_file_open(
    db, db_path: Path, tmp_path: Path
) -> None:
    saved = backups.backup_now(db, tmp_path / "saved.db")
    add_person(db, "Still Here", "StillHere", "still@example.org")
    db.checkpoint()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from wir_manager.storage.database import Database\n"
            f"db = Database.open({str(db_path)!r}, {PASSPHRASE!r})\n"
            "db.setting('operator'); print('open', flush=True); sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseInUseError, match="open in another"):
            backups.restore(db_path, saved, live=db)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with Database.open(db_path, PASSPHRASE) as again:
        assert _names(again) == {"Still Here"}


def test_restore_over_a_damaged_database_without_live_handle(
    db, db_path: Path, tmp_path: Path
) -> None:
    add_person(db, "Survivor", "Survivor", "s@example.org")
    saved = backups.backup_now(db, tmp_path / "saved.db")
    db.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2 + 17])  # damaged: not whole pages
    with pytest.raises(DamagedDatabaseError):
        Database.open(db_path, PASSPHRASE)
    damaged = _digest(db_path)
    result = backups.restore(db_path, saved, passphrase=PASSPHRASE)
    with Database.open(db_path, PASSPHRASE) as restored:
        assert _names(restored) == {"Survivor"}
    assert result.safety_copy is not None and _digest(result.safety_copy) == damaged


def test_automatic_backups_rotate_and_spare_other_kinds(db) -> None:
    manual = backups.backup_now(db)
    start = dt.date(2026, 3, 1)
    made = [backups.auto_backup(db, keep=3, today=start + dt.timedelta(days=i)) for i in range(5)]
    assert all(p is not None for p in made)
    assert backups.auto_backup(db, keep=3, today=start + dt.timedelta(days=4)) is None
    listed = backups.list_backups(db.path)
    autos = sorted(b.path.name for b in listed if b.kind == "automatic")
    assert autos == [f"test-auto-2026030{d}.db" for d in (3, 4, 5)]
    assert manual in [b.path for b in listed if b.kind == "manual"]
    for b in listed:
        with Database.open(b.path, PASSPHRASE) as copy:
            assert copy.setting("operator") == OPERATOR


def test_keep_count_comes_from_the_database_setting(db) -> None:
    assert backups.keep_count(db) == backups.DEFAULT_KEEP
    db.set_setting(backups.KEEP_SETTING, "2")
    assert backups.keep_count(db) == 2
    db.set_setting(backups.KEEP_SETTING, "lots")
    assert backups.keep_count(db) == backups.DEFAULT_KEEP


def test_counts_survive_round_trip(demo_db, db_path: Path, tmp_path: Path) -> None:
    with demo_db.engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(m.CandidateLanguage)).scalar_one()
    saved = backups.backup_now(demo_db, tmp_path / "demo.db")
    backups.restore(db_path, saved, live=demo_db)
    with Database.open(db_path, PASSPHRASE) as restored, restored.engine.connect() as conn:
        after = conn.execute(select(func.count()).select_from(m.CandidateLanguage)).scalar_one()
    assert after == before


def test_backups_are_listed_by_the_database_identity_not_the_folder(db, tmp_path: Path) -> None:
    """Two databases in one folder: each lists only its own backups (by the file's salt),
    also after a passphrase change, and a restore comparison counts both sides."""
    add_person(db, "Ава Петрова", "AvaP", "ava@example.org")
    add_person(db, "陈静", "ChenJing", "chen@example.org")
    mine = backups.backup_now(db)
    other = Database.create(db.path.with_name("other.db"), PASSPHRASE, OPERATOR)
    try:
        theirs = backups.backup_now(other)
        assert mine.parent == theirs.parent  # the same backups folder
        assert [b.path for b in backups.list_backups(db.path, identity=db.key.salt)] == [mine]
        assert [b.path for b in backups.list_backups(other.path)] == [theirs]
        db.change_passphrase("a completely different passphrase")
        assert [b.path for b in backups.list_backups(db.path, identity=db.key.salt)] == [mine]
        add_person(db, "अनन्या शर्मा", "Ananya", "ananya@example.org")
        comparison = backups.compare_for_restore(db, mine, passphrase=PASSPHRASE)
        assert comparison.backup.counts["candidates"] == 2
        assert comparison.current.counts["candidates"] == 3
        assert comparison.fewer_candidates == 1
        assert comparison.backup.revision == comparison.current.revision is not None
        assert comparison.backup.written <= comparison.current.written
        with pytest.raises(WrongPassphraseError):
            backups.compare_for_restore(db, theirs, passphrase="not the right one")
    finally:
        other.close()
