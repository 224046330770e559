"""A backup killed while it writes (SIGKILL in a real child process, as the command `backup create` or the
scheduled automatic backup runs it): the `.partial` it leaves on the stick, outside the data folder, and
its database snapshot are removed by the next start, which logs their sizes; the data is untouched and a
backup made afterwards is whole. A backup still running in another process is left alone."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.builders import make_product
from helpers.sync import logical_dump
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.backup.create import create_backup
from ocop_desktop.services.backup.restore import verify_backup
from ocop_desktop.services.backup.schedule import Schedule, save_schedule
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.evidence import EvidenceService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.store.backup_writes import JOURNAL_DIR

PASS = "mật khẩu sao lưu đủ dài"
CHEAP = 1 << 10

# The child makes a backup (by hand, or the automatic one with the kept passphrase) and stops for good
# once the backup has begun writing its scans into the partial file: the parent kills it there.
CHILD = r"""
import sys, time
from pathlib import Path
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.backup.create import create_backup
from ocop_desktop.services.backup.schedule import run_automatic

kind, data, folder, passphrase = sys.argv[1:5]

class Stop:
    cancelled = False
    def set(self, fraction, text=""):
        if text.startswith("Đang sao lưu blobs/"):
            print("mid", flush=True)
            time.sleep(60)

paths = AppPaths.for_data_dir(data)
if kind == "auto":
    run_automatic(paths, Stop(), scrypt_n=1 << 10)
else:
    create_backup(paths, Path(folder), passphrase, Stop(), scrypt_n=1 << 10)
print("done", flush=True)
"""


def _with_scans(ctx: AppContext, tmp_path: Path) -> None:
    dossier = DossierService(ctx).create(make_product(ctx, 13), "first")
    scans = []
    for n in range(2):
        scans.append(tmp_path / f"scan-{n}.jpg")
        scans[-1].write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(300_000))
    EvidenceService(ctx).add_files(dossier.row.id, scans, checklist_key="market")


def _start_child(kind: str, data: Path, folder: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, kind, str(data), str(folder), PASS],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    assert line == "mid", child.stderr.read() if child.stderr else line
    return child


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()  # reaps it and closes its pipes


@pytest.mark.sqlite_only  # a desk on a server backs up with pg_dump
@pytest.mark.parametrize("kind", ["manual", "auto"])
def test_a_killed_backup_leaves_no_partial_after_the_next_start(
    ctx: AppContext, tmp_path: Path, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    _with_scans(ctx, tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    if kind == "auto":
        save_schedule(ctx.paths, Schedule(enabled=True, folder=str(stick), keep=3), PASS)
    data = ctx.paths.data_dir
    ctx.close()  # the command line backs up a closed folder; the GUI's own backup dies with the GUI
    dump = logical_dump(data / "ocop.sqlite3")

    _kill(_start_child(kind, data, stick))
    partials = list(stick.glob(".*.partial"))
    snapshots = list((data / "backups").glob(".snapshot-*"))
    assert len(partials) == 1 and partials[0].stat().st_size > 0 and snapshots  # what the kill left
    assert not list(stick.glob("*.ocopbak"))

    with caplog.at_level(logging.INFO, logger="ocop_desktop.store.backup_writes"):
        again = open_app(AppPaths.for_data_dir(data))  # the next start
    try:
        assert list(stick.iterdir()) == []
        assert not list((data / "backups").glob(".snapshot-*"))
        assert not (data / JOURNAL_DIR).exists()
        assert any(str(partials[0]) in r.getMessage() and "bytes" in r.getMessage() for r in caplog.records)
        made = create_backup(again.paths, stick, PASS, scrypt_n=CHEAP)  # and a backup afterwards is whole
    finally:
        again.close()
    assert logical_dump(data / "ocop.sqlite3") == dump
    assert verify_backup(made.path, PASS).blobs == 2


@pytest.mark.sqlite_only
@pytest.mark.parametrize("into_backups", [False, True], ids=["stick", "data-folder-backups"])
def test_the_next_start_leaves_a_backup_still_running_alone(
    ctx: AppContext, tmp_path: Path, into_backups: bool
) -> None:
    """`backup create` from the command line may run while the window starts: its files are not swept,
    on a stick or in the data folder's own `backups/` (where killed upgrades' partial copies are)."""
    _with_scans(ctx, tmp_path)
    data = ctx.paths.data_dir
    stick = data / "backups" if into_backups else tmp_path / "stick"
    stick.mkdir(exist_ok=True)
    ctx.close()
    child = _start_child("manual", data, stick)
    try:
        again = open_app(AppPaths.for_data_dir(data))  # while the backup is paused mid-write
        again.close()
        assert len(list(stick.glob(".*.partial"))) == 1
        assert len(list((data / JOURNAL_DIR).glob("*.json"))) == 1
    finally:
        _kill(child)
    open_app(AppPaths.for_data_dir(data)).close()  # now it is dead: the next start removes its files
    assert not [p for p in stick.iterdir() if p.name.startswith(".")] and not (data / JOURNAL_DIR).exists()
