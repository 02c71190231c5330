"""The training programme: its modules, the candidates × modules progress grid, completion
marking and the "ready" rule.

The grid is read with Core selects into compact tuples (one ``bytes`` of status codes per
candidate), so 50,000 candidates × 9 modules load in well under a second and fit in a
few megabytes. Marking completion writes in one transaction with set-based statements.

The ready rule lives here and only here: a candidate is ready when every *mandatory,
active* module is completed. Marking completion never changes a stage by itself; call
:func:`promote_ready` afterwards to move candidates whose training is complete from
"in training" to "ready", so the caller decides when stages move and can tell the user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, delete, func, insert, select, update

from wir_manager.domain import catalogue
from wir_manager.domain.enums import AuditAction, Stage, TrainingStatus
from wir_manager.i18n import _
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

#: Status codes in :attr:`GridRow.statuses` (one byte per module, in module order).
NOT_STARTED, IN_PROGRESS, COMPLETED = 0, 1, 2
STATUS_CODE = {
    TrainingStatus.NOT_STARTED.value: NOT_STARTED,
    TrainingStatus.IN_PROGRESS.value: IN_PROGRESS,
    TrainingStatus.COMPLETED.value: COMPLETED,
}
CODE_STATUS = {code: TrainingStatus(value) for value, code in STATUS_CODE.items()}

#: SQLite limits bound parameters per statement; chunk long id lists.
_CHUNK = 500
MAX_SCORE = 100


class TrainingError(ValueError):
    """A training change that cannot be made; ``str()`` is a plain sentence."""


@dataclass(frozen=True, slots=True)
class ModuleRecord:
    id: int
    position: int
    title: str
    description: str
    mandatory: bool
    active: bool


@dataclass(frozen=True, slots=True)
class GridRow:
    """One candidate's line: ``statuses[i]`` is the code for ``ProgressGrid.modules[i]``."""

    candidate_id: int
    name: str
    username: str
    stage: str
    statuses: bytes


@dataclass(frozen=True)
class ProgressGrid:
    """Candidates × active modules. ``mandatory`` flags each module of ``modules``."""

    modules: tuple[ModuleRecord, ...]
    rows: list[GridRow]

    @property
    def mandatory(self) -> tuple[bool, ...]:
        return tuple(mod.mandatory for mod in self.modules)

    def is_ready(self, row: GridRow) -> bool:
        return is_ready_codes(row.statuses, self.mandatory)


@dataclass(frozen=True, slots=True)
class CellDetail:
    status: str
    started_on: dt.date | None
    completed_on: dt.date | None
    score: int | None


# --------------------------------------------------------------------------- ready rule
def is_ready(statuses: Mapping[int, str], modules: Iterable[ModuleRecord]) -> bool:
    """True when every mandatory, active module has status "completed" in ``statuses``
    (module id → TrainingStatus value).

    Inactive modules are retired from the programme and no longer count. A programme with
    no mandatory active module certifies nobody: "ready" must mean training happened.
    """
    required = [mod.id for mod in modules if mod.mandatory and mod.active]
    if not required:
        return False
    return all(statuses.get(mid) == TrainingStatus.COMPLETED.value for mid in required)


def is_ready_codes(codes: bytes, mandatory: Sequence[bool]) -> bool:
    """:func:`is_ready` over a grid row's compact status codes (active modules only)."""
    if not any(mandatory):
        return False
    return all(code == COMPLETED for code, req in zip(codes, mandatory, strict=True) if req)


# --------------------------------------------------------------------------- modules
def _module(row: m.TrainingModule) -> ModuleRecord:
    return ModuleRecord(
        row.id,
        row.position,
        row.title,
        row.description or "",
        bool(row.mandatory),
        bool(row.active),
    )


def list_modules(db: Database, *, include_inactive: bool = True) -> list[ModuleRecord]:
    query = select(m.TrainingModule).order_by(m.TrainingModule.position, m.TrainingModule.id)
    if not include_inactive:
        query = query.where(m.TrainingModule.active.is_(True))
    with db.session() as s:
        return [_module(row) for row in s.scalars(query)]


