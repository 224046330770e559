"""What a backup holds, and the names a restore accepts.

In: the database (a snapshot), `blobs/` (the evidence, by SHA-256), `keys/` (the office keys, the
mailbox settings, the automatic backups' passphrase), `reference/` (installed rule sets and
calendars) and the settings files at the top of the data folder (`*.json`). Out: `logs/`,
`backups/` (copies kept before migrations, and what a restore set aside), printed files, mailbox
working folders — all remade or not needed on a new machine.

The protected secrets of `keys/` (`*.secret`: DPAPI on Windows, the keyring elsewhere) are stored in
the backup unprotected, inside its encryption, and protected again for the machine a restore writes
them on: that is what lets a backup move to another Windows account or another system."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop.paths import DB_FILENAME

TOP_FOLDERS = ("blobs", "keys", "reference")
_BLOB = re.compile(r"^blobs/[0-9a-f]{2}/[0-9a-f]{64}$")
_SAFE_PART = re.compile(r"^[\w][\w.\- ]{0,120}$")
SECRET_SUFFIX = ".secret"


@dataclass(frozen=True)
class Source:
    """One file of the data folder to copy into a backup."""

    name: str  # "/"-separated, relative to the data folder
    path: Path
    size: int

    @property
    def secret(self) -> bool:
        return self.name.startswith("keys/") and self.name.endswith(SECRET_SUFFIX)


def sources(data_dir: Path) -> list[Source]:
    """Every file a backup of `data_dir` copies, but the database (snapshotted apart)."""
    found: list[Source] = []
    for entry in sorted(os.scandir(data_dir), key=lambda e: e.name) if data_dir.is_dir() else []:
        if entry.is_file() and entry.name.endswith(".json") and allowed(entry.name):
            found.append(Source(entry.name, Path(entry.path), entry.stat().st_size))
    for top in TOP_FOLDERS:
        found += [s for s in _walk(data_dir / top, top) if allowed(s.name)]
    return found


def _walk(folder: Path, prefix: str) -> Iterator[Source]:
    if not folder.is_dir():
        return
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        name = f"{prefix}/{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), name)
        elif entry.is_file(follow_symlinks=False):
            yield Source(name, Path(entry.path), entry.stat().st_size)


def blob_files(data_dir: Path) -> list[Path]:
    return [s.path for s in _walk(data_dir / "blobs", "blobs") if _BLOB.match(s.name)]


def allowed(name: str) -> bool:
    """Whether `name` may be a member: the database, a blob named by its hash, or a plain relative path
    under `keys/` or `reference/`, or a settings file at the top. Temp and hidden files never are."""
    if name == DB_FILENAME:
        return True
    if name.startswith("blobs/"):
        return bool(_BLOB.match(name))
    parts = name.split("/")
    if not all(_SAFE_PART.match(p) for p in parts):
        return False
    if len(parts) == 1:
        return name.endswith(".json")
    return parts[0] in ("keys", "reference") and len(parts) <= 6 and not name.endswith(".tmp")
