"""Formats, forgiving values and column suggestions: what people really write, read the
way a person reads it (hand-written expectations), and the refusals in one sentence."""

from __future__ import annotations

import codecs
import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from wir_manager.services.spreadsheets import SpreadsheetError
from wir_manager.services.spreadsheets import mapping as mp
from wir_manager.services.spreadsheets import values as v
from wir_manager.services.spreadsheets.cells import CellProblem
from wir_manager.services.spreadsheets.formats import (
    CsvGuess,
    FileFormat,
    open_table,
    read_all,
)

ROWS = [
    ["Namn", "Användarnamn", "Land", "Språk"],
    ["Åsa Lindqvist", "Åsa L", "Sverige", "Svenska modersmål; engelska C1"],
    ["José Pérez", "Jose Perez", "México", "español nativo"],
]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8-sig", ","),
        ("utf-8", ";"),
        ("utf-16", "\t"),
        ("cp1252", ";"),
    ],
)
def test_csv_encoding_and_delimiter_are_guessed(tmp_path: Path, encoding, delimiter) -> None:
    text = "\r\n".join(delimiter.join(f'"{c}"' if delimiter in c else c for c in r) for r in ROWS)
    path = tmp_path / "people.csv"
    path.write_bytes(text.encode(encoding))
    table, rows = read_all(path)
    assert table.format is FileFormat.CSV
    expected = "utf-8-sig" if encoding == "utf-8-sig" else encoding
    assert table.guess == CsvGuess(expected, delimiter)
    assert [list(r) for r in rows] == ROWS
    assert "separated" in table.guess.describe()