def _clean_title(title: str) -> str:
    clean = " ".join((title or "").split())
    if not clean:
        raise TrainingError(_("A training module needs a title."))
    if len(clean) > 300:
        raise TrainingError(_("The module title is too long (at most 300 characters)."))
    return clean


def add_module(
    db: Database, title: str, description: str = "", *, mandatory: bool = True
) -> ModuleRecord:
    """Append a module at the end of the programme."""
    clean = _clean_title(title)
    with db.session() as s:
        last = s.execute(select(func.max(m.TrainingModule.position))).scalar() or 0
        row = m.TrainingModule(
            position=last + 1,
            title=clean,
            description=(description or "").strip() or None,
            mandatory=mandatory,
            active=True,
        )
        s.add(row)
        s.flush()
        return _module(row)


def update_module(
    db: Database,
    module_id: int,
    *,
    title: str | None = None,
    description: str | None = None,
    mandatory: bool | None = None,
    active: bool | None = None,
) -> ModuleRecord:
    """Change any of a module's title, description, mandatory flag or active flag.

    Deactivating keeps the module and everyone's progress on it (history stays true) but
    drops it from the grid and from the ready rule.
    """
    with db.session() as s:
        row = s.get(m.TrainingModule, module_id)
        if row is None:
            raise TrainingError(_("That training module no longer exists."))
        if title is not None:
            row.title = _clean_title(title)
        if description is not None:
            row.description = description.strip() or None
        if mandatory is not None:
            row.mandatory = mandatory
        if active is not None:
            row.active = active
        s.flush()
        return _module(row)


def rename_module(db: Database, module_id: int, title: str) -> ModuleRecord:
    return update_module(db, module_id, title=title)


def set_mandatory(db: Database, module_id: int, mandatory: bool) -> ModuleRecord:
    return update_module(db, module_id, mandatory=mandatory)


def deactivate_module(db: Database, module_id: int) -> ModuleRecord:
    return update_module(db, module_id, active=False)


def reorder_modules(db: Database, ordered_ids: Sequence[int]) -> list[ModuleRecord]:
    """Give the modules the order of ``ordered_ids``, which must name every module once."""
    with db.session() as s:
        rows = {row.id: row for row in s.scalars(select(m.TrainingModule))}
        if sorted(ordered_ids) != sorted(rows):
            raise TrainingError(
                _(
                    "The new order must list every training module exactly once; reload and "
                    "try again."
                )
            )
        for pos, mid in enumerate(ordered_ids, start=1):
            if rows[mid].position != pos:
                rows[mid].position = pos
    return list_modules(db)


def move_module(db: Database, module_id: int, delta: int) -> list[ModuleRecord]:
    """Move one module ``delta`` places up (negative) or down; clamps at the ends."""
    ids = [mod.id for mod in list_modules(db)]
    if module_id not in ids:
        raise TrainingError(_("That training module no longer exists."))
    i = ids.index(module_id)
    j = max(0, min(len(ids) - 1, i + delta))
    ids.insert(j, ids.pop(i))
    return reorder_modules(db, ids)


def install_default_modules(db: Database) -> list[ModuleRecord]:
    """Add the programme's default curriculum (shared/DOMAIN.md) when there is no module."""
    with db.session() as s:
        if s.execute(select(m.TrainingModule.id).limit(1)).first() is None:
            for pos, spec in enumerate(catalogue.DEFAULT_MODULES, start=1):
                s.add(
                    m.TrainingModule(
                        position=pos,
                        title=spec.title,
                        description=spec.description,
                        mandatory=spec.mandatory,
                        active=True,
                    )
                )
    return list_modules(db)


