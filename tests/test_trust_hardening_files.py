"""Issue #17, the attack on the importer and the exporters: zip-bomb and row limits
refused before reading, one sentence (never Python's own text, never a crash record) for
cells a reader cannot decode, and exports that never leave a partial file."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import PASSPHRASE
from wir_manager.cli.main import main
from wir_manager.services.spreadsheets import read_candidates
from wir_manager.services.spreadsheets.errors import SpreadsheetError
from wir_manager.storage.database import Database

PY_TEXTS = (
    "invalid literal",
    "could not convert",
    "month must be",
    "day is out of range",
    "unexpected error",
    "Traceback",
    "surrogates",
    "list index",
)


def _cli(*args: str, passphrase: str | None = PASSPHRASE) -> int:
    if passphrase is not None:
        os.environ["WIR_MANAGER_PASSPHRASE"] = passphrase
    try:
        return main(list(args))
    finally:
        os.environ.pop("WIR_MANAGER_PASSPHRASE", None)


def _workbook_with_sheet_xml(
    path: Path, sheet_xml: bytes, *, workbook_xml: bytes | None = None
) -> Path:
    """A real openpyxl workbook whose first sheet's XML (or workbook part) is replaced."""
    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Username", "Email"])
    buffer = io.BytesIO()
    wb.save(buffer)
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml
            elif item.filename == "xl/workbook.xml" and workbook_xml is not None:
                data = workbook_xml
            out.writestr(item.filename, data)
    return path


SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def _sheet_xml(rows: list[bytes], dimension: str | None = None) -> bytes:
    dim = f'<dimension ref="{dimension}"/>'.encode() if dimension else b""
    return SHEET_HEAD + dim + b"<sheetData>" + b"".join(rows) + b"</sheetData></worksheet>"


def _inline(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


HEADER_ROW = b'<row r="1">' + _inline("A1", "Name") + _inline("B1", "Username") + b"</row>"


# ------------------------------------------------------------------ 14. zip bombs, rows
def test_a_workbook_unpacking_past_50_mb_is_refused_before_reading(db, tmp_path: Path) -> None:
    """17 MB that unpack to 470 MB used to pass the limits (500 MB, ratio 200) and cost
    1.4 GB and a minute before refusal; now the zip directory alone refuses it."""
    filler = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>%08x</t></is></c></row>' % (n, n, n * 7919)
        for n in range(2, 1_100_000)
    )
    path = _workbook_with_sheet_xml(tmp_path / "big.xlsx", _sheet_xml([HEADER_ROW, filler]))
    info = {i.filename: i for i in zipfile.ZipFile(path).infolist()}["xl/worksheets/sheet1.xml"]
    assert 50 * 1024 * 1024 < info.file_size < 500 * 1024 * 1024
    assert info.file_size / info.compress_size < 200  # inside the old ratio limit
    started = time.monotonic()
    with pytest.raises(SpreadsheetError, match="zip bomb"):
        read_candidates(db, path)
    assert time.monotonic() - started < 5


def test_a_sheet_declaring_a_million_rows_is_refused_before_reading(db, tmp_path: Path) -> None:
    rows = [HEADER_ROW] + [
        b'<row r="%d">' % n + _inline(f"A{n}", f"P{n}") + _inline(f"B{n}", f"U{n}") + b"</row>"
        for n in range(2, 1000)
    ]
    path = _workbook_with_sheet_xml(
        tmp_path / "declared.xlsx", _sheet_xml(rows, dimension="A1:B1000000")
    )
    with pytest.raises(SpreadsheetError, match="more than 100,000 rows"):
        read_candidates(db, path)


def test_rows_past_the_limit_are_refused_whatever_the_sheet_declares(db, tmp_path: Path) -> None:
    """No <dimension>: the reader stops counting at the limit instead of reading on."""
    n_rows = 100_000 + 20 + 50  # the limit and the rows allowed above a header
    rows = [HEADER_ROW] + [
        b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(2, n_rows + 1)
    ]
    path = _workbook_with_sheet_xml(tmp_path / "many.xlsx", _sheet_xml(rows))
    with pytest.raises(SpreadsheetError, match="more than 100,000 rows"):
        read_candidates(db, path)


