"""Training progress from the learning platforms the programme really uses.

Wikimedia's WikiLearn is Open edX; affiliates also run Moodle and the Programs & Events
Dashboard. Their exports are read by header name, never by position, in the layouts the
platforms' own code writes:

* **Open edX grade report** (``lms/djangoapps/instructor_task/tasks_helper/grades.py``,
  ``CourseGradeReport``): ``Student ID, Email, Username, Grade``, then one column per
  graded subsection named ``"{type} {n}: {subsection}"`` holding a fraction or ``Not
  Attempted``, the ``"{type} (Avg)"`` averages, then ``Cohort Name``, ``Enrollment Track``,
  ``Verification Status``, ``Certificate Eligible``, ``Certificate Delivered``,
  ``Certificate Type``, ``Enrollment Status``.
* **Open edX problem grade report** (``ProblemGradeReport``): ``Student ID, Email,
  Username, Enrollment Status, Grade``, then ``"{type} {n}: {subsection} - {problem}
  (Earned)"`` / ``"… (Possible)"`` pairs; problems are summed per subsection.
* **Moodle course completion report** (``report/completion/index.php``, CSV or Excel):
  ``ID``, the user's name, identity fields such as ``Email address``, then per activity a
  state column ``"{activity}"`` and a date column ``"{activity} - Completion date"``
  (filled only when complete, in the exporting user's locale, e.g. Swedish month names),
  and ``Course complete`` last. Activity pairs are found by their shared prefix, so a
  Swedish export's translated headers work too.
* **Moodle grade export** (``grade/export/txt``): ``First name, Last name, …, Email
  address``, one ``"{type}: {item} (Real)"`` / ``"(Percentage)"`` column per grade item,
  ``Course total``; ``-`` means not graded.
* **Programs & Events Dashboard editors CSV** (``CourseStudentsCsvBuilder``):
  ``username, global_id, enrollment_timestamp, …, completed_training_modules_count,
  assigned_training_modules_count, completed_training_modules`` (a ", "-joined list of
  module names).

Learners are matched by Wikimedia username (WikiLearn signs in with the Wikimedia
account; MediaWiki ignores the case of the first letter and treats "_" as a space), else
by e-mail. Platform items (columns or module names) map to the programme's modules — a
fuzzy suggestion from the titles, confirmed once per course and saved. A completion
never goes backwards (completed stays completed) and carries its date: the platform's
own date where it has one, else the report's date from its file name, else today.
Writing is one transaction; then ready candidates are promoted as from the grid.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, update

from wir_manager.domain.enums import AuditAction, TrainingStatus
from wir_manager.i18n import _, ngettext
from wir_manager.services import training as tr
from wir_manager.services.localefmt import format_date, format_number
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.services.spreadsheets import limits, values
from wir_manager.services.spreadsheets import mapping as mp
from wir_manager.services.spreadsheets.cells import CellProblem, is_blank, text
from wir_manager.services.spreadsheets.errors import ImportRefusedError, SpreadsheetError
from wir_manager.services.spreadsheets.formats import open_table
from wir_manager.services.spreadsheets.report import Problem
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

#: Fraction of a graded item's points that counts as completing it.
DEFAULT_PASS_MARK = 0.5
HEADER_SEARCH_ROWS = 10
MAX_ROWS = limits.MAX_ROWS


class Source(StrEnum):
    OPENEDX = "openedx"
    MOODLE = "moodle"
    DASHBOARD = "dashboard"

    @property
    def label(self) -> str:
        return {
            Source.OPENEDX: "Open edX / WikiLearn",
            Source.MOODLE: "Moodle",
            Source.DASHBOARD: "Programs & Events Dashboard",
        }[self]


class Layout(StrEnum):
    EDX_GRADES = "edx_grades"
    EDX_PROBLEMS = "edx_problems"
    MOODLE_COMPLETION = "moodle_completion"
    MOODLE_GRADES = "moodle_grades"
    DASHBOARD_EDITORS = "dashboard_editors"

    @property
    def label(self) -> str:
        return {
            Layout.EDX_GRADES: _("Open edX grade report"),
            Layout.EDX_PROBLEMS: _("Open edX problem grade report"),
            Layout.MOODLE_COMPLETION: _("Moodle course completion report"),
            Layout.MOODLE_GRADES: _("Moodle grade export"),
            Layout.DASHBOARD_EDITORS: _("Programs & Events Dashboard editors list"),
        }[self]


class Match(StrEnum):
    USERNAME = "username"
    EMAIL = "email"
    UNMATCHED = "unmatched"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True, slots=True)
class Result:
    """One learner's result for one platform item."""

    status: TrainingStatus
    on: dt.date | None
    score: int | None
    raw: str


