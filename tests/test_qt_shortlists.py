"""The Shortlists screen end to end on a real demo database: choose a request, change a
weight (re-ranked in the background), read an explanation, save a shortlist, see it
persist in a reopened screen, update its status, and run the global assignment."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from wir_manager.qt.context import AppContext
from wir_manager.qt.tasks import TaskRunner
from wir_manager.qt.views.shortlists import ShortlistsView
from wir_manager.services.matching import open_request_ids, rank, saved_shortlist

WAIT = 20_000


@pytest.fixture
def ctx(demo_db, tmp_path: Path):
    context = AppContext(
        demo_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    yield context
    context.tasks.wait()


@pytest.fixture
def request_id(demo_db) -> int:
    """An open request with at least two eligible candidates in the seed-42 demo data."""
    for rid in open_request_ids(demo_db):
        if rank(demo_db, rid, top=0).eligible_count >= 2:
            return rid
    pytest.fail("the demo data has no open request with two eligible candidates")


def make_view(ctx: AppContext, qtbot) -> ShortlistsView:
    view = ShortlistsView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    return view


def choose(view: ShortlistsView, qtbot, rid: int) -> None:
    if view.request_id() == rid:
        view.rerank()
    with qtbot.waitSignal(view.ranked, timeout=WAIT):
        view.select_request(rid)
        if view.request_id() == rid:
            view.rerank()
    assert view.request_id() == rid


def note_elsewhere(ctx: AppContext, qtbot, view: ShortlistsView, candidate_id: int) -> None:
    """A note saved on someone as another screen (or a colleague) would, and the screen's
    ranking again that it sets off."""
    from dataclasses import replace

    from wir_manager.services import candidates as svc

    detail = svc.get_candidate(ctx.db, candidate_id)
    with qtbot.waitSignal(view.ranked, timeout=WAIT):
        svc.update_candidate(
            ctx.db,
            candidate_id,
            replace(detail.data, notes="Asked about a second posting in Addis Ababa"),
            expected_updated_at=detail.updated_at,
        )


def test_rank_reweight_save_and_persist(ctx, qtbot, request_id, demo_db) -> None:
    view = make_view(ctx, qtbot)
    choose(view, qtbot, request_id)
    model = view.ranked_model
    assert model.rowCount() >= 2
    expected = rank(demo_db, request_id, top=model.rowCount())
    assert [model.candidate(r).candidate_id for r in range(model.rowCount())] == [
        c.candidate_id for c in expected.ranked
    ]
    assert view.ui.saveButton.isEnabled()

    # Expanding a candidate reveals the sentences that explain the score.
    view.expand_all()
    first = view.ranked_proxy.index(0, 0)
    assert view.ranked_proxy.rowCount(first) == len(model.candidate(0).explanations)
    assert "the request asks for" in view.ranked_proxy.index(0, 0, first).data()

    # A weight change re-ranks in the background (debounced) with the new weights.
    with qtbot.waitSignal(view.ranked, timeout=WAIT):
        view.set_weight("experience", 40)
    assert view._result is not None and view._result.weights["experience"] == 40
    assert view._result.profile_version == 0
    assert "not yet saved" in view.ui.profileLabel.text()

    # Tick exactly the best two and save.
    view.ui.topSpin.setValue(2)
    picked = view.ranked_model.picked_ids()
    assert len(picked) == 2
    with qtbot.waitSignal(view.saved, timeout=WAIT):
        qtbot.mouseClick(view.ui.saveButton, Qt.MouseButton.LeftButton)
    stored = saved_shortlist(demo_db, request_id)
    assert [r.candidate_id for r in stored] == picked
    assert stored[0].profile_version == 2  # the changed weights became version 2
    assert view.saved_model.records() == stored
    assert "not yet saved" not in view.ui.profileLabel.text()

    # Reopen the screen: it remembers the request and shows the saved list.
    again = make_view(ctx, qtbot)
    assert again.request_id() == request_id
    assert [r.candidate_id for r in again.saved_model.records()] == picked
    assert again.weights()["experience"] == 40

    # Move the first entry along and add a note.
    again.ui.savedTable.selectRow(0)
    again.ui.statusCombo.setCurrentIndex(again.ui.statusCombo.findData("sent"))
    qtbot.mouseClick(again.ui.statusButton, Qt.MouseButton.LeftButton)
    again.ui.noteEdit.setText("Call on Monday")
    qtbot.mouseClick(again.ui.noteButton, Qt.MouseButton.LeftButton)
    first_row = saved_shortlist(demo_db, request_id)[0]
    assert (first_row.status, first_row.note) == ("sent", "Call on Monday")


def test_diversity_and_near_misses_shown(ctx, qtbot, request_id) -> None:
    view = make_view(ctx, qtbot)
    choose(view, qtbot, request_id)
    qtbot.waitUntil(lambda: "Regions" in view.ui.diversityLabel.text(), timeout=WAIT)
    assert "Gender" in view.ui.diversityLabel.text()
    assert view.near_model.rowCount() == len(view._result.near_misses)
    if view.near_model.rowCount():
        assert "request needs" in view.near_model.index(0, 2).data() or view.near_model.index(
            0, 2
        ).data().startswith(("Available", "Already", "Still"))


def test_assignment_tab(ctx, qtbot, demo_db) -> None:
    view = make_view(ctx, qtbot)
    view.ui.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(view.assigned, timeout=WAIT):
        qtbot.mouseClick(view.ui.assignButton, Qt.MouseButton.LeftButton)
    assert view.assign_model.rowCount() == len(open_request_ids(demo_db))
    assert "greedy" in view.ui.assignSummary.text()
    view.grab().save(str(Path(demo_db.path).parent / "assignment.png"))


def test_coming_back_to_the_screen_keeps_ticks(ctx, qtbot, request_id) -> None:
    view = make_view(ctx, qtbot)
    choose(view, qtbot, request_id)
    first = view.ranked_model.index(0, 0)
    view.ranked_model.setData(first, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    picked = view.ranked_model.picked_ids()
    assert view.ranked_model.candidate(0).candidate_id not in picked
    rankings: list[int] = []
    view.ranked.connect(lambda: rankings.append(1))
    view.hide()
    view.show()
    qtbot.wait(300)
    assert rankings == [], "showing the screen again reads nothing"
    assert view.request_id() == request_id
    assert view.ranked_model.picked_ids() == picked
    # A change to someone elsewhere ranks again through the change hub, ticks kept.
    note_elsewhere(ctx, qtbot, view, picked[0])
    assert view.ranked_model.picked_ids() == picked


def test_generate_dossier_from_the_screen(ctx, qtbot, request_id, demo_db, tmp_path) -> None:
    """The button hands the request to the dossier action: a real PDF, logged as a disclosure."""
    from pypdf import PdfReader
    from sqlalchemy import func, select

    from wir_manager.storage import models as m

    view = make_view(ctx, qtbot)
    choose(view, qtbot, request_id)
    target = tmp_path / "dossier.pdf"
    opened: list[Path] = []
    finished: list[object] = []
    view.dossier_options = {
        "ask": lambda _parent, _recipient, _path: ("UNESCO liaison", target),
        "open_file": opened.append,
        "on_finished": finished.append,
    }
    assert view.ui.dossierButton.isEnabled()
    qtbot.mouseClick(view.ui.dossierButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT)
    assert finished[0] is not None and opened == [target]
    assert "UNESCO liaison" in PdfReader(str(target)).pages[0].extract_text()
    with demo_db.engine.connect() as conn:
        logged = conn.execute(select(func.count()).select_from(m.Disclosure)).scalar_one()
    assert logged == 1


def test_weight_change_keeps_hand_ticks_until_the_best_are_asked_for(ctx, qtbot, demo_db) -> None:
    """Issue #16.1: ticks set by hand survive a weight slider; "Tick the best" (or a new
    number) ticks the best N of the current ranking again, and from then on the ticks
    follow the ranking until the person ticks someone by hand."""
    rid = next(r for r in open_request_ids(demo_db) if rank(demo_db, r, top=0).eligible_count >= 4)
    view = make_view(ctx, qtbot)
    choose(view, qtbot, rid)
    view.ui.topSpin.setValue(2)
    model, proxy, tree = view.ranked_model, view.ranked_proxy, view.ui.rankedTree
    best_two = [model.candidate(r).candidate_id for r in range(2)]
    assert model.picked_ids() == best_two

    def toggle(proxy_row: int) -> None:  # Space on the current row flips its tick box
        tree.setFocus()
        tree.setCurrentIndex(proxy.index(proxy_row, 0))
        qtbot.keyClick(tree.viewport(), Qt.Key.Key_Space)

    toggle(0)  # untick the best
    toggle(3)  # tick the fourth
    own = {best_two[1], model.candidate(3).candidate_id}
    assert set(model.picked_ids()) == own and model.hand_picked
    assert view.ui.pickedLabel.text() == "2 ticked"

    with qtbot.waitSignal(view.ranked, timeout=WAIT):
        view.set_weight("experience", 0 if view.weights()["experience"] else 40)
    new_order = [model.candidate(r).candidate_id for r in range(model.rowCount())]
    assert own <= set(new_order)
    assert set(model.picked_ids()) == own, "the person's ticks stay after a weight change"

    qtbot.mouseClick(view.ui.tickBestButton, Qt.MouseButton.LeftButton)
    assert model.picked_ids() == new_order[:2] and not model.hand_picked
    with qtbot.waitSignal(view.ranked, timeout=WAIT):
        view.set_weight("language", 0 if view.weights()["language"] else 30)
    third_order = [model.candidate(r).candidate_id for r in range(model.rowCount())]
    assert model.picked_ids() == third_order[:2], "untouched ticks follow the ranking"


def test_assignment_headers_end_in_an_ellipsis_with_the_title_in_a_tooltip(ctx, qtbot) -> None:
    """Issue #16.17: the assignment tab's last header read "eedy baseline would p" (a
    narrow header clipped on both sides); now it is elided at the end and the whole
    title is its tooltip."""
    view = make_view(ctx, qtbot)
    view.resize(1366 - 210, 700)
    view.ui.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(view.assigned, timeout=WAIT):
        qtbot.mouseClick(view.ui.assignButton, Qt.MouseButton.LeftButton)
    table = view.ui.assignTable
    header = table.horizontalHeader()
    assert header.textElideMode() == Qt.TextElideMode.ElideRight
    model = table.model()
    last = model.columnCount() - 1
    title = model.headerData(last, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert title == "Greedy baseline would pick"
    assert model.headerData(last, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == title


def test_a_refresh_keeps_what_the_coordinator_is_reading(ctx, qtbot, demo_db) -> None:
    """A save elsewhere (a colleague, another screen) ranks again in the background: the
    explanations the coordinator opened stay open, the current person stays current and
    the view stays at the same person. A change to another request only renames its line
    in the chooser: this ranking is not read again."""
    from dataclasses import replace

    from wir_manager.services import requests as rq

    rid = max(open_request_ids(demo_db), key=lambda r: rank(demo_db, r, top=0).eligible_count)
    view = make_view(ctx, qtbot)
    choose(view, qtbot, rid)
    tree = view.ui.rankedTree
    proxy = view.ranking.ranked_proxy

    def person(index):  # type: ignore[no-untyped-def]
        if index.parent().isValid():
            index = index.parent()
        row = proxy.mapToSource(index).row()
        return view.ranked_model.candidate(row).candidate_id if row >= 0 else None

    assert proxy.rowCount() >= 12
    ids = [person(proxy.index(r, 0)) for r in range(proxy.rowCount())]
    tree.expand(proxy.index(2, 0))
    tree.expand(proxy.index(6, 0))
    tree.setCurrentIndex(proxy.index(6, 0))
    tree.scrollTo(proxy.index(4, 0), tree.ScrollHint.PositionAtTop)
    qtbot.wait(50)

    def reading() -> tuple[set[int | None], int | None, int | None]:
        opened = {ids_now[r] for r in range(proxy.rowCount()) if tree.isExpanded(proxy.index(r, 0))}
        top = person(tree.indexAt(tree.viewport().rect().topLeft()))
        return opened, person(tree.currentIndex()), top

    ids_now = ids
    before = reading()
    assert before == ({ids[2], ids[6]}, ids[6], ids[4])
    note_elsewhere(ctx, qtbot, view, ids[0])
    ids_now = [person(proxy.index(r, 0)) for r in range(proxy.rowCount())]
    assert reading() == before
    # Another request renamed: the chooser says so; no ranking is read.
    other = next(r for r in open_request_ids(demo_db) if r != rid)
    data = rq.get_request(demo_db, other)
    rankings: list[int] = []
    view.ranked.connect(lambda: rankings.append(1))
    rq.save_request(demo_db, replace(data, title="Arabic Wikipedia health articles (WHO EMRO)"))
    combo = view.ui.requestCombo
    qtbot.waitUntil(lambda: "WHO EMRO" in combo.itemText(combo.findData(other)), timeout=WAIT)
    qtbot.wait(300)
    assert rankings == [] and view.request_id() == rid and reading() == before
