"""Spreadsheet import and export (openpyxl, no Qt).

Public API::

    read_candidates(db, path, progress=...) -> ImportReport        # validate, write nothing
    write_candidates(db, report, progress=...) -> ImportResult     # one transaction
    import_candidates(db, path, *, dry_run=False) -> (ImportReport, ImportResult | None)
    read_requests(db, path) / write_requests(db, report)
    export_candidates(db, path, *, ids=None) -> int
    export_shortlist(db, request_id, path) -> int
    export_assignment(db, assignment_result, path) -> int
    export_training(db, path) -> int
    write_candidate_template(path) -> Path
    write_request_template(path) -> Path
"""

from wir_manager.services.spreadsheets.candidates_import import (
    CandidateRow,
    import_candidates,
    read_candidates,
    write_candidates,
)
from wir_manager.services.spreadsheets.errors import ImportRefusedError, SpreadsheetError
from wir_manager.services.spreadsheets.export import (
    export_assignment,
    export_candidates,
    export_shortlist,
    export_training,
)
from wir_manager.services.spreadsheets.report import (
    ERROR,
    WARNING,
    ImportReport,
    ImportResult,
    PreviewRow,
    Problem,
)
from wir_manager.services.spreadsheets.requests_import import read_requests, write_requests
from wir_manager.services.spreadsheets.template import (
    write_candidate_template,
    write_request_template,
)


def read_sheet(db, path, kind: str, progress=None):
    """``read_candidates`` or ``read_requests`` by ``kind`` ("candidates"/"requests")."""
    from wir_manager.services.progress import NO_PROGRESS

    reader = read_candidates if kind == "candidates" else read_requests
    return reader(db, path, progress or NO_PROGRESS)


def write_report(db, report: ImportReport, progress=None) -> ImportResult:
    """Write an accepted report of either kind in one transaction."""
    from wir_manager.services.progress import NO_PROGRESS

    writer = write_candidates if report.kind == "candidates" else write_requests
    return writer(db, report, progress or NO_PROGRESS)


__all__ = [
    "ERROR",
    "WARNING",
    "CandidateRow",
    "ImportRefusedError",
    "ImportReport",
    "ImportResult",
    "PreviewRow",
    "Problem",
    "SpreadsheetError",
    "export_assignment",
    "export_candidates",
    "export_shortlist",
    "export_training",
    "import_candidates",
    "read_candidates",
    "read_requests",
    "read_sheet",
    "write_candidate_template",
    "write_candidates",
    "write_report",
    "write_request_template",
    "write_requests",
]
