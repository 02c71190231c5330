"""Saved shortlists: the top N for a request, with statuses, notes and a snapshot of the
score parts and weight-profile version that produced them.

Saving again replaces only entries still at *proposed*; anyone already sent, in
interview, accepted or declined stays on the list with their history, so re-ranking
never loses what the coordinator has done with a person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from wir_manager.domain.enums import DeclineReason, ShortlistStatus, WorkMode
from wir_manager.i18n import _, ngettext
from wir_manager.services.concurrency import ensure_unchanged
from wir_manager.services.localefmt import format_number
from wir_manager.services.matching.errors import ShortlistError, UnknownRequestError
from wir_manager.services.matching.explain import near_miss_reason
from wir_manager.services.matching.parts import DEFAULT_PROFILE, PARTS
from wir_manager.services.matching.profiles import save_profile_in
from wir_manager.services.matching.ranking import evaluate_request, parts_dict, resolve_weights
from wir_manager.services.matching.scoring import ranking_order
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.hidden import shown

#: Statuses that still tie a person to a request ("several active shortlists" warning).
ACTIVE_STATUSES = (
    ShortlistStatus.PROPOSED.value,
    ShortlistStatus.SENT.value,
    ShortlistStatus.INTERVIEW.value,
)

#: proposed → sent → interview → accepted / declined; declining (by the IGO) and
#: withdrawing (by the candidate) are possible at any open step; an interview may be
#: moved to another date. Accepting goes through ``placements.accept`` (it needs the
#: placement's dates), so a shortlist never says *accepted* without a placement.
TRANSITIONS: dict[str, frozenset[str]] = {
    ShortlistStatus.PROPOSED.value: frozenset({"sent", "declined", "withdrew"}),
    ShortlistStatus.SENT.value: frozenset({"interview", "accepted", "declined", "withdrew"}),
    ShortlistStatus.INTERVIEW.value: frozenset({"interview", "accepted", "declined", "withdrew"}),
    ShortlistStatus.ACCEPTED.value: frozenset(),
    ShortlistStatus.DECLINED.value: frozenset(),
    ShortlistStatus.WITHDREW.value: frozenset(),
}


def allowed_next(status: str | ShortlistStatus) -> tuple[ShortlistStatus, ...]:
    """The steps a status control may offer from ``status``, in the programme's order."""
    allowed = TRANSITIONS[ShortlistStatus(status).value]
    return tuple(x for x in ShortlistStatus if x.value in allowed)


def refused_step_message(old: ShortlistStatus, new: ShortlistStatus) -> str:
    """One sentence naming the steps that *are* allowed from ``old`` (issue #16.14: a
    refusal that only said "cannot go from Proposed to Accepted" left the person to guess
    the next step), or that ``old`` is a final answer."""
    steps = allowed_next(old)
    if not steps:
        return _(
            "A shortlist entry cannot go from {old} to {new}: {old} is a final answer, "
            "so nothing follows it."
        ).format(old=_(old.label), new=_(new.label))
    return _(
        "A shortlist entry cannot go from {old} to {new}; from {old} the next step is "
        "one of: {steps}."
    ).format(old=_(old.label), new=_(new.label), steps=", ".join(_(x.label) for x in steps))


@dataclass(frozen=True)
class ShortlistRow:
    candidate_id: int
    name: str
    rank: int
    score: float
    parts: dict[str, float]
    status: str
    note: str | None
    profile_name: str | None
    profile_version: int | None
    #: Other requests where this person is proposed, sent or in interview.
    other_active_shortlists: int
    #: False when the person withdrew consent to be proposed after the list was saved:
    #: they must not be sent (the dossier leaves them out; the screen warns).
    consent_propose: bool = True
    #: True when the person has since said they will not relocate, lives outside the
    #: duty country and the post is on site or hybrid: the next ranking would knock them
    #: out, so the screen warns before the list is sent.
    relocation_refused: bool = False
    #: The IGO's latest answer in detail: interview date, decline reason and its text.
    interview_on: dt.date | None = None
    decline_reason: str | None = None
    decline_note: str | None = None
    #: The entry's ``updated_at`` when read: an answer or note saved with it is refused
    #: (who and when) if someone else changed the entry since.
    updated_at: dt.datetime | None = None


