"""Import candidates from any staff sheet or form export: map, read, check, then write.

Phase 1 (:func:`read_candidates`) opens the file through :mod:`formats` (xlsx, ods, xls,
csv), finds the header row, maps each column to a field (:mod:`mapping`: the saved
mapping for these headers, else the suggestion, or the caller's), decides each date
column's day/month order from all of its values, and reads every cell with the
forgiving parsers of :mod:`values` — keeping each interpretation for the preview. The
reading goes column by column (:mod:`candidate_columns`: each distinct value once, the
records built in bulk); each row becomes :class:`CandidateData` and is checked by the
editor's own validation, so no import can create a record the editor would refuse.
Every problem is found in this one pass: cells, validation, consent, duplicates in the
file and in the database. Rows that match an existing person (username, else e-mail)
become field-by-field updates when asked. Nothing is written; the result is an
:class:`ImportReport`.

Phase 2 (:func:`write_candidates`) writes new people and updates in ONE transaction,
audited. With ``problems_path`` the rows with problems are left out and written to a
"problems" workbook ready to fix and re-import; without it any error refuses the lot.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from wir_manager.domain.enums import AuditAction, Platform, Stage, Topic
from wir_manager.i18n import _, ngettext
from wir_manager.services import candidate_records
from wir_manager.services.candidate_records import CONSENTS, FIELD, CandidateData, Kind
from wir_manager.services.localefmt import format_date, format_number
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.services.records import LanguageSkill, PlatformSkill
from wir_manager.services.spreadsheets import candidate_columns as cc
from wir_manager.services.spreadsheets import cells, limits, values
from wir_manager.services.spreadsheets import mapping as mp
from wir_manager.services.spreadsheets.errors import ImportRefusedError, SpreadsheetError
from wir_manager.services.spreadsheets.formats import CsvGuess, FileFormat, open_table
from wir_manager.services.spreadsheets.headers import REQUIRED_CANDIDATE_FIELDS
from wir_manager.services.spreadsheets.report import (
    ERROR,
    WARNING,
    ImportReport,
    ImportResult,
    PreviewRow,
    Problem,
)
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.ids import new_ids

MAX_ROWS = limits.MAX_ROWS
BATCH = 2_000
HEADER_SEARCH_ROWS = 10
EXAMPLES = 3
PREFERRED_SHEETS = ("candidates", "candidate", "people", "kandidater", "personer")


@dataclass(frozen=True, slots=True)
class CandidateRow:
    """One checked new person: exactly what the editor would save, and the affiliate by
    name (a new one is added on write)."""

    data: CandidateData
    affiliate: str | None = None


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str  # the field's label (English; translated where shown)
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class CandidateUpdate:
    """A row that matched an existing person, and what it changes, field by field."""

    row: int
    candidate_id: int
    name: str
    data: CandidateData
    affiliate: str | None
    changes: tuple[FieldChange, ...]
    matched_by: str  # "username" or "email"


@dataclass(frozen=True)
class FileLook:
    """What the mapping step shows before anything is checked."""

    file_name: str
    format: FileFormat
    sheet: str
    sheets: tuple[str, ...]
    guess: CsvGuess | None
    header_row: int
    headers: tuple[str, ...]
    examples: dict[int, tuple[str, ...]]
    mapping: mp.Mapping


# --------------------------------------------------------------------------- reading
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


def _header_index(rows: list[tuple[Any, ...]], saved: mp.Mapping | None) -> int:
    """The header row: the first holding every header of the given mapping; else, of the
    rows with a name, username or e-mail column (by suggestion), the one naming the most
    fields — a row of merged group headings above the headers ("Person", "Consent")
    names a field or two, the header row itself many."""
    wanted = {c.header for c in saved.columns} if saved else set()
    best, best_fields = -1, 0
    for i, row in enumerate(rows):
        cells_ = [str(v).strip() for v in row if not cells.is_blank(v)]
        if wanted and wanted <= set(cells_):
            return i
        suggested = [mp.suggest(v) for v in cells_]
        targets = {target for target, _score, _sure in suggested if target}
        if not targets & {*REQUIRED_CANDIDATE_FIELDS, "email"}:
            continue
        named = len({target for target, _score, sure in suggested if target and sure})
        if named > best_fields:
            best, best_fields = i, named
    return best


#: Rows read between two progress reports (each one a chance to cancel).
_READ_CHUNK = 2000


def _load_rows(
    path: Path,
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    progress: Progress = NO_PROGRESS,
) -> tuple[Any, list[tuple[Any, ...]]]:
    with open_table(
        path, sheet=sheet, preferred=PREFERRED_SHEETS, encoding=encoding, delimiter=delimiter
    ) as table:
        # One row past the most a file may hold is enough to refuse it. The count is
        # not known before the end, so the reports say how many so far.
        limit = MAX_ROWS + HEADER_SEARCH_ROWS + 2
        rows: list[tuple[Any, ...]] = []
        while chunk := list(itertools.islice(table.rows, min(_READ_CHUNK, limit - len(rows)))):
            rows += chunk
            progress.report(len(rows), 0, _("Reading the file"))
        limits.check_body_rows(len(rows), MAX_ROWS + HEADER_SEARCH_ROWS + 1)
    while rows and all(cells.is_blank(v) for v in rows[-1]):
        rows.pop()
    return table, rows


def _no_header(table: Any) -> SpreadsheetError:
    return SpreadsheetError(
        _(
            "No header row with a “Name” or “Username” column was found in the first "
            "{n} rows of sheet “{sheet}”."
        ).format(n=HEADER_SEARCH_ROWS, sheet=table.sheet)
    )


def _headers(row: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple("" if cells.is_blank(v) else str(v).strip() for v in row)


def _choose_mapping(db: Database, headers: Sequence[str]) -> mp.Mapping:
    saved = mp.matching_saved(db, "candidates", headers)
    if saved is not None:
        return mp.apply_saved(saved, headers)
    return mp.suggest_mapping(headers)


def look_at(
    db: Database,
    path: os.PathLike[str] | str,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> FileLook:
    """Open ``path``, find its header row and suggest a mapping (or offer the saved one
    made for these headers); reads a few rows only for examples."""
    path = Path(path)
    table, rows = _load_rows(path, encoding, delimiter, sheet, progress)
    h = _header_index(rows[:HEADER_SEARCH_ROWS], None)
    if h < 0:
        raise _no_header(table)
    headers = _headers(rows[h])
    examples: dict[int, list[str]] = {}
    for row in rows[h + 1 :]:
        for i, value in enumerate(row):
            if i < len(headers) and not cells.is_blank(value):
                found = examples.setdefault(i, [])
                if len(found) < EXAMPLES:
                    found.append(PreviewRow(0, (value,)).text(0))
        if len(examples) == len(headers) and all(len(v) >= EXAMPLES for v in examples.values()):
            break
    return FileLook(
        path.name,
        table.format,
        table.sheet,
        table.sheets,
        table.guess,
        h + 1,
        headers,
        {i: tuple(v) for i, v in examples.items()},
        _choose_mapping(db, headers),
    )


# --------------------------------------------------------------------------- columns
def _date_orders(
    mapping: mp.Mapping, body: list[tuple[Any, ...]], chosen: values.DateOrder | None
) -> tuple[dict[int, values.DateOrder | None], bool]:
    """Each date column's order; ambiguous columns take the file's decided order (or the
    user's). Returns (orders, still_ambiguous)."""
    orders: dict[int, values.DateOrder | None] = {}
    ambiguous: list[int] = []
    for column in mapping.columns:
        if column.target not in cc.DATE_TARGETS:
            continue
        i = column.index
        order, unsure = values.detect_order(r[i] for r in body if i < len(r))
        orders[i] = order
        if unsure:
            ambiguous.append(i)
    decided = {o for o in orders.values() if o is not None}
    fallback = chosen or (next(iter(decided)) if len(decided) == 1 else None)
    for i in ambiguous:
        orders[i] = fallback
    if chosen:
        orders = {i: o or chosen for i, o in orders.items()}
    return orders, bool(ambiguous) and fallback is None


# --------------------------------------------------------------------------- the pass
def read_candidates(
    db: Database,
    path: os.PathLike[str] | str,
    progress: Progress = NO_PROGRESS,
    *,
    mapping: mp.Mapping | None = None,
    update: bool = False,
    erase_blanks: bool = False,
    date_order: values.DateOrder | str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    today: dt.date | None = None,
) -> ImportReport:
    """Check every row of a candidate file against the database; writes nothing."""
    with _collector_paused():
        return _read_candidates(
            db, Path(path), progress, mapping=mapping, update=update,
            erase_blanks=erase_blanks, date_order=date_order, encoding=encoding,
            delimiter=delimiter, sheet=sheet, today=today,
        )  # fmt: skip


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused for one pass. The pass builds ~100,000 objects
    that all live to its end (rows, readings, records); each automatic collection walks
    them all again, a fifth of a 10,000-row check. None of them form cycles, and the
    collector resumes (collecting anything left) as soon as the pass ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_candidates(
    db: Database,
    path: Path,
    progress: Progress,
    *,
    mapping: mp.Mapping | None,
    update: bool,
    erase_blanks: bool,
    date_order: values.DateOrder | str | None,
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    today: dt.date | None,
) -> ImportReport:
    today = today or dt.date.today()
    order = values.DateOrder(date_order) if date_order else None
    table, rows = _load_rows(path, encoding, delimiter, sheet, progress)
    h = _header_index(rows[:HEADER_SEARCH_ROWS], mapping)
    if h < 0:
        raise _no_header(table)
    headers = _headers(rows[h])
    header_row = h + 1
    mapping = _choose_mapping(db, headers) if mapping is None else _align(mapping, headers)
    if order is None and mapping.date_order:
        order = values.DateOrder(mapping.date_order)
    body = rows[h + 1 :]
    limits.check_body_rows(len(body))
    problems: list[Problem] = []
    notes: list[str] = []
    targets = mapping.targets()
    by_target = {t: i for i, t in targets.items()}
    titles = {t: headers[i] for i, t in targets.items()}
    for column in mapping.columns:
        if column.ignored:
            notes.append(_("Column “{name}” is not used.").format(name=column.header))
    for key in REQUIRED_CANDIDATE_FIELDS:
        if key not in by_target and not update:  # updates need only a way to match
            problems.append(
                Problem(
                    header_row,
                    "",
                    _("the sheet has no “{label}” column.").format(label=_(FIELD[key].label)),
                )
            )
    orders, ambiguous = _date_orders(mapping, body, order)
    if ambiguous:
        problems.append(
            Problem(
                0,
                "",
                _(
                    "Every date in the file could be day/month or month/day; choose the "
                    "file's date order (--date-order dmy or mdy)."
                ),
            )
        )
    plan = [
        cc.column(c.index, c.header, c.target, cc.parser(c.target, orders.get(c.index)))
        for c in mapping.columns
        if c.target
    ]
    has_store = "consent_store" in by_target
    if not has_store:
        notes.append(
            _(
                "The file has no “consent to store” column: make sure everyone in it agreed "
                "to be kept in the pool."
            )
        )
    order_of = {c.header: n for n, c in enumerate(plan)}
    existing = _existing(db)
    new_affiliates: dict[str, str] = {}
    records: list[CandidateRow] = []
    record_rows: list[int] = []
    pending: list[tuple[int, int, str, dict[str, Any], str | None, set[str]]] = []
    bad_rows: dict[int, tuple[Any, ...]] = {}
    import_dated = 0
    kept = [
        offset for offset, raw in enumerate(body) if raw.count(None) != len(raw) and _filled(raw)
    ]
    blank = len(body) - len(kept)
    rows = [body[offset] for offset in kept]
    numbers = [header_row + 1 + offset for offset in kept]
    # One bar over the passes after reading: the values column by column, the rows one
    # by one, then (updating) the people matched.
    total = len(rows) * (3 if update else 2)

    def column_read(done: int, count: int) -> None:
        progress.report(len(rows) * done // count, total, _("Reading the values"))

    read = cc.Sheet(plan, rows, today, column_read)
    preview = read.preview(numbers)
    row_problems_of = read.cell_problems(numbers)
    user_col, mail_col = by_target.get("username"), by_target.get("email")
    usernames = read.text_of(user_col)
    emails = read.text_of(mail_col)
    store = read.by_field.get("consent_store")
    names = read.by_field.get("full_name")
    affiliates = read.by_field.get("affiliate_id")
    affiliate_problems = read.affiliate_problems()
    # Identity first, from the raw cells: duplicates show whatever else is wrong.
    duplicates = _duplicates(numbers, usernames, emails, titles, existing, update)
    matches = list(map(_match, itertools.repeat(existing), usernames, emails)) if update else None
    near = _near_names(numbers, names, matches, titles, existing)
    dated, candidates = read.dated, read.records
    # The editor's validation of every record, each field's distinct values once.
    invalid = candidate_records.validate_columns(
        read.record_columns, len(rows), keys=read.record_keys, today=today
    )
    for i, number in enumerate(numbers):
        match = matches[i] if matches is not None else None
        row_problems = row_problems_of.get(i) or []
        if i in duplicates:
            row_problems += duplicates[i]
        if match is None:
            import_dated += dated[i]
            if has_store and store is not None and store[i] is not True:
                row_problems.append(
                    Problem(
                        number,
                        titles["consent_store"],
                        _(
                            "this person has not agreed to be kept in the pool, so the row "
                            "cannot be imported; ask for consent first."
                        ),
                    )
                )
            candidate = candidates[i]
            affiliate = affiliates[i] if affiliates is not None else None
            errors = invalid.get(i) or {}
            too_long = affiliate_problems[i] if affiliate_problems is not None else None
            if too_long:
                errors["affiliate_id"] = too_long
            if errors:
                row_problems += _validation_problems(
                    number, errors, read.unreadable(i), titles, update
                )
            if i in near:
                row_problems.append(near[i])
            if not row_problems or not _has_error(row_problems):
                records.append(CandidateRow(candidate, affiliate))
                record_rows.append(number)
                if affiliate and affiliate.casefold() not in existing.affiliates:
                    new_affiliates.setdefault(affiliate.casefold(), affiliate)
        elif not _has_error(row_problems):
            cid, how = match
            parsed, blanks = read.parsed(i)
            pending.append((number, cid, how, parsed, None, blanks))
        if row_problems:
            if _has_error(row_problems):
                bad_rows[number] = tuple(rows[i])
            row_problems.sort(key=lambda p: order_of.get(p.column, len(order_of)))
            problems += row_problems
        if (i + 1) % 1000 == 0:
            progress.report(len(rows) + i + 1, total, _("Checking rows"))

    def compared(done: int) -> None:
        progress.report(
            2 * len(rows) + len(rows) * done // len(pending),
            total,
            _("Comparing with the people already in the database"),
        )

    updates, unchanged = _plan_updates(
        db, pending, titles, existing, erase_blanks, today, problems, bad_rows, body,
        header_row, compared,
    )  # fmt: skip
    for update_ in updates:
        if update_.affiliate and update_.affiliate.casefold() not in existing.affiliates:
            new_affiliates.setdefault(update_.affiliate.casefold(), update_.affiliate)
    if not preview and not any(p.row == header_row for p in problems):
        problems.append(Problem(0, "", _("the sheet has a header row but no data rows.")))
    if import_dated:
        notes.append(
            ngettext(
                "{n} consent has no date in the file; it is dated today and the file name "
                "is recorded as its source.",
                "{n} consents have no date in the file; they are dated today and the file "
                "name is recorded as their source.",
                import_dated,
            ).format(n=format_number(import_dated))
        )
    if unchanged:
        notes.append(
            ngettext(
                "{n} existing candidate is already up to date.",
                "{n} existing candidates are already up to date.",
                unchanged,
            ).format(n=format_number(unchanged))
        )
    for name in new_affiliates.values():
        notes.append(_("Affiliate “{name}” is new and will be added.").format(name=name))
    return ImportReport(
        kind="candidates",
        file_name=path.name,
        sheet=table.sheet,
        headers=tuple(c.header for c in plan),
        preview=tuple(preview),
        records=tuple(records),
        record_rows=tuple(record_rows),
        problems=tuple(problems),
        notes=tuple(notes),
        blank_rows=blank,
        new_affiliates=tuple(new_affiliates.values()),
        updates=tuple(updates),
        file_headers=headers,
        bad_rows=tuple(sorted(bad_rows.items())),
        mapping=mapping,
        guess=table.guess,
        date_question=ambiguous,
        header_row=header_row,
        consent_source=path.name if import_dated else None,
    )


def _align(mapping: mp.Mapping, headers: Sequence[str]) -> mp.Mapping:
    """A mapping made for (or edited on) these headers, re-indexed by header text."""
    by_header = {c.header: c for c in mapping.columns}
    columns = []
    for i, header in enumerate(headers):
        if header and header in by_header:
            c = by_header[header]
            columns.append(mp.ColumnChoice(i, header, c.target, c.score, c.sure))
        elif header:
            target, score, sure = mp.suggest(header)
            columns.append(mp.ColumnChoice(i, header, target, score, sure))
    return mp.Mapping(tuple(columns), mapping.name, mapping.date_order, dict(mapping.extra))


def _filled(raw: tuple[Any, ...]) -> bool:
    """Some cell of the row is not blank (a loop, not any(): the first filled cell
    answers, without a generator made per row)."""
    for value in raw:  # noqa: SIM110
        if value is not None and not cells.is_blank(value):
            return True
    return False


def _has_error(problems: list[Problem]) -> bool:
    return bool(problems) and any(p.severity == ERROR for p in problems)


def _validation_problems(
    number: int,
    errors: dict[str, str],
    unreadable: set[str],
    titles: dict[str, str],
    update: bool,
) -> list[Problem]:
    """The editor's validation sentences for one row, each naming the row and column;
    not about a field whose cell could not be read (that cell's problem is said)."""
    found = []
    for name, message in errors.items():
        if name in unreadable:
            continue
        if FIELD[name].required and name not in titles and not update:
            continue  # the missing column is reported once for the whole sheet
        column = titles.get(name)
        if column is None and name.endswith("_at"):
            column = titles.get(name[:-3])
        found.append(Problem(number, column or FIELD[name].header, message))
    return found


def _match(existing: _Existing, username: str | None, email: str | None) -> tuple[int, str] | None:
    if username and username.casefold() in existing.usernames:
        return existing.usernames[username.casefold()], "username"
    if email and email.casefold() in existing.emails:
        return existing.emails[email.casefold()], "email"
    return None


def _duplicates(
    numbers: Sequence[int],
    usernames: Sequence[str | None],
    emails: Sequence[str | None],
    titles: dict[str, str],
    existing: _Existing,
    update: bool,
) -> dict[int, list[Problem]]:
    """Row → its username, then its e-mail, met in an earlier row (case ignored) or
    already in the database. Not the latter when updating: a known username or e-mail
    then matches the row to the person it updates."""
    found: dict[int, list[Problem]] = {}
    for target, texts, known in (
        ("username", usernames, existing.usernames),
        ("email", emails, existing.emails),
    ):
        keys = [text.casefold() if text else None for text in texts]
        # Each key's first row: the earlier rows win, as the dict is filled backwards.
        first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1), strict=True))
        first.pop(None, None)
        if len(first) < len(keys):
            same = (
                _("the same username as row {row}.")
                if target == "username"
                else _("the same email as row {row}.")
            )
            for row in [i for i, key in enumerate(keys) if key is not None and first[key] != i]:
                earlier = numbers[first[keys[row]]]
                found.setdefault(row, []).append(
                    Problem(numbers[row], titles[target], same.format(row=earlier))
                )
        if update or not (known.keys() & first.keys()):
            continue
        for key, row in first.items():
            if key in known:
                found.setdefault(row, []).append(
                    Problem(numbers[row], titles[target], _exists(target, known[key]))
                )
    return found


