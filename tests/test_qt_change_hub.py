"""Change notifications: a write anywhere reaches every screen through the one hub, and
screens refresh what the change touches — never because they were shown again."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThread
from PySide6.QtWidgets import QApplication

from wir_manager.qt.change_hub import ChangeHub
from wir_manager.qt.context import AppContext
from wir_manager.qt.main_window import MainWindow
from wir_manager.qt.tasks import TaskRunner
from wir_manager.qt.views.candidates import CandidatesView
from wir_manager.qt.views.privacy import PrivacyView
from wir_manager.qt.views.requests import RequestsView
from wir_manager.qt.views.shortlists import ShortlistsView
from wir_manager.qt.views.training import TrainingView
from wir_manager.services import candidates as svc
from wir_manager.services import requests as rq
from wir_manager.services import retention
from wir_manager.services import training as tr
from wir_manager.storage.changes import Changes, Kind

WAIT = 15_000


@pytest.fixture
def ctx(demo_db, tmp_path: Path) -> AppContext:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    context = AppContext(demo_db, TaskRunner(), settings)
    yield context
    context.tasks.wait()


def _candidates(qtbot, ctx: AppContext) -> CandidatesView:
    view = CandidatesView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    qtbot.waitUntil(lambda: view.is_loaded, timeout=WAIT)
    return view


def _training(qtbot, ctx: AppContext) -> TrainingView:
    view = TrainingView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.grid_updated, timeout=WAIT):
        view.show()
    return view


def test_hub_delivers_on_the_gui_thread_merged(qtbot) -> None:
    hub = ChangeHub()
    got: list[tuple[Changes, bool]] = []
    hub.changed.connect(
        lambda ch: got.append((ch, QThread.currentThread() is QApplication.instance().thread()))
    )

    def elsewhere() -> None:  # e.g. a thread listening to a shared server
        hub.publish(Changes(Kind.CANDIDATES, frozenset({3})))
        hub.publish(Changes(Kind.TRAINING, frozenset({5})))

    worker = threading.Thread(target=elsewhere)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT)
    qtbot.wait(50)
    assert len(got) == 1, "two changes in one turn of the event loop arrive as one"
    changes, on_gui_thread = got[0]
    assert on_gui_thread
    assert changes.kinds == Kind.CANDIDATES | Kind.TRAINING
    assert changes.candidate_ids == frozenset({3, 5})


def test_a_save_on_candidates_refreshes_the_training_grid(qtbot, ctx: AppContext) -> None:
    training = _training(qtbot, ctx)
    candidates = _candidates(qtbot, ctx)
    row = training.grid_model.row_record(0)
    assert candidates.select_candidate(row.candidate_id)
    candidates.editor.ui.fullNameEdit.setText("Свєтлана Мирошниченко-Ли")
    with qtbot.waitSignal(training.grid_updated, timeout=WAIT):
        assert candidates.save()
    patched = training.grid_model.row_record(training.grid_model.visible_row_of(row.candidate_id))
    assert patched.name == "Свєтлана Мирошниченко-Ли"
    assert training.grid_model.total == len(tr.load_grid(ctx.db).rows)


def test_marking_training_refreshes_the_candidates_editor(qtbot, ctx: AppContext) -> None:
    training = _training(qtbot, ctx)
    candidates = _candidates(qtbot, ctx)
    record = training.grid_model.row_record(0)
    assert candidates.select_candidate(record.candidate_id)
    before = {item.module_id: item.status for item in candidates.editor.training.records()}
    module = next(
        mod
        for mod, code in zip(training.grid_model.grid.modules, record.statuses, strict=True)
        if code != tr.COMPLETED
    )
    training.select_cells([record.candidate_id], [module.id])
    with qtbot.waitSignal(training.grid_updated, timeout=WAIT):
        training.mark_selection()
    qtbot.waitUntil(
        lambda: (
            {i.module_id: i.status for i in candidates.editor.training.records()}.get(module.id)
            == "completed"
        ),
        timeout=WAIT,
    )
    assert before.get(module.id) != "completed"


def test_a_new_request_reaches_the_shortlists_chooser(qtbot, ctx: AppContext) -> None:
    shortlists = ShortlistsView(ctx)
    qtbot.addWidget(shortlists)
    shortlists.show()
    requests = RequestsView(ctx)
    qtbot.addWidget(requests)
    before = shortlists.ui.requestCombo.count()
    org = rq.list_organisations(ctx.db)[0]
    saved = rq.save_request(
        ctx.db,
        rq.RequestData(
            title="Wikidata für das Kulturerbe — 文化遺産",
            organisation_id=org.id,
            work_mode="remote",
            languages=(rq.LanguageRequirement("de", 5),),
        ),
    )
    qtbot.waitUntil(lambda: shortlists.ui.requestCombo.count() == before + 1, timeout=WAIT)
    assert shortlists.ui.requestCombo.findData(saved.id) >= 0
    qtbot.waitUntil(lambda: requests.model.row_of(saved.id) >= 0, timeout=WAIT)


def test_retention_drops_a_candidate_deleted_elsewhere(qtbot, ctx: AppContext) -> None:
    privacy = PrivacyView(ctx)
    qtbot.addWidget(privacy)
    privacy.show()
    due = [item.id for item in privacy.retention.records()]
    assert due, "the demo data has people due for a consent renewal"
    gone = due[0]
    # Deleted by another part of the program, on a worker thread (as a CLI run or another
    # window would): the screen learns it from the hub, not from being shown again.
    worker = threading.Thread(target=lambda: svc.delete_candidates(ctx.db, [gone]))
    worker.start()
    worker.join()
    qtbot.waitUntil(
        lambda: gone not in {item.id for item in privacy.retention.records()}, timeout=WAIT
    )
    assert gone not in retention.report(ctx.db).ids
    assert any(
        row.entity == "candidate" and row.entity_id == gone for row in privacy.audit.records()
    )


def test_a_deleted_candidate_leaves_the_candidates_editor(qtbot, ctx: AppContext) -> None:
    view = _candidates(qtbot, ctx)
    cid = view.model.candidate_id(0)
    assert view.select_candidate(cid)
    svc.delete_candidates(ctx.db, [cid])
    qtbot.waitUntil(lambda: view.model.row_of(cid) is None, timeout=WAIT)
    assert view.editor.candidate_id is None


def test_showing_a_screen_again_or_restoring_the_window_does_not_reload(
    qtbot,
    ctx: AppContext,
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    view = window.show_screen("candidates")
    assert isinstance(view, CandidatesView)
    qtbot.waitUntil(lambda: view.is_loaded, timeout=WAIT)
    loads: list[int] = []
    original = view.reload
    view.reload = lambda: (loads.append(1), original())[1]
    window.showMinimized()
    qtbot.wait(100)
    window.showNormal()
    qtbot.wait(100)
    window.show_screen("training")
    window.show_screen("candidates")
    qtbot.wait(200)
    assert loads == []
    # A change does reach it: one changed person is re-read, not all 300.
    cid = view.model.candidate_id(0)
    svc.set_stage(ctx.db, [cid], "withdrawn")
    qtbot.waitUntil(
        lambda: (
            view.model.candidate_index.rows[view.model.candidate_index.position[cid]][svc.STAGE]
            == "withdrawn"
        ),
        timeout=WAIT,
    )
    assert loads == []
    ctx.tasks.wait()
    window.close()