@dataclass(frozen=True, slots=True)
class Learner:
    row: int
    username: str | None
    email: str | None
    name: str | None
    match: Match
    candidate_id: int | None
    candidate_name: str | None
    results: dict[str, Result]


@dataclass(frozen=True, slots=True)
class Change:
    candidate_id: int
    module_id: int
    status: TrainingStatus
    on: dt.date
    score: int | None
    before: TrainingStatus | None


@dataclass(frozen=True)
class TrainingReport:
    source: Source
    layout: Layout
    file_name: str
    items: tuple[str, ...]
    mapping: dict[str, int | None]
    modules: dict[int, str]
    learners: tuple[Learner, ...]
    changes: tuple[Change, ...]
    kept: int  # results not written because they would go backwards or repeat
    problems: tuple[Problem, ...]
    notes: tuple[str, ...] = ()
    report_date: dt.date | None = None
    pass_mark: float = DEFAULT_PASS_MARK
    suggested: frozenset[str] = field(default_factory=frozenset)

    @property
    def matched(self) -> list[Learner]:
        return [x for x in self.learners if x.candidate_id is not None]

    @property
    def unmatched(self) -> list[Learner]:
        return [x for x in self.learners if x.match is Match.UNMATCHED]

    @property
    def ambiguous(self) -> list[Learner]:
        return [x for x in self.learners if x.match is Match.AMBIGUOUS]

    @property
    def unmapped(self) -> list[str]:
        return [i for i in self.items if self.mapping.get(i) is None]

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        n, changes = len(self.learners), len(self.changes)
        return _("{file} ({layout}): {learners} — {counts}; {records}.").format(
            file=self.file_name,
            layout=self.layout.label,
            learners=ngettext("{n} learner", "{n} learners", n).format(n=format_number(n)),
            counts=_("{matched} matched, {unmatched} not found, {ambiguous} ambiguous").format(
                matched=format_number(len(self.matched)),
                unmatched=format_number(len(self.unmatched)),
                ambiguous=format_number(len(self.ambiguous)),
            ),
            records=ngettext(
                "{n} training record to write", "{n} training records to write", changes
            ).format(n=format_number(changes)),
        )

    def lines(self) -> list[str]:
        out = [str(p) for p in self.problems]
        for item in self.items:
            module = self.mapping.get(item)
            target = self.modules.get(module, "") if module else _("(not used)")
            out.append(f"{item} → {target}")
        for learner in self.unmatched:
            who = learner.username or learner.email or learner.name or "?"
            out.append(
                _("Row {row}: no candidate matches “{who}”.").format(row=learner.row, who=who)
            )
        for learner in self.ambiguous:
            who = learner.username or learner.email or "?"
            out.append(
                _(
                    "Row {row}: “{who}” matches more than one candidate (username and e-mail "
                    "point to different people); not imported."
                ).format(row=learner.row, who=who)
            )
        return out


@dataclass(frozen=True)
class TrainingResult:
    written: int
    promoted: tuple[int, ...]


# --------------------------------------------------------------------------- layouts
_EDX_TAIL = {
    "cohort name", "team name", "enrollment track", "verification status",
    "certificate eligible", "certificate delivered", "certificate type", "enrollment status",
}  # fmt: skip
_ID_HEADERS = {
    "username": ("username", "user name", "användarnamn", "wikimedia username"),
    "email": ("email", "email address", "e-mail", "e-mail address", "e-postadress", "e-post"),
    "name": ("name", "full name", "namn", "fullständigt namn"),
    "first": ("first name", "förnamn"),
    "last": ("last name", "surname", "efternamn"),
}
_COURSE_COMPLETE = {"course complete", "kurs slutförd", "kursen slutförd", "kurs fullföljd",
                    "kursen avklarad", "kurs avklarad"}  # fmt: skip
