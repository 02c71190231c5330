"""Retention: who should be asked to renew consent, or erased, because time has passed.

GDPR's storage limitation means the programme may keep a person's data only while it is
needed and consented to. The report lists candidates whose consent to be kept is older
than ``retention_consent_months`` (default 24) or whose record has not changed for
``retention_inactive_months`` (default 18). Staff then either ask again (the date is
recorded in ``consent_requested_at``) or erase in bulk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select, update

from wir_manager.domain.enums import AuditAction, Stage
from wir_manager.i18n import _
from wir_manager.services import privacy
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.storage import audit
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

CONSENT_SETTING = "retention_consent_months"
INACTIVE_SETTING = "retention_inactive_months"
DEFAULT_CONSENT_MONTHS = 24
DEFAULT_INACTIVE_MONTHS = 18

#: Reasons a person appears in the report.
REASON_CONSENT_OLD = "consent_old"
REASON_NO_CONSENT = "no_consent"
REASON_INACTIVE = "inactive"


@dataclass(frozen=True, slots=True)
class RetentionItem:
    id: int
    name: str
    username: str
    stage: Stage
    consent_at: dt.date | None
    last_change: dt.datetime
    consent_requested_at: dt.date | None
    reasons: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "username": self.username,
            "stage": self.stage,
            "consent_at": self.consent_at.isoformat() if self.consent_at else None,
            "last_change": self.last_change.isoformat(timespec="seconds"),
            "consent_requested_at": (
                self.consent_requested_at.isoformat() if self.consent_requested_at else None
            ),
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class RetentionReport:
    today: dt.date
    consent_months: int
    inactive_months: int
    items: tuple[RetentionItem, ...]

    @property
    def ids(self) -> list[int]:
        return [item.id for item in self.items]


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier (clamped to the month's last day)."""
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _months_setting(db: Database, key: str, default: int) -> int:
    try:
        value = int(db.setting(key) or default)
    except ValueError:
        return default
    return value if value > 0 else default


def periods(db: Database) -> tuple[int, int]:
    """(consent months, inactive months) from the database settings."""
    return (
        _months_setting(db, CONSENT_SETTING, DEFAULT_CONSENT_MONTHS),
        _months_setting(db, INACTIVE_SETTING, DEFAULT_INACTIVE_MONTHS),
    )


def set_periods(db: Database, consent_months: int, inactive_months: int) -> None:
    if consent_months < 1 or inactive_months < 1:
        raise ValueError(_("Retention periods must be at least one month."))
    db.set_setting(CONSENT_SETTING, str(int(consent_months)))
    db.set_setting(INACTIVE_SETTING, str(int(inactive_months)))


def report(
    db: Database,
    *,
    consent_months: int | None = None,
    inactive_months: int | None = None,
    today: dt.date | None = None,
) -> RetentionReport:
    """Candidates due for renewal or erasure, oldest consent first."""
    today = today or dt.date.today()
    stored_consent, stored_inactive = periods(db)
    consent_months = consent_months or stored_consent
    inactive_months = inactive_months or stored_inactive
    if consent_months < 1 or inactive_months < 1:
        raise ValueError(_("Retention periods must be at least one month."))
    consent_cutoff = months_before(today, consent_months)
    inactive_cutoff = dt.datetime.combine(months_before(today, inactive_months), dt.time())
    c = m.Candidate
    query = (
        select(
            c.id,
            c.full_name,
            c.username,
            c.stage,
            c.consent_store,
            c.consent_store_at,
            c.updated_at,
            c.consent_requested_at,
        )
        .where(
            or_(
                c.consent_store.is_(False),
                c.consent_store_at.is_(None),
                c.consent_store_at < consent_cutoff,
                c.updated_at < inactive_cutoff,
            )
        )
        .order_by(c.consent_store_at, c.id)
    )
    items = []
    with db.engine.connect() as conn:
        for cid, name, username, stage, store, store_at, updated, requested in conn.execute(query):
            reasons = []
            if not store or store_at is None:
                reasons.append(REASON_NO_CONSENT)
            elif store_at < consent_cutoff:
                reasons.append(REASON_CONSENT_OLD)
            if updated is not None and updated < inactive_cutoff:
                reasons.append(REASON_INACTIVE)
            items.append(
                RetentionItem(
                    cid,
                    name,
                    username,
                    Stage(stage),
                    store_at,
                    updated,
                    requested,
                    tuple(reasons),
                )
            )
    return RetentionReport(today, consent_months, inactive_months, tuple(items))


def ask_again(db: Database, candidate_ids: Iterable[int], *, today: dt.date | None = None) -> int:
    """Record that consent renewal was requested today; returns how many were marked.

    Asking is the programme's act, not the person's, so ``updated_at`` (the activity
    clock of the report) is kept as it was.
    """
    ids = sorted({int(i) for i in candidate_ids})
    if not ids:
        return 0
    today = today or dt.date.today()
    with db.session(write=True) as s:
        result = s.execute(
            update(m.Candidate)
            .where(m.Candidate.id.in_(ids))
            .values(consent_requested_at=today, updated_at=m.Candidate.updated_at)
            .execution_options(synchronize_session=False)
        )
        for cid in ids:
            audit.record(s, AuditAction.UPDATE, "candidate", cid, ["consent_requested_at"])
        return int(result.rowcount or 0)


def erase(
    db: Database, candidate_ids: Iterable[int], *, progress: Progress = NO_PROGRESS
) -> privacy.ErasureResult:
    """Bulk erasure from the report (one transaction, then one compaction)."""
    return privacy.erase_candidates(db, candidate_ids, progress=progress)
