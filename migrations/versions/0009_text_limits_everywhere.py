"""a maximum length for the text of every other table a person writes (requests, notes …)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 01:30:00

Revision 0005 bounded the candidates' and affiliates' text. Requests, organisations,
contacts, shortlist notes and answers, placements with their reasons and check-ins,
contact notes, training modules, weight profiles and the disclosure log still took any
length (``TEXT`` columns, and SQLite ignores the n of VARCHAR(n)), and a long enough
text broke the PDFs that carry them (issue #17). Free texts become bounded VARCHARs
(10,000 characters for notes and reasons, 20,000 for descriptions) and every bounded
column gets a ``CHECK (length(col) <= n)``, as in 0005.

On SQLite adding a CHECK rebuilds the table (batch mode; PostgreSQL alters it in place);
foreign keys are off while a migration runs and are checked before the commit. A value
already longer than its limit is shortened to the limit, ending in "…", and the audit
log names the record and field (never the value), so the upgrade never fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOTE = 10_000
LONG = 20_000

#: table → {column: maximum length}; the models' String(n) lengths at this revision.
LIMITS: dict[str, dict[str, int]] = {
    "training_modules": {"title": 300, "description": LONG},
    "organisations": {"name": 300, "acronym": 40, "country": 2, "website": 300},
    "placement_requests": {"title": 300, "description": LONG, "duty_city": 200, "duty_country": 2},
    "weight_profiles": {"name": 100},
    "shortlist_entries": {"note": NOTE, "decline_reason": 32, "decline_note": NOTE},
    "shortlist_answers": {"reason": 32, "note": NOTE},
    "contacts": {"name": 300, "role": 200, "email": 320},
    "placements": {
        "mentor": 300,
        "fiscal_sponsor": 300,
        "duty_city": 200,
        "duty_country": 2,
        "funding_source": 300,
        "funding_currency": 3,
        "end_reason": NOTE,
        "notes": NOTE,
    },
    "placement_extensions": {"reason": NOTE},
    "placement_checkins": {"note": NOTE},
    "placement_outcomes": {"metric": 100},
    "contact_notes": {"text": NOTE, "by": 200},
    "disclosures": {"recipient": 300, "created_by": 200, "file_sha256": 64},
}
#: Columns that were TEXT before this revision.
WAS_TEXT: dict[str, tuple[str, ...]] = {
    "training_modules": ("description",),
    "placement_requests": ("description",),
    "shortlist_entries": ("note", "decline_note"),
    "shortlist_answers": ("note",),
    "placements": ("end_reason", "notes"),
    "placement_extensions": ("reason",),
    "placement_checkins": ("note",),
    "contact_notes": ("text",),
}
#: The audit log's entity names (``storage.audit.ENTITIES``); rows of the other tables
#: are logged under the record they belong to when shortened.
ENTITY = {
    "training_modules": "training_module",
    "organisations": "organisation",
    "placement_requests": "request",
    "weight_profiles": "weight_profile",
    "shortlist_entries": "shortlist_entry",
    "shortlist_answers": "shortlist_answer",
    "contacts": "contact",
    "placements": "placement",
    "placement_extensions": "placement_extension",
    "placement_checkins": "placement_checkin",
    "placement_outcomes": "outcome",
    "contact_notes": "contact_note",
    "disclosures": "disclosure",
}


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
    if not shortened:
        return
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
    bind.execute(
        audit.insert(),
        [
            {
                "at": now,
                "operator": "upgrade 0009 (text shortened to its maximum length)",
                "action": "update",
                "entity": ENTITY[table],
                "entity_id": row_id,
                "fields": sorted(columns),
            }
            for row_id, columns in sorted(shortened.items())
        ],
    )


def upgrade() -> None:
    for table, limits in LIMITS.items():
        _shorten_over_long(table, limits)
        with op.batch_alter_table(table) as batch:
            for column in WAS_TEXT.get(table, ()):
                batch.alter_column(column, existing_type=sa.Text(), type_=sa.String(limits[column]))
            for column, limit in limits.items():
                batch.create_check_constraint(
                    op.f(f"ck_{table}_{column}_length"), f"length({column}) <= {limit}"
                )


def downgrade() -> None:
    for table, limits in LIMITS.items():
        with op.batch_alter_table(table) as batch:
            for column in limits:
                batch.drop_constraint(op.f(f"ck_{table}_{column}_length"), type_="check")
            for column in WAS_TEXT.get(table, ()):
                batch.alter_column(column, existing_type=sa.String(limits[column]), type_=sa.Text())
