"""candidates: willing to relocate (duty station rule of matching)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 16:00:00

Requests placed on site or hybrid in a duty country need a candidate who lives there or
would move. The new column records the person's answer: true (would relocate), false
(would not), NULL (not recorded; every existing candidate starts here, so upgrading
changes no one's matching until the answer is entered). A nullable column with no
default: adding it rewrites nothing, and downgrading only drops the recorded answers.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("candidates", sa.Column("willing_to_relocate", sa.Boolean(), nullable=True))


def downgrade() -> None:
    # Batch mode: SQLite before 3.35 cannot drop a column in place.
    with op.batch_alter_table("candidates") as batch:
        batch.drop_column("willing_to_relocate")