# --------------------------------------------------------------------------- grid
def load_grid(
    db: Database,
    *,
    stages: Collection[str] | None = None,
    candidate_ids: Collection[int] | None = None,
    progress: Progress = NO_PROGRESS,
) -> ProgressGrid:
    """Candidates (optionally only some stages, or only ``candidate_ids``) × active
    modules, as compact rows.

    Two Core selects: candidates, then every progress row of active modules. Rows are
    ordered by name so the grid needs no sort before it is shown. ``candidate_ids`` lets
    a view refresh just the rows it changed.
    """
    modules = tuple(list_modules(db, include_inactive=False))
    column = {mod.id: i for i, mod in enumerate(modules)}
    width = len(modules)
    query = select(
        m.Candidate.id, m.Candidate.full_name, m.Candidate.username, m.Candidate.stage
    ).order_by(m.Candidate.full_name, m.Candidate.id)
    if stages:
        query = query.where(m.Candidate.stage.in_([Stage(s) for s in stages]))
    with db.engine.connect() as conn:
        if candidate_ids is None:
            people = conn.execute(query).all()
        else:
            people = []
            for chunk in _chunks(sorted(set(candidate_ids))):
                people += conn.execute(query.where(m.Candidate.id.in_(chunk))).all()
        progress.report(0, 2, "")
        cells: dict[int, bytearray] = {cid: bytearray(width) for cid, *_rest in people}
        if width:
            prog = select(
                m.TrainingProgress.candidate_id,
                m.TrainingProgress.module_id,
                m.TrainingProgress.status,
            ).where(m.TrainingProgress.module_id.in_(list(column)))
            batches = (
                [prog]
                if candidate_ids is None
                else [
                    prog.where(m.TrainingProgress.candidate_id.in_(chunk))
                    for chunk in _chunks(sorted(cells))
                ]
            )
            for statement in batches:
                for cid, mid, status in conn.execute(statement):
                    row = cells.get(cid)
                    if row is not None:
                        row[column[mid]] = STATUS_CODE[status.value]
        progress.report(1, 2, "")
    rows = [
        GridRow(cid, name, username, stage.value, bytes(cells[cid]))
        for cid, name, username, stage in people
    ]
    progress.report(2, 2, "")
    return ProgressGrid(modules, rows)


def cell_detail(db: Database, candidate_id: int, module_id: int) -> CellDetail:
    """Dates and score of one cell (for tooltips); a missing row is "not started"."""
    with db.engine.connect() as conn:
        row = conn.execute(
            select(
                m.TrainingProgress.status,
                m.TrainingProgress.started_on,
                m.TrainingProgress.completed_on,
                m.TrainingProgress.score,
            ).where(
                m.TrainingProgress.candidate_id == candidate_id,
                m.TrainingProgress.module_id == module_id,
            )
        ).first()
    if row is None:
        return CellDetail(TrainingStatus.NOT_STARTED.value, None, None, None)
    status, started, completed, score = row
    return CellDetail(status.value, started, completed, score)


def candidate_progress(db: Database, candidate_id: int) -> dict[int, str]:
    """Module id → status value for one candidate (modules without a row are absent)."""
    with db.engine.connect() as conn:
        return {
            mid: status.value
            for mid, status in conn.execute(
                select(m.TrainingProgress.module_id, m.TrainingProgress.status).where(
                    m.TrainingProgress.candidate_id == candidate_id
                )
            )
        }


# --------------------------------------------------------------------------- marking
def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield list(ids[i : i + _CHUNK])


def _audit_rows(conn, operator: str, candidate_ids: Iterable[int]) -> None:  # type: ignore[no-untyped-def]
    now = m.utcnow()
    rows = [
        {
            "at": now,
            "operator": operator,
            "action": AuditAction.UPDATE.value,
            "entity": "candidate",
            "entity_id": cid,
            "fields": ["training"],
        }
        for cid in candidate_ids
    ]
    if rows:
        conn.execute(insert(m.AuditEntry), rows)


