"""Evidence files of a dossier: checked by content (PDF, JPEG, PNG, TIFF), stored once by SHA-256,
linked to a checklist item and/or criteria. Large scans import with progress and cancel."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ocop_desktop.domain.dossiers import EDITABLE, Status
from ocop_desktop.domain.errors import NotFoundError, UserError
from ocop_desktop.domain.text import nfc
from ocop_desktop.progress import Progress
from ocop_desktop.store.base import new_uuid
from ocop_desktop.store.blobs import BlobStore, StoredBlob
from ocop_desktop.store.filetypes import sniff
from ocop_desktop.store.models import Attachment, Blob, ChecklistItem, Dossier

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


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
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.blobs = BlobStore(ctx.paths.blobs_dir)

    def add_file(
        self,
        dossier_id: str,
        source: Path,
        *,
        checklist_key: str | None = None,
        criteria: tuple[str, ...] = (),
        progress: Progress | None = None,
    ) -> AttachmentRow:
        return self.add_files(
            dossier_id, [source], checklist_key=checklist_key, criteria=criteria, progress=progress
        )[0]

    def add_files(
        self,
        dossier_id: str,
        sources: list[Path],
        *,
        checklist_key: str | None = None,
        criteria: tuple[str, ...] = (),
        progress: Progress | None = None,
    ) -> list[AttachmentRow]:
        """Check, store and attach files, all or nothing: one bad or duplicate file refuses the
        whole batch with a message naming it. Blobs are written (and fsynced) before the one
        database transaction, so a crash leaves at most unreferenced blobs, never rows without bytes."""
        paths = [Path(p) for p in sources]
        self._check_target(dossier_id, checklist_key)
        for path in paths:
            if not path.is_file():
                raise UserError(f"Không tìm thấy tệp “{path}”.")
        if progress:
            progress.set(0.0, "Đang kiểm tra loại tệp…")
        infos = [sniff(path) for path in paths]
        stored = self._store(paths, progress)
        self._refuse_duplicates(dossier_id, paths, [b.sha256 for b in stored])
        rows = []
        with self._ctx.unit_of_work() as s:
            known = set(s.scalars(select(Blob.sha256).where(Blob.sha256.in_({b.sha256 for b in stored}))))
            for blob, info in zip(stored, infos, strict=True):
                if blob.sha256 not in known:
                    s.add(
                        Blob(sha256=blob.sha256, size=blob.size, media_type=info.media_type, pages=info.pages)
                    )
                    known.add(blob.sha256)
            s.flush()  # no ORM relationship orders the inserts, so the blob rows go first
            for path, blob, info in zip(paths, stored, infos, strict=True):
                row = AttachmentRow(
                    new_uuid(),
                    nfc(path.name),
                    blob.sha256,
                    blob.size,
                    info.media_type,
                    info.pages,
                    checklist_key,
                    tuple(criteria),
                    blob.path,
                )
                s.add(
                    Attachment(
                        id=row.id,
                        dossier_id=dossier_id,
                        blob_sha256=blob.sha256,
                        filename=row.filename,
                        checklist_key=checklist_key,
                        criteria=" ".join(criteria),
                    )
                )
                rows.append(row)
        if progress:
            progress.set(1.0, f"Đã thêm {len(paths)} tệp")
        return rows

    def _check_target(self, dossier_id: str, checklist_key: str | None) -> None:
        with self._ctx.read() as s:
            d = s.get(Dossier, dossier_id)
            if d is None:
                raise NotFoundError("Không tìm thấy hồ sơ.")
            if Status(d.status) not in EDITABLE:
                raise UserError("Hồ sơ đã gửi đi, không thêm tài liệu được nữa.")
            if (
                checklist_key
                and s.scalars(
                    select(ChecklistItem).where(
                        ChecklistItem.dossier_id == d.id, ChecklistItem.key == checklist_key
                    )
                ).first()
                is None
            ):
                raise UserError(f"Không có mục “{checklist_key}” trong danh mục hồ sơ.")

    def _store(self, paths: list[Path], progress: Progress | None) -> list[StoredBlob]:
        total = sum(p.stat().st_size for p in paths) or 1
        before = 0
        stored = []
        for path in paths:

            def report(done: int, _size: int, offset: int = before, name: str = path.name) -> bool:
                if progress is None:
                    return True
                progress.set((offset + done) / total, f"Đang lưu {name}…")
                return not progress.cancelled

            stored.append(self.blobs.put_file(path, report))
            before += stored[-1].size
        return stored

    def _refuse_duplicates(self, dossier_id: str, paths: list[Path], hashes: list[str]) -> None:
        seen: dict[str, str] = {}
        with self._ctx.read() as s:
            attached = dict(
                s.execute(
                    select(Attachment.blob_sha256, Attachment.filename).where(
                        Attachment.dossier_id == dossier_id, Attachment.blob_sha256.in_(set(hashes))
                    )
                ).all()
            )
        for path, sha in zip(paths, hashes, strict=True):
            if sha in attached:
                raise UserError(
                    f"Tệp “{path.name}” đã được đính kèm vào hồ sơ này (tên “{attached[sha]}”). "
                    "Không tệp nào được thêm."
                )
            if sha in seen:
                raise UserError(
                    f"Tệp “{path.name}” trùng nội dung với “{seen[sha]}” trong cùng lần thêm. "
                    "Không tệp nào được thêm."
                )
            seen[sha] = path.name

    def get(self, attachment_id: str) -> AttachmentRow:
        rows = self._rows(Attachment.id == attachment_id)
        if not rows:
            raise NotFoundError("Không tìm thấy tài liệu.")
        return rows[0]

    def attachments(self, dossier_id: str) -> list[AttachmentRow]:
        return self._rows(Attachment.dossier_id == dossier_id)

    def total_size(self, dossier_id: str) -> int:
        with self._ctx.read() as s:
            return int(
                s.scalar(
                    select(func.coalesce(func.sum(Blob.size), 0))
                    .join(Attachment, Attachment.blob_sha256 == Blob.sha256)
                    .where(Attachment.dossier_id == dossier_id)
                )
                or 0
            )

    def link(
        self, attachment_id: str, *, checklist_key: str | None, criteria: tuple[str, ...]
    ) -> AttachmentRow:
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
        stmt = (
            select(Attachment, Blob)
            .join(Blob, Blob.sha256 == Attachment.blob_sha256)
            .where(condition)
            .order_by(Attachment.created_at, Attachment.filename)
        )
        with self._ctx.read() as s:
            return [
                AttachmentRow(
                    a.id,
                    a.filename,
                    b.sha256,
                    b.size,
                    b.media_type,
                    b.pages,
                    a.checklist_key,
                    tuple(a.criteria.split()),
                    self.blobs.path_for(b.sha256),
                )
                for a, b in s.execute(stmt)
            ]
