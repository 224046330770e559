"""Opening the SQLite store: checks, pragmas, backup, migrations, session factory."""

from __future__ import annotations

import logging
import re
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.store import audit as _audit  # noqa: F401  (registers the audit log's session events)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite+pysqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    assert head is not None
    return head


_REVISION = re.compile(r"^(down_)?revision\s*=\s*['\"]?([\w-]+|None)['\"]?", re.M)


def head_revision_fast() -> str | None:
    """The newest migration, read from the version files without importing Alembic (which costs
    most of a second at start-up); None when the files do not say it plainly."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = {bool(m.group(1)): m.group(2) for m in _REVISION.finditer(path.read_text(encoding="utf-8"))}
        if False not in found:
            return None
        revisions.add(found[False])
        parents.add(found.get(True))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        except Exception:  # no table yet: a new database
            return None


def backup_file(engine: Engine, db_path: Path, backups_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (WAL content included)."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{db_path.stem}-{label}-{stamp}.sqlite3"
    with engine.connect() as conn:
        src = conn.connection.driver_connection
        assert isinstance(src, sqlite3.Connection)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    return target


def migrate(engine: Engine, db_path: Path, backups_dir: Path) -> None:
    """Bring the schema to head, keeping a copy of the previous file first."""
    stored = _stored_revision(engine)
    if stored is not None and stored == head_revision_fast():
        return  # the everyday case: nothing to do, Alembic not even imported
    from alembic import command

    current = current_revision(engine)
    head = head_revision(engine)
    if current == head:
        return
    if current is not None:
        kept = backup_file(engine, db_path, backups_dir, f"rev-{current}")
        log.info("schema %s -> %s; previous database kept at %s", current, head, kept)
    command.upgrade(alembic_config(engine), "head")
    if current is not None:  # the records' canonical form may have changed: seal them again at start
        from ocop_desktop.store.audit import mark_pending

        with engine.begin() as conn:
            mark_pending(conn)


def open_database(db_path: Path, backups_dir: Path) -> tuple[Engine, sessionmaker[Session]]:
    check_data_dir(db_path.parent)
    check_sqlite_file(db_path)
    engine = make_engine(db_path)
    try:
        migrate(engine, db_path, backups_dir)
    except sqlite3.DatabaseError as exc:  # pragma: no cover - corrupt file past the magic bytes
        raise EnvironmentProblem(f"Cơ sở dữ liệu “{db_path}” bị hỏng.", detail=str(exc)) from exc
    except Exception as exc:
        if "database" in type(exc).__name__.lower() and "not a database" in str(exc):
            raise EnvironmentProblem(
                f"Tệp “{db_path}” không phải là cơ sở dữ liệu hợp lệ.", detail=str(exc)
            ) from exc
        raise
    return engine, sessionmaker(engine, expire_on_commit=False)
