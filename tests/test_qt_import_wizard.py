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
    assert "2 problems must be fixed" in wizard.ui.summaryLabel.text()
    assert wizard.problems.stringList() == [
        "The file has no “consent to store” column: make sure everyone in it agreed to be "
        "kept in the pool.",
        "Row 3, Email: This is not an e-mail address (name@example.org).",
        "Row 4, Username: a candidate with this username already exists (id 1); choose "
        "“update existing candidates” to change them from the file.",
    ]
    wizard.ui.onlyProblemsCheck.setChecked(True)
    assert wizard.proxy.rowCount() == 2
    wizard.ui.problemsView.clicked.emit(wizard.problems.index(2, 0))  # Row 4
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
    assert shown and "is not a spreadsheet" in shown[0]
    assert "is not a spreadsheet" in wizard.ui.summaryLabel.text()


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
    opened: list[Path] = []
    results: list[object] = []
    target = tmp_path / "out.pdf"
    asked: list[str] = []

    def ask(_parent, recipient: str, default_path: str):
        asked.append(recipient)
        assert default_path.endswith(".pdf")
        return "UNEP Data Unit", target

    handle = generate_dossier_interactively(
        ctx,
        None,
        rid,
        ask=ask,
        open_file=opened.append,
        on_finished=results.append,
        inform=lambda _parent, _title, text: infos.append(text),
    )
    assert handle is not None
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    assert asked == ["UNEP"]
    assert opened == [target] and target.read_bytes().startswith(b"%PDF")
    # The person left out is named (#16.8), not "Candidate 2".
    assert infos and "Unwilling Person (Unwilling)" in infos[0]
    assert f"Candidate {no_id}" not in infos[0]
    with db.engine.connect() as conn:
        assert conn.execute(select(m.Disclosure.recipient)).scalar_one() == "UNEP Data Unit"
    # Cancelling the questions does nothing
    assert generate_dossier_interactively(ctx, None, rid, ask=lambda *_a: None) is None


