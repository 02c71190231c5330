"""Changes made by other clients of a team server, as they happen (LISTEN/NOTIFY).

``server init`` installs statement-level triggers (with transition tables) on the tables
the screens show. Each INSERT/UPDATE/DELETE statement sends ONE notification on the
channel :data:`CHANNEL` naming the table, the affected ids (or none when there are too
many for a payload, meaning "reload that table"), the login, and the client that made it.
A bulk import of 50,000 rows is therefore 25 notifications, not 50,000.

:class:`ChangeListener` holds one extra connection in autocommit mode, ``LISTEN``\\ s,
and hands each notification from another client to a callback, on its own thread. The
desktop app feeds that callback into its change notifications, so screens refresh only
the affected rows, within a second, with no periodic reloads.

Child tables (a candidate's languages, a request's skills …) report their parent's id
under the parent's table, because that is what a screen shows.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wir_manager.storage.changes import Changes, Kind

if TYPE_CHECKING:
    from wir_manager.storage.server import ServerDatabase

log = logging.getLogger(__name__)

CHANNEL = "wir_changes"
#: Above this many ids a notification says "many" (ids = None): payloads are ≤ 8000 bytes.
MAX_IDS = 400

#: table → (table reported, id column) for every table whose changes are announced.
WATCHED: dict[str, tuple[str, str]] = {
    "candidates": ("candidates", "id"),
    "candidate_languages": ("candidates", "candidate_id"),
    "candidate_skills": ("candidates", "candidate_id"),
    "candidate_topics": ("candidates", "candidate_id"),
    "training_progress": ("candidates", "candidate_id"),
    "training_modules": ("training_modules", "id"),
    "placement_requests": ("placement_requests", "id"),
    "request_languages": ("placement_requests", "request_id"),
    "request_skills": ("placement_requests", "request_id"),
    "request_topics": ("placement_requests", "request_id"),
    "request_priority_regions": ("placement_requests", "request_id"),
    "shortlist_entries": ("shortlist_entries", "request_id"),
    "placements": ("placements", "candidate_id"),
    "organisations": ("organisations", "id"),
    "affiliates": ("affiliates", "id"),
    "weight_profiles": ("weight_profiles", "id"),
    "settings": ("settings", "NULL"),
}


#: Reported table → kinds of data it holds (for :func:`to_changes`).
TABLE_KINDS: dict[str, Kind] = {
    "candidates": Kind.CANDIDATES | Kind.TRAINING,
    "training_modules": Kind.PROGRAMME,
    "placement_requests": Kind.REQUESTS,
    "organisations": Kind.REQUESTS,
    "shortlist_entries": Kind.SHORTLISTS,
    "placements": Kind.PLACEMENTS | Kind.CANDIDATES,
    "affiliates": Kind.CANDIDATES,
    "weight_profiles": Kind.SETTINGS,
    "settings": Kind.SETTINGS,
}


@dataclass(frozen=True)
class ServerChange:
    """One statement's worth of changes made by another client."""

    table: str
    #: Ids of the rows (of ``table``) that changed; None = many, reload the table.
    ids: tuple[int, ...] | None
    operation: str
    login: str


def to_changes(change: ServerChange) -> Changes:
    """What another client's statement means for the app's change notifications.

    Rows reported under ``candidates`` include their languages, skills, topics and
    training progress (see :data:`WATCHED`), so such a change is a candidates and a
    training change of those people. Every write by another client is audited, so the
    audit log changed too.
    """
    kinds = TABLE_KINDS.get(change.table, Kind.ALL)
    if change.table == "candidates":
        ids = None if change.ids is None else frozenset(change.ids)
    elif change.table in ("placements", "affiliates") or kinds is Kind.ALL:
        ids = None  # a stage or an affiliate's name shows on people's rows
    else:
        ids = frozenset()
    requests: frozenset[int] | None = frozenset()
    if change.table == "placement_requests":  # also their requirements (WATCHED)
        requests = None if change.ids is None else frozenset(change.ids)
    elif change.table == "organisations" or kinds is Kind.ALL:
        requests = None  # an organisation's name shows on its requests' rows
    return Changes(kinds | Kind.AUDIT, ids, requests)


