"""Export candidates, a shortlist and the training grid to .xlsx.

Sheets are written in openpyxl's write-only mode (fast, constant memory for 50,000
rows) with a bold frozen header row, an auto-filter, sensible column widths and real
date cells. Every text cell from user data passes through ``neutralise_formula``, so a
name like ``=HYPERLINK(...)`` stays text when a liaison opens the file. The candidate
sheet uses exactly the columns the importer reads, so export → import round-trips.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from wir_manager.domain.enums import (
    AuditAction,
    LanguageLevel,
    Platform,
    Stage,
    Topic,
    TrainingStatus,
)
from wir_manager.i18n import _
from wir_manager.services.candidate_records import FIELDS, FieldSpec, Kind
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.services.safe_text import neutralise_formula
from wir_manager.services.spreadsheets import inmemory
from wir_manager.services.spreadsheets.errors import SpreadsheetError
from wir_manager.services.spreadsheets.headers import CANDIDATE_FIELDS
from wir_manager.storage import audit, files
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

if TYPE_CHECKING:
    from wir_manager.services.matching import AssignmentResult

inmemory.install()

DATE_FORMAT = "yyyy-mm-dd"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
MAX_WIDTH = 50
WIDTH_SAMPLE = 300


def format_languages(langs: Iterable[tuple[str, int]]) -> str:
    return "; ".join(f"{code}:{LanguageLevel(level).label}" for code, level in langs)


def format_skills(skills: Iterable[tuple[str, int]]) -> str:
    return "; ".join(f"{Platform(p).label}:{level}" for p, level in skills)


def format_topics(topics: Iterable[str]) -> str:
    return "; ".join(Topic(t).label for t in topics)


def yes_no(flag: bool | None) -> str:
    return "yes" if flag else "no"


def yes_no_blank(flag: bool | None) -> str | None:
    """yes / no, and an empty cell for "not recorded" (read back as such on import)."""
    return None if flag is None else yes_no(flag)


class SheetWriter:
    """One write-only sheet with our house style; call :meth:`append` per data row."""

    def __init__(self, wb: Workbook, title: str, headers: Sequence[str]) -> None:
        self.ws = wb.create_sheet(title=title[:31])
        self.headers = list(headers)
        self.widths = [min(max(len(h) + 2, 8), MAX_WIDTH) for h in headers]
        self.rows = 0
        self._buffer: list[list[Any]] = []

    def _cell(self, value: Any, *, header: bool = False) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, value=value)
        if header:
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(vertical="center", wrap_text=False)
        elif isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
        return cell

    def append(self, values: Sequence[Any]) -> None:
        """Queue one row; strings are neutralised (and stripped of control characters
        the xlsx format cannot hold), dates stay real dates."""
        row = [
            neutralise_formula(ILLEGAL_CHARACTERS_RE.sub("", v)) if isinstance(v, str) else v
            for v in values
        ]
        if self.rows < WIDTH_SAMPLE:
            for i, v in enumerate(row):
                if v is not None:
                    text = v.isoformat() if isinstance(v, dt.date) else str(v)
                    self.widths[i] = min(max(self.widths[i], len(text) + 2), MAX_WIDTH)
        self.rows += 1
        self._buffer.append(row)

    def finish(self) -> None:
        """Write layout settings (they must precede rows in write-only mode), then rows."""
        for i, width in enumerate(self.widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = width
        self.ws.freeze_panes = "A2"
        last = get_column_letter(max(len(self.headers), 1))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"
        self.ws.append([self._cell(h, header=True) for h in self.headers])
        for row in self._buffer:
            self.ws.append([self._cell(v) if isinstance(v, dt.date) else v for v in row])
        self._buffer.clear()


def save_workbook(wb: Workbook, path: os.PathLike[str] | str) -> Path:
    """Every .xlsx we write goes through here (exports, templates, subject exports)."""
    import io

    buffer = io.BytesIO()
    wb.save(buffer)
    return files.write_bytes_atomic(path, buffer.getvalue(), error=_write_error)


def _write_error(exc: OSError, path: Path) -> SpreadsheetError:
    return SpreadsheetError(files.write_failed_message(exc, path))


def check_target(path: Path) -> None:
    """Refuse a bad destination before any work is done."""
    if path.suffix.lower() != ".xlsx":
        raise SpreadsheetError(_("The file name must end in .xlsx."))
    if not path.parent.exists():
        raise SpreadsheetError(_("The folder {path} does not exist.").format(path=path.parent))


def _save(wb: Workbook, path: Path) -> None:
    """Zip the workbook in memory, then write it through :func:`storage.files.atomic_output`
    (a private temporary file renamed into place): a full disk leaves no partial file and
    nothing for openpyxl's ``ZipFile`` to flush (and fail) later at garbage collection."""
    save_workbook(wb, path)


def _audit(db: Database, entity: str, entity_id: int | None, fields: list[str]) -> None:
    with db.session(write=True) as s:
        audit.record(s, AuditAction.EXPORT, entity, entity_id, fields)


