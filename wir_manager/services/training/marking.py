"""Marking training progress, and moving candidates whose training is complete to
"ready" (the rule itself is :func:`wir_manager.domain.ready.is_ready`).

Marking completion never changes a stage by itself: :func:`promote_ready` does, or
:func:`mark_and_promote`, which does both in one transaction (what the Training screen
calls), so the caller decides when stages move and can tell the user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from wir_manager.domain.enums import AuditAction, Stage, TrainingStatus
from wir_manager.domain.ready import is_ready
from wir_manager.i18n import _
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.services.training.grid import chunks, load_grid
from wir_manager.services.training.records import MarkResult, TrainingError
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

MAX_SCORE = 100


def _audit_rows(
    conn: Connection,
    operator: str,
    candidate_ids: Iterable[int],
    field: str = "training",
    now: dt.datetime | None = None,
) -> None:
    """One audit row per candidate naming the changed ``field`` (set-based writes are not
    seen by the ORM hooks; these rows are also what announces the change)."""
    at = now or m.utcnow()
    rows = [
        {
            "at": at,
            "operator": operator,
            "action": AuditAction.UPDATE.value,
            "entity": "candidate",
            "entity_id": cid,
            "fields": [field],
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
    with db.connection(write=True) as conn:
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
    with db.connection(write=True) as conn:
        return _write_selection(conn, db.operator, by_module, TrainingStatus(status), on, score)


def _write_selection(
    conn: Connection,
    operator: str,
    by_module: Mapping[int, Iterable[int]],
    status: TrainingStatus,
    on: dt.date | None,
    score: int | None,
) -> int:
    groups: dict[frozenset[int], list[int]] = {}
    for mid, cids in by_module.items():
        key = frozenset(cids)
        if key:
            groups.setdefault(key, []).append(mid)
    if not groups:
        raise TrainingError(_("Select at least one candidate and one module."))
    return sum(
        _write(conn, operator, sorted(cids), sorted(mids), status, on, score)
        for cids, mids in groups.items()
    )


def _write(
    conn: Connection,
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
    table = m.table_of(m.TrainingProgress)
    if status is TrainingStatus.COMPLETED:
        values: dict[str, object] = {"status": status.value, "completed_on": on, "score": score}
    else:
        values = {"status": status.value, "started_on": on, "completed_on": None, "score": None}
    for chunk in chunks(cids):
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
def _ready_among(conn: Connection, candidate_ids: Iterable[int] | None) -> set[int]:
    """Ids (among ``candidate_ids`` if given) that :func:`is_ready` calls ready.

    SQL only counts each candidate's completed mandatory active modules (GROUP BY); the
    decision is the one rule in Python, on one row per candidate who completed any.
    """
    required = list(
        conn.execute(
            select(m.TrainingModule.id).where(
                m.TrainingModule.mandatory.is_(True), m.TrainingModule.active.is_(True)
            )
        ).scalars()
    )
    need = len(required)
    if not is_ready(need, need):
        return set()
    tp = m.TrainingProgress
    counts = (
        select(tp.candidate_id, func.count(tp.module_id))
        .where(tp.module_id.in_(required), tp.status == TrainingStatus.COMPLETED)
        .group_by(tp.candidate_id)
    )
    ready = {cid for cid, done in conn.execute(counts) if is_ready(done, need)}
    if candidate_ids is not None:
        ready &= set(candidate_ids)
    return ready


def ready_candidates(db: Database, candidate_ids: Iterable[int] | None = None) -> set[int]:
    """Ids of candidates (among ``candidate_ids`` if given) whose training is complete."""
    with db.engine.connect() as conn:
        return _ready_among(conn, candidate_ids)


def _promote(conn: Connection, operator: str, candidate_ids: Iterable[int] | None) -> list[int]:
    complete = sorted(_ready_among(conn, candidate_ids))
    in_training: set[int] = set()
    for chunk in chunks(complete):
        in_training.update(
            conn.execute(
                select(m.Candidate.id).where(
                    m.Candidate.id.in_(chunk), m.Candidate.stage == Stage.IN_TRAINING
                )
            ).scalars()
        )
    moved = sorted(in_training)
    now = m.utcnow()
    table = m.table_of(m.Candidate)
    for chunk in chunks(moved):
        conn.execute(
            update(table)
            .where(table.c.id.in_(chunk))
            .values(stage=Stage.READY.value, updated_at=now)
        )
    _audit_rows(conn, operator, moved, "stage", now)
    return moved


def promote_ready(db: Database, candidate_ids: Iterable[int] | None = None) -> list[int]:
    """Move candidates whose training is complete from "in training" to "ready"; returns
    the ids moved (among ``candidate_ids`` if given, else everyone).

    Only "in training" moves: applied and screened people have not been admitted to the
    programme yet (finishing modules early must not skip screening); proposed, placed and
    alumni are already past "ready", and moving them back would erase where they stand;
    withdrawn people stay withdrawn. Call this after :func:`mark_completed`.
    """
    with db.connection(write=True) as conn:
        return _promote(conn, db.operator, candidate_ids)


def mark_and_promote(
    db: Database,
    by_module: Mapping[int, Iterable[int]],
    status: TrainingStatus | str = TrainingStatus.COMPLETED,
    *,
    on: dt.date | None = None,
    score: int | None = None,
    progress: Progress = NO_PROGRESS,
) -> MarkResult:
    """What the Training screen's Mark buttons do, as one step: write the selection, move
    the touched candidates whose training is now complete to "ready" — both in ONE
    transaction, so a failure leaves neither — then re-read the touched rows.
    """
    status = TrainingStatus(status)
    touched = sorted(set().union(*map(set, by_module.values()))) if by_module else []
    with db.connection(write=True) as conn:
        progress.report(0, 3, _("Saving training records"))
        written = _write_selection(conn, db.operator, by_module, status, on, score)
        progress.report(1, 3, _("Checking who is ready"))
        moved = _promote(conn, db.operator, touched) if status is TrainingStatus.COMPLETED else []
    progress.report(2, 3, _("Refreshing the grid"))
    return MarkResult(written, moved, load_grid(db, candidate_ids=touched).rows)


def promote_and_reload(db: Database, candidate_ids: Iterable[int]) -> MarkResult:
    """Move these candidates to "ready" where their training is complete, and re-read the
    rows of those moved (the screen's "Move N finished to Ready")."""
    moved = promote_ready(db, candidate_ids)
    return MarkResult(0, moved, load_grid(db, candidate_ids=moved).rows)