def test_mapping_step_with_a_real_staff_sheet(ctx, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The English staff sheet: columns suggested, a column re-mapped through the combo box
    editor, raw → interpreted in the preview, the mapping saved and offered again, then the
    import; screenshots in English for checking."""
    from PySide6.QtWidgets import QComboBox

    from wir_manager.qt.widgets.import_mapping import TARGET_ROLE
    from wir_manager.services.spreadsheets import mapping as mp

    fixture = Path(__file__).parent / "fixtures" / "imports" / "staff-sheet-en.xlsx"
    wizard = ImportWizard(ctx, ask_open=lambda *_a: str(fixture))
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    wizard.ui.browseButton.click()
    _wait_report(qtbot, wizard)
    panel = wizard.mapping_panel
    model = panel.model
    headers = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert headers[:3] == ["Full name", "Wikimedia username", "E-mail address"]
    means = {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    assert means["Wikidata experience"] == "Wikidata skill"
    assert means["Consent to share with partners?"] == "Consent to be proposed to organisations"
    assert not panel.encoding_combo.isVisible()  # a workbook: no text-file options
    # ... and the dates stand first in their row, not alone at the far right.
    assert panel.date_label.geometry().x() <= panel.saved_label.geometry().x() + 2
    report = wizard.report
    assert report is not None and report.ok and len(report.records) == 10
    column = report.headers.index("Country") + 1
    shown = wizard.model.data(wizard.model.index(0, column))
    assert shown == "Palestine → Palestinian Territories (PS)"
    assert wizard.import_button.isEnabled()
    # Say that "Notes" is to be ignored, through the real editor of the "Means" column.
    notes_row = headers.index("Notes")
    index = model.index(notes_row, 2)
    wizard.mapping_panel.table.edit(index)
    editor = wizard.mapping_panel.table.findChild(QComboBox, "targetCombo")
    assert editor is not None
    editor.setCurrentIndex(editor.findData(mp.IGNORE))
    editor.activated.emit(editor.currentIndex())
    assert model.index(notes_row, 2).data(TARGET_ROLE) == ""
    qtbot.waitUntil(
        lambda: wizard.report is not None and "Notes" not in wizard.report.headers, timeout=20_000
    )
    wizard.grab().save(str(tmp_path / "mapping-step-en.png"))
    panel.name_edit.setText("WMSE staff sheet")
    panel.save_button.click()
    assert [s.name for s in mp.saved_mappings(ctx.db, "candidates")] == ["WMSE staff sheet"]
    # The same headers again: the saved mapping is offered and chosen.
    again = ImportWizard(ctx, ask_open=lambda *_a: str(fixture))
    qtbot.addWidget(again)
    again.ui.browseButton.click()
    _wait_report(qtbot, again)
    assert again.mapping_panel.saved_combo.currentData() == "WMSE staff sheet"
    assert "Notes" not in again.report.headers
    qtbot.waitUntil(lambda: wizard.import_button.isEnabled(), timeout=20_000)
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30_000)
    assert wizard.result.created == 10 and _count(ctx.db) == 11
    again.close()
    ctx.tasks.wait()


#: The problems-workbook walk's words, per language: the summary's offer, the fix column
#: and its sentence, how the person writes "yes" when fixing, and the final summary.
WORKBOOK_WORDS = {
    "en": {"offer": "Or import the 2 good rows now and fix the 1 other in a problems workbook.",
           "fix": "What to fix", "why": "has not agreed to be kept in the pool",
           "yes": "Yes, I agree", "ready": "1 new record can be imported.",
           "done": "Imported 1 record in one transaction."},
    "sv": {"offer": "Eller importera de 2 felfria raderna nu och rätta den 1 andra i en "
                    "problemarbetsbok.",
           "fix": "Att rätta", "why": "har inte samtyckt till att finnas i poolen",
           "yes": "Ja, jag samtycker", "ready": "1 ny post kan importeras.",
           "done": "Importerade 1 post i en transaktion."},
}  # fmt: skip


@pytest.mark.parametrize("code", ["en", "sv"])
def test_good_rows_and_problems_workbook_from_the_wizard(
    ctx, qtbot, tmp_path: Path, language, code: str
) -> None:  # type: ignore[no-untyped-def]
    """The whole walk in each language: a form export with one person who did not agree
    to be stored; the wizard offers the good rows, writes the other to a problems
    workbook with a column saying what to fix (in the screen's language), the person
    fixes that cell, and the same workbook comes back in through the wizard."""
    language(code)
    words = WORKBOOK_WORDS[code]
    fixture = Path(__file__).parent / "fixtures" / "imports" / "form-responses.csv"
    target = tmp_path / "form-problems.xlsx"
    wizard = ImportWizard(ctx, ask_open=lambda *_a: str(fixture), ask_save=lambda *_a: str(target))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.ui.browseButton.click()
    _wait_report(qtbot, wizard)
    panel = wizard.mapping_panel
    assert panel.encoding_combo.isVisible()
    assert panel.encoding_combo.currentData() == "utf-8-sig"
    assert panel.delimiter_combo.currentData() == ","
    assert words["offer"] in wizard.ui.summaryLabel.text()
    assert not wizard.import_button.isEnabled() and wizard.good_rows_button.isEnabled()
    wizard.good_rows_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30_000)
    assert (wizard.result.created, wizard.result.skipped) == (2, 1)
    assert target.exists() and _count(ctx.db) == 3
    # The person opens the workbook, reads what to fix, and fixes it.
    wb = openpyxl.load_workbook(target)
    sheet = wb.active
    headers = [c.value for c in sheet[1]]
    assert headers[-1] == words["fix"]
    row = [c.value for c in sheet[2]]
    assert row[2] == "प्रिया पटेल" and words["why"] in row[-1]
    consent = headers.index("I agree that Wikimedia Sverige stores my data for the WiR programme")
    assert row[consent] == "No"
    sheet.cell(2, consent + 1, words["yes"])
    wb.save(target)
    again = ImportWizard(ctx, ask_open=lambda *_a: str(target))
    qtbot.addWidget(again)
    again.show()
    again.ui.browseButton.click()
    _wait_report(qtbot, again)
    assert again.report.ok, again.report.lines()
    assert words["ready"] in again.ui.summaryLabel.text()
    assert any(words["fix"] in note for note in again.report.notes)  # read, not used
    again.import_button.click()
    qtbot.waitUntil(lambda: again.result is not None, timeout=30_000)
    assert again.ui.summaryLabel.text() == words["done"]
    assert again.result.created == 1 and _count(ctx.db) == 4


def test_training_progress_from_open_edx_through_the_wizard(ctx, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """WikiLearn's grade report: items mapped to modules (one re-mapped in the combo box
    editor), learners matched by username or e-mail, unmatched ones listed, then written."""
    from PySide6.QtWidgets import QComboBox

    from wir_manager.services import training as tr
    from wir_manager.services.candidate_records import CandidateData
    from wir_manager.services.candidates import create_candidate

    modules = {mod.title: mod.id for mod in tr.install_default_modules(ctx.db)}
    layla = create_candidate(
        ctx.db,
        CandidateData(
            full_name="ليلى حداد", username="Layla Haddad", email="layla.haddad@example.org"
        ),
    )
    create_candidate(
        ctx.db,
        CandidateData(
            full_name="अनन्या शर्मा",
            username="Ananya Sharma WMIN",
            email="ananya.sharma@example.in",
        ),
    )
    fixture = (
        Path(__file__).parent
        / "fixtures"
        / "imports"
        / "WikiLearn+WIR101+2026_grade_report_2026-11-20-1015.csv"
    )
    wizard = ImportWizard(ctx, kind="training", ask_open=lambda *_a: str(fixture))
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    assert wizard.training_panel.isVisible() and not wizard.mapping_panel.isVisible()
    wizard.ui.browseButton.click()
    qtbot.waitUntil(lambda: wizard.training_report is not None, timeout=20_000)
    items = wizard.training_panel.items
    rows = {items.index(r, 0).data(): r for r in range(items.rowCount())}
    assert items.index(rows["Final Quiz"], 1).data() == "(not used)"
    learners = wizard.training_panel.learners
    matched = [learners.index(r, 2).data() for r in range(learners.rowCount())]
    assert matched[:2] == ["by username", "by e-mail"]
    assert any("Stranger99" in line for line in wizard.problems.stringList())
    # "Final Quiz" counts for the conflict-of-interest module.
    table = wizard.training_panel.table
    table.edit(items.index(rows["Final Quiz"], 1))
    editor = table.findChild(QComboBox, "moduleCombo")
    assert editor is not None
    coi = modules["Conflict of interest and paid-editing disclosure"]
    editor.setCurrentIndex(editor.findData(coi))
    editor.activated.emit(editor.currentIndex())
    qtbot.waitUntil(
        lambda: (
            wizard.training_report is not None
            and wizard.training_report.mapping.get("Final Quiz") == coi
        ),
        timeout=20_000,
    )
    wizard.grab().save(str(tmp_path / "training-import.png"))
    assert wizard.import_button.isEnabled()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.training_result is not None, timeout=20_000)
    # Layla: 3 modules + the quiz; Ananya: module 1 completed, module 3 in progress.
    assert wizard.training_result.written == 6
    assert tr.candidate_progress(ctx.db, layla)[coi] == "completed"


#: What a person reads in the wizard for the coordinator's own workbook (merged title and
#: group headings above half-Swedish, half-English headers), per language: column → what
#: it is taken to mean, and cells shown as raw → reading.
MERGED_EXPECTED = {
    "en": {
        "means": {
            "Namn": "Name",
            "Erfarenhet av Wikidata": "Wikidata skill",
            "Consent to share with partners?": "Consent to be proposed to organisations",
            "Samtyckesdatum": "Consent date (all consents)",
            "Tillgänglig från": "Available from",
        },
        "cells": {
            ("सुनीता देवी", "Land"): "Indien → India (IN)",
            ("सुनीता देवी", "Languages spoken"): (
                "hindi modersmål, engelska C1 → Hindi native, English C1"
            ),
            ("सुनीता देवी", "Erfarenhet av Wikidata"): "medel → Intermediate (2)",
            ("सुनीता देवी", "Samtyckesdatum"): "15/01/2026 → 2026-01-15",
            ("李娜", "Samtyckesdatum"): "3 mars 2026 → 2026-03-03",
            ("Дмитрий Смирнов", "Samtyckesdatum"): "46077 → 2026-02-24",
            ("Sara Berg", "Samtycke att lagra"): "Ja → yes",
        },
        "summary": "5 new records can be imported.",
    },
    "sv": {
        "means": {
            "Namn": "Namn",
            "Erfarenhet av Wikidata": "Färdighet i Wikidata",
            "Consent to share with partners?": "Samtycke till att föreslås för organisationer",
            "Samtyckesdatum": "Samtyckesdatum (alla samtycken)",
            "Tillgänglig från": "Tillgänglig från",
        },
        "cells": {
            ("सुनीता देवी", "Land"): "Indien",
            ("Дмитрий Смирнов", "Land"): "Russia → Ryssland (RU)",
            ("सुनीता देवी", "Languages spoken"): (
                "hindi modersmål, engelska C1 → Hindi modersmål, Engelska C1"
            ),
            ("सुनीता देवी", "Erfarenhet av Wikidata"): "medel",
            ("Дмитрий Смирнов", "Erfarenhet av Wikidata"): "basic",
            ("Дмитрий Смирнов", "Commons experience"): "none",
            ("सुनीता देवी", "Commons experience"): "nybörjare → Grundläggande (1)",
            ("सुनीता देवी", "Samtyckesdatum"): "15/01/2026 → 2026-01-15",
            ("李娜", "Samtyckesdatum"): "3 mars 2026 → 2026-03-03",
            ("Дмитрий Смирнов", "Samtyckesdatum"): "46077 → 2026-02-24",
            ("Sara Berg", "Samtycke att lagra"): "Ja",
            ("李娜", "Samtycke att lagra"): "yes",
            ("Sara Berg", "Consent to share with partners?"): "Ja",
        },
        "summary": "5 nya poster kan importeras.",
    },
}


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_coordinators_workbook_with_merged_headings_through_the_wizard(
    ctx, qtbot, tmp_path: Path, language, code: str
) -> None:  # type: ignore[no-untyped-def]
    """The whole path in each language: a workbook with a merged title row and merged
    group headings above the real headers, names in Arabic, Devanagari, Chinese and
    Cyrillic script, dates as date cells, d/m/y, ISO, Swedish words and an Excel serial.
    The header row is found under the headings, each column gets its meaning, the
    preview shows every interpretation next to the raw value in the screen's language,
    the import writes exactly what a person would read, and every imported person
    passes the editor's own validation unchanged."""
    from wir_manager.services import candidate_records
    from wir_manager.services import candidates as svc

    language(code)
    expected = MERGED_EXPECTED[code]
    fixture = Path(__file__).parent / "fixtures" / "imports" / "merged-headers.xlsx"
    wizard = ImportWizard(ctx, ask_open=lambda *_a: str(fixture))
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    wizard.ui.browseButton.click()
    _wait_report(qtbot, wizard)
    report = wizard.report
    assert report is not None and report.ok, report.lines() if report else None
    assert report.header_row == 3  # under the merged title and group headings
    panel = wizard.mapping_panel.model
    means = {panel.index(r, 0).data(): panel.index(r, 2).data() for r in range(panel.rowCount())}
    for header, meaning in expected["means"].items():
        assert means[header] == meaning, (header, means[header])
    preview = wizard.model
    columns = {
        preview.headerData(c, Qt.Orientation.Horizontal): c for c in range(preview.columnCount())
    }
    rows = {preview.data(preview.index(r, 1)): r for r in range(preview.rowCount())}
    for (name, header), shown in expected["cells"].items():
        if name not in rows:
            continue
        assert preview.data(preview.index(rows[name], columns[header])) == shown, (name, header)
    assert expected["summary"] in wizard.ui.summaryLabel.text()
    assert wizard.import_button.isEnabled() and wizard.minimumSizeHint().width() <= 1366
    wizard.grab().save(str(tmp_path / f"merged-headings-{code}.png"))
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30_000)
    assert wizard.result.created == 5 and _count(ctx.db) == 6
    by_user = {
        d.data.username: d.data
        for d in (svc.get_candidate(ctx.db, cid) for cid in wizard.result.ids)
    }
    nour, sunita, li = by_user["Nour Mansour"], by_user["Sunita Devi"], by_user["LiNaWiki"]
    dmitry, sara = by_user["Dmitry Smirnov"], by_user["Sara Berg"]
    assert nour.full_name == "نور الهدى منصور" and nour.country == "JO"
    assert {(x.code, x.level) for x in nour.languages} == {("ar", 7), ("en", 5)}
    assert sunita.full_name == "सुनीता देवी" and sunita.country == "IN"
    assert {(x.code, x.level) for x in sunita.languages} == {("hi", 7), ("en", 5)}
    assert {(s.platform.value, s.level) for s in sunita.skills} == {("wikidata", 2), ("commons", 1)}
    assert (sunita.consent_store, sunita.consent_store_at) == (True, dt.date(2026, 1, 15))
    assert sunita.consent_propose is False and sunita.consent_propose_at is None
    assert sunita.available_until == dt.date(2026, 12, 31)  # "31 december 2026"
    assert li.consent_store_at == dt.date(2026, 3, 3) and li.available_from == dt.date(2026, 4, 1)
    assert li.available_until == dt.date(2027, 3, 31)  # a date cell
    assert dmitry.consent_store_at == dt.date(2026, 2, 24)  # Excel serial 46077
    assert dmitry.available_from == dt.date(2026, 4, 1) and dmitry.notes == "Remote only"
    assert sara.country == "SE" and sara.available_until == dt.date(2026, 11, 30)
    assert (sara.consent_propose, sara.consent_propose_at) == (True, dt.date(2026, 2, 20))
    for person in by_user.values():  # the editor would save each of them as it is
        assert candidate_records.validate(person) == {}, person.username