def set_progress(
    db: Database,
    candidate_ids: Iterable[int],
    module_ids: Iterable[int],
    status: TrainingStatus | str,
    *,
    on: dt.date | None = None,
    score: int | None = None,
) -> int:
    """Set every candidate × module cell of the selection to ``status`` in ONE transaction;
    returns the number of cells written.

    "completed" stores ``on`` (default today) as completion date and the optional score;
    "in progress" stores ``on`` as start date; "not started" removes the record. Any
    problem (unknown candidate or module, date in the future, score out of range) raises
    :class:`TrainingError` and the transaction rolls back, so nothing is written.
    """
    cids = sorted(set(candidate_ids))
    mids = sorted(set(module_ids))
    with db.connection() as conn:
        return _write(conn, db.operator, cids, mids, TrainingStatus(status), on, score)


def mark_completed(
    db: Database,
    candidate_ids: Iterable[int],
    module_ids: Iterable[int],
    on: dt.date | None = None,
    score: int | None = None,
) -> int:
    """Mark every selected candidate × module completed on ``on`` (one transaction).

    Stages do not move here; call :func:`promote_ready` next.
    """
    return set_progress(db, candidate_ids, module_ids, TrainingStatus.COMPLETED, on=on, score=score)


def mark_cells(
    db: Database,
    cells: Iterable[tuple[int, int]],
    status: TrainingStatus | str = TrainingStatus.COMPLETED,
    *,
    on: dt.date | None = None,
    score: int | None = None,
) -> int:
    """Like :func:`set_progress` for an arbitrary set of (candidate, module) cells, as a
    grid selection gives them; all are written in one transaction."""
    by_module: dict[int, set[int]] = {}
    for cid, mid in cells:
        by_module.setdefault(mid, set()).add(cid)
    return mark_selection(db, by_module, status, on=on, score=score)


def mark_selection(
    db: Database,
    by_module: Mapping[int, Iterable[int]],
    status: TrainingStatus | str = TrainingStatus.COMPLETED,
    *,
    on: dt.date | None = None,
    score: int | None = None,
) -> int:
    """Set module id → candidate ids to ``status`` in ONE transaction; returns the number of
    cells written. Modules sharing the same candidates are written as one rectangle, so a
    whole-grid selection costs a handful of statements, not one per cell."""
    groups: dict[frozenset[int], list[int]] = {}
    for mid, cids in by_module.items():
        key = frozenset(cids)
        if key:
            groups.setdefault(key, []).append(mid)
    if not groups:
        raise TrainingError(_("Select at least one candidate and one module."))
    total = 0
    with db.connection() as conn:
        for cids, mids in groups.items():
            total += _write(
                conn, db.operator, sorted(cids), sorted(mids), TrainingStatus(status), on, score
            )
    return total


def _write(  # type: ignore[no-untyped-def]
    conn,
    operator: str,
    cids: list[int],
    mids: list[int],
    status: TrainingStatus,
    on: dt.date | None,
    score: int | None,
) -> int:
    """Validate, then write one candidates × modules rectangle through ``conn``."""
    if not cids or not mids:
        raise TrainingError(_("Select at least one candidate and one module."))
    on = on or dt.date.today()
    if on > dt.date.today():
        raise TrainingError(_("The date cannot be in the future."))
    if score is not None and not 0 <= score <= MAX_SCORE:
        raise TrainingError(_("The score must be between 0 and {n}.").format(n=MAX_SCORE))
    found_mods = conn.execute(
        select(func.count()).select_from(m.TrainingModule).where(m.TrainingModule.id.in_(mids))
    ).scalar_one()
    if found_mods != len(mids):
        raise TrainingError(
            _("A selected training module no longer exists; reload the grid and try again.")
        )
    table = m.TrainingProgress.__table__
    if status is TrainingStatus.COMPLETED:
        values: dict[str, object] = {"status": status.value, "completed_on": on, "score": score}
    else:
        values = {"status": status.value, "started_on": on, "completed_on": None, "score": None}
    for chunk in _chunks(cids):
        found = conn.execute(
            select(func.count()).select_from(m.Candidate).where(m.Candidate.id.in_(chunk))
        ).scalar_one()
        if found != len(chunk):
            raise TrainingError(
                _("Some selected candidates no longer exist; reload the grid and try again.")
            )
        scope = and_(table.c.candidate_id.in_(chunk), table.c.module_id.in_(mids))
        if status is TrainingStatus.NOT_STARTED:
            conn.execute(delete(table).where(scope))
            continue
        existing = set(
            conn.execute(select(table.c.candidate_id, table.c.module_id).where(scope)).all()
        )
        if existing:
            conn.execute(update(table).where(scope).values(**values))
            # Completion implies a start: fill a missing start date.
            conn.execute(
                update(table).where(and_(scope, table.c.started_on.is_(None))).values(started_on=on)
            )
        missing = [
            {"candidate_id": cid, "module_id": mid, "started_on": on, **values}
            for cid in chunk
            for mid in mids
            if (cid, mid) not in existing
        ]
        if missing:
            conn.execute(insert(table), missing)
    _audit_rows(conn, operator, cids)
    return len(cids) * len(mids)