def install_triggers(conn: Any) -> None:
    """The notify function and one statement trigger per watched table and operation."""
    x = conn.exec_driver_sql
    x(
        f"""CREATE OR REPLACE FUNCTION wir_notify_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE
            ids integer[];
            n integer;
            rows_sql text;
        BEGIN
            IF TG_ARGV[1] = 'NULL' THEN
                ids := NULL;
                n := 1;
            ELSE
                rows_sql := format(
                    'SELECT array_agg(DISTINCT %%I) FROM %%s',
                    TG_ARGV[1],
                    CASE TG_OP WHEN 'DELETE' THEN 'old_rows' ELSE 'new_rows' END
                );
                EXECUTE rows_sql INTO ids;
                n := coalesce(array_length(ids, 1), 0);
                IF n = 0 THEN
                    RETURN NULL;
                END IF;
                IF n > {MAX_IDS} THEN
                    ids := NULL;
                END IF;
            END IF;
            PERFORM pg_notify('{CHANNEL}', json_build_object(
                't', TG_ARGV[0], 'ids', ids, 'op', lower(TG_OP),
                'by', session_user, 'client', current_setting('application_name')
            )::text);
            RETURN NULL;
        END $$"""
    )
    for table, (reported, column) in WATCHED.items():
        for op, ref in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "NEW TABLE AS new_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        ):
            name = f"wir_notify_{op.lower()}"
            x(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            x(
                f"CREATE TRIGGER {name} AFTER {op} ON {table} REFERENCING {ref} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION wir_notify_change('{reported}', '{column}')"
            )


def parse(payload: str) -> tuple[ServerChange, str] | None:
    """(change, client) from a notification payload; None for anything malformed."""
    try:
        data = json.loads(payload)
        ids = data.get("ids")
        change = ServerChange(
            table=str(data["t"]),
            ids=None if ids is None else tuple(int(i) for i in ids),
            operation=str(data.get("op", "")),
            login=str(data.get("by", "")),
        )
        return change, str(data.get("client", ""))
    except (ValueError, KeyError, TypeError):
        return None


class ChangeListener:
    """A thread that LISTENs on the server and calls ``callback`` for others' changes.

    Changes made through ``db`` itself (same client id) are skipped: the app already
    announces its own. When the connection drops, the listener reconnects with the
    database's credentials and reports a change of every table (``ids=None``) once, since
    notifications sent meanwhile were lost.
    """

    def __init__(
        self,
        db: ServerDatabase,
        callback: Callable[[ServerChange], None],
        *,
        poll_s: float = 0.25,
    ) -> None:
        self._db = db
        self._callback = callback
        self._poll_s = poll_s
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wir-listen", daemon=True)

    def start(self) -> ChangeListener:
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def __enter__(self) -> ChangeListener:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        lost = False
        while not self._stop.is_set():
            try:
                conn = self._db.listen_connection()
            except Exception:
                self._ready.set()
                self._stop.wait(2.0)
                lost = True
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                self._ready.set()
                if lost:
                    lost = False
                    for table in sorted({t for t, _c in WATCHED.values()}):
                        self._deliver(ServerChange(table, None, "reconnect", ""))
                while not self._stop.is_set():
                    for note in conn.notifies(timeout=self._poll_s, stop_after=50):
                        parsed = parse(note.payload)
                        if parsed is None:
                            continue
                        change, client = parsed
                        if client != self._db.client_id:
                            self._deliver(change)
            except Exception:
                log.info("team server listener connection lost; reconnecting")
                lost = True
            finally:
                with contextlib.suppress(Exception):
                    conn.close()

    def _deliver(self, change: ServerChange) -> None:
        try:
            self._callback(change)
        except Exception:
            log.exception("change callback failed")
