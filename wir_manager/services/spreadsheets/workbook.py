"""Opening user-supplied .xlsx files safely.

A spreadsheet from e-mail may be anything: an old .xls, a password-protected workbook
(which Excel stores as an OLE2 container, not a zip), a renamed PDF, a huge file or a
zip bomb whose few kilobytes unpack to gigabytes. Each is recognised from its bytes
before openpyxl sees it, and turned into one sentence the user can act on.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from wir_manager.i18n import _
from wir_manager.services.spreadsheets import limits
from wir_manager.services.spreadsheets.errors import SpreadsheetError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

# The limits live in one module every reader passes through (kept importable from here).
MAX_FILE_BYTES = limits.MAX_FILE_BYTES
MAX_UNPACKED_BYTES = limits.MAX_UNPACKED_BYTES
MAX_RATIO = limits.MAX_RATIO


def check_xlsx(path: Path) -> None:
    """Raise :class:`SpreadsheetError` unless ``path`` looks like a safe .xlsx file."""
    name = f"“{path.name}”"
    limits.check_file(path)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE2_MAGIC):
        raise SpreadsheetError(
            _(
                "{name} is password-protected or in the old .xls format; remove the password "
                "or save it as an Excel workbook (.xlsx) and try again."
            ).format(name=name)
        )
    if not head.startswith(ZIP_MAGIC):
        raise SpreadsheetError(
            _("{name} is not an Excel workbook (.xlsx); save it as .xlsx and try again.").format(
                name=name
            )
        )
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            names = {m.filename for m in members}
    except (zipfile.BadZipFile, OSError):
        raise SpreadsheetError(
            _("{name} is damaged or not an Excel workbook (.xlsx).").format(name=name)
        ) from None
    if "xl/workbook.xml" not in names:
        raise SpreadsheetError(
            _("{name} is a zip file but not an Excel workbook (.xlsx).").format(name=name)
        )
    limits.check_zip(path, members)


def open_workbook(path: Path) -> Any:
    """A read-only openpyxl workbook (values, not formulas) after :func:`check_xlsx`."""
    check_xlsx(path)
    _install_cell_guard()
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception:
        raise SpreadsheetError(
            _("“{name}” could not be read as an Excel workbook; it may be damaged.").format(
                name=path.name
            )
        ) from None


def pick_sheet(workbook: Any, preferred: tuple[str, ...]) -> Any:
    """The sheet named like one of ``preferred`` (any case), else the first one.

    A sheet that declares more rows than an import may hold is refused here, before a
    single row is read.
    """
    sheets = workbook.worksheets
    if not sheets:
        raise SpreadsheetError(
            _("The workbook has no sheets; save it again with the data on a sheet.")
        )
    wanted = {p.casefold() for p in preferred}
    chosen = next((ws for ws in sheets if ws.title.casefold() in wanted), sheets[0])
    try:
        declared = chosen.max_row
    except Exception:  # a damaged <dimension>: the row limit still applies while reading
        declared = None
    limits.check_rows(declared, chosen.title)
    return chosen


def rows(sheet: Any) -> Iterator[tuple[Any, ...]]:
    """Cell values row by row (openpyxl's fastest path), within :mod:`limits`."""
    return limits.bounded_rows(sheet.iter_rows(values_only=True), sheet.title)


_guard_installed = False


def _install_cell_guard() -> None:
    """Make openpyxl's read-only cell parser raise :class:`limits.UnreadableCell` (with the
    cell reference) instead of Python's own ``ValueError`` text ("invalid literal for
    int() with base 10", "month must be in 1..12") for a cell whose stored value does not
    fit its declared type."""
    global _guard_installed
    if _guard_installed:
        return
    from openpyxl.worksheet import _read_only, _reader

    base = _reader.WorkSheetParser

    class GuardedParser(base):  # type: ignore[misc, valid-type]
        def parse_cell(self, element: Any) -> Any:
            try:
                return super().parse_cell(element)
            except (ValueError, IndexError, TypeError, OverflowError):
                raw = element.findtext(_reader.VALUE_TAG, None)
                raise limits.UnreadableCell(element.get("r"), element.get("t", "n"), raw) from None

    _read_only.WorkSheetParser = GuardedParser
    _guard_installed = True
