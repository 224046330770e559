"""Two officers take turns on one installation: every action names the right one, in the audit log,
the dossier's history and the printed Mẫu 01; officers are managed by an administrator only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from helpers.builders import TODAY, answer_everything, fill_producer_forms, make_product, provide_required
from helpers.pdf import pdf_text
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.services.core.audit import AuditFilter, AuditService
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.officers import OfficerService, PinRequired
from ocop_desktop.services.dossiers.print_data import print_dossier_form
from ocop_desktop.services.dossiers.service import DossierService


def test_each_action_is_credited_to_the_officer_at_the_keyboard(ctx: AppContext, tmp_path: Path) -> None:
    officers = OfficerService(ctx)
    an = officers.current()
    assert an is not None and an.is_admin
    binh = officers.add("Lê Thị Bình", "Công chức văn hóa - xã hội")
    service = DossierService(ctx, today=TODAY)

    dossier = service.create(make_product(ctx), "first").row.id  # An creates the dossier
    officers.act_as(binh.id)  # Bình fills it in and receives it
    fill_producer_forms(service, dossier)
    provide_required(ctx, dossier, tmp_path)
    answer_everything(ctx, dossier)
    service.act(dossier, "mark_complete")
    service.act(dossier, "receive", on=date(2026, 11, 20))
    officers.act_as(an.id)  # An corrects the phone number on Mẫu 01
    d = service.get(dossier)
    mau01 = {**d.forms["mau01"], "phone": "0987654321"}
    service.save_section(dossier, "mau01", mau01, expected_revision=d.row.revision)

    history = AuditService(ctx).dossier_history(dossier)
    on_dossier = [(e.action, e.officer_name) for e in reversed(history) if e.table_name == "dossier"]
    assert on_dossier[0] == ("insert", "Nguyễn Văn An")
    assert on_dossier[-1] == ("update", "Nguyễn Văn An")
    assert ("update", "Lê Thị Bình") in on_dossier
    kinds = {e.table_name for e in history if e.officer_name == "Lê Thị Bình"}
    assert {"dossier", "checklist_item", "attachment", "score_sheet", "dossier_event"} <= kinds
    receipt = next(
        e for e in history if e.table_name == "dossier_event" and e.after.get("action") == "receive"
    )
    assert receipt.officer_name == "Lê Thị Bình" and receipt.after["officer_id"] == binh.id
    last = max((e for e in history if e.table_name == "dossier"), key=lambda e: e.seq)
    assert last.officer_name == "Nguyễn Văn An"
    assert last.before["forms"]["mau01"]["phone"] == "0912345678"
    assert last.after["forms"]["mau01"]["phone"] == "0987654321"

    text = pdf_text(print_dossier_form(ctx, dossier, "mau01", tmp_path / "mau01.pdf"))
    assert "Lê Thị Bình" in text  # Người tiếp nhận: who received it, not who is printing
    assert AuditService(ctx).verify().ok


def test_only_an_administrator_manages_officers(ctx: AppContext) -> None:
    officers = OfficerService(ctx)
    binh = officers.add("Lê Thị Bình")
    an = officers.current()
    assert an is not None
    officers.act_as(binh.id)
    with pytest.raises(UserError, match="quản trị"):
        officers.add("Trần Văn Cường")
    with pytest.raises(UserError, match="quản trị"):
        officers.set_active(an.id, False)
    assert [r.name for r in officers.list()] == ["Nguyễn Văn An", "Lê Thị Bình"]
    officers.act_as(an.id)
    with pytest.raises(UserError, match="cuối cùng"):
        officers.set_admin(an.id, False)
    with pytest.raises(ValidationError, match="Đã có cán bộ"):
        officers.add("le thi binh")
    officers.rename(binh.id, "Lê Thị Bích")
    officers.set_active(binh.id, False)
    assert [r.name for r in officers.list(include_inactive=False)] == ["Nguyễn Văn An"]
    with pytest.raises(UserError, match="không còn làm việc"):
        officers.act_as(binh.id)
    names = [
        e.officer_name
        for e in AuditService(ctx).entries(AuditFilter(table_name="officer", record_id=binh.id))
    ]
    assert names == ["Nguyễn Văn An"] * 3  # insert, rename, deactivate — all by An


def test_a_pin_is_asked_and_never_stored_in_clear(ctx: AppContext) -> None:
    officers = OfficerService(ctx)
    binh = officers.add("Lê Thị Bình", pin="2468")
    with pytest.raises(PinRequired):
        officers.act_as(binh.id)
    with pytest.raises(PinRequired, match="chưa đúng"):
        officers.act_as(binh.id, "1357")
    with pytest.raises(ValidationError, match="4 đến 12"):
        officers.add("Trần Văn Cường", pin="12a")
    assert officers.act_as(binh.id, "2468").has_pin
    assert ctx.officer_id == binh.id
    logged = AuditService(ctx).entries(AuditFilter(table_name="officer", record_id=binh.id))[0]
    assert logged.after["pin_hash"] == "•••"
    with ctx.engine.connect() as conn:
        stored = conn.execute(text("SELECT pin_hash FROM officer WHERE id = :id"), {"id": binh.id}).scalar()
    assert stored.startswith("scrypt$") and "2468" not in stored
    with pytest.raises(ValidationError):  # her own PIN: she must know the current one
        officers.set_pin(binh.id, "1111", current_pin="0000")
    officers.set_pin(binh.id, None, current_pin="2468")
    assert not officers.act_as(binh.id).has_pin