def _near_names(
    numbers: Sequence[int],
    names: Sequence[str] | None,
    matches: Sequence[tuple[int, str] | None] | None,
    titles: dict[str, str],
    existing: _Existing,
) -> dict[int, Problem]:
    """Row → a warning that its new person's name is nearly that of an existing candidate
    or of an earlier new person (:func:`cells.name_key`). Rows matching someone to
    update (``matches``) are not new people."""
    if names is None:
        return {}
    keys = list(map(cells.name_key, names))
    if matches is not None:  # only the new people are compared
        keys = ["" if match is not None else key for key, match in zip(keys, matches, strict=True)]
    # Each key's first row: the earlier rows win, as the dict is filled backwards.
    first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1), strict=True))
    first.pop("", None)
    known = existing.names.keys() & first.keys()
    if not known and len(first) == len(keys) - keys.count(""):
        return {}  # every name its own, none known: nothing to warn about
    column = titles.get("full_name", "")
    found: dict[int, Problem] = {}
    for row, key in enumerate(keys):
        if not key:
            continue
        if key in known:
            cid, other = existing.names[key]
            message = _("nearly the same name as existing candidate {id} (“{name}”).").format(
                id=cid, name=other
            )
        elif first[key] != row:
            message = _("nearly the same name as row {row}.").format(row=numbers[first[key]])
        else:
            continue
        found[row] = Problem(numbers[row], column, message, WARNING)
    return found


