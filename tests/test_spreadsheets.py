"""Spreadsheet import/export on real .xlsx files and a real encrypted database."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from wir_manager.domain.codes import normalize_language
from wir_manager.services import demo
from wir_manager.services.progress import Cancelled, Progress
from wir_manager.services.safe_text import FORMULA_TRIGGERS
from wir_manager.services.spreadsheets import (
    ImportRefusedError,
    SpreadsheetError,
    export_candidates,
    export_shortlist,
    export_training,
    limits,
    read_candidates,
    read_requests,
    write_candidate_template,
    write_candidates,
    write_request_template,
    write_requests,
)
from wir_manager.services.spreadsheets import formats as formats_mod
from wir_manager.services.spreadsheets.export import CANDIDATE_COLUMNS, candidate_rows
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


def _counts(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {
            t.__tablename__: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (
                m.Candidate,
                m.CandidateLanguage,
                m.CandidateSkill,
                m.CandidateTopic,
                m.Affiliate,
                m.AuditEntry,
                m.PlacementRequest,
                m.RequestLanguage,
            )
        }


def _sheet(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def existing(db):
    demo.ensure_reference_data(db)
    with db.session() as s:
        s.add(
            m.Candidate(
                full_name="José Pérez",
                username="JPerez",
                email="jp@example.org",
                consent_store=True,
                consent_store_at=dt.date(2026, 1, 5),
            )
        )
    return db


@pytest.mark.backends
def test_messy_sheet_gives_exact_report_and_writes_nothing(existing, tmp_path: Path) -> None:
    db = existing
    path = _sheet(
        tmp_path / "messy.xlsx",
        [
            [],
            [
                "  Full NAME ",
                "wikimedia username",
                "E-Mail",
                "Country",
                "Languages",
                "skills",
                "Topics",
                "Available FROM",
                "Favourite colour",
                "Stage",
            ],
            [
                "Amina Yusuf",
                "AminaY",
                "amina@example.org",
                "NG",
                "ha:native; en:C1",
                "Wikidata:3; Wikimedia Commons:2",
                "Health; gender",
                dt.datetime(2027, 1, 1),
                "blue",
                "ready",
            ],
            [None, None, None],
            [
                "Bad Codes",
                "BadCodes",
                "bad@",
                "Narnia",
                "xx:C1; fr:D1",
                "Wikidata:5",
                "astrology",
                "15/01/2027",
                "",
                "sleeping",
            ],
            [
                "Jose  PEREZ",
                "jperez",
                "JP@example.org",
                "ES",
                "es:native",
                None,
                None,
                "2027-02-01",
                None,
                "In training",
            ],
            [
                "Amina Yusuf",
                "aminay",
                "other@example.org",
                "GH",
                "en C2",
                "wikipedia:basic",
                None,
                "2027-03-01T00:00:00",
                None,
                None,
            ],
            [],
            [
                "Lee Min",
                "LeeMin",
                None,
                "KR",
                "ko:native",
                None,
                None,
                dt.date(2027, 5, 1),
                None,
                "Screened",
            ],
        ],
    )
    before = _counts(db)
    report = read_candidates(db, path)
    assert report.headers[0] == "Full NAME"
    assert report.notes == (
        "Column “Favourite colour” is not used.",
        "The file has no “consent to store” column: make sure everyone in it agreed to be "
        "kept in the pool.",
    )
    assert report.blank_rows == 2
    assert report.lines() == [
        "Row 5, E-Mail: This is not an e-mail address (name@example.org).",
        "Row 5, Country: “Narnia” is not a country we know (write its name or ISO code, like SE).",
        "Row 5, Languages: “xx” is not a language we know (write its name or ISO code, like ar).",
        "Row 5, skills: “5” is not a skill level for Wikidata (use 0–3 or none, basic, "
        "intermediate, advanced).",
        "Row 5, Topics: “astrology” is not a topic area (use one of: Gender, Climate change & "
        "biodiversity, Health, Education, Cultural heritage, Human rights, Sustainable "
        "development goals, Science, Open access).",
        "Row 5, Stage: “sleeping” is not a stage (use one of: Applied, Screened, In training, "
        "Ready, Proposed, Placed, Alumni, Withdrawn).",
        "Warning: Row 6, Full NAME: nearly the same name as existing candidate 1 (“José Pérez”).",
        "Row 6, wikimedia username: a candidate with this username already exists (id 1); "
        "choose “update existing candidates” to change them from the file.",
        "Row 6, E-Mail: a candidate with this email already exists (id 1).",
        "Warning: Row 7, Full NAME: nearly the same name as row 3.",
        "Row 7, wikimedia username: the same username as row 3.",
    ]
    # "15/01/2027" is a date now (day first: 15 cannot be a month), so row 5 has 6 errors.
    assert not report.ok and len(report.errors) == 9
    assert [r.data.username for r in report.records] == ["AminaY", "LeeMin"]
    first = report.records[0].data
    assert {(x.code, x.level) for x in first.languages} == {("ha", 7), ("en", 5)}
    assert {(x.platform, x.level) for x in first.skills} == {("wikidata", 3), ("commons", 2)}
    assert set(first.topics) == {"health", "gender"}
    assert first.available_from == dt.date(2027, 1, 1) and first.stage == "ready"
    with pytest.raises(ImportRefusedError, match="9 problem"):
        write_candidates(db, report)
    assert _counts(db) == before


def test_bad_language_level_is_reported(existing, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "lv.xlsx", [["Name", "Username", "Languages"], ["A B", "AB", "fr:D1"]])
    assert read_candidates(existing, path).lines() == [
        "Row 2, Languages: level “D1” is out of range (use A1, A2, B1, B2, C1, C2 or native)."
    ]


def _good_sheet(path: Path, n: int = 3) -> Path:
    rows: list[list[object]] = [["Name", "Username", "Email", "Languages", "Skills", "Topics"]]
    for i in range(n):
        rows.append(
            [f"Person {i}", f"User{i}", f"u{i}@example.org", "en:C1; fr:B2", "Wikidata:2", "Health"]
        )
    return _sheet(path, rows)


@pytest.mark.backends
def test_crash_in_the_middle_of_writing_writes_nothing(existing, tmp_path: Path) -> None:
    db = existing
    report = read_candidates(db, _good_sheet(tmp_path / "ok.xlsx"))
    assert report.ok and len(report.records) == 3
    before = _counts(db)
    calls = []

    def explode(done: int, total: int, message: str) -> None:
        calls.append(message)
        if len(calls) == 2:  # candidates inserted, children about to follow
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        write_candidates(db, report, Progress(explode))
    assert _counts(db) == before

    with pytest.raises(Cancelled):
        write_candidates(db, report, Progress(cancelled=lambda: True))
    assert _counts(db) == before

    result = write_candidates(db, report)
    assert result.created == 3
    after = _counts(db)
    assert after["candidates"] == before["candidates"] + 3
    assert after["candidate_languages"] == before["candidate_languages"] + 6
    with db.engine.connect() as conn:
        assert (
            conn.execute(select(func.count()).where(m.AuditEntry.action == "import")).scalar_one()
            == 1
        )


def test_export_neutralises_formulas_and_import_restores_them(existing, tmp_path: Path) -> None:
    db = existing
    evil = '=HYPERLINK("http://evil.example","click")'
    with db.session() as s:
        s.add(
            m.Candidate(
                full_name=evil,
                username="@cmd",
                notes="+1 call me\n-2",
                gender="-",
                phone="=1+1",
                consent_store=True,
                consent_store_at=dt.date(2026, 1, 5),
            )
        )
    out = tmp_path / "export.xlsx"
    export_candidates(db, out)
    ws = openpyxl.load_workbook(out).active
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(FORMULA_TRIGGERS), cell.value
    fresh = Database.create(tmp_path / "fresh.db", PASSPHRASE, "Op")
    try:
        demo.ensure_reference_data(fresh)
        report = read_candidates(fresh, out)
        assert report.ok, report.lines()
        restored = {r.data.username: r.data for r in report.records}
        assert restored["@cmd"].full_name == evil
        assert restored["@cmd"].notes == "+1 call me\n-2"
        assert restored["@cmd"].phone == "=1+1"
    finally:
        fresh.close()


@pytest.mark.backends
def test_export_import_round_trip_is_identical(demo_db, tmp_path: Path) -> None:
    out = tmp_path / "all.xlsx"
    assert export_candidates(demo_db, out) == 300
    fresh = Database.create(tmp_path / "copy.db", PASSPHRASE, "Op")
    try:
        demo.ensure_reference_data(fresh)
        report = read_candidates(fresh, out)
        assert report.ok, report.lines()[:5]
        assert not report.warnings or all("nearly the same name" in str(w) for w in report.warnings)
        write_candidates(fresh, report)
        # Demo data stores Twi as "tw"; the importer canonicalises codes with the domain's
        # normalize_language (macrolanguage "ak"), so compare canonical codes.
        original = candidate_rows(demo_db)
        langs = CANDIDATE_COLUMNS.index("Languages")
        for row in original:
            row[langs] = "; ".join(
                f"{normalize_language(code)}:{level}"
                for code, level in (item.split(":") for item in row[langs].split("; ") if item)
            )
        assert candidate_rows(fresh) == original

        def fields(db):
            with db.engine.connect() as conn:
                cols = [
                    c
                    for c in m.Candidate.__table__.c
                    if c.name not in ("id", "created_at", "updated_at", "affiliate_id")
                ]
                return sorted(tuple(r) for r in conn.execute(select(*cols)))

        assert fields(fresh) == fields(demo_db)

        def children(db):
            with db.engine.connect() as conn:
                skills = sorted(
                    conn.execute(
                        select(
                            m.Candidate.username, m.CandidateSkill.platform, m.CandidateSkill.level
                        ).join(m.CandidateSkill)
                    ).all()
                )
                topics = sorted(
                    conn.execute(
                        select(m.Candidate.username, m.CandidateTopic.topic).join(m.CandidateTopic)
                    ).all()
                )
            return skills, topics

        assert children(fresh) == children(demo_db)
    finally:
        fresh.close()


def test_export_layout_bold_frozen_filtered_real_dates(
    demo_db, tmp_path: Path, monkeypatch
) -> None:
    from openpyxl.worksheet import _writer

    def no_temp_files(*_args, **_kwargs):
        raise AssertionError("candidate data must not be staged in a temporary file")

    # openpyxl stages sheet XML (names, e-mails) in temp files; ours must stay in memory
    monkeypatch.setattr(_writer, "NamedTemporaryFile", no_temp_files)
    path = tmp_path / "c.xlsx"
    export_candidates(demo_db, path)
    ws = openpyxl.load_workbook(path).active
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    last = openpyxl.utils.get_column_letter(len(header))
    assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}"
    assert all(c.font.b for c in ws[1])
    assert ws.column_dimensions["A"].width > 10
    column = openpyxl.utils.get_column_letter(header.index("Available from") + 1)
    available = [c.value for c in ws[column][1:] if c.value is not None]
    assert available and all(isinstance(v, dt.datetime) for v in available)
    assert ws[f"{column}2"].number_format == "yyyy-mm-dd"

    grid = tmp_path / "t.xlsx"
    n = export_training(demo_db, grid)
    tw = openpyxl.load_workbook(grid).active
    assert tw.max_row == n + 1 and tw.freeze_panes == "A2" and tw["A1"].font.b
    dates = [
        c.value
        for row in tw.iter_rows(min_row=2, min_col=4)
        for c in row[:-1]
        if isinstance(c.value, dt.datetime)
    ]
    assert dates  # completion dates are real dates
    write_candidate_template(tmp_path / "tpl.xlsx")


def test_export_shortlist(existing, tmp_path: Path) -> None:
    db = existing
    ids = demo.ensure_reference_data(db)
    with db.session() as s:
        req = m.PlacementRequest(organisation_id=ids["org:WHO"], title="Health data")
        s.add(req)
        s.flush()
        s.add(
            m.ShortlistEntry(
                request_id=req.id,
                candidate_id=1,
                rank=1,
                score=77.5,
                score_parts={"language": 30.0, "skills": 47.5},
                note="=cmd",
            )
        )
        rid = req.id
    path = tmp_path / "sl.xlsx"
    assert export_shortlist(db, rid, path) == 1
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Rank", "Name", "Username", "Score"]
    row = [c.value for c in ws[2]]
    assert row[:4] == [1, "José Pérez", "JPerez", 77.5]
    assert "'=cmd" in row
    with pytest.raises(SpreadsheetError, match="no placement request 999"):
        export_shortlist(db, 999, path)
    with db.session() as s:
        empty = m.PlacementRequest(organisation_id=ids["org:WHO"], title="Empty")
        s.add(empty)
        s.flush()
        empty_id = empty.id
    with pytest.raises(SpreadsheetError, match="no saved shortlist"):
        export_shortlist(db, empty_id, path)


def test_template_has_dropdowns_and_its_example_imports(existing, tmp_path: Path) -> None:
    path = write_candidate_template(tmp_path / "template.xlsx")
    ws = openpyxl.load_workbook(path)["Candidates"]
    header = [c.value for c in ws[1]]
    formulas = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            formulas[header[rng.min_col - 1]] = dv.formula1
    assert (
        formulas["Stage"] == '"Applied,Screened,In training,Ready,Proposed,Placed,Alumni,Withdrawn"'
    )
    assert formulas["Level 1"] == '"A1,A2,B1,B2,C1,C2,native"'
    assert formulas["Wikidata"] == '"0,1,2,3"'
    report = read_candidates(existing, path)
    assert report.ok and report.blank_rows == 0 and len(report.records) == 1
    assert {(x.code, x.level) for x in report.records[0].data.languages} == {
        ("ha", 7),
        ("en", 5),
        ("fr", 3),
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Name,Username\nA,B\n", "is not a spreadsheet"),
        (formats_mod.OLE2_MAGIC + b"\0" * 600, "password-protected"),
        (b"", "is empty"),
    ],
)
def test_unusable_files_give_one_sentence(
    existing, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(SpreadsheetError, match=message):
        read_candidates(existing, path)


def test_too_large_zip_bomb_and_plain_zip(existing, tmp_path: Path, monkeypatch) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * 30_000_000)
    with pytest.raises(SpreadsheetError, match="zip bomb"):
        read_candidates(existing, bomb)
    plain = tmp_path / "plain.xlsx"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(SpreadsheetError, match="zip file but not a spreadsheet"):
        read_candidates(existing, plain)
    good = _good_sheet(tmp_path / "big.xlsx")
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)  # the limits every reader shares
    with pytest.raises(SpreadsheetError, match="too large"):
        read_candidates(existing, good)


@pytest.mark.backends
def test_import_requests(existing, tmp_path: Path) -> None:
    db = existing
    path = _sheet(
        tmp_path / "req.xlsx",
        [
            [
                "Organization",
                "Title",
                "Duty station",
                "Country",
                "Work mode",
                "Start date",
                "Duration",
                "Positions",
                "Language requirements",
                "Skills",
                "Topics",
                "Regions",
            ],
            [
                "WHO",
                "Health data resident",
                "Geneva",
                "CH",
                "on site",
                "2027-03-01",
                9,
                2,
                "en:C1; fr:B2 or es:B2 (preferred)",
                "Wikidata:2; Commons:1 (nice to have)",
                "Health",
                "Africa",
            ],
            [
                "Nowhere Org",
                "Ghost",
                None,
                None,
                "remote",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
            ],
            ["UNESCO", "", None, None, "remote", None, 6, 1, "xx:C1", None, None, None],
        ],
        title="Requests",
    )
    before = _counts(db)
    report = read_requests(db, path)
    print("LINES", report.lines())
    assert report.lines() == [
        "Row 3, Organization: there is no organisation named “Nowhere Org”; add it first.",
        "Row 4, Language requirements: “xx” is not a known language code.",
    ]
    with pytest.raises(ImportRefusedError):
        write_requests(db, report)
    assert _counts(db) == before
    good = _sheet(
        tmp_path / "good.xlsx",
        [list(r) for r in openpyxl.load_workbook(path).active.iter_rows(values_only=True)][:2],
    )
    report = read_requests(db, good)
    assert report.ok, report.lines()
    result = write_requests(db, report)
    with db.engine.connect() as conn:
        langs = conn.execute(
            select(
                m.RequestLanguage.code,
                m.RequestLanguage.min_level,
                m.RequestLanguage.importance,
                m.RequestLanguage.any_group,
            )
            .where(m.RequestLanguage.request_id == result.ids[0])
            .order_by(m.RequestLanguage.id)
        ).all()
    assert [(c, lv, getattr(i, "value", i), g) for c, lv, i, g in langs] == [
        ("en", 5, "required", None),
        ("fr", 4, "preferred", 1),
        ("es", 4, "preferred", 1),
    ]


NASTY = [
    "=1+1",
    "+41 22 555 01 01",
    "-minus",
    "@SUM(A1:A9)",
    "\tTabbed",
    "＝fullwidth",
    "<b>x</b> & <font>",
    "محمد عبد الله",
    "कृष्ण श्रेष्ठ",
    "王秀英",
    "Zoë 🌍 O'Brien",
]


@pytest.mark.backends
def test_nasty_text_round_trips_exactly(existing, tmp_path: Path) -> None:
    db = existing
    with db.session() as s:
        for n, text in enumerate(NASTY):
            s.add(
                m.Candidate(
                    full_name=f"Person {n}",
                    username=f"nasty{n}",
                    notes=text,
                    gender=text,
                    phone=text,
                    consent_store=True,
                    consent_store_at=dt.date(2026, 1, 5),
                )
            )
        s.add(
            m.Candidate(
                full_name="Bell",
                username="bell",
                notes="ring\x07ring",
                consent_store=True,
                consent_store_at=dt.date(2026, 1, 5),
            )
        )
    out = tmp_path / "nasty.xlsx"
    export_candidates(db, out)
    fresh = Database.create(tmp_path / "n.db", PASSPHRASE, "Op")
    try:
        demo.ensure_reference_data(fresh)
        report = read_candidates(fresh, out)
        assert report.ok, report.lines()
        back = {r.data.username: r.data for r in report.records}
        for n, text in enumerate(NASTY):
            assert back[f"nasty{n}"].notes == text.strip()
            assert back[f"nasty{n}"].phone == text.strip()
        assert back["bell"].notes == "ringring"  # control characters cannot live in xlsx
    finally:
        fresh.close()


def test_request_template_example_imports(existing, tmp_path: Path) -> None:
    path = write_request_template(tmp_path / "requests-template.xlsx")
    ws = openpyxl.load_workbook(path)["Requests"]
    header = [c.value for c in ws[1]]
    lists = {
        header[r.min_col - 1]: dv.formula1
        for dv in ws.data_validations.dataValidation
        for r in dv.sqref.ranges
    }
    assert lists["Work mode"] == '"On site,Remote,Hybrid"'
    report = read_requests(existing, path)
    assert report.ok, report.lines()
    request = report.records[0]
    assert request.work_mode == "hybrid" and request.start_date == dt.date(2027, 3, 1)
    assert [(r.code, r.group, r.importance) for r in request.languages] == [
        ("en", None, "required"),
        ("fr", 1, "preferred"),
        ("es", 1, "preferred"),
    ]
    assert request.priority_regions == ("002",)
