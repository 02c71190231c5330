"""Demo data for the second half of the programme: past, active and planned placements
with their liaisons, check-ins, outcomes, the IGO's answers on a few shortlists and
contact notes, so a new user sees the whole cycle on the Today screen and in reports.

Dates are relative to today (not to the demo's fixed anchor): a demo database made
today has check-ins due this week, a placement ending this month and an interview
coming up, which is what the Today screen is for. Everything is written with Core
inserts in the demo's one transaction.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from sqlalchemy import insert, select, update

from wir_manager.domain import catalogue
from wir_manager.domain.enums import (
    CheckinKind,
    DeclineReason,
    OutcomeMetric,
    PlacementStatus,
    RequestStatus,
    ShortlistStatus,
    Stage,
    WorkMode,
)
from wir_manager.storage import models as m

LIAISONS = (
    ("Dr. Chen Jing", "Knowledge management officer"),
    ("Fatima Al-Sayed", "Head of digital communication"),
    ("Olga Petrova", "Librarian"),
    ("Ananya Rao", "Open data lead"),
    ("Kofi Mensah", "Partnerships officer"),
    ("María José Fernández", "Archivist"),
    ("Takeshi Yamamoto", "Information officer"),
    ("Ingrid Johansson", "Programme specialist"),
)
MENTORS = ("Sara Lindqvist", "Jonas Berg", "Amira Haddad", "Erik Nilsson")
FUNDERS = (("Wikimedia Foundation grant", "USD"), ("Chapter budget", "SEK"), ("Host IGO", "EUR"))
EARLY_REASONS = (
    "Took up a permanent post at the organisation",
    "Health reasons",
    "The project was suspended by the host",
)
NOTES = (
    "Phoned about the next placement call",
    "E-mailed the training certificate",
    "Met at Wikimania; interested in a remote post",
)
#: Residencies (current and past) one demo run writes at most: a programme of a few
#: hundred candidates has placed dozens of people, not thousands.
MAX_PLACEMENTS = 60
#: Typical targets per month of a full-time residency, per standard metric.
MONTHLY = {
    OutcomeMetric.ARTICLES_CREATED: 6,
    OutcomeMetric.ARTICLES_IMPROVED: 15,
    OutcomeMetric.MEDIA_UPLOADED: 120,
    OutcomeMetric.WIKIDATA_ITEMS: 300,
    OutcomeMetric.EVENTS_HELD: 1,
    OutcomeMetric.PEOPLE_TRAINED: 12,
    OutcomeMetric.IGO_STAFF_TRAINED: 5,
    OutcomeMetric.PAGEVIEWS: 40000,
    OutcomeMetric.LICENCES_OPENED: 1,
}


def _months(start: dt.date, months: int) -> dt.date:
    from wir_manager.services.placements.service import add_months

    return add_months(start, months)


def _realistic(conn, placed: list[int], alumni: list[int]) -> tuple[list[int], list[int]]:  # type: ignore[no-untyped-def]
    """At most :data:`MAX_PLACEMENTS` residencies per demo run, shared between current
    and past ones as the stages were drawn; the others are moved back to *ready* (they
    finished training, nobody placed them), so every placed or alumni person has a
    placement and a large demo pool does not bring thousands of residencies."""
    total = len(placed) + len(alumni)
    if total <= MAX_PLACEMENTS:
        return placed, alumni
    keep_placed = round(MAX_PLACEMENTS * len(placed) / total)
    kept_placed, kept_alumni = placed[:keep_placed], alumni[: MAX_PLACEMENTS - keep_placed]
    rest = placed[keep_placed:] + alumni[MAX_PLACEMENTS - keep_placed :]
    for start in range(0, len(rest), 500):
        conn.execute(
            update(m.Candidate)
            .where(m.Candidate.id.in_(rest[start : start + 500]))
            .values(stage=Stage.READY.value)
        )
    return kept_placed, kept_alumni


def add(  # type: ignore[no-untyped-def]
    conn,
    rng: random.Random,
    ids: dict[str, int],
    operator: str,
    today: dt.date,
    *,
    candidate_ids: list[int],
    request_ids: list[int],
) -> None:
    """Placements for this run's people at stage placed (active) or alumni (completed,
    a few ended early) — at most :data:`MAX_PLACEMENTS` —, three planned ones from
    accepted shortlist entries, answers on two open requests' shortlists, and a handful
    of contact notes.

    Only the people and requests this run added are used: running the demo again on a
    filled database never gives someone a second, overlapping placement or a second
    entry on a shortlist she is already on."""
    from wir_manager.services.placements.service import default_schedule

    if not candidate_ids:
        return
    c = m.Candidate
    mine = set(candidate_ids)
    people = [
        (cid, stage)
        for cid, stage in conn.execute(
            select(c.id, c.stage)
            .where(
                c.id.between(min(candidate_ids), max(candidate_ids)),
                c.stage.in_([Stage.PLACED, Stage.ALUMNI, Stage.PROPOSED, Stage.READY]),
            )
            .order_by(c.id)
        )
        if cid in mine
    ]
    if not people:
        return
    orgs = [o for o in catalogue.ORGANISATIONS if f"org:{o.acronym}" in ids]
    # Contacts: one or two liaisons per organisation.
    contact_of: dict[int, int] = {}
    for i, org in enumerate(orgs):
        name, role = LIAISONS[i % len(LIAISONS)]
        oid = ids[f"org:{org.acronym}"]
        slug = name.split()[-1].lower().replace("-", "")
        result = conn.execute(
            insert(m.Contact).values(
                organisation_id=oid,
                name=name,
                role=role,
                email=f"{slug}@{org.acronym.lower()}.example.org",
                created_at=dt.datetime.combine(today - dt.timedelta(days=700), dt.time(9)),
            )
        )
        contact_of[oid] = int(result.inserted_primary_key[0])
    # Past and current placements predate the demo's requests: they name their
    # organisation only (the demo's request count stays what was asked for).
    placed, alumni = _realistic(
        conn,
        [cid for cid, st in people if st == Stage.PLACED],
        [cid for cid, st in people if st == Stage.ALUMNI],
    )
    groups: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
    for kind, members in (("alumni", alumni), ("placed", placed)):
        for n, cid in enumerate(members):
            groups[(kind, n % max(1, min(5, len(orgs))))].append((cid, kind))
    placement_rows: list[dict] = []
    for (kind, g), members in groups.items():
        org = orgs[(g * 3 + (1 if kind == "placed" else 0)) % len(orgs)]
        oid = ids[f"org:{org.acronym}"]
        # An alumni cohort started 7–20 months ago, a current one 1–5 months ago.
        back = rng.randint(210, 600) if kind == "alumni" else rng.randint(20, 150)
        start = today - dt.timedelta(days=back)
        months = rng.choice((6, 6, 9, 12))
        created = start - dt.timedelta(days=rng.randint(60, 120))
        mode = rng.choices(list(WorkMode), (5, 2, 3))[0]
        for cid, member_kind in members:
            own_start = start + dt.timedelta(days=rng.randint(0, 14))
            end = _months(own_start, months)
            if member_kind == "placed" and end <= today:
                end = today + dt.timedelta(days=rng.randint(5, 120))
            status = PlacementStatus.ACTIVE
            ended = None
            reason = None
            if member_kind == "alumni":
                if end > today:
                    end = today - dt.timedelta(days=rng.randint(5, 60))
                    own_start = min(own_start, end - dt.timedelta(days=150))
                status = PlacementStatus.COMPLETED
                ended = end
                if rng.random() < 0.12:
                    status = PlacementStatus.ENDED_EARLY
                    ended = own_start + (end - own_start) * 2 // 3
                    reason = rng.choice(EARLY_REASONS)
            funder, currency = rng.choice(FUNDERS)
            placement_rows.append(
                {
                    "candidate_id": cid,
                    "request_id": None,
                    "organisation_id": oid,
                    "liaison_id": contact_of.get(oid),
                    "mentor": rng.choice(MENTORS),
                    "start_date": own_start,
                    "end_date": end,
                    "status": status.value,
                    "time_share": rng.choice((100, 100, 80, 50)),
                    "work_mode": mode.value,
                    "duty_city": None if mode is WorkMode.REMOTE else org.city,
                    "duty_country": None if mode is WorkMode.REMOTE else org.country,
                    "funding_source": funder,
                    "funding_amount": rng.choice(
                        (12000, 18000, 24000, 150000 if currency == "SEK" else 30000)
                    ),
                    "funding_currency": currency,
                    "end_reason": reason,
                    "started_on": own_start,
                    "ended_on": ended,
                    "created_at": dt.datetime.combine(
                        created + dt.timedelta(days=rng.randint(20, 55)), dt.time(11)
                    ),
                    "updated_at": dt.datetime.combine(
                        created + dt.timedelta(days=rng.randint(20, 55)), dt.time(11)
                    ),
                }
            )
    # Planned placements: three proposed people accepted by open requests.
    open_requests = conn.execute(
        select(
            m.PlacementRequest.id,
            m.PlacementRequest.organisation_id,
            m.PlacementRequest.work_mode,
            m.PlacementRequest.duty_city,
            m.PlacementRequest.duty_country,
        )
        .where(
            m.PlacementRequest.status.in_([RequestStatus.OPEN, RequestStatus.SHORTLISTING]),
            m.PlacementRequest.id.in_(request_ids or [-1]),
        )
        .order_by(m.PlacementRequest.id)
    ).all()
    proposed = [cid for cid, st in people if st == Stage.PROPOSED]
    ready = [cid for cid, st in people if st == Stage.READY]
    entries: list[dict] = []
    answers: list[dict] = []
    now = dt.datetime.combine(today, dt.time(9))
    for k, (rid, oid, mode, city, country) in enumerate(open_requests[-3:]):
        if k >= len(proposed):
            break
        cid = proposed[k]
        start = today + dt.timedelta(days=(5, 25, 50)[k])
        end = _months(start, 6)
        entries.append(_entry(rid, cid, 1, ShortlistStatus.ACCEPTED, now - dt.timedelta(days=30)))
        answers.append(_answer(rid, cid, ShortlistStatus.ACCEPTED, now - dt.timedelta(days=3 + k)))
        placement_rows.append(
            {
                "candidate_id": cid,
                "request_id": rid,
                "organisation_id": oid,
                "liaison_id": contact_of.get(oid),
                "mentor": MENTORS[k % len(MENTORS)],
                "start_date": start,
                "end_date": end,
                "status": PlacementStatus.PLANNED.value,
                "time_share": 100,
                "work_mode": getattr(mode, "value", mode),
                "duty_city": city,
                "duty_country": country,
                "funding_source": FUNDERS[k % 3][0],
                "funding_amount": 18000,
                "funding_currency": FUNDERS[k % 3][1],
                "created_at": now - dt.timedelta(days=3 + k),
                "updated_at": now - dt.timedelta(days=3 + k),
            }
        )
    # Answers on two more open requests' shortlists: sent, interview next week, declined.
    pool = [cid for cid in proposed[3:] + ready if cid]
    steps = (
        (ShortlistStatus.INTERVIEW, today + dt.timedelta(days=4), None),
        (ShortlistStatus.SENT, None, None),
        (ShortlistStatus.DECLINED, None, DeclineReason.LANGUAGE),
        (ShortlistStatus.PROPOSED, None, None),
    )
    taken = 0
    for rid, *_rest in open_requests[-5:-3]:
        for rank, (status, day, reason) in enumerate(steps, start=1):
            if taken >= len(pool):
                break
            cid = pool[taken]
            taken += 1
            entry = _entry(rid, cid, rank, status, now - dt.timedelta(days=20))
            entry["interview_on"] = day
            entry["decline_reason"] = reason.value if reason else None
            entries.append(entry)
            if status != ShortlistStatus.PROPOSED:
                answers.append(
                    _answer(rid, cid, ShortlistStatus.SENT, now - dt.timedelta(days=18))
                    | {"interview_on": None, "reason": None}
                )
            if status in (ShortlistStatus.INTERVIEW, ShortlistStatus.DECLINED):
                answers.append(
                    _answer(rid, cid, status, now - dt.timedelta(days=2))
                    | {"interview_on": day, "reason": reason.value if reason else None}
                )
    if entries:
        conn.execute(insert(m.ShortlistEntry), entries)
    if answers:
        for a in answers:
            a.setdefault("interview_on", None)
            a.setdefault("reason", None)
        conn.execute(insert(m.ShortlistAnswer), answers)
    if not placement_rows:
        return
    first_pid = (
        conn.execute(select(m.Placement.id).order_by(m.Placement.id.desc())).scalar() or 0
    ) + 1
    keys = set().union(*placement_rows)
    conn.execute(insert(m.Placement), [{k: row.get(k) for k in keys} for row in placement_rows])
    # Requests with a planned placement count it: filled when every position is.
    for rid, *_rest in open_requests[-3:]:
        positions = conn.execute(
            select(m.PlacementRequest.positions).where(m.PlacementRequest.id == rid)
        ).scalar()
        status = RequestStatus.FILLED if positions == 1 else RequestStatus.SHORTLISTING
        conn.execute(
            update(m.PlacementRequest)
            .where(m.PlacementRequest.id == rid)
            .values(status=status.value)
        )
    stored = conn.execute(
        select(
            m.Placement.id,
            m.Placement.candidate_id,
            m.Placement.start_date,
            m.Placement.end_date,
            m.Placement.status,
            m.Placement.time_share,
            m.Placement.ended_on,
        ).where(m.Placement.id >= first_pid)
    ).all()
    checkins: list[dict] = []
    for pid, _cid, start, end, status, _share, ended in stored:
        last = ended or end
        for kind, day in default_schedule(start, end):
            if day > last and kind != CheckinKind.FINAL:
                continue
            done = None
            if status in (PlacementStatus.COMPLETED, PlacementStatus.ENDED_EARLY):
                done = min(day, last) + dt.timedelta(days=rng.randint(0, 6))
            elif status == PlacementStatus.ACTIVE and day < today - dt.timedelta(days=10):
                done = day + dt.timedelta(days=rng.randint(0, 5))
            elif status == PlacementStatus.ACTIVE and day < today and rng.random() < 0.4:
                done = day + dt.timedelta(days=1)
            checkins.append(
                {
                    "placement_id": pid,
                    "kind": kind.value,
                    "due_on": day if kind != CheckinKind.FINAL or not ended else ended,
                    "done_on": done,
                    "note": "Report received; on track." if done and rng.random() < 0.5 else None,
                }
            )
    conn.execute(insert(m.PlacementCheckin), checkins)
    reports = defaultdict(list)
    for pid, kind, cid_, done in conn.execute(
        select(
            m.PlacementCheckin.placement_id,
            m.PlacementCheckin.kind,
            m.PlacementCheckin.id,
            m.PlacementCheckin.done_on,
        ).where(m.PlacementCheckin.placement_id >= first_pid)
    ):
        if done is not None and kind in (CheckinKind.MIDTERM, CheckinKind.FINAL):
            reports[pid].append(cid_)
    outcome_rows: list[dict] = []
    for pid, _cid, start, end, _status, share, _ended in stored:
        months = max(1, (end - start).days // 30)
        for metric in rng.sample(list(MONTHLY), 4):
            target = max(1, int(MONTHLY[metric] * months * (share or 100) / 100))
            outcome_rows.append({"placement_id": pid, "metric": metric.value, "target": target})
        if rng.random() < 0.3:
            outcome_rows.append({"placement_id": pid, "metric": "Podcast episodes", "target": None})
    conn.execute(insert(m.PlacementOutcome), outcome_rows)
    value_rows: list[dict] = []
    for oid_, pid, _metric, target in conn.execute(
        select(
            m.PlacementOutcome.id,
            m.PlacementOutcome.placement_id,
            m.PlacementOutcome.metric,
            m.PlacementOutcome.target,
        ).where(m.PlacementOutcome.placement_id >= first_pid)
    ):
        done_reports = reports.get(pid, [])
        for n, checkin in enumerate(done_reports):
            base = target or 6
            value_rows.append(
                {
                    "outcome_id": oid_,
                    "checkin_id": checkin,
                    "value": max(
                        0,
                        int(
                            base * rng.uniform(0.35, 0.75)
                            if n == 0
                            else base * rng.uniform(0.2, 0.6)
                        ),
                    ),
                    "entered_at": now,
                }
            )
    if value_rows:
        conn.execute(insert(m.OutcomeValue), value_rows)
    # Stage history and contact notes for the timeline.
    history: list[dict] = []
    for _pid, cid, start, _end, status, _share, ended in stored:
        made = dt.datetime.combine(start - dt.timedelta(days=40), dt.time(9))
        history.append({"candidate_id": cid, "at": made, "old": "ready", "new": "proposed"})
        if status != PlacementStatus.PLANNED:
            history.append(
                {
                    "candidate_id": cid,
                    "at": dt.datetime.combine(start, dt.time(9)),
                    "old": "proposed",
                    "new": "placed",
                }
            )
        if ended is not None:
            history.append(
                {
                    "candidate_id": cid,
                    "at": dt.datetime.combine(ended, dt.time(17)),
                    "old": "placed",
                    "new": "alumni",
                }
            )
    if history:
        conn.execute(insert(m.StageChange), history)
    notes = [
        {
            "candidate_id": cid,
            "happened_on": today - dt.timedelta(days=rng.randint(1, 40)),
            "text": rng.choice(NOTES),
            "by": operator,
            "created_at": now,
        }
        for _pid, cid, *_x in stored[:6]
    ]
    if notes:
        conn.execute(insert(m.ContactNote), notes)


def _entry(rid: int, cid: int, rank: int, status: ShortlistStatus, at: dt.datetime) -> dict:
    return {
        "request_id": rid,
        "candidate_id": cid,
        "rank": rank,
        "score": round(80.0 - 4 * rank, 2),
        "score_parts": {},
        "status": status.value,
        "interview_on": None,
        "decline_reason": None,
        "created_at": at,
        "updated_at": at,
    }


def _answer(rid: int, cid: int, status: ShortlistStatus, at: dt.datetime) -> dict:
    return {"request_id": rid, "candidate_id": cid, "status": status.value, "at": at}
