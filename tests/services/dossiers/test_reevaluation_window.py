"""A re-evaluation against the law's dates (QĐ 26/2026 Art. 7.6, 12.3): the filing window checked when
the dossier is created and received, the grace of an expired certificate, the province's 45 days, and
a commune deadline over a year whose holidays are not official yet."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from helpers.builders import TODAY, answer_everything, fill_producer_forms, make_product, provide_required
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.reevaluation import OutsideFilingWindow
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.reports import ProvinceReportService
from ocop_desktop.services.registry.certificates import CertificateInput, CertificateService
from ocop_desktop.store.models import DossierEvent

# decided 01/02/2024 under QĐ 148: valid until 01/02/2027; window 05/08/2026 – 04/10/2026
DECIDED = date(2024, 2, 1)


def certified(ctx: AppContext, decided: date = DECIDED, basis: str = "qd148-2023") -> str:
    product = make_product(ctx)
    CertificateService(ctx, today=TODAY).add(
        CertificateInput(product, 4, "7/QĐ-UBND", decided, "province", basis)
    )
    return product


def test_in_the_window_no_reason_is_asked(ctx: AppContext) -> None:
    product = certified(ctx)
    d = DossierService(ctx, today=date(2026, 8, 5)).create(product, "reevaluation")  # the first day
    r = d.reevaluation
    assert r is not None and r.filing_override == "" and r.valid_until == date(2027, 2, 1)
    assert (r.window_opens, r.window_closes, r.grace_until) == (
        date(2026, 8, 5),
        date(2026, 10, 4),
        date(2027, 7, 31),
    )
    assert r.completion_days == 45 and r.completion_deadline is None  # the province has not received it


def test_too_early_is_refused_and_writes_nothing(ctx: AppContext) -> None:
    product = certified(ctx, date(2026, 6, 15), "qd26-2026")  # valid until 15/06/2029
    service = DossierService(ctx, today=date(2026, 12, 1))  # two and a half years before expiry
    with pytest.raises(OutsideFilingWindow) as info:
        service.create(product, "reevaluation")
    assert "17/12/2028" in info.value.message and "15/02/2029" in info.value.message
    assert "ghi lý do" in info.value.message
    assert service.search() == []
    with pytest.raises(OutsideFilingWindow):
        service.create(product, "reevaluation", filing_override="   ")
    d = service.create(product, "reevaluation", filing_override="Tỉnh đề nghị đánh giá sớm")
    assert d.reevaluation is not None and d.reevaluation.filing_override == "Tỉnh đề nghị đánh giá sớm"
    # filed early is not filed late: no grace once the certificate expires (Art. 12.3 is for late filings)
    assert CertificateService(ctx, today=date(2029, 6, 16)).history(product)[0].state == "expired"


def test_the_last_day_of_the_window_and_the_day_after(ctx: AppContext) -> None:
    product = certified(ctx)
    DossierService(ctx, today=date(2026, 10, 4)).create(product, "reevaluation")
    with pytest.raises(OutsideFilingWindow, match="quá thời hạn nộp 1 ngày"):
        DossierService(ctx, today=date(2026, 10, 5)).create(product, "reevaluation", allow_duplicate=True)


def test_an_expired_certificate_keeps_its_grace_when_filed_late(ctx: AppContext) -> None:
    product = certified(ctx)
    service = DossierService(ctx, today=date(2027, 3, 1))  # a month after expiry
    with pytest.raises(OutsideFilingWindow, match="khoản 3 Điều 12"):
        service.create(product, "reevaluation")
    d = service.create(product, "reevaluation", filing_override="Chủ thể không nộp kịp")
    assert d.base_certificate_id is not None
    current = CertificateService(ctx, today=date(2027, 3, 1)).current(product)
    assert current is not None and current.state == "grace" and current.valid_through == date(2027, 7, 31)
    # the province's expiry list shows it in force, at most until the grace ends
    for include_expired in (True, False):
        (row,) = ProvinceReportService(ctx, today=date(2027, 3, 1)).expiring(include_expired=include_expired)
        assert row.state == "grace" and row.valid_through == date(2027, 7, 31)
    # past the grace the certificate is gone, whatever the dossier
    assert CertificateService(ctx, today=date(2027, 8, 1)).current(product) is None
    assert ProvinceReportService(ctx, today=date(2027, 8, 1)).expiring()[0].state == "expired"


def test_past_the_grace_there_is_nothing_to_re_evaluate(ctx: AppContext) -> None:
    product = certified(ctx)
    with pytest.raises(UserError, match="đánh giá lần đầu") as info:
        DossierService(ctx, today=date(2027, 8, 1)).create(product, "reevaluation", filing_override="x")
    assert "31/07/2027" in info.value.message


def test_receiving_outside_the_window_needs_a_reason(ctx: AppContext, tmp_path: Path) -> None:
    product = certified(ctx)
    service = DossierService(ctx, today=date(2026, 10, 10))
    d = DossierService(ctx, today=date(2026, 9, 1)).create(product, "reevaluation")
    fill_producer_forms(service, d.row.id)
    answer_everything(ctx, d.row.id)
    provide_required(ctx, d.row.id, tmp_path)
    service.act(d.row.id, "mark_complete")
    with pytest.raises(ValidationError) as info:
        service.act(d.row.id, "receive", on=date(2026, 10, 10))
    assert "04/10/2026" in info.value.fields["note"] and "Ghi chú" in info.value.fields["note"]
    assert service.get(d.row.id).row.status == "complete"
    done = service.act(d.row.id, "receive", on=date(2026, 10, 10), note="Chủ thể bổ sung hồ sơ muộn")
    assert done.row.status == "received" and done.events[-1].note == "Chủ thể bổ sung hồ sơ muộn"
    assert done.reevaluation is not None and done.reevaluation.filing_override == "Chủ thể bổ sung hồ sơ muộn"


def test_the_provinces_45_days_run_from_its_receipt(ctx: AppContext) -> None:
    product = certified(ctx)
    d = DossierService(ctx, today=date(2026, 9, 1)).create(product, "reevaluation")
    with ctx.sessions.begin() as s:  # the province accepted it on 10/10/2026, 23:30 in Hà Nội
        at = datetime(2026, 10, 10, 16, 30, tzinfo=UTC)
        s.add(
            DossierEvent(
                dossier_id=d.row.id, action="accept", from_status="sent", to_status="accepted", at=at
            )
        )
    r = DossierService(ctx).get(d.row.id).reevaluation
    assert r is not None and r.province_received_on == date(2026, 10, 10)
    assert r.completion_deadline == date(2026, 11, 24)


def test_a_deadline_over_a_year_not_yet_official_is_an_estimate(ctx: AppContext, tmp_path: Path) -> None:
    service = DossierService(ctx, today=date(2027, 4, 12))
    d = service.create(make_product(ctx), "first")
    fill_producer_forms(service, d.row.id)
    answer_everything(ctx, d.row.id)
    provide_required(ctx, d.row.id, tmp_path)
    service.act(d.row.id, "mark_complete")
    done = service.act(d.row.id, "receive", on=date(2027, 4, 12))
    assert done.row.deadline == date(2027, 5, 6)  # Giỗ Tổ 16/04/2027, 30/04 and 03/05 off
    assert done.row.deadline_estimated
    assert done.reevaluation is None
