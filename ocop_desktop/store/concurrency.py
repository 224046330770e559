"""Several desks on one database (a province office on PostgreSQL, docs/province-server.md).

Three tools, all no-ops or plain reads on SQLite, where one program holds the file (`instance_lock`)
and SQLite lets one writer at a time:

- `serialise(s, "receipt", commune, year)`: a transaction-scoped advisory lock per counter, taken
  before reading the counter's last value (`MAX(seq)`), so two desks never hand out the same number
  nor skip one. READ COMMITTED (PostgreSQL's default, kept) reads each statement afresh, so the read
  after the lock sees the previous holder's committed number.
- `locked(s, Model, id)`: the row read `FOR UPDATE` before its revision is compared with the one
  the editor started from: a second desk waits for the first to commit, then sees its revision.
- `one_snapshot(s)`: the reads of one view (`AppContext.read`) come from one snapshot, so the
  revision an editor keeps matches the content it shows.
- `conflict(...)` / `stale_conflict(...)`: the Vietnamese conflict messages — who changed what and
  when — for those checks and for the ORM's own revision check (`Tracked.__mapper_args__`).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import TypeVar

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ocop_desktop.domain.errors import ConflictError
from ocop_desktop.store.audit.chain import CHAIN_LOCK, chain_held, chain_taken, lock_chain
from ocop_desktop.store.base import Base, Tracked
from ocop_desktop.store.models.office import Office, Officer

T = TypeVar("T", bound=Base)

VIETNAM = timezone(timedelta(hours=7))
# PostgreSQL's SQLSTATEs for "two transactions got in each other's way; trying again would work".
RETRYABLE = {"40001": "serialization_failure", "40P01": "deadlock_detected", "55P03": "lock_not_available"}
WHAT = {
    "dossier": "Hồ sơ",
    "score_sheet": "Phiếu chấm",
    "evaluation_round": "Đợt đánh giá",
    "round_entry": "Hồ sơ trong đợt đánh giá",
    "council_member": "Thành viên Hội đồng",
    "recognition_decision": "Quyết định công nhận",
    "member_sheet_draft": "Bản nháp phiếu chấm",
    "product": "Sản phẩm",
    "producer": "Chủ thể",
    "checklist_item": "Mục kiểm tra hồ sơ",
    "certificate": "Giấy chứng nhận",
    "attachment": "Tệp đính kèm",
    "officer": "Cán bộ",
    "office": "Thông tin cơ quan",
}
PRODUCT_NUMBERS = "product-numbers"  # one key for every commune: register imports number many at once
AGAIN = "Thay đổi của bạn chưa được lưu. Hãy mở lại để xem bản mới nhất rồi làm lại."


def on_server(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


def serialise(s: Session, *key: object) -> None:
    """Hold the counter named by `key` until this transaction ends (commit or rollback). Taken before
    the counter's last value is read, in the transaction that writes the new record."""
    if not on_server(s):
        return
    conn, name = s.connection(), ":".join(str(part) for part in key)
    if chain_held(conn):
        s.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))"), {"name": name})
        return
    # The audit chain first, always (see `locked`), in the same round trip: the subquery in FROM runs
    # before the outer lock (PostgreSQL never folds a subquery calling a volatile function into the
    # outer query). One query less for every sheet a secretary types at a server desk.
    s.execute(
        text(
            "SELECT pg_advisory_xact_lock(hashtextextended(:name, 0)) "
            "FROM (SELECT pg_advisory_xact_lock(:chain) AS held) AS chain"
        ),
        {"name": name, "chain": CHAIN_LOCK},
    )
    chain_taken(conn)


def one_snapshot(s: Session) -> None:
    """Make every read of this (read-only) session see the database as of its first statement. Under
    READ COMMITTED each statement sees the latest commit, so a view built from two queries could pair
    one desk's revision with another's content — and an editor would then save over a change it
    never saw. Writes keep READ COMMITTED: they lock first (above), then read what is committed."""
    if on_server(s):
        s.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def locked(s: Session, model: type[T], row_id: str) -> T | None:
    """The row as committed now, locked against other desks' writes until this transaction ends.

    The audit chain's lock is taken first: every write takes it when it flushes, after which its
    inserts lock the rows they refer to (a new officer, its office). A desk holding a row here and then
    waiting for the chain, while another holds the chain and waits for that row, would deadlock; one
    order for every desk — chain, then rows and counters — never does."""
    if on_server(s):
        lock_chain(s.connection())
    return s.get(model, row_id, with_for_update={"of": model}, populate_existing=True)


def conflict(s: Session, lead: str, row: Tracked) -> ConflictError:
    """The record changed since the editor read it: `lead` says what, then who (officer and office),
    when and which revision is now stored."""
    saved = f"{changed_by(s, row)} đã lưu lúc {_when(row.updated_at)} (lần sửa thứ {row.revision})"
    return ConflictError(f"{lead}: {saved}. {AGAIN}")


def changed_by(s: Session, row: Tracked) -> str:
    officer = s.scalar(select(Officer.name).where(Officer.id == row.updated_by_officer_id))
    office = s.scalar(select(Office.name).where(Office.id == row.updated_by_office_id))
    if officer and office:
        return f"{officer} ({office})"
    return officer or office or "người khác"


def _when(at: datetime | None) -> str:
    if at is None:
        return "vừa rồi"
    at = at if at.tzinfo else at.replace(tzinfo=UTC)
    return at.astimezone(VIETNAM).strftime("%H:%M:%S ngày %d/%m/%Y")


def stale_conflict(exc: StaleDataError) -> ConflictError:
    """The ORM's revision check failed at the write (`UPDATE … WHERE revision = …` matched no row):
    another desk saved the same record first."""
    found = re.search(r"table '([a-z_]+)'", str(exc))
    what = WHAT.get(found.group(1), "Dữ liệu") if found else "Dữ liệu"
    return ConflictError(
        f"{what} vừa được một bàn làm việc khác sửa hoặc xóa trong lúc bạn đang sửa. {AGAIN}", detail=str(exc)
    )


def contention_conflict(exc: DBAPIError) -> ConflictError | None:
    """A deadlock or serialisation failure between two desks (PostgreSQL rolled this one back)."""
    state = getattr(exc.orig, "sqlstate", None)
    if state not in RETRYABLE:
        return None
    return ConflictError(
        "Một bàn làm việc khác đang sửa cùng dữ liệu này nên máy chủ đã dừng thao tác của bạn; "
        "chưa có gì thay đổi. Hãy làm lại.",
        detail=f"{state} {RETRYABLE[state]}",
    )
