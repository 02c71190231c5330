"""Benchmark: the programme report over 50,000 candidates and 2,000 placements.

Run:  .venv/bin/python bench/reports.py [--candidates 50000] [--placements 2000]

Builds a synthetic encrypted database in a temporary folder (demo candidates, then
placements with outcomes and shortlist entries written in bulk), then measures in one
run (medians over repeats):

* ``programme_pdf``  — computing every figure and writing the PDF with its charts, against
  the issue's budget of 3 s (``target <= 1x`` of the budget);
* ``programme_xlsx`` — the same figures as a workbook, against the same budget;
* ``report_figures`` — computing the figures (:func:`reports.build_report`) vs the bare
  baseline of fetching the rows they are made of (stages, placements with region and
  gender, outcomes, shortlist entries) with no shaping at all.

The last lines follow the house format ``NAME: <ours> vs <baseline> = <ratio>x (target <=
<X>x) ok|MISS``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from _common import line, median_time
from sqlalchemy import insert, select

from wir_manager.domain.enums import OutcomeMetric, PlacementStatus, ShortlistStatus
from wir_manager.services import demo, reports
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

PASSPHRASE = "bench passphrase"
BUDGET = 3.0


def add_placements(db: Database, count: int, seed: int = 11) -> None:
    """``count`` placements of random people at the demo requests, with outcomes and the
    shortlist entries that led to them, in a few bulk inserts."""
    rng = random.Random(seed)
    with db.engine.connect() as conn:
        people = list(conn.execute(select(m.Candidate.id)).scalars())
        requests = list(
            conn.execute(select(m.PlacementRequest.id, m.PlacementRequest.organisation_id))
        )
    chosen = rng.sample(people, min(count, len(people)))
    base = dt.date(2024, 1, 1)
    placements, entries = [], []
    for i, cid in enumerate(chosen):
        rid, oid = requests[i % len(requests)]
        start = base + dt.timedelta(days=rng.randint(0, 900))
        status = rng.choice(
            [PlacementStatus.COMPLETED, PlacementStatus.ACTIVE, PlacementStatus.PLANNED]
        )
        placements.append(
            {
                "candidate_id": cid,
                "request_id": rid,
                "organisation_id": oid,
                "start_date": start,
                "end_date": start + dt.timedelta(days=180),
                "status": status.value,
                "time_share": 100,
                "created_at": dt.datetime.combine(start - dt.timedelta(days=30), dt.time(9)),
            }
        )
        entries.append(
            {
                "request_id": rid,
                "candidate_id": cid,
                "rank": 1,
                "score": 50.0,
                "score_parts": {},
                "status": ShortlistStatus.ACCEPTED.value,
                "created_at": dt.datetime.combine(start - dt.timedelta(days=60), dt.time(9)),
                "updated_at": dt.datetime.combine(start - dt.timedelta(days=60), dt.time(9)),
            }
        )
    for cid in rng.sample(people, min(3 * count, len(people))):
        if cid in set(chosen):
            continue
        rid, _oid = requests[cid % len(requests)]
        entries.append(
            {
                "request_id": rid,
                "candidate_id": cid,
                "rank": 2,
                "score": 40.0,
                "score_parts": {},
                "status": ShortlistStatus.DECLINED.value,
                "created_at": dt.datetime(2025, 5, 1),
                "updated_at": dt.datetime(2025, 5, 1),
            }
        )
    with db.engine.connect() as conn:
        # The demo's own shortlist entries: a person is on a request's list once.
        seen = set(
            conn.execute(select(m.ShortlistEntry.request_id, m.ShortlistEntry.candidate_id)).all()
        )
    entries = [
        e
        for e in entries
        if not (
            (e["request_id"], e["candidate_id"]) in seen
            or seen.add((e["request_id"], e["candidate_id"]))
        )
    ]
    with db.connection() as conn:
        # Only the placements written here get outcomes (the demo's have their own).
        before = conn.execute(select(m.Placement.id).order_by(m.Placement.id.desc())).scalar() or 0
        conn.execute(insert(m.Placement), placements)
        conn.execute(insert(m.ShortlistEntry), entries)
        pids = list(conn.execute(select(m.Placement.id).where(m.Placement.id > before)).scalars())
        metrics = [x.value for x in OutcomeMetric]
        outcomes = [
            {"placement_id": pid, "metric": metric, "target": rng.randint(10, 500)}
            for pid in pids
            for metric in rng.sample(metrics, 3)
        ]
        conn.execute(insert(m.PlacementOutcome), outcomes)
        oids = list(
            conn.execute(
                select(m.PlacementOutcome.id).where(m.PlacementOutcome.placement_id > before)
            ).scalars()
        )
        conn.execute(
            insert(m.OutcomeValue),
            [
                {
                    "outcome_id": oid,
                    "checkin_id": None,
                    "value": rng.randint(0, 600),
                    "entered_at": dt.datetime(2026, 1, 1),
                }
                for oid in oids
            ],
        )


def baseline_fetch(db: Database) -> None:
    c, p = m.Candidate, m.Placement
    with db.engine.connect() as conn:
        conn.execute(select(c.stage, c.created_at)).all()
        conn.execute(
            select(p.id, p.organisation_id, c.region, c.gender, p.status).outerjoin(
                c, c.id == p.candidate_id
            )
        ).all()
        conn.execute(select(m.PlacementOutcome.metric, m.PlacementOutcome.target)).all()
        conn.execute(select(m.OutcomeValue.outcome_id, m.OutcomeValue.value)).all()
        conn.execute(
            select(
                m.ShortlistEntry.candidate_id, m.ShortlistEntry.status, m.ShortlistEntry.created_at
            )
        ).all()
        conn.execute(select(c.id, c.region, c.gender, c.stage)).all()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--candidates", type=int, default=50_000)
    ap.add_argument("--placements", type=int, default=2_000)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.create(Path(tmp) / "bench.db", PASSPHRASE, "Bench")
        t0 = time.perf_counter()
        demo.generate(db, candidates=args.candidates, requests=40, seed=7)
        add_placements(db, args.placements)
        print(
            f"data: {args.candidates} candidates, {args.placements} placements "
            f"in {time.perf_counter() - t0:.1f}s"
        )
        start, end = dt.date(2024, 1, 1), dt.date(2026, 12, 31)
        out_pdf, out_xlsx = Path(tmp) / "programme.pdf", Path(tmp) / "programme.xlsx"
        pdf = median_time(
            lambda: reports.write_programme_report(db, out_pdf, start=start, end=end), 3
        )
        xlsx = median_time(
            lambda: reports.write_programme_report(db, out_xlsx, start=start, end=end), 3
        )
        figures = median_time(lambda: reports.build_report(db, start=start, end=end), 5)
        base = median_time(lambda: baseline_fetch(db), 5)
        report = reports.build_report(db, start=start, end=end)
        size = out_pdf.stat().st_size // 1024
        print(f"placements in the period: {report.placements}, PDF {size} KiB")
        db.close()
    print(line("programme_pdf", pdf, BUDGET, 1))
    print(line("programme_xlsx", xlsx, BUDGET, 1))
    print(line("report_figures", figures, base, 3))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
