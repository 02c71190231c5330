"""Reading and writing placement requests, each call in one transaction."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from wir_manager.domain.enums import Importance, Platform, RequestStatus, Topic, WorkMode
from wir_manager.i18n import _
from wir_manager.services.concurrency import ensure_unchanged
from wir_manager.services.requests.organisations import add_organisation, check_new_organisation
from wir_manager.services.requests.records import (
    LanguageRequirement,
    Problem,
    RequestData,
    RequestNotFoundError,
    RequestRow,
    RequestValidationError,
    SkillRequirement,
    language_summary,
)
from wir_manager.services.requests.validation import normalise
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


def list_request_rows(
    db: Database, *, newest_first: bool = True, ids: Collection[int] | None = None
) -> list[RequestRow]:
    """All requests (or only those of ``ids``: the rows a change named), newest first
    (the list view) or oldest first (the CLI, the shortlist screen's chooser), with a
    summary of the required languages each. A deleted id is simply not returned.

    Two queries in all (requests, then every language requirement), grouped in Python.
    """
    query = (
        select(
            m.PlacementRequest.id,
            m.PlacementRequest.title,
            m.Organisation.name,
            m.Organisation.acronym,
            m.PlacementRequest.status,
            m.PlacementRequest.work_mode,
            m.PlacementRequest.duty_city,
            m.PlacementRequest.duty_country,
            m.PlacementRequest.start_date,
            m.PlacementRequest.deadline,
            m.PlacementRequest.positions,
            m.PlacementRequest.duration_months,
        )
        .join(m.Organisation, m.PlacementRequest.organisation_id == m.Organisation.id)
        .order_by(m.PlacementRequest.id.desc() if newest_first else m.PlacementRequest.id)
    )
    wanted = select(
        m.RequestLanguage.request_id,
        m.RequestLanguage.code,
        m.RequestLanguage.min_level,
        m.RequestLanguage.importance,
        m.RequestLanguage.any_group,
    ).order_by(m.RequestLanguage.request_id, m.RequestLanguage.id)
    if ids is not None:
        chosen = sorted(set(ids))
        query = query.where(m.PlacementRequest.id.in_(chosen))
        wanted = wanted.where(m.RequestLanguage.request_id.in_(chosen))
    langs: dict[int, list[LanguageRequirement]] = defaultdict(list)
    with db.engine.connect() as conn:
        rows = conn.execute(query).all()
        for rid, code, level, importance, group in conn.execute(wanted):
            langs[rid].append(LanguageRequirement(code, level, importance.value, group))
    return [
        RequestRow(
            id=rid,
            title=title,
            organisation=org,
            organisation_acronym=acronym,
            status=status.value,
            work_mode=mode.value,
            duty_city=city,
            duty_country=country,
            start_date=start,
            deadline=deadline,
            positions=positions,
            duration_months=duration,
            languages=language_summary(langs[rid], only_required=True),
        )
        for (
            rid,
            title,
            org,
            acronym,
            status,
            mode,
            city,
            country,
            start,
            deadline,
            positions,
            duration,
        ) in rows
    ]


def get_request(db: Database, request_id: int) -> RequestData:
    """The full request with its requirements, or :class:`RequestNotFoundError`."""
    with db.session() as s:
        req = s.get(m.PlacementRequest, request_id)
        if req is None:
            raise RequestNotFoundError(
                _("Request {id} does not exist (it may have been deleted).").format(id=request_id)
            )
        return RequestData(
            id=req.id,
            title=req.title,
            organisation_id=req.organisation_id,
            organisation_name=req.organisation.name,
            description=req.description or "",
            work_mode=req.work_mode.value,
            duty_city=req.duty_city,
            duty_country=req.duty_country,
            start_date=req.start_date,
            duration_months=req.duration_months,
            positions=req.positions,
            deadline=req.deadline,
            status=req.status.value,
            allow_in_training=bool(req.allow_in_training),
            languages=tuple(
                LanguageRequirement(
                    lang.code, lang.min_level, lang.importance.value, lang.any_group
                )
                for lang in sorted(req.languages, key=lambda r: r.id)
            ),
            skills=tuple(
                SkillRequirement(sk.platform.value, sk.min_level, sk.importance.value)
                for sk in sorted(req.skills, key=lambda r: r.id)
            ),
            topics=tuple(sorted(t.topic.value for t in req.topics)),
            priority_regions=tuple(sorted(r.region for r in req.priority_regions)),
            updated_at=req.updated_at,
        )


def save_request(db: Database, data: RequestData) -> RequestData:
    """Create (``data.id is None``) or update a request in one transaction; returns it as
    stored. Raises :class:`RequestValidationError` listing every problem; nothing is written
    then."""
    clean, problems = normalise(data, db)
    if problems:
        raise RequestValidationError(problems)
    with db.session(write=True) as s:
        org_id: int | None
        if clean.new_organisation is not None:
            org_id = add_organisation(s, check_new_organisation(clean.new_organisation), reuse=True)
        else:
            org_id = clean.organisation_id
            if org_id is None or s.get(m.Organisation, org_id) is None:
                raise RequestValidationError(
                    [
                        Problem(
                            "organisation",
                            _("The chosen organisation no longer exists; pick another one."),
                        )
                    ]
                )
        if clean.id is None:
            req = m.PlacementRequest()
            s.add(req)
        else:
            if s.get(m.PlacementRequest, clean.id) is None:
                raise RequestNotFoundError(
                    _("Request {id} does not exist (it may have been deleted).").format(id=clean.id)
                )
            # Another window or program may have saved since this form was loaded: refuse
            # rather than silently overwrite (no lost updates).
            req = ensure_unchanged(s, m.PlacementRequest, clean.id, data.updated_at)
        # Bumped on every save, also when only requirements changed, so the check above
        # sees child-row edits too.
        req.updated_at = m.utcnow()
        req.organisation_id = org_id
        req.title = clean.title
        req.description = clean.description or None
        req.work_mode = WorkMode(clean.work_mode)
        req.duty_city = clean.duty_city
        req.duty_country = clean.duty_country
        req.start_date = clean.start_date
        req.duration_months = clean.duration_months
        req.positions = clean.positions
        req.deadline = clean.deadline
        req.status = RequestStatus(clean.status)
        req.allow_in_training = clean.allow_in_training
        _replace_children(s, req, clean)
        s.flush()
        new_id = req.id
    return get_request(db, new_id)


def _replace_children(s: Session, req: m.PlacementRequest, clean: RequestData) -> None:
    """Swap the child rows only where they differ, so an unchanged list is not audited."""
    current_langs = [
        (r.code, r.min_level, r.importance.value, r.any_group)
        for r in sorted(req.languages, key=lambda r: r.id or 0)
    ]
    wanted_langs = [(r.code, r.min_level, r.importance, r.group) for r in clean.languages]
    if current_langs != wanted_langs:
        req.languages = [
            m.RequestLanguage(code=c, min_level=lv, importance=Importance(i), any_group=g)
            for c, lv, i, g in wanted_langs
        ]
    current_skills = [
        (r.platform.value, r.min_level, r.importance.value)
        for r in sorted(req.skills, key=lambda r: r.id or 0)
    ]
    wanted_skills = [(r.platform, r.min_level, r.importance) for r in clean.skills]
    if current_skills != wanted_skills:
        req.skills = [
            m.RequestSkill(platform=Platform(p), min_level=lv, importance=Importance(i))
            for p, lv, i in wanted_skills
        ]
    if sorted(t.topic.value for t in req.topics) != sorted(clean.topics):
        req.topics = [m.RequestTopic(topic=Topic(t)) for t in clean.topics]
    if sorted(r.region for r in req.priority_regions) != sorted(clean.priority_regions):
        req.priority_regions = [m.RequestPriorityRegion(region=r) for r in clean.priority_regions]
    # A replaced collection must be gone before its successors are inserted: the topic and
    # region tables key on (request, value), so flush deletions first.
    s.flush()


def delete_request(db: Database, request_id: int) -> None:
    """Delete a request with its requirements and shortlist; placements and the disclosure
    log keep their rows (their link becomes empty), so history is not lost."""
    with db.session(write=True) as s:
        req = s.get(m.PlacementRequest, request_id)
        if req is None:
            raise RequestNotFoundError(
                _("Request {id} does not exist (it may have been deleted).").format(id=request_id)
            )
        s.delete(req)


def delete_requests(db: Database, request_ids: Iterable[int]) -> int:
    """Delete several requests in one transaction; returns how many were deleted."""
    ids = list(dict.fromkeys(request_ids))
    with db.session(write=True) as s:
        rows = s.scalars(select(m.PlacementRequest).where(m.PlacementRequest.id.in_(ids))).all()
        for row in rows:
            s.delete(row)
        return len(rows)
