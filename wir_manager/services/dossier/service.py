"""Generate a placement dossier: read, lay out, write the file, log the disclosure.

Order matters for the log to stay truthful: the PDF is built in memory, written to the
chosen path, and only then recorded. If recording fails, the file is removed again, so
no dossier exists that the log does not know about. No temporary file ever holds the
personal data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from wir_manager.i18n import _
from wir_manager.services.dossier.consent import Exclusion
from wir_manager.services.dossier.content import DossierContent, DossierError, load_content
from wir_manager.services.dossier.disclosure import record_disclosure
from wir_manager.services.dossier.layout import DossierLayout, LayoutOptions
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.storage import files
from wir_manager.storage.database import Database

DEFAULT_BRANDING = "Wikimedian in Residence programme"


@dataclass(frozen=True)
class RenderedDossier:
    """A dossier in memory: nothing written, nothing logged."""

    data: bytes
    pages: int
    content: DossierContent
    options: LayoutOptions

    def __iter__(self):
        # ``data, pages, content = render_dossier(...)`` reads naturally in callers.
        return iter((self.data, self.pages, self.content))


@dataclass(frozen=True)
class DossierResult:
    path: Path
    request_id: int
    recipient: str
    candidate_ids: tuple[int, ...]
    excluded: tuple[Exclusion, ...]
    source: str  # "saved" or "ranking"
    pages: int
    sha256: str
    disclosure_id: int
    contact_details_included: bool


def render_dossier(
    db: Database,
    request_id: int,
    *,
    recipient: str | None = None,
    progress: Progress = NO_PROGRESS,
    today: dt.date | None = None,
) -> RenderedDossier:
    """The PDF in memory without writing or logging anything (benchmarks, previews).
    Use :func:`generate_dossier` for a dossier that leaves the programme."""
    progress.report(0, 3, _("Reading the shortlist"))
    content = load_content(db, request_id)
    if not content.sections:
        if content.excluded:
            raise DossierError(
                _(
                    "Nobody on the shortlist for request {id} may be proposed "
                    "(missing consent), so there is no dossier to make."
                ).format(id=request_id)
            )
        raise DossierError(
            _(
                "Request {id} has no saved shortlist and nobody is eligible in the ranking, "
                "so there is no dossier to make."
            ).format(id=request_id)
        )
    logo = db.setting("branding_logo")
    options = LayoutOptions(
        recipient=(recipient or "").strip() or content.request.recipient_default,
        prepared_by=db.operator,
        branding_name=(db.setting("branding_name") or "").strip() or _(DEFAULT_BRANDING),
        logo_path=Path(logo).expanduser() if logo else None,
        generated_on=today or dt.date.today(),
    )
    total = len(content.sections) + 2

    def step(done: int, _count: int) -> None:
        progress.report(done + 1, total, _("Laying out candidate {n}").format(n=done))

    data, pages = DossierLayout(content, options).build(step)
    return RenderedDossier(data, pages, content, options)


def generate_dossier(
    db: Database,
    request_id: int,
    out_path: os.PathLike[str] | str,
    *,
    recipient: str | None = None,
    progress: Progress = NO_PROGRESS,
    today: dt.date | None = None,
) -> DossierResult:
    """Write the dossier for ``request_id`` to ``out_path`` and log the disclosure."""
    out = Path(out_path)
    if out.is_dir():
        raise DossierError(
            _("{path} is a folder; give a file name ending in .pdf.").format(path=out)
        )
    if not out.parent.exists():
        raise DossierError(_("The folder {path} does not exist.").format(path=out.parent))
    rendered = render_dossier(db, request_id, recipient=recipient, progress=progress, today=today)
    data, pages, content, options = (
        rendered.data,
        rendered.pages,
        rendered.content,
        rendered.options,
    )
    digest = hashlib.sha256(data).hexdigest()
    progress.report(len(content.sections) + 2, len(content.sections) + 2, _("Saving"))
    files.write_bytes_atomic(
        out,
        data,
        error=lambda exc, path: DossierError(
            _("The dossier could not be saved to {path} ({reason}).").format(
                path=path, reason=files.write_failed_reason(exc)
            )
        ),
    )
    ids = tuple(sec.candidate_id for sec in content.sections)
    contact_ids = tuple(sec.candidate_id for sec in content.sections if sec.contact_shared)
    try:
        disclosure_id = record_disclosure(
            db,
            request_id=request_id,
            recipient=options.recipient,
            candidate_ids=ids,
            contact_ids=contact_ids,
            sha256=digest,
        )
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return DossierResult(
        path=out,
        request_id=request_id,
        recipient=options.recipient,
        candidate_ids=ids,
        excluded=content.excluded,
        source=content.source,
        pages=pages,
        sha256=digest,
        disclosure_id=disclosure_id,
        contact_details_included=bool(contact_ids),
    )
