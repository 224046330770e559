"""`store migrate-to URL`: move an office's SQLite store to its PostgreSQL server (issue 18,
docs/province-server.md).

Everything on the server happens in one transaction: the tables are created by the same Alembic
migrations as at start, the rows copied table by table (`store.transfer`), then checked — the row
count and the content hash of every table equal on both sides, and the audit log's chain and every
record against it (`audit verify`) — and only then committed. A refusal, a fault, a failed check or a
cancel leaves the server as it was. The SQLite file is only read; it stays where it is, and the
installation keeps using it unless `use` asks to switch (then `database use-file` goes back).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.exc import DBAPIError, OperationalError

from ocop_desktop.domain.errors import EnvironmentProblem, UserError
from ocop_desktop.progress import Progress
from ocop_desktop.progress import report as progress_report
from ocop_desktop.store import engines, transfer
from ocop_desktop.store.audit import verify
from ocop_desktop.store.base import Base

log = logging.getLogger(__name__)

OWN_EXTRA_TABLES = {"alembic_version"}


@dataclass(frozen=True)
class TableCheck:
    name: str
    source_rows: int
    target_rows: int
    source_hash: str
    target_hash: str

    @property
    def ok(self) -> bool:
        return self.source_rows == self.target_rows and self.source_hash == self.target_hash


@dataclass
class MoveReport:
    target: str  # the server's URL, password hidden
    source_file: Path
    tables: list[TableCheck] = field(default_factory=list)
    audit_entries: int = 0
    seconds: float = 0.0
    switched: bool = False
    sequences_reset: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)  # seconds: schema, copy, compare, audit, vacuum…

    @property
    def rows(self) -> int:
        return sum(t.target_rows for t in self.tables)


def tables_in_order() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def migrate_to(
    source: Engine,
    source_file: Path,
    url: str,
    *,
    data_dir: Path | None = None,
    progress: Progress | None = None,
) -> MoveReport:
    """Copy the SQLite store `source` (the file `source_file`) into the empty database at `url`,
    verified. With `data_dir`, the installation then works on the server (`database.json`)."""
    if not engines.is_sqlite(source):
        raise UserError(
            "Thư mục dữ liệu này đang dùng máy chủ PostgreSQL, không phải tệp SQLite: không có gì để chuyển. "
            "(Lệnh này chép tệp SQLite của một máy sang máy chủ.)"
        )
    began = time.perf_counter()
    report = MoveReport(engines.shown(url), source_file)
    target = engines.make_server_engine(url)
    try:
        try:
            conn = target.connect()
        except OperationalError as exc:  # unreachable, wrong password, no such database
            raise engines.unreachable(url, exc.orig or exc) from exc
        with conn, conn.begin():
            _move(source, conn, url, report, progress)
        _vacuum(target, report)
    except transfer.TableRefused as exc:
        raise _copy_failed(url, f"bảng {exc.table}: {exc.reason}", repr(exc.__cause__)) from exc
    except DBAPIError as exc:
        raise _copy_failed(url, str(exc.orig or exc), str(exc)) from exc
    finally:
        target.dispose()
    report.seconds = round(time.perf_counter() - began, 1)
    log.info("store moved to %s: %d rows, %.1f s", report.target, report.rows, report.seconds)
    if data_dir is not None:
        engines.save_configured_url(data_dir, url)
        report.switched = True
    return report


def _move(source: Engine, conn: Connection, url: str, report: MoveReport, progress: Progress | None) -> None:
    clock = _Phases(report.phases)
    progress_report(progress, 0.0, "Kiểm tra máy chủ")
    _check_empty(conn, url)
    progress_report(progress, 0.01, "Tạo bảng trên máy chủ")
    _create_schema(conn)
    clock.done("schema")
    tables = tables_in_order()
    with source.connect() as src:
        counts = {t.name: transfer.count_rows(src, t) for t in tables}
        copied = _copy_all(src, conn, tables, counts, progress)
    report.sequences_reset = transfer.reset_sequences(conn)
    clock.done("copy")
    report.tables = _check_tables(conn, tables, copied, progress)
    bad = [t for t in report.tables if not t.ok]
    if bad:
        raise _mismatch(bad)
    clock.done("compare")
    progress_report(progress, 0.9, "Kiểm tra nhật ký kiểm toán trên máy chủ")
    audit = verify(conn, progress)
    if not audit.ok:
        raise _audit_failed(source, audit.problems[0].message, len(audit.problems))
    report.audit_entries = audit.entries
    clock.done("audit")
    progress_report(progress, 1.0, "Đã chuyển xong")


def _vacuum(target: Engine, report: MoveReport) -> None:
    """VACUUM ANALYZE once the copy is committed (outside any transaction, as VACUUM must be): fresh
    statistics for the planner, and every page marked all-visible, so that the lists' filter reads its
    covering index alone from the first keystroke rather than after autovacuum's first pass."""
    began = time.perf_counter()
    with target.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        transfer.vacuum_analyze(conn)
    report.phases["vacuum_analyze"] = round(time.perf_counter() - began, 1)


