"""Every fault of the machine or the file at the start of the store: its own plain message, and the
data folder exactly as it was (bytes compared). No traceback, no other diagnosis."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.store.instance_lock import LOCK_NAME


def folder_state(root: Path) -> dict[str, str]:
    """Every file under the data folder and its bytes (the lock file aside: it holds the last pid)."""
    return {
        str(p.relative_to(root)): str(p.stat().st_size)
        if p.name.endswith("-shm")  # readers write their marks there (as tests/helpers/listing.py)
        else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != LOCK_NAME
    }


def refused(paths: AppPaths, *words: str) -> EnvironmentProblem:
    before = folder_state(paths.data_dir)
    with pytest.raises(EnvironmentProblem) as caught:
        open_app(paths).close()
    assert folder_state(paths.data_dir) == before
    for word in words:
        assert word in caught.value.message, caught.value.message
    return caught.value


def checkpointed(paths: AppPaths) -> AppPaths:
    """The template's database with its WAL folded in (a file as a closed app leaves it)."""
    conn = sqlite3.connect(paths.db_path)
    conn.close()  # the last connection folds the WAL in and removes it
    return paths


@pytest.fixture
def old_paths(tmp_path: Path) -> AppPaths:
    """A data folder with a database an earlier release made (schema 0007) holding rows."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from kill_trials import old_database

    old_database(tmp_path / "old", "0007")
    return AppPaths.for_data_dir(tmp_path / "old")


def test_a_database_held_by_another_program(old_paths: AppPaths) -> None:
    holder = sqlite3.connect(old_paths.db_path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        refused(old_paths, "đang bị một chương trình khác giữ", "Không có gì thay đổi")
    finally:
        holder.rollback()
        holder.close()
    assert not list((old_paths.backups_dir).glob("*")) if old_paths.backups_dir.exists() else True
    open_app(old_paths).close()  # and once the other program let go, it opens (and upgrades)


def test_a_database_at_head_held_by_another_program(paths: AppPaths) -> None:
    holder = sqlite3.connect(paths.db_path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        refused(paths, "đang bị một chương trình khác giữ")
    finally:
        holder.rollback()
        holder.close()


def test_a_damaged_file_names_the_backup_to_restore(paths: AppPaths) -> None:
    checkpointed(paths)
    paths.backups_dir.mkdir()
    kept = paths.backups_dir / "ocop-rev-0009-20261201-101010.sqlite3"
    kept.write_bytes(paths.db_path.read_bytes())
    data = bytearray(paths.db_path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # the schema page, past the header: garbage
    paths.db_path.write_bytes(bytes(data))
    refused(paths, "bị hỏng", str(kept))


def test_a_foreign_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    paths = AppPaths.for_data_dir(tmp_path / "other")
    paths.data_dir.mkdir()
    with sqlite3.connect(paths.db_path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.close()
    refused(paths, "của một chương trình khác", "không bị thay đổi")
    assert sorted(p.name for p in paths.data_dir.iterdir()) == [LOCK_NAME, "ocop.sqlite3"]  # no WAL made


def test_a_database_of_a_newer_release(paths: AppPaths) -> None:
    checkpointed(paths)
    conn = sqlite3.connect(paths.db_path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0042'")
    conn.close()
    refused(paths, "phiên bản OCOP Desktop mới hơn")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes a read-only file anyway")
def test_a_read_only_database_file(paths: AppPaths) -> None:
    checkpointed(paths)
    for p in paths.data_dir.glob("ocop.sqlite3*"):
        p.chmod(0o444)
    refused(paths, "chỉ cho phép đọc")


@contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A real file system of `size` mounted at `where` for the test: needs root (CI runs as root)."""
    import subprocess

    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "tiny", "1m") as where:
        yield where


@pytest.fixture
def drive(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "drive", "64m") as where:
        yield where


def test_no_room_for_the_copy_before_an_upgrade(tiny_disk: Path, old_paths: AppPaths) -> None:
    import shutil

    paths = AppPaths.for_data_dir(tiny_disk / "data")
    shutil.copytree(old_paths.data_dir, paths.data_dir)
    problem = refused(paths, "đã đầy", "cần khoảng")
    assert "MB" in problem.message


def test_a_save_while_another_program_holds_the_database(ctx: AppContext) -> None:
    from ocop_desktop.domain.producers import ProducerInput, ProducerKind
    from ocop_desktop.services.registry.producers import ProducerService

    holder = sqlite3.connect(ctx.paths.db_path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(EnvironmentProblem) as caught:
            ProducerService(ctx).create(
                ProducerInput(
                    "HTX Thử", ProducerKind.COOPERATIVE, "00070", address="Số 1", representative="A"
                )
            )
    finally:
        holder.rollback()
        holder.close()
    assert "đang bị một chương trình khác giữ" in caught.value.message
    assert ProducerService(ctx).count() == 0  # rolled back


def test_a_data_folder_on_a_read_only_drive(drive: Path, paths: AppPaths) -> None:
    """What root meets instead of a read-only file: a drive mounted read-only (a locked SD card)."""
    import shutil
    import subprocess

    on_disk = AppPaths.for_data_dir(drive / "data")
    checkpointed(paths)
    shutil.copytree(paths.data_dir, on_disk.data_dir, ignore=shutil.ignore_patterns("blobs", "ocop.lock"))
    if subprocess.run(["mount", "-o", "remount,ro", str(drive)], capture_output=True).returncode != 0:
        pytest.skip("cannot remount the small tmpfs read-only here")
    before = folder_state(on_disk.data_dir)
    with pytest.raises(EnvironmentProblem) as caught:
        open_app(on_disk).close()
    assert "Không ghi được vào thư mục dữ liệu" in caught.value.message
    assert folder_state(on_disk.data_dir) == before
