"""Programme and placement reports (PDF and .xlsx), core only.

``write_programme_report(db, path, start=…, end=…, language="sv")`` picks the format
from the file name; ``write_placement_report(db, placement_id, path)`` writes the PDF
for the IGO and the chapter. Both log an export in the audit log (fields, never values).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from wir_manager.domain.enums import AuditAction
from wir_manager.i18n import _, using_language
from wir_manager.services.reports.equity import MIN_GROUP, EquityRow, EquityTable, equity_table
from wir_manager.services.reports.pdf import ReportWriteError, period_text, write_atomically
from wir_manager.services.reports.programme import (
    FillTime,
    FunnelStep,
    OutcomeTotal,
    ProgrammeReport,
    build_report,
)
from wir_manager.storage import audit
from wir_manager.storage.database import Database

FORMATS = (".pdf", ".xlsx")


def _log(db: Database, entity: str, entity_id: int | None, fields: list[str]) -> None:
    with db.session() as s:
        audit.record(s, AuditAction.EXPORT, entity, entity_id, fields)


def write_programme_report(
    db: Database,
    dest: Path | str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    language: str | None = None,
    today: dt.date | None = None,
) -> ProgrammeReport:
    """Compute and write the programme report; ``.pdf`` or ``.xlsx`` by the name."""
    path = Path(dest)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ReportWriteError(
            _("Give a file name ending in .pdf or .xlsx (not “{name}”).").format(name=path.name)
        )
    with using_language(language):
        report = build_report(db, start=start, end=end, today=today)
        if suffix == ".pdf":
            from wir_manager.services.reports.pdf import programme_pdf

            data = programme_pdf(
                report, branding=(db.setting("branding_name") or "").strip() or None
            )
        else:
            from wir_manager.services.reports.xlsx import programme_xlsx

            data = programme_xlsx(report)
        write_atomically(path, data)
    _log(db, "programme_report", None, ["funnel", "placements", "outcomes", "equity"])
    return report


def write_placement_report(
    db: Database,
    placement_id: int,
    dest: Path | str,
    *,
    language: str | None = None,
    today: dt.date | None = None,
) -> Path:
    from wir_manager.services.placements import get_placement
    from wir_manager.services.reports.pdf import placement_pdf

    path = Path(dest)
    if path.suffix.lower() != ".pdf":
        raise ReportWriteError(
            _("Give a file name ending in .pdf (not “{name}”).").format(name=path.name)
        )
    with using_language(language):
        rec = get_placement(db, placement_id)
        data = placement_pdf(
            rec, branding=(db.setting("branding_name") or "").strip() or None, today=today
        )
        write_atomically(path, data)
    _log(db, "placement", placement_id, ["placement_report"])
    return path


__all__ = [
    "MIN_GROUP",
    "EquityRow",
    "EquityTable",
    "FillTime",
    "FunnelStep",
    "OutcomeTotal",
    "ProgrammeReport",
    "ReportWriteError",
    "build_report",
    "equity_table",
    "period_text",
    "write_placement_report",
    "write_programme_report",
]
