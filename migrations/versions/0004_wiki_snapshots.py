"""wiki snapshots: what the wikis said about a candidate's username, and when

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 22:00:00

One row per candidate, replaced as a whole by a successful verification. A new table
only: upgrading rewrites nothing and changes no one's matching until somebody verifies;
downgrading drops the snapshots (they can be fetched again).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "wiki_snapshots",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("api", sa.String(length=300), nullable=False),
        sa.Column("username", sa.String(length=255), nullable=False),
        sa.Column("found", sa.Boolean(), nullable=False),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("home_wiki", sa.String(length=64), nullable=True),
        sa.Column("registration", sa.Date(), nullable=True),
        sa.Column("global_edit_count", sa.Integer(), nullable=True),
        sa.Column("wikipedia_edits", sa.Integer(), nullable=False),
        sa.Column("wikidata_edits", sa.Integer(), nullable=False),
        sa.Column("commons_edits", sa.Integer(), nullable=False),
        sa.Column("wikisource_edits", sa.Integer(), nullable=False),
        sa.Column("commons_uploads", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_wiki_snapshots_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_wiki_snapshots")),
    )


def downgrade() -> None:
    op.drop_table("wiki_snapshots")
