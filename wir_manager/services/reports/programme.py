"""The programme report's figures: funnel, time to fill, placements per organisation,
region and gender, outcomes against targets, and the equity of selection.

Everything here is an aggregate: counts per stage, per organisation, per UN region, per
gender, sums of outcomes. No name, username, e-mail or record id of a person appears in
a :class:`ProgrammeReport`, so the PDF and the workbook built from it can go to funders.

Period semantics (``start``/``end``, both inclusive, None = open):

* funnel: candidates whose record existed by the end of the period, at their current
  stage (a stage history for older data does not exist);
* placements and outcomes: placements (not cancelled) whose period overlaps it;
* time to fill: requests whose last position was filled within it;
* equity: shortlist entries made within it (see :mod:`.equity`).

All figures come from a handful of grouped queries (the equity counts too), so 50,000
candidates and 2,000 placements take well under a second (``bench/reports.py``).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import String, and_, case, func, or_, select, type_coerce

from wir_manager.domain.enums import PlacementStatus, ShortlistStatus, Stage
from wir_manager.i18n import _
from wir_manager.services.placements.records import STANDARD_METRICS, metric_label
from wir_manager.services.reports.equity import EquityTable, equity_table
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

#: The funnel's steps, in programme order (withdrawn is counted beside it).
FUNNEL = (
    Stage.APPLIED,
    Stage.SCREENED,
    Stage.IN_TRAINING,
    Stage.READY,
    Stage.PROPOSED,
    Stage.PLACED,
    Stage.ALUMNI,
)
#: Stages at or beyond "ready": the people who could be proposed.
READY_OR_LATER = (Stage.READY, Stage.PROPOSED, Stage.PLACED, Stage.ALUMNI)
HOLDING = (
    PlacementStatus.PLANNED.value,
    PlacementStatus.ACTIVE.value,
    PlacementStatus.COMPLETED.value,
    PlacementStatus.ENDED_EARLY.value,
)


@dataclass(frozen=True, slots=True)
class FunnelStep:
    stage: str
    at_stage: int
    #: People at this stage or any later one (the step's reach).
    reached: int
    #: reached(next) / reached(this); None for the last step or an empty step.
    conversion: float | None


@dataclass(frozen=True, slots=True)
class FillTime:
    request_title: str
    organisation: str
    days: int


@dataclass(frozen=True, slots=True)
class OutcomeTotal:
    metric: str
    target: int
    actual: int

    @property
    def label(self) -> str:
        return metric_label(self.metric)


@dataclass(frozen=True)
class ProgrammeReport:
    start: dt.date | None
    end: dt.date | None
    generated_on: dt.date
    candidates: int
    withdrawn: int
    funnel: tuple[FunnelStep, ...]
    fill_times: tuple[FillTime, ...]
    placements: int
    by_organisation: tuple[tuple[str, int], ...]
    by_region: tuple[tuple[str, int], ...]
    by_gender: tuple[tuple[str, int], ...]
    by_status: tuple[tuple[str, int], ...]
    outcomes: tuple[OutcomeTotal, ...]
    equity: tuple[EquityTable, ...] = field(default=())

    @property
    def median_days_to_fill(self) -> float | None:
        days = [f.days for f in self.fill_times]
        return float(statistics.median(days)) if days else None

    @property
    def mean_days_to_fill(self) -> float | None:
        days = [f.days for f in self.fill_times]
        return sum(days) / len(days) if days else None


def not_recorded() -> str:
    return _("Not recorded")


def region_label(code: str | None) -> str:
    if not code:
        return not_recorded()
    from wir_manager.services.localefmt import region_name

    return region_name(code)


def gender_key(value: str | None) -> str:
    """Genders are free text ("Woman", "woman ", "female"…): grouped case-insensitively;
    empty → not recorded. No mapping between words is invented."""
    text = " ".join((value or "").split()).casefold()
    return text


def gender_label(key: str) -> str:
    return key[:1].upper() + key[1:] if key else not_recorded()


def _in_period(start_col, end_col, start: dt.date | None, end: dt.date | None):  # type: ignore[no-untyped-def]
    conds = []
    if end is not None:
        conds.append(start_col <= end)
    if start is not None:
        conds.append(end_col >= start)
    return and_(*conds) if conds else None


def _where(query, cond):  # type: ignore[no-untyped-def]
    return query if cond is None else query.where(cond)


def _sorted(counter: Counter) -> tuple[tuple[str, int], ...]:  # type: ignore[type-arg]
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def build_report(
    db: Database,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    today: dt.date | None = None,
) -> ProgrammeReport:
    """Compute every figure of the programme report for the period."""
    if start is not None and end is not None and end < start:
        raise ValueError(_("The period ends before it starts."))
    c, p, r, o = m.Candidate, m.Placement, m.PlacementRequest, m.Organisation
    stage_col = type_coerce(c.stage, String)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time()) if end else None
    since = dt.datetime.combine(start, dt.time()) if start else None
    with db.engine.connect() as conn:
        q = select(stage_col, func.count()).group_by(stage_col)
        if until is not None:
            q = q.where(c.created_at < until)
        stages = {s: int(n) for s, n in conn.execute(q)}
        # Funnel.
        counts = [stages.get(s.value, 0) for s in FUNNEL]
        reached = [sum(counts[i:]) for i in range(len(counts))]
        funnel = tuple(
            FunnelStep(
                s.value,
                counts[i],
                reached[i],
                (reached[i + 1] / reached[i]) if i + 1 < len(counts) and reached[i] else None,
            )
            for i, s in enumerate(FUNNEL)
        )
        # Placements in the period, with the person's region and gender (aggregated).
        status = type_coerce(p.status, String)
        pq = _where(
            select(
                p.id,
                func.coalesce(o.acronym, o.name),
                c.region,
                c.gender,
                status,
            )
            .outerjoin(o, o.id == p.organisation_id)
            .outerjoin(c, c.id == p.candidate_id)
            .where(status.in_(HOLDING)),
            _in_period(p.start_date, p.end_date, start, end),
        )
        by_org: Counter = Counter()  # type: ignore[type-arg]
        by_region: Counter = Counter()  # type: ignore[type-arg]
        by_gender: Counter = Counter()  # type: ignore[type-arg]
        by_status: Counter = Counter()  # type: ignore[type-arg]
        placement_ids: list[int] = []
        raw: Counter = Counter()  # type: ignore[type-arg]
        for pid, org, region, gender, st in conn.execute(pq).all():
            placement_ids.append(pid)
            raw[(org, region, gender_key(gender), st)] += 1
        # Labels once per distinct value (a locale lookup per row would dominate).
        for (org, region, gender, st), n in raw.items():
            by_org[org or not_recorded()] += n
            by_region[region_label(region)] += n
            by_gender[gender_label(gender)] += n
            by_status[_(PlacementStatus(st).label)] += n
        # Outcomes of those placements.
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        if placement_ids:
            oc, ov = m.PlacementOutcome, m.OutcomeValue
            actual = (
                select(ov.outcome_id, func.sum(ov.value).label("total"))
                .group_by(ov.outcome_id)
                .subquery()
            )
            for chunk_start in range(0, len(placement_ids), 900):
                chunk = placement_ids[chunk_start : chunk_start + 900]
                for metric, target, total in conn.execute(
                    select(
                        oc.metric,
                        func.sum(func.coalesce(oc.target, 0)),
                        func.sum(func.coalesce(actual.c.total, 0)),
                    )
                    .outerjoin(actual, actual.c.outcome_id == oc.id)
                    .where(oc.placement_id.in_(chunk))
                    .group_by(oc.metric)
                ):
                    totals[metric][0] += int(target or 0)
                    totals[metric][1] += int(total or 0)
        order = {k: i for i, k in enumerate(STANDARD_METRICS)}
        outcomes = tuple(
            OutcomeTotal(metric, t, a)
            for metric, (t, a) in sorted(
                totals.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0].lower())
            )
        )
        # Time from request to filled.
        positions = {
            rid: (title, org, n, created)
            for rid, title, org, n, created in conn.execute(
                select(
                    r.id, r.title, func.coalesce(o.acronym, o.name), r.positions, r.created_at
                ).join(o, o.id == r.organisation_id)
            )
        }
        made: dict[int, list[dt.datetime]] = defaultdict(list)
        for rid, created in conn.execute(
            select(p.request_id, p.created_at).where(
                p.request_id.is_not(None), status.in_(HOLDING), p.created_at.is_not(None)
            )
        ):
            made[rid].append(created)
        fills = []
        for rid, stamps in made.items():
            if rid not in positions:
                continue
            title, org, n, created = positions[rid]
            if len(stamps) < n or created is None:
                continue
            filled_at = sorted(stamps)[n - 1]
            if since is not None and filled_at < since:
                continue
            if until is not None and filled_at >= until:
                continue
            fills.append(FillTime(title, org, max((filled_at.date() - created.date()).days, 0)))
        fills.sort(key=lambda f: (f.days, f.request_title))
        total_people = sum(stages.values())
        equity = equity_tables(conn, since, until)
    return ProgrammeReport(
        start=start,
        end=end,
        generated_on=today or dt.date.today(),
        candidates=total_people,
        withdrawn=stages.get(Stage.WITHDRAWN.value, 0),
        funnel=funnel,
        fill_times=tuple(fills),
        placements=len(placement_ids),
        by_organisation=_sorted(by_org),
        by_region=_sorted(by_region),
        by_gender=_sorted(by_gender),
        by_status=_sorted(by_status),
        outcomes=outcomes,
        equity=equity,
    )


def equity_tables(
    conn, since: dt.datetime | None, until: dt.datetime | None
) -> tuple[EquityTable, ...]:  # type: ignore[no-untyped-def]
    """Selection rates at two steps by UN region and by gender.

    * ready → proposed: people at *ready* or later (who could be proposed) — how many of
      them were put on a shortlist in the period;
    * proposed → accepted: people put on a shortlist in the period — how many of them
      were accepted (an accepted entry).

    The database counts the people per (region, gender) in two grouped queries; Python
    only folds the few groups into regions and genders (genders are free text grouped
    case-insensitively). Fifty thousand candidates cost two index scans, not a Python
    loop over every person.
    """
    c, e = m.Candidate, m.ShortlistEntry
    stage_col = type_coerce(c.stage, String)
    entry_cond = []
    if since is not None:
        entry_cond.append(e.created_at >= since)
    if until is not None:
        entry_cond.append(e.created_at < until)
    accepted_flag = func.max(
        case((type_coerce(e.status, String) == ShortlistStatus.ACCEPTED.value, 1), else_=0)
    )
    shortlisted = (
        select(e.candidate_id.label("cid"), accepted_flag.label("accepted"))
        .where(*entry_cond)
        .group_by(e.candidate_id)
        .subquery()
    )
    could = stage_col.in_([s.value for s in READY_OR_LATER])
    if until is not None:
        could = and_(could, c.created_at < until)
    # (region, gender) → (considered, selected) for ready → proposed …
    ready_rows = conn.execute(
        select(c.region, c.gender, func.count(), func.count(shortlisted.c.cid))
        .outerjoin(shortlisted, shortlisted.c.cid == c.id)
        .where(or_(could, shortlisted.c.cid.is_not(None)))
        .group_by(c.region, c.gender)
    ).all()
    # … and for proposed → accepted.
    accepted_rows = conn.execute(
        select(c.region, c.gender, func.count(), func.sum(shortlisted.c.accepted))
        .join(shortlisted, shortlisted.c.cid == c.id)
        .group_by(c.region, c.gender)
    ).all()
    tables = []
    for dim, key, label in (
        ("region", lambda region, _gender: region or "", region_label),
        ("gender", lambda _region, gender: gender_key(gender), gender_label),
    ):
        for step, rows in (("ready_proposed", ready_rows), ("proposed_accepted", accepted_rows)):
            considered: Counter = Counter()  # type: ignore[type-arg]
            selected: Counter = Counter()  # type: ignore[type-arg]
            for region, gender, n, chosen in rows:
                group = key(region, gender)
                considered[group] += int(n)
                selected[group] += int(chosen or 0)
            tables.append(
                equity_table(step, dim, {label(g): (n, selected[g]) for g, n in considered.items()})
            )
    order = {("ready_proposed", "region"): 0, ("proposed_accepted", "region"): 1}
    order |= {("ready_proposed", "gender"): 2, ("proposed_accepted", "gender"): 3}
    return tuple(sorted(tables, key=lambda t: order[(t.step, t.dimension)]))