def _check_request(s: Session, request_id: int) -> None:
    if s.get(m.PlacementRequest, request_id) is None:
        raise UnknownRequestError(
            _("There is no placement request with id {id}.").format(id=request_id)
        )


def _rows(db: Database, s: Session, request_id: int) -> list[ShortlistRow]:
    e = m.ShortlistEntry
    request = s.get(m.PlacementRequest, request_id)
    duty = (request.duty_country or "").strip().upper() if request is not None else ""
    on_site = request is not None and bool(duty) and request.work_mode != WorkMode.REMOTE

    def refused(country: str | None, willing: bool | None) -> bool:
        return on_site and willing is False and (country or "").strip().upper() != duty

    # A viewer on a team server may not read the coordinator's notes (a column
    # privilege): the shortlist shows them empty rather than being refused whole.
    note, decline_note = shown(db, e.note), shown(db, e.decline_note)
    others = (
        select(e.candidate_id, func.count().label("n"))
        .where(e.request_id != request_id, type_coerce(e.status, String).in_(ACTIVE_STATUSES))
        .group_by(e.candidate_id)
        .subquery()
    )
    rows = s.execute(
        select(
            e.candidate_id,
            m.Candidate.full_name,
            e.rank,
            e.score,
            e.score_parts,
            type_coerce(e.status, String),
            note,
            m.WeightProfile.name,
            e.profile_version,
            func.coalesce(others.c.n, 0),
            m.Candidate.consent_propose,
            m.Candidate.country,
            m.Candidate.willing_to_relocate,
            e.interview_on,
            e.decline_reason,
            decline_note,
            e.updated_at,
        )
        .join(m.Candidate, m.Candidate.id == e.candidate_id)
        .outerjoin(m.WeightProfile, m.WeightProfile.id == e.profile_id)
        .outerjoin(others, others.c.candidate_id == e.candidate_id)
        .where(e.request_id == request_id)
        .order_by(e.rank, e.candidate_id)
    ).all()
    return [
        ShortlistRow(
            candidate_id=cid,
            name=name,
            rank=rank,
            score=float(score),
            parts={p: float((parts or {}).get(p, 0.0)) for p in PARTS},
            status=status,
            note=note,
            profile_name=profile,
            profile_version=version,
            other_active_shortlists=int(n),
            consent_propose=bool(consent),
            relocation_refused=refused(country, willing),
            interview_on=interview_on,
            decline_reason=reason,
            decline_note=reason_note,
            updated_at=updated_at,
        )
        for (
            cid,
            name,
            rank,
            score,
            parts,
            status,
            note,
            profile,
            version,
            n,
            consent,
            country,
            willing,
            interview_on,
            reason,
            reason_note,
            updated_at,
        ) in rows
    ]


def saved_shortlist(db: Database, request_id: int) -> list[ShortlistRow]:
    """The saved shortlist of a request, by rank; ``[]`` when none is saved."""
    with db.session() as s:
        _check_request(s, request_id)
        return _rows(db, s, request_id)


@dataclass(frozen=True, slots=True)
class ShortlistPlan:
    """One request's shortlist as it will be written: who, in which order, with their
    scores. Planning reads (and checks every person); writing it is
    :func:`write_shortlist_in`, so several requests' lists can share one transaction."""

    request_id: int
    profile: str
    weights: dict[str, float]
    #: (candidate id, score, score parts) in rank order.
    picked: tuple[tuple[int, float, dict[str, float]], ...]
    #: Near misses saved on purpose: candidate id -> the required item they miss.
    missing: dict[int, str] = field(default_factory=dict)


