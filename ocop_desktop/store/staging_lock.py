"""The lock that tells a live staging folder of the blob store from one a crash left behind.

A staging folder (`blobs/.staging-<journal>.<random>`) is made after its lock file
(`<folder>.lock`) is created and locked, and its lock is released only after the folder is gone (or
left on purpose for `BlobStore.finish_staged`). The system releases the lock of a process that
dies, so a folder whose lock can be taken belongs to nobody. `flock` on POSIX, `msvcrt.locking`
on Windows: both are per open file and work between processes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


class StagingLock:
    SUFFIX = ".lock"

    def __init__(self, path: Path, fd: int) -> None:
        self.path, self._fd = path, fd

    @classmethod
    def create(cls, root: Path, prefix: str) -> tuple[StagingLock, Path]:
        """A new lock, held, and its folder (made after the lock, so never seen unlocked while live)."""
        fd, name = tempfile.mkstemp(dir=root, prefix=prefix, suffix=cls.SUFFIX)
        lock = cls(Path(name), fd)
        if not try_lock(fd):  # a brand-new file nobody else knows: cannot be locked by another
            lock.release(remove=True)
            raise OSError(f"{name}: could not lock a new file")
        folder = Path(name.removesuffix(cls.SUFFIX))
        try:
            folder.mkdir()
        except BaseException:
            lock.release(remove=True)
            raise
        return lock, folder

    @classmethod
    def take(cls, folder: Path) -> StagingLock | None:
        """The lock of `folder`, if no live process holds it (the lock file is made if missing)."""
        path = folder.with_name(folder.name + cls.SUFFIX)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if not try_lock(fd):
            os.close(fd)
            return None
        return cls(path, fd)

    def release(self, *, remove: bool) -> None:
        """Unlock (by closing: Windows cannot delete an open file), then remove the file if asked."""
        os.close(self._fd)
        if remove:
            self.path.unlink(missing_ok=True)


if sys.platform == "win32":
    import msvcrt

    def try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True
