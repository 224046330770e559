"""One OCOP Desktop per data folder: a second program is refused in plain words; a killed one
never blocks the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.store.instance_lock import FolderInUse

ROOT = Path(__file__).resolve().parents[2]


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ocop_desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_a_second_program_on_the_same_folder_is_refused_plainly(paths: AppPaths) -> None:
    ctx = open_app(paths)
    try:
        second = _cli(paths.data_dir, "dossiers", "list")
        assert second.returncode == 2, second.stderr
        assert "đang được một chương trình OCOP Desktop khác sử dụng" in second.stderr
        assert f"tiến trình số {os.getpid()}" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        ctx.close()
    assert _cli(paths.data_dir, "dossiers", "list").returncode == 0  # released with the first one


def test_commands_that_do_not_open_the_store_still_run(paths: AppPaths) -> None:
    ctx = open_app(paths)
    try:
        assert _cli(paths.data_dir, "rules", "list").returncode == 0
    finally:
        ctx.close()


HOLD = textwrap.dedent(
    """
    import sys, time
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app
    ctx = open_app(AppPaths.for_data_dir(sys.argv[1]))
    print("open", flush=True)
    time.sleep(120)
    """
)


def test_the_lock_of_a_killed_program_does_not_block(paths: AppPaths) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, str(paths.data_dir)], stdout=subprocess.PIPE, text=True
    ) as child:
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "open"
            with pytest.raises(FolderInUse):
                open_app(paths)
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(10)
    assert (paths.data_dir / "ocop.lock").exists()  # the file stays; its lock went with the process
    open_app(paths).close()


def test_one_process_may_open_its_folder_twice(paths: AppPaths) -> None:
    first = open_app(paths)
    second = open_app(paths)
    first.close()
    try:  # still held by `second`: another program is still refused
        assert _cli(paths.data_dir, "dossiers", "list").returncode == 2
    finally:
        second.close()
