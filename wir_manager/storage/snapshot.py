"""``server snapshot FILE``: an encrypted SQLCipher copy of what the caller may see.

For travel without a connection: the copy is made through the caller's own login, so
the server's row-level security and column privileges decide what is in it — an
affiliate's staff get their affiliate's people, a viewer gets no contact details or
notes. Rows whose parent the caller may not see (a shortlist entry of a hidden person)
are left out, so the file is consistent.

A snapshot is marked in its settings (:data:`SNAPSHOT_SETTING`: where from, when, by
whom, read-only or not). Read-only is the default and is enforced by SQLite itself
(``PRAGMA query_only`` on every connection, see ``Database._connect``): edits made in a
copy could never flow back to the server, so by default none can be made. The desktop
app marks a snapshot in the window title.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wir_manager.storage.database import Database
    from wir_manager.storage.server import ServerDatabase

#: Settings key holding the snapshot's description (JSON).
SNAPSHOT_SETTING = "snapshot"
#: Settings that describe one file, not the programme.
_FILE_ONLY_SETTINGS = {"operator", SNAPSHOT_SETTING}
BATCH = 1000


@dataclass(frozen=True)
class SnapshotInfo:
    """What a snapshot file says about itself."""

    source: str
    taken_at: str
    taken_by: str
    read_only: bool

    def to_json(self) -> str:
        return json.dumps(
            {
                "source": self.source,
                "taken_at": self.taken_at,
                "taken_by": self.taken_by,
                "read_only": self.read_only,
            },
            sort_keys=True,
        )

    @classmethod
    def parse(cls, text: str | None) -> SnapshotInfo | None:
        if not text:
            return None
        try:
            data = json.loads(text)
            return cls(
                source=str(data["source"]),
                taken_at=str(data["taken_at"]),
                taken_by=str(data.get("taken_by", "")),
                read_only=bool(data.get("read_only", True)),
            )
        except (ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class SnapshotResult:
    path: Path
    counts: dict[str, int]
    #: Rows visible on the server but left out because their parent was not visible.
    dropped: int
    info: SnapshotInfo


def _visible_columns(conn: Any, table: Any) -> list[Any]:
    """The columns of ``table`` the login may SELECT (all, some, or none)."""
    from sqlalchemy import text

    names = [c.name for c in table.columns]
    checks = ", ".join(f"has_column_privilege(:t, :c{i}, 'SELECT')" for i in range(len(names)))
    params: dict[str, str] = {"t": table.name, **{f"c{i}": n for i, n in enumerate(names)}}
    row = conn.execute(text(f"SELECT {checks}"), params).one()
    return [table.c[n] for n, allowed in zip(names, row, strict=True) if allowed]


def read_visible(server: ServerDatabase) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every table as the login sees it: (column names, rows), in one read transaction
    (REPEATABLE READ, so the copy is of one moment)."""
    from sqlalchemy import literal, select

    from wir_manager.storage.models import Base

    out: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    with server.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            for table in Base.metadata.sorted_tables:
                columns = _visible_columns(conn, table)
                if not columns:
                    out[table.name] = ([], [])
                    continue
                # A refused column the file requires (a contact note's text) goes in
                # empty; refused nullable ones are simply left out (NULL).
                shown = {c.name for c in columns}
                columns += [
                    literal("").label(c.name)
                    for c in table.columns
                    if c.name not in shown and not c.nullable and c.default is None
                ]
                query = select(*columns).order_by(*table.primary_key.columns)
                if table.name == "settings":
                    query = query.where(table.c.key.not_in(_FILE_ONLY_SETTINGS))
                out[table.name] = (
                    [c.name for c in columns],
                    [tuple(r) for r in conn.execute(query)],
                )
    return out


def take_snapshot(
    server: ServerDatabase,
    path: Path,
    passphrase: str,
    *,
    read_only: bool = True,
    now: dt.datetime | None = None,
) -> SnapshotResult:
    """Write the snapshot to ``path`` (a new file, 0600, encrypted with ``passphrase``)."""
    from sqlalchemy import insert

    from wir_manager.storage.database import Database
    from wir_manager.storage.models import Base

    path = Path(path)
    data = read_visible(server)
    taken = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    info = SnapshotInfo(
        source=server.location,
        taken_at=taken.isoformat(),
        taken_by=server.operator,
        read_only=read_only,
    )
    db = Database.create(path, passphrase, server.operator)
    try:
        tables = list(Base.metadata.sorted_tables)
        with db.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            # Children of rows the login cannot see are removed after the inserts
            # (foreign_key_check), so the checks are off while they go in.
            raw.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    for table in reversed(tables):
                        if table.name != "settings":
                            conn.execute(table.delete())
                    for table in tables:
                        names, rows = data[table.name]
                        if table.name == "settings" and rows:
                            conn.execute(
                                table.delete().where(table.c.key.in_([r[0] for r in rows]))
                            )
                        for start in range(0, len(rows), BATCH):
                            chunk = rows[start : start + BATCH]
                            conn.execute(
                                insert(table), [dict(zip(names, r, strict=True)) for r in chunk]
                            )
                    dropped = _drop_orphans(conn)
                    settings = Base.metadata.tables["settings"]
                    conn.execute(settings.delete().where(settings.c.key == SNAPSHOT_SETTING))
                    conn.execute(
                        insert(settings), [{"key": SNAPSHOT_SETTING, "value": info.to_json()}]
                    )
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
        counts = db.counts()
    finally:
        db.close()
    return SnapshotResult(path=path, counts=counts, dropped=dropped, info=info)


def _drop_orphans(conn: Any) -> int:
    """Delete rows pointing at rows that are not in the copy; repeated, since removing
    one can orphan its own children. Returns how many were removed."""
    removed = 0
    while True:
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if not broken:
            return removed
        by_table: dict[str, set[int]] = {}
        for table, rowid, _parent, _fk in broken:
            by_table.setdefault(table, set()).add(int(rowid))
        for table, rowids in by_table.items():
            ids = sorted(rowids)
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join("?" for _ in chunk)
                conn.exec_driver_sql(
                    f'DELETE FROM "{table}" WHERE rowid IN ({marks})', tuple(chunk)
                )
            removed += len(ids)


def snapshot_info(db: Database, *, as_opened: bool = False) -> SnapshotInfo | None:
    """The snapshot description of an open file (None for an ordinary database).

    ``as_opened``: as read when the file was unlocked, without the engine (the main
    window's title, before its first frame). A file is marked a snapshot when the copy is
    made, before anyone opens it, so the marking read then is the marking now."""
    if as_opened and db.identity is not None:
        return SnapshotInfo.parse(db.identity.snapshot)
    return SnapshotInfo.parse(db.setting(SNAPSHOT_SETTING))
