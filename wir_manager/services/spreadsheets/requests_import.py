"""Import placement requests from .xlsx, with the same two phases as candidates.

Rows are parsed into :class:`~wir_manager.services.requests.RequestData` and checked
with the request service's own :func:`validate_request`, so a request imported from a
sheet obeys exactly the rules of the editor. Writing is one transaction for all rows.

Requirement cells: ``en:C1; fr:B2 or es:B2 (preferred)`` (";" separates requirements,
"or" makes an at-least-one-of group, a trailing "(…)" gives the importance) and
``Wikidata:2; Commons:1 (nice to have)``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from wir_manager.domain.enums import AuditAction, RequestStatus, WorkMode
from wir_manager.i18n import _, ngettext
from wir_manager.services.localefmt import format_number
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.services.requests import (
    LanguageRequirement,
    RequestData,
    SkillRequirement,
    validate_request,
)
from wir_manager.services.spreadsheets import cells
from wir_manager.services.spreadsheets.cells import CellProblem
from wir_manager.services.spreadsheets.errors import ImportRefusedError, SpreadsheetError
from wir_manager.services.spreadsheets.formats import open_table
from wir_manager.services.spreadsheets.headers import (
    REQUEST_FIELDS,
    REQUIRED_REQUEST_FIELDS,
    label_of,
    request_field,
)
from wir_manager.services.spreadsheets.report import ImportReport, ImportResult, PreviewRow, Problem
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

#: validate_request's problem areas → our column keys.
_AREA_COLUMN = {
    "title": "title",
    "organisation": "organisation",
    "duty": "duty_country",
    "dates": "deadline",
    "duration": "duration_months",
    "positions": "positions",
    "status": "status",
    "languages": "languages",
    "skills": "skills",
    "topics": "topics",
    "regions": "priority_regions",
}


def _organisations(db: Database) -> dict[str, int]:
    found: dict[str, int] = {}
    with db.engine.connect() as conn:
        for oid, name, acronym in conn.execute(
            select(m.Organisation.id, m.Organisation.name, m.Organisation.acronym)
        ):
            found[name.casefold()] = oid
            if acronym:
                found.setdefault(acronym.casefold(), oid)
    return found


def _languages(value: Any) -> tuple[LanguageRequirement, ...]:
    out: list[LanguageRequirement] = []
    group = 0
    for pairs, importance in cells.requirement_items(value):
        gid = None
        if len(pairs) > 1:
            group += 1
            gid = group
        for code, level in pairs:
            out.append(
                LanguageRequirement(
                    cells.language_code(code), cells.language_level(level), importance, gid
                )
            )
    return tuple(out)


def _skills(value: Any) -> tuple[SkillRequirement, ...]:
    out: list[SkillRequirement] = []
    for pairs, importance in cells.requirement_items(value):
        for name, level in pairs:
            key = cells.platform(name)
            out.append(SkillRequirement(key, cells.skill_level(level, name), importance))
    return tuple(out)


_PARSERS: dict[str, Any] = {
    "organisation": cells.text,
    "title": cells.text,
    "description": cells.text,
    "duty_city": cells.text,
    "duty_country": cells.country_cell,
    "work_mode": cells.work_mode,
    "start_date": cells.date,
    "duration_months": lambda v: cells.whole_number(v, low=1, high=60, what=_("the duration")),
    "positions": lambda v: cells.whole_number(v, low=1, high=50, what=_("positions")),
    "deadline": cells.date,
    "status": cells.request_status,
    "allow_in_training": cells.yes_no,
    "languages": _languages,
    "skills": _skills,
    "topics": cells.topics,
    "priority_regions": cells.regions,
}


def read_requests(
    db: Database, path: os.PathLike[str] | str, progress: Progress = NO_PROGRESS
) -> ImportReport:
    """Validate a sheet of placement requests; writes nothing."""
    path = Path(path)
    table = open_table(path, preferred=("requests", "placement requests", "placements"))
    try:
        it = table.rows
        header: tuple[Any, ...] | None = None
        row_number = 0
        for row in it:
            row_number += 1
            keys = {request_field(v) for v in row if not cells.is_blank(v)}
            if keys & set(REQUIRED_REQUEST_FIELDS):
                header = row
                break
            if row_number >= 10:
                break
        if header is None:
            raise SpreadsheetError(
                _("No header row with “Organisation” and “Title” columns was found.")
            )
        columns: list[tuple[int, str, str]] = []
        notes: list[str] = []
        seen: set[str] = set()
        for i, value in enumerate(header):
            if cells.is_blank(value):
                continue
            key = request_field(value)
            if key is None or key in seen:
                notes.append(_("Column “{name}” is not used.").format(name=str(value).strip()))
                continue
            seen.add(key)
            columns.append((i, key, str(value).strip()))
        problems: list[Problem] = [
            Problem(
                row_number,
                "",
                _("the sheet has no “{label}” column.").format(label=label_of(REQUEST_FIELDS, key)),
            )
            for key in REQUIRED_REQUEST_FIELDS
            if key not in seen
        ]
        titles = {k: t for _i, k, t in columns}
        orgs = _organisations(db)
        preview: list[PreviewRow] = []
        records: list[RequestData] = []
        record_rows: list[int] = []
        blank = 0
        pending_blank = 0
        for raw in it:
            row_number += 1
            if all(cells.is_blank(v) for v in raw):
                pending_blank += 1
                continue
            blank += pending_blank
            pending_blank = 0
            values = [raw[i] if i < len(raw) else None for i, _k, _t in columns]
            preview.append(PreviewRow(row_number, tuple(values)))
            data: dict[str, Any] = {}
            row_problems: list[Problem] = []
            for (_i, key, title), value in zip(columns, values, strict=True):
                try:
                    data[key] = _PARSERS[key](value)
                except CellProblem as exc:
                    row_problems.append(Problem(row_number, title, str(exc)))
            org_name = data.pop("organisation", None)
            org_id = orgs.get(org_name.casefold()) if org_name else None
            if org_name and org_id is None:
                row_problems.append(
                    Problem(
                        row_number,
                        titles["organisation"],
                        _("there is no organisation named “{name}”; add it first.").format(
                            name=org_name
                        ),
                    )
                )
            if row_problems:
                problems += row_problems
                continue
            request = RequestData(
                title=data.get("title") or "",
                organisation_id=org_id,
                description=data.get("description") or "",
                work_mode=data.get("work_mode") or WorkMode.ONSITE.value,
                duty_city=data.get("duty_city"),
                duty_country=data.get("duty_country"),
                start_date=data.get("start_date"),
                duration_months=data.get("duration_months") or 6,
                positions=data.get("positions") or 1,
                deadline=data.get("deadline"),
                status=data.get("status") or RequestStatus.OPEN.value,
                allow_in_training=bool(data.get("allow_in_training")),
                languages=data.get("languages") or (),
                skills=data.get("skills") or (),
                topics=data.get("topics") or (),
                priority_regions=data.get("priority_regions") or (),
            )
            for p in validate_request(request):
                column = titles.get(_AREA_COLUMN.get(p.field, ""), "")
                problems.append(Problem(row_number, column, p.message))
                row_problems.append(problems[-1])
            if not row_problems:
                records.append(request)
                record_rows.append(row_number)
            if len(preview) % 500 == 0:
                progress.report(len(preview), 0, _("Checking rows"))
        return ImportReport(
            kind="requests",
            file_name=path.name,
            sheet=table.sheet,
            headers=tuple(t for _i, _k, t in columns),
            preview=tuple(preview),
            records=tuple(records),
            record_rows=tuple(record_rows),
            problems=tuple(problems),
            notes=tuple(notes),
            blank_rows=blank,
            guess=table.guess,
        )
    finally:
        table.close()


def write_requests(
    db: Database, report: ImportReport, progress: Progress = NO_PROGRESS
) -> ImportResult:
    """Insert every request of an accepted report in ONE transaction."""
    if report.kind != "requests":
        raise ImportRefusedError(_("This report is not about placement requests."))
    if not report.ok:
        raise ImportRefusedError(
            ngettext(
                "The sheet has {n} problem; fix it and import again. Nothing was written.",
                "The sheet has {n} problems; fix them and import again. Nothing was written.",
                len(report.errors),
            ).format(n=format_number(len(report.errors)))
        )
    ids: list[int] = []
    total = len(report.records)
    with db.connection(write=True) as conn:
        now = m.utcnow()
        for n, r in enumerate(report.records, start=1):
            result = conn.execute(
                insert(m.PlacementRequest).values(
                    organisation_id=r.organisation_id,
                    title=" ".join(r.title.split()),
                    description=r.description or None,
                    duty_city=None if r.work_mode == WorkMode.REMOTE.value else r.duty_city,
                    duty_country=None if r.work_mode == WorkMode.REMOTE.value else r.duty_country,
                    work_mode=r.work_mode,
                    start_date=r.start_date,
                    duration_months=r.duration_months,
                    positions=r.positions,
                    deadline=r.deadline,
                    status=r.status,
                    allow_in_training=r.allow_in_training,
                    created_at=now,
                    updated_at=now,
                )
            )
            rid = int(result.inserted_primary_key[0])
            ids.append(rid)
            if r.languages:
                conn.execute(
                    insert(m.RequestLanguage),
                    [
                        {
                            "request_id": rid,
                            "code": lang.code,
                            "min_level": lang.min_level,
                            "importance": lang.importance,
                            "any_group": lang.group,
                        }
                        for lang in r.languages
                    ],
                )
            if r.skills:
                conn.execute(
                    insert(m.RequestSkill),
                    [
                        {
                            "request_id": rid,
                            "platform": s.platform,
                            "min_level": s.min_level,
                            "importance": s.importance,
                        }
                        for s in r.skills
                    ],
                )
            if r.topics:
                conn.execute(
                    insert(m.RequestTopic), [{"request_id": rid, "topic": t} for t in r.topics]
                )
            if r.priority_regions:
                conn.execute(
                    insert(m.RequestPriorityRegion),
                    [{"request_id": rid, "region": g} for g in r.priority_regions],
                )
            progress.report(n, total, _("Writing requests"))
        conn.execute(
            insert(m.AuditEntry),
            [
                {
                    "at": now,
                    "operator": db.operator,
                    "action": AuditAction.IMPORT.value,
                    "entity": "request",
                    "entity_id": None,
                    "fields": ["spreadsheet", f"rows:{total}"],
                }
            ],
        )
    return ImportResult("requests", total, False, tuple(ids))
