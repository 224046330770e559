"""A restore killed halfway through replacing a data folder (SIGKILL between two of its renames, in a real
child process): the next start puts the old data back whole — same database, same blobs — and leaves no
journal, staging folder or empty set-aside folder; the restore can then be done again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.sync import Pair, logical_dump, ready_dossier
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.backup.create import create_backup
from ocop_desktop.services.backup.restore import restore_backup
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.store.rename_journal import JOURNAL_NAME, STAGING_PREFIX

PASS = "mật khẩu sao lưu đủ dài"
CHEAP = 1 << 10

# The child restores with `replace=True` and stops for good after `N` renames inside the data folder.
CHILD = r"""
import os, sys, time
from pathlib import Path
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.backup.restore import restore_backup

backup, data, stop_after = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
real, seen = os.replace, [0]

def replace(src, dst):
    real(src, dst)
    if str(data) in str(dst) or str(data) in str(src):
        seen[0] += 1
        if seen[0] == stop_after:
            print("mid", flush=True)
            time.sleep(60)

os.replace = replace
restore_backup(backup, sys.argv[4], AppPaths.for_data_dir(data), replace=True)
print("done", flush=True)
"""


def _blobs(root: Path) -> dict[str, bytes]:
    files = sorted((root / "blobs").rglob("*"))
    return {str(p.relative_to(root)): p.read_bytes() for p in files if p.is_file()}


@pytest.mark.parametrize("stop_after", [1, 3, 6])
def test_a_restore_killed_between_its_renames_leaves_the_old_data_whole(
    pair: Pair, tmp_path: Path, stop_after: int
) -> None:
    commune = pair.commune
    usb = tmp_path / "stick"
    usb.mkdir()
    made = create_backup(commune.paths, usb, PASS, scrypt_n=CHEAP)  # the backup: before the new dossier
    ready_dossier(commune, tmp_path / "scans")  # the data a restore would replace
    data = commune.paths.data_dir
    dump, blobs = logical_dump(commune.paths.db_path), _blobs(data)
    commune.close()

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(made.path), str(data), str(stop_after), PASS],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    assert line == "mid", child.stderr.read() if child.stderr else line
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()  # reaps it and closes its pipes
    assert (data / JOURNAL_NAME).exists()  # killed with its renames half done

    ctx = open_app(AppPaths.for_data_dir(data))  # the next start
    ctx.close()
    assert logical_dump(commune.paths.db_path) == dump and _blobs(data) == blobs
    assert not (data / JOURNAL_NAME).exists()
    assert not [p for p in data.iterdir() if p.name.startswith(STAGING_PREFIX)]
    backups = data / "backups"
    assert not [p for p in backups.glob("thay-the-*")] if backups.exists() else True

    restored = restore_backup(made.path, PASS, AppPaths.for_data_dir(data), replace=True)  # and again
    assert restored.aside is not None and logical_dump(commune.paths.db_path) != dump
