"""Placements: accepting a candidate, the residency's life (start, complete, end early,
cancel, extend) and the consequences of each step, each in ONE transaction.

Why one module owns the consequences: a coordinator who marks a placement as started
must see her stage become *placed*, her other rankings drop her, and the request count
its filled positions — if any of those lived in the caller, the GUI and the CLI would
drift apart. Every change returns a :class:`PlacementChange` whose ``messages`` say, in
plain sentences, what else changed, so both front ends can show it.

The overlap rule of matching still holds: a person never has two non-cancelled
placements whose periods overlap (half-open: the day one ends the next may start).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from babel import numbers as babel_numbers
from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from wir_manager.domain.codes import CodeError, normalize_country
from wir_manager.domain.enums import (
    CheckinKind,
    PlacementStatus,
    RequestStatus,
    ShortlistStatus,
    Stage,
    WorkMode,
)
from wir_manager.i18n import _
from wir_manager.services.concurrency import ensure_unchanged
from wir_manager.services.localefmt import format_date
from wir_manager.services.placements.records import (
    CheckinRecord,
    ContactRecord,
    ExtensionRecord,
    LiaisonData,
    PlacementData,
    PlacementError,
    PlacementNotFoundError,
    PlacementRecord,
    PlacementRow,
)
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.hidden import shown

#: Statuses that hold a position of the request (and a period of the person's time).
HOLDING = (
    PlacementStatus.PLANNED.value,
    PlacementStatus.ACTIVE.value,
    PlacementStatus.COMPLETED.value,
    PlacementStatus.ENDED_EARLY.value,
)
#: Statuses in which the person is committed to a residency now ("while placed").
COMMITTED = (PlacementStatus.PLANNED.value, PlacementStatus.ACTIVE.value)

MAX_TEXT = 300
MAX_MONTHS = 60


@dataclass(frozen=True)
class PlacementChange:
    """A placement after a change, and what else changed with it (sentences)."""

    placement: PlacementRecord
    messages: tuple[str, ...] = ()


# --------------------------------------------------------------------------- helpers
def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (clamped to the month's last day)."""
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end``, rounded (a 6-month residency is 6)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day - start.day > 15:
        months += 1
    elif start.day - end.day > 15:
        months -= 1
    return max(months, 0)


def default_schedule(start: dt.date, end: dt.date) -> list[tuple[CheckinKind, dt.date]]:
    """Monthly check-ins, a mid-term report half-way and a final report on the last day.

    The mid-term report replaces the check-in of its month, so nobody is asked for two
    things in the same week.
    """
    months = months_between(start, end)
    out: list[tuple[CheckinKind, dt.date]] = []
    mid = months // 2 if months >= 2 else None
    for k in range(1, months):
        day = add_months(start, k)
        if day >= end:
            break
        out.append((CheckinKind.MIDTERM if k == mid else CheckinKind.CHECKIN, day))
    out.append((CheckinKind.FINAL, end))
    return out


def format_funding(amount: int | None, currency: str | None, locale=None) -> str:  # type: ignore[no-untyped-def]
    """ "US$12,000" / "12 000 US$": the locale's currency pattern in whole units (Babel)."""
    if amount is None:
        return ""
    from wir_manager.services.localefmt import current_locale

    loc = locale or current_locale()
    if not currency:
        return babel_numbers.format_decimal(amount, locale=loc)
    pattern = loc.currency_formats["standard"].pattern.split(";")[0]
    pattern = pattern.replace(".00", "").replace(",00", "")
    return babel_numbers.format_currency(
        amount, currency, format=pattern, locale=loc, currency_digits=False
    )


def _clean(text: str | None, limit: int = MAX_TEXT, what: str = "") -> str | None:
    value = (text or "").strip()
    if len(value) > limit:
        raise PlacementError(
            _("{what} is longer than {n} characters.").format(what=what or _("A text"), n=limit)
        )
    return value or None


