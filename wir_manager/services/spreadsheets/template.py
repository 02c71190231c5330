"""The candidate import template: headers, an example row, drop-downs, a help sheet.

Levels are easiest to get right from a list, so the template offers three
"Language N / Level N" column pairs with a level drop-down and one column per
Wikimedia platform with a 0–3 drop-down, besides the compact "Other languages"
column ("fr:B2; es:B1"). The importer reads both layouts.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from wir_manager.domain.enums import (
    Importance,
    LanguageLevel,
    Platform,
    RequestStatus,
    Stage,
    Topic,
    WorkMode,
)
from wir_manager.i18n import _
from wir_manager.services.candidate_records import FIELD, FIELDS, Kind
from wir_manager.services.localefmt import format_number
from wir_manager.services.spreadsheets import inmemory
from wir_manager.services.spreadsheets.errors import SpreadsheetError
from wir_manager.services.spreadsheets.export import HEADER_FILL, HEADER_FONT, save_workbook
from wir_manager.services.spreadsheets.headers import REQUEST_FIELDS

inmemory.install()

LEVELS = [lvl.label for lvl in LanguageLevel]
STAGES = [s.label for s in Stage]
LANGUAGE_PAIRS = 3


def template_columns() -> list[str]:
    """The candidate sheet's columns, from the field descriptions: languages as
    "Language N / Level N" pairs plus "Other languages", skills as one column per
    platform."""
    cols: list[str] = []
    for spec in FIELDS:
        if spec.kind is Kind.LANGUAGES:
            for n in range(1, LANGUAGE_PAIRS + 1):
                cols += [f"Language {n}", f"Level {n}"]
            cols.append("Other languages")
        elif spec.kind is Kind.SKILLS:
            cols += [p.label for p in Platform]
        else:
            cols.append(spec.header)
    return cols


def _example() -> dict[str, object]:
    example: dict[str, object] = {
        spec.header: spec.example for spec in FIELDS if spec.example is not None
    }
    example.update(
        {
            "Language 1": "ha",
            "Level 1": LanguageLevel.NATIVE.label,
            "Language 2": "en",
            "Level 2": LanguageLevel.C1.label,
            "Other languages": "fr:B1",
            Platform.WIKIPEDIA.label: 3,
            Platform.WIKIDATA.label: 2,
            FIELD["topics"].header: f"{Topic.HEALTH.label}; {Topic.GENDER.label}",
        }
    )
    return example


def write_candidate_template(path: os.PathLike[str] | str, *, rows: int = 500) -> Path:
    """Write the template to ``path`` with validation on the first ``rows`` data rows."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise SpreadsheetError(_("The file name must end in .xlsx."))
    if not path.parent.exists():
        raise SpreadsheetError(_("The folder {path} does not exist.").format(path=path.parent))
    wb = Workbook()
    ws = wb.active
    ws.title = _("Candidates")
    cols = template_columns()
    ws.append(cols)
    example = _example()
    ws.append([example.get(c) for c in cols])
    for i, name in enumerate(cols, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        ws.column_dimensions[get_column_letter(i)].width = max(len(name) + 3, 12)
        if isinstance(example.get(name), dt.date):
            ws.cell(row=2, column=i).number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{rows + 1}"

    def validate(kind_values: list[str], column: str, prompt: str) -> None:
        letter = get_column_letter(cols.index(column) + 1)
        dv = DataValidation(
            type="list", formula1='"' + ",".join(kind_values) + '"', allow_blank=True
        )
        dv.error = _("Choose a value from the list.")
        dv.errorTitle = _("Not in the list")
        dv.prompt = prompt
        dv.showErrorMessage = True
        dv.showInputMessage = True
        dv.add(f"{letter}2:{letter}{rows + 1}")
        ws.add_data_validation(dv)

    for n in range(1, LANGUAGE_PAIRS + 1):
        validate(LEVELS, f"Level {n}", _("CEFR level, or native"))
    for p in Platform:
        validate(["0", "1", "2", "3"], p.label, _("0 none, 1 basic, 2 intermediate, 3 advanced"))
    for spec in FIELDS:
        if spec.kind is Kind.STAGE:
            validate(STAGES, spec.header, _("Programme stage"))
        elif spec.kind is Kind.YES_NO:
            validate(["yes", "no"], spec.header, _("Has the person agreed?"))
        elif spec.kind is Kind.YES_NO_UNKNOWN:
            validate(["yes", "no"], spec.header, _("Yes or no; leave it empty when not known."))
        elif spec.kind is Kind.DATE:
            letter = get_column_letter(cols.index(spec.header) + 1)
            dv = DataValidation(type="date", operator="greaterThan", formula1="1")
            dv.error = _("Enter a date (YYYY-MM-DD).")
            dv.showErrorMessage = True
            dv.add(f"{letter}2:{letter}{rows + 1}")
            ws.add_data_validation(dv)
            for r in range(3, rows + 2):
                ws.cell(row=r, column=cols.index(spec.header) + 1).number_format = "yyyy-mm-dd"
        elif spec.max_length is not None and spec.kind is not Kind.AFFILIATE:
            letter = get_column_letter(cols.index(spec.header) + 1)
            dv = DataValidation(type="textLength", operator="lessThanOrEqual")
            dv.formula1 = str(spec.max_length)
            dv.error = _("At most {n} characters.").format(n=format_number(spec.max_length))
            dv.showErrorMessage = True
            dv.add(f"{letter}2:{letter}{rows + 1}")
            ws.add_data_validation(dv)

    help_ws = wb.create_sheet(_("How to fill in"))
    lines = [
        _("One candidate per row. Name and Username are required; delete the example row."),
        _(
            "Languages: ISO 639 code (ar, fr, zh, sw …) with a level A1–C2 or native, either in "
            "the Language/Level columns or as “ar:C1; fr:B2” under Other languages."
        ),
        _("Platform columns: 0 none, 1 basic, 2 intermediate, 3 advanced."),
        _("Topics, separated by “;”: ") + "; ".join(t.label for t in Topic),
        _("Dates: date cells or YYYY-MM-DD text."),
        _("Consent: yes or no, with the date the person agreed."),
        *(_(spec.help) for spec in FIELDS if spec.help),
    ]
    help_ws.column_dimensions["A"].width = 120
    for line in lines:
        help_ws.append([line])
    help_ws["A1"].font = Font(bold=True)
    help_ws.sheet_properties.tabColor = "1F4E79"
    ws.sheet_properties.tabColor = "1F4E79"
    return save_workbook(wb, path)


def write_request_template(path: os.PathLike[str] | str, *, rows: int = 200) -> Path:
    """The placement request import template: headers, an example, drop-downs for work
    mode and status, and a help sheet explaining the requirement syntax."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise SpreadsheetError(_("The file name must end in .xlsx."))
    if not path.parent.exists():
        raise SpreadsheetError(_("The folder {path} does not exist.").format(path=path.parent))
    cols = [f.label for f in REQUEST_FIELDS]
    example = {
        "Organisation": "WHO",
        "Title": "Wikidata resident for health data",
        "Description": "Open WHO's health statistics on Wikidata and train staff.",
        "Duty city": "Geneva",
        "Duty country": "CH",
        "Work mode": WorkMode.HYBRID.label,
        "Start date": dt.date(2027, 3, 1),
        "Duration (months)": 9,
        "Positions": 1,
        "Deadline": dt.date(2027, 1, 15),
        "Status": RequestStatus.OPEN.label,
        "Allow in training": "no",
        "Languages": "en:C1; fr:B2 or es:B2 (preferred)",
        "Skills": "Wikidata:2; Wikimedia Commons:1 (nice to have)",
        "Topics": Topic.HEALTH.label,
        "Priority regions": "Africa",
    }
    wb = Workbook()
    ws = wb.active
    ws.title = _("Requests")
    ws.append(cols)
    ws.append([example.get(c) for c in cols])
    for i, name in enumerate(cols, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        ws.column_dimensions[get_column_letter(i)].width = max(len(name) + 3, 14)
        if isinstance(example.get(name), dt.date):
            for r in range(2, rows + 2):
                ws.cell(row=r, column=i).number_format = "yyyy-mm-dd"
    ws.column_dimensions[get_column_letter(cols.index("Languages") + 1)].width = 36
    ws.column_dimensions[get_column_letter(cols.index("Skills") + 1)].width = 40
    ws.freeze_panes = "A2"
    for column, values in (
        ("Work mode", [m.label for m in WorkMode]),
        ("Status", [s.label for s in RequestStatus]),
        ("Allow in training", ["yes", "no"]),
    ):
        letter = get_column_letter(cols.index(column) + 1)
        dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
        dv.error = _("Choose a value from the list.")
        dv.showErrorMessage = True
        dv.add(f"{letter}2:{letter}{rows + 1}")
        ws.add_data_validation(dv)
    help_ws = wb.create_sheet(_("How to fill in"))
    help_ws.column_dimensions["A"].width = 120
    for line in (
        _(
            "One request per row. Organisation (name or acronym, already in the app) and "
            "Title are required; delete the example row."
        ),
        _(
            "Languages: “code:level” separated by “;”. Join alternatives with “or” "
            "(at least one of them), and add “(preferred)” or “(nice to have)” at the end "
            "of a requirement; without it the requirement is required."
        ),
        _("Skills: “Platform:level” (1 basic, 2 intermediate, 3 advanced), same rules."),
        _("Importance words: ") + ", ".join(i.label for i in Importance),
        _("Topics, separated by “;”: ") + "; ".join(t.label for t in Topic),
        _("Priority regions: Africa, Americas, Asia, Europe, Oceania (or M49 codes)."),
    ):
        help_ws.append([line])
    return save_workbook(wb, path)
