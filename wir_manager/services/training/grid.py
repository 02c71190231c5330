"""The candidates × modules progress grid, read with Core selects into compact rows."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from sqlalchemy import select

from wir_manager.domain.enums import Stage, TrainingStatus
from wir_manager.domain.ready import STATUS_CODE
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.services.training.modules import list_modules
from wir_manager.services.training.records import CellDetail, GridRow, ProgressGrid
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

#: SQLite limits bound parameters per statement; chunk long id lists.
CHUNK = 500


def chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), CHUNK):
        yield list(ids[i : i + CHUNK])


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
            for chunk in chunks(sorted(set(candidate_ids))):
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
                    for chunk in chunks(sorted(cells))
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
