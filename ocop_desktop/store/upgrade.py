"""Upgrading the schema so that no moment of it can brick the store.

- **Atomic.** Python's sqlite3 commits before DDL on its own (pysqlite's legacy transaction
  handling), so Alembic's "transaction" around a migration covered only the data statements: a kill
  during the DDL left new tables under the old version, and the file never opened again ("table …
  already exists"). The upgrade therefore runs on an engine of its own where the driver never
  begins or commits by itself and SQLAlchemy emits `BEGIN` (SQLAlchemy's pysqlite recipe for
  transactional DDL), and Alembic runs every step and the version stamp in that one transaction:
  the file is at its old revision or at head, never in between. The application's engine keeps the
  driver's usual behaviour.
- **One backup per upgrade, complete or absent.** The copy is written under a dot-name and renamed
  when complete and flushed, so a kill during it leaves no file that looks like a backup (the next
  start sweeps it). A marker (`backups/.upgrading.json`) remembers the copy until the upgrade
  commits: a start after a kill reuses it instead of making another. An upgrade that fails cleanly
  removes its copy (the file is unchanged, so the copy would only be a duplicate — or, for a file
  broken by an earlier release, a broken one).
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event

from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.store import faults

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
MARKER = ".upgrading.json"
PARTIAL = ".partial"

_REVISION = re.compile(r"^(down_)?revision\s*=\s*['\"]?([\w-]+|None)['\"]?", re.M)


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


def _revisions() -> tuple[set[str], set[str | None]] | None:
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = {bool(m.group(1)): m.group(2) for m in _REVISION.finditer(path.read_text(encoding="utf-8"))}
        if False not in found:
            return None
        revisions.add(found[False])
        parents.add(found.get(True))
    return revisions, parents


def head_revision_fast() -> str | None:
    """The newest migration, read from the version files without importing Alembic (which costs
    most of a second at start-up); None when the files do not say it plainly."""
    found = _revisions()
    if found is None:
        return None
    heads = found[0] - found[1]
    return heads.pop() if len(heads) == 1 else None


def known_revisions() -> set[str] | None:
    """Every revision this release knows (None when the files do not say it plainly)."""
    found = _revisions()
    return None if found is None else found[0]


def transactional_engine(engine: Engine) -> Engine:
    """An engine on the same file whose transactions cover DDL too (see the module docstring)."""
    own = create_engine(engine.url, future=True, poolclass=_single_pool())
    event.listen(own, "connect", _no_driver_transactions)
    event.listen(own, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return own


def _single_pool() -> Any:
    from sqlalchemy.pool import NullPool

    return NullPool


def _no_driver_transactions(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    dbapi_conn.isolation_level = None  # the driver never BEGINs nor COMMITs on its own
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def backup_file(engine: Engine, db_path: Path, backups_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (WAL content included), written under a
    temporary name and renamed once complete and on disk."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{db_path.stem}-{label}-{stamp}.sqlite3"
    partial = backups_dir / f".{target.name}{PARTIAL}"
    try:
        with engine.connect() as conn:
            src = conn.connection.driver_connection
            assert isinstance(src, sqlite3.Connection)
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
            finally:
                dst.close()
        _fsync(partial)
        os.replace(partial, target)
        _fsync(backups_dir)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def migrate(engine: Engine, db_path: Path, backups_dir: Path) -> None:
    """Bring the schema to head in one transaction, keeping one copy of the previous file first."""
    stored = _stored_revision(engine)
    if stored is not None and stored == head_revision_fast():
        return  # the everyday case: nothing to do, Alembic not even imported
    from alembic import command

    current = current_revision(engine)
    head = head_revision(engine)
    if current == head:
        return
    kept, made = (None, False) if current is None else _keep_copy(engine, db_path, backups_dir, current)
    if kept is not None:
        log.info("schema %s -> %s; previous database kept at %s", current, head, kept)
    own = transactional_engine(engine)
    try:
        cfg = alembic_config(own)
        cfg.attributes["engine"] = own
        cfg.attributes["reseal"] = current is not None  # the audit log seals the upgraded records again
        command.upgrade(cfg, "head")
    except BaseException as exc:
        if made and kept is not None and _stored_revision(engine) == current:
            kept.unlink(missing_ok=True)  # unchanged file: the copy is a duplicate (or of a broken file)
            (backups_dir / MARKER).unlink(missing_ok=True)
        if isinstance(exc, Exception) and not isinstance(exc, EnvironmentProblem):
            problem = faults.environment_problem(exc, db_path, backups_dir)
            if problem is not None:
                raise problem from exc
            raise _not_upgraded(db_path, backups_dir, current, exc) from exc
        raise
    finally:
        own.dispose()
    (backups_dir / MARKER).unlink(missing_ok=True)


def _keep_copy(engine: Engine, db_path: Path, backups_dir: Path, current: str) -> tuple[Path, bool]:
    """The copy of this upgrade: the one a killed attempt made of this same file, or a new one.
    Returns (path, whether it was made now)."""
    marker = backups_dir / MARKER
    stamp = _stat(db_path)
    try:
        seen = json.loads(marker.read_text(encoding="utf-8"))
        earlier = backups_dir / str(seen["backup"])
        if seen["from"] == current and seen["file"] == stamp and earlier.is_file():
            return earlier, False
    except (OSError, ValueError, KeyError, TypeError):
        pass
    needed = db_path.stat().st_size + _size(db_path.with_name(db_path.name + "-wal"))
    if (free := faults.free_space(backups_dir)) is not None and free < needed + (16 << 20):
        raise faults.disk_full(backups_dir, needed + (16 << 20), "no room for the pre-upgrade copy")
    try:
        kept = backup_file(engine, db_path, backups_dir, f"rev-{current}")
    except (OSError, sqlite3.Error) as exc:
        raise faults.environment_problem(exc, db_path, backups_dir, needed) or exc from exc
    marker.write_text(json.dumps({"from": current, "backup": kept.name, "file": stamp}), encoding="utf-8")
    return kept, True


def _not_upgraded(
    db_path: Path, backups_dir: Path, current: str | None, exc: BaseException
) -> EnvironmentProblem:
    """An upgrade that failed for no fault of the machine: most often a file left half-upgraded by
    an earlier release (whose upgrades were not atomic). The file is as it was."""
    first = sorted(backups_dir.glob(f"*-rev-{current}-*.sqlite3")) if current else []
    advice = (
        f"Hãy khôi phục bản sao lưu được giữ trước lần nâng cấp đầu tiên: “{first[0]}”."
        if first
        else "Hãy khôi phục từ bản sao lưu của cơ quan."
    )
    return EnvironmentProblem(
        f"Không nâng cấp được cơ sở dữ liệu “{db_path}” lên phiên bản này: tệp có thể đã bị một lần "
        f"nâng cấp trước (của phiên bản cũ) bỏ dở. {advice} Tệp hiện tại không bị thay đổi.",
        detail=f"{type(exc).__name__}: {exc}",
    )


def _stored_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        except Exception:  # no table yet: a new database
            return None


def _stat(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _fsync(path: Path) -> None:
    if path.is_dir() and os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
