"""Migrations on PostgreSQL: empty -> head -> base -> head, and no drift between models and migrations
(the SQLite twins are in test_migrations.py)."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from ocop_desktop.store.base import Base
from ocop_desktop.store.database import alembic_config, current_revision, head_revision
from ocop_desktop.store.engines import make_server_engine

pytestmark = pytest.mark.postgres


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_upgrade_downgrade_upgrade_on_postgres(pg_url: str) -> None:
    engine = make_server_engine(pg_url)
    cfg = alembic_config(engine)
    command.upgrade(cfg, "head")
    assert current_revision(engine) == head_revision(engine)
    assert {"office", "officer", "producer", "product", "admin_unit"} <= _tables(engine)
    command.downgrade(cfg, "base")
    assert current_revision(engine) is None
    assert _tables(engine) <= {"alembic_version"}
    command.upgrade(cfg, "head")
    assert current_revision(engine) == head_revision(engine)
    engine.dispose()


def test_models_match_migrations_on_postgres(pg_url: str) -> None:
    engine = make_server_engine(pg_url)
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == [], f"models and migrations differ on PostgreSQL; write a migration: {diff}"
