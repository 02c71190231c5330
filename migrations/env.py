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


def _run_with(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
