"""No lost updates between two windows (or two computers sharing a file).

SQLite already serialises writers, so two transactions never interleave. What it cannot
see is the *human* read-modify-write: window A shows a candidate, window B saves a change,
then A saves its form and silently overwrites B. The cure is optimistic concurrency:
a form remembers the ``updated_at`` it loaded and the save checks, inside the saving
transaction, that the row still carries it. ``updated_at`` changes on every ORM or Core
update (``onupdate=utcnow``), so no schema change is needed.

Services that save forms call :func:`ensure_unchanged` first::

    with db.session() as s:
        row = ensure_unchanged(s, m.Candidate, candidate_id, seen_updated_at)
        row.email = ...
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from wir_manager.i18n import _

T = TypeVar("T")


class ConcurrentEditError(ValueError):
    """The record changed (or vanished) since the form was loaded; nothing was saved.

    ``changed_by`` / ``changed_at`` say who saved it last and when (from the audit log,
    which on a team server records the real login), ``current_updated_at`` is what the
    record carries now: an editor that offers "keep my version" saves again with it.
    """

    def __init__(
        self,
        message: str,
        *,
        changed_by: str | None = None,
        changed_at: dt.datetime | None = None,
        current_updated_at: dt.datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_updated_at = current_updated_at


def ensure_unchanged(
    session: Session, model: type[T], record_id: int, seen_updated_at: dt.datetime | None
) -> T:
    """The row, locked into this transaction, if it still is as the caller saw it.

    ``seen_updated_at=None`` skips the check (a caller that did not load the row first).
    The row is read ``FOR UPDATE``: on a team server a second client's save waits here
    until the first one commits and then sees its change, so two saves from the same
    starting point cannot both pass (SQLite serialises writers by itself and ignores it).
    The model's ``row_version`` (``version_id_col``) guards the UPDATE itself too.
    """
    row: Any = session.get(model, record_id, populate_existing=True, with_for_update=True)
    if row is None:
        raise ConcurrentEditError(
            _("This record was deleted in another window; your changes were not saved.")
        )
    if seen_updated_at is not None and row.updated_at != seen_updated_at:
        who, when = _last_change(session, model, record_id)
        if who is None or when is None:
            message = _(
                "Someone changed this record in another window or program after you opened "
                "it; your changes were not saved. Reload it and make them again."
            )
        else:
            message = _(
                "{who} changed this record at {when} (in another window or program) after "
                "you opened it; your changes were not saved, so reload it or keep your "
                "version and save again."
            ).format(who=who, when=f"{when:%Y-%m-%d %H:%M} UTC")
        raise ConcurrentEditError(
            message, changed_by=who, changed_at=when, current_updated_at=row.updated_at
        )
    return row


def _last_change(
    session: Session, model: type, record_id: int
) -> tuple[str | None, dt.datetime | None]:
    """Who saved the record last, and when (the newest audit row about it)."""
    from sqlalchemy import select

    from wir_manager.storage.audit import ENTITIES
    from wir_manager.storage.models import AuditEntry

    entity = ENTITIES.get(model)
    if entity is None:
        return None, None
    found = session.execute(
        select(AuditEntry.operator, AuditEntry.at)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == record_id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    return (found[0], found[1]) if found else (None, None)
