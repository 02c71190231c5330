"""The "problems" workbook: the rows that could not be imported, ready to fix and re-import.

When the user imports only the good rows, the others go to a new .xlsx with the file's
own columns in their order, the cells exactly as they were (dates stay dates, text
stays text, formulas neutralised), and one more column, :data:`FIX_HEADER`, saying what
to fix in plain words. The importer ignores that column, so the same workbook — fixed —
is imported again with the same mapping.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from wir_manager.i18n import _
from wir_manager.services.spreadsheets import inmemory
from wir_manager.services.spreadsheets.export import SheetWriter, check_target, save_workbook
from wir_manager.services.spreadsheets.report import Problem

inmemory.install()

#: The extra column's header, in English and Swedish (both are ignored on re-import).
FIX_HEADER = "What to fix"
FIX_HEADERS = ("What to fix", "Att rätta")


def fix_header() -> str:
    return _("What to fix")


def write_problems_workbook(
    path: os.PathLike[str] | str,
    headers: Sequence[str],
    rows: Sequence[tuple[int, Sequence[Any], Sequence[Problem]]],
) -> int:
    """Write ``rows`` — (row number in the source file, raw cell values in ``headers``
    order, that row's problems) — to ``path``; returns the number of rows written."""
    path = Path(path)
    check_target(path)
    wb = Workbook(write_only=True)
    sheet = SheetWriter(wb, _("Problems"), [*headers, fix_header()])
    for number, raw, problems in rows:
        cells = [raw[i] if i < len(raw) else None for i in range(len(headers))]
        fix = " ".join(
            (f"{p.column}: {p.message}" if p.column else p.message) for p in problems
        ) or _("Row {row}").format(row=number)
        sheet.append([*cells, fix])
    sheet.finish()
    save_workbook(wb, path)  # private (0600) and atomic, like every export
    return len(rows)
