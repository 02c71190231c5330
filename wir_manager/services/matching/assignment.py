"""Global assignment: fill every open request's positions with the best total score.

Each request is scored over the whole (cached) pool exactly as :func:`rank` does; only
its eligible top ``P`` (``P`` = positions over all requests) go to the solver, which is
enough for optimality (proof in :mod:`.solver`). A greedy request-by-request baseline is
computed on the same lists so the coordinator sees what the optimum gains.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from sqlalchemy import String, func, select, type_coerce

from wir_manager.i18n import _, ngettext
from wir_manager.services.matching import solver
from wir_manager.services.matching.explain import describe_check
from wir_manager.services.matching.parts import DEFAULT_PROFILE
from wir_manager.services.matching.pool import POOL_CACHE
from wir_manager.services.matching.ranking import names_of, resolve_weights
from wir_manager.services.matching.requirements import (
    ACTIVE_REQUEST_STATUSES,
    Requirements,
    load_many_requirements,
)
from wir_manager.services.matching.scoring import Evaluation, evaluate, ranking_order
from wir_manager.services.matching.shortlists import plan_shortlist, write_shortlist_in
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


@dataclass(frozen=True)
class AssignedCandidate:
    candidate_id: int
    name: str
    score: float


@dataclass(frozen=True)
class RequestAssignment:
    request_id: int
    title: str
    positions: int
    placements: tuple[AssignedCandidate, ...]
    #: Positions left empty, and why in one sentence (None when all are filled).
    unfilled: int
    reason: str | None
    eligible_count: int
    greedy_placements: tuple[AssignedCandidate, ...] = ()
    #: The requesting organisation (acronym, else name).
    organisation: str = ""


@dataclass(frozen=True)
class AssignmentResult:
    total: float
    greedy_total: float
    requests: tuple[RequestAssignment, ...]
    profile_name: str
    profile_version: int
    #: People the solver saw (union of the pruned lists) and edges it weighed.
    candidates_considered: int
    edges: int
    seconds: float

    @property
    def gain(self) -> float:
        return round(self.total - self.greedy_total, 2)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["gain"] = self.gain
        for req in data["requests"]:
            req["unfilled_positions"] = req["unfilled"]
        return data


def _reason(
    req: Requirements, ev: Evaluation, eligible_count: int, filled: int, pool_size: int
) -> str:
    if eligible_count == 0:
        if pool_size == 0:
            return _("Nobody in the pool can be proposed (consent and stage).")
        if ev.fail_counts:
            worst = int(np.argmax(ev.fail_counts))
            return _("No candidate meets every requirement; most often missing: {what}.").format(
                what=describe_check(ev.checks[worst], req)
            )
        return _("No candidate meets every requirement.")
    if eligible_count <= filled:
        return ngettext(
            "Only {n} eligible candidate for {p} positions.",
            "Only {n} eligible candidates for {p} positions.",
            eligible_count,
        ).format(n=eligible_count, p=req.positions)
    return _("The other eligible candidates are placed in requests where the total gains more.")


def open_request_ids(db: Database) -> list[int]:
    with db.engine.connect() as conn:
        return list(
            conn.execute(
                select(m.PlacementRequest.id)
                .where(type_coerce(m.PlacementRequest.status, String).in_(ACTIVE_REQUEST_STATUSES))
                .order_by(m.PlacementRequest.id)
            ).scalars()
        )


def assign(
    db: Database,
    *,
    weights: Mapping[str, float] | None = None,
    profile: str = DEFAULT_PROFILE,
    request_ids: list[int] | None = None,
    progress: Progress = NO_PROGRESS,
) -> AssignmentResult:
    """The best set of placements over all open (or the given) requests; read-only."""
    started = time.perf_counter()
    _pid, profile_name, version, merged = resolve_weights(db, dict(weights or {}), profile)
    ids = open_request_ids(db) if request_ids is None else list(request_ids)
    with db.connection() as conn:
        reqs = load_many_requirements(conn, ids)
        pool = POOL_CACHE.get(
            db,
            conn,
            languages={c for r in reqs for c in r.language_codes},
            platforms={p for r in reqs for p in r.platforms},
            topics={t for r in reqs for t in r.topics},
        )
    keep = sum(r.positions for r in reqs)
    options: list[dict[int, float]] = []
    evals: list[Evaluation] = []
    eligible_counts: list[int] = []
    steps = len(reqs) + 1
    for n, req in enumerate(reqs):
        progress.report(n, steps, req.title)
        ev = evaluate(req, pool, merged, max_fails=0)
        order = ranking_order(ev.score, pool.ids, ev.eligible)
        eligible_counts.append(len(order))
        top = order[:keep]
        options.append(dict(zip(pool.ids[top].tolist(), ev.score[top].tolist(), strict=True)))
        evals.append(ev)
    progress.report(len(reqs), steps, _("Finding the best assignment"))
    positions = [r.positions for r in reqs]
    best = solver.solve(options, positions)
    base = solver.greedy(options, positions)
    people = sorted({int(c) for cs in (*best, *base) for c in cs})
    r_, o_ = m.PlacementRequest, m.Organisation
    with db.engine.connect() as conn:
        names = names_of(conn, people)
        organisations = {
            int(rid): str(org or "")
            for rid, org in conn.execute(
                select(r_.id, func.coalesce(o_.acronym, o_.name))
                .join(o_, o_.id == r_.organisation_id)
                .where(r_.id.in_([req.request_id for req in reqs]))
            )
        }

    def picks(r: int, chosen: list) -> tuple[AssignedCandidate, ...]:
        return tuple(
            AssignedCandidate(int(c), names.get(int(c), ""), float(options[r][c])) for c in chosen
        )

    requests = []
    for r, req in enumerate(reqs):
        filled = len(best[r])
        unfilled = max(req.positions - filled, 0)
        requests.append(
            RequestAssignment(
                request_id=req.request_id,
                title=req.title,
                positions=req.positions,
                placements=picks(r, best[r]),
                unfilled=unfilled,
                reason=(
                    _reason(req, evals[r], eligible_counts[r], filled, len(pool))
                    if unfilled
                    else None
                ),
                eligible_count=eligible_counts[r],
                greedy_placements=picks(r, base[r]),
                organisation=organisations.get(req.request_id, ""),
            )
        )
    progress.report(steps, steps, "")
    return AssignmentResult(
        total=round(solver.total(options, best), 2),
        greedy_total=round(solver.total(options, base), 2),
        requests=tuple(requests),
        profile_name=profile_name,
        profile_version=version,
        candidates_considered=len({c for opts in options for c in opts}),
        edges=sum(len(o) for o in options),
        seconds=time.perf_counter() - started,
    )


def apply_assignment(
    db: Database,
    result: AssignmentResult,
    *,
    weights: Mapping[str, float] | None = None,
    profile: str = DEFAULT_PROFILE,
    progress: Progress = NO_PROGRESS,
) -> list[tuple[int, int]]:
    """Save the assignment as saved shortlists, one per request that got anyone:
    (request id, people saved) per request. Every request's list is checked first (as
    :func:`save_shortlist` checks a coordinator's ticked people), then all are written in
    one transaction: the assignment is applied whole or not at all, never half. People
    already sent, interviewed or answered stay with their history. Requests nobody was
    assigned to are left alone."""
    todo = [r for r in result.requests if r.placements]
    plans = []
    for n, req in enumerate(todo):
        progress.report(n, len(todo), req.title)
        plans.append(
            plan_shortlist(
                db,
                req.request_id,
                len(req.placements),
                weights=weights,
                candidate_ids=[p.candidate_id for p in req.placements],
                profile=profile,
            )
        )
    saved: list[tuple[int, int]] = []
    with db.session(write=True) as s:
        for plan in plans:
            rows = write_shortlist_in(db, s, plan)
            saved.append((plan.request_id, len(rows)))
    progress.report(len(todo), len(todo), "")
    return saved
