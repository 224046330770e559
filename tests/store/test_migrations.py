"""Migrations: empty -> head -> base -> head, no drift between models and migrations,
and a backup of the previous file before an upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from ocop_desktop.store.base import Base
from ocop_desktop.store.database import (
    alembic_config,
    backup_file,
    current_revision,
    head_revision,
    make_engine,
    migrate,
)


def _tables(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_upgrade_downgrade_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite3"
    engine = make_engine(db)
    cfg = alembic_config(engine)
    command.upgrade(cfg, "head")
    assert current_revision(engine) == head_revision(engine)
    assert {"office", "officer", "producer", "product", "admin_unit"} <= _tables(db)
    command.downgrade(cfg, "base")
    assert current_revision(engine) is None
    assert _tables(db) <= {"alembic_version"}
    command.upgrade(cfg, "head")
    assert current_revision(engine) == head_revision(engine)
    engine.dispose()


def test_models_match_migrations(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "drift.sqlite3")
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"render_as_batch": True}), Base.metadata
        )
    engine.dispose()
    assert diff == [], f"models and migrations differ; write a migration: {diff}"


def test_backup_is_a_consistent_copy_including_wal(tmp_path: Path) -> None:
    db = tmp_path / "live.sqlite3"
    engine = make_engine(db)
    command.upgrade(alembic_config(engine), "head")
    with engine.begin() as conn:  # this row sits in the WAL file, not yet in the main file
        conn.exec_driver_sql(
            "INSERT INTO admin_unit (code, name, division_type, level, search_key) "
            "VALUES ('01', 'Thành phố Hà Nội', 'tp', 'province', 'ha noi')"
        )
    kept = backup_file(engine, db, tmp_path / "backups", "rev-test")
    engine.dispose()
    with sqlite3.connect(kept) as conn:
        assert conn.execute("SELECT name FROM admin_unit").fetchall() == [("Thành phố Hà Nội",)]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_migrate_at_head_keeps_no_copy(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite3"
    engine = make_engine(db)
    migrate(engine, db, tmp_path / "backups")
    migrate(engine, db, tmp_path / "backups")
    engine.dispose()
    assert not (tmp_path / "backups").exists()


def test_foreign_keys_and_wal_are_on(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "p.sqlite3")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()


def test_fast_head_reading_agrees_with_alembic(tmp_path: Path) -> None:
    from ocop_desktop.store.database import head_revision_fast

    engine = make_engine(tmp_path / "x.sqlite3")
    assert head_revision_fast() == head_revision(engine)
    engine.dispose()
