"""The outbox rows: reading them as frozen snapshots and writing each step of an upload in its own short
transaction, so that a crash at any point leaves what the next run needs to resume."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ocop_desktop.store.base import utcnow
from ocop_desktop.store.models import OutboxItem, SyncPackage
from ocop_desktop.store.models.mailbox import FAILED, QUEUED, UPLOADED, UPLOADING

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

# the kinds whose import answers with a receipt (dossiers and scores); the others never get one
ANSWERED_BY_RECEIPT = frozenset({"submission", "results", "evaluator_scores"})
RECEIPTED = "receipted"  # shown, not stored: the package's receipt came back (sync_package.acknowledged_at)
STATE_LABELS = {
    QUEUED: "Chờ gửi",
    UPLOADING: "Đang gửi dở",
    UPLOADED: "Đã lên hộp thư",
    RECEIPTED: "Tỉnh đã nhận (có biên nhận)",
    FAILED: "Lỗi, cần xử lý",
}


@dataclass(frozen=True)
class Item:
    id: str
    package_id: str
    kind: str
    recipient_office_id: str | None
    path: str
    size: int
    manifest_sha256: str
    state: str
    object_key: str | None
    upload_id: str | None
    part_size: int
    parts: tuple[tuple[int, str, int], ...]  # (number, etag, size) acknowledged by the server
    bytes_sent: int
    last_error: str
    queued_at: datetime
    uploaded_at: datetime | None
    acknowledged: bool = False

    @property
    def shown_state(self) -> str:
        return RECEIPTED if self.state == UPLOADED and self.acknowledged else self.state

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.shown_state]

    def to_json(self) -> dict[str, Any]:
        return {
            "package_id": self.package_id,
            "kind": self.kind,
            "state": self.shown_state,
            "state_label": self.state_label,
            "size": self.size,
            "bytes_sent": self.bytes_sent,
            "parts_done": len(self.parts),
            "object_key": self.object_key,
            "last_error": self.last_error,
            "path": self.path,
        }


def _snapshot(row: OutboxItem, acknowledged: bool = False) -> Item:
    parts = tuple((int(p["n"]), str(p["etag"]), int(p["size"])) for p in row.parts)
    return Item(
        row.id,
        row.package_id,
        row.kind,
        row.recipient_office_id,
        row.path,
        row.size,
        row.manifest_sha256,
        row.state,
        row.object_key,
        row.upload_id,
        row.part_size,
        parts,
        row.bytes_sent,
        row.last_error,
        row.queued_at,
        row.uploaded_at,
        acknowledged,
    )


def get(ctx: AppContext, item_id: str) -> Item:
    with ctx.read() as s:
        row = s.get(OutboxItem, item_id)
        assert row is not None, "outbox rows are never deleted while the sender runs"
        return _snapshot(row)


def to_send(ctx: AppContext) -> list[str]:
    """Queued and half-sent packages, oldest first (a receipt is never overtaken by a later package)."""
    query = (
        select(OutboxItem.id)
        .where(OutboxItem.state.in_((QUEUED, UPLOADING)))
        .order_by(OutboxItem.queued_at, OutboxItem.id)
    )
    with ctx.read() as s:
        return list(s.scalars(query))


def listing(ctx: AppContext) -> list[Item]:
    """Every row, newest first, with whether the package's receipt came back."""
    query = (
        select(OutboxItem, SyncPackage.acknowledged_at)
        .outerjoin(SyncPackage, SyncPackage.id == OutboxItem.package_id)
        .order_by(OutboxItem.queued_at.desc(), OutboxItem.id)
    )
    with ctx.read() as s:
        return [_snapshot(row, acked is not None) for row, acked in s.execute(query).all()]


def update(ctx: AppContext, item_id: str, **values: Any) -> None:
    """One step of an upload, committed at once (a part acknowledged, an upload id, the end)."""
    with ctx.unit_of_work() as s:
        row = s.get(OutboxItem, item_id)
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)


def started(ctx: AppContext, item_id: str, key: str, upload_id: str, part_size: int) -> None:
    update(ctx, item_id, state=UPLOADING, object_key=key, upload_id=upload_id, part_size=part_size, parts=[])


def part_done(ctx: AppContext, item: Item, parts: dict[int, tuple[str, int]]) -> None:
    """The parts the server holds, as a new list (a JSON column is only saved when reassigned)."""
    rows = [{"n": n, "etag": etag, "size": size} for n, (etag, size) in sorted(parts.items())]
    update(ctx, item.id, parts=rows, bytes_sent=sum(size for _e, size in parts.values()), last_error="")


def uploaded(ctx: AppContext, item: Item, key: str, etag: str | None) -> None:
    update(
        ctx,
        item.id,
        state=UPLOADED,
        object_key=key,
        etag=etag,
        uploaded_at=utcnow(),
        bytes_sent=item.size,
        last_error="",
    )


def note(ctx: AppContext, item_id: str, message: str, *, failed: bool = False) -> None:
    """Why a package did not go (plain Vietnamese); `failed` parks it until someone acts."""
    with ctx.unit_of_work() as s:
        row = s.get(OutboxItem, item_id)
        assert row is not None
        row.last_error = message
        row.attempts += 1
        if failed:
            row.state = FAILED


def retry_failed(ctx: AppContext) -> int:
    """Put packages parked after an error back in the queue (after the cause was fixed)."""
    with ctx.unit_of_work() as s:
        rows = list(s.scalars(select(OutboxItem).where(OutboxItem.state == FAILED)))
        for row in rows:
            row.state = UPLOADING if row.upload_id else QUEUED
        return len(rows)
