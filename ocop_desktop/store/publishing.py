"""Publishing a package file so that a kill at any moment is repaired at the next start.

A package (an export, or the receipt an import answers with) is written to a temp file next to its
target (`.<name>.<package id>.part`), recorded in the database (its `sync_package` row, and for a
submission the dossiers moving to "sent") in one transaction, and only then renamed to its name.
Between the commit and the rename, a kill used to leave dossiers "sent" with no package and a
number the recipient would see missing; before the commit, a `.part` of up to the size of every
scan stayed in the user's folder for ever.

The journal closes both: before the temp file is made, `begin` writes
`<data>/publishing/<package id>.json` (temp file and target); `end` removes it after the rename.
`finish_interrupted` (at the start of the store, under the one-instance lock, so no live export
is touched) reads what is left: a package whose row exists was committed, so its complete temp file
is renamed into place (the export is finished); otherwise the export never happened and its temp
file is removed. A target folder that is not there (a USB stick taken out) keeps its journal for
the next start.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.files import atomic_write_bytes

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

JOURNAL_DIR = "publishing"
_ID = re.compile(r"^[0-9a-f-]{36}$")


def temp_for(target: Path, package_id: str) -> Path:
    """The temp file of package `package_id` bound for `target` (same folder: the rename is atomic)."""
    return target.parent / f".{target.name}.{package_id}.part"


def package_id_of(tmp: Path) -> str:
    """The package id a `temp_for` name carries."""
    return tmp.name.removesuffix(".part").rsplit(".", 1)[-1]


def begin(data_dir: Path, package_id: str, target: Path) -> Path:
    """Remember the package before its temp file exists; returns that temp file's path."""
    if not _ID.match(package_id):
        raise ValueError(f"package id {package_id!r}")
    tmp = temp_for(target.absolute(), package_id)
    doc = {"tmp": str(tmp), "target": str(target.absolute())}
    atomic_write_bytes(_journal(data_dir, package_id), json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    return tmp


def end(data_dir: Path, package_id: str) -> None:
    """The package is published, or dropped with its temp file: nothing is left to finish (nor a
    folder: the data folder looks as it did)."""
    journal = _journal(data_dir, package_id)
    journal.unlink(missing_ok=True)
    _remove_if_empty(journal.parent)


@dataclass(frozen=True)
class Finished:
    published: list[str]  # targets renamed into place (committed before the kill)
    removed: list[tuple[str, int]]  # temp files removed (never committed), with their sizes


def finish_interrupted(data_dir: Path, sessions: sessionmaker[Session]) -> Finished:
    """Finish or roll back what a killed export or import left (see the module docstring)."""
    from ocop_desktop.store.models import SyncPackage

    published: list[str] = []
    removed: list[tuple[str, int]] = []
    folder = data_dir / JOURNAL_DIR
    try:
        journals = sorted(p for p in folder.iterdir() if p.suffix == ".json")
    except OSError:
        return Finished(published, removed)
    for journal in journals:
        try:
            doc = json.loads(journal.read_text(encoding="utf-8"))
            tmp, target = Path(doc["tmp"]), Path(doc["target"])
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("unreadable publishing journal %s removed", journal)
            journal.unlink(missing_ok=True)
            continue
        with sessions() as s:
            row = s.get(SyncPackage, journal.stem)
            size = row.size if row is not None else None
        try:
            if not tmp.parent.is_dir():  # a folder on a removable disk: next time
                log.warning("package %s: folder %s not reachable; finished later", journal.stem, tmp.parent)
                continue
            if size is not None and tmp.is_file() and tmp.stat().st_size == size:
                os.replace(tmp, target)
                _fsync_dir(target.parent)
                published.append(str(target))
                log.info("package %s published after an interrupted export: %s", journal.stem, target)
            elif tmp.exists():
                removed.append((str(tmp), tmp.stat().st_size))
                tmp.unlink()
                log.info("temp file of an interrupted export removed: %s (%d bytes)", tmp, removed[-1][1])
            journal.unlink(missing_ok=True)
        except OSError:
            log.warning("package %s not finished yet", journal.stem, exc_info=True)
    _remove_if_empty(folder)
    return Finished(published, removed)


def _journal(data_dir: Path, package_id: str) -> Path:
    return data_dir / JOURNAL_DIR / f"{package_id}.json"


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass
