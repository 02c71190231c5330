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
    """The record changed (or vanished) since the form was loaded; nothing was saved."""


def ensure_unchanged(
    session: Session, model: type[T], record_id: int, seen_updated_at: dt.datetime | None
) -> T:
    """The row, locked into this transaction, if it still is as the caller saw it.

    ``seen_updated_at=None`` skips the check (a caller that did not load the row first).
    """
    row: Any = session.get(model, record_id, populate_existing=True)
    if row is None:
        raise ConcurrentEditError(
            _("This record was deleted in another window; your changes were not saved.")
        )
    if seen_updated_at is not None and row.updated_at != seen_updated_at:
        raise ConcurrentEditError(
            _(
                "Someone changed this record in another window or program after you opened "
                "it; your changes were not saved. Reload it and make them again."
            )
        )
    return row
