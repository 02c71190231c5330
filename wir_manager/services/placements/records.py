"""Plain records of placements, check-ins, outcomes and contacts (no ORM, no Qt).

The placement form (Qt) and ``wir-manager placement …`` (CLI) build a
:class:`PlacementData`; services hand back :class:`PlacementRecord` /
:class:`PlacementRow` values that are safe to keep in a table model or pass between
threads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from wir_manager.domain.enums import CheckinKind, OutcomeMetric, PlacementStatus, WorkMode

#: Standard metric keys in the order forms and reports show them.
STANDARD_METRICS: tuple[str, ...] = tuple(m.value for m in OutcomeMetric)


def metric_label(metric: str) -> str:
    """The English label of a standard metric, or the free metric's own name."""
    try:
        return OutcomeMetric(metric).label
    except ValueError:
        return metric


class PlacementError(ValueError):
    """Bad input for a placement: one sentence for the user, nothing was changed."""


class PlacementNotFoundError(PlacementError):
    pass


@dataclass(frozen=True, slots=True)
class LiaisonData:
    """The IGO liaison as typed in the form; matched to an existing contact of the
    organisation by e-mail (else by name), so liaisons are reused next time. Given with
    ``PlacementData.liaison_id`` it corrects that contact's details instead."""

    name: str
    role: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class ContactRecord:
    id: int
    organisation_id: int
    name: str
    role: str | None
    email: str | None

    @property
    def display(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name


@dataclass(frozen=True)
class PlacementData:
    """One placement as the form sees it. ``id`` is None for a new one (from "accepted").

    ``work_mode`` / ``duty_*`` default to the request's when left None. ``liaison_id``
    picks an existing contact; otherwise ``liaison`` describes one (reused if known).
    """

    request_id: int
    candidate_id: int
    start_date: dt.date
    end_date: dt.date
    liaison: LiaisonData | None = None
    liaison_id: int | None = None
    mentor: str | None = None
    host_affiliate_id: int | None = None
    fiscal_sponsor: str | None = None
    time_share: int = 100
    work_mode: str | None = None
    duty_city: str | None = None
    duty_country: str | None = None
    funding_source: str | None = None
    funding_amount: int | None = None
    funding_currency: str | None = None
    notes: str | None = None
    #: Default check-in schedule (monthly, mid-term, final) when the placement is created.
    schedule: bool = True
    id: int | None = None
    #: The placement's ``updated_at`` when the form was filled: a save over a placement
    #: someone else changed since is refused (who and when) instead of overwriting it.
    updated_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class CheckinRecord:
    id: int
    placement_id: int
    kind: CheckinKind
    due_on: dt.date
    done_on: dt.date | None
    note: str | None

    @property
    def kind_label(self) -> str:
        return self.kind.label

    def overdue(self, today: dt.date) -> bool:
        return self.done_on is None and self.due_on < today


@dataclass(frozen=True, slots=True)
class ExtensionRecord:
    at: dt.datetime
    old_end: dt.date
    new_end: dt.date
    reason: str | None


@dataclass(frozen=True, slots=True)
class OutcomeRecord:
    """One metric of a placement: target, actual total, and the actual per report."""

    metric: str
    target: int | None
    actual: int
    #: checkin id (None: not tied to a report) → value.
    per_report: tuple[tuple[int | None, int], ...] = ()

    @property
    def label(self) -> str:
        return metric_label(self.metric)

    @property
    def standard(self) -> bool:
        return self.metric in STANDARD_METRICS

    @property
    def progress(self) -> float | None:
        """Actual as a share of the target (1.0 = reached), None without a target."""
        if not self.target:
            return None
        return self.actual / self.target


@dataclass(frozen=True, slots=True)
class PlacementRow:
    """One line of the placement list (what ``wir-manager placements --json`` prints)."""

    id: int
    candidate_id: int | None
    candidate_name: str | None
    request_id: int | None
    request_title: str | None
    organisation: str | None
    start_date: dt.date
    end_date: dt.date
    status: PlacementStatus

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "candidate_id": self.candidate_id,
            "candidate": self.candidate_name,
            "request_id": self.request_id,
            "request": self.request_title,
            "organisation": self.organisation,
            "start_date": self.start_date.isoformat(),
            "end_date": self.end_date.isoformat(),
            "status": self.status.value,
        }