# ----------------------------------------------------------------------------- candidates
CANDIDATE_COLUMNS = tuple(f.label for f in CANDIDATE_FIELDS)


def cell_value(spec: FieldSpec, value: Any) -> Any:
    """A stored value as the importer reads it back (so export → import round-trips)."""
    if spec.kind is Kind.STAGE:
        return Stage(value).label
    if spec.kind is Kind.YES_NO:
        return yes_no(value)
    if spec.kind is Kind.YES_NO_UNKNOWN:
        return yes_no_blank(value)
    return value


def candidate_rows(db: Database, ids: Sequence[int] | None = None) -> list[list[Any]]:
    """Rows in :data:`CANDIDATE_COLUMNS` order (plain values; no neutralising yet)."""
    langs: dict[int, list[tuple[str, int]]] = defaultdict(list)
    skills: dict[int, list[tuple[str, int]]] = defaultdict(list)
    topics: dict[int, list[Topic]] = defaultdict(list)
    c = m.Candidate
    stored = [spec.name for spec in FIELDS if spec.stored and spec.kind is not Kind.AFFILIATE]
    query = (
        select(c.id, m.Affiliate.name.label("affiliate_id"), *(c.__table__.c[n] for n in stored))
        .outerjoin(m.Affiliate, c.affiliate_id == m.Affiliate.id)
        .order_by(c.id)
    )
    if ids is not None:
        query = query.where(c.id.in_(list(ids)))
    order = list(Topic)
    with db.engine.connect() as conn:
        people = conn.execute(query).mappings().all()
        for cid, code, level in conn.execute(
            select(
                m.CandidateLanguage.candidate_id,
                m.CandidateLanguage.code,
                m.CandidateLanguage.level,
            ).order_by(
                m.CandidateLanguage.candidate_id,
                m.CandidateLanguage.level.desc(),
                m.CandidateLanguage.code,
            )
        ):
            langs[cid].append((code, level))
        for cid, platform, level in conn.execute(
            select(
                m.CandidateSkill.candidate_id, m.CandidateSkill.platform, m.CandidateSkill.level
            ).order_by(
                m.CandidateSkill.candidate_id,
                m.CandidateSkill.level.desc(),
                m.CandidateSkill.platform,
            )
        ):
            skills[cid].append((platform, level))
        for cid, topic in conn.execute(
            select(m.CandidateTopic.candidate_id, m.CandidateTopic.topic)
        ):
            topics[cid].append(topic)
    rows = []
    for p in people:
        cid = p["id"]
        row: list[Any] = []
        for spec in FIELDS:
            if spec.kind is Kind.LANGUAGES:
                row.append(format_languages(langs[cid]))
            elif spec.kind is Kind.SKILLS:
                row.append(format_skills(skills[cid]))
            elif spec.kind is Kind.TOPICS:
                row.append(format_topics(sorted(topics[cid], key=order.index)))
            else:
                row.append(cell_value(spec, p[spec.name]))
        rows.append(row)
    return rows


def export_candidates(
    db: Database,
    path: os.PathLike[str] | str,
    *,
    ids: Sequence[int] | None = None,
    progress: Progress = NO_PROGRESS,
) -> int:
    """Write candidates (all, or ``ids``) to ``path``; returns the number of rows."""
    path = Path(path)
    check_target(path)
    rows = candidate_rows(db, ids)
    wb = Workbook(write_only=True)
    sheet = SheetWriter(wb, _("Candidates"), CANDIDATE_COLUMNS)
    for n, row in enumerate(rows, start=1):
        sheet.append(row)
        if n % 5000 == 0:
            progress.report(n, len(rows), _("Writing candidates"))
    sheet.finish()
    _save(wb, path)
    _audit(db, "candidate", None, ["spreadsheet", f"rows:{len(rows)}"])
    return len(rows)


# ----------------------------------------------------------------------------- shortlist
def export_shortlist(db: Database, request_id: int, path: os.PathLike[str] | str) -> int:
    """Write the saved shortlist of ``request_id``; returns the number of rows."""
    from wir_manager.services.matching import part_label, saved_shortlist

    path = Path(path)
    check_target(path)
    with db.engine.connect() as conn:
        title = conn.execute(
            select(m.PlacementRequest.title).where(m.PlacementRequest.id == request_id)
        ).scalar()
    if title is None:
        raise SpreadsheetError(_("There is no placement request {id}.").format(id=request_id))
    rows = saved_shortlist(db, request_id)
    if not rows:
        raise SpreadsheetError(
            _("Request {id} has no saved shortlist to export.").format(id=request_id)
        )
    with db.engine.connect() as conn:
        usernames = dict(
            conn.execute(
                select(m.Candidate.id, m.Candidate.username).where(
                    m.Candidate.id.in_([r.candidate_id for r in rows])
                )
            ).all()
        )
    parts = list(dict.fromkeys(p for r in rows for p in r.parts))
    headers = [
        _("Rank"),
        _("Name"),
        _("Username"),
        _("Score"),
        *[part_label(p) for p in parts],
        _("Status"),
        _("Note"),
        _("Weight profile"),
        _("Profile version"),
    ]
    wb = Workbook(write_only=True)
    sheet = SheetWriter(wb, _("Shortlist {id}").format(id=request_id), headers)
    for r in rows:
        sheet.append(
            [
                r.rank,
                r.name,
                usernames.get(r.candidate_id),
                round(r.score, 2),
                *[round(float(r.parts.get(p, 0.0)), 2) for p in parts],
                r.status,
                r.note,
                r.profile_name,
                r.profile_version,
            ]
        )
    sheet.finish()
    wb.properties.title = title
    _save(wb, path)
    _audit(db, "request", request_id, ["shortlist", "spreadsheet"])
    return len(rows)


