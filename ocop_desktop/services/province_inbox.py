"""The province inbox: dossiers that arrived from the communes (sent), were accepted, or were
returned for correction. Accepting and returning go through `DossierService.act`, so the event is
recorded with the officer; the round each dossier should go to follows from its forwarding date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ocop_desktop.domain.deadlines import next_round_for
from ocop_desktop.domain.dossiers import Action, RegistrationType, Status
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.dossiers import DossierDetail, DossierService
from ocop_desktop.services.province_common import round_label
from ocop_desktop.store.models import AdminUnit, Dossier, DossierEvent, Producer, Product, ScoreSheet
from ocop_desktop.store.models.province import EvaluationRound, RoundEntry

if TYPE_CHECKING:
    from ocop_desktop.services.context import AppContext

INBOX_STATUSES = (Status.SENT, Status.ACCEPTED, Status.RETURNED)


@dataclass(frozen=True)
class InboxRow:
    dossier_id: str
    revision: int
    product_id: str
    product_name: str
    product_code: str
    producer_name: str
    commune_code: str
    commune_name: str
    product_set: int
    registration_type: str
    registration_label: str
    status: str
    status_label: str
    receipt_number: str
    forwarded_on: date | None  # the commune's "send" event, when known
    self_total: float | None  # the producer's self-assessment
    self_star: int | None
    return_reasons: str
    round_id: str | None  # the round it is assigned to
    round_label: str
    suggested_round: str  # "Đợt 2/2026": the regular round whose cut-off the forwarding date meets


class InboxService:
    def __init__(self, ctx: "AppContext", *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today

    def list(self, status: str | None = None, *, unassigned_only: bool = False) -> list[InboxRow]:
        statuses = [status] if status else [s.value for s in INBOX_STATUSES]
        if any(s not in {x.value for x in INBOX_STATUSES} for s in statuses):
            raise UserError(f"Hộp hồ sơ chỉ có các trạng thái: {', '.join(s.value for s in INBOX_STATUSES)}.")
        sent = (select(DossierEvent.dossier_id, func.max(DossierEvent.at).label("at"))
                .where(DossierEvent.action == Action.SEND.value).group_by(DossierEvent.dossier_id).subquery())
        stmt = (select(Dossier, Product, Producer.name, AdminUnit.name, sent.c.at, ScoreSheet.total, ScoreSheet.star,
                       EvaluationRound)
                .join(Product, Product.id == Dossier.product_id).join(Producer, Producer.id == Product.producer_id)
                .outerjoin(AdminUnit, AdminUnit.code == Product.commune_code)
                .outerjoin(sent, sent.c.dossier_id == Dossier.id)
                .outerjoin(ScoreSheet, (ScoreSheet.dossier_id == Dossier.id) & (ScoreSheet.kind == "self"))
                .outerjoin(RoundEntry, RoundEntry.dossier_id == Dossier.id)
                .outerjoin(EvaluationRound, EvaluationRound.id == RoundEntry.round_id)
                .where(Dossier.status.in_(statuses)).order_by(sent.c.at, Dossier.received_on, Product.name))
        rows = []
        with self._ctx.read() as s:
            for d, p, producer, commune, sent_at, total, star, rnd in s.execute(stmt):
                if unassigned_only and rnd is not None:
                    continue
                forwarded = sent_at.date() if sent_at is not None else None
                basis = forwarded or d.received_on or self._today or date.today()
                suggested = next_round_for(basis)
                reg, st = RegistrationType(d.registration_type), Status(d.status)
                rows.append(InboxRow(d.id, d.revision, p.id, p.name, p.code or "", producer, p.commune_code,
                                     commune or "", d.product_set, reg.value, reg.label, st.value, st.label,
                                     d.receipt_number or "", forwarded, total, star, d.return_reasons,
                                     rnd.id if rnd else None, round_label(rnd) if rnd else "",
                                     f"Đợt {suggested.number}/{suggested.year}"))
        return rows

    def accept(self, dossier_id: str, *, note: str = "") -> DossierDetail:
        return DossierService(self._ctx, today=self._today).act(dossier_id, Action.ACCEPT.value, note=note)

    def return_for_correction(self, dossier_id: str, reasons: str) -> DossierDetail:
        """Return to the commune with the reasons (required). A dossier already in a round must be
        taken out of it first, so no council work is silently dropped."""
        with self._ctx.read() as s:
            placed = s.scalars(select(EvaluationRound).join(RoundEntry, RoundEntry.round_id == EvaluationRound.id)
                               .where(RoundEntry.dossier_id == dossier_id)).first()
            if placed is not None:
                raise UserError(f"Hồ sơ đang thuộc {round_label(placed)}; hãy rút khỏi đợt trước khi trả lại xã.")
        return DossierService(self._ctx, today=self._today).act(dossier_id, Action.RETURN.value, note=reasons)
