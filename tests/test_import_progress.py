"""A long check says how far it is at every stage and can be cancelled at every stage:
reading the file, reading its values column by column, checking rows, and comparing
matched people with the database — not only in the row loop, which at 10,000 rows
comes after two thirds of the time."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QProgressDialog, QPushButton

from wir_manager.qt.context import AppContext
from wir_manager.qt.dialogs import import_wizard
from wir_manager.qt.dialogs.import_wizard import ImportWizard
from wir_manager.qt.tasks import TaskRunner
from wir_manager.services import demo
from wir_manager.services.progress import Cancelled, Progress
from wir_manager.services.spreadsheets import read_candidates, write_candidates

NAMES = ["Amira Haddad", "أمينة يوسف", "अनन्या शर्मा", "李小龍", "Björn Ståhl", "Zoë Okafor"]
LANGUAGES = ["Arabic (native), English (C1)", "Hindi modersmål; engelska B2", "zh-C2", "sv:C1"]


def staff_csv(path: Path, rows: int) -> Path:
    """A staff sheet as people keep them: their own headers, semicolons, a BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(
        ["Full name", "Wikimedia username", "E-mail", "Languages spoken", "Consent to store?",
         "Date of consent"]
    )  # fmt: skip
    for i in range(rows):
        writer.writerow(
            [f"{NAMES[i % len(NAMES)]} {i}", f"Staff_{i}", f"staff{i}@example.org",
             LANGUAGES[i % len(LANGUAGES)], "yes", "15/01/2026"]
        )  # fmt: skip
    path.write_bytes(out.getvalue().encode("utf-8-sig"))
    return path


def reports(db, path: Path, **options) -> list[tuple[int, int, str]]:
    seen: list[tuple[int, int, str]] = []
    read_candidates(db, path, Progress(lambda *r: seen.append(r)), **options)
    return seen


def stages(seen: list[tuple[int, int, str]]) -> list[str]:
    return list(dict.fromkeys(message for _d, _t, message in seen))


def test_every_stage_of_a_check_reports_on_one_bar(db, tmp_path: Path) -> None:
    path = staff_csv(tmp_path / "staff.csv", 5000)

    seen = reports(db, path)

    assert stages(seen) == ["Reading the file", "Reading the values", "Checking rows"]
    reading = [r for r in seen if r[2] == "Reading the file"]
    # How many rows there are is known only at the end: counts so far, no total.
    assert [total for _d, total, _m in reading] == [0] * len(reading)
    assert [done for done, _t, _m in reading] == sorted(done for done, _t, _m in reading)
    assert reading[-1][0] == 5001  # the header row and every person
    bar = [r for r in seen if r[1]]
    assert {total for _d, total, _m in bar} == {10_000}  # values, then rows: one bar
    assert [done for done, _t, _m in bar] == sorted(done for done, _t, _m in bar)
    assert bar[-1][0] == 10_000
    values = [done for done, _t, message in bar if message == "Reading the values"]
    assert len(values) == 6 and values[-1] == 5000  # once per column


def test_updating_people_reports_the_comparison_too(db, tmp_path: Path) -> None:
    path = staff_csv(tmp_path / "staff.csv", 2000)
    write_candidates(db, read_candidates(db, path))

    seen = reports(db, path, update=True)

    assert stages(seen)[-1] == "Comparing with the people already in the database"
    bar = [r for r in seen if r[1]]
    assert {total for _d, total, _m in bar} == {6000}
    assert [done for done, _t, _m in bar] == sorted(done for done, _t, _m in bar)
    assert bar[-1] == (6000, 6000, "Comparing with the people already in the database")


@pytest.mark.parametrize(
    "stage",
    ["Reading the file", "Reading the values", "Checking rows",
     "Comparing with the people already in the database"],
)  # fmt: skip
def test_a_check_can_be_cancelled_at_every_stage(db, tmp_path: Path, stage: str) -> None:
    path = staff_csv(tmp_path / "staff.csv", 3000)
    write_candidates(db, read_candidates(db, path))
    seen: list[str] = []

    def cancelled() -> bool:
        return stage in seen

    with pytest.raises(Cancelled):
        read_candidates(
            db, path, Progress(lambda _d, _t, m: seen.append(m), cancelled), update=True
        )
    assert seen[-1] == stage  # stopped at the first report after the stage began


@pytest.fixture
def ctx(db, tmp_path: Path, qtbot):
    demo.ensure_reference_data(db)
    runner = TaskRunner()
    yield AppContext(db, runner, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    runner.wait()


@pytest.mark.parametrize(
    ("code", "reading", "values", "cancelled"),
    [
        ("en", "Reading the file", "Reading the values", "Checking was cancelled."),
        ("sv", "Läser filen", "Läser värdena", "Kontrollen avbröts."),
    ],
)
def test_the_wizard_shows_each_stage_and_cancel_stops_the_check(
    ctx, qtbot, tmp_path: Path, monkeypatch, language, code: str, reading: str, values: str,
    cancelled: str,
) -> None:  # fmt: skip
    language(code)
    path = staff_csv(tmp_path / "Medarbetare 2027.csv", 20_000)
    # The real check, paced so the test sees its stages whatever the machine's speed: it
    # waits for the test to listen before its first report, and for Cancel to be
    # pressed once it has said it is reading the values.
    listening, pressed = threading.Event(), threading.Event()
    real = import_wizard.read_candidates

    def paced(db, path, progress, **options):
        def report(done: int, total: int, message: str) -> None:
            listening.wait(10)
            progress.report(done, total, message)
            if message == values:
                pressed.wait(10)

        return real(db, path, Progress(report), **options)

    monkeypatch.setattr(import_wizard, "read_candidates", paced)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    labels: list[str] = []
    handle = wizard.load_file(path)
    assert handle.dialog is not None
    dialog: QProgressDialog = handle.dialog
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() in {"Cancel", "Avbryt"}

    def shown(*_report: object) -> None:
        labels.append(dialog.labelText())
        if values in labels[-1] and not pressed.is_set():
            cancel.click()  # as soon as the dialog shows the values being read
            pressed.set()

    handle.signals.progress.connect(shown)
    listening.set()
    qtbot.waitUntil(lambda: handle.done, timeout=60_000)

    assert any(reading in t for t in labels)
    assert any(values in t for t in labels)
    assert wizard.report is None
    assert wizard.ui.summaryLabel.text() == cancelled
