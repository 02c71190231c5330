"""What is due: the lines of the Today screen and of ``wir-manager due``.

One list from every source a coordinator would otherwise have to remember: request
deadlines, interviews, check-ins and reports due or overdue, planned placements whose
start has come, placements ending within 30 days (or past their end and still
active), and consent renewals from the retention rules. Each line names the record it
is about (``subject`` + ``subject_id``) so the screen can open it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, String, select, type_coerce

from wir_manager.domain.enums import (
    CheckinKind,
    DueKind,
    DueSubject,
    PlacementStatus,
    RequestStatus,
    ShortlistStatus,
)
from wir_manager.i18n import _, ngettext
from wir_manager.services import retention
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

#: How far ahead the list looks for deadlines, interviews and check-ins.
LOOKAHEAD_DAYS = 14
#: Placements ending within this many days are listed.
ENDING_DAYS = 30
#: Placements that are still to run or running.
_LIVE = (PlacementStatus.PLANNED.value, PlacementStatus.ACTIVE.value)


@dataclass(frozen=True, slots=True)
class DueItem:
    kind: DueKind
    due_on: dt.date | None
    title: str
    #: The record the line opens (a shortlist line opens the request at the candidate).
    subject: DueSubject
    subject_id: int | None
    overdue: bool
    candidate_id: int | None = None
    request_id: int | None = None

    @property
    def id(self) -> str:
        """Stable key of the line: kind and record."""
        return f"{self.kind.value}:{self.subject_id or 0}:{self.candidate_id or 0}"

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "overdue": self.overdue,
            "title": self.title,
            "subject": self.subject.value,
            "subject_id": self.subject_id,
            "candidate_id": self.candidate_id,
            "request_id": self.request_id,
        }


def _org(acronym: str | None, name: str | None) -> str:
    return acronym or name or _("another organisation")


def _item(
    kind: DueKind,
    day: dt.date,
    today: dt.date,
    late: str,
    coming: str,
    subject: DueSubject,
    subject_id: int,
    **ids: int | None,
) -> DueItem:
    """One dated line: overdue (with the ``late`` wording) when ``day`` has passed, else
    upcoming (``coming``). The wordings are already translated and filled in."""
    overdue = day < today
    return DueItem(kind, day, late if overdue else coming, subject, subject_id, overdue, **ids)


def _request_deadlines(conn: Connection, today: dt.date, ahead: dt.date) -> Iterator[DueItem]:
    r, o = m.PlacementRequest, m.Organisation
    for rid, title, acronym, name, deadline in conn.execute(
        select(r.id, r.title, o.acronym, o.name, r.deadline)
        .join(o, o.id == r.organisation_id)
        .where(
            type_coerce(r.status, String).in_(
                (RequestStatus.OPEN.value, RequestStatus.SHORTLISTING.value)
            ),
            r.deadline.is_not(None),
            r.deadline <= ahead,
        )
    ):
        text = _("Deadline of “{title}” ({org})").format(title=title, org=_org(acronym, name))
        yield _item(
            DueKind.REQUEST_DEADLINE,
            deadline,
            today,
            text,
            text,
            DueSubject.REQUEST,
            rid,
            request_id=rid,
        )


def _interviews(conn: Connection, today: dt.date, ahead: dt.date) -> Iterator[DueItem]:
    r, o, e, c = m.PlacementRequest, m.Organisation, m.ShortlistEntry, m.Candidate
    for rid, cid, person, acronym, name, day in conn.execute(
        select(e.request_id, e.candidate_id, c.full_name, o.acronym, o.name, e.interview_on)
        .join(c, c.id == e.candidate_id)
        .join(r, r.id == e.request_id)
        .join(o, o.id == r.organisation_id)
        .where(
            type_coerce(e.status, String) == ShortlistStatus.INTERVIEW.value,
            e.interview_on.is_not(None),
            e.interview_on <= ahead,
        )
    ):
        org = _org(acronym, name)
        yield _item(
            DueKind.INTERVIEW,
            day,
            today,
            _("Interview held? Record {org}'s answer for {name}").format(name=person, org=org),
            _("Interview of {name} with {org}").format(name=person, org=org),
            DueSubject.SHORTLIST,
            rid,
            candidate_id=cid,
            request_id=rid,
        )


def _checkins(conn: Connection, today: dt.date, ahead: dt.date) -> Iterator[DueItem]:
    p, k, c, o = m.Placement, m.PlacementCheckin, m.Candidate, m.Organisation
    for pid, kind, day, person, acronym, name in conn.execute(
        select(p.id, type_coerce(k.kind, String), k.due_on, c.full_name, o.acronym, o.name)
        .join(p, p.id == k.placement_id)
        .outerjoin(c, c.id == p.candidate_id)
        .outerjoin(o, o.id == p.organisation_id)
        .where(
            type_coerce(p.status, String).in_(_LIVE),
            k.done_on.is_(None),
            k.due_on <= ahead,
        )
        .order_by(k.due_on)
    ):
        text = _("{what}: {name} at {org}").format(
            what=_(CheckinKind(kind).label),
            name=person or _("erased person"),
            org=_org(acronym, name),
        )
        yield _item(DueKind.CHECKIN, day, today, text, text, DueSubject.PLACEMENT, pid)


def _placements(conn: Connection, today: dt.date, ahead: dt.date) -> Iterator[DueItem]:
    """Planned placements whose start has come, active ones ending soon (or past)."""
    p, c, o = m.Placement, m.Candidate, m.Organisation
    ending = today + dt.timedelta(days=ENDING_DAYS)
    for pid, cid, person, acronym, name, start, end, status in conn.execute(
        select(
            p.id,
            p.candidate_id,
            c.full_name,
            o.acronym,
            o.name,
            p.start_date,
            p.end_date,
            type_coerce(p.status, String),
        )
        .outerjoin(c, c.id == p.candidate_id)
        .outerjoin(o, o.id == p.organisation_id)
        .where(type_coerce(p.status, String).in_(_LIVE))
    ):
        words = {"name": person or _("erased person"), "org": _org(acronym, name)}
        state = PlacementStatus(status)
        if state is PlacementStatus.PLANNED and start <= ahead:
            yield _item(
                DueKind.PLACEMENT_START,
                start,
                today,
                _("Placement of {name} at {org} should have started: mark it started").format(
                    **words
                ),
                _("Placement of {name} at {org} starts").format(**words),
                DueSubject.PLACEMENT,
                pid,
                candidate_id=cid,
            )
        elif state is PlacementStatus.ACTIVE and end <= ending:
            yield _item(
                DueKind.PLACEMENT_ENDING,
                end,
                today,
                _("Placement of {name} at {org} has ended: mark it completed").format(**words),
                _("Placement of {name} at {org} ends").format(**words),
                DueSubject.PLACEMENT,
                pid,
                candidate_id=cid,
            )


def _consent_renewals(db: Database, today: dt.date) -> Iterator[DueItem]:
    report = retention.report(db, today=today)
    waiting = [
        item
        for item in report.items
        if (
            retention.REASON_CONSENT_OLD in item.reasons
            or retention.REASON_NO_CONSENT in item.reasons
        )
        and item.consent_requested_at is None
    ]
    if waiting:
        yield DueItem(
            DueKind.CONSENT_RENEWAL,
            None,
            ngettext(
                "Consent renewal due for {n} person (retention rules)",
                "Consent renewal due for {n} people (retention rules)",
                len(waiting),
            ).format(n=len(waiting)),
            DueSubject.RETENTION,
            None,
            False,
        )


def due_items(db: Database, *, today: dt.date | None = None) -> list[DueItem]:
    """Everything due, overdue first, then by date."""
    today = today or dt.date.today()
    ahead = today + dt.timedelta(days=LOOKAHEAD_DAYS)
    items: list[DueItem] = []
    with db.engine.connect() as conn:
        for source in (_request_deadlines, _interviews, _checkins, _placements):
            items.extend(source(conn, today, ahead))
    items.extend(_consent_renewals(db, today))
    items.sort(key=lambda i: (not i.overdue, i.due_on or today, i.kind.value, i.title))
    return items


def count_overdue(db: Database, *, today: dt.date | None = None) -> int:
    """How many lines are overdue (the sidebar badge)."""
    return sum(1 for i in due_items(db, today=today) if i.overdue)


__all__ = ["ENDING_DAYS", "LOOKAHEAD_DAYS", "DueItem", "count_overdue", "due_items"]
