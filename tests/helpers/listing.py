"""The whole data folder as a comparable listing: what "nothing changed" means on disk."""

from __future__ import annotations

import hashlib
from pathlib import Path

from helpers.dump import table_dump
from ocop_desktop.services.core.context import AppContext


def data_listing(ctx: AppContext, *, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Every folder and file under the data folder (relative name -> "dir" or "size sha256"), after a
    WAL checkpoint so that committed changes are in the database file. SQLite's shared-memory index
    (`-shm`) is listed by name and size only: readers write their marks into it. `skip`: top-level
    names left out (the CLI's `logs`). On a database server, its every row stands for the file."""
    listing = {}
    if ctx.engine.dialect.name == "sqlite":
        with ctx.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    else:
        listing["<server database>"] = hashlib.sha256("\n".join(table_dump(ctx.engine)).encode()).hexdigest()
    root = ctx.paths.data_dir
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if path.relative_to(root).parts[0] in skip:
            continue
        if path.is_dir():
            listing[name] = "dir"
        elif name.endswith("-shm"):
            listing[name] = f"{path.stat().st_size}"
        else:
            listing[name] = f"{path.stat().st_size} {_sha256(path)}"
    return listing


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
