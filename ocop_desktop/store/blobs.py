"""Content-addressed evidence store: blobs/ab/abcdef… named by SHA-256, deduplicated, never modified.

Every blob is written to a `.incoming-*` temp file in the store, made durable, then renamed to its
final name, so a crash never leaves a half-written blob under that name. Two ways in:

- `put_file` / `put_bytes`: one blob, hashed while it is written (its handle is fsynced).
- `staging()`: a batch whose hashes are known beforehand (a package's blobs). Each `add` copies one
  blob into a temp file; `commit` makes them all durable at once and renames them into place; a
  batch that is not committed (a refusal, an error, a cancel) is discarded and leaves nothing.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ocop_desktop.domain.errors import Cancelled, EnvironmentProblem

CHUNK = 1 << 20
TEMP_PREFIX = ".incoming-"


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

    def staging(self) -> BlobStaging:
        """A batch of blobs to add all together (use it as a context manager: what is not committed is
        discarded on the way out)."""
        return BlobStaging(self)

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
            stored = self._place(tmp, digest.hexdigest(), done)
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
            return self._place(tmp, sha, len(data))
        finally:
            tmp.unlink(missing_ok=True)

    def _temp(self) -> tuple[int, Path]:
        try:
            fd, name = tempfile.mkstemp(dir=self.root, prefix=TEMP_PREFIX)
        except FileNotFoundError:  # first blob ever
            self.root.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=self.root, prefix=TEMP_PREFIX)
        return fd, Path(name)

    def _place(self, tmp: Path, sha: str, size: int) -> StoredBlob:
        """Rename a durable temp file to its final name (or drop it: the same bytes are there already)."""
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


class BlobStaging:
    """Blobs received together, in temp files until `commit`; from `BlobStore.staging()`.

    The bytes go in before any database row that points at them: the caller commits the staging,
    then writes its rows. A staging left without `commit` (an exception in the `with` block, a
    refusal) removes its temp files, so nothing appears in the store."""

    def __init__(self, store: BlobStore) -> None:
        self._store = store
        self._staged: dict[str, Path] = {}

    def wants(self, sha256: str) -> bool:
        """Neither the store nor this batch holds the blob yet."""
        return sha256 not in self._staged and not self._store.has(sha256)

    def add(self, sha256: str, copy: Callable[[BinaryIO], None]) -> bool:
        """Write the blob into a temp file with `copy(sink)`, unless it is wanted no more (False).

        `copy` must raise when the bytes it wrote do not hash to `sha256` (`PackageReader.copy_blob`
        does): the store trusts the name. If it raises, its temp file is removed at once."""
        if not self.wants(sha256):
            return False
        fd, tmp = self._store._temp()
        try:
            with os.fdopen(fd, "wb", buffering=0) as sink:
                copy(sink)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        self._staged[sha256] = tmp
        return True

    def __len__(self) -> int:
        return len(self._staged)

    def commit(self) -> list[StoredBlob]:
        """Make every staged file durable, then rename each into place."""
        _durable(list(self._staged.values()))
        placed = []
        while self._staged:  # one at a time: if a rename fails, the rest is still discarded
            sha, tmp = next(iter(self._staged.items()))
            size = tmp.stat().st_size
            placed.append(self._store._place(tmp, sha, size))
            del self._staged[sha]
        return placed

    def discard(self) -> None:
        """Remove the temp files not committed (safe to call twice)."""
        for tmp in self._staged.values():
            tmp.unlink(missing_ok=True)
        self._staged.clear()

    def __enter__(self) -> BlobStaging:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.discard()


def _durable(paths: list[Path]) -> None:
    """Flush staged files to disk before they are renamed into place. One fsync per file costs a
    journal commit each (seconds for a thousand scans); where the system has sync(2), one call
    writes them all (and the disk wrote back the early ones while later ones were still being
    copied). Elsewhere (Windows) each file is flushed."""
    if not paths:
        return
    if os.name == "posix" and hasattr(os, "sync"):
        os.sync()
        return
    for path in paths:
        with path.open("r+b") as fh:  # writable: Windows flushes only through a handle that may write
            os.fsync(fh.fileno())
