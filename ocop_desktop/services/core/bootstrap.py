"""Opening a store: the one sequence every entry point (GUI, CLI, tests, benchmarks) runs.

Open (and migrate) the database, finish an import that was cut short between its commit and
the renaming of its scans (`store.blobs`), read reference data from this installation's packs, load
the administrative units on first start, and act as the office's first active officer. It lives here,
above `context` and `units`, so that the context stays a plain holder that imports neither.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.reference import use_installed_reference
from ocop_desktop.services.core.units import ensure_units_loaded
from ocop_desktop.store import instance_lock, publishing, rename_journal
from ocop_desktop.store.audit import seal_if_pending
from ocop_desktop.store.blobs import finish_interrupted_imports
from ocop_desktop.store.database import check_data_dir
from ocop_desktop.store.engines import configured_url, open_store
from ocop_desktop.store.models import Officer
from ocop_desktop.store.sweep import sweep, sweep_shared_blobs


def open_app(paths: AppPaths, database: str | None = None) -> AppContext:
    """The store under `paths`, ready for services; `ctx.close()` when done. A second program on
    the same data folder is refused (`store.instance_lock`) before anything is touched. `database`: a
    server URL (a province office's shared PostgreSQL); by default the one `database.json` names, else
    the SQLite file in the data folder (`store.engines`)."""
    check_data_dir(paths.data_dir)
    url = database if database is not None else configured_url(paths.data_dir)
    lock = instance_lock.acquire(paths.data_dir)
    try:
        rename_journal.recover(paths.data_dir)  # a restore killed halfway: the old data back, whole
        engine, sessions = open_store(url, paths.db_path, paths.backups_dir)
        seal_if_pending(engine)
    except BaseException:
        instance_lock.release(lock)
        raise
    ctx = AppContext(paths=paths, engine=engine, sessions=sessions, lock=lock)
    try:
        finish_interrupted(paths, sessions)
        use_installed_reference(paths.data_dir / "reference")
        ensure_units_loaded(ctx)
        ctx.officer_id = default_officer_id(ctx)
    except BaseException:
        ctx.close()
        raise
    return ctx


def finish_interrupted(paths: AppPaths, sessions: sessionmaker[Session]) -> None:
    """What killed jobs left: imports committed but not placed, packages recorded but not renamed
    (finished), and temp files (removed). Only this process has the folder (the lock)."""
    finish_interrupted_imports(paths.blobs_dir, sessions)
    publishing.finish_interrupted(paths.data_dir, sessions)
    sweep(paths.data_dir)
    if paths.shared_blobs is not None:
        sweep_shared_blobs(paths.shared_blobs)


def default_officer_id(ctx: AppContext) -> str | None:
    """The office's longest-serving active officer, who acts until someone else is chosen."""
    office = ctx.office_or_none()
    if office is None:
        return None
    with ctx.read() as s:
        query = select(Officer.id).where(Officer.office_id == office.id, Officer.active.is_(True))
        return s.scalars(query.order_by(Officer.created_at)).first()