_GRADE_SUFFIX = re.compile(r"\s*\((real|percentage|letter|verklig|procent|bokstav)\)\s*$", re.I)
_NOT_DONE = {"not attempted", "not available", "-", "", "n/a", "ej försökt", "ej tillgänglig"}


def _h(value: object) -> str:
    return " ".join(str(value or "").split()).casefold()


def detect_layout(headers: Sequence[object], source: Source) -> Layout:
    names = [_h(h) for h in headers]
    has = set(names)
    if source is Source.OPENEDX:
        if not {"username", "email"} & has:
            raise SpreadsheetError(
                _("This is not an Open edX grade report: it has no “Username” or “Email” column.")
            )
        if any(n.endswith("(earned)") for n in names):
            return Layout.EDX_PROBLEMS
        if "grade" not in has:
            raise SpreadsheetError(
                _("This is not an Open edX grade report: it has no “Grade” column.")
            )
        return Layout.EDX_GRADES
    if source is Source.DASHBOARD:
        if "username" not in has or "completed_training_modules" not in has:
            raise SpreadsheetError(
                _(
                    "This is not a Dashboard editors list: it needs the “username” and "
                    "“completed_training_modules” columns."
                )
            )
        return Layout.DASHBOARD_EDITORS
    if any(_GRADE_SUFFIX.search(str(h or "")) for h in headers):
        return Layout.MOODLE_GRADES
    if _moodle_pairs(headers):
        return Layout.MOODLE_COMPLETION
    raise SpreadsheetError(
        _(
            "This is neither a Moodle course completion report (activity and “… - Completion "
            "date” columns) nor a grade export (“… (Real)” columns)."
        )
    )


def platform_of(headers: Sequence[object]) -> Source | None:
    """The one platform whose export has these columns (None when none or several fit):
    a Dashboard editors list chosen as "Open edX" is then named, not just refused."""
    fits = []
    for source in Source:
        try:
            detect_layout(headers, source)
        except SpreadsheetError:
            continue
        fits.append(source)
    return fits[0] if len(fits) == 1 else None


class WrongPlatformError(SpreadsheetError):
    """The file is another platform's export than the one chosen; ``found`` says which
    (the wizard reads it as that one and says so, the CLI names the --source to use)."""

    def __init__(self, name: str, chosen: Source, found: Source) -> None:
        super().__init__(
            _("“{name}” is an export of {found}, not of {chosen}.").format(
                name=name, found=found.label, chosen=chosen.label
            )
        )
        self.chosen = chosen
        self.found = found


def _moodle_pairs(headers: Sequence[object]) -> dict[str, tuple[int, int]]:
    """Activity → (state column, date column): a column "X" followed by "X - <date label>"."""
    texts = [str(h or "").strip() for h in headers]
    pairs: dict[str, tuple[int, int]] = {}
    for i, head in enumerate(texts[:-1]):
        following = texts[i + 1]
        if head and following.startswith(head + " - ") and len(following) > len(head) + 3:
            pairs[head] = (i, i + 1)
    return pairs


def _find_header(rows: list[tuple[Any, ...]], source: Source) -> int:
    for i, row in enumerate(rows):
        names = {_h(v) for v in row if not is_blank(v)}
        if source is Source.DASHBOARD and "username" in names:
            return i
        if names & {"username", "email", "email address", "e-postadress", "e-post"}:
            return i
    return -1


