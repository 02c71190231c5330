"""Property tests (hypothesis) on the vectorised scorer: rankings are deterministic and
independent of row order, and raising a candidate's level never lowers their score."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from wir_manager.services.matching.parts import DEFAULT_WEIGHTS, PARTS
from wir_manager.services.matching.pool import Pool
from wir_manager.services.matching.requirements import build_requirements
from wir_manager.services.matching.scoring import evaluate, level_value, ranking_order

CODES = ("en", "fr", "es", "ar")
PLATFORMS = ("wikidata", "commons")
IMPORTANCE = ("required", "preferred", "nice_to_have")


@st.composite
def requests(draw):
    langs = []
    for code in draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=4, unique=True)):
        group = draw(st.sampled_from([None, None, 1]))
        langs.append((code, draw(st.integers(1, 7)), draw(st.sampled_from(IMPORTANCE)), group))
    skills = [
        (p, draw(st.integers(1, 3)), draw(st.sampled_from(IMPORTANCE)))
        for p in draw(st.lists(st.sampled_from(PLATFORMS), max_size=2, unique=True))
    ]
    return build_requirements(
        request_id=1,
        start=dt.date(2027, 1, 1),
        languages=langs,
        skills=skills,
        topics=draw(st.lists(st.sampled_from(["health", "gender"]), max_size=2)),
        priority_regions=draw(st.lists(st.sampled_from(["002", "142"]), max_size=1)),
        allow_in_training=draw(st.booleans()),
    )


@st.composite
def pools(draw):
    n = draw(st.integers(1, 25))
    ints = lambda lo, hi: np.array(draw(st.lists(st.integers(lo, hi), min_size=n, max_size=n)))  # noqa: E731
    pool = Pool(
        ids=np.arange(1, n + 1, dtype=np.int64) * 3,
        in_training=ints(0, 1).astype(bool),
        avail_from=np.full(n, np.iinfo(np.int64).min),
        avail_until=np.full(n, np.iinfo(np.int64).max),
        region=np.array([[2, 142, 150][i % 3] for i in ints(0, 2)], dtype=np.int32),
        subregion=np.full(n, -1, dtype=np.int32),
        active_since=ints(0, 2026).astype(np.int32),
        edits=ints(0, 200_000).astype(np.int64),
        training_done=ints(0, 7).astype(np.int32),
        mandatory_total=7,
    )
    for code in CODES:
        pool.lang[code] = ints(0, 7).astype(np.int8)
    for platform in PLATFORMS:
        pool.skill[platform] = ints(0, 3).astype(np.int8)
    for topic in ("health", "gender"):
        pool.topic[topic] = ints(0, 1).astype(bool)
    return pool


weights_st = st.fixed_dictionaries({p: st.floats(0, 50) for p in PARTS}).filter(
    lambda w: sum(w.values()) > 0
)


@settings(max_examples=150, deadline=None)
@given(requests(), pools(), weights_st, st.randoms(use_true_random=False))
def test_ranking_is_deterministic_and_row_order_free(req, pool, weights, rnd) -> None:
    first = evaluate(req, pool, weights)
    again = evaluate(req, pool, weights)
    ranked = pool.ids[ranking_order(first.score, pool.ids, first.eligible)]
    assert np.array_equal(first.score, again.score)
    assert np.array_equal(ranked, pool.ids[ranking_order(again.score, pool.ids, again.eligible)])
    perm = np.array(rnd.sample(range(len(pool)), len(pool)))
    shuffled = pool.take(perm)
    ev = evaluate(req, shuffled, weights)
    assert np.array_equal(ranked, shuffled.ids[ranking_order(ev.score, shuffled.ids, ev.eligible)])
    # shown people's parts (eligible and near misses) sum to the score; 0–100 for all
    shown = first.fails <= 1
    assert np.allclose(first.parts[shown].sum(axis=1), first.score[shown], atol=1e-9)
    assert ((first.score >= 0) & (first.score <= 100.0001)).all()


@settings(max_examples=200, deadline=None)
@given(
    requests(),
    pools(),
    weights_st,
    st.integers(0, 24),
    st.sampled_from(CODES + PLATFORMS),
    st.integers(1, 3),
)
def test_raising_a_level_never_lowers_the_score(req, pool, weights, who, key, step) -> None:
    i = who % len(pool)
    before = evaluate(req, pool, weights)
    column = pool.lang[key] if key in pool.lang else pool.skill[key]
    top = 7 if key in pool.lang else 3
    column[i] = min(int(column[i]) + step, top)
    after = evaluate(req, pool, weights)
    assert after.score[i] >= before.score[i]
    assert after.fails[i] <= before.fails[i]  # and never makes anyone less eligible


def test_level_value_table() -> None:
    levels = np.arange(0, 8)
    # C1 asked: missing → 0, B1 → 0, B2 → 0.25, C1 → 0.5, C2 → 0.75, native → 1
    assert level_value(levels, 5, 7).tolist() == [0, 0, 0, 0, 0.25, 0.5, 0.75, 1.0]
    # advanced asked on a 0–3 scale: meeting it is full marks (nothing above exists)
    assert level_value(np.arange(0, 4), 3, 3).tolist() == [0, 0, 0.25, 1.0]


def test_default_weights_cover_every_part() -> None:
    assert set(DEFAULT_WEIGHTS) == set(PARTS)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.floats(0, 40, allow_nan=False), min_size=6, max_size=6),
        min_size=1,
        max_size=10,
    )
)
def test_rounded_parts_sum_to_rounded_score(rows) -> None:
    from wir_manager.services.matching.scoring import round_parts

    exact = np.array(rows)
    parts, score = round_parts(exact)
    assert np.allclose(parts.sum(axis=1), score, atol=1e-9)
    assert np.all(np.abs(parts - exact) < 0.01 + 1e-9)
    assert np.allclose(score, np.round(exact.sum(axis=1), 2), atol=1e-9)