@pytest.mark.parametrize(
    ("code", "change"),
    [
        ("en", "Row 2: updates Mikko Virtanen: Country: FI → SE"),
        ("sv", "Rad 2: uppdaterar Mikko Virtanen: Land: FI → SE"),
    ],
)
def test_updating_people_already_in_the_database_through_the_wizard(
    ctx, qtbot, tmp_path: Path, language, code: str, change: str
) -> None:  # type: ignore[no-untyped-def]
    """People imported last month, a sheet of changes this month: with "update" ticked
    the wizard lists each change field by field in the screen's language, an empty cell
    keeps the stored value, and the import changes exactly those fields."""
    from wir_manager.services.spreadsheets import read_candidates, write_candidates

    fixtures = Path(__file__).parent / "fixtures" / "imports"
    write_candidates(ctx.db, read_candidates(ctx.db, fixtures / "personal-sv.xlsx"))
    sheet = _sheet(
        tmp_path / "changes.xlsx",
        [
            ["Namn", "Användarnamn", "Land", "Anteckningar"],
            ["Mikko Virtanen", "MikkoV", "Sverige", None],
            ["Åsa Lindqvist", "Åsa L", "Norge", "Flyttar till Oslo"],
        ],
    )
    language(code)
    wizard = ImportWizard(ctx, ask_open=lambda *_a: str(sheet))
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    wizard.ui.browseButton.click()
    _wait_report(qtbot, wizard)
    assert not wizard.report.ok  # without "update", both are already in the database
    wizard.mapping_panel.update_check.click()
    qtbot.waitUntil(
        lambda: wizard.report is not None and len(wizard.report.updates) == 2, timeout=20_000
    )
    lines = wizard.problems.stringList()
    assert change in lines, lines
    assert not any("Anteckningar" in line and "Mikko" in line for line in lines)
    wizard.grab().save(str(tmp_path / f"update-{code}.png"))
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30_000)
    assert (wizard.result.created, wizard.result.updated) == (0, 2)
    with ctx.db.engine.connect() as conn:
        rows = conn.execute(select(m.Candidate.username, m.Candidate.country, m.Candidate.notes))
        found = {user: (country, notes) for user, country, notes in rows}
    assert found["MikkoV"] == ("SE", "Kan börja efter sommaren")  # the blank cell kept it
    assert found["Åsa L"] == ("NO", "Flyttar till Oslo")