def _require_status(row: m.Placement, wanted: PlacementStatus, refusal: str) -> None:
    """Starting, completing and ending early each apply from one status only and refuse
    alike: nothing changes, and ``refusal`` (its own translated sentence with a
    ``{status}`` slot) names the status the placement is in now, lower case to sit
    mid-sentence."""
    if row.status != wanted:
        raise PlacementError(refusal.format(status=_(row.status.label).lower()))


def _effective_end(p: m.Placement) -> dt.date:
    return p.ended_on if p.ended_on is not None else p.end_date


def _placement(s: Session, placement_id: int) -> m.Placement:
    row = s.get(m.Placement, placement_id)
    if row is None:
        raise PlacementNotFoundError(
            _("There is no placement with id {id}.").format(id=placement_id)
        )
    return row


def _check_overlap(
    s: Session, candidate_id: int, start: dt.date, end: dt.date, exclude: int | None
) -> None:
    p = m.Placement
    query = select(p).where(
        p.candidate_id == candidate_id, type_coerce(p.status, String).in_(HOLDING)
    )
    for other in s.scalars(query):
        if other.id == exclude:
            continue
        if other.start_date < end and _effective_end(other) > start:
            raise PlacementError(
                _(
                    "This person already has a placement from {start} to {end} (placement "
                    "{id}); placements of one person may not overlap. Nothing was saved."
                ).format(
                    start=format_date(other.start_date),
                    end=format_date(_effective_end(other)),
                    id=other.id,
                )
            )


def _check_dates(start: dt.date | None, end: dt.date | None) -> None:
    if start is None or end is None:
        raise PlacementError(_("A placement needs a start date and an end date."))
    if end <= start:
        raise PlacementError(_("The end date must come after the start date."))
    if months_between(start, end) > MAX_MONTHS:
        raise PlacementError(_("A placement can last at most {n} months.").format(n=MAX_MONTHS))


def _liaison_fields(liaison: LiaisonData) -> tuple[str, str | None, str | None]:
    """Name, role and e-mail of a liaison as typed, checked once for a new contact and
    for corrections to an existing one."""
    name = _clean(liaison.name, what=_("The liaison's name"))
    if not name:
        raise PlacementError(_("Give the liaison's name (or leave the liaison empty)."))
    email = _clean(liaison.email, 320, _("The liaison's e-mail"))
    if email and ("@" not in email or email.startswith("@") or email.endswith("@")):
        raise PlacementError(_("“{email}” is not an e-mail address.").format(email=email))
    role = _clean(liaison.role, 200, _("The liaison's role"))
    return name, role, email


def _correct_contact(s: Session, contact: m.Contact, liaison: LiaisonData) -> None:
    """Correct an existing liaison (a new role, a changed e-mail, a misspelt name): the
    contact is the organisation's, so every placement with this liaison shows the fix."""
    name, role, email = _liaison_fields(liaison)
    if email and (email or "").lower() != (contact.email or "").lower():
        c = m.Contact
        other = s.scalars(
            select(c.name).where(
                c.organisation_id == contact.organisation_id,
                c.id != contact.id,
                func.lower(c.email) == email.lower(),
            )
        ).first()
        if other is not None:
            raise PlacementError(
                _("{name}, another liaison of this organisation, has the e-mail {email}.").format(
                    name=other, email=email
                )
            )
    for attr, value in (("name", name), ("role", role), ("email", email)):
        if getattr(contact, attr) != value:
            setattr(contact, attr, value)


def _contact(s: Session, organisation_id: int, liaison: LiaisonData) -> m.Contact:
    """The organisation's contact with this e-mail (else this name), created if new."""
    name, role, email = _liaison_fields(liaison)
    c = m.Contact
    found = None
    if email:
        found = s.scalars(
            select(c).where(
                c.organisation_id == organisation_id, func.lower(c.email) == email.lower()
            )
        ).first()
    if found is None:
        found = s.scalars(
            select(c).where(
                c.organisation_id == organisation_id, func.lower(c.name) == name.lower()
            )
        ).first()
    if found is None:
        found = m.Contact(organisation_id=organisation_id, name=name, role=role, email=email)
        s.add(found)
        s.flush()
    else:
        if role and found.role != role:
            found.role = role
        if email and not found.email:
            found.email = email
    return found


