"""Vectorised eligibility and score parts for one request over a whole pool.

Level fit (language and platform units), the heart of the score, in words:

* meeting the minimum exactly is worth half the unit (0.5);
* each level above it adds a share of the other half, up to two levels above (or the top
  of the scale, whichever comes first): C1 asked, C2 → 0.75, native → 1.0;
* each level short of a (non-required) minimum costs a quarter: one short → 0.25,
  two or more short → 0.

Units weigh 3 (required), 2 (preferred) or 1 (nice to have) inside their part; an
"at least one of" unit takes its best member. Every function here is monotone in the
candidate's levels, so raising a level can never lower a score.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from wir_manager.services.matching.parts import PARTS
from wir_manager.services.matching.pool import RELOCATE_NO, Pool, to_days
from wir_manager.services.matching.requirements import Requirements, Unit

LANGUAGE_MAX = 7  # native
SKILL_MAX = 3  # advanced
EXPERIENCE_YEARS_FULL = 10
EXPERIENCE_EDITS_FULL_LOG10 = 5.0  # 100,000 edits


@dataclass(frozen=True)
class Check:
    """One required item a candidate must hold; ``unit`` is set for language/skill items."""

    kind: str  # "stage" | "availability" | "placement" | "relocation" | "language" | "skill"
    unit: Unit | None = None


@dataclass
class Evaluation:
    """Per-candidate results, aligned with the pool's arrays."""

    parts: np.ndarray  # float64 (n, len(PARTS)), points rounded to 0.01
    score: np.ndarray  # float64 (n,), sum of the rounded parts, rounded to 0.01
    fails: np.ndarray  # int (n,), number of required items not held
    first_fail: np.ndarray  # int (n,), index into ``checks`` of a failed item, -1 if none
    checks: tuple[Check, ...]
    applicable: tuple[str, ...]
    #: How many people fail each check (aligned with ``checks``).
    fail_counts: tuple[int, ...] = ()

    @property
    def eligible(self) -> np.ndarray:
        return self.fails == 0


def level_value(level: np.ndarray, minimum: int, top: int) -> np.ndarray:
    """Fit of ``level`` against ``minimum`` in [0, 1] (see module docstring)."""
    level = level.astype(np.float64)
    cap = min(2, top - minimum)
    above = 0.5 + 0.5 * np.clip(level - minimum, 0, cap) / cap if cap > 0 else np.ones_like(level)
    short = np.maximum(0.0, 0.5 - 0.25 * (minimum - level))
    return np.where(level >= minimum, above, short)


def _levels(unit: Unit, pool: Pool, key: str) -> np.ndarray:
    return pool.language(key) if unit.kind == "language" else pool.skill_level(key)


def unit_holds(unit: Unit, pool: Pool) -> np.ndarray:
    """True where at least one of the unit's needs is met."""
    holds = np.zeros(len(pool), bool)
    for need in unit.needs:
        holds |= _levels(unit, pool, need.key) >= need.min_level
    return holds


def unit_value(unit: Unit, pool: Pool) -> np.ndarray:
    """Fit in [0, 1] of every candidate for one unit (the best member of a group)."""
    top = LANGUAGE_MAX if unit.kind == "language" else SKILL_MAX
    value = np.zeros(len(pool))
    for need in unit.needs:
        value = np.maximum(value, level_value(_levels(unit, pool, need.key), need.min_level, top))
    return value


def units_fraction(units: tuple[Unit, ...], pool: Pool) -> np.ndarray:
    total = sum(u.weight for u in units)
    acc = np.zeros(len(pool))
    for unit in units:
        acc += unit.weight * unit_value(unit, pool)
    return acc / total if total else acc


def experience_fraction(pool: Pool, reference_year: int) -> np.ndarray:
    years = np.where(pool.active_since > 0, reference_year - pool.active_since, 0)
    by_years = np.clip(years, 0, EXPERIENCE_YEARS_FULL) / EXPERIENCE_YEARS_FULL
    by_edits = np.minimum(
        np.log10(1.0 + np.maximum(pool.edits, 0)) / EXPERIENCE_EDITS_FULL_LOG10, 1
    )
    return 0.5 * by_years + 0.5 * by_edits


def duty_station_applies(req: Requirements) -> bool:
    """On site or hybrid with a duty country: the person must live there or move there."""
    return req.work_mode != "remote" and bool(req.duty_country)


def will_not_relocate(req: Requirements, pool: Pool) -> np.ndarray:
    """True where the person lives outside the duty country and said they will not move.

    Only a recorded "no" knocks out: an unrecorded answer is not held against anyone
    (the explanation says it is not recorded). The country comparison runs only over the
    few people who said no, not over the whole pool.
    """
    out = np.zeros(len(pool), bool)
    if not duty_station_applies(req):
        return out
    unwilling = np.flatnonzero(pool.relocation() == RELOCATE_NO)
    if len(unwilling):
        duty = str(req.duty_country).strip().upper()
        homes = pool.country[unwilling] if len(pool.country) == len(pool) else ""
        out[unwilling] = homes != duty
    return out


