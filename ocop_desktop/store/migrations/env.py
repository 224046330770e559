"""Alembic environment: run programmatically by ocop_desktop.store.database (no alembic.ini)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine

import ocop_desktop.store.models  # noqa: F401  (registers every table)
from ocop_desktop.store.base import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    connection = config.attributes.get("connection")
    if connection is not None:
        assert isinstance(connection, Connection), "ocop_desktop.store.database passes a connection"
        _run(connection)
        return
    assert isinstance(engine, Engine), "ocop_desktop.store.database passes the engine"
    with engine.begin() as conn:
        _run(conn)


def _run(connection: Connection) -> None:
    # render_as_batch: SQLite cannot ALTER most things; batch mode recreates the table.
    # transactional_ddl: SQLite does roll DDL back, when the driver lets it (store.upgrade runs us on
    # an engine whose transactions cover DDL): every step and the version stamp commit together.
    context.configure(
        connection=connection, target_metadata=target_metadata, render_as_batch=True, transactional_ddl=True
    )
    with context.begin_transaction():
        context.run_migrations()
        if config.attributes.get("reseal"):  # an upgrade: the records' canonical form may have changed,
            from ocop_desktop.store.audit.seal import mark_pending  # seal them again at the next start

            mark_pending(connection)  # in the upgrade's own transaction: both or neither


if context.is_offline_mode():  # pragma: no cover - we never generate SQL scripts
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
