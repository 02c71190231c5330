"""The training programme: its modules, the candidates × modules progress grid, completion
marking and the "ready" rule.

The grid is read with Core selects into compact tuples (one ``bytes`` of status codes per
candidate), so 50,000 candidates × 9 modules load in well under a second and fit in a
few megabytes. Marking completion writes in one transaction with set-based statements.

The ready rule lives in :mod:`wir_manager.domain.ready` and only there (``is_ready``):
a candidate is ready when every *mandatory, active* module is completed. Split along its
seams: :mod:`.records`, :mod:`.modules`, :mod:`.grid`, :mod:`.marking`; everything public
is importable from here.
"""

from __future__ import annotations

from wir_manager.domain.ready import (
    CODE_STATUS,
    COMPLETED,
    IN_PROGRESS,
    NOT_STARTED,
    STATUS_CODE,
    is_ready,
    is_ready_codes,
    is_ready_statuses,
    mandatory_done,
)
from wir_manager.services.training.grid import (
    candidate_progress,
    cell_detail,
    load_grid,
)
from wir_manager.services.training.marking import (
    MAX_SCORE,
    mark_and_promote,
    mark_cells,
    mark_completed,
    mark_selection,
    promote_and_reload,
    promote_ready,
    ready_candidates,
    set_progress,
)
from wir_manager.services.training.modules import (
    add_module,
    deactivate_module,
    install_default_modules,
    list_modules,
    move_module,
    rename_module,
    reorder_modules,
    set_mandatory,
    update_module,
)
from wir_manager.services.training.records import (
    CellDetail,
    GridRow,
    MarkResult,
    ModuleRecord,
    ProgressGrid,
    TrainingError,
)

__all__ = [
    "CODE_STATUS",
    "COMPLETED",
    "IN_PROGRESS",
    "MAX_SCORE",
    "NOT_STARTED",
    "STATUS_CODE",
    "CellDetail",
    "GridRow",
    "MarkResult",
    "ModuleRecord",
    "ProgressGrid",
    "TrainingError",
    "add_module",
    "candidate_progress",
    "cell_detail",
    "deactivate_module",
    "install_default_modules",
    "is_ready",
    "is_ready_codes",
    "is_ready_statuses",
    "list_modules",
    "load_grid",
    "mandatory_done",
    "mark_and_promote",
    "mark_cells",
    "mark_completed",
    "mark_selection",
    "move_module",
    "promote_and_reload",
    "promote_ready",
    "ready_candidates",
    "rename_module",
    "reorder_modules",
    "set_mandatory",
    "set_progress",
    "update_module",
]
