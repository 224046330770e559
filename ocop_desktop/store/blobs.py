"""Content-addressed evidence store: blobs/ab/abcdef… named by SHA-256, deduplicated, never modified.

Every blob is written to a temp file in the store, made durable, then renamed to its final name,
so a crash never leaves a half-written blob under that name. Two ways in:

- `put_file` / `put_bytes`: one blob, hashed while it is written (its handle is fsynced).
- `staging(journal)`: the blobs of one imported package, whose hashes are known beforehand. They are
  staged in a folder of their own, `blobs/.staging-<journal>.<random>/<sha256>`, never under their
  final names, and placed only **after** the database transaction that records the package has
  committed (`place_after_commit(session)`: SQLAlchemy's `after_commit` of that session). Whatever
  ends the batch without a commit — a refusal, a database error, a cancel, an exception — removes
  the staging folder (and `blobs/` itself when the batch created it): a refused import leaves the
  data folder exactly as it was.

Why the rename comes after the commit, and how a crash between the two is repaired. Placing the
blobs first (as before) left scans in the store whenever the transaction then failed; placing them
after means a crash after the commit and before the renames leaves rows that point at files still
in the staging folder. The staging folder is that journal: its name carries the id of the
`sync_package` row the same transaction writes (`journal`). `finish_staged(committed)` — run when
the store is opened (`services.core.bootstrap`) and before every import stages anything — looks at
each staging folder left behind: if the row exists the transaction committed, so its blobs are
re-hashed and renamed into place (the import is completed); otherwise the folder is removed (the
import never happened). A staging folder still in use by another process (the GUI and a command on
the same data folder) is recognised by its lock (`<folder>.lock`, held with `flock`/`msvcrt.locking`
for the batch's life and released by the system when the process dies) and left alone. The staged
files are made durable before the commit, so a committed row never waits on bytes that a power cut
could lose; the opposite case (SQLite's `synchronous=NORMAL` losing the last commit in a power cut
after the renames) leaves unreferenced blobs, which are harmless in a content-addressed store.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ocop_desktop.domain.errors import Cancelled, EnvironmentProblem
from ocop_desktop.store.staging_lock import StagingLock

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

CHUNK = 1 << 20
TEMP_PREFIX = ".incoming-"
STAGING_PREFIX = ".staging-"
_STAGING_DIR = re.compile(r"^\.staging-([0-9A-Za-z-]{0,64})\.([0-9A-Za-z_]+)$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


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

    def staging(self, journal: str = "") -> BlobStaging:
        """A batch of blobs to add all together (use it as a context manager: what is not placed is
        discarded on the way out). `journal`: the id of the `sync_package` row the transaction that
        places them writes (see the module docstring); without one, only `commit()` places them."""
        return BlobStaging(self, journal)

    def finish_staged(self, committed: Callable[[str], bool]) -> int:
        """Complete or remove what earlier batches left behind (a crash); returns how many folders.
        `committed(journal)`: whether that batch's transaction committed. A folder that cannot be
        finished now (a disk problem) is logged and left for the next time: opening the store never
        fails because of it."""
        try:
            names = [entry.name for entry in os.scandir(self.root) if entry.name.startswith(STAGING_PREFIX)]
        except OSError:  # no store yet (or one that cannot be read: the import will say so)
            return 0
        found = (_STAGING_DIR.match(name.removesuffix(StagingLock.SUFFIX)) for name in names)
        done = 0
        for name, journal in sorted({(m.group(0), m.group(1)) for m in found if m is not None}):
            folder = self.root / name
            try:
                lock = StagingLock.take(folder)
                if lock is None:  # another process is importing right now
                    continue
                try:
                    if folder.is_dir():
                        self._finish(folder, bool(journal) and committed(journal))
                        done += 1
                finally:
                    lock.release(remove=not folder.exists())
            except OSError:
                log.warning("staged blobs %s not finished yet", folder, exc_info=True)
        if done:
            _remove_if_empty(self.root)  # an empty store is the same as none: leave no folder behind
        return done

    def _finish(self, folder: Path, place: bool) -> None:
        for path in folder.iterdir():
            if place and _SHA256.match(path.name) and _sha256_of(path) == path.name:
                self._place(path, path.name, path.stat().st_size)
                log.info("blob %s placed after an interrupted import", path.name)
            else:
                path.unlink(missing_ok=True)
        folder.rmdir()

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
    """Blobs received together, staged until the transaction that records them commits; from
    `BlobStore.staging()`. Nothing exists on disk before the first `add`; leaving the `with` block
    without a commit removes everything the batch made."""

    def __init__(self, store: BlobStore, journal: str) -> None:
        if not re.fullmatch(r"[0-9A-Za-z-]{0,64}", journal):
            raise ValueError(f"journal {journal!r}: letters, digits and dashes only")
        self._store, self._journal = store, journal
        self._staged: dict[str, Path] = {}
        self._folder: Path | None = None  # made at the first add
        self._lock: StagingLock | None = None
        self._made_root = False
        self._durable = False
        self.committed = False  # the transaction committed: the blobs must be placed, never discarded

    def wants(self, sha256: str) -> bool:
        """Neither the store nor this batch holds the blob yet."""
        return sha256 not in self._staged and not self._store.has(sha256)

    def __contains__(self, sha256: object) -> bool:
        return sha256 in self._staged

    def __len__(self) -> int:
        return len(self._staged)

    def add(self, sha256: str, copy: Callable[[BinaryIO], None]) -> bool:
        """Write the blob into the staging folder with `copy(sink)`, unless it is wanted no more (False).

        `copy` must raise when the bytes it wrote do not hash to `sha256` (`PackageReader.copy_blob`
        does): the store trusts the name. If it raises, its file is removed at once. The file gets
        its name only once complete, so an interrupted copy is never mistaken for a staged blob."""
        if not self.wants(sha256):
            return False
        folder = self._open_folder()
        part, staged = folder / f"{sha256}.part", folder / sha256
        try:
            with part.open("xb", buffering=0) as sink:
                copy(sink)
            os.replace(part, staged)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        self._staged[sha256] = staged
        return True

    def _open_folder(self) -> Path:
        if self._folder is None:
            root = self._store.root
            if not root.is_dir():
                root.mkdir(parents=True)
                self._made_root = True
            self._lock, self._folder = StagingLock.create(root, f"{STAGING_PREFIX}{self._journal}.")
        return self._folder

    def make_durable(self) -> None:
        """Flush the staged files to disk (before the commit: a committed row never waits on bytes a
        power cut could lose)."""
        if not self._durable:
            _durable(list(self._staged.values()))
            self._durable = True

    def place_after_commit(self, session: Session) -> None:
        """Place the blobs as soon as `session`'s transaction commits (call it inside the transaction,
        before anything is written). If the renames fail then, the staging folder stays for
        `finish_staged` and leaving the `with` block raises."""
        from sqlalchemy import event

        if not self._journal:
            raise ValueError("a staging placed after a commit needs its journal")
        self.make_durable()
        event.listen(session, "after_commit", self._after_commit, once=True)

    def _after_commit(self, _session: Session) -> None:
        self.committed = True
        try:
            self._place_all()
        except OSError:  # the import is recorded: the renames are retried on the way out, then at start
            log.warning("blobs of %s not placed after the commit", self._journal, exc_info=True)

    def commit(self) -> list[StoredBlob]:
        """Place the blobs now (a batch no transaction records: tests, tools)."""
        self.make_durable()
        self.committed = True
        return self._place_all()

    def _place_all(self) -> list[StoredBlob]:
        placed = []
        while self._staged:  # one at a time: what is left stays staged if a rename fails
            sha, path = next(iter(self._staged.items()))
            placed.append(self._store._place(path, sha, path.stat().st_size))
            del self._staged[sha]
        return placed

    def discard(self) -> None:
        """Remove the staged files and everything the batch made (safe to call twice)."""
        for path in self._staged.values():
            path.unlink(missing_ok=True)
        self._staged.clear()
        self._close()

    def _close(self) -> None:
        folder, lock = self._folder, self._lock
        if folder is not None and lock is not None:
            removed = _remove_if_empty(folder)
            lock.release(remove=removed)
            self._folder = self._lock = None
        if self._made_root and _remove_if_empty(self._store.root):
            self._made_root = False

    def __enter__(self) -> BlobStaging:
        return self

    def __exit__(self, exc_type: object, *_exc: object) -> None:
        if not self.committed:
            self.discard()
            return
        try:
            self._place_all()
        except OSError as error:
            self._close()  # keeps the folder (not empty): `finish_staged` completes it at the next start
            if exc_type is None:
                raise EnvironmentProblem(
                    "Gói đã được nhập nhưng chưa chép xong tệp đính kèm vào kho (ổ đĩa đầy hoặc không "
                    "có quyền ghi); việc chép sẽ được làm tiếp khi mở lại OCOP Desktop.",
                    detail=str(error),
                ) from error
            return
        self._close()


def _remove_if_empty(folder: Path) -> bool:
    try:
        folder.rmdir()
    except FileNotFoundError:
        return True
    except OSError:  # not empty (or in use): it stays
        return False
    return True


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _durable(paths: list[Path]) -> None:
    """Flush staged files to disk before the commit. One fsync per file costs a journal commit each
    (seconds for a thousand scans); where the system has sync(2), one call writes them all (and the
    disk wrote back the early ones while later ones were still being copied). Elsewhere (Windows)
    each file is flushed."""
    if not paths:
        return
    if os.name == "posix" and hasattr(os, "sync"):
        os.sync()
        return
    for path in paths:
        with path.open("r+b") as fh:  # writable: Windows flushes only through a handle that may write
            os.fsync(fh.fileno())


def finish_interrupted_imports(root: Path, sessions: sessionmaker[Session]) -> int:
    """`BlobStore.finish_staged` for imports, whose journal is the id of the `sync_package` row
    their transaction writes: the blobs of a recorded package are placed, the others removed."""
    from ocop_desktop.store.models import SyncPackage

    def committed(package_id: str) -> bool:
        with sessions() as s:
            return s.get(SyncPackage, package_id) is not None

    return BlobStore(root).finish_staged(committed)