def export_assignment(db: Database, result: AssignmentResult, path: os.PathLike[str] | str) -> int:
    """Write the best assignment (an :class:`AssignmentResult`): one row per request and
    assigned person, with the organisation, the score and the greedy baseline's pick, and
    requests left unfilled with the reason. Returns the number of rows written."""
    path = Path(path)
    check_target(path)
    headers = [
        _("Request"),
        _("Title"),
        _("Organisation"),
        _("Positions"),
        _("Eligible"),
        _("Candidate"),
        _("Candidate id"),
        _("Score"),
        _("Unfilled"),
        _("Why unfilled"),
    ]
    wb = Workbook(write_only=True)
    sheet = SheetWriter(wb, _("Assignment"), headers)
    for req in result.requests:
        base = [req.request_id, req.title, req.organisation, req.positions, req.eligible_count]
        people = req.placements or (None,)
        for i, person in enumerate(people):
            last = i == len(people) - 1
            sheet.append(
                [
                    *base,
                    person.name if person else None,
                    person.candidate_id if person else None,
                    round(person.score, 2) if person else None,
                    req.unfilled if last and req.unfilled else None,
                    req.reason if last else None,
                ]
            )
    sheet.finish()
    summary = SheetWriter(wb, _("Summary"), [_("Figure"), _("Value")])
    for label, value in (
        (_("Total score"), result.total),
        (_("Greedy baseline"), result.greedy_total),
        (_("Gain"), result.gain),
        (_("Weight profile"), f"{result.profile_name} v{result.profile_version}"),
    ):
        summary.append([label, value])
    summary.finish()
    _save(wb, path)
    _audit(db, "request", None, ["assignment", "spreadsheet"])
    return sheet.rows


# ----------------------------------------------------------------------------- training
def export_training(
    db: Database, path: os.PathLike[str] | str, *, progress: Progress = NO_PROGRESS
) -> int:
    """The training progress grid: one row per candidate in or past training, one column
    per module; a completed cell holds the completion date, others the status word."""
    path = Path(path)
    check_target(path)
    with db.engine.connect() as conn:
        modules = conn.execute(
            select(m.TrainingModule.id, m.TrainingModule.title, m.TrainingModule.mandatory)
            .where(m.TrainingModule.active.is_(True))
            .order_by(m.TrainingModule.position, m.TrainingModule.id)
        ).all()
        people = conn.execute(
            select(m.Candidate.id, m.Candidate.full_name, m.Candidate.username, m.Candidate.stage)
            .where(m.Candidate.stage.notin_([Stage.APPLIED, Stage.SCREENED]))
            .order_by(m.Candidate.full_name, m.Candidate.id)
        ).all()
        cells: dict[tuple[int, int], tuple[TrainingStatus, dt.date | None]] = {}
        for cid, mid, status, done in conn.execute(
            select(
                m.TrainingProgress.candidate_id,
                m.TrainingProgress.module_id,
                m.TrainingProgress.status,
                m.TrainingProgress.completed_on,
            )
        ):
            cells[(cid, mid)] = (status, done)
    headers = [
        _("Name"),
        _("Username"),
        _("Stage"),
        *[t + ("" if mandatory else _(" (optional)")) for _mid, t, mandatory in modules],
        _("Completed"),
    ]
    wb = Workbook(write_only=True)
    sheet = SheetWriter(wb, _("Training"), headers)
    for n, (cid, name, username, stage) in enumerate(people, start=1):
        row: list[Any] = [name, username, Stage(stage).label]
        done_count = 0
        for mid, _title, _mandatory in modules:
            status, done = cells.get((cid, mid), (TrainingStatus.NOT_STARTED, None))
            if status is TrainingStatus.COMPLETED:
                done_count += 1
                row.append(done or _("completed"))
            elif status is TrainingStatus.IN_PROGRESS:
                row.append(_("in progress"))
            else:
                row.append(None)
        row.append(f"{done_count}/{len(modules)}")
        sheet.append(row)
        if n % 5000 == 0:
            progress.report(n, len(people), _("Writing training grid"))
    sheet.finish()
    _save(wb, path)
    _audit(db, "training_module", None, ["progress", "spreadsheet"])
    return len(people)
