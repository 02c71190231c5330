"""Alembic revisions and models agree; older databases upgrade after a backup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from tests.conftest import PASSPHRASE
from wir_manager.storage import migrate, paths
from wir_manager.storage.database import Database
from wir_manager.storage.errors import MigrationError
from wir_manager.storage.models import Base

EXTRA_REVISION = '''
"""test-only revision"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_extra", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("test_extra")
'''


def test_upgrade_head_from_empty_equals_models(db: Database) -> None:
    """No drift: the schema the migrations build is exactly the models' schema."""
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    assert diff == []
    assert migrate.current_revision(db) == migrate.head_revision()


def test_older_database_is_backed_up_then_upgraded(
    db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wir_manager.services import demo

    demo.generate(db, candidates=20, requests=2, seed=3)
    db.close()
    scripts = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (scripts / "versions" / "9999_extra.py").write_text(EXTRA_REVISION.format(head=head))
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)

    with Database.open(db_path, PASSPHRASE) as upgraded:
        assert migrate.current_revision(upgraded) == "9999"
        assert upgraded.info().counts["candidates"] == 20
    backups = list(paths.backup_dir(db_path).glob("*.db"))
    assert len(backups) == 1
    # The backup is encrypted with the same passphrase and holds the old revision.
    monkeypatch.undo()
    with Database.open(backups[0], PASSPHRASE, migrate_schema=False) as old:
        assert migrate.current_revision(old) == head
        assert old.info().counts["candidates"] == 20


def test_newer_database_than_the_app_is_refused(db: Database, db_path: Path) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff_future'")
    db.close()
    with pytest.raises(MigrationError, match="newer WiR Manager"):
        Database.open(db_path, PASSPHRASE)
