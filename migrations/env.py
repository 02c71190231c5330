"""Alembic environment: runs on the connection WiR Manager hands it (the key is in there).

For autogenerate during development, with no connection given, it uses an unencrypted
in-memory SQLite database: schema only, never data.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from wir_manager.storage.models import Base

target_metadata = Base.metadata
config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url") or "sqlite://"
        engine = create_engine(url)
        with engine.begin() as conn:
            _run_with(conn)
        return
    _run_with(connection)


def _refuse_foreign_keys_on(connection) -> None:  # type: ignore[no-untyped-def]
    """A connection with foreign keys ON would cascade-delete child rows when batch mode
    rebuilds a parent table; WiR Manager's runner (``storage.migrate``) switches them off
    first. Handing Alembic the app's connection directly is refused with a sentence."""
    from wir_manager.i18n import _
    from wir_manager.storage.errors import MigrationError
    from wir_manager.storage.migrate import FOREIGN_KEYS_OFF

    if connection.dialect.name != "sqlite" or connection.info.get(FOREIGN_KEYS_OFF):
        return
    if connection.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise MigrationError(
            _(
                "Schema changes must run through WiR Manager's migration runner (foreign keys "
                "off, checked afterwards); nothing was changed."
            )
        )


def _run_with(connection) -> None:  # type: ignore[no-untyped-def]
    _refuse_foreign_keys_on(connection)
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
