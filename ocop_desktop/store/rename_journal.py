"""Several renames that must happen together or not at all (a restore replacing the database, the blobs
and the keys of a data folder): the planned renames are written to a journal, flushed to disk, before the
first one; the journal is deleted after the last. A process killed in between leaves the journal, and the
next start (`roll_back`, before the database is opened) puts every file back where it was, so the folder
holds the old data, whole, never half of each."""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

log = logging.getLogger(__name__)

JOURNAL_NAME = ".renames.json"
STAGING_PREFIX = ".restore-"  # where a restore unpacks and checks a backup before its renames


def recover(data_dir: Path) -> None:
    """At start, under the data folder's lock, before the database is opened: roll back an interrupted
    journal, and remove the staging folders of a restore killed before it began its renames."""
    roll_back(data_dir)
    try:
        leftovers = [p for p in data_dir.iterdir() if p.name.startswith(STAGING_PREFIX) and p.is_dir()]
    except OSError:
        return
    for folder in leftovers:
        shutil.rmtree(folder, ignore_errors=True)
        log.info("staging folder of an interrupted restore removed: %s", folder)


def begin(data_dir: Path, renames: list[tuple[Path, Path]], scratch: list[Path], made: list[Path]) -> Path:
    """Write the journal of `renames` (source, target), of the `scratch` folders to delete once done or
    rolled back, and of the folders `made` for the renames (removed by a roll-back when left empty)."""
    journal = data_dir / JOURNAL_NAME
    entries = {
        "renames": [[str(a), str(b)] for a, b in renames],
        "scratch": [str(p) for p in scratch],
        "made": [str(p) for p in made],
    }
    tmp = journal.with_name(JOURNAL_NAME + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(entries, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, journal)
    return journal


def commit(journal: Path) -> None:
    """Every rename is done: the journal goes (the point after which the new state stands)."""
    scratch = _read(journal).get("scratch", [])
    journal.unlink(missing_ok=True)
    for folder in scratch:
        shutil.rmtree(folder, ignore_errors=True)


def roll_back(data_dir: Path) -> bool:
    """Undo the renames of an interrupted journal in `data_dir`, newest first; True if there was one."""
    journal = data_dir / JOURNAL_NAME
    (data_dir / (JOURNAL_NAME + ".tmp")).unlink(missing_ok=True)  # killed before the journal existed
    if not journal.exists():
        return False
    entries = _read(journal)
    for source, target in reversed(entries.get("renames", [])):
        src, dst = Path(source), Path(target)
        if dst.exists() and not src.exists():
            src.parent.mkdir(parents=True, exist_ok=True)
            os.replace(dst, src)
    for folder in entries.get("scratch", []):
        shutil.rmtree(folder, ignore_errors=True)
    for folder in entries.get("made", []):
        try:
            Path(folder).rmdir()  # only when empty: everything went back
        except OSError:
            pass
    journal.unlink()
    log.warning("an interrupted restore was rolled back: the data folder holds its previous data")
    return True


def _read(journal: Path) -> dict[str, list]:  # type: ignore[type-arg]
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
