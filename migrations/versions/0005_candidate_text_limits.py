"""candidates, affiliates: a maximum length for every text column, enforced by CHECK

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:00:00

SQLite ignores the n of VARCHAR(n), so until now nothing stopped a 1 MiB name (which
then broke the PDFs). The validation refuses over-long text with a sentence; these
constraints make the file refuse it too, however a row arrives. ``notes`` becomes a
bounded VARCHAR as well.

On SQLite adding a CHECK means rebuilding the table (batch mode; PostgreSQL alters it
in place). Foreign keys are off while a migration runs (``storage.migrate.upgrade``),
so dropping the old ``candidates`` table cascades into nobody's languages, training or
shortlists; they are checked before the commit. A value already longer than its limit
(possible only in files written before this revision) is shortened to the limit, ending
in "…", and the audit log names the record and field (never the value), so the upgrade
never fails on old data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: table → {column: maximum length}; the models' String(n) lengths at this revision.
LIMITS: dict[str, dict[str, int]] = {
    "candidates": {
        "full_name": 300,
        "username": 255,
        "email": 320,
        "phone": 64,
        "country": 2,
        "region": 3,
        "subregion": 3,
        "gender": 100,
        "notes": 10_000,
    },
    "affiliates": {"name": 200, "country": 2},
}
ENTITY = {"candidates": "candidate", "affiliates": "affiliate"}


def _shorten_over_long(table: str, limits: dict[str, int]) -> None:
    bind = op.get_bind()
    shortened: dict[int, list[str]] = {}
    for column, limit in limits.items():
        ids = bind.execute(
            sa.text(f"SELECT id FROM {table} WHERE length({column}) > :limit"), {"limit": limit}
        ).scalars()
        for row_id in ids:
            shortened.setdefault(row_id, []).append(column)
        bind.execute(
            sa.text(
                f"UPDATE {table} SET {column} = substr({column}, 1, :keep) || '…' "
                f"WHERE length({column}) > :limit"
            ),
            {"keep": limit - 1, "limit": limit},
        )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    audit = sa.table(
        "audit_log",
        sa.column("at", sa.DateTime()),
        sa.column("operator", sa.String()),
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_id", sa.Integer()),
        sa.column("fields", sa.JSON()),
    )
    rows = [
        {
            "at": now,
            "operator": "upgrade 0005 (text shortened to its maximum length)",
            "action": "update",
            "entity": ENTITY[table],
            "entity_id": row_id,
            "fields": sorted(columns),
        }
        for row_id, columns in sorted(shortened.items())
    ]
    if rows:
        bind.execute(audit.insert(), rows)


def upgrade() -> None:
    for table, limits in LIMITS.items():
        _shorten_over_long(table, limits)
        with op.batch_alter_table(table) as batch:
            if table == "candidates":
                batch.alter_column(
                    "notes", existing_type=sa.Text(), type_=sa.String(limits["notes"])
                )
            for column, limit in limits.items():
                batch.create_check_constraint(
                    op.f(f"ck_{table}_{column}_length"), f"length({column}) <= {limit}"
                )


def downgrade() -> None:
    for table, limits in LIMITS.items():
        with op.batch_alter_table(table) as batch:
            for column in limits:
                batch.drop_constraint(op.f(f"ck_{table}_{column}_length"), type_="check")
            if table == "candidates":
                batch.alter_column(
                    "notes", existing_type=sa.String(limits["notes"]), type_=sa.Text()
                )
