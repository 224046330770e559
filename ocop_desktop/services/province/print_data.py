"""Printing data of a round, filled from the records: the council score matrix and summary of each
product (CouncilMatrixData), the results list annexed to a decision (ResultsData) and the
certificate drafts (CertificateData). `print_round` renders them to PDF files.

QR references: the matrix names the round entry (kind "council", id = entry id), the results list
the decision number (kind "decision"), a certificate its dossier."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.province import EntryStatus
from ocop_desktop.domain.text import slug
from ocop_desktop.printing import api
from ocop_desktop.printing.data import Ref, Signed
from ocop_desktop.printing.data_office import (
    CertificateData,
    CouncilMatrixData,
    MatrixRow,
    ResultRow,
    ResultsData,
)
from ocop_desktop.services.core.units import UnitService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.aggregation import AggregationService, CouncilMatrix
from ocop_desktop.services.province.common import EntryRow
from ocop_desktop.services.province.results import ResultService
from ocop_desktop.services.province.rounds import RoundService
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.services.registry.products import ProductService

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

ROUND_FORMS = ("council-matrix", "results", "certificate")


def matrix_conclusion(m: CouncilMatrix) -> str:
    r = m.result
    if m.entry.status == EntryStatus.WITHDRAWN:  # the sheets printed for the record only (issue 15)
        on = f" ngày {m.entry.withdrawn_on:%d/%m/%Y}" if m.entry.withdrawn_on else ""
        return f"Chủ thể đã rút hồ sơ{on}; sản phẩm không được Hội đồng xét công nhận."
    if r is None:
        return ""
    if not r.valid:
        text = " ".join(r.problems)
    elif r.eliminated:
        ids = dict.fromkeys(r.knockouts + tuple(x for v in r.eliminated_by.values() for x in v))
        text = "Sản phẩm bị loại (" + "; ".join(m.reasons.get(x, x) for x in ids) + ")."
    elif r.certified:
        text = f"Hội đồng đề nghị công nhận sản phẩm đạt {r.star} sao."
    else:
        text = f"Sản phẩm đạt {r.star} sao, chưa đủ điều kiện công nhận."
    flagged = [
        f"{mem.label} ở tiêu chí {line.code}"
        for line in m.lines
        for mem, out in zip(m.members, line.outliers, strict=True)
        if out
    ]
    if flagged:
        text += " Điểm chênh nhiều so với trung vị: " + "; ".join(flagged) + "."
    return text


def council_matrix_data(
    ctx: AppContext, round_id: str, dossier_id: str, *, on: date | None = None
) -> CouncilMatrixData:
    m = AggregationService(ctx).matrix(round_id, dossier_id)
    detail = RoundService(ctx).get(round_id)
    chair = next((x.name for x in detail.members if x.role == "chair"), "")
    return CouncilMatrixData(
        ref=Ref(id=m.entry.id, revision=m.entry.revision, kind="council"),
        council=detail.row.council_name,
        round_name=detail.row.label + (f" — {detail.row.name}" if detail.row.name else ""),
        product_name=m.entry.product_name,
        producer_name=m.entry.producer_name,
        set_name=f"Bộ {m.set_number}: {m.set_name}",
        members=tuple(f"{x.name}" + (f" ({x.organisation})" if x.organisation else "") for x in m.members),
        rows=tuple(MatrixRow(line.code, line.title, line.max_points, tuple(line.points)) for line in m.lines),
        totals=tuple(m.totals),
        mean_total=float(m.result.mean_total) if m.result else None,
        spread=m.result.spread if m.result else None,
        max_spread=m.max_spread,
        stars=m.result.star
        if m.result and m.result.valid and m.entry.status != EntryStatus.WITHDRAWN
        else None,
        conclusion=matrix_conclusion(m),
        signed=Signed(date=on or date.today(), name=chair),
    )


def _points_and_star(e: EntryRow) -> tuple[float | None, int | None, str]:
    """A line recognised from the central council's result (Art. 7.4) prints that result and cites it."""
    if e.central_stars in (3, 4) and e.central_date is not None:
        points = f"{e.central_total:g}".replace(".", ",") if e.central_total is not None else "—"
        note = (
            f"theo kết quả đánh giá của Hội đồng cấp trung ương: {points} điểm, "
            f"văn bản số {e.central_number} ngày {e.central_date:%d/%m/%Y}"
        )
        return e.central_total, e.central_stars, note
    return e.mean_total, e.proposed_star, ""