@dataclass(frozen=True)
class PlacementRecord:
    """A placement in full, for the placement screen, report and subject export."""

    id: int
    candidate_id: int | None
    candidate_name: str | None
    request_id: int | None
    request_title: str | None
    organisation_id: int | None
    organisation: str | None
    start_date: dt.date
    end_date: dt.date
    status: PlacementStatus
    liaison: ContactRecord | None
    mentor: str | None
    host_affiliate_id: int | None
    host_affiliate: str | None
    fiscal_sponsor: str | None
    time_share: int
    work_mode: str | None
    duty_city: str | None
    duty_country: str | None
    funding_source: str | None
    funding_amount: int | None
    funding_currency: str | None
    end_reason: str | None
    notes: str | None
    started_on: dt.date | None
    ended_on: dt.date | None
    checkins: tuple[CheckinRecord, ...] = ()
    extensions: tuple[ExtensionRecord, ...] = ()
    outcomes: tuple[OutcomeRecord, ...] = field(default=())
    updated_at: dt.datetime | None = None

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def work_mode_label(self) -> str:
        return WorkMode(self.work_mode).label if self.work_mode else ""

    def as_form_data(self) -> PlacementData:
        """The placement form's fields for a stored placement, with the ``updated_at`` it
        was read at (a save over a newer version is refused, then reload or keep)."""
        return PlacementData(
            # An edit keeps the placement's own request and person (an erased person's
            # placement keeps only anonymous numbers, and older ones name no request).
            request_id=self.request_id or 0,
            candidate_id=self.candidate_id or 0,
            start_date=self.start_date,
            end_date=self.end_date,
            liaison_id=self.liaison.id if self.liaison else None,
            mentor=self.mentor,
            host_affiliate_id=self.host_affiliate_id,
            fiscal_sponsor=self.fiscal_sponsor,
            time_share=self.time_share,
            work_mode=self.work_mode,
            duty_city=self.duty_city,
            duty_country=self.duty_country,
            funding_source=self.funding_source,
            funding_amount=self.funding_amount,
            funding_currency=self.funding_currency,
            notes=self.notes,
            schedule=False,
            id=self.id,
            updated_at=self.updated_at,
        )

    def as_row(self) -> PlacementRow:
        """The placement as one line of the list."""
        return PlacementRow(
            self.id,
            self.candidate_id,
            self.candidate_name,
            self.request_id,
            self.request_title,
            self.organisation,
            self.start_date,
            self.end_date,
            self.status,
        )

    def to_json(self) -> dict[str, object]:
        """What ``placement show|accept|start … --json`` prints. It begins with the very
        keys of the placement's line in ``placements --json`` (made by that line's own
        ``to_json``), so a script reads a placement the same way from either."""
        return {
            **self.as_row().to_json(),
            "liaison": (
                {
                    "id": self.liaison.id,
                    "name": self.liaison.name,
                    "role": self.liaison.role,
                    "email": self.liaison.email,
                }
                if self.liaison
                else None
            ),
            "mentor": self.mentor,
            "host_affiliate": self.host_affiliate,
            "fiscal_sponsor": self.fiscal_sponsor,
            "time_share": self.time_share,
            "work_mode": self.work_mode,
            "duty_city": self.duty_city,
            "duty_country": self.duty_country,
            "funding_source": self.funding_source,
            "funding_amount": self.funding_amount,
            "funding_currency": self.funding_currency,
            "end_reason": self.end_reason,
            "checkins": [
                {
                    "id": c.id,
                    "kind": c.kind.value,
                    "due_on": c.due_on.isoformat(),
                    "done_on": c.done_on.isoformat() if c.done_on else None,
                }
                for c in self.checkins
            ],
            "extensions": [
                {"old_end": e.old_end.isoformat(), "new_end": e.new_end.isoformat()}
                for e in self.extensions
            ],
            "outcomes": [
                {"metric": o.metric, "target": o.target, "actual": o.actual} for o in self.outcomes
            ],
        }
