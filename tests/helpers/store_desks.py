"""Shared by the store tests of tests/ui/shell: a province office set up on the test server by a first desk
(officers, keys shared), a role that must give a password (pg_hba.conf), the wizard's server fields."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from helpers.postgres import PostgresServer
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core import key_vault
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.officers import OfficerService
from ocop_desktop.services.core.setup import initialise
from ocop_desktop.store.engines import CHOICE_FILE
from ocop_desktop.ui.shell.store_server_form import ServerForm

PASSPHRASE = "mật khẩu văn phòng tỉnh"
PIN = "2468"


def first_desk(folder: Path, url: str, *, share: bool = True) -> AppContext:
    """Desk 1 of the province office on `url`: set up, a second officer with a PIN, the keys shared."""
    ctx = open_app(AppPaths.for_data_dir(folder), database=url)
    initialise(ctx, "province", "01", "Trần Thị Bình")
    OfficerService(ctx).add("Lê Văn Cường", "Chuyên viên", pin=PIN)
    if share:
        key_vault.share_keys(ctx, PASSPHRASE, PASSPHRASE)
    return ctx


def fill(form: ServerForm, url: str) -> None:
    """The server's fields as an officer types them (no password: the test server trusts 127.0.0.1)."""
    parsed = make_url(url)
    form.host.setText(parsed.host or "")
    form.port.setText(str(parsed.port))
    form.database.setText(parsed.database or "")
    form.user.setText(parsed.username or "")
    form.password.setText(parsed.password or "")
    form._edited()


def choice(data_dir: Path) -> dict[str, object] | None:
    path = data_dir / CHOICE_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def server_tables(url: str) -> set[str]:
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
            return {r[0] for r in found}
    finally:
        engine.dispose()


@contextmanager
def password_role(server: PostgresServer) -> Iterator[str]:
    """A database whose role `mat_khau` must give the password 'dung' (scram); the others stay trusted."""
    database = server.new_database()
    server.execute("CREATE ROLE mat_khau LOGIN PASSWORD 'dung'")
    hba = server.data / "pg_hba.conf"
    original = hba.read_text()
    hba.write_text(f"host all mat_khau 127.0.0.1/32 scram-sha-256\n{original}")
    server.execute("SELECT pg_reload_conf()")
    try:
        yield database
    finally:
        hba.write_text(original)
        server.execute("SELECT pg_reload_conf()")
        server.execute("DROP ROLE IF EXISTS mat_khau")
