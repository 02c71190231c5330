"""One chronological history per candidate, and the coordinator's contact notes.

The timeline is assembled at read time from the records each step already leaves:
stage changes (``stage_changes``), completed training modules, shortlists she was put
on, dossiers that named her (the disclosure log), the IGO's answers, placements with
their start, end and extensions, check-ins done, and contact notes. Nothing is copied
into a second history, so the timeline can never disagree with the records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import String, select, type_coerce

from wir_manager.domain.enums import (
    CheckinKind,
    DeclineReason,
    PlacementStatus,
    ShortlistStatus,
    Stage,
    TimelineKind,
    TimelineSubject,
)
from wir_manager.i18n import _
from wir_manager.services.localefmt import format_date
from wir_manager.services.placements.records import PlacementError
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.hidden import shown

MAX_NOTE = 5000


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    at: dt.datetime
    kind: TimelineKind
    text: str
    #: The record a line opens, with ``subject_id``.
    subject: TimelineSubject | None = None
    subject_id: int | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "at": self.at.isoformat(timespec="seconds"),
            "kind": self.kind.value,
            "text": self.text,
            "subject": self.subject.value if self.subject else None,
            "subject_id": self.subject_id,
        }


def _day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12))


def _stage(value: str | None) -> str:
    try:
        return _(Stage(value or "").label)
    except ValueError:
        return value or ""


def add_contact_note(
    db: Database, candidate_id: int, text: str, *, on: dt.date | None = None
) -> TimelineEvent:
    """Note a contact with the person ("phoned about the UNEP post")."""
    body = (text or "").strip()
    if not body:
        raise PlacementError(_("Write what the contact was about."))
    if len(body) > MAX_NOTE:
        raise PlacementError(
            _("A contact note may have at most {n} characters.").format(n=MAX_NOTE)
        )
    with db.session() as s:
        if s.get(m.Candidate, candidate_id) is None:
            raise PlacementError(_("There is no candidate with id {id}.").format(id=candidate_id))
        note = m.ContactNote(
            candidate_id=candidate_id,
            happened_on=on or dt.date.today(),
            text=body,
            by=db.operator,
        )
        s.add(note)
        s.flush()
        return TimelineEvent(
            _day(note.happened_on),
            TimelineKind.NOTE,
            _("Contact: {text}").format(text=body),
            TimelineSubject.NOTE,
            note.id,
        )


def delete_contact_note(db: Database, note_id: int) -> None:
    with db.session() as s:
        note = s.get(m.ContactNote, note_id)
        if note is not None:
            s.delete(note)


def timeline(db: Database, candidate_id: int) -> list[TimelineEvent]:
    """The person's history, newest first."""
    out: list[TimelineEvent] = []
    r, o = m.PlacementRequest, m.Organisation
    with db.engine.connect() as conn:
        created = conn.execute(
            select(m.Candidate.created_at).where(m.Candidate.id == candidate_id)
        ).scalar()
        if created is None:
            raise PlacementError(_("There is no candidate with id {id}.").format(id=candidate_id))
        out.append(TimelineEvent(created, TimelineKind.STAGE, _("Record created")))
        for at, old, new in conn.execute(
            select(m.StageChange.at, m.StageChange.old, m.StageChange.new).where(
                m.StageChange.candidate_id == candidate_id
            )
        ):
            out.append(
                TimelineEvent(
                    at,
                    TimelineKind.STAGE,
                    _("Stage: {old} → {new}").format(old=_stage(old), new=_stage(new))
                    if old
                    else _("Stage: {new}").format(new=_stage(new)),
                )
            )
        tp = m.TrainingProgress
        for title, done in conn.execute(
            select(m.TrainingModule.title, tp.completed_on)
            .join(m.TrainingModule, m.TrainingModule.id == tp.module_id)
            .where(tp.candidate_id == candidate_id, tp.completed_on.is_not(None))
        ):
            out.append(
                TimelineEvent(
                    _day(done),
                    TimelineKind.TRAINING,
                    _("Training completed: {module}").format(module=title),
                )
            )
        e = m.ShortlistEntry
        for rid, at, title, acronym, name in conn.execute(
            select(e.request_id, e.created_at, r.title, o.acronym, o.name)
            .join(r, r.id == e.request_id)
            .join(o, o.id == r.organisation_id)
            .where(e.candidate_id == candidate_id)
        ):
            out.append(
                TimelineEvent(
                    at,
                    TimelineKind.SHORTLIST,
                    _("Shortlisted for “{title}” ({org})").format(title=title, org=acronym or name),
                    TimelineSubject.REQUEST,
                    rid,
                )
            )
        d, dc = m.Disclosure, m.DisclosureCandidate
        for rid, at, recipient in conn.execute(
            select(d.request_id, d.created_at, d.recipient)
            .join(dc, dc.disclosure_id == d.id)
            .where(dc.candidate_id == candidate_id)
        ):
            out.append(
                TimelineEvent(
                    at,
                    TimelineKind.DOSSIER,
                    _("Dossier sent to {recipient}").format(recipient=recipient),
                    TimelineSubject.REQUEST if rid else None,
                    rid,
                )
            )
        a = m.ShortlistAnswer
        for rid, at, status, day, reason, note, acronym, name in conn.execute(
            select(
                a.request_id,
                a.at,
                type_coerce(a.status, String),
                a.interview_on,
                a.reason,
                shown(db, a.note),
                o.acronym,
                o.name,
            )
            .join(r, r.id == a.request_id)
            .join(o, o.id == r.organisation_id)
            .where(a.candidate_id == candidate_id)
        ):
            org = acronym or name
            if status == ShortlistStatus.INTERVIEW.value and day is not None:
                text = _("{org} requested an interview on {day}").format(
                    org=org, day=format_date(day)
                )
            elif status == ShortlistStatus.DECLINED.value:
                try:
                    why = _(DeclineReason(reason or "").label)
                except ValueError:
                    why = reason or ""
                text = _("{org} declined: {reason}").format(org=org, reason=why)
                if note:
                    text += f" — {note}"
            elif status == ShortlistStatus.ACCEPTED.value:
                text = _("{org} accepted").format(org=org)
            elif status == ShortlistStatus.WITHDREW.value:
                text = _("Withdrew from the request of {org}").format(org=org)
                if note:
                    text += f" — {note}"
            else:
                text = _("{org}: {status}").format(org=org, status=_(ShortlistStatus(status).label))
            out.append(TimelineEvent(at, TimelineKind.ANSWER, text, TimelineSubject.REQUEST, rid))
        p = m.Placement
        placements = conn.execute(
            select(
                p.id,
                p.start_date,
                p.end_date,
                p.started_on,
                p.ended_on,
                type_coerce(p.status, String),
                o.acronym,
                o.name,
                p.created_at,
            )
            .outerjoin(o, o.id == p.organisation_id)
            .where(p.candidate_id == candidate_id)
        ).all()
        for pid, start, end, started, ended, status, acronym, name, made in placements:
            state = PlacementStatus(status)
            org = acronym or name or _("another organisation")
            out.append(
                TimelineEvent(
                    made or _day(start),
                    TimelineKind.PLACEMENT,
                    _("Placement at {org} planned for {start} to {end}").format(
                        org=org, start=format_date(start), end=format_date(end)
                    ),
                    TimelineSubject.PLACEMENT,
                    pid,
                )
            )
            if started is not None:
                out.append(
                    TimelineEvent(
                        _day(started),
                        TimelineKind.PLACEMENT,
                        _("Placement at {org} started").format(org=org),
                        TimelineSubject.PLACEMENT,
                        pid,
                    )
                )
            if ended is not None:
                label = (
                    _("Placement at {org} ended early")
                    if state is PlacementStatus.ENDED_EARLY
                    else _("Placement at {org} completed")
                )
                out.append(
                    TimelineEvent(
                        _day(ended),
                        TimelineKind.PLACEMENT,
                        label.format(org=org),
                        TimelineSubject.PLACEMENT,
                        pid,
                    )
                )
            if state is PlacementStatus.CANCELLED:
                out.append(
                    TimelineEvent(
                        made or _day(start),
                        TimelineKind.PLACEMENT,
                        _("Placement at {org} cancelled").format(org=org),
                        TimelineSubject.PLACEMENT,
                        pid,
                    )
                )
        ids = [row[0] for row in placements]
        if ids:
            x = m.PlacementExtension
            for pid, at, old_end, new_end in conn.execute(
                select(x.placement_id, x.at, x.old_end, x.new_end).where(x.placement_id.in_(ids))
            ):
                out.append(
                    TimelineEvent(
                        at,
                        TimelineKind.PLACEMENT,
                        _("Placement extended: ends {new} instead of {old}").format(
                            new=format_date(new_end), old=format_date(old_end)
                        ),
                        TimelineSubject.PLACEMENT,
                        pid,
                    )
                )
            k = m.PlacementCheckin
            for pid, kind, done in conn.execute(
                select(k.placement_id, type_coerce(k.kind, String), k.done_on).where(
                    k.placement_id.in_(ids), k.done_on.is_not(None)
                )
            ):
                out.append(
                    TimelineEvent(
                        _day(done),
                        TimelineKind.CHECKIN,
                        _("{what} done").format(what=_(CheckinKind(kind).label)),
                        TimelineSubject.PLACEMENT,
                        pid,
                    )
                )
        n = m.ContactNote
        for nid, day, text, by in conn.execute(
            select(n.id, n.happened_on, shown(db, n.text), n.by).where(
                n.candidate_id == candidate_id
            )
        ):
            out.append(
                TimelineEvent(
                    _day(day),
                    TimelineKind.NOTE,
                    # A viewer is not shown what was said (a refused column): only that.
                    (_("Contact: {text}").format(text=text) if text else _("Contact"))
                    + (f" ({by})" if by else ""),
                    TimelineSubject.NOTE,
                    nid,
                )
            )
    out.sort(key=lambda ev: ev.at, reverse=True)
    return out
