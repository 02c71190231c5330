"""Benchmark: desktop start-up and the candidate table at 100,000 rows.

Run:  .venv/bin/python bench/gui.py [--candidates 100000] [--db PATH] [--runs 7]

Measured side by side in one run, headless (``QT_QPA_PLATFORM=offscreen``):

* ``cold_start`` — a fresh process until its window has painted its first frame: a bare
  PySide6 ``QMainWindow`` with a ``QTableView`` versus ``python -m wir_manager --db PATH
  gui`` (the README's command) unlocking an existing demo-sized database
  (``--start-candidates``, default 3,000 like the app's demo; passphrase from
  ``WIR_MANAGER_PASSPHRASE``, as an unattended start would) and painting its unlocked
  main window. Each start is a new user's (no settings saved): the window opens on the
  Today screen, whose due list arrives from a background read a moment later ("first
  screen loaded"). The app reports its phases through ``WIR_MANAGER_STARTUP_TRACE=1``
  (see ``wir_manager/startup.py``); all are printed. The key has been derived and proved
  against the file by then. ``cold_start_rows_shown`` is a returning user's start on the
  Candidates screen (saved as the last screen), until the candidate rows are shown.
  ``cold_start_large_db`` is the same on the big database: the whole-file integrity
  check runs after the first frame, so the start does not grow with the file.
  Demo generation is not part of it: the databases are built (or given with ``--db``)
  before the clocks start. Bytecode is compiled first, as an installed app has it.
  Median of ``--runs`` subprocesses.
  Its floor is the key: the unlocked window cannot paint before PBKDF2-HMAC-SHA512 with
  256,000 iterations (SQLCipher 4's) has run, which takes ~144 ms on one core of the
  2-core test machine, started ~30 ms into the process, so ~175 ms before the window
  that needs the database can be built. While the key is derived, the GUI thread imports
  what showing the window needs and builds a throw-away copy of its widgets (Qt's
  first-widget, style and font costs); the real window then paints ~10 ms after the key.
  Quiet runs on 2026-12-03 gave 1.94x-2.11x (bare window 95-104 ms, ours 201-212 ms):
  at the target, and not reliably under it. Only fewer iterations could take it lower,
  and those are not on offer. On 2026-12-04 (a slower afternoon: the bare window took
  114-158 ms) 2.09x in the full run; alternating with the code of the day before, three
  rounds of five starts each: 224-254 ms against 246-262 ms, so nothing of the day's
  work added to the start.
* ``table_open`` — from nothing to a painted candidate table at N rows: our
  ``CandidatesView`` (index query + table model) versus reading the same columns into a
  ``QStandardItemModel`` behind a bare ``QTableView``.
* ``filter_keystroke`` — one more letter typed in the search box at N rows, until the
  table has repainted: ours versus ``QSortFilterProxyModel.setFilterFixedString`` (C++
  filtering over every column) on the bare model. The budget is 50 ms absolute for the
  90th percentile of all keystrokes (first letters scan every row; later ones narrow).
* ``sort_languages_first`` — the session's first click on the Languages header at N
  rows, until the event loop is idle again, against a 100 ms budget; and
  ``keystroke_after_sort``, the first letter typed after it, against the 50 ms keystroke
  budget. The Languages order is computed with the index, off the GUI thread, and the
  click takes the rows in it without copying the index; that letter was typed before
  the sort, and its matches (which do not depend on the order) are kept across it. A
  letter never typed costs its scan, ~15-25 ms. On 2026-12-03, alternating with the
  model before (which copied the index into display order at the click and laid the
  search texts out afresh at the next keystroke), four runs each on the 2-core machine:
  the click 18-30 ms (was 146-203), the letter 11-17 ms (was 54-81; a letter not typed
  before 14-22, was 54-73).
  A click on a column not computed ahead sorts then: ~40-150 ms at 100,000 rows.

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

from _common import figure, line

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "bench passphrase"
KEYSTROKES = ("a", "an", "ana", "m", "ma", "mar", "s", "sh")
FILTER_BUDGET_MS = 50.0
#: Our own target for the list being filled at start (3,000 candidates): the issue sets
#: none, and this keeps the background load from quietly growing.
ROWS_SHOWN_TARGET = 8.0

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

#: A click a person makes should answer within a frame or two; 2.5 s was the complaint.
SORT_BUDGET_MS = 100.0
TRACE_PREFIX = "wir-manager startup: "
READY_PHASE = "first frame"
LOADED_PHASE = "first screen loaded"


#: The figures are milliseconds already.
MS = figure(" ms", 1)


def compile_bytecode() -> None:
    """An installed WiR Manager (wheel or bundle) has its bytecode compiled; a checkout
    run with PYTHONDONTWRITEBYTECODE would recompile every module at each start, which
    measures the checkout, not the app. The baseline's PySide6 is compiled too."""
    import compileall

    import wir_manager

    compileall.compile_dir(Path(wir_manager.__file__).parent, quiet=1)


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


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WIR_MANAGER_HOME": str(home),
        "WIR_MANAGER_PASSPHRASE": PASSPHRASE,
        "WIR_MANAGER_STARTUP_TRACE": "1",
    }


