"""Automatic backups: off until a folder and a passphrase are given, due every N hours, the newest K
kept, backups made by hand never removed, and the kept passphrase opens them."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.ocoppkg.keys import protection
from ocop_desktop.services.backup.restore import verify_backup
from ocop_desktop.services.backup.schedule import (
    SECRET_FILE,
    Schedule,
    due,
    load_schedule,
    run_automatic,
    save_schedule,
)
from ocop_desktop.services.core.context import AppContext

PASS = "mật khẩu tự động đủ dài"
START = datetime(2026, 12, 3, 8, 0)


@pytest.mark.sqlite_only  # a desk on a server backs up with pg_dump (test_backup_on_server.py)
def test_automatic_backups_every_n_hours_keep_the_newest(ctx: AppContext, tmp_path: Path) -> None:
    paths = ctx.paths
    assert load_schedule(paths) == Schedule() and not due(paths)
    with pytest.raises(ValidationError):
        save_schedule(paths, Schedule(enabled=True, folder=""))
    with pytest.raises(UserError, match="mật khẩu"):
        save_schedule(paths, Schedule(enabled=True, folder=str(tmp_path)))
    assert not (paths.keys_dir / SECRET_FILE).exists()

    save_schedule(paths, Schedule(enabled=True, folder=str(tmp_path), every_hours=6, keep=2), PASS)
    assert protection(paths.keys_dir) == "plain"  # no keyring in tests: the file, as the office keys
    assert due(paths, START)  # never made yet
    by_hand = tmp_path / "ocop-sao-luu-00070-20261201-090000.ocopbak"
    by_hand.write_bytes(b"made by hand")
    made = []
    for hours in (0, 7, 14):
        now = START + timedelta(hours=hours)
        assert due(paths, now)
        made.append(run_automatic(paths, now=now, scrypt_n=1 << 10).path)
        assert not due(paths, now + timedelta(hours=5))
    assert sorted(tmp_path.glob("*.ocopbak")) == sorted([by_hand, *made[1:]])
    assert verify_backup(made[-1], PASS).kind == "auto"
    assert load_schedule(paths).last_run == (START + timedelta(hours=14)).isoformat(timespec="seconds")

    save_schedule(paths, Schedule(enabled=False, folder=str(tmp_path)))  # off: the passphrase is kept
    assert not due(paths, START + timedelta(days=30))
