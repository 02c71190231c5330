"""Global assignment: the solver equals brute force on small random instances, greedy
never beats it, pruning keeps optimality; and on a demo database every placement is
eligible, nobody is placed twice and unfilled positions say why."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE
from wir_manager.cli.main import main as cli_main
from wir_manager.services.matching import assign, rank
from wir_manager.services.matching.solver import greedy, prune, solve, total


def brute_force(options: list[dict[int, float]], positions: list[int]) -> float:
    slots = [r for r, p in enumerate(positions) for _ in range(p)]
    best = 0.0

    def walk(s: int, used: frozenset[int], acc: float) -> None:
        nonlocal best
        if s == len(slots):
            best = max(best, acc)
            return
        walk(s + 1, used, acc)  # leave this slot empty
        for cand, score in options[slots[s]].items():
            if cand not in used:
                walk(s + 1, used | {cand}, acc + score)

    walk(0, frozenset(), 0.0)
    return best


instances = st.integers(1, 3).flatmap(
    lambda n_req: st.tuples(
        st.lists(
            st.dictionaries(
                st.integers(0, 5),
                st.integers(0, 10_000).map(lambda x: x / 100),
                max_size=5,
            ),
            min_size=n_req,
            max_size=n_req,
        ),
        st.lists(st.integers(0, 2), min_size=n_req, max_size=n_req),
    )
)


@settings(max_examples=250, deadline=None)
@given(instances)
def test_solver_equals_brute_force_and_beats_greedy(instance) -> None:
    options, positions = instance
    best = solve(options, positions)
    assert total(options, best) == pytest.approx(brute_force(options, positions), abs=1e-6)
    assert total(options, greedy(options, positions)) <= total(options, best) + 1e-9
    placed = [c for chosen in best for c in chosen]
    assert len(placed) == len(set(placed))  # one placement per candidate
    for r, chosen in enumerate(best):
        assert len(chosen) <= positions[r]
        assert all(c in options[r] for c in chosen)  # only eligible pairs


def test_pruning_to_total_positions_keeps_the_optimum() -> None:
    rng = random.Random(3)
    for _ in range(40):
        options = [
            {c: round(rng.uniform(0, 100), 2) for c in rng.sample(range(12), rng.randint(0, 12))}
            for _ in range(3)
        ]
        positions = [rng.randint(0, 2) for _ in range(3)]
        keep = sum(positions)
        assert all(len(p) <= keep for p in prune(options, positions))
        assert total(options, solve(options, positions)) == pytest.approx(
            brute_force(options, positions), abs=1e-6
        )


def test_fills_a_position_rather_than_leave_it_empty_on_zero_scores() -> None:
    assert solve([{7: 0.0}], [1]) == [[7]]


@pytest.mark.backends
def test_assignment_on_demo_database(demo_db) -> None:
    result = assign(demo_db)
    assert result.requests
    assert result.greedy_total <= result.total + 1e-9
    placed = [p.candidate_id for r in result.requests for p in r.placements]
    assert len(placed) == len(set(placed))
    for req in result.requests:
        ranked = {c.candidate_id: c.score for c in rank(demo_db, req.request_id).ranked}
        assert len(req.placements) + req.unfilled == req.positions
        for p in req.placements:
            assert ranked[p.candidate_id] == pytest.approx(p.score)
        if req.unfilled:
            assert req.reason and req.reason.endswith(".")
        else:
            assert req.reason is None
    assert result.total == pytest.approx(
        sum(p.score for r in result.requests for p in r.placements), abs=0.02
    )


@pytest.mark.backends
def test_cli_match_and_assign_json(demo_db, db_args, capsys) -> None:
    demo_db.close()
    assert cli_main([*db_args, "match", "2", "--top", "3", "--json"]) == 0
    ranked = json.loads(capsys.readouterr().out)
    assert len(ranked) <= 3
    for row in ranked:
        assert set(row) >= {"candidate_id", "name", "score", "parts"}
        assert sum(row["parts"].values()) == pytest.approx(row["score"])

    assert cli_main([*db_args, "assign", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["greedy_total"] <= data["total"]
    for req in data["requests"]:
        assert {"request_id", "placements", "unfilled", "reason"} <= set(req)

    assert cli_main([*db_args, "shortlist", "save", "2", "--top", "2"]) == 0
    capsys.readouterr()
    assert cli_main([*db_args, "shortlist", "show", "2", "--json"]) == 0
    saved = json.loads(capsys.readouterr().out)
    assert [r["rank"] for r in saved] == list(range(1, len(saved) + 1))

    assert cli_main([*db_args, "match", "4242"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "wir-manager: There is no placement request with id 4242."


def test_cli_weights_profiles(db, db_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    db.close()
    assert cli_main(["--db", str(db_path), "weights", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["version"] == 1
    args = ["--db", str(db_path), "weights", "--weight", "equity=25", "--json"]
    assert cli_main(args) == 0
    saved = json.loads(capsys.readouterr().out)
    assert (saved["version"], saved["weights"]["equity"]) == (2, 25)
    assert cli_main(["--db", str(db_path), "weights", "--weight", "charm=1"]) == 1
    assert "not a score part" in capsys.readouterr().err
