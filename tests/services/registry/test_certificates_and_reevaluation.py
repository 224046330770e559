from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from helpers.builders import TODAY, answer_everything, make_product  # noqa: I001
from ocop_desktop.domain.errors import ValidationError
from ocop_desktop.main import main
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.registry.certificates import CertificateInput, CertificateService


def test_legacy_district_certificate_under_qd148(ctx: AppContext) -> None:
    product = make_product(ctx)
    service = CertificateService(ctx, today=TODAY)
    cert = service.add(
        CertificateInput(
            product,
            3,
            "1234/QĐ-UBND",
            date(2024, 3, 1),
            "district",
            "qd148-2023",
            issuer="UBND huyện Đông Anh",
        )
    )
    assert cert.valid_until == date(2027, 3, 1)  # BLDS 2015 Art. 147-148: the corresponding day
    assert cert.ruleset_label == "QĐ 148/QĐ-TTg (2023)"
    assert cert.state == "expiring"  # the re-evaluation window opened on 1/9/2026
    assert CertificateService(ctx, today=date(2026, 6, 1)).current(product).state == "valid"  # type: ignore[union-attr]
    assert CertificateService(ctx, today=date(2026, 10, 1)).current(product).state == "expiring"  # type: ignore[union-attr]
    assert CertificateService(ctx, today=date(2027, 3, 2)).history(product)[0].state == "expired"


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"stars": 2}, "stars"),
        ({"issuing_level": "district", "decision_date": date(2025, 8, 1)}, "issuing_level"),
        (
            {
                "issuing_level": "district",
                "stars": 4,
                "ruleset_id": "qd148-2023",
                "decision_date": date(2024, 5, 2),
            },
            "stars",
        ),
        ({"decision_date": date(2030, 1, 1)}, "decision_date"),
        ({"decision_number": " "}, "decision_number"),
        ({"decision_date": date(2024, 5, 2)}, "ruleset_id"),  # QĐ 26/2026 is in force from 22/05/2026
        ({"decision_date": date(2026, 5, 21)}, "ruleset_id"),
    ],
)
def test_bad_certificates_are_refused(ctx: AppContext, over: dict[str, object], field: str) -> None:
    base = dict(
        product_id=make_product(ctx),
        stars=4,
        decision_number="56/QĐ-UBND",
        decision_date=date(2026, 6, 30),
        issuing_level="province",
        ruleset_id="qd26-2026",
    )
    base.update(over)
    with pytest.raises(ValidationError) as info:
        CertificateService(ctx, today=TODAY).add(CertificateInput(**base))  # type: ignore[arg-type]
    assert field in info.value.fields
    assert CertificateService(ctx, today=TODAY).history(str(base["product_id"])) == []


def test_reevaluation_starts_from_the_previous_dossier(ctx: AppContext) -> None:
    product = make_product(ctx)
    dossiers = DossierService(ctx, today=TODAY)
    first = dossiers.create(product, "first")
    dossiers.save_section(
        first.row.id, "mau02_part4", {"plan": "Kế hoạch cũ"}, expected_revision=first.row.revision
    )
    answer_everything(ctx, first.row.id)
    CertificateService(ctx, today=TODAY).add(
        CertificateInput(
            product, 4, "99/QĐ-UBND", date(2024, 1, 10), "province", "qd148-2023", dossier_id=first.row.id
        )
    )
    # valid until 10/01/2027: the window closed on 12/09/2026, so a reason is needed (Art. 7.6.a)
    again = dossiers.create(product, "reevaluation", filing_override="Chủ thể nộp muộn")
    assert again.reevaluation is not None and again.reevaluation.filing_override == "Chủ thể nộp muộn"
    assert again.previous_dossier_id == first.row.id
    assert again.base_certificate_id is not None
    assert again.forms["mau02_part4"]["plan"] == "Kế hoạch cũ"
    assert again.forms["mau03"] == {}
    assert (
        SelfAssessmentService(ctx).load(again.row.id).answers
        == SelfAssessmentService(ctx).load(first.row.id).answers
    )
    assert again.ruleset_id == "qd26-2026"  # new rules, even though the certificate was under QĐ 148


def test_cli_dossiers_list_json(ctx: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    DossierService(ctx).create(make_product(ctx), "first")
    assert main(["--data-dir", str(ctx.paths.data_dir), "dossiers", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1
    assert rows[0]["product"] == "Cà phê bột nguyên chất"
    assert rows[0]["producer"] == "Hợp tác xã Cà phê Hoàn Kiếm"
    assert rows[0]["type"] == "first" and rows[0]["status"] == "draft" and rows[0]["deadline"] is None
    assert set(rows[0]) >= {"id", "product", "producer", "type", "status", "deadline"}


def test_cli_reports_user_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["--data-dir", str(tmp_path), "init", "--role", "commune", "--unit", "99999", "--officer", "A"])
        == 2
    )
    assert "Không có đơn vị hành chính mã “99999”" in capsys.readouterr().err


def test_the_issuing_body_is_the_one_of_the_decision_date(ctx: AppContext) -> None:
    product = make_product(ctx)
    service = CertificateService(ctx, today=TODAY)
    old = service.add(CertificateInput(product, 5, "1/QĐ-BNN", date(2022, 9, 1), "ministry", "qd1048-2019"))
    new = service.add(CertificateInput(product, 5, "2/QĐ-BNNMT", date(2025, 3, 1), "ministry", "qd148-2023"))
    assert old.issuing_label == "Bộ Nông nghiệp và Phát triển nông thôn"
    assert new.issuing_label == "Bộ Nông nghiệp và Môi trường"
    on_first_day = service.add(
        CertificateInput(product, 4, "3/QĐ-UBND", date(2026, 5, 22), "province", "qd26-2026")
    )
    assert on_first_day.valid_until == date(2029, 5, 22)
