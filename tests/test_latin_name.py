"""The "add a candidate field" recipe (docs/architecture.md), followed once: the name in
Latin script was added to the model, a migration, the field description, the editor
form and the translations — and appears everywhere a field does: the editor, the
spreadsheet import, export and template, the subject export, the dossier and the demo."""

from __future__ import annotations

import datetime as dt
import subprocess
import unicodedata
from pathlib import Path

import openpyxl
import pypdf
from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE
from tests.qt_support import make_view
from wir_manager.services import candidates as svc
from wir_manager.services import demo, subject_export
from wir_manager.services.candidate_records import CandidateData
from wir_manager.services.dossier import generate_dossier
from wir_manager.services.dossier.content import load_content
from wir_manager.services.spreadsheets import (
    export_candidates,
    read_candidates,
    write_candidate_template,
    write_candidates,
)
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

ROOT = Path(__file__).resolve().parents[1]


def _files_naming(word: str) -> set[str]:
    found = subprocess.run(
        ["grep", "-rl", "--include=*.py", word, "wir_manager"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    return set(found)


def test_a_simple_field_lives_in_the_model_the_description_and_the_editor() -> None:
    assert _files_naming("latin_name") == {
        "wir_manager/storage/models.py",
        "wir_manager/services/candidate_records.py",
        "wir_manager/qt/widgets/candidate_editor.py",
    }
    # A field with matching rules on top is only in the places that apply them.
    assert len(_files_naming("willing_to_relocate")) <= 6


def test_the_editor_edits_saves_and_reloads_it(qtbot, db: Database) -> None:
    view, _answers = make_view(qtbot, db)
    view.new_item()
    ed = view.editor
    ed.ui.fullNameEdit.setText("Олена Коваленко")
    ed.ui.usernameEdit.setText("OKovalenko")
    qtbot.keyClicks(ed.ui.latinNameEdit, "Olena Kovalenko")
    assert ed.is_dirty() and ed.ui.saveButton.isEnabled()
    qtbot.mouseClick(ed.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ed.is_dirty(), timeout=5_000)
    cid = ed.candidate_id
    assert svc.get_candidate(db, cid).data.latin_name == "Olena Kovalenko"
    ed.ui.latinNameEdit.setText("O" * 301)
    assert ed.errors()["latin_name"] == "Use at most 300 characters (there are 301)."
    assert not ed.ui.saveButton.isEnabled()
    ed.ui.latinNameEdit.setText("Olena K.")
    qtbot.mouseClick(ed.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ed.is_dirty(), timeout=5_000)
    assert "latin_name" in svc.history(db, cid)[0].fields  # the change is audited
    assert view.select_candidate(cid)
    assert ed.ui.latinNameEdit.text() == "Olena K."


def test_spreadsheets_carry_it_both_ways(db: Database, tmp_path: Path) -> None:
    template = write_candidate_template(tmp_path / "template.xlsx")
    header = [c.value for c in openpyxl.load_workbook(template).active[1]]
    assert header.index("Name in Latin script") == header.index("Name") + 1

    # She agreed to be kept in the pool: an import refuses a row without that consent.
    person = CandidateData(
        full_name="王芳", latin_name="Wang Fang", username="WangFang",
        consent_store=True, consent_store_at=dt.date(2026, 3, 1),
    )  # fmt: skip
    svc.create_candidate(db, person)
    out = tmp_path / "export.xlsx"
    export_candidates(db, out)
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[1][rows[0].index("Name in Latin script")] == "Wang Fang"

    fresh = Database.create(tmp_path / "fresh.db", PASSPHRASE, "Op")
    try:
        report = read_candidates(fresh, out)
        assert report.ok, report.lines()
        [cid] = write_candidates(fresh, report).ids
        assert svc.get_candidate(fresh, cid).data.latin_name == "Wang Fang"
        # A sheet that calls the column "Romanized name" is understood too, and the
        # editor's limit holds on import.
        sheet = tmp_path / "roman.xlsx"
        wb = openpyxl.Workbook()
        wb.active.append(["Name", "Username", "Romanized name"])
        wb.active.append(["김민준", "MinjunK", "Kim Minjun"])
        wb.active.append(["Ахмед Ж", "AhmedZh", "A" * 301])
        wb.save(sheet)
        report = read_candidates(fresh, sheet)
        assert report.lines() == [
            "Row 3, Romanized name: Use at most 300 characters (there are 301)."
        ]
        assert [r.data.latin_name for r in report.records] == ["Kim Minjun"]
    finally:
        fresh.close()


def test_the_subject_export_lists_it(db: Database, tmp_path: Path) -> None:
    cid = svc.create_candidate(
        db, CandidateData(full_name="Мария Иванова", latin_name="Maria Ivanova", username="MI")
    )
    fields = dict(subject_export.collect(db, cid).sections[0].rows)
    assert fields["Name in Latin script"] == "Maria Ivanova"
    out = subject_export.export_subject(db, cid, tmp_path / "me.xlsx")
    values = [
        tuple(r[:2]) for r in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)
    ]
    assert ("Name in Latin script", "Maria Ivanova") in values


def test_the_dossier_facts_carry_it(shortlisted, tmp_path: Path) -> None:
    db, request_id, people = shortlisted
    with db.session() as s:
        s.get(m.Candidate, people["cjk"]).latin_name = "Zhou Yan"
    content = load_content(db, request_id)
    by_id = {sec.candidate_id: sec for sec in content.sections}
    cjk = by_id[people["cjk"]]
    assert cjk.data.latin_name == "Zhou Yan"
    assert ("Name in Latin script", "Zhou Yan") in cjk.facts
    # Only where there is one: a Latin-script name gets no empty row.
    assert all(label != "Name in Latin script" for label, _ in by_id[people["latin"]].facts)
    out = tmp_path / "dossier.pdf"
    generate_dossier(db, request_id, out)
    text = unicodedata.normalize(
        "NFKC", "\n".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    )
    text = " ".join(text.split())  # the label may wrap in its column
    assert text.count("Name in Latin script") == 1
    assert "Zhou Yan" in text


def test_demo_data_spells_cyrillic_greek_chinese_and_korean_names(db: Database) -> None:
    demo.generate(db, candidates=400, requests=1, seed=5)
    with db.engine.connect() as conn:
        rows = conn.execute(
            m.Candidate.__table__.select().with_only_columns(
                m.Candidate.full_name, m.Candidate.latin_name, m.Candidate.country
            )
        ).all()
    spelled = {country for _name, latin, country in rows if latin}
    assert {"RU", "UA", "CN"} <= spelled
    for name, latin, _country in rows:
        scripts = {unicodedata.name(ch, "?").split()[0] for ch in name if ch.isalpha()}
        if scripts == {"LATIN"}:
            assert latin is None, name
        if latin:
            assert latin.isascii() and latin[0].isupper(), (name, latin)
