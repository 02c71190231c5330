"""Subject access export: everything held about one person, in a file they can read.

GDPR Art. 15 gives a person the right to a copy of their data. The export collects the
candidate row, languages, skills, topics, training, shortlist entries (with notes),
placements with their check-ins, the organisations' answers, contact notes, the stage
history, disclosures that named them and the audit entries about their record, and
writes them as an xlsx workbook (one sheet per kind) or a PDF.

The file is a deliberate export of personal data: it is written straight to the path
the user chose (via a hidden partial file in the same folder, renamed when complete),
never to the temp folder. Every text cell passes :func:`neutralise_formula` and every
PDF paragraph :func:`escape_markup`, because names and notes are user input.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import select

from wir_manager.domain.enums import AuditAction, LanguageLevel, Stage
from wir_manager.i18n import _
from wir_manager.services.candidate_records import FIELDS, FieldSpec, Kind
from wir_manager.services.privacy import CandidateNotFoundError
from wir_manager.services.safe_text import escape_markup, neutralise_formula
from wir_manager.storage import audit, files
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Section:
    title: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class SubjectData:
    candidate_id: int
    name: str
    generated_at: dt.datetime
    sections: tuple[Section, ...] = field(default_factory=tuple)


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, Enum):  # a status or action: its label in words where it has one
        label = getattr(value, "label", None)
        return _(label) if isinstance(label, str) else str(value.value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return value


def collect(db: Database, candidate_id: int) -> SubjectData:
    """Everything held about the person, as plain sections (no ORM objects escape)."""
    with db.session() as s:
        c = s.get(m.Candidate, candidate_id)
        if c is None:
            raise CandidateNotFoundError(
                _("There is no candidate with id {id}.").format(id=candidate_id)
            )
        person_fields: list[tuple[str, Any]] = []
        for spec in FIELDS:
            if not spec.stored:
                continue  # languages, skills, topics: sections of their own
            person_fields.append((_(spec.label), _subject_value(spec, c)))
            if spec.kind is Kind.COUNTRY:
                person_fields += [
                    (_("Region (UN M49)"), c.region),
                    (_("Sub-region (UN M49)"), c.subregion),
                ]
        person_fields += [
            (_("Consent renewal last requested"), c.consent_requested_at),
            (_("Record created"), c.created_at),
            (_("Record last changed"), c.updated_at),
        ]
        sections = [
            Section(
                _("Person"),
                (_("Field"), _("Value")),
                tuple((k, _plain(v)) for k, v in person_fields),
            ),
            Section(
                _("Languages"),
                (_("Language code"), _("Level")),
                tuple(
                    (lang.code, LanguageLevel(lang.level).label)
                    for lang in sorted(c.languages, key=lambda x: x.code)
                ),
            ),
            Section(
                _("Skills"),
                (_("Platform"), _("Level (0–3)")),
                tuple((_plain(sk.platform), sk.level) for sk in c.skills),
            ),
            Section(_("Topics"), (_("Topic"),), tuple((_plain(t.topic),) for t in c.topics)),
            Section(
                _("Training"),
                (_("Module"), _("Status"), _("Started"), _("Completed"), _("Score")),
                tuple(
                    (
                        tp.module.title if tp.module else tp.module_id,
                        _plain(tp.status),
                        _plain(tp.started_on),
                        _plain(tp.completed_on),
                        _plain(tp.score),
                    )
                    for tp in c.training
                ),
            ),
        ]
        shortlist = s.execute(
            select(m.ShortlistEntry, m.PlacementRequest.title, m.Organisation.name)
            .join(m.PlacementRequest, m.ShortlistEntry.request_id == m.PlacementRequest.id)
            .join(m.Organisation, m.PlacementRequest.organisation_id == m.Organisation.id)
            .where(m.ShortlistEntry.candidate_id == candidate_id)
            .order_by(m.ShortlistEntry.created_at)
        ).all()
        sections.append(
            Section(
                _("Shortlists"),
                (
                    _("Request"),
                    _("Organisation"),
                    _("Rank"),
                    _("Score"),
                    _("Score parts"),
                    _("Status"),
                    _("Note"),
                    _("Added"),
                ),
                tuple(
                    (
                        title,
                        org,
                        e.rank,
                        round(e.score, 4),
                        _plain(e.score_parts),
                        _plain(e.status),
                        _plain(e.note),
                        _plain(e.created_at),
                    )
                    for e, title, org in shortlist
                ),
            )
        )
        placements = s.scalars(
            select(m.Placement).where(m.Placement.candidate_id == candidate_id)
        ).all()
        orgs = {o.id: o.name for o in s.scalars(select(m.Organisation))}
        sections.append(
            Section(
                _("Placements"),
                (
                    _("Request id"),
                    _("Organisation"),
                    _("Start"),
                    _("End"),
                    _("Status"),
                    _("Mentor"),
                    _("Share of full time"),
                    _("Work mode"),
                    _("Duty station"),
                    _("Reason it ended"),
                    _("Notes"),
                ),
                tuple(
                    (
                        _plain(p.request_id),
                        _plain(orgs.get(p.organisation_id or -1)),
                        p.start_date,
                        p.end_date,
                        _plain(p.status),
                        _plain(p.mentor),
                        p.time_share,
                        _plain(p.work_mode),
                        ", ".join(x for x in (p.duty_city, p.duty_country) if x),
                        _plain(p.end_reason),
                        _plain(p.notes),
                    )
                    for p in placements
                ),
            )
        )
        snapshot = s.get(m.WikiSnapshot, candidate_id)
        sections.append(
            Section(
                _("Verified on the wikis"),
                (
                    _("Fetched"),
                    _("Username asked"),
                    _("API"),
                    _("Account exists"),
                    _("Blocked"),
                    _("Registered"),
                    _("Global edits"),
                    _("Commons uploads"),
                    _("Edits per wiki"),
                ),
                ()
                if snapshot is None
                else (
                    (
                        _plain(snapshot.fetched_at),
                        snapshot.username,
                        snapshot.api,
                        snapshot.found,
                        snapshot.blocked,
                        _plain(snapshot.registration),
                        _plain(snapshot.global_edit_count),
                        _plain(snapshot.commons_uploads),
                        _plain((snapshot.details or {}).get("per_wiki") or {}),
                    ),
                ),
            )
        )
        pids = [p.id for p in placements]
        checkins = (
            s.scalars(
                select(m.PlacementCheckin)
                .where(m.PlacementCheckin.placement_id.in_(pids))
                .order_by(m.PlacementCheckin.due_on)
            ).all()
            if pids
            else []
        )
        sections.append(
            Section(
                _("Check-ins and reports"),
                (_("Placement id"), _("Kind"), _("Due"), _("Done"), _("Note")),
                tuple(
                    (c.placement_id, _plain(c.kind), c.due_on, _plain(c.done_on), _plain(c.note))
                    for c in checkins
                ),
            )
        )
        answers = s.scalars(
            select(m.ShortlistAnswer)
            .where(m.ShortlistAnswer.candidate_id == candidate_id)
            .order_by(m.ShortlistAnswer.at)
        ).all()
        sections.append(
            Section(
                _("Answers of organisations"),
                (_("When"), _("Request id"), _("Answer"), _("Interview"), _("Reason"), _("Note")),
                tuple(
                    (
                        _plain(a.at),
                        a.request_id,
                        _plain(a.status),
                        _plain(a.interview_on),
                        _plain(a.reason),
                        _plain(a.note),
                    )
                    for a in answers
                ),
            )
        )
        notes = s.scalars(
            select(m.ContactNote)
            .where(m.ContactNote.candidate_id == candidate_id)
            .order_by(m.ContactNote.happened_on, m.ContactNote.id)
        ).all()
        sections.append(
            Section(
                _("Contact notes"),
                (_("Date"), _("By"), _("Note")),
                tuple((n.happened_on, _plain(n.by), n.text) for n in notes),
            )
        )
        stages = s.scalars(
            select(m.StageChange)
            .where(m.StageChange.candidate_id == candidate_id)
            .order_by(m.StageChange.at)
        ).all()
        sections.append(
            Section(
                _("Stage history"),
                (_("When"), _("From"), _("To")),
                tuple((_plain(x.at), _plain(x.old), x.new) for x in stages),
            )
        )
        disclosures = s.execute(
            select(m.Disclosure)
            .join(m.DisclosureCandidate, m.DisclosureCandidate.disclosure_id == m.Disclosure.id)
            .where(m.DisclosureCandidate.candidate_id == candidate_id)
            .order_by(m.Disclosure.created_at)
        ).scalars()
        sections.append(
            Section(
                _("Disclosures"),
                (_("Sent on"), _("Recipient"), _("By"), _("Contact details included")),
                tuple(
                    (
                        _plain(d.created_at),
                        d.recipient,
                        _plain(d.created_by),
                        d.contact_details_included,
                    )
                    for d in disclosures
                ),
            )
        )
        audit_rows = s.scalars(
            select(m.AuditEntry)
            .where(m.AuditEntry.entity == "candidate", m.AuditEntry.entity_id == candidate_id)
            .order_by(m.AuditEntry.at)
        ).all()
        sections.append(
            Section(
                _("Audit log"),
                (_("When"), _("Who"), _("Action"), _("Fields")),
                tuple(
                    (_plain(a.at), a.operator, _plain(a.action), _plain(a.fields))
                    for a in audit_rows
                ),
            )
        )
        name = c.full_name
        audit.record(s, AuditAction.EXPORT, "candidate", candidate_id, ["subject_access"])
    return SubjectData(candidate_id, name, dt.datetime.now(), tuple(sections))


def _subject_value(spec: FieldSpec, c: m.Candidate) -> Any:
    """A field as the person reads it: the affiliate's name, the stage and yes / no /
    not recorded in words; other values as stored."""
    value = getattr(c, spec.name)
    if spec.kind is Kind.AFFILIATE:
        return c.affiliate.name if c.affiliate else None
    if spec.kind is Kind.YES_NO_UNKNOWN:
        return spec.words(value)
    if spec.kind is Kind.STAGE:
        return _(Stage(value).label)
    return value


class ExportWriteError(ValueError):
    """The export file could not be written (disk full, read-only folder …)."""


def _write_failed(exc: OSError, dest: Path) -> ExportWriteError:
    return ExportWriteError(files.write_failed_message(exc, dest))


def write_xlsx(data: SubjectData, dest: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for section in data.sections:
        ws = wb.create_sheet(section.title[:31])
        ws.append([neutralise_formula(h) for h in section.headers])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in section.rows:
            ws.append([_cell(v) for v in row])
        for col, header in enumerate(section.headers, start=1):
            width = max([len(str(header))] + [len(str(r[col - 1])) for r in section.rows])
            ws.column_dimensions[ws.cell(1, col).column_letter].width = min(60, width + 2)
    buffer = io.BytesIO()
    wb.save(buffer)
    return files.write_bytes_atomic(dest, buffer.getvalue(), error=_write_failed)


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str):
        # Control characters other than tab/newline are illegal in xlsx XML.
        cleaned = "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)
        return neutralise_formula(cleaned)
    return value


def write_pdf(data: SubjectData, dest: Path) -> Path:
    """A plain readable PDF: one heading and one table per section."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font, bold, to_markup = _pdf_fonts()
    wrapped = _wrapped_paragraph() if font != "Helvetica" and not font.startswith("SA-") else None
    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("sa-body", fontName=font, fontSize=8.5, leading=11, shaping=1)
    head = styles["Heading2"].clone("sa-head", fontName=bold)
    title = styles["Title"].clone("sa-title", fontName=bold, shaping=1)

    def para(value: Any, style: Any = body) -> Any:
        if isinstance(value, bool):
            value = _("yes") if value else _("no")
        if wrapped is not None:
            # Lines broken at the cell's width, over-long words cut to fit: the export is
            # a legal duty and must be producible whatever the person's data holds.
            return wrapped(_pdf_text(value), style)
        return Paragraph(to_markup(value), style)

    story: list[Any] = [
        para(_("Personal data held about {name}").format(name=data.name), title),
        Paragraph(
            escape_markup(
                _("WiR Manager subject access export, made on {date}.").format(
                    date=data.generated_at.strftime("%Y-%m-%d %H:%M")
                )
            ),
            body,
        ),
    ]
    width = A4[0] - 30 * mm
    for section in data.sections:
        story += [Spacer(1, 4 * mm), Paragraph(escape_markup(section.title), head)]
        if not section.rows:
            story.append(Paragraph(escape_markup(_("Nothing recorded.")), body))
            continue
        cols = len(section.headers)
        table = Table(
            [[para(h) for h in section.headers]] + [[para(v) for v in r] for r in section.rows],
            colWidths=[width / cols] * cols,
            repeatRows=1,
            splitInRow=1,  # a cell taller than a page (a very long note) continues
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        title=_("Subject access export"),
    )
    doc.build(story)
    return files.write_bytes_atomic(dest, buffer.getvalue(), error=_write_failed)


