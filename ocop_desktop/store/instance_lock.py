"""One OCOP Desktop per data folder: a lock held from opening the store until the process ends.

Two programs writing one data folder race each other: the same package number used twice, one
sweeping the temp files the other is still writing. So the first to open the store takes an OS lock
on `<data>/ocop.lock` (`flock` / `msvcrt.locking`, as `staging_lock`), and a second program (the GUI
or a command) is told plainly who holds it. The system releases the lock when its process dies,
so a killed app never blocks the next start; the file itself stays (removing it would race a new
holder) and only carries the holder's process id, for the message.

Inside one process the lock is shared: opening the same folder twice (tests, the GUI reopening its
store) counts references and releases the lock with the last `release`.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.store.staging_lock import try_lock

LOCK_NAME = "ocop.lock"

_held: dict[Path, _Held] = {}
_guard = threading.Lock()


@dataclass
class _Held:
    fd: int
    count: int


class FolderInUse(EnvironmentProblem):
    """Another program has this data folder open."""


def acquire(data_dir: Path) -> Path:
    """Take (or share, within this process) the lock of `data_dir`; returns the key for `release`.
    Raises `FolderInUse` when another live process holds it."""
    key = data_dir.resolve()
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return key
        path = key / LOCK_NAME
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise EnvironmentProblem(
                f"Không mở được thư mục dữ liệu “{key}” để làm việc (không có quyền ghi).", detail=str(exc)
            ) from exc
        if not try_lock(fd):
            holder = _holder(fd)
            os.close(fd)
            raise FolderInUse(
                f"Thư mục dữ liệu “{key}” đang được một chương trình OCOP Desktop khác sử dụng"
                f"{f' (tiến trình số {holder})' if holder else ''}. Hãy dùng cửa sổ đang mở, hoặc đóng nó "
                "rồi thử lại. Không có gì thay đổi.",
                detail=f"{path} is locked",
            )
        _write_pid(fd)
        _held[key] = _Held(fd, 1)
        return key


def release(key: Path) -> None:
    """Give back one reference; the lock is released with the last one (closing unlocks it)."""
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count == 0:
            del _held[key]
            os.close(held.fd)


def holds(data_dir: Path) -> bool:
    """Whether this process holds the lock of `data_dir` (what may be swept is ours alone)."""
    with _guard:
        return data_dir.resolve() in _held


def _write_pid(fd: int) -> None:
    """The holder's process id, for the message a second program shows (best effort). On Windows
    the first byte is the locked region, so the id is written after it."""
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f" {os.getpid()}\n".encode())
    except OSError:
        pass


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:  # Windows: the locked byte cannot be read
        return ""
    return text if text.isdigit() else ""