def in_priority_region(pool: Pool, regions: tuple[str, ...]) -> np.ndarray:
    codes = np.array([int(r) for r in regions if r.isdigit()], dtype=np.int32)
    return np.isin(pool.region, codes) | np.isin(pool.subregion, codes)


def evaluate(
    req: Requirements,
    pool: Pool,
    weights: dict[str, float],
    *,
    allow_in_training: bool | None = None,
    max_fails: int = 1,
) -> Evaluation:
    """Eligibility of every pool member for ``req``, and score parts under ``weights`` for
    those missing at most ``max_fails`` required items (1: eligible people and near
    misses, what a ranking shows; 0: eligible only, what the assignment needs). Other
    rows keep a score of 0: checking is cheap, scoring is done only where it is read."""
    n = len(pool)
    allow = req.allow_in_training if allow_in_training is None else allow_in_training
    checks: list[Check] = []
    failed: list[np.ndarray] = []
    if not allow:
        checks.append(Check("stage"))
        failed.append(pool.in_training)
    if req.start is not None and req.end is not None:
        lo, hi = to_days(req.start), to_days(req.end)
        checks.append(Check("availability"))
        failed.append((pool.avail_from > lo) | (pool.avail_until < hi))
    # One check for "placed": committed now (planned or active placement, or stage
    # placed) or busy with any placement during the request's period.
    busy = pool.committed() | pool.busy_between(req.start, req.end)
    if busy.any():
        checks.append(Check("placement"))
        failed.append(busy)
    if duty_station_applies(req):
        checks.append(Check("relocation"))
        failed.append(will_not_relocate(req, pool))
    for unit in (*req.languages, *req.skills):
        if unit.required:
            checks.append(Check(unit.kind, unit))
            failed.append(~unit_holds(unit, pool))
    if failed:
        matrix = np.vstack(failed)
        fails = matrix.sum(axis=0)
        first_fail = np.where(fails > 0, matrix.argmax(axis=0), -1)
        fail_counts = tuple(int(x) for x in matrix.sum(axis=1))
    else:
        fail_counts = ()
        fails = np.zeros(n, np.int64)
        first_fail = np.full(n, -1)

    rows = np.flatnonzero(fails <= max_fails)
    sub = pool.take(rows) if len(rows) < n else pool
    fractions: dict[str, np.ndarray] = {}
    applicable: list[str] = []
    if req.languages:
        fractions["language"] = units_fraction(req.languages, sub)
        applicable.append("language")
    if req.skills:
        fractions["skills"] = units_fraction(req.skills, sub)
        applicable.append("skills")
    if req.topics:
        hits = sum((sub.has_topic(t).astype(np.float64) for t in req.topics), np.zeros(len(sub)))
        fractions["topics"] = hits / len(req.topics)
        applicable.append("topics")
    if pool.mandatory_total:
        fractions["training"] = np.minimum(sub.training_done / pool.mandatory_total, 1.0)
        applicable.append("training")
    fractions["experience"] = experience_fraction(sub, req.reference_year)
    applicable.append("experience")
    if req.priority_regions:
        fractions["equity"] = in_priority_region(sub, req.priority_regions).astype(np.float64)
        applicable.append("equity")

    denominator = sum(weights[p] for p in applicable)
    exact = np.zeros((len(sub), len(PARTS)))
    if denominator > 0:
        for j, part in enumerate(PARTS):
            if part in fractions and weights[part] > 0:
                exact[:, j] = 100.0 * weights[part] / denominator * fractions[part]
    parts = np.zeros((n, len(PARTS)))
    score = np.zeros(n)
    if len(rows):
        parts[rows], score[rows] = round_parts(exact)
    return Evaluation(
        parts, score, fails, first_fail, tuple(checks), tuple(applicable), fail_counts
    )


def round_parts(exact: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Parts and score in hundredths such that the parts add up to the score exactly.

    The score is the exact total rounded; the parts are floored and the missing
    hundredths go to the parts with the largest remainders (largest-remainder method),
    so a score never shows as 100.01 and the parts a coordinator reads sum to it.
    The score is a monotone function of the exact total, so rounding never reorders
    two candidates whose exact totals differ by more than half a hundredth.
    """
    cents = exact * 100.0
    floor = np.floor(cents + 1e-7)
    total = np.round(cents.sum(axis=1))
    missing = (total - floor.sum(axis=1)).astype(np.int64)
    need = np.flatnonzero(missing)
    if len(need):
        sub = cents[need] - floor[need]
        order = np.argsort(-sub, axis=1, kind="stable")
        ranks = np.empty_like(order)
        ranks[np.arange(len(need))[:, None], order] = np.arange(exact.shape[1])[None, :]
        floor[need] += ranks < missing[need][:, None]
    return floor / 100.0, total / 100.0


def ranking_order(score: np.ndarray, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Pool indices where ``mask`` holds, best first; ties broken by the lower candidate id."""
    idx = np.flatnonzero(mask)
    if not len(idx):
        return idx
    order = np.lexsort((ids[idx], -score[idx]))
    return idx[order]
