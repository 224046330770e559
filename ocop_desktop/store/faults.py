"""The machine in the way, said plainly: each fault of the environment that SQLite or the file
system reports becomes its own `EnvironmentProblem`, never a traceback and never another diagnosis
(a full disk is not "the package contradicts this machine's data").

SQLite reports faults by result code; Python's sqlite3 (3.11+) carries it as `sqlite_errorcode`, and
SQLAlchemy wraps the error in `.orig`. Codes, not message texts, decide (the texts vary by version).
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from ocop_desktop.domain.errors import EnvironmentProblem

# Primary result codes (the low byte of an extended code), https://sqlite.org/rescode.html
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
NOT_ALLOWED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind `exc` (an sqlite3 error, or SQLAlchemy's wrapper)."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def mb(size: int) -> str:
    """A size as people read it (Vietnamese thousands separator)."""
    if size < 1 << 20:
        return f"{max(1, -(-size // 1024))} KB"
    return f"{-(-size // (1 << 20)):,} MB".replace(",", ".")


def disk_full(where: Path, needed: int, detail: str = "") -> EnvironmentProblem:
    free = free_space(where)
    have = f" (còn trống {mb(free)})" if free is not None else ""
    return EnvironmentProblem(
        f"Ổ đĩa chứa “{where}” đã đầy{have}: việc này cần khoảng {mb(needed)} trống. Hãy giải phóng chỗ "
        "trống rồi làm lại. Không có gì thay đổi.",
        detail=detail,
    )


def io_error(db_path: Path, detail: str = "") -> EnvironmentProblem:
    return EnvironmentProblem(
        f"Không đọc/ghi được ổ đĩa chứa “{db_path}” (ổ đầy, bị rút ra hoặc bị lỗi). Hãy kiểm tra ổ đĩa rồi "
        "thử lại. Không có gì thay đổi.",
        detail=detail,
    )


def locked(db_path: Path, detail: str = "") -> EnvironmentProblem:
    return EnvironmentProblem(
        f"Cơ sở dữ liệu “{db_path}” đang bị một chương trình khác giữ (đang mở hoặc đang sao chép). Hãy "
        "đóng chương trình đó (trình xem cơ sở dữ liệu, công cụ sao lưu…) rồi thử lại. Không có gì thay đổi.",
        detail=detail,
    )


def read_only(db_path: Path, detail: str = "") -> EnvironmentProblem:
    return EnvironmentProblem(
        f"Tệp cơ sở dữ liệu “{db_path}” chỉ cho phép đọc (hoặc nằm trên ổ chỉ đọc), nên không ghi được. "
        "Hãy bỏ thuộc tính chỉ đọc của tệp hoặc chép thư mục dữ liệu sang ổ ghi được. Không có gì thay đổi.",
        detail=detail,
    )


def damaged(db_path: Path, backups_dir: Path | None, detail: str = "") -> EnvironmentProblem:
    newest = newest_backup(backups_dir) if backups_dir is not None else None
    advice = (
        f"Hãy khôi phục bản sao lưu gần nhất: “{newest}”."
        if newest is not None
        else "Không có bản sao lưu nào trong thư mục “backups”; hãy khôi phục từ bản sao lưu của cơ quan."
    )
    return EnvironmentProblem(
        f"Cơ sở dữ liệu “{db_path}” bị hỏng (tệp bị hư hoặc bị ghi đè). {advice} Tệp hỏng không bị thay đổi.",
        detail=detail,
    )


def newest_backup(backups_dir: Path) -> Path | None:
    """The newest complete backup (temporary names start with a dot and are never offered)."""
    try:
        found = [p for p in backups_dir.glob("*.sqlite3") if not p.name.startswith(".")]
    except OSError:
        return None
    return max(found, key=lambda p: (p.stat().st_mtime, p.name), default=None)


def environment_problem(
    exc: BaseException, db_path: Path, backups_dir: Path | None = None, needed: int = 0
) -> EnvironmentProblem | None:
    """The plain message for `exc` when the environment caused it, else None (a bug, or bad data)."""
    if isinstance(exc, EnvironmentProblem):
        return exc
    detail = f"{type(exc).__name__}: {exc}"
    code = sqlite_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return locked(db_path, detail)
    if code == SQLITE_FULL:
        return disk_full(db_path.parent, needed or _db_size(db_path), detail)
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
        return read_only(db_path, detail)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(db_path, backups_dir, detail)
    if code == SQLITE_IOERR:  # the system refused a read or write: no space, a quota, a removed disk
        return io_error(db_path, detail)
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, OSError) and orig.errno in NO_SPACE:
        where = Path(orig.filename).parent if orig.filename else db_path.parent
        return disk_full(where, needed, detail)
    if isinstance(orig, OSError) and orig.errno in NOT_ALLOWED:
        return read_only(Path(orig.filename) if orig.filename else db_path, detail)
    return None


def _db_size(db_path: Path) -> int:
    try:
        return db_path.stat().st_size
    except OSError:
        return 0


def free_space(where: Path) -> int | None:
    here = where
    while not here.exists() and here.parent != here:
        here = here.parent
    try:
        return shutil.disk_usage(here).free
    except OSError:
        return None


def is_sqlite_error(exc: BaseException) -> bool:
    return isinstance(getattr(exc, "orig", exc), sqlite3.Error)