def plan_shortlist(
    db: Database,
    request_id: int,
    top: int,
    *,
    weights: Mapping[str, float] | None = None,
    candidate_ids: list[int] | None = None,
    profile: str = DEFAULT_PROFILE,
    include_in_training: bool | None = None,
    near_misses: Collection[int] = (),
) -> ShortlistPlan:
    """Choose and check who :func:`save_shortlist` would save; nothing is written.
    Raises :class:`ShortlistError` with the sentence a coordinator sees.

    ``near_misses``: people among ``candidate_ids`` the coordinator chose knowing they
    miss one required item (issue #16.17; the screen confirms first, naming the item).
    They may be saved if they miss exactly one; the plan notes which item."""
    if candidate_ids is None and (not isinstance(top, int) or top < 1):
        raise ShortlistError(_("Choose how many candidates to shortlist (1 or more)."))
    _pid, _name, _version, merged = resolve_weights(db, dict(weights or {}), profile)
    with db.connection() as conn:
        req, pool, ev = evaluate_request(conn, request_id, merged, include_in_training, db=db)
    allowed = {int(c) for c in near_misses}
    chosen_near = (
        np.isin(pool.ids, np.fromiter(allowed, dtype=np.int64)) & (ev.fails == 1)
        if allowed and candidate_ids is not None
        else np.zeros(len(pool.ids), dtype=bool)
    )
    order = ranking_order(ev.score, pool.ids, ev.eligible | chosen_near)
    missing: dict[int, str] = {}
    if candidate_ids is None:
        picked = [int(i) for i in order[:top]]
        if not picked:
            raise ShortlistError(
                _(
                    "Nobody meets every required item of this request, so there is nothing "
                    "to shortlist; nothing was changed."
                )
            )
    else:
        wanted = list(dict.fromkeys(int(c) for c in candidate_ids))
        if not wanted:
            raise ShortlistError(_("Tick at least one candidate to save a shortlist."))
        index = {int(cid): i for i, cid in enumerate(pool.ids)}
        for cid in wanted:
            i = index.get(cid)
            if i is None:
                raise ShortlistError(
                    _(
                        "Candidate {id} cannot be proposed (no consent to be proposed, or not "
                        "ready); nothing was saved."
                    ).format(id=cid)
                )
            if not ev.eligible[i]:
                reason = near_miss_reason(ev.checks[int(ev.first_fail[i])], req, pool, i)
                if chosen_near[i]:
                    missing[cid] = reason
                    continue
                raise ShortlistError(
                    _(
                        "Candidate {id} does not meet this request's requirements ({reason}); "
                        "nothing was saved."
                    ).format(id=cid, reason=reason)
                )
        chosen = set(wanted)
        picked = [int(i) for i in order if int(pool.ids[i]) in chosen]
    return ShortlistPlan(
        request_id=request_id,
        profile=profile,
        weights=dict(merged),
        picked=tuple(
            (int(pool.ids[i]), float(ev.score[i]), parts_dict(ev.parts[i])) for i in picked
        ),
        missing=missing,
    )


def write_shortlist_in(db: Database, s: Session, plan: ShortlistPlan) -> list[ShortlistRow]:
    """Write a planned shortlist in the caller's transaction: people no longer picked and
    still only *proposed* leave it; those already sent, interviewed or answered stay,
    after the picked ones, with their history."""
    request_id = plan.request_id
    _check_request(s, request_id)
    stored = save_profile_in(s, plan.profile, plan.weights)
    existing = {
        e.candidate_id: e
        for e in s.execute(
            select(m.ShortlistEntry).where(m.ShortlistEntry.request_id == request_id)
        ).scalars()
    }
    picked_ids = [cid for cid, _score, _parts in plan.picked]
    for cid, entry in existing.items():
        if cid not in picked_ids and entry.status == ShortlistStatus.PROPOSED:
            s.delete(entry)
    s.flush()
    rank = 0
    for cid, score, parts in plan.picked:
        rank += 1
        entry = existing.get(cid)
        if entry is None:
            entry = m.ShortlistEntry(request_id=request_id, candidate_id=cid)
            s.add(entry)
        entry.rank = rank
        entry.score = score
        entry.score_parts = parts
        entry.profile_id = stored.id
        entry.profile_version = stored.version
        if cid in plan.missing and not entry.note:
            entry.note = _("Near miss: {reason}").format(reason=plan.missing[cid])
    kept = sorted(
        (e for cid, e in existing.items() if cid not in picked_ids and e.status != "proposed"),
        key=lambda e: (e.rank, e.candidate_id),
    )
    for entry in kept:
        rank += 1
        entry.rank = rank
    s.flush()
    return _rows(db, s, request_id)