def _apply_fields(
    s: Session, row: m.Placement, data: PlacementData, req: m.PlacementRequest | None
) -> None:
    share = int(data.time_share)
    if not 1 <= share <= 100:
        raise PlacementError(_("The share of full time must be between 1 and 100 percent."))
    row.time_share = share
    mode = data.work_mode or (req.work_mode.value if req is not None else None)
    try:
        row.work_mode = WorkMode(mode) if mode else None
    except ValueError:
        raise PlacementError(_("“{mode}” is not a work mode.").format(mode=mode)) from None
    if data.work_mode is None and req is not None and data.duty_city is None:
        row.duty_city, row.duty_country = req.duty_city, req.duty_country
    else:
        row.duty_city = _clean(data.duty_city, 200, _("The duty city"))
        country = (data.duty_country or "").strip()
        try:
            row.duty_country = normalize_country(country) if country else None
        except CodeError as exc:
            raise PlacementError(str(exc)) from None
    if row.work_mode is not None and row.work_mode != WorkMode.REMOTE and not row.duty_country:
        raise PlacementError(_("An on-site or hybrid placement needs a duty country."))
    row.mentor = _clean(data.mentor, what=_("The mentor's name"))
    row.fiscal_sponsor = _clean(data.fiscal_sponsor, what=_("The fiscal sponsor"))
    if data.host_affiliate_id is not None and s.get(m.Affiliate, data.host_affiliate_id) is None:
        raise PlacementError(
            _("There is no affiliate with id {id}.").format(id=data.host_affiliate_id)
        )
    row.host_affiliate_id = data.host_affiliate_id
    row.funding_source = _clean(data.funding_source, what=_("The funding source"))
    if data.funding_amount is not None and int(data.funding_amount) < 0:
        raise PlacementError(_("The funding amount cannot be negative."))
    row.funding_amount = None if data.funding_amount is None else int(data.funding_amount)
    currency = (data.funding_currency or "").strip().upper() or None
    if currency and currency not in babel_numbers.list_currencies():
        raise PlacementError(
            _("“{code}” is not a currency code (use ISO 4217, e.g. USD, EUR, SEK).").format(
                code=currency
            )
        )
    if row.funding_amount is not None and currency is None:
        raise PlacementError(_("Give the currency of the funding amount (e.g. USD)."))
    row.funding_currency = currency
    row.notes = _clean(data.notes, 5000, _("The notes"))
    organisation_id = row.organisation_id
    if data.liaison_id is not None:
        contact = s.get(m.Contact, data.liaison_id)
        if contact is None or contact.organisation_id != organisation_id:
            raise PlacementError(
                _("Contact {id} is not a contact of this organisation.").format(id=data.liaison_id)
            )
        if data.liaison is not None:
            _correct_contact(s, contact, data.liaison)
        row.liaison_id = contact.id
    elif data.liaison is not None and (data.liaison.name or "").strip() and organisation_id:
        row.liaison_id = _contact(s, organisation_id, data.liaison).id
    else:
        row.liaison_id = None


def _pending_checkins(s: Session, placement_id: int) -> list[m.PlacementCheckin]:
    """The check-ins not done yet: new dates (an edit while planned, an extension) move
    or drop only these; a done check-in is history and keeps its date. A list, so the
    caller may delete while it goes through them."""
    return list(
        s.scalars(
            select(m.PlacementCheckin).where(
                m.PlacementCheckin.placement_id == placement_id,
                m.PlacementCheckin.done_on.is_(None),
            )
        )
    )


def _schedule(s: Session, row: m.Placement) -> None:
    for kind, day in default_schedule(row.start_date, row.end_date):
        s.add(m.PlacementCheckin(placement_id=row.id, kind=kind, due_on=day))


def _entry(s: Session, request_id: int, candidate_id: int) -> m.ShortlistEntry | None:
    e = m.ShortlistEntry
    return s.scalars(
        select(e).where(e.request_id == request_id, e.candidate_id == candidate_id)
    ).first()


