"""Two windows, two processes, one file: no lost updates, clear errors, open-elsewhere check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.trust_support import add_person
from wir_manager.services.concurrency import ConcurrentEditError, ensure_unchanged
from wir_manager.storage import lock
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.errors import DatabaseInUseError


def test_two_database_objects_see_each_others_commits(db, db_path: Path) -> None:
    other = Database.open(db_path, PASSPHRASE)
    try:
        cid = add_person(db, "Shared Person", "Shared", "shared@example.org")
        with other.session() as s:
            assert s.get(m.Candidate, cid).full_name == "Shared Person"
            s.get(m.Candidate, cid).phone = "+1"
        with db.session() as s:
            assert s.get(m.Candidate, cid).phone == "+1"
    finally:
        other.close()


def test_stale_form_cannot_overwrite_a_newer_save(db, db_path: Path) -> None:
    cid = add_person(db, "Form Person", "FormP", "form@example.org")
    window_b = Database.open(db_path, PASSPHRASE)
    try:
        with db.session() as s:  # window A loads the form
            seen_by_a = s.get(m.Candidate, cid).updated_at
        with window_b.session() as s:  # window B loads and saves
            row = ensure_unchanged(s, m.Candidate, cid, s.get(m.Candidate, cid).updated_at)
            row.email = "b@example.org"
        # window A saves its stale form
        with pytest.raises(ConcurrentEditError, match="another window"), db.session() as s:
            row = ensure_unchanged(s, m.Candidate, cid, seen_by_a)
            row.email = "a@example.org"
        with db.session() as s:
            assert s.get(m.Candidate, cid).email == "b@example.org"  # B's change survived
        with window_b.session() as s:
            s.delete(s.get(m.Candidate, cid))
        with pytest.raises(ConcurrentEditError, match="deleted"), db.session() as s:
            ensure_unchanged(s, m.Candidate, cid, seen_by_a)
    finally:
        window_b.close()


COUNTER_WORKER = """
import sys, time
from wir_manager.storage.database import Database
from wir_manager.storage.errors import DatabaseInUseError
from wir_manager.storage import models as m
db = Database.open(sys.argv[1], sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()
retries = 0
for _ in range(int(sys.argv[3])):
    while True:
        try:
            with db.session() as s:
                row = s.get(m.Setting, "counter")
                row.value = str(int(row.value) + 1)
            break
        except DatabaseInUseError:
            retries += 1
            time.sleep(0.002)
db.close()
print(retries, flush=True)
"""


def test_two_processes_incrementing_lose_nothing(db, db_path: Path) -> None:
    db.set_setting("counter", "0")
    per_process = 40
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", COUNTER_WORKER, str(db_path), PASSPHRASE, str(per_process)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for p in procs:
        assert p.stdout.readline().strip() == "ready"
    for p in procs:  # start both at once
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        p.stdout.readline()
        assert p.wait(timeout=60) == 0
    assert db.setting("counter") == str(2 * per_process)


def test_open_elsewhere_detects_another_process(db, db_path: Path) -> None:
    db.checkpoint()
    db.dispose()  # our own connections do not count, but POSIX locks need them closed
    assert not lock.open_elsewhere(db_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom wir_manager.storage.database import Database\n"
            f"db = Database.open({str(db_path)!r}, {PASSPHRASE!r})\n"
            "db.setting('x'); print('open', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        assert lock.open_elsewhere(db_path)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert not lock.open_elsewhere(db_path)


def test_writer_blocked_past_the_timeout_gets_a_sentence(db, db_path: Path) -> None:
    """A second writer waiting on a long transaction elsewhere is told, not crashed."""
    import sqlcipher3

    holder = sqlcipher3.connect(str(db_path), timeout=0)
    holder.execute(f"PRAGMA key = {db.key.pragma_literal()}")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE settings SET value = value WHERE key = 'operator'")
    try:
        from sqlalchemy import event

        @event.listens_for(db.engine, "connect")
        def _short(dbapi_conn, _rec):
            dbapi_conn.execute("PRAGMA busy_timeout = 200")

        db.engine.dispose()
        with pytest.raises(DatabaseInUseError) as info:
            db.set_setting("blocked", "1")
        assert "another WiR Manager window" in str(info.value)
    finally:
        holder.rollback()
        holder.close()
    db.set_setting("blocked", "1")
    assert db.setting("blocked") == "1"


def test_probing_for_other_programs_keeps_our_own_sqlite_locks(
    db, db_path: Path, tmp_path: Path
) -> None:
    """Issue #16.2: "Back up now" failed twice in one GUI session ("the disk reported an
    error") while a CLI backup of the same file succeeded. The recipe: this process,
    connected, probes SQLite's locks (a probe that locked, unlocked and closed a
    descriptor of the -shm dropped SQLite's own DMS lock); a CLI backup then closes its
    last connection, believes it is alone and deletes the -wal and -shm; our next backup
    failed. The probe now asks with F_GETLK on a descriptor kept open: our locks stay,
    the CLI leaves the files, our backups keep working, and another program holding the
    file is still seen."""
    import os

    from wir_manager.services import backups

    add_person(db, "Lakshmi Narayanan லட்சுமி", "LakshmiN", "lakshmi@example.org")
    shm = Path(f"{db_path}-shm")
    assert shm.exists()
    assert not lock.sqlite_open_elsewhere(db_path)  # our own connection does not count
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "wir_manager",
            "--db",
            str(db_path),
            "backup",
            str(tmp_path / "c.db"),
        ],
        env={**os.environ, "WIR_MANAGER_PASSPHRASE": PASSPHRASE},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert cli.returncode == 0, cli.stderr
    assert shm.exists(), "the CLI saw our connection and left the WAL index alone"
    add_person(db, "Олег Петренко", "OlegP", "oleg@example.org")
    made = backups.backup_now(db)
    assert backups.verify_backup(made, passphrase=PASSPHRASE) is not None

    other_program = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, sqlcipher3\n"
            f"c = sqlcipher3.connect({str(db_path)!r})\n"
            f"c.execute(\"PRAGMA key = '{PASSPHRASE}'\")\n"
            "c.execute('BEGIN'); c.execute('SELECT count(*) FROM sqlite_master').fetchone()\n"
            "print('reading', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other_program.stdout.readline().strip() == "reading"
        assert lock.sqlite_open_elsewhere(db_path)
    finally:
        other_program.stdin.close()
        other_program.wait(timeout=30)
    assert not lock.sqlite_open_elsewhere(db_path)
