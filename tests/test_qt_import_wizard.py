"""The import wizard and the "Generate dossier…" action, driven with pytest-qt on a
real encrypted database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import func, select

from wir_manager.qt.context import AppContext
from wir_manager.qt.dialogs.import_wizard import ImportWizard
from wir_manager.qt.dossier_action import generate_dossier_interactively
from wir_manager.qt.models.import_preview import CELL_ERROR, ROW_ERROR
from wir_manager.qt.tasks import TaskRunner
from wir_manager.services import demo
from wir_manager.storage import models as m


@pytest.fixture
def ctx(db, tmp_path: Path, qtbot):
    demo.ensure_reference_data(db)
    with db.session() as s:
        s.add(m.Candidate(full_name="Existing Person", username="Existing"))
    runner = TaskRunner()
    context = AppContext(db, runner, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield context
    runner.wait()


def _count(db) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(m.Candidate)).scalar_one()


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def _wait_report(qtbot, wizard: ImportWizard) -> None:
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=20_000)


def test_preview_highlights_problems_and_blocks_import(ctx, qtbot, tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "messy.xlsx",
        [
            ["Name", "Username", "Email", "Languages"],
            ["Good One", "GoodOne", "good@example.org", "en:C1"],
            ["Bad Mail", "BadMail", "nope@", "fr:B2"],
            ["Dup", "existing", None, None],
        ],
    )
    wizard = ImportWizard(ctx, ask_open=lambda *_a: str(path))
    qtbot.addWidget(wizard)
    wizard.ui.browseButton.click()
    _wait_report(qtbot, wizard)
    model = wizard.model
    assert model.rowCount() == 3 and model.columnCount() == 6
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Problems"
    assert model.data(model.index(0, 1)) == "Good One"
    assert (
        model.data(
            model.index(
                0,
                0,
            ),
            Qt.ItemDataRole.BackgroundRole,
        )
        is None
    )
    assert model.data(model.index(1, 3), Qt.ItemDataRole.BackgroundRole) == CELL_ERROR
    assert model.data(model.index(1, 1), Qt.ItemDataRole.BackgroundRole) == ROW_ERROR
    assert "not an e-mail address" in model.data(model.index(1, 5))
    assert "Row 3, Email" in model.data(model.index(1, 2), Qt.ItemDataRole.ToolTipRole)
    assert not wizard.import_button.isEnabled()
    assert "2 problem(s) must be fixed" in wizard.ui.summaryLabel.text()
    assert wizard.problems.stringList() == [
        "Row 3, Email: This is not an e-mail address (name@example.org).",
        "Row 4, Username: a candidate with this username already exists (id 1).",
    ]
    wizard.ui.onlyProblemsCheck.setChecked(True)
    assert wizard.proxy.rowCount() == 2
    wizard.ui.problemsView.clicked.emit(wizard.problems.index(1, 0))
    assert wizard.ui.previewTable.selectionModel().selectedRows()[0].row() == 1
    assert wizard.start_import() is None
    assert _count(ctx.db) == 1
    wizard.grab().save(str(tmp_path / "wizard.png"))


def test_import_runs_in_background_and_writes_all_rows(ctx, qtbot, tmp_path: Path) -> None:
    rows: list[list[object]] = [["Name", "Username", "Available from"]]
    rows += [[f"Person {i}", f"P{i}", dt.date(2027, 1, 1)] for i in range(50)]
    rows.append(["Existing  person", "Other", None])  # warning: near-identical name
    path = _sheet(tmp_path / "ok.xlsx", rows)
    asked: list[str] = []
    wizard = ImportWizard(ctx, confirm=lambda _p, title, _t: asked.append(title) or True)
    qtbot.addWidget(wizard)
    wizard.load_file(path)
    _wait_report(qtbot, wizard)
    assert wizard.import_button.isEnabled()
    with qtbot.waitSignal(wizard.imported, timeout=20_000) as signal:
        wizard.import_button.click()
    assert signal.args == [51]
    assert asked == ["Import despite warnings?"]
    assert _count(ctx.db) == 52


def test_cancel_during_import_writes_nothing(ctx, qtbot, tmp_path: Path) -> None:
    rows: list[list[object]] = [["Name", "Username", "Languages"]]
    rows += [[f"Person {i}", f"User{i}", "en:C1; fr:B2"] for i in range(5000)]
    path = _sheet(tmp_path / "big.xlsx", rows)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.load_file(path)
    _wait_report(qtbot, wizard)
    handle = wizard.start_import()
    assert handle is not None
    handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=20_000)
    assert "cancelled; nothing was written" in wizard.ui.summaryLabel.text()
    assert _count(ctx.db) == 1
    assert wizard.import_button.isEnabled()


def test_unusable_file_shows_one_sentence(ctx, qtbot, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "wir_manager.qt.dialogs.import_wizard.show_error",
        lambda _parent, exc: shown.append(str(exc)),
    )
    bad = tmp_path / "notes.xlsx"
    bad.write_text("just text")
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    handle = wizard.load_file(bad)
    qtbot.waitUntil(lambda: handle.done, timeout=20_000)
    assert shown and "not an Excel workbook" in shown[0]
    assert "not an Excel workbook" in wizard.ui.summaryLabel.text()


def test_save_template_button(ctx, qtbot, tmp_path: Path) -> None:
    targets = iter([tmp_path / "tpl.xlsx", tmp_path / "rtpl.xlsx"])
    wizard = ImportWizard(ctx, ask_save=lambda *_a: str(next(targets)))
    qtbot.addWidget(wizard)
    wizard.ui.templateButton.click()
    assert openpyxl.load_workbook(tmp_path / "tpl.xlsx").worksheets[0].title == "Candidates"
    wizard.ui.kindCombo.setCurrentIndex(1)
    assert wizard.kind == "requests"
    wizard.ui.templateButton.click()
    assert openpyxl.load_workbook(tmp_path / "rtpl.xlsx").worksheets[0].title == "Requests"


def test_generate_dossier_interactively(ctx, qtbot, tmp_path: Path, monkeypatch) -> None:
    db = ctx.db
    ids = demo.ensure_reference_data(db)
    with db.session() as s:
        req = m.PlacementRequest(organisation_id=ids["org:UNEP"], title="Climate data")
        s.add(req)
        s.flush()
        yes = m.Candidate(full_name="Willing Person", username="Willing", consent_propose=True)
        no = m.Candidate(full_name="Unwilling Person", username="Unwilling")
        s.add_all([yes, no])
        s.flush()
        for rank, c in enumerate((yes, no), start=1):
            s.add(
                m.ShortlistEntry(
                    request_id=req.id, candidate_id=c.id, rank=rank, score=50, score_parts={}
                )
            )
        rid, no_id = req.id, no.id
    infos: list[str] = []
    monkeypatch.setattr(
        "wir_manager.qt.dossier_action.QMessageBox.information",
        lambda _p, _title, text: infos.append(text),
    )
    opened: list[Path] = []
    results: list[object] = []
    target = tmp_path / "out.pdf"
    asked: list[str] = []

    def ask(_parent, recipient: str, default_path: str):
        asked.append(recipient)
        assert default_path.endswith(".pdf")
        return "UNEP Data Unit", target

    handle = generate_dossier_interactively(
        ctx, None, rid, ask=ask, open_file=opened.append, on_finished=results.append
    )
    assert handle is not None
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    assert asked == ["UNEP"]
    assert opened == [target] and target.read_bytes().startswith(b"%PDF")
    assert infos and f"Candidate {no_id}" in infos[0]
    with db.engine.connect() as conn:
        assert conn.execute(select(m.Disclosure.recipient)).scalar_one() == "UNEP Data Unit"
    # Cancelling the questions does nothing
    assert generate_dossier_interactively(ctx, None, rid, ask=lambda *_a: None) is None
