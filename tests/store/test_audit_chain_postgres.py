"""Several desks (processes) writing one PostgreSQL database at once (issue 18) keep one unbroken
audit chain: appends take a transaction lock before reading the records' old states and the head."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from helpers.audit_desks import desk
from helpers.postgres import PostgresServer
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.audit import AuditService
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.setup import initialise
from ocop_desktop.store.models import AuditEntry

pytestmark = pytest.mark.postgres
DESKS, WRITES = 4, 50


def test_four_desks_writing_at_once_leave_one_intact_chain(
    tmp_path: Path, pg_server: PostgresServer, _pg_template: str
) -> None:
    name = pg_server.new_database(template=_pg_template)
    url = pg_server.url(name)
    ctx = open_app(AppPaths.for_data_dir(tmp_path / "setup"), database=url)
    initialise(ctx, "province", "01", "Trần Thị Bình")
    with ctx.read() as s:
        first = s.scalar(select(func.count()).select_from(AuditEntry))
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(DESKS)
    desks = [
        spawn.Process(target=desk, args=(url, str(tmp_path / f"desk{i}"), i, WRITES, start))
        for i in range(DESKS)
    ]
    for p in desks:
        p.start()
    for p in desks:
        p.join(timeout=300)
    assert [p.exitcode for p in desks] == [0] * DESKS  # no desk's save failed

    report = AuditService(ctx).verify()
    assert report.ok, report.problems[:3]
    with ctx.read() as s:
        entries = s.execute(select(AuditEntry.seq, AuditEntry.table_name).order_by(AuditEntry.seq)).all()
    added = entries[first:]
    assert len(added) == DESKS * WRITES
    assert [seq for seq, _t in entries] == list(range(1, len(entries) + 1))
    assert sorted({t for _s, t in added}) == ["office", "officer"]
    ctx.close()
    pg_server.drop_database(name)
