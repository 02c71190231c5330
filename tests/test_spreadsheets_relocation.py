"""The "Willing to relocate" column: yes / no / blank on import, export and template."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from tests.test_spreadsheets import _sheet, existing  # noqa: F401  (fixture)
from wir_manager.services import demo
from wir_manager.services.spreadsheets import (
    export_candidates,
    read_candidates,
    write_candidate_template,
    write_candidates,
)
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

HEAD = ["Name", "Username", "Country", "Willing to relocate"]


def _answers(db: Database) -> dict[str, bool | None]:
    with db.engine.connect() as conn:
        query = select(m.Candidate.username, m.Candidate.willing_to_relocate)
        return {name: answer for name, answer in conn.execute(query)}


def test_import_reads_yes_no_and_blank(existing, tmp_path: Path) -> None:  # noqa: F811
    path = _sheet(
        tmp_path / "r.xlsx",
        [
            ["Name", "Username", "Country", "relocation"],  # a synonym of the header
            ["Ama Mensah", "AmaM", "GH", "yes"],
            ["Bilal Haddad", "BilalH", "LB", "No"],
            ["Chen Wei", "ChenW", "CN", None],
            ["Dana Novak", "DanaN", "CZ", "  "],
            ["Élise Martin", "EliseM", "FR", True],
        ],
    )
    report = read_candidates(existing, path)
    assert report.ok, report.lines()
    write_candidates(existing, report)
    got = _answers(existing)
    assert {k: got[k] for k in ("AmaM", "BilalH", "ChenW", "DanaN", "EliseM")} == {
        "AmaM": True,
        "BilalH": False,
        "ChenW": None,
        "DanaN": None,
        "EliseM": True,
    }


def test_bad_value_is_one_sentence_and_writes_nothing(existing, tmp_path: Path) -> None:  # noqa: F811
    path = _sheet(
        tmp_path / "bad.xlsx",
        [HEAD, ["Ama Mensah", "AmaM", "GH", "yes"], ["Bilal Haddad", "BilalH", "LB", "maybe"]],
    )
    with existing.engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(m.Candidate)).scalar_one()
    report = read_candidates(existing, path)
    assert not report.ok
    assert report.lines() == [
        "Row 3, Willing to relocate: “maybe” is not yes or no "
        "(leave the cell empty when it is not known)."
    ]
    with existing.engine.connect() as conn:
        after = conn.execute(select(func.count()).select_from(m.Candidate)).scalar_one()
    assert after == before


def test_export_then_import_round_trip(existing, tmp_path: Path) -> None:  # noqa: F811
    with existing.session() as s:
        s.add_all(
            [
                m.Candidate(
                    full_name="Ama Mensah",
                    username="AmaM",
                    willing_to_relocate=True,
                    consent_store=True,
                    consent_store_at=dt.date(2026, 2, 1),
                ),
                m.Candidate(
                    full_name="Bilal Haddad",
                    username="BilalH",
                    willing_to_relocate=False,
                    consent_store=True,
                    consent_store_at=dt.date(2026, 2, 1),
                ),
            ]
        )
    out = tmp_path / "all.xlsx"
    assert export_candidates(existing, out) == 3
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    col = header.index("Willing to relocate")
    user = header.index("Username")
    by_user = {row[user]: row[col] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert by_user == {"JPerez": None, "AmaM": "yes", "BilalH": "no"}

    fresh = Database.create(tmp_path / "copy.db", PASSPHRASE, "Op")
    try:
        demo.ensure_reference_data(fresh)
        report = read_candidates(fresh, out)
        assert report.ok, report.lines()
        write_candidates(fresh, report)
        assert _answers(fresh) == {"JPerez": None, "AmaM": True, "BilalH": False}
    finally:
        fresh.close()


def test_template_has_the_column_with_a_dropdown(existing, tmp_path: Path) -> None:  # noqa: F811
    path = write_candidate_template(tmp_path / "template.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Candidates"]
    header = [c.value for c in ws[1]]
    assert header.index("Willing to relocate") == header.index("Available until") + 1
    formulas = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            formulas[header[rng.min_col - 1]] = dv.formula1
    assert formulas["Willing to relocate"] == '"yes,no"'
    help_text = " ".join(str(r[0]) for r in wb["How to fill in"].iter_rows(values_only=True))
    assert "Willing to relocate: yes or no; leave it empty when not known." in help_text
    report = read_candidates(existing, path)
    assert report.ok and report.records[0].data.willing_to_relocate is True
