"""Builders shared by service, sync, province and UI tests: a producer and product, PDFs, a
complete self-assessment, the producer's forms and the required evidence of a dossier."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pypdf import PdfWriter

from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.domain.products import ProductInput
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.checklists import ChecklistService
from ocop_desktop.services.dossiers.evidence import EvidenceService
from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.services.registry.products import ProductService

TODAY = date(2026, 11, 20)  # a Friday


def make_product(
    ctx: AppContext,
    product_set: int = 13,
    *,
    commune: str = "00070",
    producer: str = "Hợp tác xã Cà phê Hoàn Kiếm",
    product: str = "Cà phê bột nguyên chất",
) -> str:
    owner = ProducerService(ctx).create(
        ProducerInput(
            name=producer,
            kind=ProducerKind.COOPERATIVE,
            commune_code=commune,
            address="Số 5 Hàng Bài",
            tax_code="0101234567",
            phone="0912345678",
            representative="Lê Thị Mai",
            representative_title="Giám đốc",
        )
    )
    return ProductService(ctx).create(ProductInput(owner.id, product, product_set)).id


def pdf_file(tmp_path: Path, name: str, pages: int = 2, password: str | None = None) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buf = io.BytesIO()
    writer.write(buf)
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / name
    path.write_bytes(buf.getvalue())
    return path


def answer_everything(ctx: AppContext, dossier_id: str) -> None:
    """Best option everywhere: a 100-point self-assessment."""
    state = SelfAssessmentService(ctx).load(dossier_id)
    answers = {leaf.code: len(leaf.options) - 1 for leaf in state.sheet.leaves()}
    SelfAssessmentService(ctx).save(dossier_id, answers=answers)


def fill_producer_forms(service: DossierService, dossier_id: str) -> int:
    d = service.get(dossier_id)
    d = service.save_section(
        dossier_id,
        "mau02_part1",
        {"representative_sex": "nu", "representative_ethnicity": "Kinh"},
        expected_revision=d.row.revision,
    )
    d = service.save_section(
        dossier_id,
        "mau02_part4",
        {"plan": "Mở rộng vùng nguyên liệu lên 20 ha."},
        expected_revision=d.row.revision,
    )
    return d.row.revision


def provide_required(ctx: AppContext, dossier_id: str, tmp_path: Path) -> None:
    checklist = ChecklistService(ctx, today=TODAY)
    for i, item in enumerate(r for r in checklist.items(dossier_id) if r.requirement == "required"):
        if item.key != "samples":
            EvidenceService(ctx).add_file(
                dossier_id, pdf_file(tmp_path, f"{item.key}.pdf", pages=i + 1), checklist_key=item.key
            )
        expires = date(2028, 1, 1) if item.time_limited else "keep"
        checklist.update(dossier_id, item.key, status="provided", expires_on=expires)
