"""Benchmark: spreadsheet import and PDF dossiers, side by side in one run.

Run:  .venv/bin/python bench/io.py [--rows 10000] [--dossier 20]

* ``import_10k`` — reading, validating (codes, e-mails, duplicates against the database
  and within the file) and writing 10,000 candidate rows in one transaction, vs the bare
  floor: openpyxl's read-only mode merely iterating the same file's values
  (target ≤ 2×).
* ``dossier_20`` — laying out a dossier of 20 shortlisted candidates in any script
  (shaping, font fallback, page X of Y) vs the one-second budget; pages/second printed.

Data is synthetic (``services.demo``), in an encrypted database in a temporary folder.
The last lines follow the house format ``NAME: <ours> vs <baseline> = <ratio>x
(target <= <X>x) ok|MISS``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import delete, insert, select

from wir_manager.services import demo
from wir_manager.services.dossier import render_dossier
from wir_manager.services.spreadsheets import export_candidates, read_candidates, write_candidates
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

PASSPHRASE = "bench passphrase"


def median_time(
    fn: Callable[[], object], repeats: int, reset: Callable[[], None] | None = None
) -> float:
    times = []
    for _ in range(repeats):
        if reset is not None:
            reset()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def line(name: str, ours: float, base: float, target: float) -> str:
    ratio = ours / base if base else float("inf")
    verdict = "ok" if ratio <= target else "MISS"
    return f"{name}: {ours:.3f}s vs {base:.3f}s = {ratio:.2f}x (target <= {target:g}x) {verdict}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--dossier", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="wir-bench-io-") as tmp:
        folder = Path(tmp)
        source = Database.create(folder / "source.db", PASSPHRASE, "Bench")
        demo.generate(source, candidates=args.rows, requests=3, seed=11)
        sheet = folder / "candidates.xlsx"
        export_candidates(source, sheet)

        target = Database.create(folder / "target.db", PASSPHRASE, "Bench")
        demo.ensure_reference_data(target)

        def clear() -> None:
            with target.connection() as conn:
                for table in (m.CandidateLanguage, m.CandidateSkill, m.CandidateTopic):
                    conn.execute(delete(table))
                conn.execute(delete(m.Candidate))

        created = 0

        def ours_import() -> None:
            nonlocal created
            report = read_candidates(target, sheet)
            if not report.ok:
                raise SystemExit(f"unexpected problems: {report.lines()[:3]}")
            created = write_candidates(target, report).created

        def openpyxl_iterate() -> None:
            wb = load_workbook(sheet, read_only=True, data_only=True)
            for _row in wb.worksheets[0].iter_rows(values_only=True):
                pass
            wb.close()

        base_import = median_time(openpyxl_iterate, args.repeats)
        import_time = median_time(ours_import, args.repeats, reset=clear)

        # Dossier: a saved shortlist of N consenting candidates with names in many scripts.
        with source.engine.connect() as conn:
            ids = [
                cid
                for (cid,) in conn.execute(
                    select(m.Candidate.id)
                    .where(m.Candidate.consent_propose.is_(True))
                    .order_by(m.Candidate.id)
                    .limit(args.dossier)
                )
            ]
        with source.connection() as conn:
            conn.execute(
                insert(m.ShortlistEntry),
                [
                    {
                        "request_id": 1,
                        "candidate_id": cid,
                        "rank": n,
                        "score": 90.0 - n,
                        "score_parts": {"language": 30.0, "skills": 30.0, "topics": 30.0 - n},
                    }
                    for n, cid in enumerate(ids, start=1)
                ],
            )
        pages = 0

        def ours_dossier() -> None:
            nonlocal pages
            _data, pages, _content = render_dossier(source, 1, recipient="Bench liaison")

        ours_dossier()  # warm-up: font files parsed once per process
        dossier_time = median_time(ours_dossier, args.repeats)
        source.close()
        target.close()

    print(
        f"import: {created:,} rows; openpyxl iteration {base_import:.3f}s, ours {import_time:.3f}s"
    )
    print(
        f"dossier: {len(ids)} candidates, {pages} pages in {dossier_time:.3f}s "
        f"= {pages / dossier_time:.1f} pages/second"
    )
    print(line("import_10k", import_time, base_import, 2))
    print(line("dossier_20", dossier_time, 1.0, 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
