"""`store migrate-to URL` (issue 18): a real SQLite installation (the commune demo data) copied to a real
PostgreSQL database, checked table by table and by `audit verify`; the copy read back through the
services on the server; a target that is not empty, a server that refuses, a cancel: the server keeps
nothing and the SQLite file is unchanged."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from helpers.postgres import PostgresServer, free_port
from ocop_desktop.domain.errors import Cancelled, EnvironmentProblem, UserError
from ocop_desktop.main import main
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.store_move import migrate_to, tables_in_order
from ocop_desktop.services.demo.load import load_demo_data
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.store.engines import DATABASE_ENV, configured_url

pytestmark = pytest.mark.postgres
FIRST = "rowid = (SELECT min(rowid) FROM producer)"


@pytest.fixture(autouse=True)
def _no_database_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATABASE_ENV, "")


@pytest.fixture
def source(paths: AppPaths) -> Iterator[AppContext]:
    """A commune office on its SQLite file, with the demo producers, products and dossiers."""
    ctx = open_app(paths)
    load_demo_data(ctx, scale="commune")
    yield ctx
    ctx.close()


def _file_digest(path: Path) -> str:
    conn = sqlite3.connect(path)  # the rows, not the bytes: a read may checkpoint the WAL
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY 1")]
        rows = [repr(sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)) for t in tables]
    finally:
        conn.close()
    return hashlib.sha256("".join(rows).encode()).hexdigest()


def _in_utc(value: Any) -> Any:
    """Service results with every time as a naive UTC datetime: the same instants come back from
    PostgreSQL with their zone attached, from SQLite without (both engines store UTC)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _in_utc(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_in_utc(v) for v in value]
    if isinstance(value, dict):
        return {k: _in_utc(v) for k, v in value.items()}
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _server_tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
            return {r[0] for r in found}
    finally:
        engine.dispose()


def test_the_copy_matches_and_the_services_read_it_on_the_server(
    source: AppContext, pg_url: str, tmp_path: Path
) -> None:
    before = _file_digest(source.paths.db_path)
    report = migrate_to(source.engine, source.paths.db_path, pg_url)
    assert {t.name for t in report.tables} == {t.name for t in tables_in_order()}
    assert all(t.ok for t in report.tables)
    rows = {t.name: t.source_rows for t in report.tables}
    assert rows["dossier"] > 0 and rows["attachment"] > 0 and rows["admin_unit"] > 3000  # parents refer back
    assert report.audit_entries == rows["audit_entry"] > 0
    assert not report.switched and configured_url(source.paths.data_dir) is None
    assert _file_digest(source.paths.db_path) == before  # the file only read
    on_file = DossierService(source)
    wanted = on_file.search()
    expected = [on_file.get(d.id) for d in wanted]
    moved = open_app(AppPaths.for_data_dir(tmp_path / "desk"), database=pg_url)
    try:
        on_server = DossierService(moved)
        assert [d.id for d in on_server.search()] == [d.id for d in wanted]
        assert _in_utc([on_server.get(d.id) for d in wanted]) == _in_utc(expected)
        assert moved.office().id == source.office().id
    finally:
        moved.close()


def test_a_target_with_data_is_refused_unchanged(source: AppContext, pg_url: str) -> None:
    migrate_to(source.engine, source.paths.db_path, pg_url)
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        entries = conn.execute(text("SELECT count(*), max(hash) FROM audit_entry")).one()
    with pytest.raises(EnvironmentProblem, match="đã có dữ liệu .*không bị thay đổi"):
        migrate_to(source.engine, source.paths.db_path, pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*), max(hash) FROM audit_entry")).one() == entries
    engine.dispose()


def test_a_database_of_another_program_is_refused_unchanged(source: AppContext, pg_url: str) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE khach_hang (id integer)"))
    engine.dispose()
    with pytest.raises(EnvironmentProblem, match="không phải của OCOP Desktop .*khach_hang"):
        migrate_to(source.engine, source.paths.db_path, pg_url)
    assert _server_tables(pg_url) == {"khach_hang"}


class _CancelAfter:
    def __init__(self, calls: int) -> None:
        self.calls = calls

    @property
    def cancelled(self) -> bool:
        self.calls -= 1
        return self.calls < 0

    def set(self, fraction: float, text: str = "") -> None:
        pass