# --------------------------------------------------------------------------- ready
def _required_module_ids(conn) -> list[int]:  # type: ignore[no-untyped-def]
    return list(
        conn.execute(
            select(m.TrainingModule.id).where(
                m.TrainingModule.mandatory.is_(True), m.TrainingModule.active.is_(True)
            )
        ).scalars()
    )


def _complete_query(required: list[int]):  # type: ignore[no-untyped-def]
    """Candidate ids with every module of ``required`` completed (GROUP BY … HAVING)."""
    tp = m.TrainingProgress
    return (
        select(tp.candidate_id)
        .where(tp.module_id.in_(required), tp.status == TrainingStatus.COMPLETED)
        .group_by(tp.candidate_id)
        .having(func.count(tp.module_id) == len(required))
    )


def ready_candidates(db: Database, candidate_ids: Iterable[int] | None = None) -> set[int]:
    """Ids of candidates (among ``candidate_ids`` if given) whose training is complete."""
    with db.engine.connect() as conn:
        required = _required_module_ids(conn)
        if not required:
            return set()
        done = set(conn.execute(_complete_query(required)).scalars())
    if candidate_ids is not None:
        done &= set(candidate_ids)
    return done


def promote_ready(db: Database, candidate_ids: Iterable[int] | None = None) -> list[int]:
    """Move candidates whose training is complete from "in training" to "ready"; returns
    the ids moved (among ``candidate_ids`` if given, else everyone).

    Only "in training" moves: applied and screened people have not been admitted to the
    programme yet (finishing modules early must not skip screening); proposed, placed and
    alumni are already past "ready", and moving them back would erase where they stand;
    withdrawn people stay withdrawn. Call this after :func:`mark_completed`.
    """
    wanted = None if candidate_ids is None else set(candidate_ids)
    with db.connection() as conn:
        required = _required_module_ids(conn)
        if not required:
            return []
        complete = set(conn.execute(_complete_query(required)).scalars())
        if wanted is not None:
            complete &= wanted
        in_training = set()
        ids = sorted(complete)
        for chunk in _chunks(ids):
            in_training.update(
                conn.execute(
                    select(m.Candidate.id).where(
                        m.Candidate.id.in_(chunk), m.Candidate.stage == Stage.IN_TRAINING
                    )
                ).scalars()
            )
        moved = sorted(in_training)
        now = m.utcnow()
        for chunk in _chunks(moved):
            conn.execute(
                update(m.Candidate.__table__)
                .where(m.Candidate.__table__.c.id.in_(chunk))
                .values(stage=Stage.READY.value, updated_at=now)
            )
        now_rows = [
            {
                "at": now,
                "operator": db.operator,
                "action": AuditAction.UPDATE.value,
                "entity": "candidate",
                "entity_id": cid,
                "fields": ["stage"],
            }
            for cid in moved
        ]
        if now_rows:
            conn.execute(insert(m.AuditEntry), now_rows)
    return moved
