"""Deleting a dossier opened by mistake: only a draft that never left the office.

A dossier may go while it is "Đang soạn" or "Đủ thành phần", was never received (no receipt number), never
written into a package (no sync state), never put in a round and no later dossier names it as its previous
one. Anything further has a legal trace (a receipt slip handed to the producer, a package the province
holds) and is ended by the procedure instead (the province returns it, the council decides).

The forms, checklist, evidence links and score sheets go with it, each deleted through the ORM so that the
audit log records them; the evidence files stay in the blob store (other dossiers may share them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from ocop_desktop.domain.dossiers import Status
from ocop_desktop.domain.errors import ConflictError, NotFoundError, UserError
from ocop_desktop.store.models import Dossier, DossierEvent, ScoreSheet
from ocop_desktop.store.models.dossiers import ChecklistItem
from ocop_desktop.store.models.evidence import Attachment
from ocop_desktop.store.models.province import RoundEntry
from ocop_desktop.store.models.sync import SyncDossierState
from ocop_desktop.store.queries import count_where

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ocop_desktop.services.core.context import AppContext

DELETABLE = frozenset({Status.DRAFT, Status.COMPLETE})


def deletion_blocker(s: Session, d: Dossier) -> str:
    """Why `d` cannot be deleted ("" when it can)."""
    status = Status(d.status)
    if status not in DELETABLE or d.receipt_number:
        return (
            f"Hồ sơ đang ở bước “{status.label}”"
            + (f" (phiếu tiếp nhận số {d.receipt_number})" if d.receipt_number else "")
            + ": chỉ xóa được hồ sơ đang soạn, chưa tiếp nhận."
        )
    if s.get(SyncDossierState, d.id) is not None:
        return "Hồ sơ đã được ghi vào một gói gửi đi, không xóa được."
    if count_where(s, RoundEntry.dossier_id, d.id):
        return "Hồ sơ đã được phân vào một đợt đánh giá, không xóa được."
    if count_where(s, Dossier.previous_dossier_id, d.id):
        return "Một hồ sơ sau đã dựa trên hồ sơ này (hồ sơ bổ sung, đánh giá lại), không xóa được."
    return ""


class DossierRemoval:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def blocker(self, dossier_id: str) -> str:
        with self._ctx.read() as s:
            return deletion_blocker(s, _dossier(s, dossier_id))

    def delete_draft(self, dossier_id: str, *, expected_revision: int) -> None:
        with self._ctx.unit_of_work() as s:
            d = _dossier(s, dossier_id)
            if d.revision != expected_revision:
                raise ConflictError(
                    "Hồ sơ đã được thay đổi ở nơi khác trong lúc bạn đang xem. Hãy mở lại hồ sơ."
                )
            if why := deletion_blocker(s, d):
                raise UserError(why)
            for model in (Attachment, ChecklistItem, ScoreSheet, DossierEvent):
                for row in s.scalars(select(model).where(model.dossier_id == d.id)):
                    s.delete(row)
            s.flush()
            s.delete(d)


def _dossier(s: Session, dossier_id: str) -> Dossier:
    d = s.get(Dossier, dossier_id)
    if d is None:
        raise NotFoundError("Không tìm thấy hồ sơ.")
    return d
