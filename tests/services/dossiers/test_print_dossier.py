"""Every dossier form prints filled from the record (read back with `helpers.pdf`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from helpers.builders import TODAY, answer_everything, fill_producer_forms, make_product, provide_required  # noqa: I001
from helpers.pdf import decode_qr, pdf_text
from ocop_desktop.domain.errors import UserError
from ocop_desktop.main import main
from ocop_desktop.printing.hashing import SHORT_HASH_LEN, content_hash
from ocop_desktop.printing.qr import parse_payload
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.print_data import (
    DOSSIER_FORMS,
    blank_receipt,
    dossier_form_data,
    print_dossier_form,
)
from ocop_desktop.services.dossiers.service import DossierService


def _received_dossier(ctx: AppContext, tmp_path: Path) -> str:
    service = DossierService(ctx, today=TODAY)
    d = service.create(make_product(ctx), "first")
    fill_producer_forms(service, d.row.id)
    provide_required(ctx, d.row.id, tmp_path / "scans")
    answer_everything(ctx, d.row.id)
    service.act(d.row.id, "mark_complete")
    service.act(d.row.id, "receive", on=date(2026, 11, 20))
    return d.row.id


@pytest.mark.parametrize("form", DOSSIER_FORMS)
def test_each_form_prints_from_the_dossier(ctx: AppContext, tmp_path: Path, form: str) -> None:
    dossier = _received_dossier(ctx, tmp_path)
    out = print_dossier_form(ctx, dossier, form, tmp_path / f"{form}.pdf")
    text = pdf_text(out)
    assert "Hợp tác xã Cà phê Hoàn Kiếm" in text or form in ("receipt",)
    if form in ("mau01", "receipt"):
        assert "01/PĐK-01-00070-2026" in text
    if form == "sheet":
        assert "100" in text  # the best option everywhere


def test_receipt_before_receiving_is_refused(ctx: AppContext, tmp_path: Path) -> None:
    d = DossierService(ctx, today=TODAY).create(make_product(ctx), "first")
    with pytest.raises(UserError, match="chưa được tiếp nhận"):
        print_dossier_form(ctx, d.row.id, "receipt", tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


def test_cli_prints_a_dossier_by_short_id(ctx: AppContext, tmp_path: Path) -> None:
    dossier = _received_dossier(ctx, tmp_path)
    out = tmp_path / "m1.pdf"
    assert (
        main(
            [
                "--data-dir",
                str(ctx.paths.data_dir),
                "print",
                "mau01",
                "--dossier",
                dossier[:8],
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert "Cà phê bột nguyên chất" in pdf_text(out)


def test_mau01_prints_what_was_typed_on_the_form(ctx: AppContext, tmp_path: Path) -> None:
    service = DossierService(ctx, today=TODAY)
    d = service.create(make_product(ctx), "first")
    service.save_section(
        d.row.id,
        "mau01",
        {"representative": "Trần Văn Bảo", "phone": "0987 000 111"},
        expected_revision=d.row.revision,
    )
    text = pdf_text(print_dossier_form(ctx, d.row.id, "mau01", tmp_path / "m.pdf"))
    assert "Trần Văn Bảo" in text and "0987 000 111" in text


def test_receipt_says_the_working_days_of_the_dossier_s_procedure(ctx: AppContext, tmp_path: Path) -> None:
    """The count comes from the rule set the dossier is pinned to; it is left out of the QR hash, so the
    slip hashes as it did before it carried the count (a reprint matches the paper)."""
    dossier = _received_dossier(ctx, tmp_path)
    data = dossier_form_data(ctx, dossier, "receipt")
    days = RuleService().procedure(DossierService(ctx).get(dossier).ruleset_id).commune_working_days
    assert data.commune_working_days == days == 15
    out = print_dossier_form(ctx, dossier, "receipt", tmp_path / "receipt.pdf")
    assert f"hoàn thành kiểm tra, đánh giá ({days} ngày làm việc)" in pdf_text(out)
    printed = parse_payload(decode_qr(out, 1)[0])
    assert printed["D"] == dossier and printed["R"] == str(data.ref.revision)
    assert printed["H"] == content_hash(replace(data, commune_working_days=None))[:SHORT_HASH_LEN]
    assert printed["H"] == content_hash(dossier_form_data(ctx, dossier, "receipt"))[:SHORT_HASH_LEN]


def test_blank_receipt_says_the_working_days_in_force(tmp_path: Path) -> None:
    days = RuleService().procedure().commune_working_days
    assert blank_receipt().commune_working_days == days
    assert (
        main(["--data-dir", str(tmp_path / "data"), "print", "receipt", "-o", str(tmp_path / "r.pdf")]) == 0
    )
    assert f"({days} ngày làm việc)" in pdf_text(tmp_path / "r.pdf")


def test_mau01_names_the_officer_who_received_it(ctx: AppContext, tmp_path: Path) -> None:
    """Issue 15: "Người tiếp nhận" stayed blank though the app knows who received the form."""
    dossier = _received_dossier(ctx, tmp_path)
    data = dossier_form_data(ctx, dossier, "mau01")
    assert data.commune_receipt.officer == "Nguyễn Văn An"  # the officer set up with the office
    assert "Nguyễn Văn An" in pdf_text(print_dossier_form(ctx, dossier, "mau01", tmp_path / "m.pdf"))


def test_a_receipt_whose_deadline_runs_into_an_unannounced_year_says_estimated(
    ctx: AppContext, tmp_path: Path
) -> None:
    service = DossierService(ctx, today=date(2026, 12, 18))
    d = service.create(make_product(ctx), "first")
    fill_producer_forms(service, d.row.id)
    provide_required(ctx, d.row.id, tmp_path / "scans")
    answer_everything(ctx, d.row.id)
    service.act(d.row.id, "mark_complete")
    service.act(d.row.id, "receive", on=date(2026, 12, 18))  # 15 working days: into January 2027
    row = service.get(d.row.id).row
    assert row.deadline is not None and row.deadline.year == 2027 and row.deadline_estimated
    text = " ".join(pdf_text(print_dossier_form(ctx, d.row.id, "receipt", tmp_path / "r.pdf")).split())
    assert f"{row.deadline:%d/%m/%Y} (dự kiến)" in text
