"""Training programme service: modules, grid, completion marking, ready rule."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, insert, select

from wir_manager.domain.enums import Stage
from wir_manager.services import training as tr
from wir_manager.storage import models as m

#: Every test here runs on a SQLCipher file and on a real PostgreSQL server.
pytestmark = pytest.mark.backends


def _add_people(db, stages: list[Stage]) -> list[int]:
    with db.connection() as conn:
        conn.execute(
            insert(m.Candidate),
            [
                {"id": i + 1, "full_name": f"Person {i}", "username": f"user{i}", "stage": s.value}
                for i, s in enumerate(stages)
            ],
        )
    return [i + 1 for i in range(len(stages))]


def test_modules_add_rename_reorder_mandatory_deactivate(db) -> None:
    mods = tr.install_default_modules(db)
    assert len(mods) == 9 and sum(not x.mandatory for x in mods) == 2
    assert tr.install_default_modules(db) == mods  # idempotent
    extra = tr.add_module(db, "  Safety   online ", "Harassment and safety", mandatory=False)
    assert extra.title == "Safety online" and extra.position == 10
    tr.rename_module(db, extra.id, "Online safety")
    tr.set_mandatory(db, extra.id, True)
    order = tr.move_module(db, extra.id, -20)
    assert order[0].id == extra.id and order[0].title == "Online safety" and order[0].mandatory
    assert [x.position for x in order] == list(range(1, 11))
    tr.deactivate_module(db, extra.id)
    assert extra.id not in [x.id for x in tr.list_modules(db, include_inactive=False)]
    with pytest.raises(tr.TrainingError, match="needs a title"):
        tr.rename_module(db, extra.id, "   ")
    with pytest.raises(tr.TrainingError, match="every training module exactly once"):
        tr.reorder_modules(db, [extra.id])


def test_mark_completed_then_promote_only_in_training(db) -> None:
    mods = tr.install_default_modules(db)
    mandatory = [x.id for x in mods if x.mandatory]
    people = _add_people(db, [Stage.IN_TRAINING, Stage.IN_TRAINING, Stage.SCREENED, Stage.PLACED])
    day = dt.date(2026, 10, 1)
    written = tr.mark_completed(db, people, mandatory[:-1], on=day, score=88)
    assert written == 4 * (len(mandatory) - 1)
    assert tr.ready_candidates(db) == set()
    assert tr.promote_ready(db) == []
    tr.mark_cells(db, [(1, mandatory[-1]), (3, mandatory[-1]), (4, mandatory[-1])], on=day)
    assert tr.ready_candidates(db) == {1, 3, 4}
    moved = tr.promote_ready(db)
    assert moved == [1]  # screened (3) and placed (4) do not move; 2 is not complete
    with db.engine.connect() as conn:
        stages = dict(conn.execute(select(m.Candidate.id, m.Candidate.stage)).all())
    assert stages == {1: Stage.READY, 2: Stage.IN_TRAINING, 3: Stage.SCREENED, 4: Stage.PLACED}
    detail = tr.cell_detail(db, 1, mandatory[0])
    assert detail.status == "completed" and detail.completed_on == day and detail.score == 88
    grid = tr.load_grid(db, stages=["ready"])
    assert [r.candidate_id for r in grid.rows] == [1]
    assert grid.is_ready(grid.rows[0])
    # an optional module does not matter; deactivating a mandatory one counts it out
    statuses = tr.candidate_progress(db, 2)
    assert not tr.is_ready_statuses(statuses, mods)
    tr.deactivate_module(db, mandatory[-1])
    assert tr.is_ready_statuses(statuses, tr.list_modules(db))
    assert tr.promote_ready(db, [2]) == [2]


def test_bad_marking_changes_nothing(db) -> None:
    mods = tr.install_default_modules(db)
    _add_people(db, [Stage.IN_TRAINING])
    future = dt.date.today() + dt.timedelta(days=3)
    with pytest.raises(tr.TrainingError, match="future"):
        tr.mark_completed(db, [1], [mods[0].id], on=future)
    with pytest.raises(tr.TrainingError, match="between 0 and 100"):
        tr.mark_completed(db, [1], [mods[0].id], score=140)
    with pytest.raises(tr.TrainingError, match="no longer exist"):
        tr.mark_cells(db, [(1, mods[0].id), (99, mods[1].id)])
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(m.TrainingProgress)).scalar() == 0
    tr.set_progress(db, [1], [mods[0].id], "in_progress")
    assert tr.candidate_progress(db, 1) == {mods[0].id: "in_progress"}
    tr.set_progress(db, [1], [mods[0].id], "not_started")
    assert tr.candidate_progress(db, 1) == {}


def test_no_mandatory_module_means_nobody_is_ready(db) -> None:
    only = tr.add_module(db, "Optional extras", mandatory=False)
    _add_people(db, [Stage.IN_TRAINING])
    tr.mark_completed(db, [1], [only.id])
    assert tr.promote_ready(db) == []


def test_grid_matches_demo_stages(demo_db) -> None:
    grid = tr.load_grid(demo_db)
    assert len(grid.rows) == 300 and len(grid.modules) == 9
    for row in grid.rows:
        if row.stage in ("ready", "proposed", "placed", "alumni"):
            assert grid.is_ready(row)
        if row.stage == "in_training":
            assert not grid.is_ready(row)
    assert tr.promote_ready(demo_db) == []
