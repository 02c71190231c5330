"""Columns a team-server login may not read: a viewer's contact details and notes.

The server enforces them with column privileges (``server_admin.VIEWER_HIDDEN``); a
SELECT naming one is refused whole. Readers therefore show such a column empty instead:
column queries through :func:`shown`, ORM entity loads through :func:`install`, which
defers the hidden attributes and fills them with ``None`` so that touching one never
sends the refused SELECT. On a SQLCipher file nothing is hidden and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import event, null
from sqlalchemy.orm import Session, defer, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

_INFO_KEY = "wir_hidden"
_LISTENING: list[bool] = []


def shown(db: Any, column: Any) -> Any:
    """``column``, or NULL under its name when the login may not read it."""
    hidden = getattr(db, "hidden_columns", None)
    if hidden is not None and column.name in hidden(column.table.name):
        return null().label(column.key)
    return column


def install(
    sessions: sessionmaker[Session], hidden: Callable[[], Mapping[str, frozenset[str]]]
) -> None:
    """Make ORM loads of ``sessions`` leave out the columns ``hidden()`` names per table."""

    @event.listens_for(sessions, "do_orm_execute")
    def _defer_hidden(state: Any) -> None:
        if not state.is_select:
            return
        per_table = hidden()
        if not any(per_table.values()):
            return
        state.session.info[_INFO_KEY] = per_table
        options: list[Any] = []
        for description in getattr(state.statement, "column_descriptions", ()):
            entity = description.get("entity")
            if entity is None or description.get("type") is not entity:
                continue  # a column, not a whole entity: the query names what it reads
            table = str(getattr(entity, "__tablename__", ""))
            options.extend(defer(getattr(entity, name)) for name in per_table.get(table, ()))
        if options:
            state.statement = state.statement.options(*options)

    def _blank(target: Any, context: Any, *_attrs: Any) -> None:
        session = getattr(context, "session", None)  # None for a bulk UPDATE's sync
        per_table = session.info.get(_INFO_KEY) if session is not None else None
        if not per_table:
            return
        for name in per_table.get(type(target).__tablename__, ()):
            if name not in target.__dict__:
                set_committed_value(target, name, None)

    from wir_manager.storage.models import Base

    if not _LISTENING:  # the load events are on the models, once per process
        event.listen(Base, "load", _blank, propagate=True)
        event.listen(Base, "refresh", _blank, propagate=True)
        _LISTENING.append(True)
