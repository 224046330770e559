"""Backups being written, so that the next start removes what a killed one left — also outside the data
folder, on the USB stick it was writing to.

A backup writes a database snapshot (`backups/.snapshot-<token>.tmp`) and then the backup itself
under a temporary name next to its target (`<folder>/.<name>.partial`), renamed when complete. A
process killed meanwhile (a power cut, the task manager, a crash) used to leave the `.partial`, up
to the size of every scan, on the stick for ever: nothing in the data folder said it was there.

So before the snapshot is made, `begin` takes a lock file `backup-writes/<token>.lock` (held until
the end: `staging_lock`), then writes `backup-writes/<token>.json` naming the snapshot; `target`
adds the partial path before that file is created; `end` removes both after the rename (or after
an error removed the files). `finish_interrupted` (at start, under the one-instance lock) reads the
journals whose lock it can take — the writer is dead: a live `backup create` from the command line
holds its lock and is left alone — deletes the recorded snapshot and partial, logs their sizes, and
drops the journal. A target folder that is not there (the stick taken out) keeps its journal for the
next start. A complete backup is never touched: after the rename the partial name is gone.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.store.staging_lock import StagingLock, try_lock

log = logging.getLogger(__name__)

JOURNAL_DIR = "backup-writes"


@dataclass
class PendingBackup:
    """One backup being written: its journal (`journal`), its held lock, its temp files."""

    journal: Path
    lock: StagingLock
    snapshot: Path
    partial: Path | None = None

    def target(self, partial: Path) -> Path:
        """Record the temp file next to the target before it is created; returns it."""
        self.partial = partial.absolute()
        _write(self)
        return self.partial

    def end(self) -> None:
        """The backup is renamed into place, or its temp files are gone: nothing is left to remove."""
        self.journal.unlink(missing_ok=True)
        self.lock.release(remove=True)
        _remove_if_empty(self.journal.parent)


def begin(data_dir: Path, backups_dir: Path) -> PendingBackup:
    """Lock and journal a new backup; returns where its snapshot goes (`backups_dir`, not yet made)."""
    folder = data_dir / JOURNAL_DIR
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(8)
    fd = os.open(folder / f"{token}.lock", os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    lock = StagingLock(folder / f"{token}.lock", fd)
    if not try_lock(fd):  # a brand-new file nobody else knows: cannot be locked by another
        lock.release(remove=True)
        raise OSError(f"{lock.path}: could not lock a new file")
    snapshot = (backups_dir / f".snapshot-{token}.tmp").absolute()
    pending = PendingBackup(folder / f"{token}.json", lock, snapshot)
    try:
        _write(pending)
    except BaseException:
        lock.release(remove=True)
        raise
    return pending


def finish_interrupted(data_dir: Path) -> list[tuple[str, int]]:
    """Remove what killed backups left (see the module docstring); returns (path, size) of each file."""
    folder = data_dir / JOURNAL_DIR
    try:
        tokens = sorted({_token(p.name) for p in folder.iterdir()})
    except OSError:
        return []
    removed: list[tuple[str, int]] = []
    for token in tokens:
        lock = StagingLock.take(folder / token)  # `<token>.lock`, made if a kill left only the journal
        if lock is None:  # a live backup (the command line, while this window starts)
            continue
        try:
            done = _clean(folder, token, removed)
        except OSError:
            log.warning("interrupted backup %s not cleaned up yet", token, exc_info=True)
            done = False
        lock.release(remove=done)
    _remove_if_empty(folder)
    return removed


def _token(name: str) -> str:
    """The backup a file of the journal folder belongs to: `<token>.json`, `<token>.lock`, and the temp
    file of a journal being written, `.<token>.json.<random>.tmp`."""
    return name.lstrip(".").split(".", 1)[0]


def _clean(folder: Path, token: str, removed: list[tuple[str, int]]) -> bool:
    """Delete the temp files the journal of `token` names, then the journal; False when its target
    folder is not reachable now (the journal stays)."""
    journal = folder / f"{token}.json"
    snapshot, partial = _recorded(journal)
    if partial is not None and not partial.parent.is_dir():  # a USB stick taken out: next time
        log.warning("interrupted backup: folder %s not reachable; its temp file is removed later", partial)
        return False
    files = [snapshot.with_name(snapshot.name + end) for end in ("", "-journal", "-wal")] if snapshot else []
    for path in [*files, *([partial] if partial else [])]:
        if path.is_file():
            size = path.stat().st_size
            path.unlink()
            removed.append((str(path), size))
            log.info("temp file of an interrupted backup removed: %s (%d bytes)", path, size)
    for tmp in folder.glob(f".{token}.json.*.tmp"):
        tmp.unlink(missing_ok=True)
    journal.unlink(missing_ok=True)
    return True


def _recorded(journal: Path) -> tuple[Path | None, Path | None]:
    """The snapshot (with the journal SQLite keeps beside it while copying) and the partial `journal`
    names; nothing when it is missing (killed before it was written, or after it was removed)."""
    try:
        doc = json.loads(journal.read_text(encoding="utf-8"))
        return Path(doc["snapshot"]), Path(doc["partial"]) if doc.get("partial") else None
    except FileNotFoundError:
        return None, None
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("unreadable backup journal %s removed", journal)
        return None, None


def _write(pending: PendingBackup) -> None:
    doc = {"snapshot": str(pending.snapshot), "partial": str(pending.partial) if pending.partial else None}
    atomic_write_bytes(pending.journal, json.dumps(doc, ensure_ascii=False).encode("utf-8"))


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass
