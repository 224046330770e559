"""What the store windows (first-run server path, Settings' "Nơi lưu dữ liệu") ask of the services, as
plain jobs `(progress, …) -> row` for `run_task`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.services.core import store_choice
from ocop_desktop.services.core.store_choice import Joined, ServerProbe, StoreShown
from ocop_desktop.services.core.store_move import MoveReport, migrate_to

if TYPE_CHECKING:
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.core.setup import SetupResult


def probe(_progress: Progress, url: str) -> ServerProbe:
    return store_choice.probe_server(url)


def set_up_on_server(
    _progress: Progress, paths: AppPaths, url: str, unit_code: str, officer: str, scans: Path | None
) -> tuple[AppContext, SetupResult]:
    return store_choice.set_up_on_server(paths, url, unit_code, officer, scans)


def join(
    _progress: Progress, paths: AppPaths, url: str, officer_id: str, pin: str, scans: Path | None
) -> Joined:
    return store_choice.join_server(paths, url, officer_id, pin or None, scans)


def current(_progress: Progress, ctx: AppContext) -> tuple[StoreShown, StoreShown, bool]:
    """(what this run works on, what the next start will, whether this is a province office: only a
    province office moves to a server — communes and evaluators keep their file)."""
    office = ctx.office_or_none()
    province = office is not None and office.role == "province"
    return store_choice.store_in_use(ctx), store_choice.current_store(ctx.paths), province


def move(progress: Progress, ctx: AppContext, url: str) -> MoveReport:
    """The SQLite store copied to the empty database at `url` and checked; this desk keeps its file
    until `use_server` (asked after the move)."""
    return migrate_to(ctx.engine, ctx.paths.db_path, url, progress=progress)


def use_server(_progress: Progress, paths: AppPaths, url: str) -> StoreShown:
    store_choice.use_server(paths, url)
    return store_choice.current_store(paths)


def use_file(_progress: Progress, paths: AppPaths) -> StoreShown:
    store_choice.use_file(paths)
    return store_choice.current_store(paths)
