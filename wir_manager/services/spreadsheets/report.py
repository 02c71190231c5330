"""What an import would do: per-row problems in plain words, before anything is written.

The same report serves the CLI (printed), the GUI wizard (a preview table with problem
rows highlighted) and tests (compared line by line). Errors block the import; warnings
(a name very like an existing person's) are shown but the user may go ahead.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from wir_manager.i18n import _, ngettext
from wir_manager.services.localefmt import format_number

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
    #: How each interpreted cell was read ("Arabic C1"), None where it is taken as is.
    readings: tuple[str | None, ...] = ()

    def raw(self, column: int) -> str:
        return display(self.values[column]) if column < len(self.values) else ""

    def reading(self, column: int) -> str | None:
        return self.readings[column] if column < len(self.readings) else None

    def text(self, column: int) -> str:
        """The cell as typed, and its reading when it was interpreted: "ar-C1 → Arabic C1"."""
        raw = self.raw(column)
        reading = self.reading(column)
        return f"{raw} → {reading}" if reading and reading != raw else raw

    def texts(self) -> tuple[str, ...]:
        return tuple(self.text(i) for i in range(len(self.values)))


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
    #: Existing people the file changes (candidate imports with "update").
    updates: tuple[Any, ...] = ()
    #: The file's header row as written, and its rows with errors in full (row, cells):
    #: what a "problems" workbook holds.
    file_headers: tuple[str, ...] = ()
    bad_rows: tuple[tuple[int, tuple[Any, ...]], ...] = ()
    #: The column mapping used, and how a text file was read (None for a workbook).
    mapping: Any = None
    guess: Any = None
    #: True when the file's date order must be chosen before it can be read.
    date_question: bool = False
    header_row: int = 1
    #: Set when some consent is dated by the import: the file name recorded as source.
    consent_source: str | None = None

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
    def file_errors(self) -> tuple[Problem, ...]:
        """Errors about the file as a whole (a missing column, the date order): no row
        can be imported until they are fixed."""
        return tuple(p for p in self.errors if p.row in (0, self.header_row))

    @property
    def good_rows_possible(self) -> bool:
        """Some rows can be imported while the others go to a problems workbook."""
        return not self.file_errors and bool(self.records or self.updates)

    @property
    def problem_rows(self) -> int:
        return len({p.row for p in self.errors if p.row not in (0, self.header_row)})

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
        if self.guess is not None:  # a text file has no sheets to name
            head = ngettext(
                "{file}: {rows} row of {what} read",
                "{file}: {rows} rows of {what} read",
                self.rows_read,
            ).format(file=self.file_name, rows=format_number(self.rows_read), what=what)
        else:
            head = ngettext(
                "{file} (sheet “{sheet}”): {rows} row of {what} read",
                "{file} (sheet “{sheet}”): {rows} rows of {what} read",
                self.rows_read,
            ).format(
                file=self.file_name,
                sheet=self.sheet,
                rows=format_number(self.rows_read),
                what=what,
            )
        if self.blank_rows:
            head += ngettext(
                ", {n} blank row skipped", ", {n} blank rows skipped", self.blank_rows
            ).format(n=format_number(self.blank_rows))
        head += "."
        if self.errors:
            n = len(self.errors)
            tail = ngettext(
                "{n} problem must be fixed in the file before it can be imported.",
                "{n} problems must be fixed in the file before it can be imported.",
                n,
            ).format(n=format_number(n))
            if self.good_rows_possible:
                good, bad = len(self.records) + len(self.updates), self.problem_rows
                tail += " " + _(
                    "Or import {good} now and fix {bad} in a problems workbook."
                ).format(
                    good=ngettext("the {n} good row", "the {n} good rows", good).format(
                        n=format_number(good)
                    ),
                    bad=ngettext("the {n} other", "the {n} others", bad).format(
                        n=format_number(bad)
                    ),
                )
        else:
            n = len(self.records)
            tail = ngettext(
                "{n} new record can be imported.", "{n} new records can be imported.", n
            ).format(n=format_number(n))
        if self.updates:
            n = len(self.updates)
            tail += " " + ngettext(
                "{n} existing candidate will be updated.",
                "{n} existing candidates will be updated.",
                n,
            ).format(n=format_number(n))
        return f"{head} {tail}"


@dataclass(frozen=True)
class ImportResult:
    kind: str
    created: int
    dry_run: bool
    ids: tuple[int, ...] = ()
    new_affiliates: tuple[str, ...] = ()
    updated: int = 0
    skipped: int = 0
    problems_file: str | None = None