#: What the wizard says for one and for two of each count, per language.
PLURAL_WORDS = {
    "en": {
        1: [
            "2 rows of candidates read.",
            "1 problem must be fixed in the file before it can be imported.",
            "Or import the 1 good row now and fix the 1 other in a problems workbook.",
        ],
        2: [
            "4 rows of candidates read.",
            "2 problems must be fixed in the file before it can be imported.",
            "Or import the 2 good rows now and fix the 2 others in a problems workbook.",
        ],
    },
    "sv": {
        1: [
            "2 rader med kandidater lästa.",
            "1 problem måste rättas i filen innan den kan importeras.",
            "Eller importera den 1 felfria raden nu och rätta den 1 andra i en problemarbetsbok.",
        ],
        2: [
            "4 rader med kandidater lästa.",
            "2 problem måste rättas i filen innan den kan importeras.",
            "Eller importera de 2 felfria raderna nu och rätta de 2 andra i en problemarbetsbok.",
        ],
    },
}
PLURAL_DONE = {
    "en": {
        1: ["1 row of candidates read.", "1 new record can be imported.",
            "Imported 1 record in one transaction.",
            "Wrote 1 training record in one transaction. 1 candidate is now ready."],
        2: ["2 rows of candidates read.", "2 new records can be imported.",
            "Imported 2 records in one transaction.",
            "Wrote 2 training records in one transaction. 2 candidates are now ready."],
    },
    "sv": {
        1: ["1 rad med kandidater läst.", "1 ny post kan importeras.",
            "Importerade 1 post i en transaktion.",
            "Skrev 1 utbildningspost i en transaktion. 1 kandidat är nu redo."],
        2: ["2 rader med kandidater lästa.", "2 nya poster kan importeras.",
            "Importerade 2 poster i en transaktion.",
            "Skrev 2 utbildningsposter i en transaktion. 2 kandidater är nu redo."],
    },
}  # fmt: skip


