"""PDF placement dossiers for IGO liaisons (reportlab, no Qt).

Public API::

    generate_dossier(db, request_id, out_path, *, recipient=None, progress=...) -> DossierResult
    render_dossier(db, request_id, *, recipient=None) -> (bytes, pages, ...)  # no log, no file
    disclosures_for_candidate(db, candidate_id) -> list[DisclosureRecord]
"""

from wir_manager.services.dossier.consent import Exclusion
from wir_manager.services.dossier.content import DossierError
from wir_manager.services.dossier.disclosure import DisclosureRecord, disclosures_for_candidate
from wir_manager.services.dossier.service import DossierResult, generate_dossier, render_dossier

__all__ = [
    "DisclosureRecord",
    "DossierError",
    "DossierResult",
    "Exclusion",
    "disclosures_for_candidate",
    "generate_dossier",
    "render_dossier",
]
