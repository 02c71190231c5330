"""``server copy-from FILE``: move a local encrypted database onto an empty team server.

Everything happens in ONE server transaction, run as the tables' owner (admins only):
every table is copied in foreign-key order with its ids, the sequences are moved past the
highest id, and then the row counts and a content hash of every table are computed on
both sides and compared before the commit. Any difference rolls the whole copy back.

The audit history keeps its original names and times: the identity triggers (which
stamp new rows with the login) are disabled for the copy only, inside the transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from wir_manager.i18n import _
from wir_manager.storage.errors import StorageError

if TYPE_CHECKING:
    from wir_manager.storage.database import Database
    from wir_manager.storage.server import ServerDatabase

#: Settings that describe one file, not the programme (the server knows its own logins).
_FILE_ONLY_SETTINGS = {"operator"}
BATCH = 1000


@dataclass(frozen=True)
class CopyResult:
    counts: dict[str, int]
    sha256: str


def _canonical(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return value


def _rows(conn: Any, table: Any) -> list[tuple[Any, ...]]:
    from sqlalchemy import select

    query = select(table).order_by(*table.primary_key.columns)
    if table.name == "settings":
        query = query.where(table.c.key.not_in(_FILE_ONLY_SETTINGS))
    return [tuple(r) for r in conn.execute(query)]


def _digest(conn: Any, tables: list[Any]) -> tuple[dict[str, int], str]:
    counts: dict[str, int] = {}
    digest = hashlib.sha256()
    for table in tables:
        rows = _rows(conn, table)
        counts[table.name] = len(rows)
        digest.update(table.name.encode())
        for row in rows:
            digest.update(
                json.dumps([_canonical(v) for v in row], sort_keys=True, default=str).encode()
            )
    return counts, digest.hexdigest()


def copy_from(server: ServerDatabase, source: Database) -> CopyResult:
    """Copy ``source`` into ``server``; refuses a server that already holds data."""
    from sqlalchemy import func, insert, select, text

    from wir_manager.storage.models import Base
    from wir_manager.storage.server_admin import IDENTITY_TRIGGERS, _as_owner

    tables = list(Base.metadata.sorted_tables)
    with source.engine.connect() as src:
        data = {t.name: _rows(src, t) for t in tables}
        expected_counts, expected_hash = _digest(src, tables)
    with server.engine.begin() as conn:
        _as_owner(conn)
        for table in tables:
            if table.name == "settings":
                continue
            if conn.execute(select(func.count()).select_from(table)).scalar():
                raise StorageError(
                    _(
                        "The team server already holds data ({table}); copy a file only "
                        "into a freshly set-up, empty database."
                    ).format(table=table.name)
                )
        for table_name, trigger in IDENTITY_TRIGGERS:
            conn.exec_driver_sql(f"ALTER TABLE {table_name} DISABLE TRIGGER {trigger}")
        for table in tables:
            rows = data[table.name]
            if table.name == "settings":
                conn.execute(table.delete().where(table.c.key.in_([r[0] for r in rows])))
            names = [c.name for c in table.columns]
            for start in range(0, len(rows), BATCH):
                chunk = rows[start : start + BATCH]
                conn.execute(insert(table), [dict(zip(names, r, strict=True)) for r in chunk])
            if "id" in table.c and table.c.id.autoincrement is not False and rows:
                conn.execute(
                    text(
                        "SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                        "(SELECT max(id) FROM " + table.name + "))"
                    ),
                    {"t": table.name},
                )
        for table_name, trigger in IDENTITY_TRIGGERS:
            conn.exec_driver_sql(f"ALTER TABLE {table_name} ENABLE TRIGGER {trigger}")
        counts, sha = _digest(conn, tables)
        if counts != expected_counts or sha != expected_hash:
            raise StorageError(
                _(
                    "The copy on the server did not match the file (counts or content "
                    "differ), so nothing was kept; the server is still empty."
                )
            )
    return CopyResult(counts=counts, sha256=sha)
