"""Audit entries in words: what was done, to which kind of record, which fields.

One vocabulary for the Privacy & audit screen and the candidate editor's history tab, so
both say "changed: phone, languages" alike. Kept free of the services' heavier modules:
the editor loads it while the window is first built.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wir_manager.i18n import _ as core_tr
from wir_manager.services.candidate_records import FIELD


def _tr(text: str) -> str:
    # The context the Privacy & audit screen's words were translated in.
    return QCoreApplication.translate("PrivacyTables", text)


ACTION_LABELS = {
    "create": "created",
    "update": "changed",
    "delete": "deleted",
    "erase": "erased",
    "import": "imported",
    "export": "exported",
    "disclose": "disclosed",
    "generate": "generated",
    "verify": "verified on the wikis",
}


# Audit entity names (storage.audit.ENTITIES and the services' own entries) in words.
ENTITY_LABELS = {
    "candidate": "Candidate",
    "request": "Placement request",
    "organisation": "Organisation",
    "training_module": "Training module",
    "shortlist_entry": "Shortlist entry",
    "weight_profile": "Score weights",
    "placement": "Placement",
    "affiliate": "Affiliate",
    "setting": "Setting",
    "demo_data": "Demo data",
    "disclosure": "Dossier disclosure",
}

# Column and collection names the audit log records, in words (never their values);
# a candidate's own fields are named by their description (candidate_records.FIELDS).
FIELD_LABELS = {
    "region": "region",
    "subregion": "sub-region",
    "affiliate": "affiliate",
    "note": "note",
    "consent_requested_at": "consent renewal asked",
    "training": "training",
    "priority_regions": "priority regions",
    "title": "title",
    "description": "description",
    "organisation_id": "organisation",
    "duty_city": "duty city",
    "duty_country": "duty country",
    "work_mode": "work mode",
    "start_date": "start date",
    "end_date": "end date",
    "duration_months": "duration",
    "positions": "positions",
    "deadline": "deadline",
    "status": "status",
    "name": "name",
    "acronym": "acronym",
    "kind": "kind",
    "website": "website",
    "position": "position",
    "mandatory": "mandatory",
    "active": "active",
    "allow_in_training": "counts in training",
    "rank": "rank",
    "score": "score",
    "score_parts": "score parts",
    "weights": "weights",
    "version": "version",
    "profile_id": "weight profile",
    "profile_version": "weight profile version",
    "request_id": "request",
    "candidate_id": "candidate",
    "module_id": "module",
    "value": "value",
    "key": "key",
    "recipient": "recipient",
    "candidates": "candidates",
    "requests": "requests",
    "file_sha256": "file fingerprint",
}


def action_label(action: str) -> str:
    """What an audit entry did, in words (AuditAction values); the candidate editor's
    history tab says it the same way."""
    return _tr(ACTION_LABELS.get(action, action))


def entity_label(entity: str) -> str:
    return _tr(ENTITY_LABELS.get(entity, entity))


def field_label(field: str) -> str:
    spec = FIELD.get(field)
    if spec is not None:  # in the list's lower-case style: "phone", "name in Latin script"
        label = core_tr(spec.label)
        return label[:1].lower() + label[1:]
    return _tr(FIELD_LABELS.get(field, field))
