"""Crash safety: kill -9 a real subprocess at random moments of an import, a bulk edit,
a schema migration and a passphrase change; on reopen the database is either exactly
before or exactly after the operation, never between, and ``integrity_check`` is ok.

What this proves and what it does not: the kills are real SIGKILLs of a separate process
mid-transaction (the OS keeps the page cache, so this models an application crash, not a
power cut; ``synchronous = FULL`` is what covers power loss and is not exercised here).
An erasure (transaction + VACUUM) is killed the same way. The migration case upgrades a
schema-less encrypted file to head, because there is only one revision: it shows the DDL
runs in one transaction, not a multi-step upgrade.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from wir_manager.services import demo
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.errors import WrongPassphraseError
from wir_manager.storage.keys import DatabaseKey, read_salt
from wir_manager.storage.maintenance import integrity_check

WORKER = Path(__file__).with_name("trust_crash_worker.py")
ROUNDS = int(os.environ.get("WIR_CRASH_ROUNDS", "8"))
pytestmark = pytest.mark.slow


def _run_and_kill(args: list[str], env: dict[str, str], window: float, rng: random.Random) -> bool:
    """Start the worker, wait for READY, SIGKILL after a random delay in ``window``.
    Returns True when the kill landed before the worker finished."""
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )
    try:
        line = proc.stdout.readline().strip()
        assert line == "READY", proc.stderr.read()
        time.sleep(rng.uniform(0, window))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        return proc.returncode == -signal.SIGKILL and "DONE" not in proc.stdout.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def _fk_problems(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()


def _candidates(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(m.Candidate)).scalar_one()


def test_kill_during_import(db_path: Path) -> None:
    rng = random.Random(1)
    with Database.create(db_path, PASSPHRASE, "Crash") as db:
        demo.generate(db, candidates=50, requests=2, seed=1)
        key = db.key.copy()
    env = {"CRASH_KEY": key.key_hex()}
    batch, interrupted = 1500, 0
    for round_no in range(ROUNDS):
        with Database.open(db_path, key=key.copy()) as db:
            before = _candidates(db)
        interrupted += _run_and_kill(
            ["import", str(db_path), str(batch), str(100 + round_no)], env, 0.9, rng
        )
        with Database.open(db_path, key=key.copy()) as db:
            after = _candidates(db)
            assert after in (before, before + batch), (before, after)
            with db.engine.connect() as conn:
                # every candidate came with its languages: no half-written person
                orphans = conn.execute(
                    select(func.count())
                    .select_from(m.Candidate)
                    .where(~m.Candidate.languages.any())
                ).scalar_one()
            assert orphans == 0
            assert integrity_check(db) == "ok"
            assert _fk_problems(db) == []
    assert interrupted >= ROUNDS // 2, "kills should mostly land mid-operation"


def test_kill_during_bulk_edit(db_path: Path) -> None:
    rng = random.Random(2)
    with Database.create(db_path, PASSPHRASE, "Crash") as db:
        demo.generate(db, candidates=3000, requests=0, seed=2)
        key = db.key.copy()
    env = {"CRASH_KEY": key.key_hex()}
    previous: str | None = None
    interrupted = 0
    for round_no in range(ROUNDS):
        token = f"edit-{round_no}"
        interrupted += _run_and_kill(["bulk_edit", str(db_path), token], env, 0.3, rng)
        with Database.open(db_path, key=key.copy()) as db:
            with db.engine.connect() as conn:
                notes = set(conn.execute(select(m.Candidate.notes)).scalars())
            assert notes in ({previous}, {token}), notes  # all or nothing
            assert integrity_check(db) == "ok"
        previous = notes.pop()
    assert interrupted >= ROUNDS // 2


def test_kill_during_erasure(db_path: Path) -> None:
    """Erasure (one transaction, then VACUUM): a person is fully present or fully gone."""
    rng = random.Random(5)
    with Database.create(db_path, PASSPHRASE, "Crash") as db:
        demo.generate(db, candidates=2500, requests=1, seed=5)
        key = db.key.copy()
    env = {"CRASH_KEY": key.key_hex()}
    interrupted = 0
    for round_no in range(ROUNDS):
        low, high = 1 + round_no * 250, 1 + (round_no + 1) * 250
        interrupted += _run_and_kill(["erase", str(db_path), str(low), str(high)], env, 0.06, rng)
        with Database.open(db_path, key=key.copy()) as db:
            with db.engine.connect() as conn:
                present = set(
                    conn.execute(
                        select(m.Candidate.id).where(m.Candidate.id >= low, m.Candidate.id < high)
                    ).scalars()
                )
                languages = conn.execute(
                    select(func.count())
                    .select_from(m.CandidateLanguage)
                    .where(
                        m.CandidateLanguage.candidate_id >= low,
                        m.CandidateLanguage.candidate_id < high,
                    )
                ).scalar_one()
            assert present in (set(), set(range(low, high))), len(present)
            assert (languages == 0) == (not present)  # children went with their people
            assert integrity_check(db) == "ok"
            assert _fk_problems(db) == []
    assert interrupted >= ROUNDS // 4


def _schemaless(path: Path, key: DatabaseKey) -> None:
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = {key.pragma_literal(with_salt=True)}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE placeholder_never_touched (x)")  # a valid, non-empty file
    conn.commit()
    conn.close()


def _tables(path: Path, key: DatabaseKey) -> tuple[set[str], str | None, str]:
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = {key.pragma_literal()}")
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        rev = None
        if "alembic_version" in names:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            rev = row[0] if row else None
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return names, rev, check


def test_kill_during_migration(tmp_path: Path) -> None:
    from wir_manager.storage import migrate

    rng = random.Random(3)
    head = migrate.head_revision()
    all_tables = set(m.Base.metadata.tables) | {"alembic_version", "placeholder_never_touched"}
    outcomes = {"before": 0, "after": 0}
    for round_no in range(ROUNDS):
        path = tmp_path / f"mig{round_no}.db"
        key = DatabaseKey.new(PASSPHRASE)
        _schemaless(path, key)
        _run_and_kill(["migrate", str(path)], {"CRASH_KEY": key.key_hex()}, 0.35, rng)
        names, rev, check = _tables(path, key)
        assert check == "ok"
        if rev is None:
            assert names == {"placeholder_never_touched"}, names  # nothing half-made
            outcomes["before"] += 1
        else:
            assert rev == head and names == all_tables
            outcomes["after"] += 1
    assert outcomes["before"] > 0, outcomes  # the kill did land mid-migration sometimes


def test_kill_during_passphrase_change(db_path: Path) -> None:
    rng = random.Random(4)
    phrases = [PASSPHRASE, "second passphrase for crash test"]
    with Database.create(db_path, PASSPHRASE, "Crash") as db:
        demo.generate(db, candidates=300, requests=2, seed=4)
        expected = _candidates(db)
    salt = read_salt(db_path)
    keys = [DatabaseKey.derive(p, salt) for p in phrases]
    current = 0
    interrupted = 0
    for _round in range(ROUNDS):
        env = {"CRASH_OLD": phrases[current], "CRASH_NEW": phrases[1 - current]}
        interrupted += _run_and_kill(["passwd", str(db_path)], env, 0.4, rng)
        opened = []
        for i, k in enumerate(keys):
            try:
                with Database.open(db_path, key=k.copy()) as db:
                    assert _candidates(db) == expected
                    assert integrity_check(db) == "ok"
                opened.append(i)
            except WrongPassphraseError:
                pass
        assert len(opened) == 1, opened  # exactly the old or the new one, never neither
        current = opened[0]
    assert interrupted >= 1