def test_a_megabyte_in_one_cell_is_refused_quickly(
    db, db_path: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    """A crafted 1 MiB inline string name used to be imported, and the subject export of
    that person then ran past 150 s."""
    import random
    import string

    huge = "".join(random.Random(7).choices(string.ascii_letters, k=1024 * 1024))
    rows = [
        HEADER_ROW,
        b'<row r="2">' + _inline("A2", huge) + _inline("B2", "Huge") + b"</row>",
    ]
    path = _workbook_with_sheet_xml(tmp_path / "huge.xlsx", _sheet_xml(rows))
    db.close()
    started = time.monotonic()
    code = _cli("--db", str(db_path), "import", "candidates", str(path), "--yes")
    err = capsys.readouterr().err
    assert code == 1 and "Cell A2" in err and "1,048,576 characters" in err, err
    assert time.monotonic() - started < 20
    with Database.open(db_path, PASSPHRASE) as again:
        assert again.counts()["candidates"] == 0


# ------------------------------------------------------------------ 5./6. sentences
@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (b'<c r="C2" t="n"><v>abc</v></c>', "Cell C2 of sheet “Sheet” is stored as a number"),
        (b'<c r="C2" t="n"><v>1.2.3</v></c>', "Cell C2 of sheet “Sheet” is stored as a number"),
        (b'<c r="C2" t="b"><v>maybe</v></c>', "Cell C2 of sheet “Sheet” is stored as yes/no"),
        (b'<c r="C2" t="s"><v>99</v></c>', "Cell C2 of sheet “Sheet” cannot be read"),
    ],
)
def test_a_cell_the_reader_cannot_decode_is_named_in_one_sentence(
    db, db_path: Path, tmp_path: Path, cell: bytes, expected: str, capsys
) -> None:  # type: ignore[no-untyped-def]
    rows = [
        HEADER_ROW,
        b'<row r="2">' + _inline("A2", "Ana Lima") + _inline("B2", "AnaL") + cell + b"</row>",
    ]
    path = _workbook_with_sheet_xml(tmp_path / "cells.xlsx", _sheet_xml(rows))
    with pytest.raises(SpreadsheetError) as info:
        read_candidates(db, path)
    assert str(info.value).startswith(expected), str(info.value)
    db.close()
    code = _cli("--db", str(db_path), "import", "candidates", str(path), "--dry-run")
    err = capsys.readouterr().err
    assert code == 1 and expected in err
    assert not any(t in err for t in PY_TEXTS), err


@pytest.mark.parametrize(
    "cell",
    [b'<c r="D2"><v>1.2.3</v></c>', b'<c r="D2" t="d"><v>2020-13-45</v></c>'],
)
def test_a_cell_read_as_the_text_it_holds_is_judged_like_any_value(
    db, tmp_path: Path, cell: bytes
) -> None:  # type: ignore[no-untyped-def]
    """python-calamine reads an untyped "1.2.3" and a date cell holding "2020-13-45" as
    the text stored: the row is then held back by the date reading, naming the value
    ("1.2.3" could be 1 February or 2 January 2003; 2020-13-45 is no date)."""
    header = (
        b'<row r="1">' + _inline("A1", "Name") + _inline("B1", "Username")
        + _inline("C1", "Consent to store") + _inline("D1", "Date of consent") + b"</row>"
    )  # fmt: skip
    row = b'<row r="2">' + _inline("A2", "Ana Lima") + _inline("B2", "AnaL")
    row += _inline("C2", "yes") + cell + b"</row>"
    path = _workbook_with_sheet_xml(tmp_path / "cells.xlsx", _sheet_xml([header, row]))
    report = read_candidates(db, path)
    held = "1.2.3" if b"1.2.3" in cell else "2020-13-45"
    assert f"Row 2, Date of consent: “{held}”" in "\n".join(report.lines())
    assert not report.ok and not report.records
    assert not any(t in line for t in PY_TEXTS for line in report.lines())


