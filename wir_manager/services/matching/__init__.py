"""Matching: explained ranked shortlists for one request, and the best assignment of
candidates across all open requests.

Public API (plain frozen dataclasses in and out, no ORM objects, no Qt)::

    rank(db, request_id, *, weights=None, top=None, include_in_training=None) -> MatchResult
    save_shortlist(db, request_id, top, *, weights=None, candidate_ids=None) -> list[ShortlistRow]
    saved_shortlist(db, request_id) -> list[ShortlistRow]
    assign(db, *, weights=None, progress=NO_PROGRESS) -> AssignmentResult
"""

from __future__ import annotations

from wir_manager.services.matching.errors import (
    MatchingError,
    ShortlistError,
    UnknownRequestError,
    WeightsError,
)
from wir_manager.services.matching.parts import DEFAULT_PROFILE, DEFAULT_WEIGHTS, PARTS, part_label
from wir_manager.services.matching.profiles import (
    WeightProfileInfo,
    current_profile,
    list_profiles,
    save_profile,
)
from wir_manager.services.matching.ranking import MatchResult, NearMiss, RankedCandidate, rank

__all__ = [
    "DEFAULT_PROFILE",
    "DEFAULT_WEIGHTS",
    "PARTS",
    "MatchResult",
    "MatchingError",
    "NearMiss",
    "RankedCandidate",
    "ShortlistError",
    "UnknownRequestError",
    "WeightProfileInfo",
    "WeightsError",
    "current_profile",
    "list_profiles",
    "part_label",
    "rank",
    "save_profile",
]
