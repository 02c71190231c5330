"""Rank every candidate for one request: eligible people by score, plus near misses.

The whole pool is scored with array arithmetic; names and explanation sentences are
built only for the people returned. Ties are broken by candidate id, so the same data
and weights always give the same order.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import select
from sqlalchemy.engine import Connection

from wir_manager.services.matching.explain import explanations, near_miss_reason
from wir_manager.services.matching.parts import DEFAULT_PROFILE, PARTS, merge_weights
from wir_manager.services.matching.pool import POOL_CACHE, Pool, load_pool
from wir_manager.services.matching.profiles import current_profile
from wir_manager.services.matching.requirements import Requirements, load_requirements
from wir_manager.services.matching.scoring import Evaluation, evaluate, ranking_order
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

#: Near misses listed per request (best scores first).
NEAR_MISS_LIMIT = 20


@dataclass(frozen=True)
class RankedCandidate:
    candidate_id: int
    name: str
    score: float
    #: Part name → points; the values sum to ``score`` (both rounded to 0.01).
    parts: dict[str, float]
    explanations: tuple[str, ...]


@dataclass(frozen=True)
class NearMiss:
    candidate_id: int
    name: str
    #: The one required item the candidate misses, e.g. "Arabic B2, request needs C1".
    reason: str
    score: float


@dataclass(frozen=True)
class MatchResult:
    request_id: int
    profile_name: str
    #: Version of the stored profile used; 0 when ``weights`` changed it and it is unsaved.
    profile_version: int
    ranked: tuple[RankedCandidate, ...]
    near_misses: tuple[NearMiss, ...]
    #: Eligible people in all (``ranked`` may be cut to ``top``).
    eligible_count: int = 0
    #: The weights actually used, after merging the caller's onto the profile.
    weights: dict[str, float] = field(default_factory=dict)
    profile_id: int | None = None
    request_title: str = ""
    #: The parts this request uses (a part applies when the request gives something to
    #: measure); the weights of these share the 100 points (see :mod:`parts`).
    applicable: tuple[str, ...] = ()


def names_of(conn: Connection, ids: list[int]) -> dict[int, str]:
    """Full names of a few candidates (names are read only for people shown)."""
    names: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        names.update(
            conn.execute(
                select(m.Candidate.id, m.Candidate.full_name).where(m.Candidate.id.in_(chunk))
            ).all()
        )
    return names


def parts_dict(row: np.ndarray) -> dict[str, float]:
    return {part: float(row[j]) for j, part in enumerate(PARTS)}


def resolve_weights(
    db: Database, weights: Mapping[str, float] | None, profile: str = DEFAULT_PROFILE
) -> tuple[int, str, int, dict[str, float]]:
    """(profile id, name, version, weights): version 0 when ``weights`` differ from it."""
    stored = current_profile(db, profile)
    merged = merge_weights(stored.weights, weights)
    version = stored.version if merged == stored.weights else 0
    return stored.id, stored.name, version, merged


def evaluate_request(
    conn: Connection,
    request_id: int,
    weights: dict[str, float],
    include_in_training: bool | None = None,
    db: Database | None = None,
) -> tuple[Requirements, Pool, Evaluation]:
    """Read what one request needs and score the pool for it (no names, no sentences).

    With ``db`` the pool comes from (and goes into) the shared :data:`POOL_CACHE`."""
    req = load_requirements(conn, request_id)
    needs = {"languages": req.language_codes, "platforms": req.platforms, "topics": req.topics}
    pool = load_pool(conn, **needs) if db is None else POOL_CACHE.get(db, conn, **needs)
    ev = evaluate(req, pool, weights, allow_in_training=include_in_training)
    return req, pool, ev


def rank(
    db: Database,
    request_id: int,
    *,
    weights: dict[str, float] | None = None,
    top: int | None = None,
    include_in_training: bool | None = None,
    profile: str = DEFAULT_PROFILE,
    near_miss_limit: int = NEAR_MISS_LIMIT,
    only: Collection[int] | None = None,
) -> MatchResult:
    """Eligible candidates for ``request_id`` best first, with explained score parts.

    ``weights`` (possibly partial) override the named profile's for this ranking only;
    ``include_in_training`` overrides the request's own "allow in training" flag.
    ``only`` keeps just those candidates in ``ranked`` (still in ranking order, within
    ``top``; ``eligible_count`` and the near misses are unchanged), so a caller that
    needs a few people's explanations does not have every eligible candidate's written
    (a dossier of 20 from a pool of 10,000 wrote 464).
    Unknown request → :class:`UnknownRequestError` (a ``ValueError``) with one sentence.
    """
    profile_id, profile_name, version, merged = resolve_weights(db, weights, profile)
    with db.connection() as conn:
        req, pool, ev = evaluate_request(conn, request_id, merged, include_in_training, db=db)
        order = ranking_order(ev.score, pool.ids, ev.eligible)
        shown = order if top is None else order[: max(int(top), 0)]
        if only is not None:
            shown = shown[np.isin(pool.ids[shown], np.array([int(c) for c in only], dtype=int))]
        near = ranking_order(ev.score, pool.ids, ev.fails == 1)[: max(near_miss_limit, 0)]
        names = names_of(conn, [int(pool.ids[i]) for i in (*shown, *near)])
    ranked = tuple(
        RankedCandidate(
            candidate_id=int(pool.ids[i]),
            name=names.get(int(pool.ids[i]), ""),
            score=float(ev.score[i]),
            parts=parts_dict(ev.parts[i]),
            explanations=explanations(req, pool, int(i), ev.applicable),
        )
        for i in shown
    )
    near_misses = tuple(
        NearMiss(
            candidate_id=int(pool.ids[i]),
            name=names.get(int(pool.ids[i]), ""),
            reason=near_miss_reason(ev.checks[int(ev.first_fail[i])], req, pool, int(i)),
            score=float(ev.score[i]),
        )
        for i in near
    )
    return MatchResult(
        request_id=request_id,
        profile_name=profile_name,
        profile_version=version,
        ranked=ranked,
        near_misses=near_misses,
        eligible_count=len(order),
        weights=merged,
        profile_id=profile_id,
        request_title=req.title,
        applicable=tuple(ev.applicable),
    )