@pytest.mark.parametrize("n", [1, 2])
@pytest.mark.parametrize("code", ["en", "sv"])
def test_the_wizard_counts_in_real_plurals(
    ctx, qtbot, tmp_path: Path, language, code: str, n: int
) -> None:
    """ "1 problem", "2 problems" (Swedish "1 problem", "2 problem"; "den 1 felfria raden",
    "de 2 felfria raderna"), never "1 problem(s)": for problems, good rows, rows read,
    records imported and training written, with n = 1 and n = 2."""
    language(code)
    rows: list[list[object]] = [["Name", "Username", "Email"]]
    for i in range(n):
        rows.append([f"Nour Haddad {i}", f"NourH{i}", f"nour{i}@example.org"])
        rows.append([f"Ananya Sharma {i}", f"AnanyaS{i}", f"ananya{i}@"])  # not an address
    mixed = _sheet(tmp_path / f"mixed-{n}.xlsx", rows)
    wizard = ImportWizard(ctx, ask_open=lambda *_a: str(mixed))
    qtbot.addWidget(wizard)
    wizard.ui.browseButton.click()
    _wait_report(qtbot, wizard)
    summary = wizard.ui.summaryLabel.text()
    for words in PLURAL_WORDS[code][n]:
        assert words in summary
    assert "(s)" not in summary
    good = _sheet(tmp_path / f"good-{n}.xlsx", rows[0:1] + rows[1::2])
    wizard.load_file(good)
    qtbot.waitUntil(lambda: wizard.report is not None and wizard.report.ok, timeout=20_000)
    read, can, imported, trained = PLURAL_DONE[code][n]
    assert read in wizard.ui.summaryLabel.text() and can in wizard.ui.summaryLabel.text()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert wizard.ui.summaryLabel.text() == imported
    assert (
        wizard.tr("Wrote %Ln training record(s) in one transaction.", None, n)
        + " "
        + wizard.tr("%Ln candidate(s) now ready.", None, n)
    ) == trained