def _exists(target: str, cid: int) -> str:
    if target == "username":
        return _(
            "a candidate with this username already exists (id {id}); choose "
            "“update existing candidates” to change them from the file."
        ).format(id=cid)
    return _("a candidate with this email already exists (id {id}).").format(id=cid)


# --------------------------------------------------------------------------- updates
def _load_data(db: Database, ids: Sequence[int]) -> dict[int, tuple[CandidateData, str | None]]:
    """Existing people as the editor has them, with their affiliate's name."""
    c = m.Candidate
    stored = [spec.name for spec in candidate_records.FIELDS if spec.stored]
    out: dict[int, tuple[CandidateData, str | None]] = {}
    with db.engine.connect() as conn:
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            langs: dict[int, list[tuple[str, int]]] = {}
            skills: dict[int, list[tuple[str, int]]] = {}
            topics: dict[int, list[str]] = {}
            for cid, code, level in conn.execute(
                select(
                    m.CandidateLanguage.candidate_id,
                    m.CandidateLanguage.code,
                    m.CandidateLanguage.level,
                ).where(m.CandidateLanguage.candidate_id.in_(chunk))
            ):
                langs.setdefault(cid, []).append((code, level))
            for cid, platform, level in conn.execute(
                select(
                    m.CandidateSkill.candidate_id, m.CandidateSkill.platform, m.CandidateSkill.level
                ).where(m.CandidateSkill.candidate_id.in_(chunk))
            ):
                skills.setdefault(cid, []).append((platform, level))
            for cid, topic in conn.execute(
                select(m.CandidateTopic.candidate_id, m.CandidateTopic.topic).where(
                    m.CandidateTopic.candidate_id.in_(chunk)
                )
            ):
                topics.setdefault(cid, []).append(topic)
            for row in conn.execute(
                select(*(getattr(c, name) for name in stored), c.id, m.Affiliate.name)
                .outerjoin(m.Affiliate, c.affiliate_id == m.Affiliate.id)
                .where(c.id.in_(chunk))
            ):
                values_ = dict(zip(stored, row[: len(stored)], strict=True))
                cid, affiliate = row[len(stored)], row[len(stored) + 1]
                data = candidate_records.data_from_columns(
                    values_, langs.get(cid, ()), skills.get(cid, ()), topics.get(cid, ())
                )
                out[cid] = (data, affiliate)
    return out


