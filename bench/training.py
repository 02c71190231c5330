"""Benchmark: the Training screen's candidates × modules grid at 50,000 candidates.

Run:  .venv/bin/python bench/training.py [--candidates 50000]

Builds a synthetic encrypted database in a temporary folder, then measures side by side
in one run (medians over repeats):

* ``grid_load``   — :func:`training.load_grid` (what the screen loads off the GUI thread)
  vs the bare baseline of fetching the same two result sets with no shaping at all;
* ``grid_filter`` — one search keystroke on :class:`TrainingGridModel` (filter over
  prepared keys) vs a stock ``QSortFilterProxyModel`` with ``setFilterFixedString`` over
  the same rows;
* ``grid_sort``   — sorting the grid by a module column vs the stock proxy's sort;
* ``mark``        — marking 1,000 candidates × every module completed and promoting the
  ready ones (one transaction) vs a plain loop of one INSERT per cell in one transaction.

The last lines follow the house format ``NAME: <ours> vs <baseline> = <ratio>x (target <=
<X>x) ok|MISS``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import line, median_time
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import delete, insert, select

from wir_manager.qt.models.training_grid import TrainingGridModel
from wir_manager.services import demo
from wir_manager.services import training as tr
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

PASSPHRASE = "bench passphrase"


class PlainGridModel(QAbstractTableModel):
    """Baseline: the obvious table model over the same rows, for a stock proxy."""

    def __init__(self, rows: list[tr.GridRow], width: int) -> None:
        super().__init__()
        self.rows = rows
        self.width = width

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return self.width + 2

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        col = index.column()
        if col == 0:
            return row.name
        if col == 1:
            return row.stage
        return row.statuses[col - 2]


def baseline_fetch(db: Database) -> None:
    with db.engine.connect() as conn:
        conn.execute(
            select(m.Candidate.id, m.Candidate.full_name, m.Candidate.username, m.Candidate.stage)
        ).all()
        conn.execute(
            select(
                m.TrainingProgress.candidate_id,
                m.TrainingProgress.module_id,
                m.TrainingProgress.status,
            )
        ).all()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--candidates", type=int, default=50_000)
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.create(Path(tmp) / "bench.db", PASSPHRASE, "Bench")
        t0 = time.perf_counter()
        demo.generate(db, candidates=args.candidates, requests=10, seed=7)
        print(f"demo data: {args.candidates} candidates in {time.perf_counter() - t0:.1f}s")

        load = median_time(lambda: tr.load_grid(db), 5)
        base_load = median_time(lambda: baseline_fetch(db), 5)

        grid = tr.load_grid(db)
        ours = TrainingGridModel()
        ours.set_grid(grid)
        plain = PlainGridModel(grid.rows, len(grid.modules))
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(plain)
        proxy.setFilterKeyColumn(0)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        words = ["a", "an", "ann", "anna", "ma", "mar", "ali", ""]

        def ours_filter() -> None:
            for w in words:
                ours.set_filter(text=w, stages=None)

        def proxy_filter() -> None:
            for w in words:
                proxy.setFilterFixedString(w)

        filt = median_time(ours_filter, 3) / len(words)
        base_filt = median_time(proxy_filter, 3) / len(words)

        def ours_sort() -> None:
            ours.sort(4, Qt.SortOrder.AscendingOrder)
            ours.sort(0, Qt.SortOrder.DescendingOrder)

        def proxy_sort() -> None:
            proxy.sort(4, Qt.SortOrder.AscendingOrder)
            proxy.sort(0, Qt.SortOrder.DescendingOrder)

        sort = median_time(ours_sort, 3) / 2
        base_sort = median_time(proxy_sort, 3) / 2

        with db.engine.connect() as conn:
            cids = list(
                conn.execute(
                    select(m.Candidate.id).where(m.Candidate.stage == "in_training").limit(1000)
                ).scalars()
            )
        mids = [mod.id for mod in grid.modules]
        day = dt.date.today()

        def reset() -> None:
            with db.connection() as conn:
                for i in range(0, len(cids), 500):
                    conn.execute(
                        delete(m.TrainingProgress).where(
                            m.TrainingProgress.candidate_id.in_(cids[i : i + 500])
                        )
                    )

        def ours_mark() -> None:
            reset()
            tr.mark_selection(db, {mid: cids for mid in mids}, on=day)
            tr.promote_ready(db, cids)

        def naive_mark() -> None:
            reset()
            with db.connection() as conn:
                for cid in cids:
                    for mid in mids:
                        conn.execute(
                            insert(m.TrainingProgress).values(
                                candidate_id=cid,
                                module_id=mid,
                                status="completed",
                                started_on=day,
                                completed_on=day,
                            )
                        )

        mark = median_time(ours_mark, 3)
        base_mark = median_time(naive_mark, 3)
        db.close()
    del app
    print(f"rows: {len(grid.rows)}, modules: {len(grid.modules)}, marked cells: {len(cids) * 9}")
    print(line("grid_load", load, base_load, 3))
    print(line("grid_filter", filt, base_filt, 0.5))
    print(line("grid_sort", sort, base_sort, 0.5))
    print(line("mark", mark, base_mark, 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
