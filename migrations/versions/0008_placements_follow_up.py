"""placements follow-up: IGO answers, placements in full, check-ins, outcomes, timeline

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 21:34:29

The ``placements`` table existed but nothing filled it. It gains the organisation, the
liaison (a new ``contacts`` table: liaisons are reused per organisation), mentor, host
affiliate / fiscal sponsor, share of full time, work mode and duty station, funding,
the reason for an early end and its own dates; ``candidate_id`` becomes nullable with
ON DELETE SET NULL, so erasing a person keeps the placement's anonymous numbers.
New tables: the IGO's answers per shortlisted person (``shortlist_answers``; the entry
keeps the latest interview date and decline reason), the check-in schedule, end-date
extensions with their history, outcome targets and actuals per report, contact notes
and the stage history of the candidate timeline.

Existing placements get their organisation from their request and a full-time share;
nothing else is rewritten. Downgrading drops the new tables and columns; placements of
erased people (no candidate) and the new statuses, which the older schema cannot hold,
are folded back first (ended early → completed, withdrew → declined).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_contacts_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contacts_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "contact_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_contact_notes_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_notes")),
    )
    with op.batch_alter_table("contact_notes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_notes_candidate_id"), ["candidate_id"], unique=False
        )

    op.create_table(
        "shortlist_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "sent",
                "interview",
                "accepted",
                "declined",
                "withdrew",
                name="shortliststatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("interview_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_shortlist_answers_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["placement_requests.id"],
            name=op.f("fk_shortlist_answers_request_id_placement_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shortlist_answers")),
    )
    with op.batch_alter_table("shortlist_answers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_shortlist_answers_candidate_id"), ["candidate_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_shortlist_answers_request_id"), ["request_id"], unique=False
        )

    op.create_table(
        "stage_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("old", sa.String(length=32), nullable=True),
        sa.Column("new", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_stage_changes_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_changes")),
    )
    with op.batch_alter_table("stage_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stage_changes_candidate_id"), ["candidate_id"], unique=False
        )

    op.create_table(
        "placement_checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "checkin", "midterm", "final", name="checkinkind", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_placement_checkins_placement_id_placements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement_checkins")),
    )
    with op.batch_alter_table("placement_checkins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_placement_checkins_due_on"), ["due_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_placement_checkins_placement_id"), ["placement_id"], unique=False
        )

    op.create_table(
        "placement_extensions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("old_end", sa.Date(), nullable=False),
        sa.Column("new_end", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_placement_extensions_placement_id_placements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement_extensions")),
    )
    with op.batch_alter_table("placement_extensions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_placement_extensions_placement_id"), ["placement_id"], unique=False
        )

    op.create_table(
        "placement_outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("metric", sa.String(length=100), nullable=False),
        sa.Column("target", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_placement_outcomes_placement_id_placements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement_outcomes")),
        sa.UniqueConstraint(
            "placement_id", "metric", name=op.f("uq_placement_outcomes_placement_id")
        ),
    )
    with op.batch_alter_table("placement_outcomes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_placement_outcomes_placement_id"), ["placement_id"], unique=False
        )

    op.create_table(
        "outcome_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outcome_id", sa.Integer(), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=True),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["placement_checkins.id"],
            name=op.f("fk_outcome_values_checkin_id_placement_checkins"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outcome_id"],
            ["placement_outcomes.id"],
            name=op.f("fk_outcome_values_outcome_id_placement_outcomes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_values")),
        sa.UniqueConstraint("outcome_id", "checkin_id", name=op.f("uq_outcome_values_outcome_id")),
    )
    with op.batch_alter_table("outcome_values", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outcome_values_checkin_id"), ["checkin_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_outcome_values_outcome_id"), ["outcome_id"], unique=False
        )

    with op.batch_alter_table("placements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("organisation_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("liaison_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("mentor", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("host_affiliate_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("fiscal_sponsor", sa.String(length=300), nullable=True))
        batch_op.add_column(
            sa.Column("time_share", sa.Integer(), nullable=False, server_default="100")
        )
        batch_op.add_column(
            sa.Column(
                "work_mode",
                sa.Enum(
                    "onsite", "remote", "hybrid", name="workmode", native_enum=False, length=32
                ),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("duty_city", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("duty_country", sa.String(length=2), nullable=True))
        batch_op.add_column(sa.Column("funding_source", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("funding_amount", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("funding_currency", sa.String(length=3), nullable=True))
        batch_op.add_column(sa.Column("end_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("notes", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("started_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("ended_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("created_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))
        batch_op.alter_column("candidate_id", existing_type=sa.INTEGER(), nullable=True)
        batch_op.create_index(
            batch_op.f("ix_placements_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.drop_constraint(
            batch_op.f("fk_placements_candidate_id_candidates"), type_="foreignkey"
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_placements_liaison_id_contacts"),
            "contacts",
            ["liaison_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_placements_organisation_id_organisations"),
            "organisations",
            ["organisation_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_placements_host_affiliate_id_affiliates"),
            "affiliates",
            ["host_affiliate_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_placements_candidate_id_candidates"),
            "candidates",
            ["candidate_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("shortlist_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("interview_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("decline_reason", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("decline_note", sa.Text(), nullable=True))

    op.execute(
        "UPDATE placements SET organisation_id = (SELECT r.organisation_id FROM "
        "placement_requests r WHERE r.id = placements.request_id) WHERE request_id IS NOT NULL"
    )


def downgrade() -> None:
    op.execute("DELETE FROM placements WHERE candidate_id IS NULL")
    op.execute("UPDATE placements SET status = 'completed' WHERE status = 'ended_early'")
    op.execute("UPDATE shortlist_entries SET status = 'declined' WHERE status = 'withdrew'")
    with op.batch_alter_table("shortlist_entries", schema=None) as batch_op:
        batch_op.drop_column("decline_note")
        batch_op.drop_column("decline_reason")
        batch_op.drop_column("interview_on")

    with op.batch_alter_table("placements", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_placements_candidate_id_candidates"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_placements_host_affiliate_id_affiliates"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_placements_organisation_id_organisations"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_placements_liaison_id_contacts"), type_="foreignkey"
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_placements_candidate_id_candidates"),
            "candidates",
            ["candidate_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.drop_index(batch_op.f("ix_placements_organisation_id"))
        batch_op.alter_column("candidate_id", existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column("updated_at")
        batch_op.drop_column("created_at")
        batch_op.drop_column("ended_on")
        batch_op.drop_column("started_on")
        batch_op.drop_column("notes")
        batch_op.drop_column("end_reason")
        batch_op.drop_column("funding_currency")
        batch_op.drop_column("funding_amount")
        batch_op.drop_column("funding_source")
        batch_op.drop_column("duty_country")
        batch_op.drop_column("duty_city")
        batch_op.drop_column("work_mode")
        batch_op.drop_column("time_share")
        batch_op.drop_column("fiscal_sponsor")
        batch_op.drop_column("host_affiliate_id")
        batch_op.drop_column("mentor")
        batch_op.drop_column("liaison_id")
        batch_op.drop_column("organisation_id")

    with op.batch_alter_table("outcome_values", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_values_outcome_id"))
        batch_op.drop_index(batch_op.f("ix_outcome_values_checkin_id"))

    op.drop_table("outcome_values")
    with op.batch_alter_table("placement_outcomes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_placement_outcomes_placement_id"))

    op.drop_table("placement_outcomes")
    with op.batch_alter_table("placement_extensions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_placement_extensions_placement_id"))

    op.drop_table("placement_extensions")
    with op.batch_alter_table("placement_checkins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_placement_checkins_placement_id"))
        batch_op.drop_index(batch_op.f("ix_placement_checkins_due_on"))

    op.drop_table("placement_checkins")
    with op.batch_alter_table("stage_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stage_changes_candidate_id"))

    op.drop_table("stage_changes")
    with op.batch_alter_table("shortlist_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shortlist_answers_request_id"))
        batch_op.drop_index(batch_op.f("ix_shortlist_answers_candidate_id"))

    op.drop_table("shortlist_answers")
    with op.batch_alter_table("contact_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_notes_candidate_id"))

    op.drop_table("contact_notes")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_organisation_id"))

    op.drop_table("contacts")