# --------------------------------------------------------------------------- reading
def _fraction(raw: Any) -> float | None:
    """0.85, "0.85", "85%", "85,00 %" → 0.85; None for "Not Attempted" and blanks."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw) if raw <= 1 else float(raw) / 100
    value = (text(raw) or "").strip()
    if value.casefold() in _NOT_DONE:
        return None
    percent = value.endswith("%")
    value = value.rstrip("%").strip().replace(",", ".").replace("\u00a0", "")
    try:
        number = float(value)
    except ValueError:
        raise CellProblem(_("“{value}” is not a grade.").format(value=text(raw))) from None
    return number / 100 if percent or number > 1 else number


def _graded(fraction: float | None, on: dt.date, raw: Any, pass_mark: float) -> Result | None:
    if fraction is None:
        return None
    score = round(fraction * 100)
    status = TrainingStatus.COMPLETED if fraction >= pass_mark else TrainingStatus.IN_PROGRESS
    return Result(status, on, max(0, min(score, 100)), text(raw) or "")


def report_date_from_name(name: str) -> dt.date | None:
    """Open edX names reports ``…_grade_report_2027-01-15-1432.csv``; other platforms'
    files often carry an ISO date too."""
    found = re.search(r"(20\d\d)-(\d\d)-(\d\d)", name)
    if not found:
        return None
    try:
        return dt.date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


def _norm_user(name: str) -> str:
    """MediaWiki usernames: first letter case-insensitive, "_" ≡ " ", trimmed."""
    name = " ".join(name.replace("_", " ").split())
    return name[:1].upper() + name[1:] if name else name


@dataclass
class _People:
    by_user: dict[str, tuple[int, str]]
    by_email: dict[str, list[tuple[int, str]]]


def _people(db: Database) -> _People:
    by_user: dict[str, tuple[int, str]] = {}
    by_email: dict[str, list[tuple[int, str]]] = {}
    with db.engine.connect() as conn:
        for cid, username, email, name in conn.execute(
            select(m.Candidate.id, m.Candidate.username, m.Candidate.email, m.Candidate.full_name)
        ):
            by_user[_norm_user(username).casefold()] = (cid, name)
            if email:
                by_email.setdefault(email.strip().casefold(), []).append((cid, name))
    return _People(by_user, by_email)


def _match(
    people: _People, username: str | None, email: str | None
) -> tuple[Match, int | None, str | None]:
    by_user = people.by_user.get(_norm_user(username).casefold()) if username else None
    by_mail = people.by_email.get(email.strip().casefold(), []) if email else []
    if by_user is not None:
        if by_mail and all(cid != by_user[0] for cid, _n in by_mail):
            return Match.AMBIGUOUS, None, None
        return Match.USERNAME, by_user[0], by_user[1]
    if len(by_mail) == 1:
        return Match.EMAIL, by_mail[0][0], by_mail[0][1]
    if len(by_mail) > 1:
        return Match.AMBIGUOUS, None, None
    return Match.UNMATCHED, None, None


def suggest_modules(
    items: Sequence[str], modules: Sequence[tr.ModuleRecord]
) -> dict[str, int | None]:
    """Item → module id by title similarity (rapidfuzz), None when nothing is close."""
    from rapidfuzz import fuzz, process

    titles = {mod.id: mod.title for mod in modules if mod.active}
    out: dict[str, int | None] = {}
    for item in items:
        bare = re.sub(r"^.+?\s\d+:\s*", "", item)  # "Homework 2: Open licences" → "Open licences"
        best = process.extractOne(
            bare, titles, scorer=fuzz.token_set_ratio, processor=lambda s: s.casefold()
        )
        out[item] = best[2] if best and best[1] >= 80 else None
    return out


def read_training(
    db: Database,
    path: Path | str,
    source: Source | str,
    *,
    mapping: dict[str, int | None] | None = None,
    pass_mark: float = DEFAULT_PASS_MARK,
    date_order: values.DateOrder | None = None,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
) -> TrainingReport:
    """Read a platform export and work out what would change; writes nothing.

    ``mapping`` maps platform items (column or module names) to module ids (``None`` =
    not used); items it does not name get a suggestion.
    """
    path = Path(path)
    source = Source(source)
    today = today or dt.date.today()
    with open_table(path) as table:
        head: list[tuple[Any, ...]] = []
        for row in table.rows:
            head.append(row)
            if _find_header(head[-1:], source) == 0 or len(head) >= HEADER_SEARCH_ROWS:
                break
        h = _find_header(head, source)
        if h < 0:
            raise SpreadsheetError(
                _("No header row with a username or e-mail column was found in “{name}”.").format(
                    name=path.name
                )
            )
        header = [str(v).strip() if v is not None else "" for v in head[h]]
        body = head[h + 1 :] + list(table.rows)
        limits.check_body_rows(len(body))
    try:
        layout = detect_layout(header, source)
    except SpreadsheetError:
        found = platform_of(header)
        if found is None or found is source:
            raise
        raise WrongPlatformError(path.name, source, found) from None
    first_row = h + 2
    report_date = report_date_from_name(path.name)
    on_default = report_date or today
    names = [_h(x) for x in header]

    def col(kind: str) -> int | None:
        for wanted in _ID_HEADERS[kind]:
            if wanted in names:
                return names.index(wanted)
        return None

    user_col, mail_col, name_col = col("username"), col("email"), col("name")
    first_col, last_col = col("first"), col("last")
    problems: list[Problem] = []
    notes: list[str] = []
    item_cols: dict[str, Any] = {}
    if layout is Layout.EDX_GRADES:
        start = names.index("grade") + 1
        for i in range(start, len(header)):
            n = names[i]
            if not n or n in _EDX_TAIL or n.startswith("experiment group") or n.endswith("(avg)"):
                continue
            item_cols[header[i]] = i
    elif layout is Layout.EDX_PROBLEMS:
        for i, n in enumerate(names):
            if n.endswith("(earned)"):
                problem = header[i][: -len("(Earned)")].strip()
                subsection = problem.split(" - ", 1)[0]
                possible = (
                    names.index(n[: -len("(earned)")] + "(possible)")
                    if (n[: -len("(earned)")] + "(possible)") in names
                    else None
                )
                item_cols.setdefault(subsection, []).append((i, possible))
    elif layout is Layout.MOODLE_COMPLETION:
        for activity, pair in _moodle_pairs(header).items():
            item_cols[activity] = pair
        for i, n in enumerate(names):
            if n in _COURSE_COMPLETE:
                item_cols[header[i]] = (i, None)
    elif layout is Layout.MOODLE_GRADES:
        for i, raw in enumerate(header):
            if _GRADE_SUFFIX.search(raw):
                item_cols[_GRADE_SUFFIX.sub("", raw).strip()] = i
    # Dashboard items are the module names found in the rows (below).

    order = date_order
    if layout is Layout.MOODLE_COMPLETION and order is None:
        date_values = [
            r[d] for r in body for (_s, d) in item_cols.values() if d is not None and d < len(r)
        ]
        order, ambiguous = values.detect_order(date_values)
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

    people = _people(db)
    learners: list[Learner] = []
    dashboard_items: dict[str, None] = {}
    for offset, row in enumerate(body):
        if all(is_blank(v) for v in row):
            continue
        number = first_row + offset

        def cell(i: int | None, row: tuple[Any, ...] = row) -> Any:
            return row[i] if i is not None and i < len(row) else None

        username = text(cell(user_col))
        email = text(cell(mail_col))
        name = (
            text(cell(name_col))
            or " ".join(t for t in (text(cell(first_col)), text(cell(last_col))) if t)
            or None
        )
        results: dict[str, Result] = {}
        try:
            if layout is Layout.EDX_GRADES:
                for item, i in item_cols.items():
                    result = _graded(_fraction(cell(i)), on_default, cell(i), pass_mark)
                    if result:
                        results[item] = result
            elif layout is Layout.EDX_PROBLEMS:
                for item, cols in item_cols.items():
                    earned = possible = 0.0
                    attempted = False
                    for e, p in cols:
                        raw = cell(e)
                        if not is_blank(raw) and (text(raw) or "").casefold() not in _NOT_DONE:
                            attempted = True
                            earned += float(str(raw).replace(",", "."))
                        if p is not None and not is_blank(cell(p)):
                            pv = text(cell(p)) or ""
                            if pv.casefold() not in _NOT_DONE:
                                possible += float(pv.replace(",", "."))
                    if attempted:
                        frac = earned / possible if possible else 1.0
                        result = _graded(frac, on_default, f"{earned:g}/{possible:g}", pass_mark)
                        if result:
                            results[item] = result
            elif layout is Layout.MOODLE_COMPLETION:
                for item, (s, d) in item_cols.items():
                    state, when = cell(s), cell(d)
                    if d is not None and not is_blank(when):
                        on, _r = values.date(when, order)
                        results[item] = Result(TrainingStatus.COMPLETED, on, None, text(when) or "")
                    elif d is None and not is_blank(state):
                        try:
                            on, _r = values.date(state, order)
                        except CellProblem:
                            on = None
                        if on is not None:
                            results[item] = Result(
                                TrainingStatus.COMPLETED, on, None, text(state) or ""
                            )
            elif layout is Layout.MOODLE_GRADES:
                for item, i in item_cols.items():
                    raw = cell(i)
                    if is_blank(raw) or (text(raw) or "").strip() in _NOT_DONE:
                        continue
                    frac = _fraction(raw)
                    if frac is not None:
                        results[item] = Result(
                            TrainingStatus.COMPLETED,
                            on_default,
                            min(round(frac * 100), 100),
                            text(raw) or "",
                        )
            else:
                listed = text(cell(names.index("completed_training_modules"))) or ""
                for module_name in (x.strip() for x in listed.split(",")):
                    if module_name:
                        dashboard_items.setdefault(module_name, None)
                        results[module_name] = Result(
                            TrainingStatus.COMPLETED, on_default, None, module_name
                        )
        except (CellProblem, ValueError) as exc:
            problems.append(Problem(number, "", str(exc)))
            continue
        match, cid, cname = _match(people, username, email)
        learners.append(Learner(number, username, email, name, match, cid, cname, results))
        if len(learners) % 1000 == 0:
            progress.report(len(learners), len(body), _("Reading learners"))

    items = tuple(dashboard_items) if layout is Layout.DASHBOARD_EDITORS else tuple(item_cols)
    modules = tr.list_modules(db, include_inactive=False)
    suggestion = suggest_modules(items, modules)
    chosen: dict[str, int | None] = {}
    suggested: set[str] = set()
    for item in items:
        if mapping is not None and item in mapping:
            chosen[item] = mapping[item]
        else:
            chosen[item] = suggestion.get(item)
            suggested.add(item)
    module_titles = {mod.id: mod.title for mod in modules}
    for item, mid in chosen.items():
        if mid is not None and mid not in module_titles:
            problems.append(
                Problem(
                    0,
                    "",
                    _("“{item}” is mapped to a module that no longer exists.").format(item=item),
                )
            )
    if report_date is None and layout is not Layout.MOODLE_COMPLETION:
        notes.append(
            _("The file has no dates; completions are dated {date} (today).").format(
                date=format_date(on_default)
            )
        )
    changes, kept = _plan_changes(db, learners, chosen, today)
    for change in changes:
        if change.on > today:
            problems.append(
                Problem(
                    0,
                    "",
                    _("A completion date is in the future ({date}).").format(
                        date=format_date(change.on)
                    ),
                )
            )
            break
    return TrainingReport(
        source, layout, path.name, items, chosen, module_titles, tuple(learners),
        tuple(changes), kept, tuple(problems), tuple(notes), report_date, pass_mark,
        frozenset(suggested),
    )  # fmt: skip


_RANK = {TrainingStatus.NOT_STARTED: 0, TrainingStatus.IN_PROGRESS: 1, TrainingStatus.COMPLETED: 2}


def _plan_changes(
    db: Database, learners: Sequence[Learner], mapping: dict[str, int | None], today: dt.date
) -> tuple[list[Change], int]:
    """What to write: the best result per (candidate, module), never lower than what the
    database has (completed stays completed, with its first date)."""
    wanted: dict[tuple[int, int], Result] = {}
    for learner in learners:
        if learner.candidate_id is None:
            continue
        for item, result in learner.results.items():
            mid = mapping.get(item)
            if mid is None:
                continue
            key = (learner.candidate_id, mid)
            have = wanted.get(key)
            if have is None or (_RANK[result.status], result.score or 0) > (
                _RANK[have.status],
                have.score or 0,
            ):
                wanted[key] = result
    existing: dict[tuple[int, int], TrainingStatus] = {}
    cids = sorted({cid for cid, _m in wanted})
    with db.engine.connect() as conn:
        for start in range(0, len(cids), 500):
            chunk = cids[start : start + 500]
            for cid, mid, status in conn.execute(
                select(
                    m.TrainingProgress.candidate_id,
                    m.TrainingProgress.module_id,
                    m.TrainingProgress.status,
                ).where(m.TrainingProgress.candidate_id.in_(chunk))
            ):
                existing[(cid, mid)] = TrainingStatus(status)
    changes: list[Change] = []
    kept = 0
    for (cid, mid), result in sorted(wanted.items()):
        before = existing.get((cid, mid))
        if before is not None and _RANK[before] >= _RANK[result.status]:
            kept += 1
            continue
        changes.append(Change(cid, mid, result.status, result.on or today, result.score, before))
    return changes, kept


def saved_course_mapping(
    db: Database, source: Source | str, items: Sequence[str]
) -> tuple[str, dict[str, int | None]] | None:
    """The mapping saved for a course with these items (name, item → module id)."""
    saved = mp.matching_saved(db, f"training:{Source(source).value}", items)
    if saved is None:
        return None
    return saved.name, {k: int(v) if v else None for k, v in saved.columns.items()}


def save_course_mapping(db: Database, name: str, report: TrainingReport) -> mp.SavedMapping:
    """Save the report's item → module choices under ``name`` for the next export."""
    columns = {item: str(mid) if mid else "" for item, mid in report.mapping.items()}
    return mp.save_columns(
        db, name, f"training:{report.source.value}", tuple(report.items), columns,
        extra={"pass_mark": report.pass_mark},
    )  # fmt: skip


