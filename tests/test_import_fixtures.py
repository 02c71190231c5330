"""The fixture set of messy files programmes really have (tests/fixtures/imports): each
imports with every value read as a person would read it (hand-written expectations), and
every imported person re-saves through the editor's validation unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from wir_manager.services import candidates as candidate_service
from wir_manager.services.candidate_records import CandidateData
from wir_manager.services.spreadsheets import SpreadsheetError
from wir_manager.services.spreadsheets import mapping as mp
from wir_manager.services.spreadsheets.candidates_import import (
    look_at,
    read_candidates,
    write_candidates,
)
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def _person(report, username: str) -> CandidateData:  # type: ignore[no-untyped-def]
    return next(r.data for r in report.records if r.data.username == username)


def _langs(data: CandidateData) -> dict[str, int]:
    return {lang.code: lang.level for lang in data.languages}


def _skills(data: CandidateData) -> dict[str, int]:
    return {str(s.platform): s.level for s in data.skills}


def _resaves_unchanged(db, ids) -> None:  # type: ignore[no-untyped-def]
    for cid in ids:
        detail = candidate_service.get_candidate(db, cid)
        assert candidate_service.validate(detail.data, db, cid) == {}, detail.data
        candidate_service.update_candidate(db, cid, detail.data)
        assert candidate_service.get_candidate(db, cid).data == detail.data


def _count(db) -> int:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(m.Candidate)).scalar_one()


def test_english_staff_sheet_reads_as_a_person_would(db) -> None:  # type: ignore[no-untyped-def]
    path = FIXTURES / "staff-sheet-en.xlsx"
    look = look_at(db, path)
    assert look.header_row == 3
    assert look.mapping.by_header() == {
        "Full name": "full_name",
        "Wikimedia username": "username",
        "E-mail address": "email",
        "Country": "country",
        "Affiliation": "affiliate_id",
        "Languages spoken": "languages",
        "Wikidata experience": "skill:wikidata",
        "Commons experience": "skill:commons",
        "Topics": "topics",
        "Available from": "available_from",
        "Willing to relocate?": "willing_to_relocate",
        "Consent to store data?": "consent_store",
        "Consent to share with partners?": "consent_propose",
        "Date of consent": "consent_at",
        "Notes": "notes",
    }
    report = read_candidates(db, path)
    assert report.ok, report.lines()
    assert len(report.records) == 10
    layla = _person(report, "Layla Haddad")
    assert layla.full_name == "ليلى حداد" and layla.country == "PS"
    assert _langs(layla) == {"ar": 7, "en": 5, "fr": 4}
    assert _skills(layla) == {"wikidata": 3, "commons": 2}
    assert set(layla.topics) == {"health", "gender"}
    assert layla.available_from == dt.date(2026, 1, 15)  # 15/01/2026: day first
    assert layla.willing_to_relocate is True
    assert (layla.consent_store, layla.consent_propose) == (True, True)
    assert layla.consent_store_at == layla.consent_propose_at == dt.date(2026, 1, 12)
    ananya = _person(report, "Ananya Sharma WMIN")
    assert ananya.full_name == "अनन्या शर्मा" and ananya.country == "IN"
    assert _langs(ananya) == {"hi": 7, "en": 6}
    assert _skills(ananya) == {"wikidata": 3, "commons": 1}  # expert, beginner
    assert ananya.available_from == dt.date(2026, 2, 1)  # 01/02/2026 in a day-first column
    assert (ananya.consent_propose, ananya.consent_propose_at) == (False, None)
    wang = _person(report, "WangFang")
    assert _langs(wang) == {"zh": 7, "en": 4} and _skills(wang) == {"wikidata": 3}
    assert wang.willing_to_relocate is None and wang.consent_store_at == dt.date(2026, 11, 3)
    assert _person(report, "Ivan Petrov").country == "RU"
    assert _langs(_person(report, "Ivan Petrov")) == {"ru": 7, "en": 4}
    assert _person(report, "Jose Perez").country == "MX"
    assert _person(report, "AichaT").country == "CI"
    assert _person(report, "MehmetY").country == "TR"
    assert _langs(_person(report, "JPMbeki")) == {"fr": 7, "ln": 7, "en": 3}
    assert _person(report, "JPMbeki").country == "CD"
    assert _langs(_person(report, "AmaraO")) == {"en": 7, "ig": 7, "fr": 2}
    # Interpretations are shown next to the raw value in the preview.
    first = report.preview[0]
    languages = report.headers.index("Languages spoken")
    assert first.text(languages) == (
        "Arabic (native), English (C1), French (B2) → Arabic native, English C1, French B2"
    )
    assert first.text(report.headers.index("Available from")) == "15/01/2026 → 2026-01-15"
    result = write_candidates(db, report)
    assert result.created == 10 and set(result.new_affiliates) == {
        "Wikimedia Levant",
        "Wikimedia India",
        "Wikimedia RU",
        "Wikimedia Nigeria",
        "Wikimedia Türkiye",
    }
    _resaves_unchanged(db, result.ids)


def test_swedish_sheet_and_its_excel_csv_read_the_same(db) -> None:  # type: ignore[no-untyped-def]
    xlsx = read_candidates(db, FIXTURES / "personal-sv.xlsx")
    csv_ = read_candidates(db, FIXTURES / "personal-sv-excel.csv")
    assert xlsx.ok, xlsx.lines()
    assert csv_.ok, csv_.lines()
    assert csv_.guess.encoding == "cp1252" and csv_.guess.delimiter == ";"
    assert [r.data for r in xlsx.records] == [r.data for r in csv_.records]
    asa = _person(xlsx, "Åsa L")
    assert asa.country == "SE" and _langs(asa) == {"sv": 7, "en": 5}
    assert _skills(asa) == {"wikidata": 3, "commons": 2}  # avancerad, medel
    assert set(asa.topics) == {"cultural_heritage", "open_access"}
    assert asa.available_from == dt.date(2026, 3, 15)
    assert asa.consent_store_at == dt.date(2026, 3, 15)  # "15 mars 2026"
    mikko = _person(xlsx, "MikkoV")
    assert mikko.country == "FI" and _langs(mikko) == {"fi": 7, "sv": 5, "en": 6}
    assert _skills(mikko) == {"wikidata": 1} and mikko.willing_to_relocate is False
    assert mikko.consent_store_at == dt.date(2026, 4, 2) and mikko.notes == (
        "Kan börja efter sommaren"
    )
    fatima = _person(xlsx, "FatimaAS")
    assert fatima.country == "GB" and _langs(fatima) == {"ar": 7, "en": 6, "sv": 3}
    result = write_candidates(db, xlsx)
    _resaves_unchanged(db, result.ids)


def test_form_export_dates_consent_from_its_timestamp_and_refuses_without_consent(db) -> None:  # type: ignore[no-untyped-def]
    path = FIXTURES / "form-responses.csv"
    report = read_candidates(db, path)
    assert report.guess.encoding == "utf-8-sig"
    assert report.mapping.by_header()["Timestamp"] == "timestamp"
    assert report.lines() == [
        "Row 4, I agree that Wikimedia Sverige stores my data for the WiR programme: this "
        "person has not agreed to be kept in the pool, so the row cannot be imported; ask "
        "for consent first."
    ]
    kenji = _person(report, "KenjiT")
    assert kenji.full_name == "田中 健二" and kenji.country == "JP"
    assert _langs(kenji) == {"ja": 7, "en": 5} and _skills(kenji) == {"wikidata": 2}
    # Month first (11/14/2026): the consent is dated by the form's timestamp.
    assert kenji.consent_store_at == kenji.consent_propose_at == dt.date(2026, 11, 14)
    olena = _person(report, "OlenaK")
    assert olena.full_name == "Олена Коваленко"
    assert _langs(olena) == {"uk": 7, "ru": 6, "en": 4}
    assert olena.consent_store_at == dt.date(2026, 11, 3) and olena.consent_propose is False
    assert report.good_rows_possible and not report.ok
    with pytest.raises(SpreadsheetError):
        write_candidates(db, report)
    assert _count(db) == 0


def test_ods_saved_by_libreoffice(db) -> None:  # type: ignore[no-untyped-def]
    path = FIXTURES / "affiliate-roster.ods"
    assert b"LibreOffice" in __import__("zipfile").ZipFile(path).read("meta.xml")
    report = read_candidates(db, path)
    assert report.ok, report.lines()
    chen = _person(report, "ChenWeiWM")
    assert chen.country == "TW" and _langs(chen) == {"zh": 7, "en": 5}
    assert _skills(chen) == {"wikidata": 3, "commons": 1}
    assert chen.consent_store_at == dt.date(2026, 6, 1)
    sipho = _person(report, "SiphoD")
    assert sipho.country == "ZA" and _langs(sipho) == {"zu": 7, "en": 6}
    assert str(sipho.stage) == "screened"
    _resaves_unchanged(db, write_candidates(db, report).ids)


def test_good_rows_in_problems_out_and_the_workbook_reimports(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = FIXTURES / "form-responses.csv"
    report = read_candidates(db, path)
    problems = tmp_path / "form-problems.xlsx"
    result = write_candidates(db, report, problems_path=problems)
    assert (result.created, result.skipped) == (2, 1)
    assert problems.stat().st_mode & 0o777 == 0o600
    ws = openpyxl.load_workbook(problems).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][-1] == "What to fix" and rows[1][2] == "प्रिया पटेल"
    assert "has not agreed to be kept in the pool" in rows[1][-1]
    # The person consents after all: fix the cell, import the workbook again.
    wb = openpyxl.load_workbook(problems)
    header = [c.value for c in wb.active[1]]
    wb.active.cell(2, header.index(rows[0][7]) + 1, "Yes, I agree")
    wb.save(problems)
    again = read_candidates(db, problems)
    assert again.ok, again.lines()
    assert [r.data.username for r in again.records] == ["PriyaP"]
    assert again.mapping.by_header()["What to fix"] == ""
    assert _langs(again.records[0].data) == {"gu": 7, "hi": 6, "en": 6}


def test_update_existing_people_field_by_field_blank_never_erases(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = read_candidates(db, FIXTURES / "personal-sv.xlsx")
    write_candidates(db, first)
    wb = openpyxl.Workbook()
    wb.active.append(["E-post", "Land", "Språk", "Erfarenhet av Commons", "Anteckningar"])
    # Matched by e-mail; the country changes; the empty notes cell keeps the notes.
    wb.active.append(["mikko.virtanen@example.fi", "Sverige", None, "avancerad", None])
    wb.active.append(["new.person@example.org", "Norge", "norska C1", None, None])
    path = tmp_path / "changes.xlsx"
    wb.save(path)
    report = read_candidates(db, path, update=True)
    # The unknown e-mail would be a new person, but the file has no name or username.
    assert report.lines() == [
        "Row 3, Name: Enter the person's name.",
        "Row 3, Username: Enter the Wikimedia username.",
    ]
    assert report.good_rows_possible and len(report.updates) == 1
    update = report.updates[0]
    assert update.matched_by == "email"
    assert [(c.field, c.before, c.after) for c in update.changes] == [
        ("Country", "FI", "SE"),
        ("Skills", "Wikidata 1", "Wikimedia Commons 3, Wikidata 1"),
    ]
    assert update.data.notes == "Kan börja efter sommaren"
    assert _langs(update.data) == {"fi": 7, "sv": 5, "en": 6}


@pytest.mark.parametrize(
    ("code", "change"),
    [
        ("en", ("Available from", "15 Mar 2026", "1 Sept 2026")),
        ("sv", ("Tillgänglig från", "15 mars 2026", "1 sep. 2026")),
    ],
)
def test_update_preview_shows_dates_as_the_editor_does(
    db, tmp_path: Path, british_dates, code: str, change: tuple[str, str, str]
) -> None:
    """The field-by-field preview is read beside the candidate editor, so a changed date
    reads in the language in use ("1 sep. 2026"), not as ISO text."""
    from wir_manager.i18n import using_language

    write_candidates(db, read_candidates(db, FIXTURES / "personal-sv.xlsx"))
    wb = openpyxl.Workbook()
    wb.active.append(["E-post", "Tillgänglig från"])
    wb.active.append(["asa.lindqvist@example.se", dt.date(2026, 9, 1)])
    path = tmp_path / "dates.xlsx"
    wb.save(path)
    with using_language(code):
        report = read_candidates(db, path, update=True)
    assert report.ok, report.lines()
    [update] = report.updates
    assert [(c.field, c.before, c.after) for c in update.changes] == [change]


def test_update_applies_in_one_transaction(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_candidates(db, read_candidates(db, FIXTURES / "personal-sv.xlsx"))
    wb = openpyxl.Workbook()
    wb.active.append(["Namn", "Användarnamn", "Land", "Anteckningar"])
    wb.active.append(["Mikko Virtanen", "MikkoV", "Sverige", None])
    wb.active.append(["Åsa Lindqvist", "Åsa L", "Norge", "Flyttar till Oslo"])
    path = tmp_path / "changes.xlsx"
    wb.save(path)
    report = read_candidates(db, path, update=True)
    assert report.ok, report.lines()
    assert not report.records and len(report.updates) == 2
    result = write_candidates(db, report)
    assert result.updated == 2 and result.created == 0
    with db.engine.connect() as conn:
        rows = dict(conn.execute(select(m.Candidate.username, m.Candidate.country)).all())
        notes = conn.execute(
            select(m.Candidate.notes).where(m.Candidate.username == "MikkoV")
        ).scalar()
    assert rows == {"Åsa L": "NO", "MikkoV": "SE", "FatimaAS": "GB"}
    assert notes == "Kan börja efter sommaren"


def test_without_update_existing_people_are_duplicates_found_in_the_same_pass(db) -> None:  # type: ignore[no-untyped-def]
    write_candidates(db, read_candidates(db, FIXTURES / "personal-sv.xlsx"))
    report = read_candidates(db, FIXTURES / "personal-sv-excel.csv")
    assert {p.row for p in report.errors} == {2, 3, 4}
    assert all("already exists" in p.message for p in report.errors)


def test_ambiguous_dates_ask_once_and_the_answer_reads_them(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "dates.csv"
    path.write_text(
        "Name,Username,Consent to store,Consent date\n"
        "Ana Silva,AnaS,yes,03/04/2026\nLi Wei,LiW,yes,05/06/2026\n",
        encoding="utf-8",
    )
    report = read_candidates(db, path)
    assert report.date_question and [p.row for p in report.errors] == [0, 2, 3]
    assert "choose the file's date order" in report.errors[0].message
    dmy = read_candidates(db, path, date_order="dmy")
    assert dmy.ok and _person(dmy, "AnaS").consent_store_at == dt.date(2026, 4, 3)
    mdy = read_candidates(db, path, date_order="mdy")
    assert _person(mdy, "AnaS").consent_store_at == dt.date(2026, 3, 4)


def test_saved_mapping_is_offered_again_for_the_same_headers(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "monthly.csv"
    path.write_text(
        "Deltagare,Konto,Mejl,Samtycke,Bor i\nSara Ek,SaraE,sara@example.se,ja,Sverige\n",
        encoding="utf-8",
    )
    look = look_at(db, path)
    mapping = look.mapping
    for column in mapping.columns:
        if column.header == "Samtycke":
            mapping = mapping.with_target(column.index, "consent_store")
    mp.save_mapping(db, "Månadsformulär", "candidates", mapping)
    again = look_at(db, path)
    assert again.mapping.name == "Månadsformulär"
    assert again.mapping.by_header()["Samtycke"] == "consent_store"
    report = read_candidates(db, path)
    assert report.ok, report.lines()
    assert _person(report, "SaraE").consent_store is True


def test_bad_files_keep_one_sentence_and_write_nothing(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = {
        "random.ods": bytes(range(256)) * 8,
        "binary.csv": b"\x00\xff\x00\x01" * 100,
        "no-header.csv": b"a,b,c\n1,2,3\n",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(SpreadsheetError) as exc:
            read_candidates(db, tmp_path / name)
        assert "\n" not in str(exc.value) and len(str(exc.value)) < 300
    assert _count(db) == 0


def test_cli_prints_the_mapping_stops_on_a_guess_and_skips_bad_rows(
    db, db_path, monkeypatch, capsys, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import json

    from tests.conftest import PASSPHRASE
    from wir_manager.cli.main import main

    db.close()
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    base = ["--db", str(db_path), "import", "candidates"]
    form = str(FIXTURES / "form-responses.csv")
    assert main([*base, form, "--dry-run"]) == 1
    captured = capsys.readouterr()
    assert "Using the suggested mapping:" in captured.out
    assert "Timestamp → Form timestamp" in captured.out
    assert "--skip-bad-rows" in captured.err and "Nothing was written" in captured.err
    problems = tmp_path / "problems.xlsx"
    assert main([*base, form, "--skip-bad-rows", str(problems), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Imported 2 new candidates and updated 0 existing candidates in one transaction." in out
    assert "1 row with problems is in" in out and problems.exists()
    # A column whose meaning is only a guess stops the import, naming it.
    guess = tmp_path / "guess.csv"
    guess.write_text(
        "Name,Username,Consent to store,Wikipedia edits\nSara Ek,SaraE,yes,1200\n", "utf-8"
    )
    assert main([*base, str(guess), "--yes"]) == 1
    err = capsys.readouterr().err
    assert "Column “Wikipedia edits” might mean" in err and "--map" in err
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"Wikipedia edits": "edit_count"}), "utf-8")
    assert main([*base, str(guess), "--map", str(mapping), "--yes"]) == 0
    assert "Wikipedia edits → Edit count" in capsys.readouterr().out
    with Database.open(db_path, PASSPHRASE) as reopened, reopened.engine.connect() as conn:
        edits = conn.execute(
            select(m.Candidate.edit_count).where(m.Candidate.username == "SaraE")
        ).scalar()
    assert edits == 1200
    assert main(["--db", str(db_path), "mappings"]) == 0
    assert "No saved mappings yet" in capsys.readouterr().out
