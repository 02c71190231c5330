"""Hand-computed expectations for every score part, eligibility rule and near miss, plus
shortlists, profiles and diversity, on a small real database built by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.worlds import REQ, START, _person
from wir_manager.domain.enums import ShortlistStatus
from wir_manager.services.matching import (
    ShortlistError,
    UnknownRequestError,
    WeightsError,
    current_profile,
    diversity,
    rank,
    save_profile,
    save_shortlist,
    saved_shortlist,
    set_note,
    set_status,
)
from wir_manager.storage import models as m


@pytest.mark.backends
def test_every_score_part_hand_computed(world) -> None:
    result = rank(world, 1)
    amina = next(c for c in result.ranked if c.candidate_id == 10)
    # language: en native vs C1 → 1.0 (w3); group fr B2 = min → 0.5 (w3);
    # ar B1 vs preferred B2, one short → 0.25 (w2): (3 + 1.5 + 0.5) / 8 = 0.625 × 30
    # skills: wikidata advanced vs intermediate → 1.0 (w3); commons missing, nice,
    # one short → 0.25 (w1): 3.25 / 4 = 0.8125 × 25 = 20.3125
    # topics 1 of 2 × 15; training 1 of 2 mandatory × 10;
    # experience: 10 years → 0.5, 9,999 edits → log10(10000)/5 = 0.8 → 0.5 + 0.4 = 0.9 × 10
    # equity: Kenya is in Africa (002) → 10
    assert amina.parts == {
        "language": 18.75,
        "skills": 20.31,
        "topics": 7.5,
        "training": 5.0,
        "experience": 9.0,
        "equity": 10.0,
    }
    assert amina.score == pytest.approx(70.56)
    assert result.ranked[0].candidate_id == 10
    assert any("Arabic B1" in e and "1 level short" in e for e in amina.explanations)
    assert any("priority region" in e and "Africa" in e for e in amina.explanations)


def test_parts_always_sum_to_score(world) -> None:
    result = rank(world, 1)
    assert result.ranked
    for cand in result.ranked:
        assert sum(cand.parts.values()) == pytest.approx(cand.score, abs=1e-9)
        assert 0 <= cand.score <= 100


@pytest.mark.backends
def test_eligibility_and_near_miss_reasons(world, british_dates) -> None:
    result = rank(world, 1)
    assert {c.candidate_id for c in result.ranked} == {10, 20}
    reasons = {nm.candidate_id: nm.reason for nm in result.near_misses}
    assert reasons == {
        11: "English B2, request needs C1",
        14: "Still in training, request needs a candidate who is ready",
        15: "Available from 1 Feb 2027, request starts 1 Jan 2027",
        16: "Accepted at another organisation for 1 Mar 2027 to 1 Sept 2027; not ranked elsewhere",
        17: "French A2 and no Spanish, request needs French B2 or Spanish B2",
        18: "Wikidata basic, request needs intermediate",
    }
    # 12 misses two items, 13 gave no consent, 19 is only at "applied": none appear.
    shown = set(reasons) | {c.candidate_id for c in result.ranked}
    assert not shown & {12, 13, 19}


def test_availability_until_is_checked(world, british_dates) -> None:
    with world.session() as s:
        s.get(m.Candidate, 20).available_until = dt.date(2027, 5, 1)
    reasons = {nm.candidate_id: nm.reason for nm in rank(world, 1).near_misses}
    assert reasons[20] == "Available until 1 May 2027, request runs until 1 Jul 2027"


def test_in_training_allowed_by_request_or_caller(world) -> None:
    assert 14 in {c.candidate_id for c in rank(world, 1, include_in_training=True).ranked}
    with world.session() as s:
        s.get(m.PlacementRequest, 1).allow_in_training = True
    assert 14 in {c.candidate_id for c in rank(world, 1).ranked}
    assert 14 not in {c.candidate_id for c in rank(world, 1, include_in_training=False).ranked}


def test_cancelled_placement_does_not_block(world) -> None:
    with world.session() as s:
        s.execute(select(m.Placement)).scalar_one().status = "cancelled"
    assert 16 in {c.candidate_id for c in rank(world, 1).ranked}


def test_weights_are_relative_and_validated(world) -> None:
    no_equity = rank(world, 1, weights={"equity": 0})
    amina = next(c for c in no_equity.ranked if c.candidate_id == 10)
    assert amina.parts["equity"] == 0
    assert amina.parts["language"] == pytest.approx(round(100 * 30 / 90 * 0.625, 2))
    assert no_equity.profile_version == 0  # changed, not saved
    with pytest.raises(WeightsError, match="not a score part"):
        rank(world, 1, weights={"charm": 5})
    with pytest.raises(WeightsError, match="zero or a positive"):
        rank(world, 1, weights={"equity": -1})
    with pytest.raises(WeightsError, match="above zero"):
        rank(world, 1, weights=dict.fromkeys(amina.parts, 0))


def test_unknown_request_is_one_sentence(world) -> None:
    with pytest.raises(UnknownRequestError, match=r"^There is no placement request with id 99\.$"):
        rank(world, 99)
    with pytest.raises(UnknownRequestError):
        saved_shortlist(world, 99)


def test_ties_break_by_candidate_id(world) -> None:
    with world.session() as s:
        _person(s, 30, "Twin One", country="NG")
        _person(s, 31, "Twin Two", country="NG")
    ranked = [c.candidate_id for c in rank(world, 1).ranked]
    twins = [cid for cid in ranked if cid in (20, 30, 31)]
    assert twins == [20, 30, 31]
    assert rank(world, 1).ranked == rank(world, 1).ranked


def test_only_some_candidates_keeps_their_rows_as_the_full_ranking_has_them(world) -> None:
    """``rank(only=…)`` (the dossier asks for its shortlist's explanations this way) gives
    exactly those candidates' rows of the full ranking, in its order; counts and near
    misses unchanged; an id that is not eligible is simply not there."""
    with world.session() as s:
        _person(s, 30, "Third Person", country="NG")
    full = rank(world, 1)
    assert len(full.ranked) >= 3
    picked = [full.ranked[-1].candidate_id, full.ranked[0].candidate_id, 9999]
    some = rank(world, 1, only=picked)
    assert some.ranked == tuple(r for r in full.ranked if r.candidate_id in picked)
    assert [r.candidate_id for r in some.ranked] == picked[1::-1]
    assert some.near_misses == full.near_misses
    assert some.eligible_count == full.eligible_count
    assert some.applicable == full.applicable
    assert rank(world, 1, only=[]).ranked == ()
    top = rank(world, 1, top=1, only=picked)
    assert [r.candidate_id for r in top.ranked] == [full.ranked[0].candidate_id]


def test_profiles_are_versioned(world) -> None:
    first = current_profile(world)
    assert (first.name, first.version) == ("default", 1)
    same = save_profile(world, "default", {"equity": 10})
    assert same.version == 1
    second = save_profile(world, "default", {"equity": 20})
    assert second.version == 2 and second.weights["equity"] == 20
    assert rank(world, 1).profile_version == 2
    with world.session() as s:
        assert s.execute(select(func.count()).select_from(m.WeightProfile)).scalar() == 2


@pytest.mark.backends
def test_shortlist_save_show_status_note(world) -> None:
    assert saved_shortlist(world, 1) == []
    rows = save_shortlist(world, 1, 5, weights={"equity": 25})
    assert [r.candidate_id for r in rows] == [10, 20]  # only two are eligible
    assert [r.rank for r in rows] == [1, 2]
    assert rows[0].profile_name == "default" and rows[0].profile_version == 2
    assert sum(rows[0].parts.values()) == pytest.approx(rows[0].score)
    assert saved_shortlist(world, 1) == rows

    set_status(world, 1, 10, "sent")
    row = set_note(world, 1, 10, "  Strong on Wikidata  ")
    assert (row.status, row.note) == ("sent", "Strong on Wikidata")
    with pytest.raises(ShortlistError, match="cannot go from Sent to Proposed"):
        set_status(world, 1, 10, "proposed")
    with pytest.raises(ShortlistError, match="not a shortlist status"):
        set_status(world, 1, 10, "hired")
    with pytest.raises(ShortlistError, match="not on the shortlist"):
        set_note(world, 1, 11, "x")

    # Saving again keeps the entry already sent, with its note.
    rows = save_shortlist(world, 1, 1, candidate_ids=[20])
    assert [(r.candidate_id, r.status, r.note) for r in rows] == [
        (20, ShortlistStatus.PROPOSED.value, None),
        (10, ShortlistStatus.SENT.value, "Strong on Wikidata"),
    ]


def test_shortlist_rejects_ineligible_and_changes_nothing(world) -> None:
    save_shortlist(world, 1, 2)
    before = saved_shortlist(world, 1)
    with pytest.raises(ShortlistError, match=r"Candidate 11 .*English B2, request needs C1"):
        save_shortlist(world, 1, 2, candidate_ids=[10, 11])
    with pytest.raises(ShortlistError, match="Candidate 13 cannot be proposed"):
        save_shortlist(world, 1, 2, candidate_ids=[13])
    with pytest.raises(ShortlistError):
        save_shortlist(world, 1, 0)
    assert saved_shortlist(world, 1) == before


def test_warning_count_of_other_active_shortlists(world) -> None:
    with world.session() as s:
        s.add(
            m.PlacementRequest(
                id=2, organisation_id=1, title="Second", start_date=START, duration_months=6
            )
        )
        s.add(m.RequestLanguage(request_id=2, code="en", min_level=5, importance=REQ))
    save_shortlist(world, 1, 2)
    second = save_shortlist(world, 2, 10)
    assert {r.candidate_id: r.other_active_shortlists for r in second}[10] == 1
    set_status(world, 1, 10, "declined")
    again = {r.candidate_id: r.other_active_shortlists for r in saved_shortlist(world, 2)}
    assert again[10] == 0


def test_diversity_counts(world) -> None:
    spread = diversity(world, [10, 20, 11])
    assert spread.total == 3
    assert dict(spread.countries) == {"Kenya": 1, "Nigeria": 1, "Sweden": 1}
    assert dict(spread.genders) == {"woman": 1, "man": 1, "not given": 1}
    assert dict(spread.regions) == {
        "Eastern Africa": 1,
        "Western Africa": 1,
        "Northern Europe": 1,
    }
    assert dict(spread.affiliates) == {"no affiliate": 3}


@pytest.mark.backends
def test_pool_cache_follows_writes_but_not_shortlist_saves(world) -> None:
    from wir_manager.services.matching.pool import POOL_CACHE

    assert 11 not in {c.candidate_id for c in rank(world, 1).ranked}
    with world.session() as s:
        lang = s.get(m.CandidateLanguage, (11, "en"))
        lang.level = 6  # Bo now has English C2
    assert 11 in {c.candidate_id for c in rank(world, 1).ranked}
    with world.connection() as conn:
        before = POOL_CACHE.get(world, conn)
    save_shortlist(world, 1, 2)
    with world.connection() as conn:
        assert POOL_CACHE.get(world, conn) is before  # a shortlist save keeps the cache warm


@pytest.mark.backends
def test_empty_pool_and_request_without_requirements(db) -> None:
    from wir_manager.services.matching import assign

    with db.session() as s:
        org = m.Organisation(name="UNESCO", acronym="UNESCO")
        s.add(org)
        s.flush()
        s.add(m.PlacementRequest(id=5, organisation_id=org.id, title="Anything", positions=2))
    result = rank(db, 5)
    assert result.ranked == () and result.near_misses == () and result.eligible_count == 0
    with pytest.raises(ShortlistError, match="Nobody meets every required item"):
        save_shortlist(db, 5, 3)
    plan = assign(db)
    assert plan.total == 0 and plan.requests[0].unfilled == 2
    assert plan.requests[0].reason == "Nobody in the pool can be proposed (consent and stage)."
    with db.session() as s:
        _person(s, 1, "Only One", langs={}, skills={}, done=())
    ranked = rank(db, 5).ranked
    assert [c.candidate_id for c in ranked] == [1]
    # no languages, skills, topics, modules or priority regions: experience is all there is
    assert ranked[0].parts["experience"] == ranked[0].score
    plan = assign(db)
    assert plan.requests[0].unfilled == 1
    assert plan.requests[0].reason == "Only 1 eligible candidate for 2 positions."


def test_concurrent_rankings_share_the_cached_pool(world) -> None:
    """Background re-rankings run on a thread pool; they must agree with a serial run."""
    from concurrent.futures import ThreadPoolExecutor

    from wir_manager.services.matching.pool import POOL_CACHE

    expected = [c.candidate_id for c in rank(world, 1).ranked]
    POOL_CACHE.clear()
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _i: rank(world, 1), range(12)))
    assert all([c.candidate_id for c in r.ranked] == expected for r in results)


@pytest.mark.backends
def test_saved_shortlist_flags_withdrawn_consent(world) -> None:
    save_shortlist(world, 1, 2)
    with world.session() as s:
        s.get(m.Candidate, 20).consent_propose = False
    rows = {r.candidate_id: r for r in saved_shortlist(world, 1)}
    assert rows[10].consent_propose and not rows[20].consent_propose
    assert 20 not in {c.candidate_id for c in rank(world, 1).ranked}


def test_duty_station_sentence(world) -> None:
    with world.session() as s:
        req = s.get(m.PlacementRequest, 1)
        req.duty_city, req.duty_country, req.work_mode = "Nairobi", "KE", "onsite"
    sentences = {c.candidate_id: c.explanations for c in rank(world, 1).ranked}
    assert "Duty station Nairobi, Kenya (on site); already based in that country." in sentences[10]
    assert (
        "Duty station Nairobi, Kenya (on site); lives in Nigeria; "
        "willingness to relocate is not recorded." in sentences[20]
    )
    with world.session() as s:
        s.get(m.PlacementRequest, 1).work_mode = "remote"
    assert "Remote work: no duty station to move to." in rank(world, 1).ranked[0].explanations
