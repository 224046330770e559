"""Upgrades that cannot brick the store: one transaction for every step and the version, one
complete backup per upgrade (never of a broken file), temp files of killed jobs swept at start, and
kills during first opens of old databases (a short run of benchmarks/kill_trials.py)."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.store.upgrade import MARKER, head_revision_fast

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from kill_trials import leftovers, old_database  # noqa: E402
from kill_trials import run as kill_trials  # noqa: E402


def _version(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def _columns(db: Path, table: str) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


def test_a_failing_step_rolls_back_every_step_before_it(tmp_path: Path) -> None:
    """0008 alters a table, 0009 then fails (its table is already there, as an earlier release's
    interrupted upgrade left it): 0008's change is rolled back too, the file stays at 0007, and the
    message names the backup taken before the first attempt."""
    old_database(tmp_path / "d", "0007")
    paths = AppPaths.for_data_dir(tmp_path / "d")
    conn = sqlite3.connect(paths.db_path)
    conn.execute("CREATE TABLE mailbox_outbox (x INTEGER)")  # what a killed 0009 of a past release left
    conn.commit()
    conn.close()
    paths.backups_dir.mkdir()
    first = paths.backups_dir / "ocop-rev-0007-20261101-090000.sqlite3"
    first.write_bytes(paths.db_path.read_bytes())
    with pytest.raises(EnvironmentProblem) as caught:
        open_app(paths)
    assert "bỏ dở" in caught.value.message and str(first) in caught.value.message
    assert _version(paths.db_path) == "0007"
    assert "retired_at" not in _columns(paths.db_path, "key_record")  # 0008's DDL rolled back
    assert sorted(p.name for p in paths.backups_dir.iterdir()) == [first.name]  # no copy of this attempt


def test_one_complete_backup_per_upgrade_reused_after_a_kill(tmp_path: Path) -> None:
    codes = old_database(tmp_path / "d", "0005")
    paths = AppPaths.for_data_dir(tmp_path / "d")
    paths.backups_dir.mkdir()
    # what a kill right after the copy (before the upgrade committed) leaves: the copy and its marker
    kept = paths.backups_dir / "ocop-rev-0005-20261201-080000.sqlite3"
    kept.write_bytes(paths.db_path.read_bytes())
    st = paths.db_path.stat()
    (paths.backups_dir / MARKER).write_text(
        json.dumps({"from": "0005", "backup": kept.name, "file": [st.st_size, st.st_mtime_ns]})
    )
    (paths.backups_dir / ".ocop-rev-0005-20261201-075959.sqlite3.partial").write_bytes(b"half a copy")
    open_app(paths).close()
    assert sorted(p.name for p in paths.backups_dir.iterdir()) == [kept.name]  # reused; partial swept
    assert _version(paths.db_path) == head_revision_fast()
    conn = sqlite3.connect(paths.db_path)
    assert {r[0] for r in conn.execute("SELECT code FROM admin_unit")} >= set(codes)
    conn.close()


def test_a_new_upgrade_writes_its_backup_under_a_temporary_name_first(tmp_path: Path) -> None:
    old_database(tmp_path / "d", "0003")
    paths = AppPaths.for_data_dir(tmp_path / "d")
    open_app(paths).close()
    [kept] = list(paths.backups_dir.iterdir())
    assert kept.name.startswith("ocop-rev-0003-") and kept.suffix == ".sqlite3"
    assert _version(kept) == "0003"
    conn = sqlite3.connect(kept)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_temp_files_of_killed_jobs_are_swept_at_start(paths: AppPaths) -> None:
    paths.blobs_dir.mkdir(exist_ok=True)
    (paths.blobs_dir / ".incoming-abc123").write_bytes(b"x" * 1000)  # an evidence add killed mid-copy
    (paths.data_dir / ".settings.json.a1b2c3d4.tmp").write_bytes(b"{")  # an atomic write killed
    paths.backups_dir.mkdir(exist_ok=True)
    (paths.backups_dir / ".ocop-rev-0001-x.sqlite3.partial").write_bytes(b"half")
    keep = paths.blobs_dir / "ab"
    keep.mkdir()
    (keep / ("ab" + "0" * 62)).write_bytes(b"a blob")  # a finished file is never touched
    open_app(paths).close()
    assert leftovers(paths.data_dir) == []
    assert (keep / ("ab" + "0" * 62)).read_bytes() == b"a blob"


@pytest.mark.slow
def test_kills_during_first_opens_of_old_databases(tmp_path: Path) -> None:
    """A short run of the kill trials (the benchmark runs 100+ over five old schemas)."""
    result = kill_trials(kills=0, upgrade_kills=8, seed=3, root=tmp_path, revisions=("0007",))
    assert result["kinds"]["upgrade"]["kills"] >= 1
    assert result["faults"] == {
        "lost records": 0,
        "'sent' dossiers without a package": 0,
        "sequence gaps": 0,
        "temp files left": 0,
        "store does not open": 0,
    }, result["examples"]
