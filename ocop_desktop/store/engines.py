"""Which database an installation works on: its SQLite file (the default, `store.database`) or a
PostgreSQL server shared by the desks of a province office (a connection URL).

Same models, same Alembic migrations on both. What only SQLite has stays in `store.database`
(pragmas, the file checks, the backup API before an upgrade); on PostgreSQL the server does those
jobs (constraints always on, MVCC instead of WAL, `pg_dump` for copies — docs/province-server.md).
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.paths import DATABASE_CHOICE_FILENAME, DATABASE_ENV

log = logging.getLogger(__name__)

SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
CONNECT_TIMEOUT = 5  # seconds: a desk waits this long for the server before saying so


def is_sqlite(engine_or_url: Engine | URL | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


def server_url(text: str) -> URL:
    """The PostgreSQL URL a person typed, with our driver (psycopg 3) filled in; a clear refusal
    for anything else. `postgresql://user:pass@host:5432/ocop?sslmode=require`."""
    try:
        url = make_url(text.strip())
    except ArgumentError as exc:
        raise EnvironmentProblem(
            "Địa chỉ cơ sở dữ liệu không hợp lệ. Hãy nhập dạng "
            "postgresql://người_dùng:mật_khẩu@máy_chủ:5432/tên_csdl",
            detail=str(exc),
        ) from exc
    if url.drivername not in SERVER_SCHEMES or not url.database:
        raise EnvironmentProblem(
            "Chỉ hỗ trợ máy chủ PostgreSQL, dạng postgresql://người_dùng:mật_khẩu@máy_chủ:5432/tên_csdl "
            "(cần có tên cơ sở dữ liệu).",
            detail=url.render_as_string(hide_password=True),
        )
    return url.set(drivername="postgresql+psycopg")


def shown(url: URL | str) -> str:
    """The URL as people may see it (in messages and logs): never the password."""
    return make_url(url).render_as_string(hide_password=True)


def make_server_engine(url: URL | str) -> Engine:
    """An engine on a PostgreSQL server. Times are kept in UTC so that they read back as written;
    stale pooled connections (the server restarted) are replaced before use."""
    return create_engine(
        server_url(str(url) if isinstance(url, str) else url.render_as_string(hide_password=False)),
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT, "options": "-c timezone=UTC"},
    )


def unreachable(url: URL | str, exc: BaseException) -> EnvironmentProblem:
    """What stopped a connection, said so that the person knows whom to ask: the password, the
    database's name, or the server itself (network, off, refused)."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = str(exc)
    if "password authentication failed" in text or "no password supplied" in text:
        return EnvironmentProblem(
            f"Máy chủ {shown(url)} từ chối đăng nhập: sai tên người dùng hoặc mật khẩu. Hãy kiểm tra "
            "mật khẩu trong địa chỉ (hoặc trong tệp mật khẩu pgpass). Chưa có gì bị thay đổi.",
            detail=first,
        )
    if "does not exist" in text and "database" in text:
        return EnvironmentProblem(
            f"Máy chủ {shown(url)} chưa có cơ sở dữ liệu “{make_url(url).database}”. Hãy nhờ người quản trị "
            "máy chủ tạo nó (docs/province-server.md). Chưa có gì bị thay đổi.",
            detail=first,
        )
    return EnvironmentProblem(
        f"Không kết nối được máy chủ cơ sở dữ liệu {shown(url)}. Hãy kiểm tra mạng, máy chủ đã bật chưa, "
        "tên người dùng và mật khẩu; hoặc hỏi người quản trị máy chủ của văn phòng tỉnh. "
        "Chưa có gì bị thay đổi.",
        detail=first,
    )


def migrate_server(engine: Engine) -> None:
    """Bring the server's schema to head. PostgreSQL runs DDL in the transaction, so an upgrade (and
    the audit log's re-seal mark, `env.py`) is whole or absent; the copy before it is the server's
    own backup (pg_dump), not ours. A database of a newer release is refused unchanged."""
    from alembic import command

    from ocop_desktop.store.upgrade import alembic_config, current_revision, head_revision, known_revisions

    current = current_revision(engine)
    if current == head_revision(engine):
        return
    known = known_revisions()
    if current is not None and known is not None and current not in known:
        raise EnvironmentProblem(
            f"Dữ liệu trên máy chủ {shown(engine.url)} được tạo bởi một phiên bản OCOP Desktop mới hơn "
            "phiên bản đang chạy. Hãy cài phiên bản mới nhất rồi mở lại. Dữ liệu không bị thay đổi.",
            detail=f"unknown revision {current!r}",
        )
    log.info("schema %s -> head on %s", current, shown(engine.url))
    cfg = alembic_config(engine)
    cfg.attributes["reseal"] = current is not None  # the audit log seals the upgraded records again
    command.upgrade(cfg, "head")


