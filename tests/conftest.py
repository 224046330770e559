"""Shared fixtures: real SQLite files in temp dirs, one migrated template copied per test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402

COMMUNE_CODE = "00070"  # Phường Hoàn Kiếm, Hà Nội
PROVINCE_CODE = "01"


@pytest.fixture(scope="session")
def _template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the administrative units loaded, built once per session."""
    root = tmp_path_factory.mktemp("template")
    ctx = AppContext.open(AppPaths.for_data_dir(root))
    ctx.close()
    return root


@pytest.fixture
def paths(tmp_path: Path, _template_dir: Path) -> AppPaths:
    data = tmp_path / "data"
    shutil.copytree(_template_dir, data)
    return AppPaths.for_data_dir(data)


@pytest.fixture
def empty_ctx(paths: AppPaths) -> Iterator[AppContext]:
    """An opened store, not yet initialised (no office)."""
    ctx = AppContext.open(paths)
    yield ctx
    ctx.close()


@pytest.fixture
def ctx(empty_ctx: AppContext) -> AppContext:
    """An opened store initialised as a commune office with one officer."""
    from ocop_desktop.services.core.setup import initialise

    initialise(empty_ctx, "commune", COMMUNE_CODE, "Nguyễn Văn An")
    return empty_ctx


@pytest.fixture
def province_ctx(empty_ctx: AppContext) -> AppContext:
    from ocop_desktop.services.core.setup import initialise

    initialise(empty_ctx, "province", PROVINCE_CODE, "Trần Thị Bình")
    return empty_ctx
