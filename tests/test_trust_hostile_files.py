"""Hostile and unlucky files: a full disk, a file-size limit, a read-only folder, another
program's SQLite, random bytes, a truncated file. Every case: one clear sentence, no
traceback for the user, and the data exactly as before."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from wir_manager.cli.main import main
from wir_manager.services import backups, demo, subject_export
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.errors import DiskFullError, ReadOnlyDatabaseError, StorageError
from wir_manager.storage.maintenance import integrity_check


def _mount_tmpfs(where: Path, size: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    where.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    return result.returncode == 0


def _umount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MiB file system (tmpfs), when this machine lets us mount one."""
    where = tmp_path / "tiny"
    if not _mount_tmpfs(where, "1m"):
        pytest.skip("cannot mount a tmpfs here; the RLIMIT_FSIZE test covers write failures")
    yield where
    _umount(where)


def _count(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(m.Candidate)).scalar_one()


def test_full_disk_during_import_keeps_everything(tiny_disk: Path) -> None:
    path = tiny_disk / "full.db"
    with Database.create(path, PASSPHRASE, "Disk") as db:
        demo.generate(db, candidates=20, requests=1, seed=1)
        with pytest.raises(DiskFullError, match="disk is full"):
            demo.generate(db, candidates=4000, requests=0, seed=2)
        assert _count(db) == 20
        db.set_setting("still", "works")  # small writes go on once the big one rolled back
    with Database.open(path, PASSPHRASE) as db:
        assert _count(db) == 20
        assert integrity_check(db) == "ok"
        assert db.setting("still") == "works"


def test_full_disk_backup_and_export_leave_no_partial_files(db, tiny_disk: Path) -> None:
    demo.generate(db, candidates=200, requests=2, seed=3)
    filler = tiny_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)  # fill the disk to the last block
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    with pytest.raises(DiskFullError):
        backups.backup_now(db, tiny_disk / "backup.db")
    with pytest.raises(subject_export.ExportWriteError, match="disk is full"):
        subject_export.export_subject(db, 1, tiny_disk / "big-export.pdf")
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler"]


WORKER = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
from wir_manager.storage.database import Database
from wir_manager.storage.errors import StorageError
from wir_manager.services import demo
db = Database.open(sys.argv[1], sys.argv[2])
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    demo.generate(db, candidates=4000, requests=0, seed=9)
except StorageError as exc:
    print(type(exc).__name__ + ": " + str(exc))
"""


def test_file_size_limit_during_import_is_a_sentence(db, db_path: Path) -> None:
    """Works without root: RLIMIT_FSIZE makes the kernel refuse writes past a size."""
    demo.generate(db, candidates=30, requests=1, seed=1)
    db.checkpoint()
    db.dispose()
    limit = db_path.stat().st_size + 200_000
    out = subprocess.run(
        [sys.executable, "-c", WORKER, str(db_path), PASSPHRASE, str(limit)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(("WriteFailedError", "DiskFullError")), out.stdout
    assert "was not saved" in out.stdout and "Traceback" not in out.stderr
    assert _count(db) == 30
    assert integrity_check(db) == "ok"


@pytest.fixture
def read_only_copy(db, tmp_path: Path) -> Iterator[Path]:
    """The database in a folder that cannot be written: a read-only tmpfs for root (root
    ignores file modes), plain permissions otherwise."""
    demo.generate(db, candidates=5, requests=1, seed=1)
    db.checkpoint()
    where = tmp_path / "ro"
    if os.geteuid() == 0:
        if not _mount_tmpfs(where, "8m"):
            pytest.skip("cannot mount a tmpfs as root here")
        shutil.copy(db.path, where / "ro.db")
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
        yield where / "ro.db"
        _umount(where)
    else:
        where.mkdir()
        shutil.copy(db.path, where / "ro.db")
        (where / "ro.db").chmod(0o444)
        where.chmod(0o555)
        yield where / "ro.db"
        where.chmod(0o755)


def test_read_only_folder_is_not_called_a_wrong_passphrase(read_only_copy: Path, capsys) -> None:
    before = hashlib.sha256(read_only_copy.read_bytes()).hexdigest()
    with pytest.raises(ReadOnlyDatabaseError, match="read-only"):
        Database.open(read_only_copy, PASSPHRASE)
    os.environ["WIR_MANAGER_PASSPHRASE"] = PASSPHRASE
    try:
        code = main(["--db", str(read_only_copy), "info"])
    finally:
        del os.environ["WIR_MANAGER_PASSPHRASE"]
    err = capsys.readouterr().err
    assert code == 1 and "read-only" in err and "Traceback" not in err
    assert hashlib.sha256(read_only_copy.read_bytes()).hexdigest() == before


def _other_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (url TEXT)")
    conn.execute("INSERT INTO moz_places VALUES ('https://example.org')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "kind", ["other_app_sqlite", "random_bytes", "truncated", "zeros", "folder", "text_file"]
)
def test_cli_on_a_file_that_is_not_ours(kind: str, db, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    target = tmp_path / f"{kind}.db"
    if kind == "other_app_sqlite":
        _other_sqlite(target)
    elif kind == "random_bytes":
        target.write_bytes(os.urandom(4096 * 5))
    elif kind == "truncated":
        demo.generate(db, candidates=50, requests=1, seed=1)
        db.checkpoint()
        target.write_bytes(db.path.read_bytes()[: 4096 * 4])
    elif kind == "zeros":
        target.write_bytes(b"\0" * 4096 * 3)
    elif kind == "folder":
        target.mkdir()
    else:
        target.write_text("name,email\nA,a@example.org\n")
    snapshot = target.read_bytes() if target.is_file() else None
    for argv in (
        ["info"],
        ["candidates", "--json"],
        ["erase", "1", "--yes"],
        ["backup", str(tmp_path / "b.db")],
        ["audit"],
    ):
        capsys.readouterr()
        code = main(["--db", str(target), *argv])
        _out, err = capsys.readouterr()
        assert code == 1, (argv, err)
        assert err.count("\n") == 1 and "Traceback" not in err and "unexpected" not in err
    if snapshot is not None:
        assert target.read_bytes() == snapshot
    assert not Path(f"{target}-wal").exists() or Path(f"{target}-wal").stat().st_size == 0
    assert not (tmp_path / "b.db").exists()


def test_storage_errors_are_short_sentences() -> None:
    """Every storage error class carries a sentence, not a repr or a traceback."""
    with pytest.raises(StorageError) as info:
        Database.open(Path("/nonexistent/dir/x.db"), PASSPHRASE)
    assert str(info.value).endswith(".") and "\n" not in str(info.value)
