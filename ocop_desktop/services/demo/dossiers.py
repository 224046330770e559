"""Demo dossiers for the commune scale: a handful in every state of the commune's work, with
small generated evidence files, self-assessments and a legacy QĐ 148 certificate."""

from __future__ import annotations

import random
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped, unused-ignore]

from ocop_desktop.services.dossiers.checklists import ChecklistService
from ocop_desktop.services.dossiers.evidence import EvidenceService
from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.registry.certificates import CertificateInput, CertificateService

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

MAU03 = {
    "local_raw_material_percent": 85,
    "raw_material_assessment": "Nguyên liệu chủ yếu được trồng tại các thôn trong xã.",
    "workers_total": 24,
    "workers_local": 21,
    "labour_assessment": "Phần lớn lao động là người địa phương, có BHXH.",
    "idea_origin": "truyen_thong",
    "idea_assessment": "Sản phẩm truyền thống, gắn với nghề của địa phương.",
    "identity_assessment": "Thể hiện bản sắc và kinh nghiệm sản xuất của cộng đồng.",
    "officer_conclusion": "Hồ sơ đầy đủ, đề nghị UBND tỉnh đánh giá, phân hạng.",
}


def _scan(folder: Path, name: str, pages: int) -> Path:
    """A small PDF standing in for a scanned paper."""
    path = folder / name
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for page in range(pages):
        canvas.drawString(72, 770, f"{name} - trang {page + 1}/{pages}")
        canvas.showPage()
    canvas.save()
    return path


def add_demo_dossiers(ctx: AppContext, product_ids: list[str], rng: random.Random, today: date) -> int:
    dossiers = DossierService(ctx, today=today)
    stages = ["draft", "draft", "complete", "received", "received", "commune_checked"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, (product_id, stage) in enumerate(zip(product_ids, stages, strict=False)):
            d = dossiers.create(product_id, "first")
            rev = dossiers.save_section(
                d.row.id,
                "mau02_part1",
                {
                    "representative_sex": rng.choice(["nam", "nu"]),
                    "representative_ethnicity": rng.choice(["Kinh", "Tày", "Ê Đê"]),
                },
                expected_revision=d.row.revision,
            ).row.revision
            rev = dossiers.save_section(
                d.row.id,
                "mau02_part4",
                {"plan": "Mở rộng vùng nguyên liệu, đăng ký nhãn hiệu."},
                expected_revision=rev,
            ).row.revision
            _answer(ctx, d.row.id, rng, complete=stage != "draft" or i == 1)
            if stage == "draft":
                continue
            _papers(ctx, d.row.id, folder / str(i), today)
            dossiers.act(d.row.id, "mark_complete")
            if stage in ("received", "commune_checked"):
                received = today - timedelta(days=[30, 17, 3][i % 3])  # overdue, due soon, in time
                dossiers.act(d.row.id, "receive", on=received)
            if stage == "commune_checked":
                current = dossiers.get(d.row.id)
                dossiers.save_section(d.row.id, "mau03", MAU03, expected_revision=current.row.revision)
                dossiers.act(d.row.id, "commune_check")
    if len(product_ids) > len(stages):
        CertificateService(ctx, today=today).add(
            CertificateInput(
                product_ids[len(stages)],
                3,
                "2468/QĐ-UBND",
                date(2024, 4, 12),
                "district",
                "qd148-2023",
                issuer="UBND huyện (trước sắp xếp)",
            )
        )
    return min(len(product_ids), len(stages))


def _answer(ctx: AppContext, dossier_id: str, rng: random.Random, *, complete: bool) -> None:
    service = SelfAssessmentService(ctx)
    leaves = service.load(dossier_id).sheet.leaves()
    case = rng.randrange(2)  # a tourism sheet is scored in one alternative case throughout
    answers = {leaf.code: rng.choice(leaf.choices(case)[-3:]) for leaf in leaves}
    if not complete:
        answers = dict(list(answers.items())[: len(answers) // 2])
    service.save(dossier_id, answers=answers)


def _papers(ctx: AppContext, dossier_id: str, folder: Path, today: date) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    checklist = ChecklistService(ctx, today=today)
    for n, item in enumerate(r for r in checklist.items(dossier_id) if r.requirement == "required"):
        if item.key != "samples":
            EvidenceService(ctx).add_file(
                dossier_id,
                _scan(folder, f"{item.key}.pdf", 1 + n % 4),
                checklist_key=item.key,
                criteria=item.criteria,
            )
        checklist.update(
            dossier_id,
            item.key,
            status="provided",
            expires_on=today + timedelta(days=400) if item.time_limited else "keep",
        )
