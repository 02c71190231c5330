"""Primary keys for bulk inserts that must know their rows' ids before writing them.

The demo generator and the spreadsheet import write candidates with their child rows
in batches of plain Core inserts, so they choose the ids themselves. On the local file
(one writer at a time) that is "the highest id + 1 …"; on a team server two clients may
import at the same moment, so the ids come from the table's own sequence, which also
keeps the sequence ahead of every row (an ordinary insert afterwards never collides).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, text


def new_ids(conn: Any, model: Any, count: int) -> list[int]:
    """``count`` unused ids of ``model``'s table, ascending, reserved on ``conn``."""
    if count <= 0:
        return []
    table = model.__table__
    if conn.dialect.name == "postgresql":
        found = conn.execute(
            text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": table.name, "n": count},
        ).scalars()
        return sorted(int(i) for i in found)
    first = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
    return list(range(first, first + count))
