"""Who may appear in a dossier, decided in one place.

GDPR consent is per person and per purpose: without consent to be proposed to IGOs a
person never appears, even when a coordinator put them on a shortlist earlier (consent
can be withdrawn after saving); contact details need their own consent. The caller
gets the reasons for every exclusion so the CLI and the GUI can say what happened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wir_manager.i18n import _


@dataclass(frozen=True, slots=True)
class ConsentState:
    propose: bool
    share_contact: bool


@dataclass(frozen=True, slots=True)
class Exclusion:
    """Someone left out of a dossier, and why (no name: the reason goes to logs too)."""

    candidate_id: int
    reason: str


def filter_for_disclosure(
    candidate_ids: Sequence[int], states: Mapping[int, ConsentState]
) -> tuple[list[int], list[Exclusion]]:
    """(ids that may be disclosed, in the given order; exclusions with reasons)."""
    kept: list[int] = []
    excluded: list[Exclusion] = []
    for cid in candidate_ids:
        state = states.get(cid)
        if state is None:
            excluded.append(Exclusion(cid, _("no longer in the database")))
        elif not state.propose:
            excluded.append(Exclusion(cid, _("has not consented to be proposed to organisations")))
        else:
            kept.append(cid)
    return kept, excluded
