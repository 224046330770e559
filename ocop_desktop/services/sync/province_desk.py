"""The province's side of the exchange, kept small: the dossiers that came in by package, accept,
return with reasons, record a decision with its certificate, and send the results back.

The full evaluation workflow (rounds, councils, scoring) builds on the same dossiers; these calls
only move the lifecycle through `DossierService.act` and `CertificateService`, so events carry the
officer, and the results package picks the change up from the dossier itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ocop_desktop.domain.dossiers import Status
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.progress import Progress
from ocop_desktop.services.dossiers.service import DossierDetail, DossierService
from ocop_desktop.services.province.common import round_label
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.registry.certificates import (
    CertificateInput,
    CertificateRow,
    CertificateService,
    validate_certificate,
)
from ocop_desktop.services.sync.export import PackageExportService
from ocop_desktop.services.sync.outgoing import ExportResult
from ocop_desktop.services.sync.records import PROVINCE, local_hash
from ocop_desktop.store.models import (
    Dossier,
    Office,
    Producer,
    Product,
    SyncConflict,
    SyncDossierState,
    SyncPackage,
)
from ocop_desktop.store.models.province import EvaluationRound, RoundEntry

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class ImportedDossierRow:
    dossier_id: str
    product_name: str
    producer_name: str
    commune_name: str
    commune_office_id: str
    status: str
    status_label: str
    receipt_number: str
    last_received_at: object  # datetime of the package that brought the current version
    results_to_send: bool  # accepted / returned / decided here and not yet sent back
    open_conflicts: int


class ProvinceSyncService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today
        if ctx.office().role != "province":
            raise UserError("Chức năng này chỉ dùng ở máy của cơ quan OCOP cấp tỉnh.")

    def imported(self, status: str | None = None) -> list[ImportedDossierRow]:
        """Dossiers that arrived in packages (the inbox), newest package first."""
        with self._ctx.read() as s:
            query = (
                select(Dossier, SyncDossierState, Product.name, Producer.name)
                .join(SyncDossierState, SyncDossierState.dossier_id == Dossier.id)
                .join(Product, Product.id == Dossier.product_id)
                .join(Producer, Producer.id == Product.producer_id)
            )
            if status:
                query = query.where(Dossier.status == status)
            out = []
            for d, state, product, producer in s.execute(query):
                office = s.get(Office, state.peer_office_id)
                package = (
                    s.get(SyncPackage, state.last_received_package_id)
                    if state.last_received_package_id
                    else None
                )
                conflicts = (
                    s.scalar(
                        select(func.count())
                        .select_from(SyncConflict)
                        .where(SyncConflict.dossier_id == d.id, SyncConflict.resolved_at.is_(None))
                    )
                    or 0
                )
                pending = d.status in (Status.ACCEPTED, Status.RETURNED, Status.DECIDED) and (
                    state.own_hash != local_hash(s, d, PROVINCE) or state.acked_version < state.own_version
                )
                out.append(
                    ImportedDossierRow(
                        d.id,
                        product,
                        producer,
                        office.name if office else "",
                        state.peer_office_id,
                        d.status,
                        Status(d.status).label,
                        d.receipt_number or "",
                        package.recorded_at if package else None,
                        pending,
                        int(conflicts),
                    )
                )
        return sorted(out, key=lambda r: (str(r.last_received_at or ""), r.dossier_id), reverse=True)

    def accept(self, dossier_id: str, *, note: str = "") -> DossierDetail:
        return InboxService(self._ctx, today=self._today).accept(dossier_id, note=note)

    def return_with_reasons(self, dossier_id: str, reasons: str) -> DossierDetail:
        """Back to the commune for correction (the inbox's rule: not while the dossier is in a round);
        the reasons travel in the results package."""
        return InboxService(self._ctx, today=self._today).return_for_correction(dossier_id, reasons)

    def decide(
        self,
        dossier_id: str,
        *,
        stars: int,
        decision_number: str,
        decision_date: date,
        total: float | None = None,
        issuer: str = "",
    ) -> CertificateRow:
        """Record the recognition decision and its certificate for an accepted dossier outside any
        round (e.g. a decision taken before this installation). A dossier in a round is decided with
        the round (ResultService.decide), so the council's result and the certificate agree."""
        with self._ctx.read() as s:
            d = s.get(Dossier, dossier_id)
            if d is None:
                raise UserError("Không tìm thấy hồ sơ.")
            placed = s.scalars(
                select(EvaluationRound)
                .join(RoundEntry, RoundEntry.round_id == EvaluationRound.id)
                .where(RoundEntry.dossier_id == dossier_id)
            ).first()
            if placed is not None:
                raise UserError(
                    f"Hồ sơ thuộc {round_label(placed)}: hãy ra quyết định cho cả đợt ở trang Đánh giá."
                )
            product_id, ruleset_id = d.product_id, d.ruleset_id
        data = CertificateInput(
            product_id,
            stars,
            decision_number,
            decision_date,
            "ministry" if stars == 5 else "province",
            ruleset_id,
            issuer=issuer or self._ctx.office().name,
            total=total,
            dossier_id=dossier_id,
        )
        problems = validate_certificate(data, self._today or date.today())
        if problems:
            raise ValidationError(problems)
        DossierService(self._ctx, today=self._today).act(
            dossier_id, "decide", note=f"Quyết định {decision_number}"
        )
        return CertificateService(self._ctx, today=self._today).add(data)

    def export_results(
        self, target: Path, *, to: str, dossier_ids: list[str] | None = None, progress: Progress | None = None
    ) -> ExportResult:
        """Accepted, returned and decided dossiers of one commune not yet confirmed by it."""
        return PackageExportService(self._ctx).export_dossiers(
            target, to=to, dossier_ids=dossier_ids, pending=not dossier_ids, progress=progress
        )
