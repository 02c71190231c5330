"""Every file a programme really has, read the same way: .xlsx, .ods, .xls and .csv.

One door for every reader (candidates, requests, training): :func:`open_table` checks the
file's bytes first (size, zip bombs, the old or password-protected OLE2 container, a
renamed PDF), then reads workbooks with ``python-calamine`` (Rust; several times faster
than openpyxl's read-only mode and reads .ods and .xls too) and text files with the
standard ``csv`` module after guessing the encoding (UTF-8 with or without BOM, UTF-16,
Windows-1252) and the delimiter (comma, semicolon or tab). The guess is returned as a
:class:`CsvGuess` so the wizard and the CLI can show it and let the user change it.

Cells come out as Python values with ``None`` for an empty cell, whatever the format,
so the value parsers need not care where a row came from. Row numbers are kept as the
spreadsheet program shows them (leading empty rows are yielded as empty rows).
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from wir_manager.i18n import _
from wir_manager.services.spreadsheets import limits, xlsx
from wir_manager.services.spreadsheets.errors import SpreadsheetError

# The limits every reader shares (file, unpacked size, rows, cell length): one module.
MAX_FILE_BYTES = limits.MAX_FILE_BYTES
MAX_UNPACKED_BYTES = limits.MAX_UNPACKED_BYTES
MAX_RATIO = limits.MAX_RATIO
MAX_CELL_CHARS = limits.MAX_CELL_CHARS
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
#: OOXML files saved with a password are OLE2 containers holding this stream.
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
SNIFF_BYTES = 64 * 1024
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".ods", ".xls"}


class FileFormat(StrEnum):
    XLSX = "xlsx"
    ODS = "ods"
    XLS = "xls"
    CSV = "csv"

    @property
    def label(self) -> str:
        return {
            FileFormat.XLSX: "Excel workbook (.xlsx)",
            FileFormat.ODS: "OpenDocument spreadsheet (.ods)",
            FileFormat.XLS: "Excel 97–2003 workbook (.xls)",
            FileFormat.CSV: "Text file (.csv)",
        }[self]


#: Encodings a CSV may be read with, in the order the wizard lists them.
ENCODINGS: tuple[str, ...] = ("utf-8-sig", "utf-8", "utf-16", "cp1252")
#: Delimiters a CSV may use.
DELIMITERS: tuple[str, ...] = (",", ";", "\t")


def encoding_label(encoding: str) -> str:
    return {
        "utf-8-sig": _("UTF-8 with BOM"),
        "utf-8": "UTF-8",
        "utf-16": "UTF-16",
        "utf-16-le": "UTF-16",
        "utf-16-be": "UTF-16",
        "cp1252": _("Windows-1252 (Western European)"),
    }.get(encoding, encoding)


def delimiter_label(delimiter: str) -> str:
    return {",": _("comma"), ";": _("semicolon"), "\t": _("tab")}.get(delimiter, delimiter)


@dataclass(frozen=True, slots=True)
class CsvGuess:
    """How a text file was read; shown to the user, who may choose otherwise."""

    encoding: str
    delimiter: str

    def describe(self) -> str:
        return _("{encoding}, {delimiter}-separated").format(
            encoding=encoding_label(self.encoding), delimiter=delimiter_label(self.delimiter)
        )


@dataclass
class Table:
    """One sheet (or one CSV file) of a file, read row by row.

    ``rows`` is a one-shot iterator of tuples (``None`` for empty cells); row 1 is the
    first yielded row. ``height`` is the number of rows the file says it has (a progress
    hint, 0 when unknown).
    """

    file_name: str
    format: FileFormat
    sheet: str
    sheets: tuple[str, ...]
    rows: Iterator[tuple[Any, ...]]
    height: int = 0
    guess: CsvGuess | None = None
    _closer: Any = field(default=None, repr=False)

    def close(self) -> None:
        if self._closer is not None:
            self._closer()
            self._closer = None

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- checks
def _name(path: Path) -> str:
    return f"“{path.name}”"


def check_file(path: Path) -> FileFormat:
    """The file's real format from its bytes, after the checks every format shares;
    raises :class:`SpreadsheetError` (one sentence) for anything that must not be opened."""
    name = _name(path)
    limits.check_file(path)
    with open(path, "rb") as fh:
        head = fh.read(SNIFF_BYTES)
    suffix = path.suffix.lower()
    if head.startswith(OLE2_MAGIC):
        if _ENCRYPTED_STREAM in head or suffix in {".xlsx", ".xlsm"}:
            raise SpreadsheetError(
                _(
                    "{name} is password-protected; remove the password (or save an unprotected "
                    "copy) and try again."
                ).format(name=name)
            )
        return FileFormat.XLS
    if head.startswith(ZIP_MAGIC):
        return _check_zip(path)
    if suffix in WORKBOOK_SUFFIXES or head.startswith(b"%PDF"):
        raise SpreadsheetError(
            _(
                "{name} is not a spreadsheet (.xlsx, .ods, .xls or .csv); save it as one and "
                "try again."
            ).format(name=name)
        )
    if _looks_binary(head):
        raise SpreadsheetError(
            _(
                "{name} is not a spreadsheet or a text file (.xlsx, .ods, .xls or .csv); "
                "save it as one and try again."
            ).format(name=name)
        )
    return FileFormat.CSV


def _check_zip(path: Path) -> FileFormat:
    name = _name(path)
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            names = {m.filename for m in members}
            mimetype = zf.read("mimetype")[:200] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, EOFError):
        raise SpreadsheetError(
            _("{name} is damaged or not a spreadsheet (.xlsx or .ods).").format(name=name)
        ) from None
    if "xl/workbook.xml" in names:
        kind = FileFormat.XLSX
    elif "content.xml" in names and mimetype.strip() == ODS_MIMETYPE:
        kind = FileFormat.ODS
    else:
        raise SpreadsheetError(
            _("{name} is a zip file but not a spreadsheet (.xlsx or .ods).").format(name=name)
        )
    limits.check_zip(path, members)
    return kind


def _looks_binary(head: bytes) -> bool:
    """NUL bytes outside a UTF-16 text, or many control bytes: not a text file."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head):
        return False
    if b"\0" in head:
        return True
    controls = sum(1 for b in head[:4096] if b < 9 or 13 < b < 32)
    return controls > len(head[:4096]) // 20