def save_shortlist(
    db: Database,
    request_id: int,
    top: int,
    *,
    weights: Mapping[str, float] | None = None,
    candidate_ids: list[int] | None = None,
    profile: str = DEFAULT_PROFILE,
    include_in_training: bool | None = None,
    near_misses: Collection[int] = (),
) -> list[ShortlistRow]:
    """Save the ``top`` best eligible candidates (or exactly ``candidate_ids``, who must all
    be eligible, or confirmed ``near_misses``, see :func:`plan_shortlist`) as the
    request's shortlist; changed ``weights`` are stored as the next version of
    ``profile`` so the shortlist can name the weights that produced it."""
    plan = plan_shortlist(
        db,
        request_id,
        top,
        weights=weights,
        candidate_ids=candidate_ids,
        profile=profile,
        include_in_training=include_in_training,
        near_misses=near_misses,
    )
    with db.session(write=True) as s:
        return write_shortlist_in(db, s, plan)


def active_shortlist_counts(
    db: Database, candidate_ids: list[int], exclude_request_id: int | None = None
) -> dict[int, int]:
    """For each given person, on how many (other) requests' shortlists they are active;
    people on none are left out. Feeds the "on several shortlists" warning in rankings."""
    e = m.ShortlistEntry
    counts: dict[int, int] = {}
    ids = list(dict.fromkeys(int(c) for c in candidate_ids))
    with db.engine.connect() as conn:
        for start in range(0, len(ids), 500):
            query = (
                select(e.candidate_id, func.count())
                .where(
                    e.candidate_id.in_(ids[start : start + 500]),
                    type_coerce(e.status, String).in_(ACTIVE_STATUSES),
                )
                .group_by(e.candidate_id)
            )
            if exclude_request_id is not None:
                query = query.where(e.request_id != exclude_request_id)
            counts.update((int(c), int(n)) for c, n in conn.execute(query))
    return counts


def _entry(s: Session, request_id: int, candidate_id: int) -> m.ShortlistEntry:
    _check_request(s, request_id)
    entry = s.execute(
        select(m.ShortlistEntry).where(
            m.ShortlistEntry.request_id == request_id,
            m.ShortlistEntry.candidate_id == candidate_id,
        )
    ).scalar_one_or_none()
    if entry is None:
        raise ShortlistError(
            _("Candidate {cid} is not on the shortlist of request {rid}.").format(
                cid=candidate_id, rid=request_id
            )
        )
    return entry


def set_status(
    db: Database,
    request_id: int,
    candidate_id: int,
    status: str,
    *,
    interview_on: dt.date | None = None,
    reason: str | None = None,
    note: str | None = None,
    expected_updated_at: dt.datetime | None = None,
) -> ShortlistRow:
    """Record the IGO's answer for one shortlisted person: sent, interview requested (on
    ``interview_on``), declined (``reason`` from :class:`DeclineReason` plus free
    ``note``) or the candidate withdrew. Only the allowed next steps are accepted; each
    answer is kept in ``shortlist_answers`` for the timeline and the equity figures.
    *Accepted* is recorded by ``placements.accept`` together with the placement. With
    ``expected_updated_at`` (the :attr:`ShortlistRow.updated_at` shown), an entry someone
    else changed since is not answered over: :class:`ConcurrentEditError`."""
    try:
        new = ShortlistStatus(status)
    except ValueError:
        raise ShortlistError(
            _("“{status}” is not a shortlist status; use one of: {all}.").format(
                status=status, all=", ".join(x.value for x in ShortlistStatus)
            )
        ) from None
    text = (note or "").strip() or None
    with db.session(write=True) as s:
        entry = ensure_unchanged(
            s, m.ShortlistEntry, _entry(s, request_id, candidate_id).id, expected_updated_at
        )
        old = ShortlistStatus(entry.status)
        if new == old and new != ShortlistStatus.INTERVIEW:
            return next(r for r in _rows(db, s, request_id) if r.candidate_id == candidate_id)
        if new.value not in TRANSITIONS[old.value]:
            raise ShortlistError(refused_step_message(old, new))
        if new == ShortlistStatus.ACCEPTED:
            raise ShortlistError(
                _(
                    "Record an acceptance with its placement (start and end date): "
                    "“Accepted…” on the shortlist, or wir-manager placement accept."
                )
            )
        code = None
        if new == ShortlistStatus.INTERVIEW:
            if interview_on is None:
                raise ShortlistError(_("Give the date of the interview."))
            entry.interview_on = interview_on
        if new == ShortlistStatus.DECLINED:
            try:
                # No reason given (older scripts): "other", so nothing is invented.
                code = DeclineReason(reason or DeclineReason.OTHER.value).value
            except ValueError:
                raise ShortlistError(
                    _("Give the reason for declining, one of: {all}.").format(
                        all=", ".join(x.value for x in DeclineReason)
                    )
                ) from None
            entry.decline_reason = code
            entry.decline_note = text
        entry.status = new
        s.add(
            m.ShortlistAnswer(
                request_id=request_id,
                candidate_id=candidate_id,
                status=new,
                interview_on=interview_on if new == ShortlistStatus.INTERVIEW else None,
                reason=code,
                note=text,
            )
        )
        s.flush()
        return next(r for r in _rows(db, s, request_id) if r.candidate_id == candidate_id)