def results_data(ctx: AppContext, decision_id: str) -> ResultsData:
    outcome = ResultService(ctx).decision(decision_id)
    rows = []
    for e in outcome.entries:
        product = ProductService(ctx).get(e.product_id)
        producer = ProducerService(ctx).get(product.producer_id)
        address = ", ".join(x for x in (producer.address, producer.commune_name) if x)
        rows.append(
            ResultRow(
                e.product_name,
                e.producer_name,
                address,
                product.product_set_name,
                e.product_code,
                *_points_and_star(e),
            )
        )
    d = outcome.decision
    return ResultsData(
        ref=Ref(id=d.number, revision=d.revision, kind="decision"),
        issuer=d.issuer,
        decision_number=d.number,
        decision_date=d.decided_on,
        rows=tuple(rows),
    )


def certificate_data(ctx: AppContext, decision_id: str) -> list[CertificateData]:
    outcome = ResultService(ctx).decision(decision_id)
    d = outcome.decision
    by_id = {c.id: c for c in outcome.certificates}
    place = UnitService(ctx).get(ctx.office().unit_code).name  # "Đắk Lắk, ngày … tháng … năm …"
    out = []
    for e in outcome.entries:
        cert = by_id.get(e.certificate_id or "")
        producer = ProducerService(ctx).get(ProductService(ctx).get(e.product_id).producer_id)
        address = ", ".join(x for x in (producer.address, producer.commune_name) if x)
        out.append(
            CertificateData(
                ref=Ref(id=e.dossier_id, revision=DossierService(ctx).get(e.dossier_id).row.revision),
                issuer=d.issuer,
                decision_number=d.number,
                decision_date=d.decided_on,
                product_name=e.product_name,
                product_code=e.product_code,
                producer_name=e.producer_name,
                producer_address=address,
                stars=cert.stars if cert else e.proposed_star,
                valid_until=cert.valid_until if cert else None,
                signer_title=d.signer_title.upper() or "CHỦ TỊCH",
                signed=Signed(place=place, date=d.decided_on, name=d.signer),
            )
        )
    return out


def print_round(
    ctx: AppContext,
    round_id: str,
    form: str,
    out_dir: Path,
    *,
    dossier_id: str | None = None,
    decision_id: str | None = None,
) -> list[Path]:
    """Render a round's documents into `out_dir`: one matrix per product (or the one named), the
    results list and certificate drafts of a decision (the round's latest when none is named)."""
    if form not in ROUND_FORMS:
        raise UserError(f"Mẫu “{form}” không in theo đợt; các mẫu: {', '.join(ROUND_FORMS)}.")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if form == "council-matrix":
        ids = (
            [dossier_id]
            if dossier_id
            else [e.dossier_id for e in RoundService(ctx).entries(round_id) if e.sheets]
        )
        if not ids:
            raise UserError("Chưa có hồ sơ nào có phiếu chấm của thành viên để in bảng tổng hợp.")
        return [
            api.render(
                form,
                council_matrix_data(ctx, round_id, did),
                out_dir / _name("bang-tong-hop", ctx, round_id, did),
            )
            for did in ids
        ]
    decision = decision_id or _latest_decision(ctx, round_id)
    if form == "results":
        data = results_data(ctx, decision)
        return [
            api.render(
                form, data, out_dir / f"danh-sach-cong-nhan-{slug(data.decision_number, fallback='x')}.pdf"
            )
        ]
    return [
        api.render(
            form,
            data,
            out_dir / f"giay-chung-nhan-{slug(data.product_code or data.product_name, fallback='x')}.pdf",
        )
        for data in certificate_data(ctx, decision)
    ]


def _latest_decision(ctx: AppContext, round_id: str) -> str:
    decisions = ResultService(ctx).decisions(round_id)
    if not decisions:
        raise UserError("Đợt này chưa có quyết định công nhận.")
    return decisions[0].id


def _name(prefix: str, ctx: AppContext, round_id: str, dossier_id: str) -> str:
    e = RoundService(ctx).entry(round_id, dossier_id)
    return f"{prefix}-{e.seq:03d}-{slug(e.product_code or e.product_name, fallback='x')}.pdf"
