"""Benchmark: desktop start-up and the candidate table at 100,000 rows.

Run:  .venv/bin/python bench/gui.py [--candidates 100000] [--db PATH] [--runs 5]

Measured side by side in one run, headless (``QT_QPA_PLATFORM=offscreen``):

* ``cold_start`` — a fresh Python process until a window is on screen: a bare PySide6
  ``QMainWindow`` versus WiR Manager unlocking an existing demo-sized database
  (``--start-candidates``, default 3,000 like the app's demo; passphrase from
  ``WIR_MANAGER_PASSPHRASE``, as an unattended start would) and showing its main window
  with the Candidates screen. Demo generation is not part of it: the databases are built
  (or given with ``--db``) before the clocks start. Median of ``--runs`` subprocesses.
  ``cold_start_via_cli`` is the same through ``wir-manager --db PATH gui`` (the README's
  command), which also imports every CLI command module first.
* ``table_open`` — from nothing to a painted candidate table at N rows: our
  ``CandidatesView`` (index query + table model) versus reading the same columns into a
  ``QStandardItemModel`` behind a bare ``QTableView``.
* ``filter_keystroke`` — one more letter typed in the search box at N rows, until the
  table has repainted: ours versus ``QSortFilterProxyModel.setFilterFixedString`` (C++
  filtering over every column) on the bare model. The budget is 50 ms absolute for the
  90th percentile of all keystrokes (first letters scan every row; later ones narrow).

The last lines follow the house format ``NAME: <ours> vs <baseline> = <ratio>x (target
<= <X>x) ok|MISS``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "bench passphrase"
KEYSTROKES = ("a", "an", "ana", "m", "ma", "mar", "s", "sh")
FILTER_BUDGET_MS = 50.0

BARE_CHILD = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
w = QMainWindow()
w.setCentralWidget(QTableView())
w.resize(1200, 800)
w.show()
app.processEvents()
print("READY", flush=True)
"""

OURS_CHILD = r"""
import sys
from pathlib import Path
from wir_manager.qt.app import Launcher, make_application
app = make_application()
launcher = Launcher(Path(sys.argv[1]))
def ready(window):
    app.processEvents()
    print("READY", flush=True)
    app.exit(0)
launcher.window_ready.connect(ready)
launcher.aborted.connect(lambda: (print("ABORTED", flush=True), app.exit(1)))
launcher.start()
if launcher.window is None:
    app.exec()
"""

CLI_CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from wir_manager.cli.main import main
from wir_manager.qt.app import make_application
from wir_manager.qt.main_window import MainWindow
make_application()  # the QApplication main() will reuse; timers need it to exist
def poll():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible() and w.current_screen() is not None:
            print("READY", flush=True)
            QApplication.instance().exit(0)
timer = QTimer()
timer.timeout.connect(poll)
timer.start(5)
sys.exit(main(["--db", sys.argv[1], "gui"]))
"""


def line(name: str, ours: float, base: float, target: float, unit: str = " ms") -> str:
    ratio = ours / base if base else float("inf")
    verdict = "ok" if ratio <= target else "MISS"
    figures = f"{ours:.1f}{unit} vs {base:.1f}{unit} = {ratio:.2f}x"
    return f"{name}: {figures} (target <= {target:g}x) {verdict}"


def build_db(path: Path, candidates: int) -> None:
    from wir_manager.services import demo
    from wir_manager.storage.database import Database

    started = time.perf_counter()
    db = Database.create(path, PASSPHRASE, "Bench")
    try:
        demo.generate(db, candidates, 50, 7)
    finally:
        db.close()
    print(f"built {candidates:,} candidates in {time.perf_counter() - started:.0f} s")


def cold_start(code: str, args: list[str], home: Path, runs: int) -> float:
    """Median wall time (ms) from spawning Python until the child prints READY."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WIR_MANAGER_HOME": str(home),
        "WIR_MANAGER_PASSPHRASE": PASSPHRASE,
    }
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        watchdog = threading.Timer(180, child.kill)  # a hung start must not hang the bench
        watchdog.start()
        first = child.stdout.readline().strip()
        elapsed = time.perf_counter() - started
        child.wait(timeout=60)
        watchdog.cancel()
        if first != "READY":
            raise SystemExit(f"start-up child failed ({first or 'no output'})")
        times.append(elapsed * 1000)
    return statistics.median(times)