def _refresh_request(s: Session, request_id: int | None, messages: list[str]) -> None:
    """Count the request's filled positions; it becomes *filled* when all are, and goes
    back to *shortlisting* when a cancellation frees a position again."""
    if request_id is None:
        return
    req = s.get(m.PlacementRequest, request_id)
    if req is None:
        return
    s.flush()
    filled = _filled(s, request_id)
    title = req.title
    if filled >= req.positions and req.status != RequestStatus.FILLED:
        req.status = RequestStatus.FILLED
        messages.append(
            _("Request “{title}” is now filled ({filled} of {positions} positions).").format(
                title=title, filled=filled, positions=req.positions
            )
        )
    elif filled < req.positions and req.status == RequestStatus.FILLED:
        req.status = RequestStatus.SHORTLISTING
        messages.append(
            _("Request “{title}” is open again ({filled} of {positions} positions filled).").format(
                title=title, filled=filled, positions=req.positions
            )
        )
    elif filled < req.positions:
        if req.status == RequestStatus.OPEN:
            req.status = RequestStatus.SHORTLISTING
        messages.append(
            _("Request “{title}”: {filled} of {positions} positions filled.").format(
                title=title, filled=filled, positions=req.positions
            )
        )


def _filled(s: Session, request_id: int) -> int:
    p = m.Placement
    return int(
        s.scalar(
            select(func.count())
            .select_from(p)
            .where(p.request_id == request_id, type_coerce(p.status, String).in_(HOLDING))
        )
        or 0
    )


def _set_stage(s: Session, candidate_id: int | None, stage: Stage, messages: list[str]) -> None:
    if candidate_id is None:
        return
    cand = s.get(m.Candidate, candidate_id)
    if cand is None or cand.stage == stage:
        return
    cand.stage = stage
    messages.append(
        _("{name} is now at stage {stage}.").format(name=cand.full_name, stage=_(stage.label))
    )


# --------------------------------------------------------------------------- reading
def filled_counts(db: Database) -> dict[int, int]:
    """Request id → positions held by placements (planned, active, completed, ended early)."""
    p = m.Placement
    with db.engine.connect() as conn:
        return {
            int(rid): int(n)
            for rid, n in conn.execute(
                select(p.request_id, func.count())
                .where(p.request_id.is_not(None), type_coerce(p.status, String).in_(HOLDING))
                .group_by(p.request_id)
            )
        }


def _record(s: Session, row: m.Placement) -> PlacementRecord:
    cand = s.get(m.Candidate, row.candidate_id) if row.candidate_id is not None else None
    req = s.get(m.PlacementRequest, row.request_id) if row.request_id is not None else None
    org = s.get(m.Organisation, row.organisation_id) if row.organisation_id is not None else None
    contact = s.get(m.Contact, row.liaison_id) if row.liaison_id is not None else None
    host = s.get(m.Affiliate, row.host_affiliate_id) if row.host_affiliate_id is not None else None
    checkins = tuple(
        CheckinRecord(c.id, row.id, c.kind, c.due_on, c.done_on, c.note)
        for c in s.scalars(
            select(m.PlacementCheckin)
            .where(m.PlacementCheckin.placement_id == row.id)
            .order_by(m.PlacementCheckin.due_on, m.PlacementCheckin.id)
        )
    )
    extensions = tuple(
        ExtensionRecord(e.at, e.old_end, e.new_end, e.reason)
        for e in s.scalars(
            select(m.PlacementExtension)
            .where(m.PlacementExtension.placement_id == row.id)
            .order_by(m.PlacementExtension.id)
        )
    )
    from wir_manager.services.placements.outcomes import outcomes_in

    return PlacementRecord(
        id=row.id,
        candidate_id=row.candidate_id,
        candidate_name=cand.full_name if cand else None,
        request_id=row.request_id,
        request_title=req.title if req else None,
        organisation_id=row.organisation_id,
        organisation=(org.acronym or org.name) if org else None,
        start_date=row.start_date,
        end_date=row.end_date,
        status=row.status,
        liaison=(
            ContactRecord(
                contact.id, contact.organisation_id, contact.name, contact.role, contact.email
            )
            if contact
            else None
        ),
        mentor=row.mentor,
        host_affiliate_id=row.host_affiliate_id,
        host_affiliate=host.name if host else None,
        fiscal_sponsor=row.fiscal_sponsor,
        time_share=row.time_share,
        work_mode=row.work_mode.value if row.work_mode else None,
        duty_city=row.duty_city,
        duty_country=row.duty_country,
        funding_source=row.funding_source,
        funding_amount=row.funding_amount,
        funding_currency=row.funding_currency,
        end_reason=row.end_reason,
        notes=row.notes,
        started_on=row.started_on,
        ended_on=row.ended_on,
        checkins=checkins,
        extensions=extensions,
        outcomes=tuple(outcomes_in(s, row.id)),
        updated_at=row.updated_at,
    )


