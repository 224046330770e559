"""What killed writers leave in the data folder, removed at the start of the store.

Only temp names are touched, never a finished file: a blob being copied in (`blobs/.incoming-*`,
`store.blobs`), a backup being written (`backups/.<name>.partial`, `store.upgrade`), an atomic
write (`.<name>.<random>.tmp`, `files.atomic_write_bytes`) in the data folder, `keys/` and
`reference/`, and the write probe. Staged imports and unpublished packages have journals and are
finished or rolled back by `blobs.finish_interrupted_imports` and `publishing.finish_interrupted`.

Safe because it runs under the one-instance lock (`instance_lock`): no live process of this data
folder can be writing any of them. Sizes go to the log.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

_ATOMIC_TMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


def stale_temp_files(data_dir: Path) -> list[Path]:
    """The temp files a killed writer may have left under `data_dir`."""
    found: list[Path] = []
    found += _matching(data_dir / "blobs", lambda n: n.startswith(".incoming-"))
    found += _matching(data_dir / "backups", lambda n: n.startswith(".") and n.endswith(".partial"))
    for folder in (data_dir, data_dir / "keys", data_dir / "reference", data_dir / "publishing"):
        found += _matching(folder, lambda n: _ATOMIC_TMP.match(n) is not None)
    found += _matching(data_dir, lambda n: n == ".write-test")
    return found


def sweep(data_dir: Path) -> list[tuple[str, int]]:
    """Remove `stale_temp_files`; returns (path, size) of each removed, also logged."""
    removed = []
    for path in stale_temp_files(data_dir):
        try:
            size = path.stat().st_size
            path.unlink()
        except OSError:  # gone meanwhile, or not ours to remove: it is only a temp file
            continue
        removed.append((str(path), size))
        log.info("temp file of an interrupted job removed: %s (%d bytes)", path, size)
    if removed:
        log.info("%d temp files removed at start, %d bytes", len(removed), sum(s for _, s in removed))
    return removed


def _matching(folder: Path, wanted: Callable[[str], bool]) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if wanted(p.name) and p.is_file()]
    except OSError:  # no such folder yet
        return []


SHARED_TEMP_AGE = 24 * 3600  # seconds: no desk copies one scan in for a day


def sweep_shared_blobs(folder: Path, *, older_than: float = SHARED_TEMP_AGE) -> list[tuple[str, int]]:
    """A scans folder shared by the desks of an office: the other desks may be copying a scan in right
    now, so only temp files untouched for `older_than` seconds are a killed writer's (staging folders
    carry their own lock: `blobs.finish_staged`)."""
    import time

    removed = []
    limit = time.time() - older_than
    for path in _matching(folder, lambda n: n.startswith(".incoming-")):
        try:
            stat = path.stat()
            if stat.st_mtime > limit:
                continue
            path.unlink()
        except OSError:
            continue
        removed.append((str(path), stat.st_size))
        log.info(
            "temp file of an interrupted job removed from the shared scans: %s (%d bytes)", path, stat.st_size
        )
    return removed