def in_process(db_path: Path, runs: int) -> dict[str, float]:
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView
    from sqlalchemy import select

    from wir_manager.qt import settings as opts
    from wir_manager.qt.app import make_application
    from wir_manager.qt.context import AppContext
    from wir_manager.qt.tasks import TaskRunner
    from wir_manager.qt.views.candidates import CandidatesView
    from wir_manager.storage import models as m
    from wir_manager.storage.database import Database

    app = make_application()
    db = Database.open(db_path, PASSPHRASE)
    results: dict[str, float] = {}

    # ---------------------------------------------------------------- baseline: open
    def open_bare() -> tuple[QTableView, QStandardItemModel, float]:
        started = time.perf_counter()
        c = m.Candidate
        query = select(
            c.full_name, c.username, c.stage, c.country, m.Affiliate.name, c.email
        ).outerjoin(m.Affiliate, c.affiliate_id == m.Affiliate.id)
        with db.engine.connect() as conn:
            rows = conn.execute(query).all()
        model = QStandardItemModel(len(rows), 6)
        for r, row in enumerate(rows):
            for col, value in enumerate(row):
                model.setItem(r, col, QStandardItem("" if value is None else str(value)))
        view = QTableView()
        view.setModel(model)
        view.resize(1200, 800)
        view.show()
        app.processEvents()
        return view, model, (time.perf_counter() - started) * 1000

    def open_ours() -> tuple[CandidatesView, float]:
        ctx = AppContext(db=db, tasks=TaskRunner(), settings=opts.open_settings())
        started = time.perf_counter()
        view = CandidatesView(ctx)
        view.resize(1200, 800)
        view.show()
        while not view.is_loaded:
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()
        return view, (time.perf_counter() - started) * 1000

    bare_open, ours_open = [], []
    for _ in range(max(1, runs // 2)):
        bare_view, bare_model, t = open_bare()
        bare_open.append(t)
        ours_view, t = open_ours()
        ours_open.append(t)
    results["table_open_bare"] = statistics.median(bare_open)
    results["table_open_ours"] = statistics.median(ours_open)
    rows = ours_view.model.total

    # ---------------------------------------------------------------- keystrokes
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(bare_model)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    bare_view.setModel(proxy)
    app.processEvents()
    bare_keys, ours_keys, ours_first = [], [], []
    for _ in range(runs):
        for text in KEYSTROKES:
            started = time.perf_counter()
            proxy.setFilterFixedString(text)
            app.processEvents()
            bare_keys.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            ours_view.ui.searchEdit.setText(text)
            app.processEvents()
            elapsed = (time.perf_counter() - started) * 1000
            ours_keys.append(elapsed)
            if len(text) == 1:
                ours_first.append(elapsed)
        proxy.setFilterFixedString("")
        ours_view.ui.searchEdit.clear()
        app.processEvents()
    results["key_bare"] = statistics.median(bare_keys)
    results["key_ours"] = statistics.median(ours_keys)
    results["key_ours_first_letter"] = statistics.median(ours_first)
    results["key_ours_worst"] = max(ours_keys)
    results["key_ours_p90"] = statistics.quantiles(ours_keys, n=10)[-1]
    results["rows"] = rows
    ours_view.release()
    db.close()
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--candidates", type=int, default=100_000)
    ap.add_argument("--db", type=Path, help="an existing database (passphrase: bench passphrase)")
    ap.add_argument("--start-candidates", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="wir-bench-gui-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        os.environ["WIR_MANAGER_HOME"] = str(home)
        db_path = args.db or Path(tmp) / "bench.db"
        if not db_path.exists():
            build_db(db_path, args.candidates)

        start_db = Path(tmp) / "start.db"
        build_db(start_db, args.start_candidates)

        bare_start = cold_start(BARE_CHILD, [], home, args.runs)
        ours_start = cold_start(OURS_CHILD, [str(start_db)], home, args.runs)
        ours_start_big = cold_start(OURS_CHILD, [str(db_path)], home, max(1, args.runs // 2))
        cli_start = cold_start(CLI_CHILD, [str(start_db)], home, args.runs)
        figures = in_process(db_path, args.runs)

    rows = int(figures["rows"])
    print(f"cold start, bare PySide6 window:      {bare_start:8.1f} ms")
    small = f"{args.start_candidates:,} candidates"
    print(f"cold start, WiR Manager unlocked:     {ours_start:8.1f} ms ({small})")
    big = f"{rows:,} rows; quick_check reads every page"
    print(f"cold start, WiR Manager unlocked:     {ours_start_big:8.1f} ms ({big})")
    print(f"table open at {rows:,} rows, bare:    {figures['table_open_bare']:8.1f} ms")
    print(f"table open at {rows:,} rows, ours:    {figures['table_open_ours']:8.1f} ms")
    print(f"filter keystroke, QSortFilterProxy:   {figures['key_bare']:8.1f} ms (median)")
    print(f"filter keystroke, ours:               {figures['key_ours']:8.1f} ms (median)")
    print(f"filter keystroke, ours, first letter: {figures['key_ours_first_letter']:8.1f} ms")
    print(f"filter keystroke, ours, 90th pct:     {figures['key_ours_p90']:8.1f} ms")
    print(f"filter keystroke, ours, worst:        {figures['key_ours_worst']:8.1f} ms")
    print(f"cold start, `wir-manager gui` (CLI):  {cli_start:8.1f} ms ({small})")
    print(line("cold_start", ours_start, bare_start, 2.0))
    print(line("cold_start_via_cli", cli_start, bare_start, 2.0))
    print(line("table_open", figures["table_open_ours"], figures["table_open_bare"], 1.0))
    print(line("filter_keystroke_vs_proxy", figures["key_ours"], figures["key_bare"], 1.0))
    print(
        line(
            "filter_keystroke_p90_vs_budget",
            figures["key_ours_p90"],
            FILTER_BUDGET_MS,
            1.0,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
