"""Choosing the store from the GUI (issue 18, docs/province-server.md "From the GUI"): what a database
server holds before a desk uses it, a province office set up on an empty server, a desk joining the office
another desk set up there, and the choice saved for the next starts.

Nothing is saved (`database.json`) and no folder is made until the server answered and the work on it
succeeded: a wrong password or an unreachable server changes nothing on the desk. The URL is saved as
`store.engines` saves it (password included, if one was typed: a password file is preferable).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import EnvironmentProblem, UserError, ValidationError
from ocop_desktop.paths import DATABASE_ENV, AppPaths
from ocop_desktop.services.core.officers import OfficerRow, OfficerService
from ocop_desktop.services.core.reference import use_installed_reference
from ocop_desktop.store import engines, transfer
from ocop_desktop.store.base import Base
from ocop_desktop.store.models import Blob, Office, OfficeKeyVault, Officer

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.core.key_vault import VaultState
    from ocop_desktop.services.core.setup import SetupResult

DEFAULT_PORT = 5432
EMPTY, OFFICE = "empty", "office"


@dataclass(frozen=True)
class ServerProbe:
    """What the server at `shown` (password hidden) holds: `EMPTY` (no office yet: a new province office
    is set up there) or `OFFICE` (a province office another desk set up: this desk joins it)."""

    shown: str
    kind: str
    office_name: str = ""
    officers: tuple[OfficerRow, ...] = ()
    scans: int = 0  # evidence files the office has recorded: its desks share a scans folder
    keys_shared: bool = False  # the office's keys are in the vault (`key_vault`)


@dataclass(frozen=True)
class StoreShown:
    """The store this installation works on, as Settings says it."""

    on_server: bool
    where: str  # the SQLite file's path, or the server's URL without its password
    scans: Path  # where the evidence files are
    for_this_run: bool  # chosen by `--database` (the environment), not by database.json


@dataclass(frozen=True)
class Joined:
    ctx: AppContext
    officer: OfficerRow
    keys: VaultState


def compose_url(host: str, port: str, database: str, user: str, password: str) -> str:
    """A PostgreSQL URL from the wizard's fields, or `ValidationError` naming the field to fix."""
    problems = {}
    if not host.strip():
        problems["host"] = "Cần nhập tên hoặc địa chỉ máy chủ."
    if not database.strip():
        problems["database"] = "Cần nhập tên cơ sở dữ liệu."
    number = int(port) if port.strip().isdigit() else 0
    if not 0 < number < 65536:
        problems["port"] = "Cổng là một số từ 1 đến 65535 (thường là 5432)."
    if problems:
        raise ValidationError(problems)
    url = URL.create(
        "postgresql",
        username=user.strip() or None,
        password=password or None,
        host=host.strip(),
        port=number,
        database=database.strip(),
    )
    return url.render_as_string(hide_password=False)


def probe_server(url: str) -> ServerProbe:
    """Connect and read what the database holds; a clear refusal for a server we cannot use."""
    engine = engines.make_server_engine(url)  # a malformed URL: said by `server_url`
    shown = _plain(engines.server_url(url))
    try:
        with engine.connect() as conn:
            tables = transfer.server_tables(conn)
            foreign = sorted(tables - set(Base.metadata.tables) - {"alembic_version"})
            if foreign:
                raise EnvironmentProblem(
                    f"Cơ sở dữ liệu {engines.shown(url)} có {len(foreign)} bảng không phải của OCOP Desktop "
                    f"({', '.join(foreign[:5])}). Hãy dùng một cơ sở dữ liệu riêng cho văn phòng. "
                    "Chưa có gì bị thay đổi.",
                    detail=", ".join(foreign),
                )
            if "office" not in tables:
                return ServerProbe(shown, EMPTY)
            with Session(conn) as s:
                return _read_office(s, url, shown)
    except OperationalError as exc:
        raise engines.unreachable(url, exc.orig or exc) from exc
    except DBAPIError as exc:  # a schema we cannot read (an older release's): said, nothing changed
        raise EnvironmentProblem(
            f"Không đọc được cơ sở dữ liệu {engines.shown(url)}. Chưa có gì bị thay đổi.", detail=str(exc)
        ) from exc
    finally:
        engine.dispose()


def _read_office(s: Session, url: str, shown: str) -> ServerProbe:
    office = s.scalars(select(Office).where(Office.is_self.is_(True))).first()
    if office is None:
        return ServerProbe(shown, EMPTY)
    if office.role != "province":
        raise EnvironmentProblem(
            f"Cơ sở dữ liệu {engines.shown(url)} là của “{office.name}”, không phải một văn phòng OCOP cấp "
            "tỉnh: chỉ văn phòng tỉnh dùng máy chủ chung. Chưa có gì bị thay đổi."
        )
    query = select(Officer).where(Officer.office_id == office.id, Officer.active.is_(True))
    officers = tuple(
        OfficerRow(o.id, o.name, o.title, o.active, o.is_admin, o.pin_hash is not None)
        for o in s.scalars(query.order_by(Officer.created_at))
    )
    vault = s.scalar(select(OfficeKeyVault.id).where(OfficeKeyVault.office_id == office.id))
    scans = s.scalar(select(func.count()).select_from(Blob)) or 0
    return ServerProbe(shown, OFFICE, office.name, officers, scans, vault is not None)


