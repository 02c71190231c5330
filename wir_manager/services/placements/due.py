"""What is due: the lines of the Today screen and of ``wir-manager due``.

One list from every source a coordinator would otherwise have to remember: request
deadlines, interviews, check-ins and reports due or overdue, planned placements whose
start has come, placements ending within 30 days (or past their end and still
active), and consent renewals from the retention rules. Each line names the record it
is about (``subject`` + ``subject_id``) so the screen can open it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import String, select, type_coerce

from wir_manager.domain.enums import (
    CheckinKind,
    DueKind,
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


@dataclass(frozen=True, slots=True)
class DueItem:
    kind: str  # DueKind value
    due_on: dt.date | None
    title: str
    #: "request", "placement", "shortlist" (request + candidate) or "retention".
    subject: str
    subject_id: int | None
    overdue: bool
    candidate_id: int | None = None
    request_id: int | None = None

    @property
    def id(self) -> str:
        """Stable key of the line: kind and record."""
        return f"{self.kind}:{self.subject_id or 0}:{self.candidate_id or 0}"

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "overdue": self.overdue,
            "title": self.title,
            "subject": self.subject,
            "subject_id": self.subject_id,
            "candidate_id": self.candidate_id,
            "request_id": self.request_id,
        }


def _org(acronym: str | None, name: str | None) -> str:
    return acronym or name or _("another organisation")


def due_items(db: Database, *, today: dt.date | None = None) -> list[DueItem]:
    """Everything due, overdue first, then by date."""
    today = today or dt.date.today()
    ahead = today + dt.timedelta(days=LOOKAHEAD_DAYS)
    items: list[DueItem] = []
    r, o = m.PlacementRequest, m.Organisation
    with db.engine.connect() as conn:
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
            items.append(
                DueItem(
                    DueKind.REQUEST_DEADLINE.value,
                    deadline,
                    _("Deadline of “{title}” ({org})").format(title=title, org=_org(acronym, name)),
                    "request",
                    rid,
                    deadline < today,
                    request_id=rid,
                )
            )
        e, c = m.ShortlistEntry, m.Candidate
        for rid, cid, person, _title, acronym, name, day in conn.execute(
            select(
                e.request_id,
                e.candidate_id,
                c.full_name,
                r.title,
                o.acronym,
                o.name,
                e.interview_on,
            )
            .join(c, c.id == e.candidate_id)
            .join(r, r.id == e.request_id)
            .join(o, o.id == r.organisation_id)
            .where(
                type_coerce(e.status, String) == ShortlistStatus.INTERVIEW.value,
                e.interview_on.is_not(None),
                e.interview_on <= ahead,
            )
        ):
            items.append(
                DueItem(
                    DueKind.INTERVIEW.value,
                    day,
                    (
                        _("Interview held? Record {org}'s answer for {name}")
                        if day < today
                        else _("Interview of {name} with {org}")
                    ).format(name=person, org=_org(acronym, name)),
                    "shortlist",
                    rid,
                    day < today,
                    candidate_id=cid,
                    request_id=rid,
                )
            )
        p, k = m.Placement, m.PlacementCheckin
        live = (PlacementStatus.PLANNED.value, PlacementStatus.ACTIVE.value)
        for pid, kind, day, person, acronym, name in conn.execute(
            select(p.id, type_coerce(k.kind, String), k.due_on, c.full_name, o.acronym, o.name)
            .join(p, p.id == k.placement_id)
            .outerjoin(c, c.id == p.candidate_id)
            .outerjoin(o, o.id == p.organisation_id)
            .where(
                type_coerce(p.status, String).in_(live),
                k.done_on.is_(None),
                k.due_on <= ahead,
            )
            .order_by(k.due_on)
        ):
            items.append(
                DueItem(
                    DueKind.CHECKIN.value,
                    day,
                    _("{what}: {name} at {org}").format(
                        what=_(CheckinKind(kind).label),
                        name=person or _("erased person"),
                        org=_org(acronym, name),
                    ),
                    "placement",
                    pid,
                    day < today,
                )
            )
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
            .where(type_coerce(p.status, String).in_(live))
        ):
            who = person or _("erased person")
            if status == PlacementStatus.PLANNED.value and start <= ahead:
                items.append(
                    DueItem(
                        DueKind.PLACEMENT_START.value,
                        start,
                        (
                            _("Placement of {name} at {org} should have started: mark it started")
                            if start < today
                            else _("Placement of {name} at {org} starts")
                        ).format(name=who, org=_org(acronym, name)),
                        "placement",
                        pid,
                        start < today,
                        candidate_id=cid,
                    )
                )
            elif status == PlacementStatus.ACTIVE.value and end <= today + dt.timedelta(
                days=ENDING_DAYS
            ):
                items.append(
                    DueItem(
                        DueKind.PLACEMENT_ENDING.value,
                        end,
                        (
                            _("Placement of {name} at {org} has ended: mark it completed")
                            if end < today
                            else _("Placement of {name} at {org} ends")
                        ).format(name=who, org=_org(acronym, name)),
                        "placement",
                        pid,
                        end < today,
                        candidate_id=cid,
                    )
                )
    report = retention.report(db, today=today)
    renew = [
        item
        for item in report.items
        if retention.REASON_CONSENT_OLD in item.reasons
        or retention.REASON_NO_CONSENT in item.reasons
    ]
    waiting = [i for i in renew if i.consent_requested_at is None]
    if waiting:
        items.append(
            DueItem(
                DueKind.CONSENT_RENEWAL.value,
                None,
                ngettext(
                    "Consent renewal due for {n} person (retention rules)",
                    "Consent renewal due for {n} people (retention rules)",
                    len(waiting),
                ).format(n=len(waiting)),
                "retention",
                None,
                False,
            )
        )
    items.sort(key=lambda i: (not i.overdue, i.due_on or today, i.kind, i.title))
    return items


def count_overdue(db: Database, *, today: dt.date | None = None) -> int:
    """How many lines are overdue (the sidebar badge)."""
    return sum(1 for i in due_items(db, today=today) if i.overdue)


__all__ = ["ENDING_DAYS", "LOOKAHEAD_DAYS", "DueItem", "count_overdue", "due_items"]
