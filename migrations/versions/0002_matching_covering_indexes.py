"""covering indexes for the matching pool's cold read

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 15:30:00

The first ranking after a data change reads, per language code / platform / topic, the
people holding it with their level, and the people who completed each mandatory module.
These indexes hold exactly those columns, so each read is one index-only range instead of
a pass over the whole child table plus a table lookup per row. Indexes only: no data
changes, so upgrading an existing database is quick and downgrading loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (table, index name, columns), the same as the models' ``__table_args__``.
INDEXES = (
    (
        "candidate_languages",
        "ix_candidate_languages_code_level_candidate",
        ["code", "level", "candidate_id"],
    ),
    (
        "candidate_skills",
        "ix_candidate_skills_platform_level_candidate",
        ["platform", "level", "candidate_id"],
    ),
    ("candidate_topics", "ix_candidate_topics_topic_candidate", ["topic", "candidate_id"]),
    (
        "training_progress",
        "ix_training_progress_status_module_candidate",
        ["status", "module_id", "candidate_id"],
    ),
)


def upgrade() -> None:
    for table, name, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for table, name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