class _Phases:
    def __init__(self, into: dict[str, float]) -> None:
        self._into, self._last = into, time.perf_counter()

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self._into[name], self._last = round(now - self._last, 1), now


def _check_empty(conn: Connection, url: str) -> None:
    """A database with anything in it is refused unchanged: another program's tables, or ours with
    rows (an office already working there, or a move already done)."""
    present = transfer.server_tables(conn)
    ours = {t.name: t for t in tables_in_order()}
    foreign = sorted(present - set(ours) - OWN_EXTRA_TABLES)
    if foreign:
        raise EnvironmentProblem(
            f"Cơ sở dữ liệu {engines.shown(url)} không trống: có {len(foreign)} bảng không phải của OCOP "
            f"Desktop ({', '.join(foreign[:5])}). Hãy dùng một cơ sở dữ liệu mới, trống. "
            "Máy chủ và tệp SQLite không bị thay đổi.",
            detail=", ".join(foreign),
        )
    filled = {name: n for name in sorted(present & set(ours)) if (n := transfer.count_rows(conn, ours[name]))}
    if filled:
        listed = ", ".join(f"{name} ({n})" for name, n in list(filled.items())[:5])
        raise EnvironmentProblem(
            f"Cơ sở dữ liệu {engines.shown(url)} đã có dữ liệu ({listed}): chỉ chuyển được vào một cơ sở "
            "dữ liệu trống, để không trộn hai văn phòng. Hãy dùng một cơ sở dữ liệu mới, trống. "
            "Máy chủ và tệp SQLite không bị thay đổi.",
            detail=str(filled),
        )


def _create_schema(conn: Connection) -> None:
    """The Alembic migrations, on this connection and in its transaction (PostgreSQL's DDL is
    transactional): a refused move leaves no tables behind."""
    from alembic import command

    from ocop_desktop.store.upgrade import alembic_config

    cfg = alembic_config(conn.engine)
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")
    for table in reversed(tables_in_order()):  # what the migrations seed (the audit log's baseline mark):
        conn.execute(table.delete())  # the source's own rows take its place


def _copy_all(
    src: Connection, conn: Connection, tables: list[Table], counts: dict[str, int], progress: Progress | None
) -> dict[str, transfer.CopiedTable]:
    total = max(sum(counts.values()), 1)
    done = 0
    copied = {}
    for table in tables:
        label = f"Chép bảng {table.name} ({counts[table.name]} dòng)"

        def moved(rows: int, label: str = label) -> None:
            nonlocal done
            done += rows
            progress_report(progress, 0.02 + 0.78 * done / total, label)

        progress_report(progress, 0.02 + 0.78 * done / total, label)
        copied[table.name] = transfer.copy_table(src, conn, table, moved)
    return copied


def _check_tables(
    conn: Connection, tables: list[Table], copied: dict[str, transfer.CopiedTable], progress: Progress | None
) -> list[TableCheck]:
    checks = []
    for i, table in enumerate(tables):
        progress_report(progress, 0.8 + 0.1 * i / len(tables), f"Đối chiếu bảng {table.name}")
        on_server = transfer.server_table_hash(conn, table)
        source = copied[table.name]
        counted = transfer.count_rows(conn, table)
        checks.append(TableCheck(table.name, source.rows, counted, source.hash, on_server.hex))
    return checks


def _mismatch(bad: list[TableCheck]) -> UserError:
    what = "; ".join(f"{t.name}: {t.source_rows} → {t.target_rows} dòng" for t in bad[:5])
    return UserError(
        f"Bản chép trên máy chủ khác tệp SQLite ở {len(bad)} bảng ({what}). Đã hủy: máy chủ không giữ gì, "
        "tệp SQLite không bị thay đổi. Hãy gửi tệp nhật ký cho người hỗ trợ.",
        detail=repr(bad),
    )


def _audit_failed(source: Engine, first: str, count: int) -> UserError:
    """The log did not verify on the server: say whether it already failed in the SQLite file."""
    with source.connect() as src:
        in_source = not verify(src).ok
    where = (
        "Nhật ký kiểm toán trong tệp SQLite đã có lỗi từ trước (lệnh audit verify): "
        "hãy xử lý trước khi chuyển."
        if in_source
        else "Nhật ký trong tệp SQLite vẫn đúng: đây là lỗi khi chép, hãy gửi tệp nhật ký cho người hỗ trợ."
    )
    return UserError(
        f"Nhật ký kiểm toán không khớp trên máy chủ ({count} chỗ, đầu tiên: {first}). {where} "
        "Đã hủy: máy chủ không giữ gì, tệp SQLite không bị thay đổi."
    )


def _copy_failed(url: str, reason: str, detail: str) -> UserError:
    first = reason.strip().splitlines()[0] if reason.strip() else "?"
    return UserError(
        f"Không chép được dữ liệu lên máy chủ {engines.shown(url)} ({first}): máy chủ từ chối một giá trị "
        "hoặc mất kết nối. Đã hủy: máy chủ không giữ gì, tệp SQLite không bị thay đổi.",
        detail=detail,
    )
