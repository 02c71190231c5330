"""optimistic row versions on every record an editor saves

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 22:50:00

Team mode (several clients on one PostgreSQL server) needs a lost-update guard that holds
inside the database, not only in the form: SQLAlchemy's ``version_id_col`` makes every
ORM UPDATE/DELETE of these rows conditional on the version it loaded. The column starts
at 1 for every existing row (server default), so upgrading rewrites nothing and changes
no behaviour until two saves race; downgrading only drops the counters.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The tables of the records an editor saves (models.Versioned).
TABLES = (
    "candidates",
    "training_modules",
    "placement_requests",
    "weight_profiles",
    "shortlist_entries",
    "placements",
)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table,
            sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"),
        )


def downgrade() -> None:
    for table in reversed(TABLES):
        # Batch mode: SQLite before 3.35 cannot drop a column in place.
        with op.batch_alter_table(table) as batch:
            batch.drop_column("row_version")
