"""Outcomes of a placement: targets and actuals for the standard metrics and free ones.

Actuals are entered per report (a check-in, the mid-term or the final report), so the
programme can show how a residency progressed; one value may also stand on its own
(``checkin_id`` None), which is what ``wir-manager placement outcome`` writes. The
total of a metric is the sum of its values. Setting a value replaces the previous value
for the same report, so a script that runs twice does not count twice.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wir_manager.i18n import _
from wir_manager.services.placements.records import (
    STANDARD_METRICS,
    OutcomeRecord,
    PlacementError,
    PlacementNotFoundError,
)
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

MAX_METRIC_NAME = 100
MAX_VALUE = 10**15


def normalise_metric(metric: str) -> str:
    """A standard key as is ("articles_created"); a free metric keeps its name, trimmed."""
    name = " ".join((metric or "").split())
    if not name:
        raise PlacementError(_("Give the metric's name."))
    if name.lower() in STANDARD_METRICS:
        return name.lower()
    if len(name) > MAX_METRIC_NAME:
        raise PlacementError(
            _("A metric name may have at most {n} characters.").format(n=MAX_METRIC_NAME)
        )
    return name


def _value(value: int | str) -> int:
    try:
        number = int(str(value).strip().replace(" ", "").replace(",", "").replace("\u00a0", ""))
    except ValueError:
        raise PlacementError(_("“{value}” is not a whole number.").format(value=value)) from None
    if number < 0 or number > MAX_VALUE:
        raise PlacementError(_("An outcome must be a whole number of 0 or more."))
    return number


def _check_report(s: Session, placement_id: int, checkin_id: int | None) -> None:
    """A value tied to a report must be tied to one of this placement's reports."""
    if checkin_id is None:
        return
    c = s.get(m.PlacementCheckin, checkin_id)
    if c is None or c.placement_id != placement_id:
        raise PlacementError(
            _("Report {id} does not belong to placement {pid}.").format(
                id=checkin_id, pid=placement_id
            )
        )


def _outcome(s: Session, placement_id: int, metric: str) -> m.PlacementOutcome:
    if s.get(m.Placement, placement_id) is None:
        raise PlacementNotFoundError(
            _("There is no placement with id {id}.").format(id=placement_id)
        )
    o = m.PlacementOutcome
    row = s.scalars(select(o).where(o.placement_id == placement_id, o.metric == metric)).first()
    if row is None:
        row = m.PlacementOutcome(placement_id=placement_id, metric=metric)
        s.add(row)
        s.flush()
    return row


def outcomes_in(s: Session, placement_id: int) -> list[OutcomeRecord]:
    """Standard metrics first (in their order), then free ones by name."""
    o, v = m.PlacementOutcome, m.OutcomeValue
    rows = s.execute(select(o.id, o.metric, o.target).where(o.placement_id == placement_id)).all()
    values: dict[int, list[tuple[int | None, int]]] = {}
    if rows:
        for oid, checkin, value in s.execute(
            select(v.outcome_id, v.checkin_id, v.value)
            .where(v.outcome_id.in_([r[0] for r in rows]))
            .order_by(v.id)
        ):
            values.setdefault(oid, []).append((checkin, int(value)))

    def order(row: tuple) -> tuple:  # type: ignore[type-arg]
        metric = row[1]
        if metric in STANDARD_METRICS:
            return (0, STANDARD_METRICS.index(metric), "")
        return (1, 0, metric.lower())

    return [
        OutcomeRecord(
            metric=metric,
            target=None if target is None else int(target),
            actual=sum(val for _c, val in values.get(oid, [])),
            per_report=tuple(values.get(oid, [])),
        )
        for oid, metric, target in sorted(rows, key=order)
    ]


def outcomes(db: Database, placement_id: int) -> list[OutcomeRecord]:
    with db.session() as s:
        if s.get(m.Placement, placement_id) is None:
            raise PlacementNotFoundError(
                _("There is no placement with id {id}.").format(id=placement_id)
            )
        return outcomes_in(s, placement_id)


def set_target(
    db: Database, placement_id: int, metric: str, target: int | str | None
) -> OutcomeRecord:
    """Set (or with None clear) the target of one metric."""
    name = normalise_metric(metric)
    with db.session() as s:
        row = _outcome(s, placement_id, name)
        row.target = None if target is None or str(target).strip() == "" else _value(target)
        s.flush()
        return next(x for x in outcomes_in(s, placement_id) if x.metric == name)


def set_actual(
    db: Database,
    placement_id: int,
    metric: str,
    value: int | str | None,
    *,
    checkin_id: int | None = None,
) -> OutcomeRecord:
    """Set the actual of one metric for one report (None: not tied to a report);
    ``value`` None removes that report's value."""
    name = normalise_metric(metric)
    with db.session() as s:
        _check_report(s, placement_id, checkin_id)
        row = _outcome(s, placement_id, name)
        v = m.OutcomeValue
        existing = s.scalars(
            select(v).where(
                v.outcome_id == row.id,
                v.checkin_id.is_(None) if checkin_id is None else v.checkin_id == checkin_id,
            )
        ).first()
        if value is None or str(value).strip() == "":
            if existing is not None:
                s.delete(existing)
        else:
            number = _value(value)
            if existing is None:
                s.add(m.OutcomeValue(outcome_id=row.id, checkin_id=checkin_id, value=number))
            else:
                existing.value = number
        s.flush()
        return next(x for x in outcomes_in(s, placement_id) if x.metric == name)