def _words(name: str, value: Any) -> str:
    """A field's value in words for the field-by-field preview."""
    from wir_manager.domain import codes

    if value is None or value == () or value == "":
        return "—"
    kind = FIELD[name].kind
    if kind is Kind.LANGUAGES:
        return ", ".join(
            f"{codes.language_name(lang.code)} {values.level_label(lang.level)}" for lang in value
        )
    if kind is Kind.SKILLS:
        return ", ".join(f"{Platform(s.platform).label} {s.level}" for s in value)
    if kind is Kind.TOPICS:
        return ", ".join(_(Topic(t).label) for t in value)
    if kind in (Kind.YES_NO, Kind.YES_NO_UNKNOWN):
        return FIELD[name].words(value)
    if kind is Kind.STAGE:
        return _(Stage(value).label)
    if isinstance(value, dt.date):
        # The preview is read beside the candidate editor, so its dates read the same.
        return format_date(value)
    return str(value)


def _plan_updates(
    db: Database,
    pending: list[tuple[int, int, str, dict[str, Any], str | None, set[str]]],
    titles: dict[str, str],
    existing: _Existing,
    erase_blanks: bool,
    today: dt.date,
    problems: list[Problem],
    bad_rows: dict[int, tuple[Any, ...]],
    body: list[tuple[Any, ...]],
    header_row: int,
    compared: Callable[[int], None],
) -> tuple[list[CandidateUpdate], int]:
    """Merge each matched row over the person it matched: only fields the file has,
    blanks keep the old value unless ``erase_blanks``; then the editor's validation.
    ``compared(n)`` is told every 1,000 rows (it may cancel)."""
    if not pending:
        return [], 0
    current = _load_data(db, [cid for _n, cid, *_r in pending])
    updates: list[CandidateUpdate] = []
    unchanged = 0
    seen: dict[int, int] = {}
    for done, (number, cid, how, parsed, _a, blanks) in enumerate(pending, start=1):
        if done % 1000 == 0:
            compared(done)
        if cid not in current:
            continue
        if cid in seen:
            problems.append(
                Problem(
                    number,
                    titles.get("username", ""),
                    _("row {row} already updates the same candidate.").format(row=seen[cid]),
                )
            )
            bad_rows[number] = tuple(body[number - header_row - 1])
            continue
        seen[cid] = number
        old, old_affiliate = current[cid]
        new = _merge(old, parsed, blanks, titles, erase_blanks)
        affiliate = old_affiliate
        if "affiliate_id" in titles and (
            parsed.get("affiliate_id") or (erase_blanks and "affiliate_id" in blanks)
        ):
            affiliate = parsed.get("affiliate_id")
        row_problems: list[Problem] = []
        for flag, when in CONSENTS:
            if getattr(new, flag) and getattr(new, when) is None:
                source: Any = parsed.get("consent_at") or parsed.get("timestamp") or today
                new = replace(new, **{when: source})

        def taken_by_other(username: str, cid: int = cid) -> bool:
            return existing.usernames.get(username.casefold(), cid) != cid

        errors = candidate_records.validate(
            new, username_taken=taken_by_other, today=today, normalised=True
        )
        for name, message in errors.items():
            problems.append(Problem(number, titles.get(name, FIELD[name].header), message))
            row_problems.append(problems[-1])
        if row_problems:
            bad_rows[number] = tuple(body[number - header_row - 1])
            continue
        changes = tuple(
            FieldChange(
                _(spec.label), _words(spec.name, getattr(old, spec.name)),
                _words(spec.name, getattr(new, spec.name)),
            )
            for spec in candidate_records.FIELDS
            if spec.name != "affiliate_id" and getattr(old, spec.name) != getattr(new, spec.name)
        )  # fmt: skip
        if affiliate != old_affiliate:
            changes += (
                FieldChange(FIELD["affiliate_id"].label, old_affiliate or "—", affiliate or "—"),
            )
        if not changes:
            unchanged += 1
            continue
        updates.append(CandidateUpdate(number, cid, new.full_name, new, affiliate, changes, how))
    return updates, unchanged


