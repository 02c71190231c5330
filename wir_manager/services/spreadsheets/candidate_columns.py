"""A candidate sheet read column by column: each distinct cell value once, each row's
record assembled from what its cells gave.

A staff sheet repeats itself down its columns (a few countries, levels, yes/no words and
dates in 10,000 rows), so each column is read once per distinct value and every row
takes its answers from there. The fields are then assembled the same way: the cells one
field is made of (a name; the Wikidata and Commons columns of "skills"; a "Language 1"
/ "Level 1" pair) give the same field value, in the form
:meth:`CandidateData.normalised` would leave it, whenever they are the same cells. What
the record needs per row is built in bulk (``map`` over the columns), and the rest (the
row as the update merge reads it, the cells that could not be read) only for the rows
that ask. The answers are exactly those of reading the sheet row by row, cell by cell:
``tests/test_import_report_pinned.py`` holds whole reports of varied files to them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from itertools import islice, repeat
from operator import itemgetter
from typing import Any

from wir_manager.domain.enums import Platform, Stage, Topic
from wir_manager.i18n import _
from wir_manager.services import candidate_records
from wir_manager.services.candidate_records import (
    CONSENTS,
    FIELD,
    CandidateData,
    Kind,
    normal_scalar,
)
from wir_manager.services.records import LanguageSkill, PlatformSkill
from wir_manager.services.spreadsheets import cells, values
from wir_manager.services.spreadsheets.cells import CellProblem
from wir_manager.services.spreadsheets.report import PreviewRow, Problem

_WIDE = 2**62  # whole numbers are range-checked by the validation, not here

DATE_TARGETS = {
    *(spec.name for spec in candidate_records.FIELDS if spec.kind is Kind.DATE),
    "consent_at",
    "timestamp",
}


def _text(value: object) -> values.Reading:
    return cells.text(value), None


def _stage(value: object) -> values.Reading:
    found = cells.stage(value)
    return (Stage(found) if found else None), None


def _whole(value: object) -> values.Reading:
    return cells.whole_number(value, low=-_WIDE, high=_WIDE, what=_("the number")), None


_BY_KIND: dict[Kind, Callable[[object], values.Reading]] = {
    Kind.TEXT: _text,
    Kind.LONG_TEXT: _text,
    Kind.USERNAME: _text,
    Kind.EMAIL: _text,
    Kind.AFFILIATE: _text,
    Kind.COUNTRY: values.country,
    Kind.STAGE: _stage,
    Kind.YEAR: _whole,
    Kind.COUNT: _whole,
    Kind.YES_NO: values.yes_no_blank,  # blank = "not in the file" (no, for new people)
    Kind.YES_NO_UNKNOWN: values.yes_no_blank,
    Kind.LANGUAGES: values.languages,
    Kind.SKILLS: values.skills,
    Kind.TOPICS: values.topics,
}

PLAIN, SKILL, PAIR, LANGUAGES, SKILLS = range(5)


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    header: str
    target: str
    parse: Callable[[object], values.Reading]
    #: Decided once per column, not per cell: the field the cell fills ("skill:wikidata"
    #: fills "skills"), how it is merged (:data:`PLAIN`, :data:`SKILL`, :data:`PAIR`,
    #: :data:`LANGUAGES`, :data:`SKILLS`) and the part after the colon ("wikidata", "1").
    field: str = ""
    role: int = 0
    key: str = ""
    pair: str = ""


def field_of(target: str) -> str:
    if target.startswith("skill:"):
        return "skills"
    if target.startswith(("lang:", "level:")):
        return "languages"
    return target


def column(
    index: int, header: str, target: str, parse: Callable[[object], values.Reading]
) -> Column:
    kind, _sep, key = target.partition(":")
    if kind == "skill":
        role = SKILL
    elif kind in ("lang", "level"):
        role = PAIR
    elif target == "languages":
        role = LANGUAGES
    elif target == "skills":
        role = SKILLS
    else:
        role, kind, key = PLAIN, "", ""
    return Column(index, header, target, parse, field_of(target), role, key, kind)


def parser(target: str, order: values.DateOrder | None) -> Callable[[object], values.Reading]:
    if target in DATE_TARGETS:
        return lambda v: values.date(v, order)
    if target.startswith("skill:"):
        label = Platform(target[6:]).label
        return lambda v: values.skill(v, label)
    if target.startswith("lang:"):
        return values.language_only
    if target.startswith("level:"):
        return values.language_level
    return _BY_KIND[FIELD[target].kind]


# --------------------------------------------------------------------------- cells
@dataclass(frozen=True, slots=True)
class Cell:
    """One distinct value of a column as its parser read it: the clean value and how it
    was read, or the sentence saying why it cannot be read."""

    clean: Any
    reading: str | None
    problem: str | None
    #: None, {} or (): the cell says nothing (False and 0 say something).
    empty: bool


def _read_cell(parse: Callable[[object], values.Reading], value: object) -> Cell:
    try:
        clean, reading = parse(value)
    except CellProblem as exc:
        return Cell(None, None, str(exc), False)
    empty = clean is None or (not clean and isinstance(clean, dict | tuple))
    return Cell(clean, reading or None, None, empty)


_NONE_OR_TEXT = frozenset({str, type(None)})


class ColumnCells:
    """One column, every row's cell read: ``codes[row]`` numbers the row's distinct
    value in ``cells``. Text columns (names, e-mails: nearly all values differ, and
    reading one is trimming it) keep each row's ``texts`` and make their cells only if
    asked; every other column is read once per distinct value — keyed with the type,
    as ``1``, ``1.0`` and ``True`` are equal in Python but not as cells."""

    __slots__ = ("_cells", "codes", "parse", "raw", "texts")

    def __init__(self, col: Column, raw: list[Any]) -> None:
        self.raw = raw
        self.parse = col.parse
        self.texts: list[str | None] | None = None
        self._cells: list[Cell] | None = None
        self.codes: Sequence[int] = range(len(raw))
        if col.parse is _text:
            self.texts = cells.texts(raw)
            return
        if _NONE_OR_TEXT.issuperset(map(type, raw)):
            keys: list[Any] = raw
        else:
            keys = [v if type(v) is str else (type(v), v) for v in raw]
        try:
            firsts = dict(zip(keys, raw, strict=True))
        except TypeError:  # an unhashable cell value: read every one
            self._cells = [_read_cell(col.parse, v) for v in raw]
            return
        number = {key: n for n, key in enumerate(firsts)}
        self.codes = list(map(number.__getitem__, keys))
        self._cells = [_read_cell(col.parse, v) for v in firsts.values()]

    @property
    def cells(self) -> list[Cell]:
        """The distinct cells (a text column's, one per row, made when first asked)."""
        if self._cells is None:
            assert self.texts is not None
            self._cells = [Cell(t, None, None, t is None) for t in self.texts]
        return self._cells

    def readings(self) -> list[str | None]:
        """Each row's reading (None where the cell is taken as it is)."""
        distinct = [] if self.texts is not None else [c.reading for c in self.cells]
        if not any(distinct):
            return [None] * len(self.raw)
        return list(map(distinct.__getitem__, self.codes))

    def problem_codes(self) -> set[int]:
        """The distinct cells that could not be read (text always can)."""
        if self.texts is not None:
            return set()
        return {n for n, cell in enumerate(self.cells) if cell.problem is not None}


def column_values(rows: Sequence[tuple[Any, ...]], index: int, short: bool) -> list[Any]:
    """Column ``index`` of every row; None past the end of a ``short`` row."""
    if not short:
        return list(map(itemgetter(index), rows))
    return [row[index] if index < len(row) else None for row in rows]


# --------------------------------------------------------------------------- fields
@dataclass(frozen=True, slots=True)
class FieldCells:
    """What one row's cells of one field give, as the row-by-row merge has it: the row's
    entries (``parsed``), whether a cell was blank or could not be read, and sentences
    (header, problem) about a language/level pair."""

    parsed: dict[str, Any]
    blank: bool
    unreadable: bool
    problems: tuple[tuple[str, str], ...]


def _single(col: Column, cell: Cell) -> dict[str, Any]:
    """The entries one cell alone gives a row (what :func:`merge_field` makes of a field
    of one column, pairs aside)."""
    if cell.problem is not None or cell.empty:
        return {}
    if col.role == SKILL:
        return {"skills": {col.key: cell.clean}}
    return {col.target: cell.clean}  # a column of languages or skills: its dict as is


def merge_field(columns: Sequence[Column], row_cells: Sequence[Cell]) -> FieldCells:
    """One field's cells of one row merged in column order: languages keep the highest
    level, skills the last column's level per platform; a language/level pair must have
    both halves."""
    parsed: dict[str, Any] = {}
    blank = unreadable = False
    pairs: dict[str, dict[str, tuple[Any, str]]] = {}
    for col, cell in zip(columns, row_cells, strict=True):
        if cell.problem is not None:
            unreadable = True
            continue
        clean, role = cell.clean, col.role
        if cell.empty:
            blank = True
            if role != PAIR:
                continue
        if role == PLAIN:
            parsed[col.target] = clean
        elif role == SKILL:
            parsed.setdefault("skills", {})[col.key] = clean
        elif role == PAIR:
            pairs.setdefault(col.key, {})[col.pair] = (clean, col.header)
        elif role == LANGUAGES:
            langs = parsed.setdefault("languages", {})
            for code, level in clean.items():
                langs[code] = max(level, langs.get(code, 0))
        else:
            parsed.setdefault("skills", {}).update(clean)
    problems: list[tuple[str, str]] = []
    for _n, pair in sorted(pairs.items()):
        code, code_title = pair.get("lang", (None, ""))
        level, level_title = pair.get("level", (None, ""))
        if code is None and level is None:
            continue
        if code is None:
            problems.append((level_title, _("a level is given but no language.")))
        elif level is None:
            problems.append((code_title, _("a language is given but no level.")))
        else:
            langs = parsed.setdefault("languages", {})
            langs[code] = max(level, langs.get(code, 0))
            blank = False
    return FieldCells(parsed, blank, unreadable, tuple(problems))


#: The record's fields in constructor order, with their defaults (a field no column
#: fills, or a blank or unreadable cell, keeps its default).
_RECORD = tuple((f.name, f.default) for f in fields(CandidateData))
_YES_NO = frozenset(spec.name for spec in candidate_records.FIELDS if spec.kind is Kind.YES_NO)
#: Fields whose record value is their one cell's value in normal form.
_SCALAR = frozenset(FIELD) - {"languages", "skills", "topics"} - _YES_NO
_DEFAULT = dict(_RECORD)


def record_value(name: str, parsed: dict[str, Any]) -> Any:
    """The value field ``name`` takes in the record from a row's merged entries, in
    normal form; for the affiliate its name, for "consent_at" / "timestamp" the date."""
    if name == "languages":
        langs = parsed.get("languages")
        return tuple(map(_language_skill, sorted(langs.items()))) if langs else ()
    if name == "skills":
        found = parsed.get("skills")
        return (
            tuple(
                sorted(
                    (PlatformSkill(Platform(p), lv) for p, lv in found.items() if lv > 0),
                    key=lambda s: s.platform,
                )
            )
            if found
            else ()
        )
    if name == "topics":
        topics = parsed.get("topics")
        return tuple(sorted({Topic(t) for t in topics})) if topics else ()
    if name in _YES_NO:
        return bool(parsed.get(name))
    if name not in FIELD or name == "affiliate_id":
        return parsed.get(name)
    if name in parsed:
        return normal_scalar(name, parsed[name])
    return _DEFAULT[name]


_LANGUAGE_SKILLS: dict[tuple[str, int], LanguageSkill] = {}


def _language_skill(item: tuple[str, int]) -> LanguageSkill:
    """One (code, level) as the record holds it, made once (they are immutable; a sheet
    combines a few dozen of them thousands of ways)."""
    found = _LANGUAGE_SKILLS.get(item)
    if found is None:
        found = _LANGUAGE_SKILLS[item] = LanguageSkill(*item)
    return found


class FieldColumns:
    """One field's columns over every row: each row's combination of distinct cells is
    merged once (:func:`merge_field`), and ``values[row]`` is the field's record value."""

    __slots__ = ("_merged", "codes", "columns", "distinct", "members", "values")

    def __init__(self, name: str, members: list[tuple[Column, ColumnCells]]) -> None:
        self.columns = [col for col, _c in members]
        self.members = [read for _col, read in members]
        self.distinct: list[tuple[Cell, ...]] | None = None
        if len(members) == 1:
            self.codes: Sequence[int] = self.members[0].codes
        else:
            combos = list(zip(*(m.codes for m in self.members), strict=True))
            number = {combo: n for n, combo in enumerate(dict.fromkeys(combos))}
            self.codes = list(map(number.__getitem__, combos))
            self.distinct = [
                tuple(m.cells[k] for m, k in zip(self.members, combo, strict=True))
                for combo in number
            ]
        self._merged: dict[int, FieldCells] = {}
        self.values = self._values(name)

    def _values(self, name: str) -> list[Any]:
        """Each row's record value of the field. One column needs no merge: a text
        column's value is its trimmed text in normal form, any other column's is its
        distinct cell's (the default where it is blank or unreadable)."""
        col, read = self.columns[0], self.members[0]
        if self.distinct is not None or col.role == PAIR:
            count = len(self.distinct) if self.distinct is not None else len(read.cells)
            each = [record_value(name, self.merged_at(n).parsed) for n in range(count)]
            return list(map(each.__getitem__, self.codes))
        rule = candidate_records.normal_text_rule(name)
        if read.texts is not None and rule is not None:
            kind, empty = rule
            return candidate_records.normal_trimmed_texts(read.texts, kind, empty)
        if read.texts is not None and name in _SCALAR:
            return list(map(normal_scalar, repeat(name), read.texts))
        if name in _SCALAR:
            default = _DEFAULT.get(name)
            each = [
                default if c.problem is not None or c.empty else normal_scalar(name, c.clean)
                for c in read.cells
            ]
        else:
            each = [record_value(name, _single(col, c)) for c in read.cells]
        return list(map(each.__getitem__, self.codes))

    def merged_at(self, code: int) -> FieldCells:
        found = self._merged.get(code)
        if found is None:
            row_cells = (
                self.distinct[code] if self.distinct is not None else (self.members[0].cells[code],)
            )
            found = self._merged[code] = merge_field(self.columns, row_cells)
        return found

    def row(self, row: int) -> FieldCells:
        """The field's cells of ``row`` merged."""
        return self.merged_at(self.codes[row])

    def has_pair_problems(self) -> bool:
        return any(c.role == PAIR for c in self.columns)


def fill_consent_dates(
    by_field: dict[str, list[Any]], rows: int, today: dt.date
) -> tuple[dict[str, list[Any]], list[int]]:
    """A consent without its own date takes the file's consent date, else the form's
    timestamp, else today (counted per row: the file name is recorded as the source).
    Returns the date columns filled, and each row's count of consents dated today."""
    dated = [0] * rows
    at, stamp = by_field.get("consent_at"), by_field.get("timestamp")
    if at is not None and stamp is not None:
        sources: list[Any] = [a or b for a, b in zip(at, stamp, strict=True)]
    else:
        sources = at or stamp or [None] * rows
    filled: dict[str, list[Any]] = {}
    for flag, when in CONSENTS:
        flags = by_field.get(flag)
        if flags is None:
            continue  # no column: never given, nothing to date
        dates = list(by_field.get(when) or repeat(None, rows))
        for i, (given, on) in enumerate(zip(flags, list(dates), strict=True)):
            if given is True and on is None:
                source = sources[i]
                if source is None:
                    source = today
                    dated[i] += 1
                dates[i] = source
        filled[when] = dates
    return filled, dated


def records(by_field: dict[str, list[Any]], rows: int) -> list[CandidateData]:
    """Every row's record, built from the field columns in one pass (the fields no
    column fills keep their defaults; the affiliate, a name in the file, is kept beside
    the record and given its id on writing)."""
    args = [
        by_field[name] if name in by_field and name != "affiliate_id" else repeat(default)
        for name, default in _RECORD
    ]
    # islice: with no column filling a field of the record, every argument repeats.
    return list(islice(map(CandidateData, *args), rows))


# --------------------------------------------------------------------------- the sheet
class Sheet:
    """The data rows of a sheet read through ``plan``: every column, every field, the
    consent dates filled and every row's record (``records[row]``)."""

    def __init__(
        self,
        plan: Sequence[Column],
        rows: Sequence[tuple[Any, ...]],
        today: dt.date,
        column_read: Callable[[int, int], None] | None = None,
    ):
        """``column_read(n, of)`` is told after each column is read (it may cancel)."""
        self.plan = plan
        self.rows = rows
        widest = max((c.index for c in plan), default=-1)
        short = any(len(row) <= widest for row in rows)
        self.columns = []
        for n, c in enumerate(plan, start=1):
            self.columns.append(ColumnCells(c, column_values(rows, c.index, short)))
            if column_read is not None:
                column_read(n, len(plan))
        members: dict[str, list[tuple[Column, ColumnCells]]] = {}
        for col, read in zip(plan, self.columns, strict=True):
            members.setdefault(col.field, []).append((col, read))
        self.fields = {name: FieldColumns(name, found) for name, found in members.items()}
        self.by_field = {name: f.values for name, f in self.fields.items()}
        filled, self.dated = fill_consent_dates(self.by_field, len(rows), today)
        # The records' fields column by column (the affiliate, a name here, is not the
        # record's: it is checked and given its id apart), and for each column not
        # refilled a cheap stand-in for its values: the row's distinct-cell number.
        self.record_columns = {
            name: values
            for name, values in {**self.by_field, **filled}.items()
            if name in _DEFAULT and name != "affiliate_id"
        }
        self.record_keys = {
            name: self.fields[name].codes for name in self.record_columns if name not in filled
        }
        self.records = records(self.record_columns, len(rows))

    def preview(self, numbers: Sequence[int]) -> list[PreviewRow]:
        """Each row's mapped cells as typed, and how each was read."""
        if not self.plan:
            return [PreviewRow(n, (), ()) for n in numbers]
        cells_ = zip(*(c.raw for c in self.columns), strict=True)
        readings = zip(*(c.readings() for c in self.columns), strict=True)
        return list(map(PreviewRow, numbers, cells_, readings))

    def cell_problems(self, numbers: Sequence[int]) -> dict[int, list[Problem]]:
        """Row → the cells it could not read (in column order), then its language/level
        pairs with a half missing."""
        found: dict[int, list[Problem]] = {}
        for col, read in zip(self.plan, self.columns, strict=True):
            bad = read.problem_codes()
            if not bad:
                continue
            for row, code in enumerate(read.codes):
                if code in bad:
                    message = read.cells[code].problem
                    assert message is not None
                    found.setdefault(row, []).append(Problem(numbers[row], col.header, message))
        for field in self.fields.values():
            if not field.has_pair_problems():
                continue
            for row, code in enumerate(field.codes):
                for header, message in field.merged_at(code).problems:
                    found.setdefault(row, []).append(Problem(numbers[row], header, message))
        return found

    def text_of(self, index: int | None) -> list[str | None]:
        """Column ``index``'s cells as text (None: blank, or no such column)."""
        for col, read in zip(self.plan, self.columns, strict=True):
            if col.index == index:
                return read.texts if read.texts is not None else cells.texts(read.raw)
        return [None] * len(self.rows)

    def affiliate_problems(self) -> list[str | None] | None:
        """Each row's sentence about an affiliate name too long to keep."""
        field = self.fields.get("affiliate_id")
        if field is None:
            return None
        spec = FIELD["affiliate_id"]
        each: dict[int, str | None] = {}
        out = []
        for code, name in zip(field.codes, field.values, strict=True):
            if code not in each:
                each[code] = candidate_records.length_problem(spec, name)
            out.append(each[code])
        return out

    def unreadable(self, row: int) -> set[str]:
        """The fields of ``row`` with a cell that could not be read."""
        return {name for name, f in self.fields.items() if f.row(row).unreadable}

    def parsed(self, row: int) -> tuple[dict[str, Any], set[str]]:
        """``row`` as the update merge reads it: field → the file's value, the fields
        whose cells were blank."""
        parsed: dict[str, Any] = {}
        blanks: set[str] = set()
        for name, field in self.fields.items():
            merged = field.row(row)
            parsed.update(merged.parsed)
            if merged.blank:
                blanks.add(name)
        parsed["__unreadable__"] = self.unreadable(row)
        return parsed, blanks
