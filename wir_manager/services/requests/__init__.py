"""Placement requests: read, validate, create, update and delete, with plain records in and out.

An IGO request is edited as one :class:`RequestData` value: the editor (Qt or CLI) builds
it, :func:`validate_request` says in plain sentences what is wrong (per field, so a form
can show each message next to its widget), and :func:`save_request` writes it in one
transaction. Child rows (languages, skills, topics, priority regions) are replaced as a
whole on save, which keeps "at least one of" groups consistent and lets the ORM audit the
change as one update of the request.

The package is split along its seams: :mod:`.records` (plain types, no SQL),
:mod:`.validation` (the rules), :mod:`.organisations` and :mod:`.store` (reads and
writes). Everything public is importable from here.
"""

from __future__ import annotations

from wir_manager.services.requests.organisations import create_organisation, list_organisations
from wir_manager.services.requests.records import (
    LanguageRequirement,
    NewOrganisation,
    OrganisationError,
    OrganisationRecord,
    Problem,
    RequestData,
    RequestError,
    RequestNotFoundError,
    RequestRow,
    RequestValidationError,
    SkillRequirement,
    language_summary,
)
from wir_manager.services.requests.store import (
    delete_request,
    delete_requests,
    get_request,
    list_request_rows,
    save_request,
)
from wir_manager.services.requests.validation import (
    MAX_DURATION_MONTHS,
    MAX_POSITIONS,
    MAX_TITLE,
    priority_region_choices,
    region_label,
    validate_request,
)

__all__ = [
    "MAX_DURATION_MONTHS",
    "MAX_POSITIONS",
    "MAX_TITLE",
    "LanguageRequirement",
    "NewOrganisation",
    "OrganisationError",
    "OrganisationRecord",
    "Problem",
    "RequestData",
    "RequestError",
    "RequestNotFoundError",
    "RequestRow",
    "RequestValidationError",
    "SkillRequirement",
    "create_organisation",
    "delete_request",
    "delete_requests",
    "get_request",
    "language_summary",
    "list_organisations",
    "list_request_rows",
    "priority_region_choices",
    "region_label",
    "save_request",
    "validate_request",
]