def set_up_on_server(
    paths: AppPaths, url: str, unit_code: str, officer_name: str, scans: Path | None
) -> tuple[AppContext, SetupResult]:
    """A new province office on the empty database at `url` (the tables made by the migrations at open),
    its scans in `scans` (None: `blobs/` in the data folder); then saved as this desk's store."""
    from ocop_desktop.services.core.setup import initialise

    if not officer_name.strip():  # before the server is touched
        raise ValidationError({"officer": "Cần nhập họ tên cán bộ sử dụng máy."})
    if probe_server(url).kind != EMPTY:
        raise UserError(
            f"Cơ sở dữ liệu {engines.shown(url)} đã có một văn phòng: hãy kiểm tra lại kết nối rồi chọn "
            "“làm việc cùng”. Chưa có gì bị thay đổi."
        )
    ctx = _open(paths, url, scans)
    try:
        result = initialise(ctx, "province", unit_code, officer_name)
        _save_choice(paths.data_dir, url, scans)
    except BaseException:
        ctx.close()
        raise
    return ctx, result


def join_server(paths: AppPaths, url: str, officer_id: str, pin: str | None, scans: Path | None) -> Joined:
    """This desk works on the province office another desk set up at `url`, as `officer_id` (with the PIN
    if the officer has one); the office's keys are read, for the step that installs them."""
    from ocop_desktop.services.core.key_vault import vault_state

    if probe_server(url).kind != OFFICE:
        raise UserError(
            f"Cơ sở dữ liệu {engines.shown(url)} chưa có văn phòng nào. Hãy kiểm tra lại kết nối. "
            "Chưa có gì bị thay đổi."
        )
    ctx = _open(paths, url, scans)
    try:
        officer = OfficerService(ctx).act_as(officer_id, pin)
        keys = vault_state(ctx)
        _save_choice(paths.data_dir, url, scans)
    except BaseException:
        ctx.close()
        raise
    return Joined(ctx, officer, keys)


def _open(paths: AppPaths, url: str, scans: Path | None) -> AppContext:
    """The store on the server, with the shared scans folder checked (made if missing) first."""
    from ocop_desktop.services.core.bootstrap import open_app

    if scans is not None:
        scans = scans.expanduser().resolve()
        engines.check_writable(scans)
    return open_app(replace(paths, shared_blobs=scans), database=url)


def _save_choice(data_dir: Path, url: str, scans: Path | None) -> None:
    """database.json: the URL, then the scans folder; both or neither."""
    engines.save_configured_url(data_dir, url)
    try:
        engines.save_shared_blobs(data_dir, scans)
    except BaseException:
        engines.save_configured_url(data_dir, None)
        raise


def hand_over(old: AppContext, new: AppContext) -> AppContext:
    """The first-run wizard opened the SQLite file, then the server: the file's store is closed and the
    reference packs of the data folder stay in use for the server's."""
    old.close()
    use_installed_reference(new.paths.data_dir / "reference")
    return new


def store_in_use(ctx: AppContext) -> StoreShown:
    """What this run works on (a saved change waits for the next start)."""
    for_run = bool(os.environ.get(DATABASE_ENV, "").strip())
    if engines.is_sqlite(ctx.engine):
        return StoreShown(
            False, str(ctx.engine.url.database or ctx.paths.db_path), ctx.paths.blobs_dir, for_run
        )
    return StoreShown(True, _plain(ctx.engine.url), ctx.paths.blobs_dir, for_run)


def current_store(paths: AppPaths) -> StoreShown:
    """What the next start works on (database.json, or `--database` for this run)."""
    url = engines.configured_url(paths.data_dir)
    for_run = bool(os.environ.get(DATABASE_ENV, "").strip())
    if url is None or url.strip().startswith("sqlite"):
        return StoreShown(False, str(paths.db_path), paths.blobs_dir, for_run)
    return StoreShown(True, _plain(engines.server_url(url)), paths.blobs_dir, for_run)


def _plain(url: URL) -> str:
    """The server as people type it: postgresql://user:***@host:port/database (no driver name)."""
    return engines.shown(url.set(drivername="postgresql"))


def use_server(paths: AppPaths, url: str) -> None:
    """From the next start, this desk works on the server at `url` (after a move: nothing is copied)."""
    engines.save_configured_url(paths.data_dir, url)


def use_file(paths: AppPaths) -> None:
    """From the next start, back to the SQLite file in the data folder (it has nothing done on the server
    since; the shared scans folder is forgotten with the server)."""
    engines.save_configured_url(paths.data_dir, None)
