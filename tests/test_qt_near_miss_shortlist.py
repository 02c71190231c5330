"""Issue #16.17: near misses can be ticked onto a shortlist. The Shortlists screen asks
first, naming each person and the item they miss; saying no saves nothing; saying yes
saves them with a note that says what is missing. English and Swedish, on the seed-42
demo database (multilingual names)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.qt_support import make_ctx
from wir_manager.qt.views.shortlists import ShortlistsView
from wir_manager.services.matching import NearMiss, open_request_ids, rank, saved_shortlist

WAIT = 20_000


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_near_miss_ticked_onto_the_shortlist_after_a_confirmation(
    qtbot, demo_db, tmp_path, language, code: str
) -> None:
    rid = next(
        (
            r
            for r in open_request_ids(demo_db)
            if (res := rank(demo_db, r, top=0)).near_misses and res.eligible_count >= 1
        ),
        None,
    )
    if rid is None:
        pytest.fail("the demo data has no open request with a near miss")
    language(code)
    ctx = make_ctx(demo_db, tmp_path)
    view = ShortlistsView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    with qtbot.waitSignal(view.ranked, timeout=WAIT):
        view.select_request(rid)
        if view.request_id() == rid:
            view.rerank()
    before = saved_shortlist(demo_db, rid)
    view.ui.topSpin.setValue(1)
    table = view.ui.nearTable
    first = table.model().index(0, 0)
    assert table.model().flags(first) & Qt.ItemFlag.ItemIsUserCheckable
    table.model().setData(first, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    ticked = view.near_model.picked()
    assert len(ticked) == 1
    miss: NearMiss = ticked[0]
    ticks = {"en": "2 ticked", "sv": "2 ikryssade"}[code]
    assert ticks in view.ui.pickedLabel.text() and view.ui.saveButton.isEnabled()

    question = view.near_miss_question(ticked)
    assert miss.name in question and miss.reason in question
    words = {"en": "a required item of this request", "sv": "saknar ett krav"}[code]
    assert words in question, question

    asked: list[list[NearMiss]] = []
    view.confirm_near_misses = lambda near: asked.append(near) or False
    qtbot.mouseClick(view.ui.saveButton, Qt.MouseButton.LeftButton)
    assert asked == [ticked]
    assert saved_shortlist(demo_db, rid) == before  # "no" saves nothing

    view.confirm_near_misses = lambda near: asked.append(near) or True
    with qtbot.waitSignal(view.saved, timeout=WAIT):
        qtbot.mouseClick(view.ui.saveButton, Qt.MouseButton.LeftButton)
    stored = {r.candidate_id: r for r in saved_shortlist(demo_db, rid)}
    assert miss.candidate_id in stored
    note = {"en": "Near miss: ", "sv": "Nästan med: "}[code]
    assert stored[miss.candidate_id].note == note + miss.reason
    assert view.near_model.picked() == []
