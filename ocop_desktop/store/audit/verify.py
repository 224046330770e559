"""`audit verify`: is the log an unbroken chain, and does every audited record match it?

One pass over the entries (each hash recomputed, each link to the previous one checked, the expected
sum of row hashes and number of rows per table kept, and each record's last state), then one pass over
each audited table (every row's state hashed once). Memory: the records the log names one by one.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import Connection, Table

from ocop_desktop.progress import Progress
from ocop_desktop.progress import report as progress_report
from ocop_desktop.store.audit.canonical import ENTRY_FIELDS, GENESIS, MODULUS, audited_tables, entry_hash
from ocop_desktop.store.audit.scan import scan_states
from ocop_desktop.store.raw import stream

BATCH = 1000  # rows read, hashed and checked at a time
# The background check (a `pause`) reads 250 rows at a time, ~1 ms of hashing, and sleeps after each: the
# GUI thread waiting for the interpreter gets it within ~1 ms, not at the 5 ms forced switch (issue 15).
PACED_BATCH = 250


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
    # table -> record -> (its state hash, or None once deleted; the entry's seq and time)
    by_table: dict[str, dict[str, tuple[int | None, int, str]]] = field(
        default_factory=lambda: defaultdict(dict)
    )


class _Entry(NamedTuple):
    seq: int
    at: str
    office_id: str | None
    officer_id: str | None
    officer_name: str
    source: str
    table_name: str
    record_id: str
    dossier_id: str | None
    action: str
    before: str | None
    after: str | None
    before_hash: str | None
    row_hash: str | None
    prev_hash: str
    hash: str


_ENTRIES_SQL = f"SELECT {', '.join(_Entry._fields)} FROM audit_entry ORDER BY seq"
assert _Entry._fields[:-1] == ENTRY_FIELDS  # the hashed fields, in the order the log defines


def _chain_problem(e: _Entry, message: str) -> Problem:
    return Problem("chain", e.seq, e.at, e.table_name, e.record_id, message)


def _walk(conn: Connection, report: VerifyReport, exp: _Expected, progress: Progress | None) -> None:
    prev_seq, prev_hash = 0, GENESIS
    for rows in stream(conn, _ENTRIES_SQL, BATCH):  # the driver's rows in key order, never ORM objects
        progress_report(progress, 0.0, "")  # raises Cancelled once the person closed the window
        for values in rows:
            e = _Entry._make(values)
            report.entries += 1
            if e.seq != prev_seq + 1:
                gap = f"thiếu mục {prev_seq + 1}–{e.seq - 1} trong nhật ký"
                report.problems.append(_chain_problem(e, gap))
            elif e.prev_hash != prev_hash:
                report.problems.append(
                    _chain_problem(e, "mục không nối tiếp mục trước (bị xóa hoặc đổi thứ tự)")
                )
            if entry_hash(e._asdict()) != e.hash:
                report.problems.append(_chain_problem(e, "nội dung mục nhật ký đã bị sửa ngoài ứng dụng"))
            prev_seq, prev_hash = e.seq, e.hash
            _apply(e, report, exp)


def _hex(text: str | None) -> int:
    """A hash as a number (0 for none, or for text an outside edit left that is not a hash)."""
    try:
        return int(text or "0", 16)
    except ValueError:
        return 0


def _rows_of(e: _Entry) -> int:
    """The number of rows a seal or bulk entry names in `after` ({"rows":N})."""
    try:
        return int((e.after or "")[len('{"rows":') : -1])
    except ValueError:
        return 0


def _apply(e: _Entry, report: VerifyReport, exp: _Expected) -> None:
    t, value = e.table_name, _hex(e.row_hash)
    if e.action == "seal":
        exp.digest[t], exp.count[t] = value, _rows_of(e)
        exp.sealed.add(t)
        exp.by_table.pop(t, None)
        return
    if e.action == "bulk":
        exp.digest[t] += value
        exp.count[t] += _rows_of(e)
        exp.sealed.add(t)
        return
    known = exp.by_table[t]
    last = known.get(e.record_id)
    if e.before_hash is not None:
        before = _hex(e.before_hash)
        exp.digest[t] -= before
        exp.count[t] -= 1
        if last is not None and last[0] != before:
            message = f"bản ghi bị sửa ngoài ứng dụng trước mục {e.seq}"
            report.problems.append(Problem("record", last[1], last[2], t, e.record_id, message))
    if e.row_hash is not None and e.action != "delete":
        exp.digest[t] += value
        exp.count[t] += 1
    known[e.record_id] = (value if e.action != "delete" else None, e.seq, e.at)


def _check_table(
    conn: Connection,
    name: str,
    table: Table,
    exp: _Expected,
    problems: list[Problem],
    tick: Callable[[], None],
    batch: int = BATCH,
) -> tuple[int, int, set[str]]:
    """One pass over `table`: (sum of its rows' hashes, number of rows, the records named in the log
    that are there); a record the log does not expect, or expects otherwise, is a problem."""
    known = exp.by_table.get(name, {})
    sealed = name in exp.sealed
    seen: set[str] = set()
    total = count = 0
    for ids, digests in scan_states(conn, table, batch):
        total, count = total + sum(digests), count + len(ids)
        tick()
        if sealed and not known:  # rows sealed in bulk and none named since: only the sum counts
            continue
        for ident, digest in zip(ids, digests, strict=True):
            last = known.get(ident)
            if last is None:
                if not sealed:
                    message = "bản ghi không có trong nhật ký (thêm ngoài ứng dụng)"
                    problems.append(Problem("record", None, None, name, ident, message))
                continue
            seen.add(ident)
            if last[0] != digest:
                what = "bị xóa" if last[0] is None else "bị sửa"
                message = f"bản ghi {what} ngoài ứng dụng sau mục {last[1]}"
                problems.append(Problem("record", last[1], last[2], name, ident, message))
    return total % MODULUS, count, seen


def _check_tables(
    conn: Connection, report: VerifyReport, exp: _Expected, progress: Progress | None, pause: float
) -> None:
    def tick() -> None:
        progress_report(progress, 0.0, "")
        if pause:
            time.sleep(pause)  # a check behind the GUI leaves it the interpreter now and then

    batch = PACED_BATCH if pause else BATCH
    for name, table in audited_tables().items():
        total, count, seen = _check_table(conn, name, table, exp, report.problems, tick, batch)
        report.rows += count
        for ident, (state, seq, at) in exp.by_table.get(name, {}).items():
            if state is not None and ident not in seen:
                message = f"bản ghi bị xóa ngoài ứng dụng sau mục {seq}"
                report.problems.append(Problem("record", seq, at, name, ident, message))
        if total != exp.digest[name] % MODULUS and not any(p.table_name == name for p in report.problems):
            extra = count - exp.count[name]
            how = f"{extra} dòng thêm" if extra > 0 else f"{-extra} dòng mất" if extra < 0 else "dòng bị sửa"
            report.problems.append(
                Problem("table", None, None, name, None, f"bảng khác nhật ký ({how} ngoài ứng dụng)")
            )


def verify(conn: Connection, progress: Progress | None = None, *, pause: float = 0.0) -> VerifyReport:
    """`pause`: seconds to sleep after every `PACED_BATCH` rows of a table (the GUI's background check)."""
    report, exp = VerifyReport(), _Expected()
    _walk(conn, report, exp, progress)
    _check_tables(conn, report, exp, progress, pause)
    return report
