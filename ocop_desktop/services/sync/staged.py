"""The scans of an imported package reach the blob store only once the import is recorded.

`staged_blobs(ctx, package_id)` first completes or removes what an interrupted import left behind,
then stages this package's blobs under its id (the journal: `store.blobs`). The importer copies
the blobs in while hashing them (`opened.check_blobs`), opens its transaction and calls
`staging.place_after_commit(session)` first thing in it: the blobs are renamed into place right
after the commit, and a refusal, a database error or a cancel anywhere before leaves nothing.
`database_errors_refused` turns a database error in such a transaction into the refusal it is;
`missing_folders` / `remove_made` take back the folders made for a receipt never published.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.store.blobs import BlobStaging, BlobStore, finish_interrupted_imports

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@contextmanager
def staged_blobs(ctx: AppContext, package_id: str) -> Iterator[BlobStaging]:
    finish_interrupted_imports(ctx.paths.blobs_dir, ctx.sessions)
    with BlobStore(ctx.paths.blobs_dir).staging(package_id) as staging:
        yield staging


@contextmanager
def database_errors_refused(message: str) -> Iterator[None]:
    """A database error in the block (the package contradicts this machine's data: the transaction
    was rolled back) is the refusal `inconsistent` with `message`, not a crash."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise PackageRefused("inconsistent", message, detail=str(exc)) from exc


def missing_folders(folder: Path) -> list[Path]:
    """The folders up to `folder` that do not exist yet, deepest first (`remove_made` takes back
    those a failed step made, e.g. the writer of a receipt asked for in a new folder)."""
    missing, here = [], Path(folder).absolute()
    while not here.exists() and here.parent != here:
        missing.append(here)
        here = here.parent
    return missing


def remove_made(folders: list[Path]) -> None:
    """Remove `missing_folders` that were made meanwhile, while they are empty."""
    for made in folders:
        try:
            made.rmdir()
        except FileNotFoundError:
            continue
        except OSError:  # something else put a file there: it stays
            break
