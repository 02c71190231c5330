"""How much a spreadsheet may hold, checked before it is read — for every format.

A real programme's sheet has a few thousand rows of short text. A hostile one (from
e-mail) may be a zip bomb whose 17 MB unpack to 470 MB, a million-row sheet, or one cell
holding a megabyte of text that later stalls a PDF. Every reader (openpyxl for .xlsx,
python-calamine for .xls/.ods/.xlsb, the CSV reader) goes through this module:

* :func:`check_file` — exists, is a file, not empty, at most :data:`MAX_FILE_BYTES`;
* :func:`check_zip` — for zip-based formats (.xlsx, .xlsm, .ods): the *declared* unpacked
  size of all members and the compression ratio, read from the zip directory before any
  member is unpacked;
* :func:`check_rows` — a declared sheet size (``<dimension>``, calamine's height) beyond
  :data:`MAX_ROWS`, before the rows are read;
* :func:`bounded_rows` — wraps the row iterator of any reader: stops at :data:`MAX_ROWS`
  rows whatever the file declared, refuses a cell longer than :data:`MAX_CELL_CHARS`,
  and turns a cell the reader cannot decode (a number cell holding ``abc``, a date cell
  ``2020-13-45``) into one sentence naming the cell.

Each refusal is a :class:`SpreadsheetError` with one sentence; nothing is written.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wir_manager.i18n import _
from wir_manager.services.localefmt import format_number
from wir_manager.services.spreadsheets.errors import SpreadsheetError

#: The file itself.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: All members of a zip-based workbook, unpacked (a 100,000-row sheet of candidates is
#: about 30 MB of XML).
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
#: Unpacked / packed size of one large member; sheet XML compresses about 10:1, a zip
#: bomb a thousand to one.
MAX_RATIO = 100
#: Members smaller than this are not judged by their ratio (a sheet of blank rows
#: compresses very well and is harmless when small).
RATIO_FLOOR = 1_000_000
#: Data rows one import may hold (plus a few rows above the header).
MAX_ROWS = 100_000
ROW_ALLOWANCE = 20
#: Characters one cell may hold: Excel's own limit, so no real workbook exceeds it.
MAX_CELL_CHARS = 32_767


def quoted(path: Path) -> str:
    return f"“{path.name}”"


def check_file(path: Path) -> int:
    """Refuse what is no file or too large; returns the size in bytes."""
    name = quoted(path)
    if not path.exists():
        raise SpreadsheetError(_("There is no file {path}.").format(path=path))
    if path.is_dir():
        raise SpreadsheetError(_("{name} is a folder, not a spreadsheet.").format(name=name))
    try:
        size = path.stat().st_size
        with open(path, "rb"):
            pass
    except PermissionError:
        raise SpreadsheetError(
            _("{name} cannot be read (no permission); check who owns it.").format(name=name)
        ) from None
    if size == 0:
        raise SpreadsheetError(_("{name} is empty.").format(name=name))
    if size > MAX_FILE_BYTES:
        raise SpreadsheetError(
            _("{name} is too large ({mb} MB); the limit is {limit} MB.").format(
                name=name, mb=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)
            )
        )
    return size


def _bomb(path: Path) -> SpreadsheetError:
    return SpreadsheetError(
        _(
            "{name} unpacks to far more data than a spreadsheet holds (a “zip bomb”); it was "
            "not opened."
        ).format(name=quoted(path))
    )


def check_zip(path: Path, members: Iterable[zipfile.ZipInfo]) -> None:
    """Refuse a zip whose declared unpacked size or compression ratio is too large.

    The sizes come from the zip's central directory; a member that lies about its size
    is stopped by :mod:`zipfile` itself (it raises when more bytes come out than
    declared), so no member is ever inflated past what was checked here.
    """
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if total > MAX_UNPACKED_BYTES or (member.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise _bomb(path)


def check_body_rows(count: int, limit: int = MAX_ROWS) -> None:
    """Refuse a sheet whose rows (below its header, or all read so far) exceed ``limit``
    (:data:`MAX_ROWS` or a little more for the header search): one sentence, for every
    kind of import."""
    if count > limit:
        raise SpreadsheetError(
            _("The sheet has more than {n} rows; split it into smaller files.").format(
                n=format_number(MAX_ROWS)
            )
        )


def too_many_rows(sheet: str) -> SpreadsheetError:
    return SpreadsheetError(
        _(
            "Sheet “{sheet}” has more than {n} rows; split it into smaller files and import "
            "them one by one."
        ).format(sheet=sheet, n=format_number(MAX_ROWS))
    )


def check_rows(declared_rows: int | None, sheet: str) -> None:
    """Refuse a sheet that says it is larger than an import may be (before reading it)."""
    if declared_rows is not None and declared_rows > MAX_ROWS + ROW_ALLOWANCE:
        raise too_many_rows(sheet)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_too_long(sheet: str, row: int, column: int, length: int) -> SpreadsheetError:
    return SpreadsheetError(
        _(
            "Cell {cell} of sheet “{sheet}” holds {n} characters, more than a spreadsheet "
            "cell can ({limit}); the file was not imported."
        ).format(
            cell=f"{column_letter(column)}{row}",
            sheet=sheet,
            n=format_number(length),
            limit=format_number(MAX_CELL_CHARS),
        )
    )


class UnreadableCell(ValueError):
    """A reader met a cell whose stored value does not fit its declared type."""

    def __init__(self, coordinate: str | None, kind: str, raw: str | None) -> None:
        super().__init__(coordinate or "")
        self.coordinate = coordinate
        self.kind = kind
        self.raw = raw


def unreadable(cell: UnreadableCell, sheet: str) -> SpreadsheetError:
    """The sentence for a cell the reader could not decode (never Python's own text)."""
    where = cell.coordinate or "?"
    raw = (cell.raw or "").strip()
    shown = raw if len(raw) <= 40 else raw[:39] + "…"
    if cell.kind == "n":
        text = _(
            "Cell {cell} of sheet “{sheet}” is stored as a number but holds “{value}”; "
            "retype it as a number (or format the cell as text) and import again."
        )
    elif cell.kind == "d":
        text = _(
            "Cell {cell} of sheet “{sheet}” is stored as a date but holds “{value}”, which "
            "is not a real date; write it as YYYY-MM-DD and import again."
        )
    elif cell.kind == "b":
        text = _(
            "Cell {cell} of sheet “{sheet}” is stored as yes/no but holds “{value}”; retype "
            "it and import again."
        )
    else:
        text = _(
            "Cell {cell} of sheet “{sheet}” cannot be read (the file refers to text that is "
            "not in it); it may be damaged — save it again from the spreadsheet program."
        )
    return SpreadsheetError(text.format(cell=where, sheet=sheet, value=shown))


def bounded_rows(rows: Iterable[tuple[Any, ...]], sheet: str) -> Iterator[tuple[Any, ...]]:
    """``rows`` with the row count and cell length limits applied while reading.

    Row numbers count from 1 as the spreadsheet shows them (the readers yield every row,
    blank ones included).
    """
    limit = MAX_ROWS + ROW_ALLOWANCE
    it = iter(rows)
    number = 0
    while True:
        try:
            row = next(it)
        except StopIteration:
            return
        except UnreadableCell as cell:
            raise unreadable(cell, sheet) from None
        number += 1
        if number > limit:
            raise too_many_rows(sheet)
        for value in row:
            if type(value) is str and len(value) > MAX_CELL_CHARS:
                column = next(i for i, v in enumerate(row) if v is value)
                raise cell_too_long(sheet, number, column, len(value))
        yield row


__all__ = [
    "MAX_CELL_CHARS",
    "MAX_FILE_BYTES",
    "MAX_RATIO",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "UnreadableCell",
    "bounded_rows",
    "check_file",
    "check_rows",
    "check_zip",
    "column_letter",
]
