"""The organisations that make placement requests: list, check and create."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wir_manager.domain.codes import CodeError, normalize_country
from wir_manager.domain.enums import OrganisationKind
from wir_manager.i18n import _
from wir_manager.services.requests.records import (
    NewOrganisation,
    OrganisationError,
    OrganisationRecord,
    clean_text,
)
from wir_manager.storage import models as m
from wir_manager.storage import text_limits
from wir_manager.storage.database import Database


def list_organisations(db: Database) -> list[OrganisationRecord]:
    query = select(
        m.Organisation.id,
        m.Organisation.name,
        m.Organisation.acronym,
        m.Organisation.kind,
        m.Organisation.country,
    ).order_by(func.coalesce(m.Organisation.acronym, m.Organisation.name))
    with db.engine.connect() as conn:
        return [
            OrganisationRecord(oid, name, acronym, kind.value, country)
            for oid, name, acronym, kind, country in conn.execute(query)
        ]


def check_new_organisation(org: NewOrganisation) -> NewOrganisation:
    name = clean_text(org.name)
    if not name:
        raise OrganisationError(_("The new organisation needs a name."))
    try:
        kind = OrganisationKind(org.kind)
    except ValueError:
        raise OrganisationError(
            _("Choose whether the organisation is a UN agency, another IGO or an INGO.")
        ) from None
    country = None
    if org.country and org.country.strip():
        try:
            country = normalize_country(org.country)
        except CodeError:
            raise OrganisationError(
                _("“{code}” is not a known country.").format(code=org.country)
            ) from None
    acronym, website = clean_text(org.acronym), clean_text(org.website)
    for column, value in (("name", name), ("acronym", acronym), ("website", website)):
        problem = text_limits.too_long("organisations", column, value)
        if problem:
            raise OrganisationError(problem)
    return NewOrganisation(name, acronym, kind.value, country, website)


def add_organisation(s: Session, org: NewOrganisation, *, reuse: bool) -> int:
    existing = s.execute(
        select(m.Organisation.id).where(func.lower(m.Organisation.name) == org.name.lower())
    ).scalar()
    if existing is not None:
        if reuse:
            return int(existing)
        raise OrganisationError(
            _("An organisation named “{name}” already exists; pick it from the list.").format(
                name=org.name
            )
        )
    row = m.Organisation(
        name=org.name,
        acronym=org.acronym,
        kind=OrganisationKind(org.kind),
        country=org.country,
        website=org.website,
    )
    s.add(row)
    s.flush()
    return row.id


def create_organisation(db: Database, org: NewOrganisation) -> OrganisationRecord:
    """Create an organisation; a name that exists already (ignoring case) is refused."""
    clean = check_new_organisation(org)
    with db.session(write=True) as s:
        oid = add_organisation(s, clean, reuse=False)
    return OrganisationRecord(oid, clean.name, clean.acronym, clean.kind, clean.country)