#: The programme's people in the training tests: (name, username, e-mail).
LEARNERS = [
    ("ليلى حداد", "Layla Haddad", "layla.haddad@example.org"),
    ("अनन्या शर्मा", "Ananya Sharma WMIN", "ananya.sharma@example.in"),
    ("Иван Петров", "Ivan Petrov", "ivan.petrov@example.ru"),
    ("Åsa Lindqvist", "Åsa L", "asa.lindqvist@example.se"),
]
IMPORTS = Path(__file__).parent / "fixtures" / "imports"
#: Each platform's export: the file, who is not in the programme, and what is written.
PLATFORMS = {
    "openedx": (IMPORTS / "WikiLearn+WIR101+2026_grade_report_2026-11-20-1015.csv", "Stranger99"),
    "moodle": (IMPORTS / "completion-wir101.csv", "okand@example.se"),
    "dashboard": (IMPORTS / "dashboard-editors-wir-2026-11-25.csv", "Nobody_Known"),
}
#: What the wizard says about a training file, per language (never English in Swedish).
TRAINING_WORDS = {
    "en": {"headers": ["On the platform", "Programme module"], "matched": "by username",
           "mailed": "by e-mail", "missing": "not found", "unused": "(not used)",
           "learners": "learners —", "wrote": "Wrote {n} training records in one transaction."},
    "sv": {"headers": ["På plattformen", "Programmets modul"], "matched": "på användarnamn",
           "mailed": "på e-post", "missing": "hittades inte", "unused": "(används inte)",
           "learners": "deltagare —",
           "wrote": "Skrev {n} utbildningsposter i en transaktion."},
}  # fmt: skip


@pytest.mark.parametrize("source", list(PLATFORMS))
@pytest.mark.parametrize("code", ["en", "sv"])
def test_training_from_each_learning_platform_through_the_wizard(
    ctx, qtbot, tmp_path: Path, language, code: str, source: str
) -> None:
    """Open edX / WikiLearn, Moodle (Swedish dates) and the Programs & Events Dashboard,
    each through the real wizard in English and Swedish: the platform picked in its combo
    box, items mapped to modules, learners matched by username or e-mail and the unknown
    one listed, every word on screen in the screen's language, then written."""
    from wir_manager.services import training as tr
    from wir_manager.services.candidate_records import CandidateData
    from wir_manager.services.candidates import create_candidate

    language(code)
    words = TRAINING_WORDS[code]
    tr.install_default_modules(ctx.db)
    ids = {
        username: create_candidate(
            ctx.db, CandidateData(full_name=name, username=username, email=email)
        )
        for name, username, email in LEARNERS
    }
    path, stranger = PLATFORMS[source]
    wizard = ImportWizard(ctx, kind="training", ask_open=lambda *_a: str(path))
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    combo = wizard.training_panel.source_combo
    combo.setCurrentIndex(combo.findData(source))
    combo.activated.emit(combo.currentIndex())
    wizard.ui.browseButton.click()
    qtbot.waitUntil(lambda: wizard.training_report is not None, timeout=20_000)
    report = wizard.training_report
    assert report.layout.value == {
        "openedx": "edx_grades", "moodle": "moodle_completion", "dashboard": "dashboard_editors",
    }[source]  # fmt: skip
    panel = wizard.training_panel
    items = panel.items
    assert [items.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == words["headers"]
    shown = [items.index(r, 1).data() for r in range(items.rowCount())]
    assert shown and all(shown)
    if report.unmapped:
        assert words["unused"] in shown
    learners = panel.learners
    rows = [
        [learners.index(r, c).data() for c in range(learners.columnCount())]
        for r in range(learners.rowCount())
    ]
    matched = {row[3]: row[2] for row in rows if row[3]}
    assert words["missing"] in [row[2] for row in rows]
    assert set(matched.values()) <= {words["matched"], words["mailed"]}
    if source == "moodle":  # Moodle's report has no usernames: e-mail it is
        assert matched["Åsa Lindqvist"] == words["mailed"]
    else:
        assert matched["ليلى حداد"] == words["matched"]
    assert any(stranger in line for line in wizard.problems.stringList())
    assert words["learners"] in wizard.ui.summaryLabel.text()
    assert "(s)" not in wizard.ui.summaryLabel.text()
    wizard.grab().save(str(tmp_path / f"training-{source}-{code}.png"))
    assert wizard.import_button.isEnabled()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.training_result is not None, timeout=20_000)
    written = wizard.training_result.written
    assert written == len(report.changes) and written >= 2
    assert wizard.ui.summaryLabel.text().startswith(words["wrote"].format(n=written))
    done = tr.candidate_progress(ctx.db, ids["Layla Haddad"])
    assert "completed" in done.values()