def _merge(
    old: CandidateData,
    parsed: dict[str, Any],
    blanks: set[str],
    titles: dict[str, str],
    erase_blanks: bool,
) -> CandidateData:
    changes: dict[str, Any] = {}
    for name in titles:
        if name not in FIELD or name == "affiliate_id":
            continue
        spec = FIELD[name]
        if name in blanks:
            if not erase_blanks or spec.required:
                continue
            empty: Any = {
                Kind.LANGUAGES: (), Kind.SKILLS: (), Kind.TOPICS: (), Kind.YES_NO: False,
            }.get(spec.kind)  # fmt: skip
            changes[name] = empty
            continue
        if name not in parsed:
            continue
        value = parsed[name]
        if spec.kind is Kind.LANGUAGES:
            value = tuple(LanguageSkill(c, lv) for c, lv in value.items())
        elif spec.kind is Kind.TOPICS:
            value = tuple(Topic(t) for t in value)
        elif spec.kind is Kind.SKILLS:
            continue
        changes[name] = value
    skill_targets = [t for t in titles if t.startswith("skill:") or t == "skills"]
    if skill_targets and parsed.get("skills"):
        merged = {s.platform: s.level for s in old.skills}
        merged.update(parsed["skills"])
        changes["skills"] = tuple(PlatformSkill(Platform(p), lv) for p, lv in merged.items())
    if (
        "languages" not in titles
        and any(t.startswith("lang:") for t in titles)
        and parsed.get("languages")
    ):
        changes["languages"] = tuple(LanguageSkill(c, lv) for c, lv in parsed["languages"].items())
    for flag, when in CONSENTS:
        if flag in changes and changes[flag] is None:
            del changes[flag]
        if when not in changes and flag in changes and changes[flag] and not getattr(old, flag):
            changes[when] = None  # a new consent takes the file's date (filled later)
    return replace(old, **changes).normalised()