def _wrapped_paragraph() -> Callable[[str, Any], Any] | None:
    """The dossier's line-breaking paragraph, when the dossier's fonts are in use."""
    try:
        from wir_manager.services.dossier.layout import ScriptParagraph
    except ImportError:
        return None
    return ScriptParagraph


def _pdf_fonts() -> tuple[str, str, Callable[[Any], str]]:
    """Fonts and a text → markup function for any script.

    The dossier's bundled families with per-script fallback and right-to-left word
    order are used when present; otherwise DejaVu Sans with plain escaping.
    """
    try:
        from wir_manager.services.dossier import fonts as dossier_fonts
        from wir_manager.services.dossier import shaping

        dossier_fonts.register_fonts()
        base = dossier_fonts.BASE
        return base.regular, base.bold, lambda v: shaping.markup(_pdf_text(v))
    except (ImportError, ValueError):
        pass
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    bold = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

    def plain(value: Any) -> str:
        return escape_markup(_pdf_text(value)).replace("\n", "<br/>")

    if regular.exists() and bold.exists():
        if "SA-DejaVu" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("SA-DejaVu", str(regular)))
            pdfmetrics.registerFont(TTFont("SA-DejaVu-Bold", str(bold)))
        return "SA-DejaVu", "SA-DejaVu-Bold", plain
    return "Helvetica", "Helvetica-Bold", plain


def _pdf_text(value: Any) -> str:
    """Cell text without the spreadsheet-only apostrophe guard."""
    text = _cell(value)
    if isinstance(text, str) and text.startswith("'") and text != _cell_raw(value):
        text = text[1:]
    return "" if text is None else str(text)


def _cell_raw(value: Any) -> Any:
    return (
        value
        if not isinstance(value, str)
        else "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)
    )


def export_subject(db: Database, candidate_id: int, dest: os.PathLike[str] | str) -> Path:
    """Write the export; ``.pdf`` gives a PDF, anything else an xlsx workbook."""
    dest = Path(dest)
    if dest.is_dir():
        raise ValueError(_("{path} is a folder; give a file name.").format(path=dest))
    if not dest.parent.exists():
        raise ValueError(_("The folder {path} does not exist.").format(path=dest.parent))
    data = collect(db, candidate_id)
    if dest.suffix.lower() == ".pdf":
        return write_pdf(data, dest)
    return write_xlsx(data, dest)