def _utf16_without_bom(head: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when every other byte of mostly-ASCII text is NUL."""
    sample = head[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.6 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.6 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


# --------------------------------------------------------------------------- csv
def guess_encoding(data: bytes) -> str:
    """BOMs first; then UTF-16 by its NUL pattern; UTF-8 when it decodes; else
    Windows-1252, the encoding Excel on Western-European Windows saves "CSV" in."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    bare16 = _utf16_without_bom(data[:SNIFF_BYTES])
    if bare16:
        return bare16
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def guess_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same number (> 1) of fields most
    consistently; comma when nothing splits (a one-column file)."""
    lines = text[:SNIFF_BYTES].splitlines()[:30]
    sample = "\n".join(lines)
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not counts:
            continue
        width, agreeing = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        score = (agreeing, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _decode(path: Path, data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise SpreadsheetError(
            _("“{name}” cannot be read as {encoding}; choose another encoding.").format(
                name=path.name, encoding=encoding_label(encoding)
            )
        ) from None
    return text.lstrip("\ufeff")


def _csv_rows(path: Path, text: str, delimiter: str) -> Iterator[tuple[Any, ...]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            # A blank cell is None, as the workbook readers give it (isspace copies
            # nothing, unlike strip).
            yield tuple([None if not cell or cell.isspace() else cell for cell in row])
    except csv.Error:
        raise SpreadsheetError(
            _(
                "“{name}” has a line the CSV reader cannot split (near line {line}); check "
                "its quotes and the delimiter."
            ).format(name=path.name, line=reader.line_num)
        ) from None


# --------------------------------------------------------------------------- workbooks
def _calamine_rows(sheet: Any) -> Iterator[tuple[Any, ...]]:
    # calamine yields rows from row 1 (leading empty rows included) but cells from the
    # first used column: pad them so column positions are the sheet's.
    _start_row, start_col = sheet.start or (0, 0)
    pad = (None,) * start_col
    for row in sheet.iter_rows():
        yield pad + tuple([None if v == "" else v for v in row])


def _pick(names: Sequence[str], sheet: str | None, preferred: Sequence[str]) -> str:
    if sheet is not None:
        if sheet not in names:
            raise SpreadsheetError(_("The file has no sheet named “{sheet}”.").format(sheet=sheet))
        return sheet
    wanted = {p.casefold() for p in preferred}
    for name in names:
        if name.casefold() in wanted:
            return name
    return names[0]


def open_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    preferred: Sequence[str] = (),
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Table:
    """Check and open ``path``; the sheet named ``sheet``, else one named like
    ``preferred``, else the first. For a CSV, ``encoding`` and ``delimiter`` override the
    guess. Raises :class:`SpreadsheetError` with one sentence for a file that cannot be
    used."""
    path = Path(path)
    kind = check_file(path)
    if kind is FileFormat.CSV:
        data = path.read_bytes()
        guessed = guess_encoding(data)
        chosen = encoding or guessed
        text = _decode(path, data, chosen)
        guess = CsvGuess(chosen, delimiter or guess_delimiter(text))
        return Table(
            path.name,
            kind,
            path.stem,
            (path.stem,),
            limits.bounded_rows(_csv_rows(path, text, guess.delimiter), path.stem),
            text.count("\n") + 1,
            guess,
        )
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:
        raise _read_error(path, kind, exc) from None
    try:
        names = [
            meta.name for meta in workbook.sheets_metadata if "WorkSheet" in str(meta.typ)
        ] or list(workbook.sheet_names)
        if not names:
            raise SpreadsheetError(_("“{name}” has no sheets.").format(name=path.name))
        chosen_sheet = _pick(names, sheet, preferred)
        if kind is FileFormat.XLSX:  # calamine loads the whole sheet: check its claim first
            limits.check_rows(xlsx.declared_rows(path, chosen_sheet), chosen_sheet)
        try:
            ws = workbook.get_sheet_by_name(chosen_sheet)
        except Exception:
            # calamine's error names no cell; openpyxl finds it (only for a refused file).
            bad = xlsx.unreadable_cell(path, chosen_sheet) if kind is FileFormat.XLSX else None
            if bad is not None:
                raise limits.unreadable(bad, chosen_sheet) from None
            raise
    except SpreadsheetError:
        workbook.close()
        raise
    except Exception as exc:
        workbook.close()
        raise _read_error(path, kind, exc) from None
    limits.check_rows(int(ws.total_height or 0), chosen_sheet)  # before a row is read
    return Table(
        path.name,
        kind,
        chosen_sheet,
        tuple(names),
        limits.bounded_rows(_guarded(path, kind, _calamine_rows(ws)), chosen_sheet),
        int(ws.total_height or 0),
        None,
        workbook.close,
    )


def _read_error(path: Path, kind: FileFormat, exc: BaseException) -> SpreadsheetError:
    if type(exc).__name__ == "PasswordError":
        return SpreadsheetError(
            _(
                "“{name}” is password-protected; remove the password (or save an unprotected "
                "copy) and try again."
            ).format(name=path.name)
        )
    return SpreadsheetError(
        _("“{name}” could not be read as {format}; it may be damaged.").format(
            name=path.name, format=kind.label
        )
    )


def _guarded(path: Path, kind: FileFormat, rows: Iterator[tuple[Any, ...]]) -> Iterator[Any]:
    """Workbook rows with the reader's own failures (damaged XML deep in a sheet) turned
    into one sentence, never a Rust error's text."""
    try:
        yield from rows
    except SpreadsheetError:
        raise
    except Exception as exc:
        raise _read_error(path, kind, exc) from None


def read_all(path: Path | str, **options: Any) -> tuple[Table, list[tuple[Any, ...]]]:
    """Every row of a (small) file at once, for tests and for the header preview."""
    with open_table(path, **options) as table:
        return table, list(table.rows)