def test_the_wizard_fits_the_screen_shows_the_mapping_and_keeps_its_size(
    ctx, qtbot, tmp_path: Path, language
) -> None:
    """The form's 960×640 showed two and a half rows of a sheet's mapping, the step a
    person checks column by column. The wizard now opens at room for a dozen columns and
    the preview — never beyond the screen's free area — and comes back at the size the
    user left it."""
    from PySide6.QtWidgets import QApplication

    language("sv")
    path = Path(__file__).parent / "fixtures" / "imports" / "personal-sv.xlsx"
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    free = wizard.screen().availableGeometry()
    assert wizard.frameGeometry().height() <= free.height()
    assert wizard.frameGeometry().width() <= free.width()
    frame_w = wizard.frameGeometry().width() - wizard.width()
    frame_h = wizard.frameGeometry().height() - wizard.height()
    assert wizard.size().toTuple() == (
        min(1180, free.width() - frame_w),
        min(760, free.height() - frame_h),
    )

    wizard.resize(1180, 740)  # a 1366×768 laptop with its taskbar
    wizard.load_file(path)
    _wait_report(qtbot, wizard)
    QApplication.processEvents()
    table = wizard.mapping_panel.table
    columns = wizard.mapping_panel.model.rowCount()
    assert columns >= 9
    rows_shown = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert rows_shown >= 7, rows_shown
    assert (
        wizard.ui.previewTable.viewport().height()
        >= 4 * table.verticalHeader().defaultSectionSize()
    )

    wizard.resize(1000, 700)
    wizard.done(0)
    again = ImportWizard(ctx)
    qtbot.addWidget(again)
    again.show()
    assert again.size().toTuple() == (min(1000, free.width() - frame_w), 700)


