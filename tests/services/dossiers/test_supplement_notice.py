"""Phiếu hướng dẫn bổ sung hồ sơ: only what the producer still has to bring, read back from the PDF."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from helpers.builders import TODAY, make_product
from helpers.pdf import pdf_text
from ocop_desktop.printing import api
from ocop_desktop.printing.data_office import SupplementData
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.checklists import ChecklistService
from ocop_desktop.services.dossiers.print_data import dossier_form_data, print_dossier_form
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.store.models import Dossier


def test_a_new_dossier_lists_every_required_paper_and_the_knockouts(ctx: AppContext, tmp_path: Path) -> None:
    d = DossierService(ctx, today=TODAY).create(make_product(ctx), "first")
    items = ChecklistService(ctx).items(d.row.id)
    required = [i for i in items if i.requirement == "required" and i.status != "provided"]
    assert "mau02" in {i.key for i in required}  # Mẫu 01 may be filled from the producer record already
    data = dossier_form_data(ctx, d.row.id, "supplement")
    assert [m.label for m in data.missing] == [i.label for i in required] and not data.expiring
    assert any("sản phẩm bị loại" in m.note for m in data.missing)  # set 13: food safety is a knock-out
    text = " ".join(pdf_text(print_dossier_form(ctx, d.row.id, "supplement", tmp_path / "s.pdf")).split())
    assert "PHIẾU HƯỚNG DẪN BỔ SUNG HỒ SƠ" in text and "Cà phê bột nguyên chất" in text
    assert "Nội dung cơ quan cấp tỉnh" not in text  # not returned: no province reasons section
    assert "Nguyễn Văn An" in text  # the officer at the keyboard signs it
    for item in required[:3]:
        assert " ".join(item.label.split())[:30] in text


def test_provided_papers_drop_out_and_expiring_ones_appear(ctx: AppContext, tmp_path: Path) -> None:
    d = DossierService(ctx, today=TODAY).create(make_product(ctx), "first")
    service = ChecklistService(ctx)
    items = service.items(d.row.id)
    first = next(i for i in items if i.requirement == "required")
    limited = next(i for i in items if i.time_limited and i.id != first.id)
    service.update(d.row.id, first.key, status="provided")
    service.update(d.row.id, limited.key, status="provided", expires_on=date.today() + timedelta(days=10))
    data = dossier_form_data(ctx, d.row.id, "supplement")
    assert first.label not in {m.label for m in data.missing}
    assert [(e.label, e.expires_on) for e in data.expiring] == [
        (limited.label, date.today() + timedelta(days=10))
    ]


def test_a_returned_dossier_carries_the_province_reasons(ctx: AppContext, tmp_path: Path) -> None:
    d = DossierService(ctx, today=TODAY).create(make_product(ctx), "first")
    with ctx.sessions.begin() as s:  # as the province's results package leaves it
        row = s.get(Dossier, d.row.id)
        row.status, row.return_reasons = "returned", "- Thiếu phiếu kiểm nghiệm\n- Nhãn sai quy cách."
    text = " ".join(pdf_text(print_dossier_form(ctx, d.row.id, "supplement", tmp_path / "s.pdf")).split())
    assert "Nội dung cơ quan cấp tỉnh đề nghị bổ sung" in text
    assert "Thiếu phiếu kiểm nghiệm" in text and "Nhãn sai quy cách" in text


def test_the_blank_notice_has_lines_to_write_on(tmp_path: Path) -> None:
    text = pdf_text(api.render("supplement", SupplementData(), tmp_path / "blank.pdf"))
    assert "Giấy tờ bắt buộc còn thiếu" in text and "Không có." not in text