def cold_start_bare(home: Path, runs: int) -> float:
    """Median wall time (ms) from spawning Python until the bare window has painted."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", BARE_CHILD],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=_env(home),
        )
        assert child.stdout is not None
        first = child.stdout.readline().strip()
        times.append((time.perf_counter() - started) * 1000)
        child.wait(timeout=60)
        if first != "READY":
            raise SystemExit(f"bare child failed ({first or 'no output'})")
    return statistics.median(times)


def returning_user_home(home: Path, screen: str) -> Path:
    """A settings folder like a returning user's: ``screen`` saved as the last one (the
    app's own typed option writes it, so the key cannot drift from the app's)."""
    from PySide6.QtCore import QSettings

    from wir_manager.qt import settings as opts

    home.mkdir(parents=True, exist_ok=True)
    ini = home / "config" / opts.SETTINGS_FILE
    ini.parent.mkdir(parents=True, exist_ok=True)
    saved = QSettings(str(ini), QSettings.Format.IniFormat)
    opts.LAST_SCREEN.set(saved, screen)
    saved.sync()
    return home


def cold_start_ours(db: Path, home: Path, runs: int, *, fresh: bool) -> dict[str, float]:
    """Median wall times (ms) from spawning ``python -m wir_manager --db DB gui`` (the
    README's command) until each start-up phase it reports with
    ``WIR_MANAGER_STARTUP_TRACE=1``: the first frame of the unlocked main window, and
    its first screen filled (Today's due list for a new user, the candidate rows when
    Candidates was the last screen). The child is stopped after that. ``fresh``: each run
    in its own empty settings folder under ``home``, a new user every time."""
    phases: dict[str, list[float]] = {}
    for run in range(runs):
        run_home = home / f"run-{run}" if fresh else home
        run_home.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "wir_manager", "--db", str(db), "gui"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(run_home),
        )
        assert child.stderr is not None
        watchdog = threading.Timer(180, child.kill)  # a hung start must not hang the bench
        watchdog.start()
        seen: dict[str, float] = {}
        for raw in child.stderr:
            if not raw.startswith(TRACE_PREFIX):
                continue
            phase = raw[len(TRACE_PREFIX) :].split(" ", 1)[1].strip()
            seen[phase] = (time.perf_counter() - started) * 1000
            if phase == LOADED_PHASE:
                break
        child.kill()
        child.wait(timeout=60)
        watchdog.cancel()
        if READY_PHASE not in seen or LOADED_PHASE not in seen:
            raise SystemExit(f"start-up child failed (phases seen: {sorted(seen)})")
        for phase, at in seen.items():
            phases.setdefault(phase, []).append(at)
    return {phase: statistics.median(values) for phase, values in phases.items()}


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

    # ---------------------------------------------------------------- first sort
    # Issue #16.17: the first sort by Languages froze the window 2.5 s at 3,000 rows.
    # A header click on the real table, the first one of the session for that column.
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from wir_manager.qt.models.candidate_table import COLUMNS
    from wir_manager.services import candidate_index as ci

    table = ours_view.ui.table
    header = table.horizontalHeader()
    column = next(i for i, (field, _title) in enumerate(COLUMNS) if field == ci.LANGUAGES)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    started = time.perf_counter()
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(x, header.height() // 2),
    )
    app.processEvents()
    results["sort_languages_first"] = (time.perf_counter() - started) * 1000
    # The matches of a text do not depend on the sort (see CandidateTableModel): this
    # letter, typed above, only has its matches taken in the new order.
    started = time.perf_counter()
    ours_view.ui.searchEdit.setText(KEYSTROKES[0])
    app.processEvents()
    results["key_after_sort"] = (time.perf_counter() - started) * 1000
    ours_view.release()
    db.close()
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--candidates", type=int, default=100_000)
    ap.add_argument("--db", type=Path, help="an existing database (passphrase: bench passphrase)")
    ap.add_argument("--start-candidates", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=7)
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

        compile_bytecode()
        bare_start = cold_start_bare(home, args.runs)
        # A new user's home each time: no last screen saved, so the window opens on Today.
        new_user = Path(tmp) / "new-user"
        ours = cold_start_ours(start_db, new_user / "small", args.runs, fresh=True)
        ours_big = cold_start_ours(db_path, new_user / "big", max(1, args.runs // 2), fresh=True)
        returning = returning_user_home(Path(tmp) / "returning", "candidates")
        back = cold_start_ours(start_db, returning, args.runs, fresh=False)
        figures = in_process(db_path, args.runs)

    rows = int(figures["rows"])
    small = f"{args.start_candidates:,} candidates"
    big = f"{rows:,} candidates"
    print(f"cold start, bare PySide6 window painted:        {bare_start:8.1f} ms")
    for title, phases in (
        (f"{small}, new user (Today)", ours),
        (f"{big}, new user (Today)", ours_big),
        (f"{small}, returning user (Candidates)", back),
    ):
        print(f"cold start, `wir-manager --db … gui`, {title}:")
        for phase, at in sorted(phases.items(), key=lambda item: item[1]):
            print(f"    {phase:<28} {at:8.1f} ms")
    print(f"table open at {rows:,} rows, bare:    {figures['table_open_bare']:8.1f} ms")
    print(f"table open at {rows:,} rows, ours:    {figures['table_open_ours']:8.1f} ms")
    print(f"filter keystroke, QSortFilterProxy:   {figures['key_bare']:8.1f} ms (median)")
    print(f"filter keystroke, ours:               {figures['key_ours']:8.1f} ms (median)")
    print(f"filter keystroke, ours, first letter: {figures['key_ours_first_letter']:8.1f} ms")
    print(f"filter keystroke, ours, 90th pct:     {figures['key_ours_p90']:8.1f} ms")
    print(f"filter keystroke, ours, worst:        {figures['key_ours_worst']:8.1f} ms")
    print(f"first sort by Languages (header click): {figures['sort_languages_first']:8.1f} ms")
    print(f"first filter keystroke after the sort:  {figures['key_after_sort']:8.1f} ms")
    print(line("cold_start", ours[READY_PHASE], bare_start, 2.0, MS))
    print(line("cold_start_large_db", ours_big[READY_PHASE], bare_start, 2.0, MS))
    print(line("cold_start_rows_shown", back[LOADED_PHASE], bare_start, ROWS_SHOWN_TARGET, MS))
    print(line("table_open", figures["table_open_ours"], figures["table_open_bare"], 1.0, MS))
    print(line("filter_keystroke_vs_proxy", figures["key_ours"], figures["key_bare"], 1.0, MS))
    print(
        line(
            "filter_keystroke_p90_vs_budget",
            figures["key_ours_p90"],
            FILTER_BUDGET_MS,
            1.0,
            MS,
        )
    )
    print(
        line(
            "sort_languages_first_vs_budget",
            figures["sort_languages_first"],
            SORT_BUDGET_MS,
            1.0,
            MS,
        )
    )
    print(
        line("keystroke_after_sort_vs_budget", figures["key_after_sort"], FILTER_BUDGET_MS, 1.0, MS)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