def get_placement(db: Database, placement_id: int) -> PlacementRecord:
    with db.session() as s:
        return _record(s, _placement(s, placement_id))


def list_placements(
    db: Database,
    *,
    candidate_id: int | None = None,
    request_id: int | None = None,
    statuses: Iterable[str] | None = None,
) -> list[PlacementRow]:
    """Placements, newest start first (optionally one person's or one request's)."""
    p = m.Placement
    query = (
        select(
            p.id,
            p.candidate_id,
            m.Candidate.full_name,
            p.request_id,
            m.PlacementRequest.title,
            func.coalesce(m.Organisation.acronym, m.Organisation.name),
            p.start_date,
            p.end_date,
            type_coerce(p.status, String),
        )
        .outerjoin(m.Candidate, m.Candidate.id == p.candidate_id)
        .outerjoin(m.PlacementRequest, m.PlacementRequest.id == p.request_id)
        .outerjoin(m.Organisation, m.Organisation.id == p.organisation_id)
        .order_by(p.start_date.desc(), p.id.desc())
    )
    if candidate_id is not None:
        query = query.where(p.candidate_id == candidate_id)
    if request_id is not None:
        query = query.where(p.request_id == request_id)
    if statuses is not None:
        query = query.where(
            type_coerce(p.status, String).in_([PlacementStatus(x).value for x in statuses])
        )
    with db.engine.connect() as conn:
        # The status is read as its stored string and becomes the member here.
        return [
            PlacementRow(*row[:-1], status=PlacementStatus(row[-1])) for row in conn.execute(query)
        ]


def contacts_of(db: Database, organisation_id: int) -> list[ContactRecord]:
    """The organisation's contacts (liaisons so far), by name: the form offers them."""
    c = m.Contact
    with db.engine.connect() as conn:
        return [
            ContactRecord(*row)
            for row in conn.execute(
                select(c.id, c.organisation_id, c.name, c.role, shown(db, c.email))
                .where(c.organisation_id == organisation_id)
                .order_by(func.lower(c.name), c.id)
            )
        ]


def placement_defaults(db: Database, request_id: int, candidate_id: int) -> PlacementData:
    """What the form shows on "accepted": the request's start, duration, mode and place,
    and the organisation's most recent liaison."""
    with db.session() as s:
        req = s.get(m.PlacementRequest, request_id)
        if req is None:
            raise PlacementError(
                _("There is no placement request with id {id}.").format(id=request_id)
            )
        start = req.start_date or dt.date.today()
        end = add_months(start, req.duration_months or 6)
        last = s.scalars(
            select(m.Placement.liaison_id)
            .where(
                m.Placement.organisation_id == req.organisation_id,
                m.Placement.liaison_id.is_not(None),
            )
            .order_by(m.Placement.id.desc())
        ).first()
        return PlacementData(
            request_id=request_id,
            candidate_id=candidate_id,
            start_date=start,
            end_date=end,
            liaison_id=last,
            work_mode=req.work_mode.value,
            duty_city=req.duty_city,
            duty_country=req.duty_country,
        )


