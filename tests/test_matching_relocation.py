"""Duty station / remote as a required item: who lives in the duty country or would move.

Built on the hand-made world of ``test_matching_rules`` (request 1, two positions; Amina
(10) lives in Kenya, Ka (20) in Nigeria, both eligible without a duty station; Bo (11)
misses English C1 only and is a near miss)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from wir_manager.services.matching import rank
from wir_manager.services.matching.assignment import assign
from wir_manager.storage import models as m

NAIROBI = "Duty station Nairobi, Kenya (on site)"


def _duty(db, mode: str, country: str | None, city: str | None = None) -> None:
    with db.session() as s:
        req = s.get(m.PlacementRequest, 1)
        req.work_mode, req.duty_country, req.duty_city = mode, country, city


def _willing(db, **people: bool | None) -> None:
    """``_willing(db, c20=False)``: set candidate 20's answer."""
    with db.session() as s:
        for key, value in people.items():
            s.get(m.Candidate, int(key[1:])).willing_to_relocate = value


def _ranked(db) -> dict[int, tuple[str, ...]]:
    return {c.candidate_id: c.explanations for c in rank(db, 1).ranked}


def test_remote_request_never_asks_anyone_to_move(world) -> None:
    _willing(world, c10=False, c20=False)
    _duty(world, "remote", None)
    shown = _ranked(world)
    assert set(shown) == {10, 20}
    assert "Remote work: no duty station to move to." in shown[20]
    # A remote request that still names a duty country is not a constraint either.
    _duty(world, "remote", "FR", "Paris")
    assert set(_ranked(world)) == {10, 20}


def test_no_duty_country_is_no_constraint(world) -> None:
    _willing(world, c10=False, c20=False)
    _duty(world, "onsite", None, "Somewhere")
    shown = _ranked(world)
    assert set(shown) == {10, 20}
    assert not any("Duty station" in e for e in shown[20])


def test_living_in_the_duty_country_passes_whatever_the_answer(world) -> None:
    _willing(world, c10=False)
    _duty(world, "onsite", "KE", "Nairobi")
    shown = _ranked(world)
    assert 10 in shown
    assert f"{NAIROBI}; already based in that country." in shown[10]


def test_willing_to_relocate_passes_and_says_so(world) -> None:
    before = {c.candidate_id: c for c in rank(world, 1).ranked}
    _willing(world, c20=True)
    _duty(world, "onsite", "KE", "Nairobi")
    after = {c.candidate_id: c for c in rank(world, 1).ranked}
    assert set(after) == {10, 20}
    assert f"{NAIROBI}; lives in Nigeria and is willing to relocate." in after[20].explanations
    # No new score part and no points for it: the score is what it was.
    assert after[20].parts == before[20].parts
    assert after[20].score == before[20].score


def test_will_not_relocate_knocks_out_and_is_a_near_miss(world) -> None:
    _willing(world, c20=False)
    _duty(world, "onsite", "KE", "Nairobi")
    result = rank(world, 1)
    assert {c.candidate_id for c in result.ranked} == {10}
    assert result.eligible_count == 1
    reasons = {nm.candidate_id: nm.reason for nm in result.near_misses}
    assert reasons[20] == (
        "Lives in Nigeria and will not relocate; the post is on site in Nairobi, Kenya."
    )
    # Hybrid posts say so.
    _duty(world, "hybrid", "KE", "Nairobi")
    reasons = {nm.candidate_id: nm.reason for nm in rank(world, 1).near_misses}
    assert reasons[20] == (
        "Lives in Nigeria and will not relocate; the post is hybrid, based in Nairobi, Kenya."
    )


def test_two_failed_items_is_no_longer_a_near_miss(world) -> None:
    """Bo (11, Sweden) misses English C1; refusing to move to Kenya is a second miss."""
    _duty(world, "onsite", "KE", "Nairobi")
    assert 11 in {nm.candidate_id for nm in rank(world, 1).near_misses}
    _willing(world, c11=False)
    assert 11 not in {nm.candidate_id for nm in rank(world, 1).near_misses}


def test_unknown_answer_is_eligible_with_a_note(world) -> None:
    _willing(world, c20=None)
    _duty(world, "onsite", "KE", "Nairobi")
    shown = _ranked(world)
    assert 20 in shown
    assert f"{NAIROBI}; lives in Nigeria; willingness to relocate is not recorded." in shown[20]


def test_assignment_respects_the_duty_station(world) -> None:
    _duty(world, "onsite", "KE", "Nairobi")
    plan = assign(world)
    assert {p.candidate_id for p in plan.requests[0].placements} == {10, 20}
    _willing(world, c20=False)
    plan = assign(world)
    only = plan.requests[0]
    assert [p.candidate_id for p in only.placements] == [10]
    assert only.unfilled == 1
    assert only.reason == "Only 1 eligible candidate for 2 positions."
    # Paris: nobody lives in France; with everyone refusing, the reason names the rule.
    _willing(world, **{f"c{i}": False for i in (10, 11, 12, 14, 15, 16, 17, 18, 20)})
    _duty(world, "onsite", "FR", "Paris")
    only = assign(world).requests[0]
    assert only.placements == ()
    assert only.reason == (
        "No candidate meets every requirement; most often missing: "
        "living in France or willing to relocate there."
    )


@pytest.mark.parametrize("answer", [True, None])
def test_duty_station_without_city(world, answer) -> None:
    _willing(world, c20=answer)
    _duty(world, "onsite", "KE", None)
    assert 20 in _ranked(world)


def test_saved_shortlist_flags_a_later_refusal_to_relocate(world, qtbot) -> None:
    """Saved while Ka (20, Nigeria) had not answered; then Ka says no to moving to Kenya."""
    from wir_manager.qt.models.shortlist_tables import SavedShortlistModel
    from wir_manager.services.matching import save_shortlist, saved_shortlist

    _duty(world, "onsite", "KE", "Nairobi")
    save_shortlist(world, 1, 2)
    assert not any(r.relocation_refused for r in saved_shortlist(world, 1))
    _willing(world, c10=False, c20=False)  # Amina lives in Kenya: her "no" does not matter
    rows = {r.candidate_id: r for r in saved_shortlist(world, 1)}
    assert not rows[10].relocation_refused and rows[20].relocation_refused
    assert rows[20].consent_propose  # a different warning from withdrawn consent

    model = SavedShortlistModel()
    model.set_records(list(rows.values()))
    status = {
        model.record(i).candidate_id: (
            model.index(i, 3).data(),
            model.index(i, 3).data(Qt.ItemDataRole.ToolTipRole),
        )
        for i in range(model.rowCount())
    }
    assert status[20][0].endswith("· will not relocate")
    assert "will not relocate" in status[20][1]
    assert status[10][1] is None

    _duty(world, "remote", None)  # a remote post: nobody needs to move
    assert not any(r.relocation_refused for r in saved_shortlist(world, 1))