def over_positions(db: Database, request_id: int) -> tuple[int, int] | None:
    """(people on the saved shortlist still open, positions) when there are more people
    than positions, else None: the save warns, since every extra person is someone
    the IGO will have to turn down."""
    e = m.ShortlistEntry
    with db.session() as s:
        req = s.get(m.PlacementRequest, request_id)
        if req is None:
            return None
        n = int(
            s.scalar(
                select(func.count())
                .select_from(e)
                .where(
                    e.request_id == request_id,
                    type_coerce(e.status, String).in_((*ACTIVE_STATUSES, "accepted")),
                )
            )
            or 0
        )
        return (n, int(req.positions)) if n > req.positions else None


def positions_warning(db: Database, request_id: int) -> str | None:
    """The sentence for :func:`over_positions`, or None."""
    over = over_positions(db, request_id)
    if over is None:
        return None
    people = ngettext(
        "The shortlist has {n} person", "The shortlist has {n} people", over[0]
    ).format(n=format_number(over[0]))
    return ngettext(
        "{people} for {positions} position; the IGO will have to turn the others down.",
        "{people} for {positions} positions; the IGO will have to turn the others down.",
        over[1],
    ).format(people=people, positions=format_number(over[1]))


def set_note(
    db: Database,
    request_id: int,
    candidate_id: int,
    note: str | None,
    *,
    expected_updated_at: dt.datetime | None = None,
) -> ShortlistRow:
    """Store the coordinator's note on one shortlisted person (empty text clears it);
    ``expected_updated_at`` as for :func:`set_status`."""
    with db.session(write=True) as s:
        entry = ensure_unchanged(
            s, m.ShortlistEntry, _entry(s, request_id, candidate_id).id, expected_updated_at
        )
        entry.note = (note or "").strip() or None
        s.flush()
        return next(r for r in _rows(db, s, request_id) if r.candidate_id == candidate_id)


def remove_from_shortlist(db: Database, request_id: int, candidate_id: int) -> None:
    """Take one person off a shortlist (the remaining ranks close up)."""
    with db.session(write=True) as s:
        s.delete(_entry(s, request_id, candidate_id))
        s.flush()
        for rank, entry in enumerate(
            s.execute(
                select(m.ShortlistEntry)
                .where(m.ShortlistEntry.request_id == request_id)
                .order_by(m.ShortlistEntry.rank, m.ShortlistEntry.candidate_id)
            ).scalars(),
            start=1,
        ):
            entry.rank = rank


def clear_shortlist(db: Database, request_id: int) -> int:
    """Delete the proposed entries of a request's shortlist; returns how many went."""
    with db.session(write=True) as s:
        _check_request(s, request_id)
        gone = s.execute(
            select(m.ShortlistEntry).where(
                m.ShortlistEntry.request_id == request_id,
                type_coerce(m.ShortlistEntry.status, String) == ShortlistStatus.PROPOSED.value,
            )
        ).scalars()
        count = 0
        for entry in gone:
            s.delete(entry)
            count += 1
        return count


__all__ = [
    "ACTIVE_STATUSES",
    "ShortlistRow",
    "active_shortlist_counts",
    "allowed_next",
    "clear_shortlist",
    "over_positions",
    "positions_warning",
    "remove_from_shortlist",
    "save_shortlist",
    "saved_shortlist",
    "set_note",
    "set_status",
]
