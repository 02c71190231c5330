"""candidates: the name in Latin script

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 22:10:00

People whose name is written in Arabic, Devanagari, Chinese, Cyrillic … often also use a
Latin spelling of it (in e-mail, on wikis, for an IGO's staff). The new optional column
holds it, bounded like ``full_name`` (CHECK length <= 300). Existing candidates start
without one; on SQLite the table is rebuilt (batch mode) to add the CHECK, with foreign
keys off during the migration (``storage.migrate.upgrade``), so no child row is touched.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("candidates") as batch:
        batch.add_column(sa.Column("latin_name", sa.String(300), nullable=True))
        batch.create_check_constraint(
            op.f("ck_candidates_latin_name_length"), "length(latin_name) <= 300"
        )


def downgrade() -> None:
    with op.batch_alter_table("candidates") as batch:
        batch.drop_constraint(op.f("ck_candidates_latin_name_length"), type_="check")
        batch.drop_column("latin_name")
