"""Matching: explained ranked shortlists for one request, and the best assignment of
candidates across all open requests.

Public API (plain frozen dataclasses in and out, no ORM objects, no Qt)::

    rank(db, request_id, *, weights=None, top=None, include_in_training=None) -> MatchResult
    save_shortlist(db, request_id, top, *, weights=None, candidate_ids=None) -> list[ShortlistRow]
    saved_shortlist(db, request_id) -> list[ShortlistRow]
    assign(db, *, weights=None, progress=NO_PROGRESS) -> AssignmentResult
    apply_assignment(db, result, *, weights=None) -> [(request id, people saved)]
"""

from __future__ import annotations

from wir_manager.services.matching.assignment import (
    AssignedCandidate,
    AssignmentResult,
    RequestAssignment,
    apply_assignment,
    assign,
    open_request_ids,
)
from wir_manager.services.matching.considered import NotConsidered, not_considered
from wir_manager.services.matching.diversity import Diversity, diversity, shortlist_diversity
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
from wir_manager.services.matching.shortlists import (
    ACTIVE_STATUSES,
    TRANSITIONS,
    ShortlistRow,
    active_shortlist_counts,
    allowed_next,
    clear_shortlist,
    over_positions,
    positions_warning,
    remove_from_shortlist,
    save_shortlist,
    saved_shortlist,
    set_note,
    set_status,
)

__all__ = [
    "ACTIVE_STATUSES",
    "DEFAULT_PROFILE",
    "DEFAULT_WEIGHTS",
    "PARTS",
    "TRANSITIONS",
    "AssignedCandidate",
    "AssignmentResult",
    "Diversity",
    "MatchResult",
    "MatchingError",
    "NearMiss",
    "NotConsidered",
    "RankedCandidate",
    "RequestAssignment",
    "ShortlistError",
    "ShortlistRow",
    "UnknownRequestError",
    "WeightProfileInfo",
    "WeightsError",
    "active_shortlist_counts",
    "allowed_next",
    "apply_assignment",
    "assign",
    "clear_shortlist",
    "current_profile",
    "diversity",
    "list_profiles",
    "not_considered",
    "open_request_ids",
    "over_positions",
    "part_label",
    "positions_warning",
    "rank",
    "remove_from_shortlist",
    "save_profile",
    "save_shortlist",
    "saved_shortlist",
    "set_note",
    "set_status",
    "shortlist_diversity",
]