def write_training(
    db: Database, report: TrainingReport, progress: Progress = NO_PROGRESS
) -> TrainingResult:
    """Write every change of an accepted report in ONE transaction, then promote the
    candidates whose training is now complete (as the grid does)."""
    if not report.ok:
        raise ImportRefusedError(
            ngettext(
                "The file has {n} problem; nothing was written.",
                "The file has {n} problems; nothing was written.",
                len(report.problems),
            ).format(n=format_number(len(report.problems)))
        )
    table = m.table_of(m.TrainingProgress)
    touched = sorted({c.candidate_id for c in report.changes})
    with db.connection(write=True) as conn:
        found = 0
        for start in range(0, len(touched), 500):
            chunk = touched[start : start + 500]
            found += conn.execute(
                select(func.count()).select_from(m.Candidate).where(m.Candidate.id.in_(chunk))
            ).scalar_one()
        if found != len(touched):
            raise ImportRefusedError(
                _("Some matched candidates were deleted meanwhile; read the file again.")
            )
        inserts = []
        for n, change in enumerate(report.changes):
            completed = change.status is TrainingStatus.COMPLETED
            values_ = {
                "status": change.status.value,
                "completed_on": change.on if completed else None,
                "score": change.score if completed else None,
            }
            if change.before is None:
                inserts.append(
                    {
                        "candidate_id": change.candidate_id,
                        "module_id": change.module_id,
                        "started_on": change.on,
                        **values_,
                    }
                )
            else:
                conn.execute(
                    update(table)
                    .where(
                        table.c.candidate_id == change.candidate_id,
                        table.c.module_id == change.module_id,
                    )
                    .values(**values_)
                )
            if n % 500 == 0:
                progress.report(n, len(report.changes), _("Writing training records"))
        if inserts:
            conn.execute(insert(table), inserts)
        if touched:
            now = m.utcnow()
            conn.execute(
                insert(m.AuditEntry),
                [
                    {
                        "at": now,
                        "operator": db.operator,
                        "action": AuditAction.UPDATE.value,
                        "entity": "candidate",
                        "entity_id": cid,
                        "fields": ["training", f"import:{report.source.value}"],
                    }
                    for cid in touched
                ],
            )
    promoted = tr.promote_ready(db, touched) if touched else []
    return TrainingResult(len(report.changes), tuple(promoted))
