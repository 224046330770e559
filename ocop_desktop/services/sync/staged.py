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

from ocop_desktop.domain.errors import UserError
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.store import faults
from ocop_desktop.store.blobs import BlobStaging, BlobStore, finish_interrupted_imports

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@contextmanager
def staged_blobs(ctx: AppContext, package_id: str, needed: int = 0) -> Iterator[BlobStaging]:
    """The staging of one import (`needed`: the bytes it may write). A file the system refuses to
    write (no space, no permission) is said as what it is, after the staging folder is removed:
    never "the package is wrong"."""
    finish_interrupted_imports(ctx.paths.blobs_dir, ctx.sessions)
    try:
        with BlobStore(ctx.paths.blobs_dir).staging(package_id) as staging:
            yield staging
    except OSError as exc:
        problem = faults.environment_problem(exc, ctx.paths.blobs_dir / "x", needed=needed)
        if problem is None:
            raise
        raise problem from exc


def refusal_of(ctx: AppContext, exc: SQLAlchemyError, inconsistent: str) -> UserError:
    """A database error in an import's transaction: the machine's fault (locked, full, read-only)
    said as such, otherwise the package contradicts this machine's data (`inconsistent`)."""
    problem = faults.environment_problem(exc, ctx.paths.db_path, ctx.paths.backups_dir)
    if problem is not None:
        return problem
    return PackageRefused("inconsistent", inconsistent, detail=str(exc))


@contextmanager
def database_errors_refused(ctx: AppContext, message: str) -> Iterator[None]:
    """A database error in the block (the transaction was rolled back) is the refusal `inconsistent`
    with `message` — or the fault of the machine it is (`refusal_of`) — not a crash."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise refusal_of(ctx, exc, message) from exc


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
