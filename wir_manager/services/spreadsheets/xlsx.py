"""What python-calamine does not tell about an .xlsx, found without reading its rows.

calamine reads a sheet fast but eagerly, and its errors name no cell ("Parse float
error: invalid float literal"). Two guarantees of :mod:`limits` need more:

* :func:`declared_rows` — the row count the sheet's ``<dimension>`` declares, read from
  the first bytes of the sheet's XML in the zip, so a sheet claiming a million rows is
  refused before calamine loads it;
* :func:`unreadable_cell` — after calamine failed, the cell that made it fail, found by
  openpyxl's read-only parser (slow, but only for a file that is already refused), so
  the refusal names the cell and what it holds instead of "it may be damaged".
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any

from wir_manager.services.spreadsheets import limits

#: The ``<dimension>`` element comes before ``<sheetData>``; real files have it within
#: the first kilobyte or two (after sheet properties and views).
_HEAD_BYTES = 64 * 1024
_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref\s*=\s*"[A-Za-z]*(\d+)(?::[A-Za-z]*(\d+))?"')


def _attrs(tag: bytes) -> dict[str, str]:
    return {
        k.decode().rpartition(":")[2] if k.endswith(b":id") else k.decode(): html.unescape(
            v.decode("utf-8", "replace")
        )
        for k, v in _ATTR.findall(tag)
    }


def _sheet_member(zf: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding ``sheet``'s XML, from workbook.xml and its relationships."""
    names = set(zf.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return None
    rel_id = None
    for tag in _SHEET_TAG.findall(zf.read("xl/workbook.xml")):
        attrs = _attrs(tag)
        if attrs.get("name") == sheet:
            rel_id = attrs.get("id")
            break
    if rel_id is None:
        return None
    for tag in _RELATIONSHIP.findall(zf.read("xl/_rels/workbook.xml.rels")):
        attrs = _attrs(tag)
        if attrs.get("Id") == rel_id and "Target" in attrs:
            target = attrs["Target"]
            member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            member = posixpath.normpath(member)
            return member if member in names else None
    return None


def declared_rows(path: Path, sheet: str) -> int | None:
    """The last row the sheet's ``<dimension>`` names, or ``None`` when it names none (the
    row limit then still applies while reading)."""
    try:
        with zipfile.ZipFile(path) as zf:
            member = _sheet_member(zf, sheet)
            if member is None:
                return None
            with zf.open(member) as fh:
                head = fh.read(_HEAD_BYTES)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    found = _DIMENSION.search(head)
    if found is None:
        return None
    return int(found.group(2) or found.group(1))


def unreadable_cell(path: Path, sheet: str) -> limits.UnreadableCell | None:
    """The first cell openpyxl cannot decode as its declared type, if any."""
    from openpyxl import load_workbook

    _install_cell_guard()
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:
        return None
    try:
        ws = wb[sheet] if sheet in wb.sheetnames else wb.worksheets[0]
        for _row in ws.iter_rows(values_only=True):
            pass
    except limits.UnreadableCell as cell:
        return cell
    except Exception:
        return None
    finally:
        wb.close()
    return None


_guard_installed = False


def _install_cell_guard() -> None:
    """Make openpyxl's read-only cell parser raise :class:`limits.UnreadableCell` (with the
    cell reference) instead of Python's own ``ValueError`` text ("invalid literal for
    int() with base 10", "month must be in 1..12")."""
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
