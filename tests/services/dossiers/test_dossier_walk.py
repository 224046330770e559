"""A dossier from creation to commune-checked, through the services, on a real store."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from helpers.builders import (
    TODAY,
    answer_everything,
    fill_producer_forms,
    make_product,
    pdf_file,
    provide_required,
)
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.evidence import EvidenceService
from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.store.models import Attachment, Dossier, DossierEvent


def test_dossier_from_creation_to_commune_checked(ctx: AppContext, tmp_path: Path) -> None:
    service = DossierService(ctx, today=TODAY)
    d = service.create(make_product(ctx), "first")
    assert d.row.status == "draft" and d.ruleset_id == "qd26-2026" and len(d.ruleset_hash) == 64
    assert d.forms["mau01"]["unit_name"] == "Hợp tác xã Cà phê Hoàn Kiếm"
    assert d.forms["mau01"]["sample_count"] == 5

    with pytest.raises(ValidationError) as info:  # nothing filled yet
        service.act(d.row.id, "mark_complete")
    assert "mau02_part1.representative_sex" in info.value.fields
    assert "checklist.food_safety_certificate" in info.value.fields
    assert "self_assessment" in info.value.fields

    fill_producer_forms(service, d.row.id)
    provide_required(ctx, d.row.id, tmp_path)
    answer_everything(ctx, d.row.id)
    assert SelfAssessmentService(ctx).load(d.row.id).result.star == 5  # type: ignore[union-attr]

    d = service.act(d.row.id, "mark_complete")
    d = service.act(d.row.id, "receive", on=date(2026, 11, 20))
    assert d.row.status == "received"
    assert d.row.receipt_number == "01/PĐK-01-00070-2026"
    assert d.row.deadline == date(2026, 12, 11)  # 15 working days after Fri 20/11/2026

    with pytest.raises(ValidationError) as info:
        service.act(d.row.id, "commune_check")
    assert "mau03.local_raw_material_percent" in info.value.fields
    d = service.save_section(
        d.row.id,
        "mau03",
        {
            "local_raw_material_percent": "80",
            "raw_material_assessment": "Nguyên liệu cà phê chủ yếu trong xã.",
            "workers_total": 20,
            "workers_local": 18,
            "labour_assessment": "Phần lớn lao động là người địa phương.",
            "idea_origin": "truyen_thong",
            "idea_assessment": "Sản phẩm truyền thống của xã.",
            "identity_assessment": "Gắn với văn hóa cà phê phố cổ.",
            "officer_conclusion": unicodedata.normalize("NFD", "Đủ điều kiện đề nghị tỉnh đánh giá."),
        },
        expected_revision=d.row.revision,
    )
    assert d.forms["mau03"]["officer_conclusion"] == "Đủ điều kiện đề nghị tỉnh đánh giá."
    d = service.act(d.row.id, "commune_check")
    assert d.row.status == "commune_checked"
    assert [e.action for e in d.events] == ["mark_complete", "receive", "commune_check"]
    assert all(e.officer_id == ctx.officer_id for e in d.events)


def test_second_receipt_of_the_year_gets_the_next_number(ctx: AppContext, tmp_path: Path) -> None:
    service = DossierService(ctx, today=TODAY)
    numbers = []
    for n in range(2):
        d = service.create(make_product(ctx), "first")
        fill_producer_forms(service, d.row.id)
        provide_required(ctx, d.row.id, tmp_path / str(n))
        answer_everything(ctx, d.row.id)
        service.act(d.row.id, "mark_complete")
        numbers.append(service.act(d.row.id, "receive").row.receipt_number)
    assert numbers == ["01/PĐK-01-00070-2026", "02/PĐK-01-00070-2026"]


def test_bad_input_changes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    service = DossierService(ctx, today=TODAY)
    d = service.create(make_product(ctx), "first")
    evidence = EvidenceService(ctx)
    before = _snapshot(ctx)
    exe = tmp_path / "virus.exe"
    exe.write_bytes(b"MZ\x90\x00not a scan")
    with pytest.raises(UserError, match="Chỉ nhận PDF, JPEG, PNG, TIFF"):
        evidence.add_file(d.row.id, exe)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage that is not a pdf")
    with pytest.raises(UserError, match="bị hỏng"):
        evidence.add_file(d.row.id, broken)
    with pytest.raises(UserError, match="mã hóa"):
        evidence.add_file(d.row.id, pdf_file(tmp_path, "secret.pdf", password="x"))
    with pytest.raises(ValidationError) as info:
        service.save_section(
            d.row.id, "mau01", {"registered_on": "31/02/2026"}, expected_revision=d.row.revision
        )
    assert "registered_on" in info.value.fields
    with pytest.raises(ValidationError):
        service.save_section(
            d.row.id, "mau03", {"local_raw_material_percent": 140}, expected_revision=d.row.revision
        )
    with pytest.raises(ValidationError):
        service.save_section(
            d.row.id, "mau03", {"workers_total": 5, "workers_local": 9}, expected_revision=d.row.revision
        )
    with pytest.raises(UserError):
        service.act(d.row.id, "receive")  # not complete yet
    assert _snapshot(ctx) == before

    good = pdf_file(tmp_path, "dkkd.pdf")
    evidence.add_file(d.row.id, good, checklist_key="business_registration")
    copy = tmp_path / "dkkd-copy.pdf"
    copy.write_bytes(good.read_bytes())
    with pytest.raises(UserError, match="đã được đính kèm"):
        evidence.add_file(d.row.id, copy)
    assert len(evidence.attachments(d.row.id)) == 1
    assert evidence.total_size(d.row.id) == good.stat().st_size


def test_upgrade_without_certificate_is_refused(ctx: AppContext) -> None:
    with pytest.raises(UserError, match="chưa có giấy chứng nhận"):
        DossierService(ctx, today=TODAY).create(make_product(ctx), "upgrade")


def _snapshot(ctx: AppContext) -> tuple[int, int, int, str]:
    with ctx.read() as s:
        d = s.scalars(select(Dossier)).one()
        return (
            s.scalar(select(func.count()).select_from(Attachment)) or 0,
            s.scalar(select(func.count()).select_from(DossierEvent)) or 0,
            d.revision,
            repr(d.forms),
        )
