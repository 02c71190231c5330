"""Hostile text on its way to a spreadsheet or a PDF, and hostile spreadsheets on their way
in. Whatever a name or note contains (markup, formulas, control characters, any script),
exports never crash, never produce a live formula, and print the text literally; a
malformed or malicious workbook is refused with one sentence and changes nothing."""

from __future__ import annotations

import io
import itertools
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select, update

from tests.trust_support import add_person
from wir_manager.services import subject_export
from wir_manager.services.safe_text import (
    FORMULA_TRIGGERS,
    escape_markup,
    neutralise_formula,
    restore_formula_text,
)
from wir_manager.storage import models as m

spreadsheets = pytest.importorskip("wir_manager.services.spreadsheets.export")
importer = pytest.importorskip("wir_manager.services.spreadsheets.candidates_import")
dossier = pytest.importorskip("wir_manager.services.dossier.service")
from wir_manager.services.spreadsheets.errors import SpreadsheetError  # noqa: E402

NASTY = st.sampled_from(
    [
        '=HYPERLINK("http://evil.example","x")',
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "＝1+1",
        "<b>bold</b> & <font name='x'>",
        "<para>",
        "&amp; &lt;",
        "محمد بن سلمان",
        "王小明",
        "अमित कुमार",
        "Ωμέγα",
        "\u202eevil\u202c",
        "zero\u200bwidth",
        "line\nbreak",
        "ctrl\x01\x02\x0b\x1f chars",
        "a" * 300,
        "",
        " ",
        "🙂🙃",
        "'=already quoted",
        "\ud7ff\ue000",
    ]
)
TEXT = st.one_of(NASTY, st.text(min_size=1, max_size=40))
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@given(value=st.one_of(TEXT, st.text()))
@settings(max_examples=300)
def test_formula_neutralising_round_trips(value: str) -> None:
    safe = neutralise_formula(value)
    assert not (isinstance(safe, str) and safe.startswith(FORMULA_TRIGGERS))
    assert restore_formula_text(safe) == value or value.startswith("'")


@given(value=TEXT)
@settings(max_examples=300)
def test_escaped_markup_has_no_live_tags(value: str) -> None:
    escaped = escape_markup(value)
    assert "<" not in escaped and ">" not in escaped
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph

    printable = "".join(ch for ch in value if ch.isprintable() or ch == " ")
    Paragraph(escape_markup(printable), getSampleStyleSheet()["BodyText"]).wrap(400, 800)


_USERS = itertools.count(1)


def _set_text(db, cid: int, name: str, notes: str) -> None:
    with db.connection() as conn:
        conn.execute(
            update(m.Candidate).where(m.Candidate.id == cid).values(full_name=name, notes=notes)
        )


def _no_formulas(path: Path) -> list[str]:
    wb = load_workbook(path)
    values = []
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    values.append(cell.value)
    return values


@FUZZ
@given(name=TEXT, notes=TEXT)
def test_candidate_export_with_hostile_text(db, tmp_path: Path, name: str, notes: str) -> None:
    cid = add_person(db, "Placeholder", f"user{next(_USERS)}", None)
    _set_text(db, cid, name or "x", notes)
    out = tmp_path / "candidates.xlsx"
    try:
        spreadsheets.export_candidates(db, out, ids=[cid])
    except SpreadsheetError as exc:
        assert "\n" not in str(exc)
        return
    values = _no_formulas(out)
    assert not any(v.startswith(FORMULA_TRIGGERS) for v in values)


def test_candidate_export_with_control_characters(db, tmp_path: Path) -> None:
    """Found by the fuzzing below (openpyxl refuses XML-illegal characters); fixed in export."""
    cid = add_person(db, "Placeholder", f"user{next(_USERS)}", None)
    _set_text(db, cid, "Name\x0bWith Tab", "note\x1f")
    spreadsheets.export_candidates(db, tmp_path / "c.xlsx", ids=[cid])
    assert _no_formulas(tmp_path / "c.xlsx")


@FUZZ
@given(name=TEXT, notes=TEXT)
def test_subject_export_with_hostile_text(db, tmp_path: Path, name: str, notes: str) -> None:
    cid = add_person(db, "Placeholder", f"subj{next(_USERS)}", None)
    _set_text(db, cid, name or "x", notes)
    xlsx = subject_export.export_subject(db, cid, tmp_path / "s.xlsx")
    values = _no_formulas(xlsx)
    assert not any(v.startswith(FORMULA_TRIGGERS) for v in values)
    pdf = subject_export.export_subject(db, cid, tmp_path / "s.pdf")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    # The shaper draws "fi", "fl" … as ligature glyphs and text extraction returns them
    # as one character (U+FB01 …); NFKC folds them back, as a reader's search would.
    text = unicodedata.normalize("NFKC", text)
    if name.isascii() and name.isprintable() and name.strip() and len(name) < 60:
        assert " ".join(name.split()) in " ".join(text.split())


