"""What kinds of stored data a committed transaction changed, and who wants to know.

The pattern is Anki's ``OpChanges``: after a write, the parts of the program that show or
cache data learn *what kind* of data changed (candidates, training, requests …, and the
candidate ids when known) and refresh only what they hold of it. Nobody polls, nobody
re-reads everything "just in case".

Changes are derived from the audit trail, which every write already produces (ORM
flushes through :mod:`storage.audit`, bulk operations with their own audit rows): a
write that is audited is announced, so no service can forget to announce one.
:class:`ChangeFeed` is the one door: the database publishes each committed transaction's
:class:`Changes` there, and so can anything else that learns of a change (a restore, or
a shared server telling us what other people saved). Subscribers are called on the
thread that published; the desktop app's hub hands them to the GUI thread.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


class Kind(enum.Flag):
    """Kinds of data a change touched."""

    NONE = 0
    #: Candidates' own fields, languages, skills, topics, stage, consent; affiliates.
    CANDIDATES = enum.auto()
    #: Training progress of candidates (the grid's cells).
    TRAINING = enum.auto()
    #: The programme's modules (titles, order, mandatory, active).
    PROGRAMME = enum.auto()
    #: Placement requests and organisations.
    REQUESTS = enum.auto()
    #: Saved shortlists (entries, status, notes).
    SHORTLISTS = enum.auto()
    #: Placements of candidates at organisations.
    PLACEMENTS = enum.auto()
    #: Stored settings and weight profiles.
    SETTINGS = enum.auto()
    #: The audit log itself (every audited write, exports and disclosures too).
    AUDIT = enum.auto()
    #: Everything (a restore, a reopened file): whoever holds data re-reads it.
    ALL = CANDIDATES | TRAINING | PROGRAMME | REQUESTS | SHORTLISTS | PLACEMENTS | SETTINGS | AUDIT


@dataclass(frozen=True)
class Changes:
    """What one or more committed transactions changed.

    ``candidate_ids`` names the candidates whose rows changed (created, updated, deleted,
    training marked) when every such change named its candidate; ``None`` means "some,
    not known which" (re-read them all). It is empty when no candidate changed.
    ``request_ids`` says the same of placement requests (their own fields and
    requirements): a list of requests patches just those rows.
    """

    kinds: Kind = Kind.NONE
    candidate_ids: frozenset[int] | None = frozenset()
    request_ids: frozenset[int] | None = frozenset()

    @classmethod
    def everything(cls) -> Changes:
        return cls(Kind.ALL, None, None)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        ids = (
            None
            if self.candidate_ids is None or other.candidate_ids is None
            else self.candidate_ids | other.candidate_ids
        )
        requests = (
            None
            if self.request_ids is None or other.request_ids is None
            else self.request_ids | other.request_ids
        )
        return Changes(self.kinds | other.kinds, ids, requests)

    def touches(self, kinds: Kind) -> bool:
        """True when any of ``kinds`` changed."""
        return bool(self.kinds & kinds)


#: Audit entity → kind of data it is.
ENTITY_KINDS: Mapping[str, Kind] = {
    "candidate": Kind.CANDIDATES,
    "affiliate": Kind.CANDIDATES,
    "training_module": Kind.PROGRAMME,
    "request": Kind.REQUESTS,
    "organisation": Kind.REQUESTS,
    "shortlist_entry": Kind.SHORTLISTS,
    "placement": Kind.PLACEMENTS,
    # A placement's outcomes, its liaison contacts and the timeline's contact notes are
    # shown with the placements; an IGO's answer is part of the saved shortlist.
    "outcome": Kind.PLACEMENTS,
    "contact": Kind.PLACEMENTS,
    "contact_note": Kind.PLACEMENTS,
    "shortlist_answer": Kind.SHORTLISTS,
    "weight_profile": Kind.SETTINGS,
    "setting": Kind.SETTINGS,
}
#: Audit actions that read data out (an export, a dossier) without changing any.
READ_ACTIONS = frozenset({"export", "disclose"})


def from_audit_rows(rows: Iterable[Mapping[str, Any]]) -> Changes:
    """The :class:`Changes` that audit rows (``entity``, ``entity_id``, ``action``,
    ``fields``) describe."""
    kinds = Kind.NONE
    ids: set[int] | None = set()
    requests: set[int] | None = set()
    for row in rows:
        kinds |= Kind.AUDIT
        action = getattr(row["action"], "value", row["action"])
        if action in READ_ACTIONS:
            continue
        entity = row["entity"]
        kind = ENTITY_KINDS.get(entity, Kind.NONE)
        if entity == "candidate":
            fields = row.get("fields") or []
            if "training" in fields:
                kind |= Kind.TRAINING
            if fields == ["training"]:
                kind = Kind.TRAINING
            if ids is not None:
                if isinstance(row.get("entity_id"), int):
                    ids.add(row["entity_id"])
                else:
                    ids = None
        elif entity == "affiliate":
            ids = None  # a renamed affiliate shows on every member's row
        elif entity == "request":
            if requests is not None:
                if isinstance(row.get("entity_id"), int):
                    requests.add(row["entity_id"])
                else:
                    requests = None
        elif entity == "organisation":
            requests = None  # a renamed organisation shows on each of its requests' rows
        elif kind is Kind.NONE:
            kind = Kind.ALL  # an entity this table does not know yet: assume anything
            ids = requests = None
        kinds |= kind
    return Changes(
        kinds,
        None if ids is None else frozenset(ids),
        None if requests is None else frozenset(requests),
    )


Subscriber = Callable[[Changes], None]


class ChangeFeed:
    """Subscribers to one database's changes; :meth:`publish` may be called from any thread.

    A subscriber that raises is logged and skipped, so one broken listener cannot stop
    the others or fail the write that was already committed.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call ``subscriber(changes)`` after every published change; returns the function
        that unsubscribes it."""
        with self._lock:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(changes)
            except Exception:
                log.exception("A change subscriber failed")


#: Key under which a connection collects the audit rows of its open transaction.
PENDING_KEY = "_wir_pending_changes"
#: An audit insert whose rows could not be seen (values baked into the statement).
_UNKNOWN_ROW: dict[str, Any] = {"entity": "?", "entity_id": None, "action": "update", "fields": []}
_committed = threading.local()


def install(engine: Any) -> None:
    """Watch ``engine`` for audit-log inserts; rows of a transaction that commits wait on
    the committing thread for :func:`take_committed`, rows of one rolled back are dropped.

    One listener for every way of writing the audit log (ORM flush hooks, ``record``,
    bulk inserts in importers and marking), so a new write path is announced as soon as
    it is audited.
    """
    from sqlalchemy import event
    from sqlalchemy.sql.dml import Insert

    from wir_manager.storage.models import AuditEntry, table_of

    table = table_of(AuditEntry)

    @event.listens_for(engine, "after_execute")
    def _after_execute(
        conn: Any, clause: Any, multiparams: Any, params: Any, _options: Any, _result: Any
    ) -> None:
        if isinstance(clause, Insert) and getattr(clause.table, "name", None) == table.name:
            rows = list(multiparams) if multiparams else ([params] if params else [_UNKNOWN_ROW])
            conn.info.setdefault(PENDING_KEY, []).extend(rows)

    @event.listens_for(engine, "commit")
    def _commit(conn: Any) -> None:
        rows = conn.info.pop(PENDING_KEY, None)
        if rows:
            if not hasattr(_committed, "rows"):
                _committed.rows = []
            _committed.rows.extend(rows)

    @event.listens_for(engine, "rollback")
    def _rollback(conn: Any) -> None:
        conn.info.pop(PENDING_KEY, None)


def take_committed() -> Changes:
    """What this thread's transactions committed since the last call."""
    rows = getattr(_committed, "rows", None)
    if not rows:
        return Changes()
    _committed.rows = []
    return from_audit_rows(rows)