@pytest.mark.parametrize("code", ["en", "sv"])
def test_file_menu_imports_training_progress_from_the_dashboard(
    db, qtbot, tmp_path: Path, monkeypatch, language, code: str
) -> None:
    """File → Import training progress… (it was reachable only by opening the candidate
    import and switching its kind): the wizard opens on training, the Dashboard's editors
    list is read, matched learners written, and the Training grid shows the completion."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tests.qt_support import close_window, make_window
    from wir_manager.domain.enums import Stage
    from wir_manager.qt.dialogs import import_wizard
    from wir_manager.services import training as tr
    from wir_manager.services.candidate_records import CandidateData
    from wir_manager.services.candidates import create_candidate, set_stage

    language(code)
    seen: dict[str, object] = {}
    modules = {mod.title: mod.id for mod in tr.install_default_modules(db)}
    layla = create_candidate(
        db, CandidateData(full_name="ليلى حداد", username="Layla Haddad", email="lh@example.org")
    )
    set_stage(db, [layla], Stage.IN_TRAINING.value)
    fixture = (
        Path(__file__).parent / "fixtures" / "imports" / "dashboard-editors-wir-2026-11-25.csv"
    )
    # The system's file dialog answers with the fixture (the wizard's own code runs).
    monkeypatch.setattr(
        import_wizard.QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(fixture), "")
    )
    # An error box would wait for a click inside the modal wizard: record it instead.
    monkeypatch.setattr(import_wizard, "show_error", lambda _w, exc: seen.setdefault("error", exc))
    window = make_window(db, tmp_path, qtbot)
    action = window.ui.actionImportTraining
    assert action in window.ui.menuFile.actions() and action.isEnabled()
    if code == "sv":
        assert action.text() == "Importera utbil&dningsframsteg…"

    def in_the_wizard() -> None:
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, import_wizard.ImportWizard):
            QTimer.singleShot(50, in_the_wizard)
            return
        try:
            seen["kind"] = wizard.ui.kindCombo.currentData()
            wizard.ui.browseButton.click()
            qtbot.waitUntil(lambda: wizard.training_report is not None, timeout=20_000)
            report = wizard.training_report
            seen["unmatched"] = [x.username for x in report.unmatched]
            seen["problems"] = wizard.problems.stringList()
            seen["platform"] = wizard.training_panel.source
            seen["summary"] = wizard.ui.summaryLabel.text()
            qtbot.waitUntil(wizard.import_button.isEnabled, timeout=5_000)
            wizard.import_button.click()
            qtbot.waitUntil(lambda: wizard.training_result is not None, timeout=20_000)
        except BaseException as exc:  # reported below: the modal wizard must close
            seen["error"] = exc
        finally:
            wizard.accept()

    QTimer.singleShot(0, in_the_wizard)
    action.trigger()
    if "error" in seen:
        raise AssertionError(seen) from seen["error"]  # type: ignore[misc]
    assert seen["kind"] == "training"
    assert seen["unmatched"] == ["Ananya Sharma WMIN", "Nobody_Known"]  # not in the pool
    # Chosen as Open edX (the first platform), read as what its columns say, and told.
    assert seen["platform"] == "dashboard"
    said = {
        "en": "Read as an export of Programs & Events Dashboard: its columns say so.",
        "sv": "Läst som en export från Programs & Events Dashboard: kolumnerna visar det.",
    }
    assert str(seen["summary"]).startswith(said[code]), seen["summary"]
    # The Training screen shows it (it listens to the change the import announced).
    from wir_manager.qt.models.training_grid import CANDIDATE_ROLE, COMPLETED, STATUS_ROLE

    screen = window.show_screen("training")
    grid = screen.grid_model

    def impact_cell():  # type: ignore[no-untyped-def]
        for r in range(grid.rowCount()):
            if grid.index(r, 0).data(CANDIDATE_ROLE) != layla:
                continue
            for c in range(2, grid.columnCount()):
                cell = grid.index(r, c)
                if "Measuring and reporting impact" in (
                    cell.data(Qt.ItemDataRole.ToolTipRole) or ""
                ):
                    return cell
        return None

    qtbot.waitUntil(
        lambda: (cell := impact_cell()) is not None and cell.data(STATUS_ROLE) == COMPLETED,
        timeout=20_000,
    )
    assert "Measuring and reporting impact" in modules
    close_window(qtbot, window)


@pytest.mark.parametrize("code", ["en", "sv"])
def test_every_menu_has_one_action_per_underlined_letter(
    db, qtbot, tmp_path: Path, language, code: str
) -> None:
    """Alt+F then a letter runs one item: two items with the same letter only take turns
    being highlighted (File had "re&quests" beside "&Quit" and two P's)."""
    from tests.qt_support import close_window, make_window

    language(code)
    window = make_window(db, tmp_path, qtbot)
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        letters = []
        for action in menu.actions():
            text = action.text().replace("&&", "")
            if "&" in text:
                letters.append(text[text.index("&") + 1].casefold())
        assert len(letters) == len(set(letters)), (menu.title(), letters)
    close_window(qtbot, window)


@pytest.mark.parametrize(
    ("code", "text_file", "workbook"),
    [
        ("en", "form-responses.csv: 3 rows of candidates read.",
         "staff-sheet-en.xlsx (sheet “Candidates”): 10 rows of candidates read."),
        ("sv", "form-responses.csv: 3 rader med kandidater lästa.",
         "staff-sheet-en.xlsx (bladet ”Candidates”): 10 rader med kandidater lästa."),
    ],
)  # fmt: skip
def test_the_summary_names_a_sheet_only_where_there_is_one(
    ctx, qtbot, language, code: str, text_file: str, workbook: str
) -> None:  # type: ignore[no-untyped-def]
    """Seen in the dialog tour: a form export in .csv was summed up as "form-responses.csv
    (sheet “form-responses”): 3 rows …" — a text file has no sheets, and the name the
    wizard gave the "sheet" was only the file's own again. A workbook still names the
    sheet it read."""
    language(code)
    fixtures = Path(__file__).parent / "fixtures" / "imports"
    for name, expected in (("form-responses.csv", text_file), ("staff-sheet-en.xlsx", workbook)):
        wizard = ImportWizard(ctx, ask_open=lambda *_a, n=name: str(fixtures / n))
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.ui.browseButton.click()
        _wait_report(qtbot, wizard)
        assert wizard.ui.summaryLabel.text().startswith(expected), wizard.ui.summaryLabel.text()
        wizard.close()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", {"candidates": "say what its columns mean", "requests": "one placement request",
                "training": "Open edX / WikiLearn"}),
        ("sv", {"candidates": "vad kolumnerna betyder",
                "requests": "en placeringsförfrågan per rad", "training": "Open edX / WikiLearn"}),
    ],
)  # fmt: skip
def test_the_heading_says_what_each_kind_of_import_asks(
    ctx, qtbot, language, code: str, words: dict[str, str]
) -> None:
    """Seen in the dialog tour: the heading asked to "say what its columns mean" for
    placement requests too, which have no mapping step."""
    language(code)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    combo = wizard.ui.kindCombo
    headings = {}
    for kind in ("candidates", "requests", "training"):
        combo.setCurrentIndex(combo.findData(kind))
        headings[kind] = wizard.ui.headingLabel.text()
        assert words[kind] in headings[kind], (kind, headings[kind])
    assert len(set(headings.values())) == 3
    assert "mapping" not in headings["requests"] and words["candidates"] not in headings["requests"]
