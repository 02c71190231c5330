"""Storage benchmark: SQLCipher vs plain SQLite with the same schema, side by side.

    .venv/bin/python bench/storage.py [--candidates 50000]

Both databases are built by the same code (the plain one is a ``Database`` whose
connections skip the key), so the ratio isolates the cost of encryption. Rows are
prepared in memory first, then inserted into each database; queries are the five
the app runs most. Prints figures, then one summary line per figure (last lines).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import median_time

from wir_manager.services import demo
from wir_manager.storage import migrate
from wir_manager.storage import models as m
from wir_manager.storage.database import CACHE_KIB, Database
from wir_manager.storage.keys import DatabaseKey

TABLES = (m.Candidate, m.CandidateLanguage, m.CandidateSkill, m.CandidateTopic, m.TrainingProgress)
TARGET = 1.3


class PlainDatabase(Database):
    """Same engine setup and pragmas, no encryption: the baseline."""

    def _connect(self):  # type: ignore[no-untyped-def, override]
        conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        for pragma in (
            "foreign_keys = ON",
            "temp_store = MEMORY",
            "secure_delete = ON",
            "synchronous = FULL",
            "busy_timeout = 5000",
            "journal_mode = WAL",
            f"cache_size = -{CACHE_KIB}",
        ):
            conn.execute(f"PRAGMA {pragma}")
        return conn


def make(kind: str, folder: Path) -> Database:
    path = folder / f"{kind}.db"
    if kind == "sqlcipher":
        return Database.create(path, "benchmark passphrase", "bench")
    path.touch()
    db = PlainDatabase(path, DatabaseKey.new("unused"), "bench")
    migrate.upgrade(db)
    with db.session() as s:
        s.add(m.Setting(key="app_id", value="wir-manager"))
    return db


QUERIES: dict[str, Callable[[Database], object]] = {}


def query(name: str):  # type: ignore[no-untyped-def]
    def wrap(fn):  # type: ignore[no-untyped-def]
        QUERIES[name] = fn
        return fn

    return wrap


@query("text search")
def q_search(db: Database) -> object:
    pattern = "%ali%"
    with db.engine.connect() as c:
        return c.execute(
            select(m.Candidate.id).where(
                m.Candidate.full_name.ilike(pattern)
                | m.Candidate.username.ilike(pattern)
                | m.Candidate.email.ilike(pattern)
            )
        ).all()


@query("Arabic >= C1")
def q_language(db: Database) -> object:
    with db.engine.connect() as c:
        return c.execute(
            select(m.Candidate.id)
            .join(m.CandidateLanguage)
            .where(m.CandidateLanguage.code == "ar", m.CandidateLanguage.level >= 5)
        ).all()


@query("ready + Wikidata>=2 + consent")
def q_skill(db: Database) -> object:
    with db.engine.connect() as c:
        return c.execute(
            select(m.Candidate.id)
            .join(m.CandidateSkill)
            .where(
                m.Candidate.stage == "ready",
                m.Candidate.consent_propose.is_(True),
                m.CandidateSkill.platform == "wikidata",
                m.CandidateSkill.level >= 2,
            )
        ).all()


@query("count by region x stage")
def q_group(db: Database) -> object:
    from sqlalchemy import func

    with db.engine.connect() as c:
        return c.execute(
            select(m.Candidate.region, m.Candidate.stage, func.count()).group_by(
                m.Candidate.region, m.Candidate.stage
            )
        ).all()


@query("training complete")
def q_training(db: Database) -> object:
    from sqlalchemy import func

    mandatory = (
        select(func.count())
        .select_from(m.TrainingModule)
        .where(m.TrainingModule.mandatory.is_(True))
        .scalar_subquery()
    )
    with db.engine.connect() as c:
        return c.execute(
            select(m.TrainingProgress.candidate_id)
            .join(m.TrainingModule)
            .where(m.TrainingProgress.status == "completed", m.TrainingModule.mandatory.is_(True))
            .group_by(m.TrainingProgress.candidate_id)
            .having(func.count() == mandatory)
        ).all()


def copy_rows(source: Database) -> dict[type, list[dict]]:
    with source.engine.connect() as c:
        return {t: [dict(r._mapping) for r in c.execute(select(t.__table__))] for t in TABLES}


def timed_insert(db: Database, rows: dict[type, list[dict]]) -> float:
    start = time.perf_counter()
    with db.connection() as conn:
        for table, data in rows.items():
            for i in range(0, len(data), 5000):
                conn.execute(insert(table), data[i : i + 5000])
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wir-bench-") as tmp:
        folder = Path(tmp)
        print(f"Preparing {args.candidates:,} synthetic candidates …", flush=True)
        source = make("source", folder)
        demo.generate(source, args.candidates, 0, seed=1)
        rows = copy_rows(source)
        source.close()
        print(
            "rows per table: " + ", ".join(f"{t.__tablename__}={len(r):,}" for t, r in rows.items())
        )
        results: dict[str, dict[str, float]] = {"insert": {}}
        dbs: dict[str, Database] = {}
        for kind in ("sqlite", "sqlcipher"):
            dbs[kind] = make(kind, folder)
            demo.ensure_reference_data(dbs[kind])
        # Interleave the two kinds so machine noise hits both alike.
        insert_times: dict[str, list[float]] = {"sqlite": [], "sqlcipher": []}
        for rnd in range(2):
            for kind in ("sqlite", "sqlcipher") if rnd == 0 else ("sqlcipher", "sqlite"):
                if rnd:
                    with dbs[kind].connection() as conn:
                        for table in reversed(TABLES):
                            conn.execute(table.__table__.delete())
                insert_times[kind].append(timed_insert(dbs[kind], rows))
        results["insert"] = {k: min(v) for k, v in insert_times.items()}
        for name, fn in QUERIES.items():
            results[name] = {}
            for kind in ("sqlite", "sqlcipher"):
                fn(dbs[kind])  # warm the page cache
            for kind in ("sqlite", "sqlcipher"):
                results[name][kind] = median_time(
                    lambda fn=fn, kind=kind: fn(dbs[kind]), args.repeat
                )
        for db in dbs.values():
            db.close()

    print()
    print(f"{'figure':<34}{'SQLite':>12}{'SQLCipher':>12}{'ratio':>8}")
    for name, times in results.items():
        ratio = times["sqlcipher"] / times["sqlite"]
        print(
            f"{name:<34}{times['sqlite'] * 1000:>10.1f}ms{times['sqlcipher'] * 1000:>10.1f}ms"
            f"{ratio:>7.2f}x"
        )
    print()
    for name, times in results.items():
        ratio = times["sqlcipher"] / times["sqlite"]
        label = "insert 50k candidates" if name == "insert" else f"query {name}"
        verdict = "ok" if ratio <= TARGET else "MISS"
        print(
            f"{label}: {times['sqlcipher'] * 1000:.1f} ms vs {times['sqlite'] * 1000:.1f} ms "
            f"= {ratio:.2f}x (target <= {TARGET}x) {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
