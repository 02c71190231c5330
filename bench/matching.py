"""Benchmark: ranking one request over 50,000 candidates, and the global assignment.

Run:  .venv/bin/python bench/matching.py [--candidates 50000] [--requests 200] [--db PATH]

Builds a synthetic encrypted database in a temporary folder (about 10 s), then measures,
side by side in one run:

* ``read``        — just reading the columns a ranking needs (requirements + pool selects);
* ``rank_cold``   — a full ``rank()`` with the pool cache emptied first (reads + scoring +
  names + explanations), i.e. the first ranking after a change to the data. On the
  2-core test machine on 2026-12-04, in runs alternating with the code before: 123–138 ms
  against 158–176 ms (budget 150 ms). The people read had walked ``ix_candidates_stage``
  and looked up two thirds of the table one row at a time, aggregating sixteen columns
  (five of them wiki-snapshot columns nearly nobody has); it is now one pass over the
  table with ten, the snapshots read from their own side, and the child tables grouped
  by key and level so a level is read once per group, not once per person;
* ``rank_warm``   — ``rank()`` again with the pool cached (what weight sliders and
  switching requests cost);
* ``rank_after_one_edit`` — ``rank()`` right after one candidate was saved (the editor's
  ``update_candidate``): the cache hears of the change and re-reads only that person;
* ``assign``      — the optimal global assignment of every open request, cold and warm,
  next to the greedy baseline's total.

Each figure is the median over several requests/repeats. The last lines follow the house
format ``NAME: <ours> vs <baseline> = <ratio>x (target <= <X>x) ok|MISS``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from _common import figure, line, timed

from wir_manager.services import candidates as svc
from wir_manager.services import demo
from wir_manager.services.matching import assign, open_request_ids, rank
from wir_manager.services.matching.pool import POOL_CACHE, load_pool
from wir_manager.services.matching.requirements import load_requirements
from wir_manager.storage.database import Database

PASSPHRASE = "bench passphrase"


def cpu_timed(fn: Callable[[], object]) -> float:
    """CPU seconds of this process: less sensitive than wall time to other jobs on a
    shared machine (printed for information next to the wall-clock figures)."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def read_only(db: Database, request_id: int) -> None:
    """Exactly the reads a ranking needs, into the same arrays, with no scoring."""
    with db.connection() as conn:
        req = load_requirements(conn, request_id)
        load_pool(conn, languages=req.language_codes, platforms=req.platforms, topics=req.topics)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--candidates", type=int, default=50_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", type=Path, help="reuse this bench database (created if missing)")
    ap.add_argument("--samples", type=int, default=9, help="requests sampled for ranking")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="wir-bench-") as tmp:
        path = args.db or Path(tmp) / "bench.db"
        if path.exists():
            db = Database.open(path, PASSPHRASE)
        else:
            db = Database.create(path, PASSPHRASE, "Bench")
            t = timed(lambda: demo.generate(db, args.candidates, args.requests, args.seed))
            print(f"generated {args.candidates} candidates, {args.requests} requests in {t:.1f} s")
            db.checkpoint()  # measure the file as an app finds it, not a fresh WAL
        try:
            return run(db, args)
        finally:
            db.close()


def run(db: Database, args: argparse.Namespace) -> int:
    ids = open_request_ids(db)[: args.samples]
    rank(db, ids[0], top=20)  # create the default profile, warm SQLite's page cache
    read_ms, cold_ms, warm_ms = [], [], []
    for rid in ids:
        read_ms.append(1000 * min(timed(lambda rid=rid: read_only(db, rid)) for _ in range(3)))
        cold = []
        for _ in range(3):
            POOL_CACHE.clear()
            cold.append(timed(lambda rid=rid: rank(db, rid, top=20)))
        cold_ms.append(1000 * min(cold))
        warm_ms.append(1000 * min(timed(lambda rid=rid: rank(db, rid, top=20)) for _ in range(5)))
    read, cold, warm = (statistics.median(x) for x in (read_ms, cold_ms, warm_ms))
    edit_ms, warm_again = [], []
    for i, rid in enumerate(ids):
        person = rank(db, rid, top=1).ranked[0].candidate_id  # warm, and someone it reads
        times = []
        for j in range(3):
            detail = svc.get_candidate(db, person)
            svc.update_candidate(
                db,
                person,
                replace(detail.data, notes=f"bench edit {i}.{j}"),
                expected_updated_at=detail.updated_at,
            )
            times.append(timed(lambda rid=rid: rank(db, rid, top=20)))
            assert POOL_CACHE.last_read == "partial", POOL_CACHE.last_read
        edit_ms.append(1000 * min(times))
        warm_again.append(
            1000 * min(timed(lambda rid=rid: rank(db, rid, top=20)) for _ in range(3))
        )
    edit, warm_side = statistics.median(edit_ms), statistics.median(warm_again)
    eligible = rank(db, ids[0]).eligible_count
    read_cpu = 1000 * min(cpu_timed(lambda: read_only(db, ids[0])) for _ in range(3))
    cold_cpu = []
    for _ in range(3):
        POOL_CACHE.clear()
        cold_cpu.append(1000 * cpu_timed(lambda: rank(db, ids[0], top=20)))
    print(f"ranking over {args.candidates} candidates, {len(ids)} requests sampled")
    print(f"  read needed columns   {read:8.1f} ms (median); cpu {read_cpu:.1f} ms")
    print(f"  rank, cold cache      {cold:8.1f} ms (median); cpu {min(cold_cpu):.1f} ms")
    print(f"  rank, warm cache      {warm:8.1f} ms (median); e.g. {eligible} eligible")
    print(f"  rank after one edit   {edit:8.1f} ms (median); warm beside it {warm_side:.1f} ms")

    POOL_CACHE.clear()
    start_cpu = time.process_time()
    t_cold = timed(lambda: assign(db))
    assign_cpu = time.process_time() - start_cpu
    result = assign(db)
    t_warm = result.seconds
    positions = sum(r.positions for r in result.requests)
    print(
        f"assignment: {len(result.requests)} open requests, {positions} positions, "
        f"{result.candidates_considered} candidates kept after pruning, {result.edges} edges"
    )
    print(f"  cold {t_cold:.2f} s (cpu {assign_cpu:.2f} s), warm {t_warm:.2f} s")
    print(
        f"  total {result.total:.2f} vs greedy {result.greedy_total:.2f} "
        f"(optimum gains {result.gain:.2f})"
    )
    ms, s, plain = figure(" ms", 1), figure(" s", 1), figure("", 1)
    print(line("rank_cold_vs_read", cold, read, 3, ms))
    print(line("rank_warm_vs_budget", warm, 150, 1, ms))
    print(line("rank_cold_vs_budget", cold, 150, 1, ms))
    print(line("rank_after_one_edit", edit, warm_side, 3, ms))
    print(line("assign_cold_vs_budget", t_cold, 5, 1, s))
    print(line("greedy_vs_optimum", result.greedy_total, result.total, 1, plain))
    return 0


if __name__ == "__main__":
    sys.exit(main())
