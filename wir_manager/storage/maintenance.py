"""SQLite/SQLCipher housekeeping the services need but must not spell in raw SQL.

Kept apart from :mod:`storage.database` so the privacy and backup services can ask for
"compact the file" or "check the file" without knowing SQLite dialect; on a team server
``compact`` runs ``VACUUM`` on the tables an erasure touches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wir_manager.i18n import _
from wir_manager.storage.errors import StorageError

if TYPE_CHECKING:
    from wir_manager.storage.database import Database

#: Setting that says an erasure's compaction failed (full disk) and is to be retried.
COMPACTION_PENDING = "compaction_pending"


def mark_compaction_pending(db: Database) -> bool:
    """Remember to compact at the next unlock; False if even that could not be written."""
    try:
        db.set_setting(COMPACTION_PENDING, "1")
    except StorageError:
        return False
    return True


def clear_compaction_pending(db: Database) -> None:
    db.set_setting(COMPACTION_PENDING, "0")


def compact(db: Database) -> bool:
    """Rewrite the file without free pages, then empty the WAL.

    After an erasure ``secure_delete`` has zeroed the deleted cells, but copies of the old
    pages can still sit in the WAL and in free-list pages; ``VACUUM`` rebuilds the file
    from live rows only and ``wal_checkpoint(TRUNCATE)`` folds the WAL in and truncates
    it. VACUUM cannot run inside a transaction, so it runs on a raw pooled connection
    (which is in autocommit mode: the driver never issues ``BEGIN`` by itself).

    Returns False when another process was reading at that moment, so the WAL could not
    be emptied completely (the next checkpoint will do it).
    """
    if getattr(db, "is_server", False):
        from wir_manager.storage import server_admin

        # Rows deleted on a server stay in the table's pages until VACUUM reclaims them;
        # only an admin (acting as the tables' owner) may run it. SECURITY.md says what
        # it cannot reach (WAL archives, replicas, dumps).
        return server_admin.vacuum(db, list(server_admin.ERASURE_TABLES))  # type: ignore[arg-type]
    from wir_manager.storage.cipherfile import translate_os_error

    raw = db.engine.raw_connection()
    try:
        cursor = raw.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute("VACUUM")
            busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            cursor.close()
    except Exception as exc:
        translated = translate_os_error(exc, db.path)
        if translated is not None:
            raise translated from None
        raise StorageError(
            _(
                "The database could not be compacted; the data is safe but freed space was not "
                "reclaimed."
            )
        ) from None
    finally:
        raw.close()
    return not busy


def integrity_check(db: Database) -> str:
    """``"ok"`` when SQLite finds no damage, else its first complaint (no row data).

    A team server has no ``PRAGMA integrity_check``, and its foreign keys are enforced by
    PostgreSQL at every commit; there the check reads every row of every table once (a
    damaged page fails the read) and says ``"ok"`` when all could be read."""
    if getattr(db, "is_server", False):
        from sqlalchemy import func, select

        from wir_manager.storage.models import Base

        with db.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                conn.execute(select(func.count()).select_from(table)).scalar()
        return "ok"
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql("PRAGMA integrity_check").fetchone()
    return str(row[0]) if row else "no answer"
