"""Schema migrations with Alembic, driven from code.

The Alembic command line cannot know the key, so we hand Alembic a connection from the
already-unlocked engine. Opening a database whose schema is older than the code first
writes an encrypted backup beside it, then upgrades inside one transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from wir_manager.storage.errors import MigrationError
from wir_manager.storage.paths import backup_dir, migrations_dir

if TYPE_CHECKING:
    from wir_manager.storage.database import Database

log = logging.getLogger(__name__)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, target: str = "head") -> None:
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def upgrade_if_needed(db: Database) -> Path | None:
    """Upgrade to head after a verified backup; returns the backup path when one was made."""
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return None
    if current is not None:
        script = ScriptDirectory.from_config(alembic_config())
        try:
            known = script.get_revision(current) is not None
        except Exception:
            known = False
        if not known:
            raise MigrationError(
                "This database was written by a newer WiR Manager; update the app to open it."
            )
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = backup_dir(db.path) / f"{db.path.stem}-before-{head}-{stamp}.db"
    if current is not None:
        db.backup_to(backup)
        log.info("backup written before migration to %s", head)
    try:
        upgrade(db)
    except Exception as exc:
        raise MigrationError(
            "The database could not be upgraded; it is unchanged"
            + (f" and a backup is at {backup}." if current is not None else ".")
        ) from exc
    return backup if current is not None else None