def open_server_database(url: URL | str) -> tuple[Engine, sessionmaker[Session]]:
    """The server's engine and sessions, migrated to head; unreachable said plainly."""
    engine = make_server_engine(url)
    try:
        migrate_server(engine)
    except OperationalError as exc:
        engine.dispose()
        raise unreachable(url, exc.orig or exc) from exc
    except BaseException:
        engine.dispose()
        raise
    return engine, sessionmaker(engine, expire_on_commit=False)


def open_store(url: str | None, db_path: Path, backups_dir: Path) -> tuple[Engine, sessionmaker[Session]]:
    """The installation's store: the SQLite file under the data folder, or the server at `url`."""
    if url is None or url.strip().startswith("sqlite"):
        from ocop_desktop.store.database import open_database

        chosen = make_url(url).database if url else None
        return open_database(Path(chosen) if chosen else db_path, backups_dir)
    return open_server_database(url)


CHOICE_FILE = DATABASE_CHOICE_FILENAME


def configured_url(data_dir: Path) -> str | None:
    """The server this installation works on: `--database` for this run (the environment variable),
    else `database.json` in the data folder; None for the SQLite file. Scans, keys and logs stay in
    the data folder whichever store is chosen."""
    import json
    import os

    override = os.environ.get(DATABASE_ENV, "").strip()
    if override:
        return override
    path = data_dir / CHOICE_FILE
    if not path.exists():
        return None
    try:
        url = json.loads(path.read_text(encoding="utf-8")).get("url")
    except (OSError, ValueError, AttributeError) as exc:
        raise EnvironmentProblem(
            f"Không đọc được tệp chọn cơ sở dữ liệu “{path}”. Hãy sửa hoặc xóa tệp này "
            "(khi không có tệp, chương trình dùng tệp SQLite trong thư mục dữ liệu).",
            detail=str(exc),
        ) from exc
    return str(url) if url else None


def save_configured_url(data_dir: Path, url: str | None) -> None:
    """Remember the store for the next starts (GUI and CLI): a server URL, or None for SQLite (which also
    forgets a shared scans folder: a desk alone keeps its own). The file holds the URL as typed, password
    included: prefer a password file (PGPASSFILE)."""
    path = data_dir / CHOICE_FILE
    if url is None:
        path.unlink(missing_ok=True)
        return
    server_url(url)  # refuse what we could not open, before writing it
    _write_choice(data_dir, {**_read_choice(data_dir), "url": url.strip()})


def save_shared_blobs(data_dir: Path, folder: Path | None) -> None:
    """The folder where this office's desks keep the scans (None: back to `blobs/` in the data folder).
    Only with a server: desks on separate SQLite files share nothing."""
    choice = _read_choice(data_dir)
    if not choice.get("url"):
        raise EnvironmentProblem(
            "Thư mục tài liệu dùng chung chỉ dùng khi các máy làm việc trên cùng máy chủ cơ sở dữ liệu "
            "(database use URL)."
        )
    if folder is None:
        choice.pop("blobs", None)
    else:
        folder = folder.expanduser().resolve()
        check_writable(folder)
        choice["blobs"] = str(folder)
    _write_choice(data_dir, choice)


def check_writable(folder: Path) -> None:
    probe = folder / f".write-test-{uuid.uuid4().hex}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"ocop")
        probe.unlink()
    except OSError as exc:
        raise EnvironmentProblem(
            f"Không ghi được vào thư mục “{folder}”. Hãy kiểm tra thư mục chia sẻ đã được gắn (mount) và "
            "quyền ghi của tài khoản này. Chưa có gì thay đổi.",
            detail=str(exc),
        ) from exc


def _read_choice(data_dir: Path) -> dict[str, object]:
    import json

    path = data_dir / CHOICE_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) else {}


def _write_choice(data_dir: Path, choice: dict[str, object]) -> None:
    import json

    path = data_dir / CHOICE_FILE
    data_dir.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(json.dumps(choice, ensure_ascii=False, indent=2), encoding="utf-8")
    temp.replace(path)