# --------------------------------------------------------------------------- changes
def accept(db: Database, data: PlacementData) -> PlacementChange:
    """The IGO accepted the candidate: the shortlist entry becomes *accepted* (with the
    answer in its history), a *planned* placement is written with its check-in schedule,
    and the request counts the position. One transaction; nothing on failure.

    A person not on the request's saved shortlist is added to it (a liaison may pick
    someone the coordinator mentioned by other means); the overlap rule still applies.
    """
    _check_dates(data.start_date, data.end_date)
    messages: list[str] = []
    with db.session() as s:
        req = s.get(m.PlacementRequest, data.request_id)
        if req is None:
            raise PlacementError(
                _("There is no placement request with id {id}.").format(id=data.request_id)
            )
        cand = s.get(m.Candidate, data.candidate_id)
        if cand is None:
            raise PlacementError(
                _("There is no candidate with id {id}.").format(id=data.candidate_id)
            )
        if cand.stage == Stage.WITHDRAWN:
            raise PlacementError(
                _("{name} has withdrawn from the programme and cannot be placed.").format(
                    name=cand.full_name
                )
            )
        if req.status == RequestStatus.CLOSED:
            raise PlacementError(_("Request “{title}” is closed.").format(title=req.title))
        if _filled(s, req.id) >= req.positions:
            raise PlacementError(
                _("All {n} positions of request “{title}” are already filled.").format(
                    n=req.positions, title=req.title
                )
            )
        _check_overlap(s, cand.id, data.start_date, data.end_date, None)
        entry = _entry(s, req.id, cand.id)
        if entry is None:
            last = s.scalar(
                select(func.max(m.ShortlistEntry.rank)).where(m.ShortlistEntry.request_id == req.id)
            )
            entry = m.ShortlistEntry(
                request_id=req.id,
                candidate_id=cand.id,
                rank=int(last or 0) + 1,
                score=0.0,
                score_parts={},
            )
            s.add(entry)
        elif entry.status in (ShortlistStatus.DECLINED, ShortlistStatus.WITHDREW):
            raise PlacementError(
                _("{name} is marked “{status}” on this shortlist and cannot be accepted.").format(
                    name=cand.full_name, status=_(entry.status.label)
                )
            )
        entry.status = ShortlistStatus.ACCEPTED
        s.add(
            m.ShortlistAnswer(
                request_id=req.id, candidate_id=cand.id, status=ShortlistStatus.ACCEPTED
            )
        )
        row = m.Placement(
            candidate_id=cand.id,
            request_id=req.id,
            organisation_id=req.organisation_id,
            start_date=data.start_date,
            end_date=data.end_date,
            status=PlacementStatus.PLANNED,
        )
        s.add(row)
        s.flush()
        _apply_fields(s, row, data, req)
        if data.schedule:
            _schedule(s, row)
        messages.append(
            _("Placement planned for {name} at {org} from {start} to {end}.").format(
                name=cand.full_name,
                org=req.organisation.acronym or req.organisation.name,
                start=format_date(data.start_date),
                end=format_date(data.end_date),
            )
        )
        _refresh_request(s, req.id, messages)
        s.flush()
        return PlacementChange(_record(s, row), tuple(messages))


def update_placement(db: Database, data: PlacementData) -> PlacementChange:
    """Save the form's edits. Dates change only while planned (later: extend). With
    ``data.updated_at``, a placement changed meanwhile elsewhere is not overwritten:
    :class:`ConcurrentEditError` says who and when."""
    if data.id is None:
        raise PlacementError(_("This placement has not been saved yet."))
    with db.session() as s:
        row = _placement(s, data.id)
        row = ensure_unchanged(s, m.Placement, data.id, data.updated_at)
        if (data.start_date, data.end_date) != (row.start_date, row.end_date):
            if row.status != PlacementStatus.PLANNED:
                raise PlacementError(
                    _("Only a planned placement can change its dates; extend it instead.")
                )
            _check_dates(data.start_date, data.end_date)
            if row.candidate_id is not None:
                _check_overlap(s, row.candidate_id, data.start_date, data.end_date, row.id)
            row.start_date, row.end_date = data.start_date, data.end_date
            for c in _pending_checkins(s, row.id):
                s.delete(c)
            s.flush()
            _schedule(s, row)
        req = s.get(m.PlacementRequest, row.request_id) if row.request_id else None
        _apply_fields(s, row, data, req if data.work_mode is None else None)
        s.flush()
        return PlacementChange(_record(s, row), (_("Placement saved."),))