@pytest.fixture
def dossier_db(demo_db):
    with demo_db.engine.connect() as conn:
        request_id = conn.execute(
            select(m.PlacementRequest.id).order_by(m.PlacementRequest.id)
        ).scalar()
    _data, _pages, content = dossier.render_dossier(demo_db, request_id)
    people = [s.candidate_id for s in content.sections]
    assert people
    return demo_db, request_id, people


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=TEXT, notes=TEXT, recipient=TEXT)
def test_dossier_with_hostile_text(dossier_db, name: str, notes: str, recipient: str) -> None:
    db, request_id, people = dossier_db
    _set_text(db, people[0], name or "x", notes)
    try:
        data, pages, _content = dossier.render_dossier(db, request_id, recipient=recipient)
    except ValueError as exc:  # DossierError: a sentence, e.g. nobody eligible any more
        assert "\n" not in str(exc)
        return
    assert data.startswith(b"%PDF") and pages >= 1
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    if "<b>" in name:
        assert "<b>" in text  # printed literally, not interpreted


# ---------------------------------------------------------------- hostile workbooks in


def _xlsx_bytes(sheet_xml: bytes | None = None) -> bytes:
    wb = Workbook()
    wb.active.title = "Candidates"
    wb.active.append(["Name", "Username", "Email"])
    wb.active.append(["Ok Person", "OkPerson", "ok@example.org"])
    buf = io.BytesIO()
    wb.save(buf)
    if sheet_xml is None:
        return buf.getvalue()
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml
            dst.writestr(item, data)
    return out.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"""


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (120 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    "kind",
    [
        "random",
        "truncated",
        "not_a_workbook_zip",
        "billion_laughs",
        "xxe",
        "zip_bomb",
        "empty",
        "ole2",
    ],
)
def test_hostile_workbook_is_refused_and_writes_nothing(db, tmp_path: Path, kind: str) -> None:
    import os

    path = tmp_path / f"{kind}.xlsx"
    if kind == "random":
        path.write_bytes(os.urandom(5000))
    elif kind == "truncated":
        path.write_bytes(_xlsx_bytes()[:700])
    elif kind == "not_a_workbook_zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "hi")
    elif kind == "billion_laughs":
        path.write_bytes(_xlsx_bytes(BILLION_LAUGHS))
    elif kind == "xxe":
        path.write_bytes(_xlsx_bytes(EXTERNAL_ENTITY))
    elif kind == "zip_bomb":
        path.write_bytes(_zip_bomb())
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with db.engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(m.Candidate)).scalar_one()
    try:
        report, result = importer.import_candidates(db, path)
    except SpreadsheetError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 300
    else:
        # a workbook that parses must not have smuggled anything in
        assert result is None or kind == "xxe"
        texts = repr(report)
        assert "root:" not in texts  # /etc/passwd was never read
    with db.engine.connect() as conn:
        names = list(conn.execute(select(m.Candidate.full_name)).scalars())
    assert not any("root:" in (n or "") or "lollol" in (n or "") for n in names)
    if kind != "xxe":
        assert len(names) == before


CELL = st.one_of(
    st.none(),
    TEXT,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=False),
    st.booleans(),
    st.dates(),
)
HEADERS = [
    "Name",
    "Username",
    "Email",
    "Country",
    "Language 1",
    "Level 1",
    "Wikidata",
    "Topics",
    "Consent to store",
    "Consent to store date",
    "Stage",
    "Notes",
]


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(
        st.lists(CELL, min_size=len(HEADERS), max_size=len(HEADERS)), min_size=1, max_size=4
    )
)
def test_importer_fuzzed_cells_never_crash(db, tmp_path: Path, rows: list[list[object]]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Candidates"
    ws.append(HEADERS)
    for row in rows:
        try:
            ws.append([v.replace("\x00", "") if isinstance(v, str) else v for v in row])
        except Exception:  # openpyxl refuses some characters itself: not our input path
            return
    path = tmp_path / "fuzz.xlsx"
    wb.save(path)
    with db.engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(m.Candidate)).scalar_one()
    try:
        report, result = importer.import_candidates(db, path)
    except SpreadsheetError as exc:
        assert "\n" not in str(exc)
        return
    with db.engine.connect() as conn:
        after = conn.execute(select(func.count()).select_from(m.Candidate)).scalar_one()
    if result is None:
        assert after == before  # refused rows: nothing written
    else:
        assert after >= before
    for problem in report.problems:
        assert isinstance(str(problem), str)


def _clean_name_by_rule(text: str) -> str:
    """clean_name's rule spelt out in full: bidi controls gone, tab and line breaks as
    spaces, other control characters gone, then trimmed."""
    from wir_manager.domain.text_safety import BIDI_CONTROLS

    kept = []
    for ch in text:
        if ch in BIDI_CONTROLS:
            continue
        if ch in "\t\n\r":
            kept.append(" ")
        elif unicodedata.category(ch) == "Cc" and ch not in "\t\n\r":
            continue
        else:
            kept.append(ch)
    return "".join(kept).strip()


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(),
            st.sampled_from(
                list(" \t\n\r\x00\x1b\x7f\x85\x9f\xa0\u200c\u200d\u2028\u3000")
                + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
                + list("نور ديفी सिंह 李")
            ),
        )
    )
)
def test_clean_name_takes_out_exactly_what_its_rule_says(text: str) -> None:
    # clean_name returns printable names untouched but trimmed without running its
    # regular expressions; whatever the text, the answer is the rule's.
    from wir_manager.domain.text_safety import clean_name

    assert clean_name(text) == _clean_name_by_rule(text)