# --------------------------------------------------------------------------- writing
def write_candidates(
    db: Database,
    report: ImportReport,
    progress: Progress = NO_PROGRESS,
    *,
    problems_path: os.PathLike[str] | str | None = None,
) -> ImportResult:
    """Insert the new people and apply the updates of an accepted report in ONE
    transaction. Without ``problems_path`` a report with errors is refused; with it, the
    rows with problems are written to that workbook (first, so a failure there writes
    nothing) and the good rows are imported."""
    from wir_manager.services import candidates as candidate_service
    from wir_manager.services.spreadsheets.problems_workbook import write_problems_workbook

    if report.kind != "candidates":
        raise ImportRefusedError(_("This report is not about candidates."))
    if report.errors and problems_path is None:
        raise ImportRefusedError(
            ngettext(
                "The sheet has {n} problem; fix it and import again. Nothing was written.",
                "The sheet has {n} problems; fix them and import again. Nothing was written.",
                len(report.errors),
            ).format(n=format_number(len(report.errors)))
        )
    if problems_path is not None and report.file_errors:
        raise ImportRefusedError(
            _("The file itself has a problem ({problem}); nothing was written.").format(
                problem=report.file_errors[0].message
            )
        )
    skipped = 0
    if problems_path is not None and report.bad_rows:
        by_row = report.problems_by_row()
        skipped = write_problems_workbook(
            problems_path,
            report.file_headers,
            [(n, raw, by_row.get(n, [])) for n, raw in report.bad_rows],
        )
    records = report.records
    total = len(records)
    try:
        with db.session(write=True) as s:
            conn = s.connection()
            affiliates = {
                name.casefold(): aid
                for aid, name in conn.execute(select(m.Affiliate.id, m.Affiliate.name))
            }
            for name in report.new_affiliates:
                if name.casefold() not in affiliates:
                    new_id = insert(m.Affiliate).values(name=name).returning(m.Affiliate.id)
                    affiliates[name.casefold()] = conn.execute(new_id).scalar_one()
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
            for n, update_ in enumerate(report.updates):
                row = s.get(m.Candidate, update_.candidate_id)
                if row is None:
                    raise ImportRefusedError(
                        _(
                            "A candidate the file updates was deleted meanwhile; check the "
                            "file again. Nothing was written."
                        )
                    )
                data = replace(
                    update_.data,
                    affiliate_id=affiliates.get(update_.affiliate.casefold())
                    if update_.affiliate
                    else None,
                )
                with s.no_autoflush:
                    candidate_service._apply(s, row, data)
                row.updated_at = now
                if n % 200 == 0:
                    progress.report(n, len(report.updates), _("Updating candidates"))
            fields = ["spreadsheet", f"rows:{total}"]
            if report.updates:
                fields.append(f"updated:{len(report.updates)}")
            if report.consent_source:
                fields.append(f"consent-source:{report.consent_source}")
            conn.execute(
                insert(m.AuditEntry),
                [
                    {
                        "at": now,
                        "operator": db.operator,
                        "action": AuditAction.IMPORT.value,
                        "entity": "candidate",
                        "entity_id": None,
                        "fields": fields,
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
    return ImportResult(
        "candidates",
        total,
        False,
        tuple(ids),
        tuple(report.new_affiliates),
        updated=len(report.updates),
        skipped=skipped,
        problems_file=str(problems_path) if skipped else None,
    )


def import_candidates(
    db: Database,
    path: os.PathLike[str] | str,
    *,
    dry_run: bool = False,
    progress: Progress = NO_PROGRESS,
    **options: Any,
) -> tuple[ImportReport, ImportResult | None]:
    """Read, validate and (unless ``dry_run`` or there are errors) write, in one call.

    Interactive callers read first, show the report, and call :func:`write_candidates`
    only after the user accepted.
    """
    report = read_candidates(db, path, progress, **options)
    if dry_run or not report.ok:
        return report, None
    return report, write_candidates(db, report, progress)
