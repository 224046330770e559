"""Every dossier form prints filled from the record (read back with pypdf)."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers.builders import TODAY, answer_everything, fill_producer_forms, make_product, provide_required  # noqa: I001
from ocop_desktop.domain.errors import UserError
from ocop_desktop.main import main
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.print_data import DOSSIER_FORMS, print_dossier_form
from ocop_desktop.services.dossiers.service import DossierService


def _text(path: Path) -> str:
    return unicodedata.normalize("NFC", " ".join(p.extract_text() or "" for p in PdfReader(path).pages))


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
    text = _text(out)
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
    assert "Cà phê bột nguyên chất" in _text(out)


def test_mau01_prints_what_was_typed_on_the_form(ctx: AppContext, tmp_path: Path) -> None:
    service = DossierService(ctx, today=TODAY)
    d = service.create(make_product(ctx), "first")
    service.save_section(
        d.row.id,
        "mau01",
        {"representative": "Trần Văn Bảo", "phone": "0987 000 111"},
        expected_revision=d.row.revision,
    )
    text = _text(print_dossier_form(ctx, d.row.id, "mau01", tmp_path / "m.pdf"))
    assert "Trần Văn Bảo" in text and "0987 000 111" in text
