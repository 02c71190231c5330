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
from wir_manager.services.spreadsheets.errors import SpreadsheetError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, per member
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


def check_xlsx(path: Path) -> None:
    """Raise :class:`SpreadsheetError` unless ``path`` looks like a safe .xlsx file."""
    name = f"“{path.name}”"
    if not path.exists():
        raise SpreadsheetError(_("There is no file {path}.").format(path=path))
    if path.is_dir():
        raise SpreadsheetError(_("{name} is a folder, not a spreadsheet.").format(name=name))
    size = path.stat().st_size
    if size == 0:
        raise SpreadsheetError(_("{name} is empty.").format(name=name))
    if size > MAX_FILE_BYTES:
        raise SpreadsheetError(
            _("{name} is too large ({mb} MB); the limit is {limit} MB.").format(
                name=name, mb=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)
            )
        )
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
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if total > MAX_UNPACKED_BYTES or (member.file_size > 10_000_000 and ratio > MAX_RATIO):
            raise SpreadsheetError(
                _(
                    "{name} unpacks to far more data than a spreadsheet holds "
                    "(a “zip bomb”); it was not opened."
                ).format(name=name)
            )


def open_workbook(path: Path) -> Any:
    """A read-only openpyxl workbook (values, not formulas) after :func:`check_xlsx`."""
    check_xlsx(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception:
        raise SpreadsheetError(
            _("“{name}” could not be read as an Excel workbook; it may be damaged.").format(
                name=path.name
            )
        ) from None


def pick_sheet(workbook: Any, preferred: tuple[str, ...]) -> Any:
    """The sheet named like one of ``preferred`` (any case), else the first one."""
    wanted = {p.casefold() for p in preferred}
    for ws in workbook.worksheets:
        if ws.title.casefold() in wanted:
            return ws
    return workbook.worksheets[0]


def rows(sheet: Any) -> Iterator[tuple[Any, ...]]:
    """Cell values row by row (openpyxl's fastest path)."""
    yield from sheet.iter_rows(values_only=True)
