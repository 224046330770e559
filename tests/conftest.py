"""Shared fixtures: real SQLite files in temp dirs, one migrated template copied per test; a commune
and its province linked by a "USB stick" folder; a province and an evaluator laptop.

Builders shared by several folders live in `tests/helpers/` (on the path through pytest's `pythonpath`)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the keyring of the machine running the tests (tests that want one use helpers.keyrings)
os.environ.setdefault("OCOP_DESKTOP_KEYRING", "off")

from helpers.evaluator import Offices, make_offices  # noqa: E402
from helpers.mailbox import INSTALL_HINT, SeaweedServer, weed_binary  # noqa: E402
from helpers.postgres import INSTALL_HINT as PG_INSTALL_HINT  # noqa: E402
from helpers.postgres import PostgresServer, ServerUnavailable  # noqa: E402
from helpers.postgres import start as start_postgres  # noqa: E402
from helpers.sync import Pair, link, open_installation  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.store.engines import save_configured_url  # noqa: E402

COMMUNE_CODE = "00070"  # Phường Hoàn Kiếm, Hà Nội
PROVINCE_CODE = "01"


@pytest.fixture(scope="session")
def _template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the administrative units loaded, built once per session."""
    root = tmp_path_factory.mktemp("template")
    ctx = open_app(AppPaths.for_data_dir(root))
    ctx.close()
    return root


@pytest.fixture
def paths(tmp_path: Path, _template_dir: Path) -> AppPaths:
    data = tmp_path / "data"
    shutil.copytree(_template_dir, data)
    return AppPaths.for_data_dir(data)


@pytest.fixture
def database_url(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """The store `ctx` opens: None for the SQLite file in the data folder (default), or with
    `pytest --engine postgres` a fresh copy of the migrated template database on the test server."""
    if request.config.getoption("--engine") != "postgres":
        yield None
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    template: str = request.getfixturevalue("_pg_template")
    name = server.new_database(template=template)
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def empty_ctx(paths: AppPaths, database_url: str | None) -> Iterator[AppContext]:
    """An opened store, not yet initialised (no office). On PostgreSQL the data folder names the server
    (`database.json`), so the CLI and later opens of `paths` work on the same database."""
    if database_url is not None:
        save_configured_url(paths.data_dir, database_url)
    ctx = open_app(paths)
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


@pytest.fixture
def pair(tmp_path: Path, _template_dir: Path, database_url: str | None) -> Iterator[Pair]:
    """A commune and its province on their own data folders, keys exchanged, and the "USB stick".
    With `--engine postgres` the province works on the server; the commune keeps its SQLite file."""
    commune = open_installation(tmp_path / "commune", _template_dir, "commune", "00070", "Nguyễn Văn An")
    province = open_installation(
        tmp_path / "province", _template_dir, "province", "01", "Trần Thị Bình", database_url
    )
    folder = tmp_path / "usb"
    folder.mkdir()
    link(commune, province, folder)
    yield Pair(commune, province, folder)
    commune.close()
    province.close()


@pytest.fixture
def offices(tmp_path: Path, _template_dir: Path, database_url: str | None) -> Iterator[Offices]:
    """A province with a round and council, and an evaluator laptop (helpers.evaluator.make_offices);
    with `--engine postgres` the province works on the server."""
    made = make_offices(tmp_path, _template_dir, database_url)
    yield made
    made.close()


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedServer]:
    """A real S3 server (SeaweedFS) on 127.0.0.1, started once for the session (helpers.mailbox)."""
    binary = weed_binary()
    if binary is None:
        pytest.skip(INSTALL_HINT)
    server = SeaweedServer(tmp_path_factory.mktemp("seaweedfs"), binary)
    try:
        server.start()
    except (OSError, RuntimeError) as exc:
        pytest.skip(f"{INSTALL_HINT} ({exc})")
    yield server
    server.stop()


@pytest.fixture
def s3_bucket(s3_server: SeaweedServer) -> str:
    """A new empty bucket on the session's server: tests do not see each other's objects."""
    return s3_server.new_bucket()


# PostgreSQL (helpers.postgres): one server per session, a fresh database per test.


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--engine",
        choices=("sqlite", "postgres"),
        default="sqlite",
        help="the store the `ctx` fixtures open: the SQLite file (default) or a PostgreSQL database",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With `--engine postgres`: tests about the SQLite file are skipped, and tests that never open the
    store through `database_url` (nor the server itself) are deselected, since they would run exactly as
    in the default run (pytest counts them as "deselected")."""
    if config.getoption("--engine") != "postgres":
        return
    skip = pytest.mark.skip(reason="about the SQLite file itself (sqlite_only)")
    kept, dropped = [], []
    for item in items:
        if item.get_closest_marker("sqlite_only"):
            item.add_marker(skip)
        on_engine = "database_url" in getattr(item, "fixturenames", ()) or item.get_closest_marker("postgres")
        (kept if on_engine else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server on 127.0.0.1 (pgserver's binaries), stopped at the end."""
    try:
        server = start_postgres()
    except (ServerUnavailable, OSError) as exc:
        pytest.skip(f"{PG_INSTALL_HINT} ({exc})")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _pg_template(pg_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database with the administrative units loaded, copied per test (like `_template_dir`)."""
    name = pg_server.new_database(prefix="template")
    ctx = open_app(
        AppPaths.for_data_dir(tmp_path_factory.mktemp("pg-template")), database=pg_server.url(name)
    )
    ctx.close()
    return name


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> Iterator[str]:
    """A new empty database on the session's server."""
    name = pg_server.new_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)
