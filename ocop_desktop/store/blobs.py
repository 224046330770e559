"""Content-addressed evidence store: blobs/ab/abcdef… named by SHA-256, written atomically
(temp file, fsync, rename), deduplicated, never modified."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.domain.errors import Cancelled, EnvironmentProblem

CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    path: Path
    existed: bool


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()

    def put_file(self, source: Path, progress: Callable[[int, int], bool] | None = None) -> StoredBlob:
        """Copy `source` in while hashing it. `progress(done, total)` returning False cancels."""
        total = source.stat().st_size
        fd, tmp = self._temp()
        digest = hashlib.sha256()
        done = 0
        try:
            with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    dst.write(chunk)
                    done += len(chunk)
                    if progress is not None and progress(done, total) is False:
                        raise Cancelled()
                dst.flush()
                os.fsync(dst.fileno())
            stored = self._commit(tmp, digest.hexdigest(), done)
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise EnvironmentProblem(
                    f"Không lưu được tệp “{source.name}” (ổ đĩa đầy hoặc không đọc được tệp).",
                    detail=str(exc),
                ) from exc
            raise
        return stored

    def put_bytes(self, data: bytes) -> StoredBlob:
        sha = hashlib.sha256(data).hexdigest()
        if self.has(sha):
            return StoredBlob(sha, len(data), self.path_for(sha), True)
        fd, tmp = self._temp()
        try:
            with os.fdopen(fd, "wb") as dst:
                dst.write(data)
                dst.flush()
                os.fsync(dst.fileno())
            return self._commit(tmp, sha, len(data))
        finally:
            tmp.unlink(missing_ok=True)

    def _temp(self) -> tuple[int, Path]:
        try:
            fd, name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        except FileNotFoundError:  # first blob ever
            self.root.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        return fd, Path(name)

    def _commit(self, tmp: Path, sha: str, size: int) -> StoredBlob:
        target = self.path_for(sha)
        if target.exists():
            tmp.unlink()
            return StoredBlob(sha, size, target, True)
        try:
            os.replace(tmp, target)
        except FileNotFoundError:  # first blob of this two-letter folder
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
        return StoredBlob(sha, size, target, False)