def test_a_cancel_halfway_leaves_the_server_empty(source: AppContext, pg_url: str) -> None:
    with pytest.raises(Cancelled):
        migrate_to(source.engine, source.paths.db_path, pg_url, progress=_CancelAfter(12))
    assert _server_tables(pg_url) == set()  # the tables too: the DDL was in the transaction


def test_a_value_the_server_refuses_rolls_everything_back(source: AppContext, pg_url: str) -> None:
    raw = sqlite3.connect(source.paths.db_path)
    with raw:  # SQLite does not enforce VARCHAR lengths; PostgreSQL does
        raw.execute(f"UPDATE producer SET phone = ? WHERE {FIRST}", ("0" * 40,))
    raw.close()
    with pytest.raises(UserError, match="bảng producer: .*máy chủ không giữ gì"):
        migrate_to(source.engine, source.paths.db_path, pg_url)
    assert _server_tables(pg_url) == set()


def test_an_audit_log_already_broken_in_the_file_is_said(source: AppContext, pg_url: str) -> None:
    raw = sqlite3.connect(source.paths.db_path)
    with raw:  # a record changed outside the app: the log no longer matches it
        raw.execute(f"UPDATE producer SET name = name || ' (sửa tay)' WHERE {FIRST}")
    raw.close()
    with pytest.raises(UserError, match="trong tệp SQLite đã có lỗi từ trước"):
        migrate_to(source.engine, source.paths.db_path, pg_url)
    assert _server_tables(pg_url) == set()


def test_cli_moves_and_switches_the_installation(
    source: AppContext, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(source.paths.data_dir)
    source.close()  # the command opens the folder itself
    code = main(["--data-dir", data, "store", "migrate-to", pg_url, "--use"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Số dòng và mã băm nội dung của từng bảng khớp" in out
    assert str(source.paths.db_path) in out  # the old file, named
    assert configured_url(source.paths.data_dir) == pg_url
    assert main(["--data-dir", data, "database", "show"]) == 0
    assert "PostgreSQL" in capsys.readouterr().out


def test_cli_says_when_the_source_is_already_a_server(
    paths: AppPaths, pg_url: str, pg_server: PostgresServer, capsys: pytest.CaptureFixture[str]
) -> None:
    other = pg_server.url(pg_server.new_database())
    code = main(["--data-dir", str(paths.data_dir), "--database", pg_url, "store", "migrate-to", other])
    assert code == 2 and "không phải tệp SQLite" in capsys.readouterr().err


def test_an_unreachable_server_is_said(source: AppContext) -> None:
    url = f"postgresql://ocop:pw@127.0.0.1:{free_port()}/ocop"
    with pytest.raises(EnvironmentProblem, match="Không kết nối được máy chủ") as caught:
        migrate_to(source.engine, source.paths.db_path, url)
    assert "pw" not in caught.value.message


def test_a_wrong_password_is_said(source: AppContext, pg_server: PostgresServer) -> None:
    """One role that must give a password (scram), the others still trusted: pg_hba.conf's first line."""
    database = pg_server.new_database()
    pg_server.execute("CREATE ROLE mat_khau LOGIN PASSWORD 'dung'")
    hba = pg_server.data / "pg_hba.conf"
    original = hba.read_text()
    hba.write_text(f"host all mat_khau 127.0.0.1/32 scram-sha-256\n{original}")
    pg_server.execute("SELECT pg_reload_conf()")
    try:
        url = f"postgresql://mat_khau:sai@127.0.0.1:{pg_server.port}/{database}"
        with pytest.raises(EnvironmentProblem, match="sai tên người dùng hoặc mật khẩu") as caught:
            migrate_to(source.engine, source.paths.db_path, url)
        assert "sai" not in caught.value.message.split("từ chối")[0]  # the password itself never shown
    finally:
        hba.write_text(original)
        pg_server.execute("SELECT pg_reload_conf()")
        pg_server.execute("DROP ROLE IF EXISTS mat_khau")


def test_a_missing_database_is_said(source: AppContext, pg_server: PostgresServer) -> None:
    url = pg_server.url("chua_tao")
    with pytest.raises(EnvironmentProblem, match="chưa có cơ sở dữ liệu “chua_tao”"):
        migrate_to(source.engine, source.paths.db_path, url)
