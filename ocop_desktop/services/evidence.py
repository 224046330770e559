"""Evidence files of a dossier: checked by content (PDF, JPEG, PNG, TIFF), stored once by SHA-256,
linked to a checklist item and/or criteria. Large scans import with progress and cancel."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import func, select

from ocop_desktop.domain.dossiers import EDITABLE, Status
from ocop_desktop.domain.errors import NotFoundError, UserError
from ocop_desktop.domain.text import nfc
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.filetypes import sniff
from ocop_desktop.store.models import Attachment, Blob, ChecklistItem, Dossier

if TYPE_CHECKING:
    from ocop_desktop.services.context import AppContext


class Progress(Protocol):
    """What long jobs report to (the UI's task helper or a console printer)."""

    cancelled: bool

    def set(self, fraction: float, text: str = "") -> None: ...


@dataclass(frozen=True)
class AttachmentRow:
    id: str
    filename: str
    sha256: str
    size: int
    media_type: str
    pages: int | None
    checklist_key: str | None
    criteria: tuple[str, ...]
    path: Path


class EvidenceService:
    def __init__(self, ctx: "AppContext") -> None:
        self._ctx = ctx
        self.blobs = BlobStore(ctx.paths.blobs_dir)

    def add_file(self, dossier_id: str, source: Path, *, checklist_key: str | None = None,
                 criteria: tuple[str, ...] = (), progress: Progress | None = None) -> AttachmentRow:
        """Check, store and attach one file. The blob is written before the database row, so a
        crash leaves at most an unreferenced blob, never a row without its bytes."""
        source = Path(source)
        with self._ctx.read() as s:
            d = s.get(Dossier, dossier_id)
            if d is None:
                raise NotFoundError("Không tìm thấy hồ sơ.")
            if Status(d.status) not in EDITABLE:
                raise UserError("Hồ sơ đã gửi đi, không thêm tài liệu được nữa.")
            if checklist_key and s.scalars(select(ChecklistItem).where(
                    ChecklistItem.dossier_id == d.id, ChecklistItem.key == checklist_key)).first() is None:
                raise UserError(f"Không có mục “{checklist_key}” trong danh mục hồ sơ.")
        if not source.is_file():
            raise UserError(f"Không tìm thấy tệp “{source}”.")
        if progress:
            progress.set(0.0, f"Đang kiểm tra {source.name}…")
        info = sniff(source)

        def report(done: int, total: int) -> bool:
            if progress is None:
                return True
            progress.set(done / total if total else 1.0, f"Đang lưu {source.name}…")
            return not progress.cancelled

        stored = self.blobs.put_file(source, report)
        with self._ctx.unit_of_work() as s:
            duplicate = s.scalars(select(Attachment).where(Attachment.dossier_id == dossier_id,
                                                           Attachment.blob_sha256 == stored.sha256)).first()
            if duplicate is not None:
                raise UserError(f"Tệp “{source.name}” đã được đính kèm vào hồ sơ này (tên “{duplicate.filename}”).")
            if s.get(Blob, stored.sha256) is None:
                s.add(Blob(sha256=stored.sha256, size=stored.size, media_type=info.media_type, pages=info.pages))
                s.flush()  # no ORM relationship orders the inserts, so the blob row goes first
            row = Attachment(dossier_id=dossier_id, blob_sha256=stored.sha256, filename=nfc(source.name),
                             checklist_key=checklist_key, criteria=" ".join(criteria))
            s.add(row)
            s.flush()
            attachment_id = row.id
        if progress:
            progress.set(1.0, f"Đã thêm {source.name}")
        return self.get(attachment_id)

    def get(self, attachment_id: str) -> AttachmentRow:
        rows = self._rows(Attachment.id == attachment_id)
        if not rows:
            raise NotFoundError("Không tìm thấy tài liệu.")
        return rows[0]

    def list(self, dossier_id: str) -> list[AttachmentRow]:
        return self._rows(Attachment.dossier_id == dossier_id)

    def total_size(self, dossier_id: str) -> int:
        with self._ctx.read() as s:
            return int(s.scalar(select(func.coalesce(func.sum(Blob.size), 0)).join(
                Attachment, Attachment.blob_sha256 == Blob.sha256).where(Attachment.dossier_id == dossier_id)) or 0)

    def link(self, attachment_id: str, *, checklist_key: str | None, criteria: tuple[str, ...]) -> AttachmentRow:
        with self._ctx.unit_of_work() as s:
            row = s.get(Attachment, attachment_id)
            if row is None:
                raise NotFoundError("Không tìm thấy tài liệu.")
            row.checklist_key, row.criteria = checklist_key, " ".join(criteria)
        return self.get(attachment_id)

    def remove(self, attachment_id: str) -> None:
        """Detach the file from the dossier; the blob stays (other dossiers may share it)."""
        with self._ctx.unit_of_work() as s:
            row = s.get(Attachment, attachment_id)
            if row is None:
                raise NotFoundError("Không tìm thấy tài liệu.")
            d = s.get(Dossier, row.dossier_id)
            if d is not None and Status(d.status) not in EDITABLE:
                raise UserError("Hồ sơ đã gửi đi, không gỡ tài liệu được nữa.")
            s.delete(row)

    def _rows(self, condition) -> list[AttachmentRow]:  # type: ignore[no-untyped-def]
        stmt = (select(Attachment, Blob).join(Blob, Blob.sha256 == Attachment.blob_sha256).where(condition)
                .order_by(Attachment.created_at, Attachment.filename))
        with self._ctx.read() as s:
            return [AttachmentRow(a.id, a.filename, b.sha256, b.size, b.media_type, b.pages, a.checklist_key,
                                  tuple(a.criteria.split()), self.blobs.path_for(b.sha256))
                    for a, b in s.execute(stmt)]
