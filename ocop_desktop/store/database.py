"""Opening the SQLite store: checks, pragmas, backup, migrations, session factory."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.store import audit as _audit  # noqa: F401  (registers the audit log's session events)
from ocop_desktop.store import faults
from ocop_desktop.store.upgrade import (  # noqa: F401  (the store's one entry for these)
    MIGRATIONS_DIR,
    alembic_config,
    backup_file,
    current_revision,
    head_revision,
    head_revision_fast,
    known_revisions,
    migrate,
)

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_data_dir(data_dir: Path) -> None:
    """The folder must exist (we create it) and be writable, or nothing can be saved."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise EnvironmentProblem(
            f"Không ghi được vào thư mục dữ liệu “{data_dir}”. Hãy chọn thư mục khác "
            "(tham số --data-dir) hoặc kiểm tra quyền ghi.",
            detail=str(exc),
        ) from exc


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that exists but is not an SQLite database, before touching it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        raise EnvironmentProblem(
            f"Tệp “{path.name}” không phải là cơ sở dữ liệu của OCOP Desktop (không phải SQLite). "
            "Tệp không bị thay đổi. Hãy chọn đúng thư mục dữ liệu.",
            detail=f"{path}: first bytes {head[:16]!r}",
        )


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=5000")  # first: switching to WAL waits for a busy file too
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite+pysqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def open_database(db_path: Path, backups_dir: Path) -> tuple[Engine, sessionmaker[Session]]:
    """The store's engine and sessions, migrated to head. Every fault of the machine or the file is
    said plainly (`faults`) and leaves the file as it was: checks that only read come first."""
    check_data_dir(db_path.parent)
    check_sqlite_file(db_path)
    check_writable_file(db_path)
    check_ours(db_path, backups_dir)
    engine = make_engine(db_path)
    try:
        migrate(engine, db_path, backups_dir)
        _probe_write(engine)
    except Exception as exc:
        engine.dispose()
        problem = faults.environment_problem(exc, db_path, backups_dir)
        if problem is None:
            raise
        raise problem from exc
    return engine, sessionmaker(engine, expire_on_commit=False)


def check_writable_file(db_path: Path) -> None:
    """A read-only file (or its WAL companions) cannot be opened for work: said before touching it."""
    for path in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        if path.exists() and not os.access(path, os.W_OK):
            raise faults.read_only(db_path, f"{path}: not writable")


def check_ours(db_path: Path, backups_dir: Path) -> None:
    """Look at an existing file read-only before anything writes to it: a database of another
    program (tables, but no Alembic version) or of a newer release (a revision this release does
    not know) is refused unchanged."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    companions = [db_path.with_name(db_path.name + end) for end in ("-wal", "-shm")]
    absent = [p for p in companions if not p.exists()]
    try:
        conn = sqlite3.connect(db_path.absolute().as_uri() + "?mode=ro", uri=True, timeout=5)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            version = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            conn.close()
            _remove_made(absent)
    except sqlite3.Error as exc:
        raise faults.environment_problem(exc, db_path, backups_dir) or faults.damaged(
            db_path, backups_dir, str(exc)
        ) from exc
    if tables and "alembic_version" not in tables:
        raise EnvironmentProblem(
            f"Tệp “{db_path}” là cơ sở dữ liệu của một chương trình khác, không phải của OCOP Desktop "
            f"({len(tables)} bảng lạ). Tệp không bị thay đổi. Hãy chọn đúng thư mục dữ liệu.",
            detail=", ".join(sorted(tables)[:10]),
        )
    known = known_revisions()
    if version is not None and known is not None and version[0] not in known:
        raise EnvironmentProblem(
            f"Dữ liệu trong “{db_path}” được tạo bởi một phiên bản OCOP Desktop mới hơn phiên bản đang "
            "chạy. Hãy cài phiên bản mới nhất rồi mở lại. Tệp không bị thay đổi.",
            detail=f"unknown revision {version[0]!r}",
        )


def _remove_made(absent: list[Path]) -> None:
    """A read-only look at a WAL database makes an empty `-wal` and its index: taken back, so that a
    refused file's folder is as it was (an empty WAL holds nothing)."""
    wal = next((p for p in absent if p.name.endswith("-wal")), None)
    if wal is not None and wal.exists() and wal.stat().st_size == 0:
        for path in absent:
            path.unlink(missing_ok=True)


def _probe_write(engine: Engine) -> None:
    """Take the write lock once and give it back: a database held by another program (or one the
    system will not let us write) is said now, not at the first save."""
    with engine.connect() as conn:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        conn.exec_driver_sql("ROLLBACK")
