"""No lost updates between two windows (or two computers sharing a file).

SQLite already serialises writers, so two transactions never interleave. What it cannot
see is the *human* read-modify-write: window A shows a candidate, window B saves a change,
then A saves its form and silently overwrites B. The cure is optimistic concurrency:
a form remembers the ``updated_at`` it loaded and the save checks, inside the saving
transaction, that the row still carries it. ``updated_at`` changes on every ORM or Core
update (``onupdate=utcnow``), so no schema change is needed. A record without
``updated_at`` (a training module) is compared by its ``row_version`` instead: the form
remembers that integer. A weight profile is never updated (each save adds a version), so
its service compares the version number the sliders were loaded from.

Services that save forms call :func:`ensure_unchanged` first::

    with db.session() as s:
        row = ensure_unchanged(s, m.Candidate, candidate_id, seen_updated_at)
        row.email = ...
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

from wir_manager.i18n import _

if TYPE_CHECKING:  # every editor imports this module; SQLAlchemy stays off the start path
    from sqlalchemy.orm import Session

T = TypeVar("T")

#: What a form remembers of the record it loaded: its ``updated_at``, or (for a record
#: without one) its ``row_version`` / profile version.
Seen = dt.datetime | int


class ConcurrentEditError(ValueError):
    """The record changed (or vanished) since the form was loaded; nothing was saved.

    ``changed_by`` / ``changed_at`` say who saved it last and when (from the audit log,
    which on a team server records the real login), ``current`` is what the record
    carries now (its ``updated_at``, or its version where it has none; None when it was
    deleted): an editor that offers "keep my version" saves again with it.
    """

    def __init__(
        self,
        message: str,
        *,
        changed_by: str | None = None,
        changed_at: dt.datetime | None = None,
        current: Seen | None = None,
    ) -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current = current

    @property
    def current_updated_at(self) -> dt.datetime | None:
        """The record's ``updated_at`` now (None for a version-compared record)."""
        return self.current if isinstance(self.current, dt.datetime) else None


def changed_elsewhere(
    session: Session, model: type, record_id: int | None, current: Seen | None
) -> ConcurrentEditError:
    """The refusal for a record someone else saved since the form loaded it: who and when
    in one sentence (from the audit log), carrying ``current`` for "keep my version"."""
    who, when = _last_change(session, model, record_id) if record_id is not None else (None, None)
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
    return ConcurrentEditError(message, changed_by=who, changed_at=when, current=current)


def ensure_unchanged(session: Session, model: type[T], record_id: int, seen: Seen | None) -> T:
    """The row, locked into this transaction, if it still is as the caller saw it.

    ``seen`` is the ``updated_at`` the form loaded, or an int: its ``row_version``.
    ``seen=None`` skips the check (a caller that did not load the row first).
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
    if seen is not None:
        now: Seen = row.row_version if isinstance(seen, int) else row.updated_at
        if now != seen:
            raise changed_elsewhere(session, model, record_id, now)
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
