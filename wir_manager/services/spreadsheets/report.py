"""What an import would do: per-row problems in plain words, before anything is written.

The same report serves the CLI (printed), the GUI wizard (a preview table with problem
rows highlighted) and tests (compared line by line). Errors block the import; warnings
(a name very like an existing person's) are shown but the user may go ahead.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from wir_manager.i18n import _

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    #: Row number as the spreadsheet program shows it (1 = header row); 0 = the file.
    row: int
    #: Column header as written in the sheet ("" when about the whole row).
    column: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = (
            _("Row {row}, {column}").format(row=self.row, column=self.column)
            if self.column
            else _("Row {row}").format(row=self.row)
        )
        if self.row == 0:
            where = _("File")
        prefix = _("Warning: ") if self.severity == WARNING else ""
        return f"{prefix}{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One data row as the wizard shows it, in the matched columns' order.

    ``values`` are the raw cell values; :meth:`texts` turns them into display strings
    only when a view asks (10,000 rows need not all be formatted up front).
    """

    row: int
    values: tuple[Any, ...]

    def text(self, column: int) -> str:
        return display(self.values[column]) if column < len(self.values) else ""

    def texts(self) -> tuple[str, ...]:
        return tuple(display(v) for v in self.values)


def display(value: Any) -> str:
    """A cell value as the user typed it (dates as YYYY-MM-DD, whole floats without .0)."""
    import datetime as dt

    from wir_manager.services.safe_text import restore_formula_text

    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(restore_formula_text(str(value)))


@dataclass(frozen=True)
class ImportReport:
    kind: str  # "candidates" or "requests"
    file_name: str
    sheet: str
    headers: tuple[str, ...]
    preview: tuple[PreviewRow, ...]
    records: tuple[Any, ...]
    record_rows: tuple[int, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...] = ()
    blank_rows: int = 0
    new_affiliates: tuple[str, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == WARNING)

    @property
    def ok(self) -> bool:
        """True when the import may go ahead (warnings allowed)."""
        return not self.errors

    @property
    def rows_read(self) -> int:
        return len(self.preview)

    def problems_by_row(self) -> dict[int, list[Problem]]:
        grouped: dict[int, list[Problem]] = defaultdict(list)
        for p in self.problems:
            grouped[p.row].append(p)
        return dict(grouped)

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]

    def summary(self) -> str:
        what = _("candidates") if self.kind == "candidates" else _("placement requests")
        head = _("{file} (sheet “{sheet}”): {rows} rows of {what} read").format(
            file=self.file_name, sheet=self.sheet, rows=self.rows_read, what=what
        )
        if self.blank_rows:
            head += _(", {n} blank rows skipped").format(n=self.blank_rows)
        head += "."
        if self.errors:
            tail = _("{n} problem(s) must be fixed in the file before it can be imported.").format(
                n=len(self.errors)
            )
        else:
            tail = _("{n} new record(s) can be imported.").format(n=len(self.records))
        return f"{head} {tail}"


@dataclass(frozen=True)
class ImportResult:
    kind: str
    created: int
    dry_run: bool
    ids: tuple[int, ...] = ()
    new_affiliates: tuple[str, ...] = ()
