"""A desk on the province's PostgreSQL server has no database in its data folder: the in-app backup
and restore refuse plainly (the server is backed up with pg_dump) and no automatic backup is due."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from ocop_desktop.paths import DATABASE_CHOICE_FILENAME, DATABASE_ENV, AppPaths
from ocop_desktop.services.backup.create import create_backup
from ocop_desktop.services.backup.errors import BackupRefused
from ocop_desktop.services.backup.restore import restore_backup
from ocop_desktop.services.backup.schedule import Schedule, due, save_schedule

PASS = "mật khẩu sao lưu đủ dài"


def _desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.setenv(DATABASE_ENV, "")
    data = tmp_path / "desk"
    data.mkdir()
    (data / DATABASE_CHOICE_FILENAME).write_text(
        '{"url": "postgresql://ocop@may-chu/ocop"}', encoding="utf-8"
    )
    return AppPaths.for_data_dir(data)


def test_backup_and_restore_refuse_on_a_server_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _desk(tmp_path, monkeypatch)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(BackupRefused, match="pg_dump") as refused:
        create_backup(paths, usb, PASS, scrypt_n=1 << 10)
    assert refused.value.code == "on_server" and list(usb.iterdir()) == []
    (usb / "any.ocopbak").write_bytes(b"x")
    before = sorted(p.name for p in paths.data_dir.iterdir())
    with pytest.raises(BackupRefused, match="máy chủ PostgreSQL"):
        restore_backup(usb / "any.ocopbak", PASS, paths, replace=True)
    assert sorted(p.name for p in paths.data_dir.iterdir()) == before


def test_no_automatic_backup_is_due_on_a_server_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _desk(tmp_path, monkeypatch)
    folder = tmp_path / "usb"
    folder.mkdir()
    save_schedule(paths, Schedule(enabled=True, folder=str(folder), every_hours=24), PASS)
    assert not due(paths, datetime(2026, 12, 1))
    (paths.data_dir / DATABASE_CHOICE_FILENAME).unlink()
    assert due(paths, datetime(2026, 12, 1))  # the same schedule on the SQLite file is due