def test_a_workbook_without_sheets_is_a_sentence(db, db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    workbook_xml = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        b"<sheets/></workbook>"
    )
    path = _workbook_with_sheet_xml(
        tmp_path / "nosheets.xlsx", _sheet_xml([HEADER_ROW]), workbook_xml=workbook_xml
    )
    db.close()
    code = _cli("--db", str(db_path), "import", "candidates", str(path), "--dry-run")
    err = capsys.readouterr().err
    assert code == 1 and "no sheets" in err and not any(t in err for t in PY_TEXTS), err


def test_restore_with_db_pointing_at_a_folder_is_a_sentence(db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from wir_manager.services import backups

    saved = backups.backup_now(db, tmp_path / "saved.db")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code = _cli("--db", str(folder), "restore", "--yes", str(saved))
    err = capsys.readouterr().err
    assert code == 1 and "folder" in err and not any(t in err for t in PY_TEXTS), err
    assert list(folder.iterdir()) == []


def _without_read_override() -> list[str]:
    """Root reads any file: run the child without the capabilities that allow it."""
    if os.geteuid() != 0:
        return []
    import shutil

    if shutil.which("setpriv") is None:
        pytest.skip("root without setpriv cannot be kept from reading a file")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def test_a_database_without_read_permission_is_a_sentence(
    db, db_path: Path, tmp_path: Path
) -> None:
    db.close()
    target = tmp_path / "locked.db"
    target.write_bytes(db_path.read_bytes())
    target.chmod(0o000)
    env = {**os.environ, "WIR_MANAGER_PASSPHRASE": PASSPHRASE}
    out = subprocess.run(
        [
            *_without_read_override(),
            sys.executable,
            "-m",
            "wir_manager",
            "--db",
            str(target),
            "info",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 1, out.stderr
    assert "permission" in out.stderr and not any(t in out.stderr for t in PY_TEXTS), out.stderr


def test_a_non_utf8_passphrase_in_the_environment_is_a_sentence(db, db_path: Path) -> None:
    db.close()
    env = {**os.environ}
    env_bytes = {k.encode(): v.encode() for k, v in env.items()}
    env_bytes[b"WIR_MANAGER_PASSPHRASE"] = b"caf\xe9 latin-1 passphrase"
    out = subprocess.run(
        [sys.executable, "-m", "wir_manager", "--db", str(db_path), "info"],
        capture_output=True,
        env=env_bytes,  # type: ignore[arg-type]
        timeout=120,
    )
    err = out.stderr.decode("utf-8", "replace")
    assert out.returncode == 1
    assert "WIR_MANAGER_PASSPHRASE" in err and "UTF-8" in err, err
    assert not any(t in err for t in PY_TEXTS), err


# ------------------------------------------------------------------ 7. atomic exports
TEMPLATE_UNDER_LIMIT = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
from wir_manager.cli.main import main
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
sys.exit(main(["template", "candidates", sys.argv[1]]))
"""


def test_a_template_on_a_full_disk_leaves_no_partial_file_and_no_traceback(
    tmp_path: Path,
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "template.xlsx"
    result = subprocess.run(
        [sys.executable, "-c", TEMPLATE_UNDER_LIMIT, str(target), "4096"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "could not be written" in result.stderr
    assert "Exception ignored" not in result.stderr and "Traceback" not in result.stderr
    assert list(out_dir.iterdir()) == []


def test_an_export_replaces_the_old_file_only_when_complete(demo_db, tmp_path: Path) -> None:
    from wir_manager.services.spreadsheets import export_candidates

    target = tmp_path / "people.xlsx"
    target.write_bytes(b"the previous export")
    seen: list[list[str]] = []
    real_replace = os.replace

    def watching_replace(src, dst):  # type: ignore[no-untyped-def]
        seen.append(sorted(p.name for p in tmp_path.iterdir() if p.is_file()))
        assert Path(dst) == target and target.read_bytes() == b"the previous export"
        return real_replace(src, dst)

    os.replace = watching_replace  # type: ignore[assignment]
    try:
        export_candidates(demo_db, target)
    finally:
        os.replace = real_replace  # type: ignore[assignment]
    assert len(seen) == 1 and any(name.startswith(".partial-") for name in seen[0])
    assert openpyxl.load_workbook(target, read_only=True).worksheets
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["people.xlsx"]