def test_csv_guess_can_be_overridden(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(b"a;b\n1;2\n")
    table, rows = read_all(path, delimiter=",")
    assert table.guess == CsvGuess("utf-8", ",") and rows == [("a;b",), ("1;2",)]
    western = tmp_path / "western.csv"
    western.write_bytes("Ångström;1\n".encode("cp1252"))
    assert read_all(western)[0].guess == CsvGuess("cp1252", ";")
    with pytest.raises(SpreadsheetError, match="cannot be read as UTF-8"):
        read_all(western, encoding="utf-8")


def test_workbooks_through_calamine_keep_row_numbers(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "People"
    ws["B3"] = "Name"
    ws["C3"] = "Date"
    ws["B4"] = "王芳"
    ws["C4"] = dt.date(2026, 1, 15)
    wb.save(tmp_path / "p.xlsx")
    with open_table(tmp_path / "p.xlsx", preferred=("people",)) as table:
        rows = list(table.rows)
    assert table.format is FileFormat.XLSX and table.sheet == "People"
    assert rows[2] == (None, "Name", "Date") and rows[3] == (None, "王芳", dt.date(2026, 1, 15))


def test_hostile_and_wrong_files_are_one_sentence(tmp_path: Path) -> None:
    cases = {
        "empty.csv": b"",
        "random.xlsx": bytes(range(256)) * 20,
        "binary.csv": b"\x00\x01\x02\x03" * 500,
        "encrypted.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        "renamed.pdf.csv": b"%PDF-1.7\n" + b"\0" * 100,
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    bomb = tmp_path / "bomb.ods"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", b"\0" * (120 * 1024 * 1024))
    for path in [*(tmp_path / n for n in cases), bomb, tmp_path / "missing.csv", tmp_path]:
        with pytest.raises(SpreadsheetError) as exc, open_table(path) as table:
            list(table.rows)
        assert "\n" not in str(exc.value) and len(str(exc.value)) < 300, path


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("Name\tUsername\nAmara Okafor\tAmaraO\n".encode("utf-16-le"))
    table, rows = read_all(path)
    assert table.guess == CsvGuess("utf-16-le", "\t")
    assert rows[1] == ("Amara Okafor", "AmaraO")
    assert codecs.BOM_UTF16_LE not in path.read_bytes()[:2]


@pytest.mark.parametrize(
    ("raw", "expected", "reading"),
    [
        (
            "Arabic (native), English (C1), French (B2)",
            {"ar": 7, "en": 5, "fr": 4},
            "Arabic native, English C1, French B2",
        ),
        ("ar-C1", {"ar": 5}, "Arabic C1"),
        ("Arabic:C1", {"ar": 5}, "Arabic C1"),
        ("Spanish - native", {"es": 7}, "Spanish native"),
        ("français C1", {"fr": 5}, "French C1"),
        ("Svenska modersmål", {"sv": 7}, "Swedish native"),
        ("हिन्दी (native); English C2", {"hi": 7, "en": 6}, "Hindi native, English C2"),
        ("ar:C1; fr:B2", {"ar": 5, "fr": 4}, "Arabic C1, French B2"),
        ("русский C2, arabiska B1", {"ru": 6, "ar": 3}, "Russian C2, Arabic B1"),
    ],
)
def test_languages_as_people_write_them(raw, expected, reading) -> None:
    assert v.languages(raw) == (expected, reading)


def test_language_problems_say_how_to_write_it() -> None:
    with pytest.raises(CellProblem, match="needs a language and a level"):
        v.languages("Arabic")
    with pytest.raises(CellProblem, match="not a language we know"):
        v.languages("Blorbish C1")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("UK", "GB"), ("USA", "US"), ("Russia", "RU"), ("Turkey", "TR"), ("Türkiye", "TR"),
        ("Ivory Coast", "CI"), ("DRC", "CD"), ("Palestine", "PS"), ("México", "MX"),
        ("Sverige", "SE"), ("Allemagne", "DE"), ("भारत", "IN"), ("SE", "SE"), ("KEN", "KE"),
    ],
)  # fmt: skip
def test_country_aliases_and_cldr_names(raw, code) -> None:
    assert v.country(raw)[0] == code


def test_ambiguous_and_unknown_countries_are_asked_not_guessed() -> None:
    with pytest.raises(CellProblem, match="could mean"):
        v.country("Congo")
    with pytest.raises(CellProblem, match="not a country we know"):
        v.country("Narnia")


@pytest.mark.parametrize(
    ("raw", "level"),
    [
        ("none", 0), ("beginner", 1), ("basic", 1), ("intermediate", 2), ("advanced", 3),
        ("expert", 3), ("Nybörjare", 1), ("medel", 2), ("avancerad", 3), ("ingen", 0),
        ("2", 2), (3, 3), (1.0, 1), ("3 - advanced", 3),
    ],
)  # fmt: skip
def test_skill_words_next_to_numbers(raw, level) -> None:
    assert v.skill(raw, "Wikidata")[0] == level


def test_dates_order_detected_per_column_and_ambiguity_reported() -> None:
    assert v.detect_order(["15/01/2026", "03/04/2026"]) == (v.DateOrder.DMY, False)
    assert v.detect_order(["01/15/2026", "03/04/2026"]) == (v.DateOrder.MDY, False)
    assert v.detect_order(["01/02/2026", "03/04/2026"]) == (None, True)
    assert v.detect_order(["2026-01-15"]) == (None, False)
    assert v.date("03/04/2026", v.DateOrder.DMY) == (dt.date(2026, 4, 3), "2026-04-03")
    assert v.date("03/04/2026", v.DateOrder.MDY) == (dt.date(2026, 3, 4), "2026-03-04")
    with pytest.raises(CellProblem, match="could be day/month or month/day"):
        v.date("03/04/2026")
    assert v.date("15 januari 2026, 14:32")[0] == dt.date(2026, 1, 15)
    assert v.date("January 15, 2026")[0] == dt.date(2026, 1, 15)
    assert v.date(46037.0)[0] == dt.date(2026, 1, 15)  # an Excel serial number
    assert v.date("2026-01-15 10:32:07")[0] == dt.date(2026, 1, 15)


@pytest.mark.parametrize(
    ("raw", "answer"),
    [("Ja", True), ("nej", False), ("Yes, I agree", True), ("x", True), ("No", False),
     (True, True), ("Jag samtycker", True), ("Ja, jag samtycker", True),
     ("Nej, jag samtycker inte", False), ("Ja, jag godkänner", True)],
)  # fmt: skip
def test_yes_no_in_both_languages(raw, answer) -> None:
    assert v.yes_no(raw)[0] is answer


def test_column_suggestions_from_english_and_swedish_headers() -> None:
    headers = [
        "Timestamp", "Full name", "Wikimedia username", "E-mail address", "Land",
        "Languages spoken", "Wikidata experience", "Erfarenhet av Commons",
        "Consent to store data?", "Consent to share with partners?", "Favourite colour",
        "Wikipedia edits",
    ]  # fmt: skip
    mapping = mp.suggest_mapping(headers)
    assert mapping.by_header() == {
        "Timestamp": "timestamp",
        "Full name": "full_name",
        "Wikimedia username": "username",
        "E-mail address": "email",
        "Land": "country",
        "Languages spoken": "languages",
        "Wikidata experience": "skill:wikidata",
        "Erfarenhet av Commons": "skill:commons",
        "Consent to store data?": "consent_store",
        "Consent to share with partners?": "consent_propose",
        "Favourite colour": "",
        "Wikipedia edits": "skill:wikipedia",
    }
    assert [c.header for c in mapping.unsure()] == ["Wikipedia edits"]


def test_language_and_level_pair_columns_and_skill_columns_merge_per_row(
    db, tmp_path: Path
) -> None:
    """ "Language 1" / "Level 1" pairs, a per-platform skill column and a skills list in
    one sheet: each row's cells merge into one person's languages and skills, a half
    pair is named, and each reading is shown for its own column."""
    from wir_manager.services import demo
    from wir_manager.services.spreadsheets import read_candidates

    demo.ensure_reference_data(db)
    wb = openpyxl.Workbook()
    rows = [
        ["Name", "Username", "Language 1", "Level 1", "Language 2", "Level 2",
         "Wikidata experience", "Skills"],
        ["ليلى حداد", "LaylaH", "Arabic", "native", "English", "C1", "expert", "Commons: 2"],
        ["अनन्या शर्मा", "AnanyaS", "hi", "", "", "B2", None, None],
        ["Åsa Lindqvist", "AsaL", None, None, "franska", "C2", "nybörjare", "Wikidata 1"],
    ]  # fmt: skip
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / "pairs.xlsx")
    report = read_candidates(db, tmp_path / "pairs.xlsx")
    assert [c.target for c in report.mapping.columns] == [
        "full_name", "username", "lang:1", "level:1", "lang:2", "level:2", "skill:wikidata",
        "skills",
    ]  # fmt: skip
    people = {r.data.username: r.data for r in report.records}
    assert {(x.code, x.level) for x in people["LaylaH"].languages} == {("ar", 7), ("en", 5)}
    assert {(s.platform.value, s.level) for s in people["LaylaH"].skills} == {
        ("commons", 2), ("wikidata", 3),
    }  # fmt: skip
    # French from the second pair alone; Wikidata from the Swedish word and the list.
    assert {(x.code, x.level) for x in people["AsaL"].languages} == {("fr", 6)}
    assert {(s.platform.value, s.level) for s in people["AsaL"].skills} == {("wikidata", 1)}
    assert report.lines() == [
        "Row 3, Language 1: a language is given but no level.",
        "Row 3, Level 2: a level is given but no language.",
    ]
    assert report.preview[0].readings[2] == "Arabic" and report.preview[0].readings[6] == (
        "Advanced (3)"
    )
