"""A database of the previous release (schema 0010, with an office, two officers and a producer) opened
by this one: the first officer becomes administrator, the old records are sealed, the log verifies, and
an UPDATE made afterwards with sqlite3 is found."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.audit import AuditService
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.officers import OfficerService
from ocop_desktop.store.database import alembic_config, make_engine

NOW = "2026-01-05 08:00:00.000000"


def _old_release(data: Path) -> None:
    data.mkdir()
    engine = make_engine(data / "ocop.sqlite3")
    command.upgrade(alembic_config(engine), "0010")
    engine.dispose()
    with sqlite3.connect(data / "ocop.sqlite3") as conn:
        conn.execute(
            "INSERT INTO admin_unit (code, name, division_type, level, search_key) "
            "VALUES ('00070', 'Phường Hoàn Kiếm', 'Phường', 'commune', 'phuong hoan kiem')"
        )
        conn.execute(
            "INSERT INTO office (id, role, unit_code, name, is_self, revision, created_at, updated_at) "
            f"VALUES ('o1', 'commune', '00070', 'UBND Phường Hoàn Kiếm', 1, 1, '{NOW}', '{NOW}')"
        )
        for ident, name, day in (("a", "Nguyễn Văn An", "05"), ("b", "Lê Thị Bình", "06")):
            conn.execute(
                "INSERT INTO officer (id, office_id, name, title, active, revision, created_at, updated_at) "
                f"VALUES (?, 'o1', ?, '', 1, 1, '2026-01-{day} 08:00:00.000000', '{NOW}')",
                (ident, name),
            )
        conn.execute(
            "INSERT INTO producer (id, name, kind, commune_code, address, tax_code, phone, email, "
            "representative, representative_title, search_key, revision, created_at, updated_at) "
            "VALUES ('p1', 'HTX Cà phê', "
            f"'htx', '00070', '', '', '', '', 'Lê Thị Mai', '', 'htx ca phe', 1, '{NOW}', '{NOW}')"
        )


def test_an_old_database_is_sealed_and_guarded(tmp_path: Path) -> None:
    _old_release(tmp_path / "old")
    ctx = open_app(AppPaths.for_data_dir(tmp_path / "old"))
    try:
        officers = {o.name: o.is_admin for o in OfficerService(ctx).list()}
        assert officers == {"Nguyễn Văn An": True, "Lê Thị Bình": False}
        report = AuditService(ctx).verify()
        assert report.ok and report.rows >= 4
        with sqlite3.connect(ctx.paths.db_path) as conn:
            conn.execute("UPDATE producer SET representative = 'Người khác' WHERE id = 'p1'")
        problems = AuditService(ctx).verify().problems
        assert [(p.kind, p.table_name) for p in problems] == [("table", "producer")]
    finally:
        ctx.close()
