"""Advisory team (tổ tư vấn) notes on a dossier of a round: the review of the dossier, the site
visit report, extra test results (kiểm nghiệm bổ sung), each optionally with one file.

The file is stored like evidence (content-addressed blob, checked PDF/JPEG/PNG/TIFF) but is linked
to the round entry, not to the commune's dossier: the dossier stays exactly as the commune sent it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from ocop_desktop.domain.errors import NotFoundError, UserError, ValidationError
from ocop_desktop.domain.province import NoteKind
from ocop_desktop.domain.text import nfc, nfc_multiline
from ocop_desktop.services.province.common import get_entry, get_round
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.filetypes import sniff
from ocop_desktop.store.models import Blob
from ocop_desktop.store.models.province import AdvisoryNote

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class NoteRow:
    id: str
    dossier_id: str
    kind: str
    kind_label: str
    text: str
    noted_on: date | None
    filename: str
    file_path: Path | None
    officer_id: str | None


class AdvisoryService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.blobs = BlobStore(ctx.paths.blobs_dir)

    def add(
        self,
        round_id: str,
        dossier_id: str,
        kind: str,
        text: str,
        *,
        noted_on: date | None = None,
        file: Path | None = None,
    ) -> NoteRow:
        try:
            note_kind = NoteKind(kind)
        except ValueError:
            raise ValidationError(
                {"kind": f"Loại ghi chú “{kind}” không hợp lệ ({', '.join(k.value for k in NoteKind)})."}
            ) from None
        body = nfc_multiline(text)
        if not body and file is None:
            raise ValidationError({"text": "Cần nội dung hoặc tệp đính kèm."})
        with self._ctx.read() as s:
            get_entry(s, get_round(s, round_id), dossier_id)  # refuse before touching the blob store
        stored = info = None
        if file is not None:
            if not Path(file).is_file():
                raise UserError(f"Không tìm thấy tệp “{file}”.")
            info = sniff(Path(file))
            stored = self.blobs.put_file(Path(file))
        with self._ctx.unit_of_work() as s:
            entry = get_entry(s, get_round(s, round_id), dossier_id)
            if stored is not None and info is not None and s.get(Blob, stored.sha256) is None:
                s.add(
                    Blob(sha256=stored.sha256, size=stored.size, media_type=info.media_type, pages=info.pages)
                )
                s.flush()
            note = AdvisoryNote(
                entry_id=entry.id,
                kind=note_kind.value,
                text=body,
                noted_on=noted_on,
                blob_sha256=stored.sha256 if stored else None,
                filename=nfc(Path(file).name) if file is not None else "",
            )
            s.add(note)
            s.flush()
            return self._row(note, dossier_id)

    def rows(self, round_id: str, dossier_id: str) -> list[NoteRow]:
        with self._ctx.read() as s:
            entry = get_entry(s, get_round(s, round_id), dossier_id)
            notes = s.scalars(
                select(AdvisoryNote)
                .where(AdvisoryNote.entry_id == entry.id)
                .order_by(AdvisoryNote.created_at)
            )
            return [self._row(n, dossier_id) for n in notes]

    def remove(self, note_id: str) -> None:
        with self._ctx.unit_of_work() as s:
            note = s.get(AdvisoryNote, note_id)
            if note is None:
                raise NotFoundError("Không tìm thấy ghi chú của tổ tư vấn.")
            s.delete(note)

    def _row(self, n: AdvisoryNote, dossier_id: str) -> NoteRow:
        kind = NoteKind(n.kind)
        return NoteRow(
            n.id,
            dossier_id,
            kind.value,
            kind.label,
            n.text,
            n.noted_on,
            n.filename,
            self.blobs.path_for(n.blob_sha256) if n.blob_sha256 else None,
            n.updated_by_officer_id,
        )