def start_placement(
    db: Database, placement_id: int, *, on: dt.date | None = None
) -> PlacementChange:
    """planned → active: the resident's stage becomes *placed*."""
    messages: list[str] = []
    with db.session() as s:
        row = _placement(s, placement_id)
        _require_status(
            row,
            PlacementStatus.PLANNED,
            _("Only a planned placement can start (this one is {status})."),
        )
        row.status = PlacementStatus.ACTIVE
        row.started_on = on or dt.date.today()
        messages.append(_("The placement has started."))
        _set_stage(s, row.candidate_id, Stage.PLACED, messages)
        s.flush()
        return PlacementChange(_record(s, row), tuple(messages))


def complete_placement(
    db: Database, placement_id: int, *, on: dt.date | None = None
) -> PlacementChange:
    """active → completed: the resident becomes *alumni*."""
    messages: list[str] = []
    with db.session() as s:
        row = _placement(s, placement_id)
        _require_status(
            row,
            PlacementStatus.ACTIVE,
            _("Only an active placement can be completed (this one is {status})."),
        )
        row.status = PlacementStatus.COMPLETED
        row.ended_on = on or min(dt.date.today(), row.end_date)
        if row.ended_on > row.end_date:
            row.ended_on = row.end_date
        messages.append(_("The placement is completed."))
        _set_stage(s, row.candidate_id, Stage.ALUMNI, messages)
        s.flush()
        return PlacementChange(_record(s, row), tuple(messages))


def end_early(
    db: Database, placement_id: int, reason: str, *, on: dt.date | None = None
) -> PlacementChange:
    """active → ended early, with the reason; the person becomes *alumni* and is free
    again from the day it ended (the overlap rule uses that day)."""
    text = _clean(reason, 2000, _("The reason"))
    if not text:
        raise PlacementError(_("Say why the placement ended early."))
    messages: list[str] = []
    with db.session() as s:
        row = _placement(s, placement_id)
        _require_status(
            row,
            PlacementStatus.ACTIVE,
            _("Only an active placement can end early (this one is {status})."),
        )
        day = on or dt.date.today()
        if day < row.start_date or day >= row.end_date:
            raise PlacementError(
                _("An early end must fall between {start} and {end}.").format(
                    start=format_date(row.start_date), end=format_date(row.end_date)
                )
            )
        row.status = PlacementStatus.ENDED_EARLY
        row.ended_on = day
        row.end_reason = text
        messages.append(_("The placement ended early."))
        _set_stage(s, row.candidate_id, Stage.ALUMNI, messages)
        s.flush()
        return PlacementChange(_record(s, row), tuple(messages))


def cancel_placement(db: Database, placement_id: int, reason: str | None = None) -> PlacementChange:
    """planned → cancelled (it never started): the position is free again and the
    shortlist entry records that the candidate withdrew."""
    messages: list[str] = []
    with db.session() as s:
        row = _placement(s, placement_id)
        if row.status != PlacementStatus.PLANNED:
            raise PlacementError(
                _("Only a planned placement can be cancelled; end an active one early.")
            )
        row.status = PlacementStatus.CANCELLED
        row.end_reason = _clean(reason, 2000, _("The reason"))
        messages.append(_("The placement is cancelled."))
        if row.candidate_id is not None and row.request_id is not None:
            entry = _entry(s, row.request_id, row.candidate_id)
            if entry is not None and entry.status == ShortlistStatus.ACCEPTED:
                entry.status = ShortlistStatus.WITHDREW
                s.add(
                    m.ShortlistAnswer(
                        request_id=row.request_id,
                        candidate_id=row.candidate_id,
                        status=ShortlistStatus.WITHDREW,
                        note=row.end_reason,
                    )
                )
        _refresh_request(s, row.request_id, messages)
        s.flush()
        return PlacementChange(_record(s, row), tuple(messages))


