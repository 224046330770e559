"""The office keys shared by two desks of a province office on one PostgreSQL server: the first desk
seals them under the office passphrase, the second installs them and signs what the first verifies. The
server only holds sealed bytes; a wrong passphrase, a non-administrator, or a desk with other keys change
nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from helpers.postgres import PostgresServer
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.key_vault import fetch_keys, share_keys, vault_state
from ocop_desktop.services.core.officers import OfficerService
from ocop_desktop.services.core.setup import initialise

PASSPHRASE = "chè Thái Nguyên 2026"
pytestmark = pytest.mark.postgres
Desks = tuple[AppContext, AppContext]


@pytest.fixture
def desks(pg_server: PostgresServer, _pg_template: str, tmp_path: Path) -> Iterator[Desks]:
    name = pg_server.new_database(template=_pg_template)
    url = pg_server.url(name)
    first = open_app(AppPaths.for_data_dir(tmp_path / "desk-1"), database=url)
    initialise(first, "province", "01", "Trần Thị Bình")
    second = open_app(AppPaths.for_data_dir(tmp_path / "desk-2"), database=url)
    second.officer_id = first.officer_id  # the same administrator sits at the second desk
    yield first, second
    first.close()
    second.close()
    pg_server.drop_database(name)


def test_the_second_desk_installs_the_keys_and_signs_as_the_office(
    desks: tuple[AppContext, AppContext],
) -> None:
    first, second = desks
    assert not vault_state(second).local and not vault_state(second).shared
    with pytest.raises(UserError, match="Chưa có khóa dùng chung"):
        fetch_keys(second, PASSPHRASE)
    fp = share_keys(first, PASSPHRASE, PASSPHRASE)
    assert vault_state(second).shared and vault_state(second).shared_fingerprint == fp
    assert fetch_keys(second, PASSPHRASE) == fp
    state = vault_state(second)
    assert state.local and state.matches
    signature = KeyStore(second.paths.keys_dir).signing_key().sign(b"bien nhan")
    KeyStore(first.paths.keys_dir).signing_key().public_key().verify(signature, b"bien nhan")
    decrypting = KeyStore(second.paths.keys_dir).encryption_key().public_key().public_bytes_raw()
    assert decrypting == KeyStore(first.paths.keys_dir).encryption_key().public_key().public_bytes_raw()
    assert fetch_keys(second, PASSPHRASE) == fp  # again: nothing to do


def test_the_server_holds_no_key_in_clear(desks: Desks) -> None:
    first, _second = desks
    share_keys(first, PASSPHRASE, PASSPHRASE)
    secret = (first.paths.keys_dir / "office-signing.secret").read_bytes()
    with first.read() as s:
        sealed = s.execute(text("SELECT sealed FROM office_key_vault")).scalar_one()
    assert b"PRIVATE KEY" not in sealed and secret.split(b":", 1)[-1] not in sealed


def test_wrong_passphrase_other_keys_and_no_admin_change_nothing(
    desks: tuple[AppContext, AppContext],
) -> None:
    first, second = desks
    with pytest.raises(ValidationError):
        share_keys(first, "ngắn", "ngắn")
    with pytest.raises(ValidationError):
        share_keys(first, PASSPHRASE, PASSPHRASE + "x")
    share_keys(first, PASSPHRASE, PASSPHRASE)
    with pytest.raises(UserError, match="không đúng"):
        fetch_keys(second, PASSPHRASE + "!")
    assert not second.paths.keys_dir.exists() or not any(second.paths.keys_dir.iterdir())
    KeyStore(second.paths.keys_dir).create_signing_key()  # a desk set up on its own, with other keys
    with pytest.raises(UserError, match="khóa khác"):
        fetch_keys(second, PASSPHRASE)
    clerk = OfficerService(first).add("Lê Văn Cường")
    first.officer_id = clerk.id
    with pytest.raises(UserError, match="quản trị"):
        share_keys(first, PASSPHRASE, PASSPHRASE)
