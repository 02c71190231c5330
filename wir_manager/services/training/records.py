"""Plain records of the training programme handed to the CLI and the Qt layer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from wir_manager.domain.ready import is_ready_codes


class TrainingError(ValueError):
    """A training change that cannot be made; ``str()`` is a plain sentence."""


@dataclass(frozen=True, slots=True)
class ModuleRecord:
    id: int
    position: int
    title: str
    description: str
    mandatory: bool
    active: bool
    #: The row's ``row_version`` when read: the module editor saves with it, so a module
    #: someone else changed meanwhile is not silently overwritten.
    version: int = 0


@dataclass(frozen=True, slots=True)
class GridRow:
    """One candidate's line: ``statuses[i]`` is the code for ``ProgressGrid.modules[i]``."""

    candidate_id: int
    name: str
    username: str
    stage: str
    statuses: bytes


@dataclass(frozen=True)
class ProgressGrid:
    """Candidates × active modules. ``mandatory`` flags each module of ``modules``."""

    modules: tuple[ModuleRecord, ...]
    rows: list[GridRow]

    @property
    def mandatory(self) -> tuple[bool, ...]:
        return tuple(mod.mandatory for mod in self.modules)

    def is_ready(self, row: GridRow) -> bool:
        return is_ready_codes(row.statuses, self.mandatory)


@dataclass(frozen=True, slots=True)
class CellDetail:
    status: str
    started_on: dt.date | None
    completed_on: dt.date | None
    score: int | None


@dataclass(frozen=True)
class MarkResult:
    """What one marking did: cells written, candidates moved to "ready", and the fresh
    grid rows of every candidate touched (for patching a shown grid in place)."""

    written: int
    moved: list[int]
    rows: list[GridRow] = field(default_factory=list)
