"""`audit verify`: is the log an unbroken chain, and does every audited record match it?

One pass over the entries (each hash recomputed, each link to the previous one checked, the expected
sum of row hashes and number of rows per table kept, and each record's last state), then one pass over
each audited table (every row's state hashed once). Memory: the records the log names one by one.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select

from ocop_desktop.progress import Progress
from ocop_desktop.progress import report as progress_report
from ocop_desktop.store.audit.canonical import GENESIS, MODULUS, audited_tables, entry_hash, scan_states
from ocop_desktop.store.models.audit import AuditEntry

ENTRIES: Table = AuditEntry.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class Problem:
    kind: str  # chain | record | table
    seq: int | None  # the entry where the chain breaks, or the record's last entry
    at: str | None
    table_name: str
    record_id: str | None
    message: str


@dataclass
class VerifyReport:
    entries: int = 0
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_break(self) -> Problem | None:
        return self.problems[0] if self.problems else None


@dataclass
class _Expected:
    digest: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    count: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    sealed: set[str] = field(default_factory=set)
    # (table, record) -> (its state hash, or None once deleted; the entry's seq and time)
    last: dict[tuple[str, str], tuple[str | None, int, str]] = field(default_factory=dict)


def _chain_problem(e: Any, message: str) -> Problem:
    return Problem("chain", e.seq, e.at, e.table_name, e.record_id, message)


def _walk(conn: Connection, report: VerifyReport, exp: _Expected, progress: Progress | None) -> None:
    prev_seq, prev_hash = 0, GENESIS
    rows = conn.execution_options(stream_results=True, yield_per=5000).execute(
        select(ENTRIES).order_by(ENTRIES.c.seq)
    )
    for e in rows:
        report.entries += 1
        if report.entries % 5000 == 0:
            progress_report(progress, 0.0, "")  # raises Cancelled once the person closed the window
        if e.seq != prev_seq + 1:
            report.problems.append(_chain_problem(e, f"thiếu mục {prev_seq + 1}–{e.seq - 1} trong nhật ký"))
        elif e.prev_hash != prev_hash:
            report.problems.append(_chain_problem(e, "mục không nối tiếp mục trước (bị xóa hoặc đổi thứ tự)"))
        if entry_hash(e._mapping) != e.hash:
            report.problems.append(_chain_problem(e, "nội dung mục nhật ký đã bị sửa ngoài ứng dụng"))
        prev_seq, prev_hash = e.seq, e.hash
        _apply(e, report, exp)


def _apply(e: Any, report: VerifyReport, exp: _Expected) -> None:
    t, value = e.table_name, int(e.row_hash or "0", 16)
    if e.action == "seal":
        exp.digest[t], exp.sealed = value, exp.sealed | {t}
        exp.count[t] = int(e.after[len('{"rows":') : -1])
        exp.last = {k: v for k, v in exp.last.items() if k[0] != t}
        return
    if e.action == "bulk":
        exp.digest[t] += value
        exp.count[t] += int(e.after[len('{"rows":') : -1])
        exp.sealed.add(t)
        return
    key = (t, e.record_id)
    known = exp.last.get(key)
    if e.before_hash is not None:
        exp.digest[t] -= int(e.before_hash, 16)
        exp.count[t] -= 1
        if known is not None and known[0] != e.before_hash:
            report.problems.append(
                Problem(
                    "record",
                    known[1],
                    known[2],
                    t,
                    e.record_id,
                    f"bản ghi bị sửa ngoài ứng dụng trước mục {e.seq}",
                )
            )
    if e.row_hash is not None and e.action != "delete":
        exp.digest[t] += value
        exp.count[t] += 1
    exp.last[key] = (e.row_hash if e.action != "delete" else None, e.seq, e.at)


def _check_tables(
    conn: Connection, report: VerifyReport, exp: _Expected, progress: Progress | None, pause: float
) -> None:
    for name, table in audited_tables().items():
        total = count = 0
        seen: set[str] = set()
        for ident, digest in scan_states(conn, table):
            total, count = (total + int(digest, 16)) % MODULUS, count + 1
            if count % 1000 == 0:
                progress_report(progress, 0.0, "")
                if pause:
                    time.sleep(pause)  # a check behind the GUI leaves it the interpreter now and then
            known = exp.last.get((name, ident))
            if known is None:
                if name not in exp.sealed:
                    report.problems.append(
                        Problem(
                            "record",
                            None,
                            None,
                            name,
                            ident,
                            "bản ghi không có trong nhật ký (thêm ngoài ứng dụng)",
                        )
                    )
                continue
            seen.add(ident)
            if known[0] != digest:
                what = "bị xóa" if known[0] is None else "bị sửa"
                report.problems.append(
                    Problem(
                        "record",
                        known[1],
                        known[2],
                        name,
                        ident,
                        f"bản ghi {what} ngoài ứng dụng sau mục {known[1]}",
                    )
                )
        report.rows += count
        for (t, ident), (state, seq, at) in exp.last.items():
            if t == name and state is not None and ident not in seen:
                report.problems.append(
                    Problem("record", seq, at, name, ident, f"bản ghi bị xóa ngoài ứng dụng sau mục {seq}")
                )
        if total != exp.digest[name] % MODULUS and not any(p.table_name == name for p in report.problems):
            extra = count - exp.count[name]
            how = f"{extra} dòng thêm" if extra > 0 else f"{-extra} dòng mất" if extra < 0 else "dòng bị sửa"
            report.problems.append(
                Problem("table", None, None, name, None, f"bảng khác nhật ký ({how} ngoài ứng dụng)")
            )


def verify(conn: Connection, progress: Progress | None = None, *, pause: float = 0.0) -> VerifyReport:
    """`pause`: seconds to sleep every thousand rows (the GUI's background check)."""
    report, exp = VerifyReport(), _Expected()
    _walk(conn, report, exp, progress)
    _check_tables(conn, report, exp, progress, pause)
    return report
