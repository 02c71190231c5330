"""Optimal and greedy assignment of candidates to request positions (pure, no database).

Input: for each request, its positions and its eligible candidates with scores
(``{candidate: score}``); each candidate may fill at most one position overall.
Output: the candidates chosen per request, maximising the summed score.

Pruning that keeps optimality: with ``P`` positions in total, each request only needs
its ``P`` best candidates. Take an optimal solution where request ``r`` holds a person
``c`` outside its top ``P``. All other positions hold at most ``P - 1`` people, so one of
``r``'s top ``P`` is free; swapping ``c`` for that person keeps every constraint and
does not lower the total (they score at least as much for ``r``). Repeating the swap
gives an optimal solution inside the pruned lists. So the solver never sees the tens of
thousands of people who are nobody's top-``P``.

The pruned problem is a maximum-weight bipartite b-matching: request ``r`` becomes
``positions[r]`` identical slot rows; columns are the people in any pruned list. It is
solved as a sparse full matching (SciPy's LAPJVsp, ``min_weight_full_bipartite_matching``)
in which every slot also gets a private "leave unfilled" column. Real edges weigh
``1 + score + ε`` and the unfilled edge weighs 1: every slot is matched exactly once, so
the constant 1 drops out; ``ε`` (far below the 0.01 score resolution) prefers filling a
position over leaving it empty when the score would tie.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

import numpy as np
from scipy.sparse import csr_array
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

FILL_BONUS = 1e-6


def prune(
    options: Sequence[Mapping[Hashable, float]], positions: Sequence[int]
) -> list[dict[Hashable, float]]:
    """Each request's top ``sum(positions)`` candidates (ties: the smaller key first)."""
    keep = int(sum(max(p, 0) for p in positions))
    pruned = []
    for opts in options:
        best = sorted(opts.items(), key=lambda kv: (-kv[1], _key(kv[0])))[:keep]
        pruned.append(dict(best))
    return pruned


def _key(value: Hashable) -> tuple:
    return (0, value) if isinstance(value, int | float) else (1, str(value))


def solve(
    options: Sequence[Mapping[Hashable, float]], positions: Sequence[int]
) -> list[list[Hashable]]:
    """Optimal choice per request (see module docstring); each list best score first."""
    options = prune(options, positions)
    people = sorted({c for opts in options for c in opts}, key=_key)
    column = {c: j for j, c in enumerate(people)}
    slot_request: list[int] = []
    for r, p in enumerate(positions):
        slot_request += [r] * max(int(p), 0)
    n_slots, n_people = len(slot_request), len(people)
    result: list[list[Hashable]] = [[] for _ in options]
    if not n_slots:
        return result
    rows: list[int] = []
    cols: list[int] = []
    weights: list[float] = []
    for s, r in enumerate(slot_request):
        for c, score in options[r].items():
            rows.append(s)
            cols.append(column[c])
            weights.append(1.0 + float(score) + FILL_BONUS)
        rows.append(s)
        cols.append(n_people + s)  # this slot's own "unfilled" column
        weights.append(1.0)
    graph = csr_array(
        (np.array(weights), (np.array(rows), np.array(cols))), shape=(n_slots, n_people + n_slots)
    )
    _rows, matched = min_weight_full_bipartite_matching(graph, maximize=True)
    for s, j in enumerate(matched):
        if j < n_people:
            result[slot_request[s]].append(people[j])
    for r, chosen in enumerate(result):
        chosen.sort(key=lambda c, r=r: (-options[r][c], _key(c)))
    return result


def greedy(
    options: Sequence[Mapping[Hashable, float]], positions: Sequence[int]
) -> list[list[Hashable]]:
    """Baseline: requests in order, each takes its best people still free."""
    taken: set[Hashable] = set()
    result: list[list[Hashable]] = []
    for opts, p in zip(options, positions, strict=True):
        chosen: list[Hashable] = []
        for c, _score in sorted(opts.items(), key=lambda kv: (-kv[1], _key(kv[0]))):
            if len(chosen) >= p:
                break
            if c not in taken:
                chosen.append(c)
                taken.add(c)
        result.append(chosen)
    return result


def total(
    options: Sequence[Mapping[Hashable, float]], chosen: Sequence[Sequence[Hashable]]
) -> float:
    return float(sum(options[r][c] for r, cs in enumerate(chosen) for c in cs))
