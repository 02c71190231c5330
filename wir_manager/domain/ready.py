"""The "ready" rule, in one place: a candidate is ready when every *mandatory, active*
module of the programme is completed.

Everything that asks "is this person ready?" — the grid's ready column, the "training
complete" filter, promotion to the "ready" stage, the candidate editor's summary — ends
in :func:`is_ready`. It lives in the domain so that SQL-free code (the editor's records)
can use it too.
The other functions only count what it needs from the shape the caller has (compact
status codes of a grid row, a module → status mapping, counts from SQL).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from wir_manager.domain.enums import TrainingStatus


class ModuleLike(Protocol):
    """What the rule needs of a programme module."""

    @property
    def id(self) -> int: ...
    @property
    def mandatory(self) -> bool: ...
    @property
    def active(self) -> bool: ...


#: Status codes in :attr:`GridRow.statuses` (one byte per module, in module order).
NOT_STARTED, IN_PROGRESS, COMPLETED = 0, 1, 2
STATUS_CODE = {
    TrainingStatus.NOT_STARTED.value: NOT_STARTED,
    TrainingStatus.IN_PROGRESS.value: IN_PROGRESS,
    TrainingStatus.COMPLETED.value: COMPLETED,
}
CODE_STATUS = {code: TrainingStatus(value) for value, code in STATUS_CODE.items()}


def is_ready(done: int, need: int) -> bool:
    """THE rule: ``done`` of the ``need`` mandatory active modules are completed.

    A programme with no mandatory active module certifies nobody: "ready" must mean
    training happened. (Inactive modules are retired and never counted in ``need``.)
    """
    return need > 0 and done >= need


def mandatory_done(codes: bytes, mandatory: Sequence[bool]) -> int:
    """How many of a grid row's mandatory modules are completed."""
    return sum(1 for code, req in zip(codes, mandatory, strict=True) if req and code == COMPLETED)


def is_ready_codes(codes: bytes, mandatory: Sequence[bool]) -> bool:
    """:func:`is_ready` over a grid row's compact status codes (active modules only)."""
    return is_ready(mandatory_done(codes, mandatory), sum(mandatory))


def is_ready_statuses(statuses: Mapping[int, str], modules: Iterable[ModuleLike]) -> bool:
    """:func:`is_ready` over module id → TrainingStatus value (modules may include
    inactive ones; they do not count)."""
    required = [mod.id for mod in modules if mod.mandatory and mod.active]
    done = sum(1 for mid in required if statuses.get(mid) == TrainingStatus.COMPLETED.value)
    return is_ready(done, len(required))
