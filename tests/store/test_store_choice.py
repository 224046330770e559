"""Choosing the store: the SQLite file by default, a PostgreSQL server by `--database URL` (this run)
or `database use URL` (saved in the data folder for the GUI and the CLI); an unreachable server or a
URL that is not PostgreSQL is said in one Vietnamese line and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from helpers.postgres import free_port
from ocop_desktop.main import main
from ocop_desktop.paths import DB_FILENAME
from ocop_desktop.store.engines import CHOICE_FILE, DATABASE_ENV, configured_url


@pytest.fixture(autouse=True)
def _no_database_override(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--database` sets the variable for the process: put back as it was after each test."""
    monkeypatch.setenv(DATABASE_ENV, "")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out + err


def _offices(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [r[0] for r in conn.execute(text("SELECT role FROM office WHERE is_self"))]
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_saved_choice_puts_the_office_on_the_server(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "desk")
    password_url = pg_url.replace("postgres@", "postgres:secret@")  # trust auth ignores it
    assert _run(capsys, "--data-dir", data, "database", "use", password_url)[0] == 0
    code, out = _run(capsys, "--data-dir", data, "database", "show")
    assert code == 0 and "PostgreSQL" in out and "secret" not in out and "***" in out
    assert (
        _run(capsys, "--data-dir", data, "init", "--role", "province", "--unit", "01", "--officer", "An")[0]
        == 0
    )
    assert _offices(pg_url) == ["province"]
    assert not (tmp_path / "desk" / DB_FILENAME).exists()  # nothing went to a SQLite file
    assert _run(capsys, "--data-dir", data, "database", "use-file")[0] == 0
    assert configured_url(tmp_path / "desk") is None


@pytest.mark.postgres
def test_database_option_is_for_this_run_only(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "desk")
    args = ("--data-dir", data, "--database", pg_url, "init", "--role", "commune", "--unit", "00070")
    assert _run(capsys, *args, "--officer", "Bình")[0] == 0
    assert _offices(pg_url) == ["commune"]
    assert not (tmp_path / "desk" / CHOICE_FILE).exists()


def test_an_unreachable_server_is_said_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql://ocop:pw@127.0.0.1:{free_port()}/ocop"  # nothing listens there
    code, out = _run(capsys, "--data-dir", str(tmp_path), "--database", url, "dossiers", "list")
    assert code == 2
    assert "Không kết nối được máy chủ cơ sở dữ liệu" in out and "Traceback" not in out and "pw" not in out
    code, out = _run(capsys, "--data-dir", str(tmp_path), "database", "use", url)
    assert code == 2 and "Không kết nối được" in out
    assert not (tmp_path / CHOICE_FILE).exists()  # refused: nothing saved


def test_a_url_that_is_not_postgresql_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, "--data-dir", str(tmp_path), "database", "use", "mysql://u@h/db")
    assert code == 2 and "Chỉ hỗ trợ máy chủ PostgreSQL" in out
    assert not (tmp_path / CHOICE_FILE).exists()


def test_a_damaged_choice_file_is_said_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / CHOICE_FILE).write_text("{not json", encoding="utf-8")
    code, out = _run(capsys, "--data-dir", str(tmp_path), "dossiers", "list")
    assert code == 2 and CHOICE_FILE in out


@pytest.mark.postgres
def test_a_server_database_of_a_newer_release_is_refused_unchanged(tmp_path: Path, pg_url: str) -> None:
    from ocop_desktop.domain.errors import EnvironmentProblem
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app

    open_app(AppPaths.for_data_dir(tmp_path / "a"), database=pg_url).close()
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(EnvironmentProblem, match="phiên bản OCOP Desktop mới hơn"):
        open_app(AppPaths.for_data_dir(tmp_path / "b"), database=pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
    engine.dispose()