def set_totals(
    db: Database, placement_id: int, figures: Mapping[str, int | str]
) -> list[OutcomeRecord]:
    """Make each metric's total equal a measured figure, in one transaction.

    Used when the coordinator accepts (or corrects) what the wikis measured over the
    whole placement window. Values the resident reported at check-ins stay as they were
    (they are the residency's history); the stand-alone value of the metric takes the
    difference, so the total is the measured figure and accepting twice changes nothing.
    When the reports already add up to more than the figure, the stand-alone value is
    removed and the reports' sum stands (the record shows both, nothing is thrown away).
    """
    names = {normalise_metric(metric): _value(value) for metric, value in figures.items()}
    with db.session() as s:
        v = m.OutcomeValue
        for name, figure in names.items():
            row = _outcome(s, placement_id, name)
            values = list(s.scalars(select(v).where(v.outcome_id == row.id)))
            standalone = next((x for x in values if x.checkin_id is None), None)
            reported = sum(int(x.value) for x in values if x.checkin_id is not None)
            rest = figure - reported
            if rest > 0:
                if standalone is None:
                    s.add(m.OutcomeValue(outcome_id=row.id, checkin_id=None, value=rest))
                else:
                    standalone.value = rest
            elif standalone is not None:
                s.delete(standalone)
        s.flush()
        return outcomes_in(s, placement_id)


def save_outcomes(
    db: Database,
    placement_id: int,
    values: Mapping[str, tuple[int | str | None, int | str | None]],
    *,
    checkin_id: int | None = None,
) -> list[OutcomeRecord]:
    """Targets and actuals of several metrics as a form holds them (metric → (target,
    actual); None or "" clears), in ONE transaction: every value is checked first, so
    one bad value changes nothing and its sentence names it. The actuals belong to
    report ``checkin_id`` (None: not tied to a report). Metrics left empty that were
    never stored are not created."""
    checked: list[tuple[str, int | None, int | None]] = []
    for metric, (target, actual) in values.items():
        name = normalise_metric(metric)
        t = None if target is None or str(target).strip() == "" else _value(target)
        a = None if actual is None or str(actual).strip() == "" else _value(actual)
        checked.append((name, t, a))
    with db.session() as s:
        if s.get(m.Placement, placement_id) is None:
            raise PlacementNotFoundError(
                _("There is no placement with id {id}.").format(id=placement_id)
            )
        _check_report(s, placement_id, checkin_id)
        o, v = m.PlacementOutcome, m.OutcomeValue
        stored = {
            row.metric: row for row in s.scalars(select(o).where(o.placement_id == placement_id))
        }
        for name, target, actual in checked:
            row = stored.get(name)
            if row is None:
                if target is None and actual is None:
                    continue
                row = _outcome(s, placement_id, name)
            if row.target != target:
                row.target = target
            existing = s.scalars(
                select(v).where(
                    v.outcome_id == row.id,
                    v.checkin_id.is_(None) if checkin_id is None else v.checkin_id == checkin_id,
                )
            ).first()
            if actual is None:
                if existing is not None:
                    s.delete(existing)
            elif existing is None:
                s.add(m.OutcomeValue(outcome_id=row.id, checkin_id=checkin_id, value=actual))
            elif existing.value != actual:
                existing.value = actual
        s.flush()
        return outcomes_in(s, placement_id)


def remove_metric(db: Database, placement_id: int, metric: str) -> None:
    """Drop a (free) metric with its target and values."""
    name = normalise_metric(metric)
    with db.session() as s:
        o = m.PlacementOutcome
        row = s.scalars(select(o).where(o.placement_id == placement_id, o.metric == name)).first()
        if row is not None:
            s.delete(row)


def totals(db: Database, placement_ids: list[int] | None = None) -> dict[str, tuple[int, int]]:
    """metric → (sum of targets, sum of actuals) over the given placements (all if None)."""
    o, v = m.PlacementOutcome, m.OutcomeValue
    actual = (
        select(v.outcome_id, func.sum(v.value).label("total")).group_by(v.outcome_id).subquery()
    )
    query = (
        select(
            o.metric,
            func.sum(func.coalesce(o.target, 0)),
            func.sum(func.coalesce(actual.c.total, 0)),
        )
        .outerjoin(actual, actual.c.outcome_id == o.id)
        .group_by(o.metric)
    )
    if placement_ids is not None:
        query = query.where(o.placement_id.in_(placement_ids))
    with db.engine.connect() as conn:
        return {metric: (int(t or 0), int(a or 0)) for metric, t, a in conn.execute(query)}
