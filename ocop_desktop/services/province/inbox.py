"""The province inbox: dossiers that arrived from the communes (sent), were accepted, or were
returned for correction. Accepting and returning go through `DossierService.act`, so the event is
recorded with the officer; the round each dossier should go to follows from its forwarding date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ocop_desktop.domain.deadlines import next_round_for
from ocop_desktop.domain.dossiers import Action, RegistrationType, Status
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.legal_bases import reevaluation_rules
from ocop_desktop.services.dossiers.reevaluation import vietnam_day
from ocop_desktop.services.dossiers.service import DossierDetail, DossierService
from ocop_desktop.services.province.common import placed_round, round_label, round_name
from ocop_desktop.store.models import AdminUnit, Dossier, DossierEvent, Producer, Product, ScoreSheet
from ocop_desktop.store.models.province import EvaluationRound, RoundEntry
from ocop_desktop.store.queries import dossier_header, with_commune

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

# withdrawn: the producer withdrew it at the commune, the submission said so (issue 15): kept in sight
INBOX_STATUSES = (Status.SENT, Status.ACCEPTED, Status.RETURNED, Status.WITHDRAWN)


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
    # an accepted re-evaluation: 45 days from the province's receipt (QĐ 26/2026 Art. 7.6.g)
    reevaluation_due: date | None = None


def _reevaluation_due(
    reg: RegistrationType, status: Status, ruleset_id: str, accepted_at: datetime | None
) -> date | None:
    if reg is not RegistrationType.REEVALUATION or status is not Status.ACCEPTED or accepted_at is None:
        return None
    return reevaluation_rules(ruleset_id).completion_deadline(vietnam_day(accepted_at))


class InboxService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today

    def rows(self, status: str | None = None, *, unassigned_only: bool = False) -> list[InboxRow]:
        statuses = [status] if status else [s.value for s in INBOX_STATUSES]
        if any(s not in {x.value for x in INBOX_STATUSES} for s in statuses):
            raise UserError(f"Hộp hồ sơ chỉ có các trạng thái: {', '.join(s.value for s in INBOX_STATUSES)}.")
        sent = (
            select(DossierEvent.dossier_id, func.max(DossierEvent.at).label("at"))
            .where(DossierEvent.action == Action.SEND.value)
            .group_by(DossierEvent.dossier_id)
            .subquery()
        )
        accepted = (
            select(DossierEvent.dossier_id, func.max(DossierEvent.at).label("at"))
            .where(DossierEvent.action == Action.ACCEPT.value)
            .group_by(DossierEvent.dossier_id)
            .subquery()
        )
        d, p = Dossier, Product
        stmt = (
            with_commune(
                dossier_header(
                    d.id,
                    d.revision,
                    d.product_set,
                    d.registration_type,
                    d.status,
                    d.receipt_number,
                    d.received_on,
                    d.return_reasons,
                    p.id,
                    p.name,
                    p.code,
                    p.commune_code,
                    Producer.name,
                    AdminUnit.name,
                    sent.c.at,
                    ScoreSheet.total,
                    ScoreSheet.star,
                    EvaluationRound.id,
                    EvaluationRound.number,
                    EvaluationRound.year,
                    EvaluationRound.extra,
                    d.ruleset_id,
                    accepted.c.at,
                )
            )
            .outerjoin(sent, sent.c.dossier_id == d.id)
            .outerjoin(accepted, accepted.c.dossier_id == d.id)
            .outerjoin(ScoreSheet, (ScoreSheet.dossier_id == d.id) & (ScoreSheet.kind == "self"))
            .outerjoin(RoundEntry, RoundEntry.dossier_id == d.id)
            .outerjoin(EvaluationRound, EvaluationRound.id == RoundEntry.round_id)
            .where(d.status.in_(statuses))
            .order_by(sent.c.at, d.received_on, p.name)
        )
        if unassigned_only:
            stmt = stmt.where(RoundEntry.id.is_(None))
        rows = []
        suggested: dict[date, str] = {}
        with self._ctx.read() as s:
            for (
                did,
                revision,
                product_set,
                reg,
                status_,
                receipt,
                received,
                reasons,
                pid,
                pname,
                pcode,
                commune_code,
                producer,
                commune,
                sent_at,
                total,
                star,
                round_id,
                number,
                year,
                extra,
                ruleset_id,
                accepted_at,
            ) in s.execute(stmt):
                forwarded = sent_at.date() if sent_at is not None else None
                basis = forwarded or received or self._today or date.today()
                if basis not in suggested:
                    rnd = next_round_for(basis)
                    suggested[basis] = f"Đợt {rnd.number}/{rnd.year}"
                label = round_name(year, number, extra) if round_id else ""
                rt, st = RegistrationType(reg), Status(status_)
                rows.append(
                    InboxRow(
                        did,
                        revision,
                        pid,
                        pname,
                        pcode or "",
                        producer,
                        commune_code,
                        commune or "",
                        product_set,
                        rt.value,
                        rt.label,
                        st.value,
                        st.label,
                        receipt or "",
                        forwarded,
                        total,
                        star,
                        reasons,
                        round_id,
                        label,
                        suggested[basis],
                        _reevaluation_due(rt, st, ruleset_id, accepted_at),
                    )
                )
        return rows

    def accept(self, dossier_id: str, *, note: str = "") -> DossierDetail:
        return DossierService(self._ctx, today=self._today).act(dossier_id, Action.ACCEPT.value, note=note)

    def return_for_correction(self, dossier_id: str, reasons: str) -> DossierDetail:
        """Return to the commune with the reasons (required). A dossier already in a round must be
        taken out of it first, so no council work is silently dropped."""
        with self._ctx.read() as s:
            placed = placed_round(s, dossier_id)
            if placed is not None:
                raise UserError(
                    f"Hồ sơ đang thuộc {round_label(placed)}; hãy rút khỏi đợt trước khi trả lại xã."
                )
        return DossierService(self._ctx, today=self._today).act(dossier_id, Action.RETURN.value, note=reasons)
