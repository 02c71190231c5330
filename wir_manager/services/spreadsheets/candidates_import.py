"""Import candidates from .xlsx: read and validate every row, then write all or nothing.

Phase 1 (:func:`read_candidates`) reads the sheet once with openpyxl's read-only
iterator, parses each cell, and checks each row against the database (username, e-mail,
near-identical names) and against the other rows. Nothing is written; the result is an
:class:`ImportReport`. Phase 2 (:func:`write_candidates`) runs only when the report has
no errors and the user accepted it: Core bulk inserts in ONE transaction, audited as one
``import`` entry. A failure or Cancel anywhere in phase 2 rolls everything back.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from wir_manager.domain.enums import AuditAction, Platform, Stage
from wir_manager.i18n import _
from wir_manager.services import candidate_records
from wir_manager.services.candidate_records import FIELD, CandidateData, Kind
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.services.records import LanguageSkill, PlatformSkill
from wir_manager.services.spreadsheets import cells, limits
from wir_manager.services.spreadsheets.cells import CellProblem
from wir_manager.services.spreadsheets.errors import ImportRefusedError, SpreadsheetError
from wir_manager.services.spreadsheets.headers import (
    CANDIDATE_FIELDS,
    REQUIRED_CANDIDATE_FIELDS,
    candidate_field,
    label_of,
)
from wir_manager.services.spreadsheets.report import (
    WARNING,
    ImportReport,
    ImportResult,
    PreviewRow,
    Problem,
)
from wir_manager.services.spreadsheets.workbook import open_workbook, pick_sheet, rows
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.ids import new_ids

MAX_ROWS = limits.MAX_ROWS
BATCH = 2_000
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True, slots=True)
class CandidateRow:
    """One checked row: the candidate exactly as the editor would save it, and the
    affiliate by name (a new one is added on write)."""

    data: CandidateData
    affiliate: str | None = None


@dataclass
class _Existing:
    usernames: dict[str, int]
    emails: dict[str, int]
    names: dict[str, tuple[int, str]]
    affiliates: dict[str, int]


def _existing(db: Database) -> _Existing:
    with db.engine.connect() as conn:
        usernames: dict[str, int] = {}
        emails: dict[str, int] = {}
        names: dict[str, tuple[int, str]] = {}
        for cid, username, email, name in conn.execute(
            select(m.Candidate.id, m.Candidate.username, m.Candidate.email, m.Candidate.full_name)
        ):
            usernames[username.casefold()] = cid
            if email:
                emails[email.casefold()] = cid
            names.setdefault(cells.name_key(name), (cid, name))
        affiliates = {
            name.casefold(): aid
            for aid, name in conn.execute(select(m.Affiliate.id, m.Affiliate.name))
        }
    return _Existing(usernames, emails, names, affiliates)


def _find_header(rows: list[tuple[Any, ...]]) -> int:
    """Index of the header row: the first row with a Name or Username header."""
    for i, row in enumerate(rows):
        keys = {candidate_field(v) for v in row if not cells.is_blank(v)}
        if keys & set(REQUIRED_CANDIDATE_FIELDS):
            return i
    return -1


_WIDE = 2**62  # whole-number cells are parsed here and range-checked by the validation


#: How a cell of each kind of field is read (the range and format rules are the
#: validation's, shared with the editor).
_PARSERS: dict[Kind, Callable[[Any], Any]] = {
    Kind.TEXT: cells.text,
    Kind.LONG_TEXT: cells.text,
    Kind.USERNAME: cells.text,
    Kind.EMAIL: cells.text,
    Kind.COUNTRY: cells.country_cell,
    Kind.AFFILIATE: cells.text,
    Kind.STAGE: cells.stage,
    Kind.DATE: cells.date,
    Kind.YEAR: lambda v: cells.whole_number(v, low=-_WIDE, high=_WIDE, what=_("the year")),
    Kind.COUNT: lambda v: cells.whole_number(v, low=-_WIDE, high=_WIDE, what=_("the number")),
    Kind.YES_NO: cells.yes_no,
    Kind.YES_NO_UNKNOWN: cells.yes_no_blank,
    Kind.LANGUAGES: cells.languages,
    Kind.SKILLS: cells.skills,
    Kind.TOPICS: cells.topics,
}


def read_candidates(
    db: Database, path: os.PathLike[str] | str, progress: Progress = NO_PROGRESS
) -> ImportReport:
    """Validate a candidate sheet against the database; writes nothing."""
    path = Path(path)
    wb = open_workbook(path)
    try:
        sheet = pick_sheet(wb, ("candidates", "candidate", "people"))
        return _read_sheet(db, path, sheet, progress)
    finally:
        wb.close()


def _read_sheet(db: Database, path: Path, sheet: Any, progress: Progress) -> ImportReport:
    it = rows(sheet)
    head_rows: list[tuple[Any, ...]] = []
    for row in it:
        head_rows.append(row)
        if len(head_rows) >= HEADER_SEARCH_ROWS or _find_header(head_rows[-1:]) == 0:
            break
    h = _find_header(head_rows)
    if h < 0:
        raise SpreadsheetError(
            _(
                "No header row with a “Name” or “Username” column was found in the first "
                "{n} rows of sheet “{sheet}”."
            ).format(n=HEADER_SEARCH_ROWS, sheet=sheet.title)
        )
    header = head_rows[h]
    header_row_number = h + 1
    columns: list[tuple[int, str, str]] = []  # (index, field key, header text)
    notes: list[str] = []
    seen_keys: dict[str, str] = {}
    for i, value in enumerate(header):
        if cells.is_blank(value):
            continue
        title = str(value).strip()
        key = candidate_field(value)
        if key is None:
            notes.append(_("Column “{name}” is not used.").format(name=title))
            continue
        if key in seen_keys:
            notes.append(
                _("Column “{name}” repeats “{first}” and is not used.").format(
                    name=title, first=seen_keys[key]
                )
            )
            continue
        seen_keys[key] = title
        columns.append((i, key, title))
    problems: list[Problem] = []
    for key in REQUIRED_CANDIDATE_FIELDS:
        if key not in seen_keys:
            problems.append(
                Problem(
                    header_row_number,
                    "",
                    _("the sheet has no “{label}” column.").format(
                        label=label_of(CANDIDATE_FIELDS, key)
                    ),
                )
            )
    existing = _existing(db)
    plan = _plan(columns)
    titles = {k: t for _i, k, t in columns}
    records: list[CandidateRow] = []
    record_rows: list[int] = []
    preview: list[PreviewRow] = []
    blank = 0
    pending_blank = 0  # blank rows count only when data follows (not trailing formatting)
    in_file_user: dict[str, int] = {}
    in_file_email: dict[str, int] = {}
    in_file_name: dict[str, int] = {}
    new_affiliates: dict[str, str] = {}
    row_number = header_row_number
    today = dt.date.today()
    total_hint = max((sheet.max_row or 0) - header_row_number, 0)
    for raw in it:
        row_number += 1
        if all(cells.is_blank(v) for v in raw):
            pending_blank += 1
            continue
        blank += pending_blank
        pending_blank = 0
        if len(preview) >= MAX_ROWS:
            raise SpreadsheetError(
                _("The sheet has more than {n} rows; split it into smaller files.").format(
                    n=f"{MAX_ROWS:,}"
                )
            )
        values = [raw[i] if i < len(raw) else None for i, _k, _t in columns]
        preview.append(PreviewRow(row_number, tuple(values)))
        record, row_problems = _parse_row(row_number, plan, titles, values, today)
        if record is not None:
            row_problems += _duplicates(
                row_number, record.data, titles, existing, in_file_user, in_file_email, in_file_name
            )
            if record.affiliate and record.affiliate.casefold() not in existing.affiliates:
                new_affiliates.setdefault(record.affiliate.casefold(), record.affiliate)
        problems += row_problems
        if record is not None and not any(p.severity != WARNING for p in row_problems):
            records.append(record)
            record_rows.append(row_number)
        if len(preview) % 1000 == 0:
            progress.report(len(preview), total_hint, _("Checking rows"))
    if not preview and not problems:
        problems.append(Problem(0, "", _("the sheet has a header row but no data rows.")))
    for name in new_affiliates.values():
        notes.append(_("Affiliate “{name}” is new and will be added.").format(name=name))
    return ImportReport(
        kind="candidates",
        file_name=path.name,
        sheet=sheet.title,
        headers=tuple(t for _i, _k, t in columns),
        preview=tuple(preview),
        records=tuple(records),
        record_rows=tuple(record_rows),
        problems=tuple(problems),
        notes=tuple(notes),
        blank_rows=blank,
        new_affiliates=tuple(new_affiliates.values()),
    )


@dataclass(frozen=True, slots=True)
class _Column:
    """How to read one matched column, decided once per sheet (not once per cell)."""

    kind: str  # "scalar", "lang", "level" or "skill"
    key: str  # field key, pair number or platform value
    title: str
    parse: Callable[[Any], Any] | None = None
    label: str = ""


def _plan(columns: list[tuple[int, str, str]]) -> list[_Column]:
    plan = []
    for _i, key, title in columns:
        if key.startswith(("lang:", "level:")):
            kind, number = key.split(":")
            plan.append(_Column(kind, number, title))
        elif key.startswith("skill:"):
            platform = key.split(":", 1)[1]
            plan.append(_Column("skill", platform, title, label=Platform(platform).label))
        else:
            plan.append(_Column("scalar", key, title, _PARSERS[FIELD[key].kind]))
    return plan


def _parse_row(
    row_number: int,
    plan: list[_Column],
    titles: dict[str, str],
    values: list[Any],
    today: dt.date,
) -> tuple[CandidateRow | None, list[Problem]]:
    """Read one row into :class:`CandidateData` and check it with the editor's own
    validation; every problem names the row and the column."""
    problems: list[Problem] = []
    data: dict[str, Any] = {}
    unreadable: set[str] = set()  # fields whose cell could not be read (reported once)
    pairs: dict[str, dict[str, tuple[Any, str]]] = {}
    langs: dict[str, int] = {}
    skills: dict[str, int] = {}
    for column, value in zip(plan, values, strict=True):
        try:
            if column.parse is not None:
                data[column.key] = column.parse(value)
            elif column.kind == "skill":
                if not cells.is_blank(value):
                    level = cells.skill_level(value, column.label)
                    if level:
                        skills[column.key] = level
            else:
                pairs.setdefault(column.key, {})[column.kind] = (value, column.title)
        except CellProblem as exc:
            problems.append(Problem(row_number, column.title, str(exc)))
            unreadable.add(column.key if column.kind == "scalar" else "skills")
    for _number, pair in sorted(pairs.items()):
        code_value, code_title = pair.get("lang", (None, ""))
        level_value, level_title = pair.get("level", (None, ""))
        if cells.is_blank(code_value) and cells.is_blank(level_value):
            continue
        try:
            if cells.is_blank(code_value):
                raise CellProblem(_("a level is given but no language."))
            code = cells.language_code(cells.text(code_value) or "")
        except CellProblem as exc:
            problems.append(Problem(row_number, code_title or level_title, str(exc)))
            unreadable.add("languages")
            continue
        try:
            if cells.is_blank(level_value):
                raise CellProblem(_("a language is given but no level."))
            langs[code] = max(
                langs.get(code, 0), cells.language_level(cells.text(level_value) or "")
            )
        except CellProblem as exc:
            problems.append(Problem(row_number, level_title or code_title, str(exc)))
            unreadable.add("languages")
    for code, level in data.pop("languages", {}).items():
        langs[code] = max(langs.get(code, 0), level)
    skills = {**data.pop("skills", {}), **skills}
    affiliate = data.pop("affiliate_id", None)
    stage = data.pop("stage", None) or Stage.APPLIED
    candidate = CandidateData(
        **{k: v for k, v in data.items() if v is not None or FIELD[k].required is None},
        stage=stage,
        languages=tuple(LanguageSkill(code, level) for code, level in langs.items()),
        skills=tuple(PlatformSkill(Platform(p), level) for p, level in skills.items()),
    ).normalised()
    errors = candidate_records.validate(candidate, today=today)
    affiliate_problem = candidate_records.length_problem(FIELD["affiliate_id"], affiliate)
    if affiliate_problem:
        errors["affiliate_id"] = affiliate_problem
    for name, message in errors.items():
        if name in unreadable:
            continue
        if FIELD[name].required and name not in titles:
            continue  # the missing column is reported once for the whole sheet
        problems.append(Problem(row_number, titles.get(name, FIELD[name].header), message))
    # In the sheet's column order, whichever check found the problem.
    order = {column.title: n for n, column in enumerate(plan)}
    problems.sort(key=lambda p: order.get(p.column, len(order)))
    if errors or problems:
        return None, problems
    return CandidateRow(candidate, affiliate), problems


def _check_duplicate(
    found: list[Problem],
    row_number: int,
    column: str,
    key: str,
    in_database: dict[str, int],
    in_file: dict[str, int],
    database_message: str,
    file_message: str,
) -> None:
    """One uniqueness rule (username or e-mail): already in the database, else already
    earlier in the file; either way the first row with ``key`` is remembered."""
    if key in in_database:
        found.append(Problem(row_number, column, database_message.format(id=in_database[key])))
    elif key in in_file:
        found.append(Problem(row_number, column, file_message.format(row=in_file[key])))
    in_file.setdefault(key, row_number)


def _duplicates(
    row_number: int,
    record: CandidateData,
    titles: dict[str, str],
    existing: _Existing,
    in_file_user: dict[str, int],
    in_file_email: dict[str, int],
    in_file_name: dict[str, int],
) -> list[Problem]:
    found: list[Problem] = []
    user = record.username.casefold()
    _check_duplicate(
        found,
        row_number,
        titles["username"],
        user,
        existing.usernames,
        in_file_user,
        _("a candidate with this username already exists (id {id})."),
        _("the same username as row {row}."),
    )
    if record.email:
        _check_duplicate(
            found,
            row_number,
            titles["email"],
            record.email.casefold(),
            existing.emails,
            in_file_email,
            _("a candidate with this email already exists (id {id})."),
            _("the same email as row {row}."),
        )
    key = cells.name_key(record.full_name)
    if key and key in existing.names:
        cid, name = existing.names[key]
        found.append(
            Problem(
                row_number,
                titles["full_name"],
                _("nearly the same name as existing candidate {id} (“{name}”).").format(
                    id=cid, name=name
                ),
                WARNING,
            )
        )
    elif key and key in in_file_name:
        found.append(
            Problem(
                row_number,
                titles["full_name"],
                _("nearly the same name as row {row}.").format(row=in_file_name[key]),
                WARNING,
            )
        )
    if key:
        in_file_name.setdefault(key, row_number)
    return found


def write_candidates(
    db: Database, report: ImportReport, progress: Progress = NO_PROGRESS
) -> ImportResult:
    """Insert every record of an accepted report in ONE transaction.

    Raises :class:`ImportRefusedError` when the report has errors; any exception inside
    (including ``Cancelled`` from ``progress``) rolls everything back.
    """
    if report.kind != "candidates":
        raise ImportRefusedError(_("This report is not about candidates."))
    if not report.ok:
        raise ImportRefusedError(
            _(
                "The sheet has {n} problem(s); fix them and import again. Nothing was written."
            ).format(n=len(report.errors))
        )
    records = report.records
    total = len(records)
    try:
        with db.connection(write=True) as conn:
            affiliates = {
                name.casefold(): aid
                for aid, name in conn.execute(select(m.Affiliate.id, m.Affiliate.name))
            }
            for name in report.new_affiliates:
                if name.casefold() not in affiliates:
                    result = conn.execute(insert(m.Affiliate).values(name=name))
                    affiliates[name.casefold()] = result.inserted_primary_key[0]
            new_candidate_ids = new_ids(conn, m.Candidate, total)
            now = m.utcnow()
            ids: list[int] = []
            for start in range(0, total, BATCH):
                chunk = records[start : start + BATCH]
                cand_rows, lang_rows, skill_rows, topic_rows = [], [], [], []
                for offset, r in enumerate(chunk):
                    cid = new_candidate_ids[start + offset]
                    ids.append(cid)
                    cand_rows.append(
                        {
                            **candidate_records.column_values(r.data),
                            "id": cid,
                            "affiliate_id": affiliates.get(r.affiliate.casefold())
                            if r.affiliate
                            else None,
                            "created_at": now,
                            "updated_at": now,
                        }
                    )
                    langs, skills, topics = candidate_records.child_rows(cid, r.data)
                    lang_rows += langs
                    skill_rows += skills
                    topic_rows += topics
                conn.execute(insert(m.Candidate), cand_rows)
                progress.report(start + len(chunk), total, _("Writing candidates"))
                for table, rows in (
                    (m.CandidateLanguage, lang_rows),
                    (m.CandidateSkill, skill_rows),
                    (m.CandidateTopic, topic_rows),
                ):
                    if rows:
                        conn.execute(insert(table), rows)
                progress.report(start + len(chunk), total, _("Writing languages and skills"))
            conn.execute(
                insert(m.AuditEntry),
                [
                    {
                        "at": now,
                        "operator": db.operator,
                        "action": AuditAction.IMPORT.value,
                        "entity": "candidate",
                        "entity_id": None,
                        "fields": ["spreadsheet", f"rows:{total}"],
                    }
                ],
            )
    except IntegrityError:
        raise ImportRefusedError(
            _(
                "Another candidate with one of these usernames was added meanwhile; "
                "check the sheet again. Nothing was written."
            )
        ) from None
    return ImportResult("candidates", total, False, tuple(ids), tuple(report.new_affiliates))


def import_candidates(
    db: Database,
    path: os.PathLike[str] | str,
    *,
    dry_run: bool = False,
    progress: Progress = NO_PROGRESS,
) -> tuple[ImportReport, ImportResult | None]:
    """Read, validate and (unless ``dry_run`` or there are errors) write, in one call.

    Interactive callers read first, show the report, and call :func:`write_candidates`
    only after the user accepted.
    """
    report = read_candidates(db, path, progress)
    if dry_run or not report.ok:
        return report, None
    return report, write_candidates(db, report, progress)
