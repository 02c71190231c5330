"""Schema migrations with Alembic, driven from code.

The Alembic command line cannot know the key, so we hand Alembic a connection from the
already-unlocked engine. Opening a database whose schema is older than the code first
writes an encrypted backup beside it, then upgrades inside one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wir_manager.i18n import _
from wir_manager.storage.errors import MigrationError
from wir_manager.storage.paths import backup_dir, migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

    from wir_manager.storage.database import Database

log = logging.getLogger(__name__)


# Alembic is imported only when a migration really runs: every unlock checks the
# revision, and importing Alembic for that alone would add ~0.1 s to each start. The
# revision a file is at is read without SQLAlchemy too (storage.cipherfile).


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


_REVISION_LINE = re.compile(
    r"""^(?P<name>revision|down_revision)\b[^=\n]*=\s*(?:None|(?P<q>["'])(?P<value>[^"'\n]*)(?P=q))\s*$""",
    re.MULTILINE,
)


def _revisions_in_files() -> dict[str, str | None]:
    """revision → down_revision, read from the scripts' literal assignments.

    A line scan finds them in Alembic's own script layout; anything else is parsed as
    Python. (This runs at every unlock; parsing the initial schema's 700 lines took
    longer than the rest of identifying the file.)
    """
    found: dict[str, str | None] = {}
    for script in sorted((migrations_dir() / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        values: dict[str, object] = {m["name"]: m["value"] for m in _REVISION_LINE.finditer(text)}
        if "revision" not in values or "down_revision" not in values:
            values = _literal_assignments(text)
        revision, down = values.get("revision"), values.get("down_revision")
        if isinstance(revision, str) and (down is None or isinstance(down, str)):
            found[revision] = down
    return found


def _literal_assignments(text: str) -> dict[str, object]:
    import ast

    values: dict[str, object] = {}
    for node in ast.parse(text).body:
        target = (
            node.target
            if isinstance(node, ast.AnnAssign)
            else (
                node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None
            )
        )
        if isinstance(target, ast.Name) and node.value is not None:
            try:
                values[target.id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return values


def head_revision() -> str | None:
    revisions = _revisions_in_files()
    heads = set(revisions) - {down for down in revisions.values() if down}
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory  # branches or merges: ask Alembic

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def is_known_revision(revision: str) -> bool:
    """True when this app's scripts contain ``revision`` (else a newer app wrote it)."""
    return revision in _revisions_in_files()


def current_revision(db: Database) -> str | None:
    if getattr(db, "is_server", False):
        return db.revision()  # type: ignore[attr-defined]
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    try:
        with db.engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:  # no alembic_version table: not a migrated database
        return None


#: Connection info key set while a migration runs with foreign keys off (env.py checks it).
FOREIGN_KEYS_OFF = "wir_foreign_keys_off"


@contextlib.contextmanager
def _migration_connection(db: Database, what: str) -> Iterator[Any]:
    """One connection, foreign keys OFF, ONE transaction; ``foreign_key_check`` at the end.

    A revision that adds a constraint rebuilds the table (SQLite batch mode: copy, drop,
    rename). With ``foreign_keys = ON`` the drop would cascade-delete or null every
    child row (languages, training, shortlists …), so the pragma is off for the run —
    it can only change outside a transaction — and ``foreign_key_check`` must come back
    empty before the commit. Downgrades rebuild tables too, so they run the same way.
    """
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                conn.info[FOREIGN_KEYS_OFF] = True
                yield conn
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    tables = sorted({row[0] for row in broken})
                    raise MigrationError(
                        f"the {what} would leave rows pointing at nothing in " + ", ".join(tables)
                    )
        finally:
            conn.info.pop(FOREIGN_KEYS_OFF, None)
            raw.execute("PRAGMA foreign_keys = ON")


def upgrade(db: Database, target: str = "head") -> None:
    """Run the revisions up to ``target`` in ONE transaction with foreign keys off
    (see :func:`_migration_connection`)."""
    from alembic import command

    cfg = alembic_config()
    with _migration_connection(db, "upgrade") as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def downgrade(db: Database, target: str) -> None:
    """Go back to revision ``target`` — not offered to users (development, tests) — with
    the same protection as :func:`upgrade`: no cascade deletes, checked before commit."""
    from alembic import command

    cfg = alembic_config()
    with _migration_connection(db, "downgrade") as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)


def upgrade_if_needed(db: Database) -> Path | None:
    """Upgrade to head after a verified backup; returns the backup path when one was made."""
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return None
    if current is not None:
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(alembic_config())
        try:
            known = script.get_revision(current) is not None
        except Exception:
            known = False
        if not known:
            raise MigrationError(
                _("This database was written by a newer WiR Manager; update the app to open it.")
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