def extend_placement(
    db: Database, placement_id: int, new_end: dt.date, reason: str | None = None
) -> PlacementChange:
    """Move the end date (later or earlier) keeping the old one in the history; the final
    report moves with it and months added get their check-ins."""
    with db.session() as s:
        row = _placement(s, placement_id)
        if row.status not in (PlacementStatus.PLANNED, PlacementStatus.ACTIVE):
            raise PlacementError(_("Only a planned or active placement can be extended."))
        if new_end == row.end_date:
            raise PlacementError(_("The new end date is the current one; nothing was changed."))
        _check_dates(row.start_date, new_end)
        if row.candidate_id is not None:
            _check_overlap(s, row.candidate_id, row.start_date, new_end, row.id)
        old = row.end_date
        s.add(
            m.PlacementExtension(
                placement_id=row.id,
                old_end=old,
                new_end=new_end,
                reason=_clean(reason, 2000, _("The reason")),
            )
        )
        row.end_date = new_end
        for c in _pending_checkins(s, row.id):
            if c.kind == CheckinKind.FINAL:
                c.due_on = new_end
            elif c.due_on >= new_end:
                s.delete(c)
        if new_end > old:
            for kind, day in default_schedule(row.start_date, new_end):
                if kind == CheckinKind.CHECKIN and old <= day < new_end:
                    s.add(m.PlacementCheckin(placement_id=row.id, kind=kind, due_on=day))
        s.flush()
        return PlacementChange(
            _record(s, row),
            (
                _("The placement now ends on {day} (it was {old}).").format(
                    day=format_date(new_end), old=format_date(old)
                ),
            ),
        )


# --------------------------------------------------------------------------- check-ins
def add_checkin(
    db: Database, placement_id: int, kind: CheckinKind | str, due_on: dt.date
) -> CheckinRecord:
    with db.session() as s:
        _placement(s, placement_id)
        c = m.PlacementCheckin(placement_id=placement_id, kind=CheckinKind(kind), due_on=due_on)
        s.add(c)
        s.flush()
        return CheckinRecord(c.id, placement_id, c.kind, c.due_on, c.done_on, c.note)


def update_checkin(
    db: Database,
    checkin_id: int,
    *,
    due_on: dt.date | None = None,
    done_on: dt.date | None = None,
    clear_done: bool = False,
    note: str | None = None,
) -> CheckinRecord:
    """Move a check-in, mark it done (or not done again), or note what was said."""
    with db.session() as s:
        c = s.get(m.PlacementCheckin, checkin_id)
        if c is None:
            raise PlacementError(_("There is no check-in with id {id}.").format(id=checkin_id))
        if due_on is not None:
            c.due_on = due_on
        if clear_done:
            c.done_on = None
        elif done_on is not None:
            c.done_on = done_on
        if note is not None:
            c.note = _clean(note, 5000, _("The note"))
        s.flush()
        return CheckinRecord(c.id, c.placement_id, c.kind, c.due_on, c.done_on, c.note)


def delete_checkin(db: Database, checkin_id: int) -> None:
    with db.session() as s:
        c = s.get(m.PlacementCheckin, checkin_id)
        if c is None:
            raise PlacementError(_("There is no check-in with id {id}.").format(id=checkin_id))
        s.delete(c)


__all__ = [
    "COMMITTED",
    "HOLDING",
    "PlacementChange",
    "accept",
    "add_checkin",
    "add_months",
    "cancel_placement",
    "complete_placement",
    "contacts_of",
    "default_schedule",
    "delete_checkin",
    "end_early",
    "extend_placement",
    "filled_counts",
    "format_funding",
    "get_placement",
    "list_placements",
    "months_between",
    "placement_defaults",
    "start_placement",
    "update_checkin",
    "update_placement",
]
