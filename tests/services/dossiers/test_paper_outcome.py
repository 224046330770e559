"""A province outcome recorded at the commune from a paper document: checked, recorded in the history
under the commune's name, kept on the commune's machine (never in a submission, where the province
would refuse it as `not_own_part`), and overtaken by the province's results package by the usual
sync rules (docs/sync-package.md §6, "Paper outcomes")."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from helpers.sync import TODAY, Pair, ready_dossier, resubmit
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.domain.paper_outcome import PaperDocument
from ocop_desktop.services.dossiers.paper import PaperOutcomeService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.results import ResultService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import Certificate, DossierEvent

LETTER = PaperDocument("125/SNNMT-PTNT", TODAY, "Trần Văn Hùng", "Bưu điện", "Bổ sung phiếu kiểm nghiệm.")


def sent(pair: Pair, tmp_path: Path) -> str:
    """A dossier the province has received (its receipt is back at the commune)."""
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    receipt = province.import_package(commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True).path)
    assert receipt.receipt_path is not None
    commune.import_package(receipt.receipt_path)
    return dossier_id


def paper_events(ctx) -> list[DossierEvent]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return list(s.scalars(select(DossierEvent).where(DossierEvent.note.contains("văn bản giấy"))))


def test_the_document_is_checked_and_the_step_must_be_open(pair: Pair, tmp_path: Path) -> None:
    dossier_id = sent(pair, tmp_path)
    paper = PaperOutcomeService(pair.commune, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        paper.record(dossier_id, "return", PaperDocument(" ", None, "", "", ""))
    assert set(refused.value.fields) == {"number", "signed_on", "signer", "received_via", "content"}
    future = PaperDocument("1/QĐ", TODAY + timedelta(days=1), "A", "Bưu điện", "")
    with pytest.raises(ValidationError, match="ở tương lai"):
        paper.record(dossier_id, "accept", future)
    with pytest.raises(UserError, match="không ghi nhận được"):
        paper.record(dossier_id, "decide", LETTER)  # not accepted yet
    with pytest.raises(UserError, match="Chỉ máy của xã"):
        PaperOutcomeService(pair.province, today=TODAY).record(dossier_id, "return", LETTER)
    assert DossierService(pair.commune).get(dossier_id).row.status == "sent" and not paper_events(
        pair.commune
    )


def test_a_paper_return_stays_local_and_the_corrected_dossier_is_not_refused(
    pair: Pair, tmp_path: Path
) -> None:
    dossier_id = sent(pair, tmp_path)
    InboxService(pair.province, today=TODAY).return_for_correction(dossier_id, "Bổ sung phiếu kiểm nghiệm.")
    detail = PaperOutcomeService(pair.commune, today=TODAY).record(dossier_id, "return", LETTER)
    assert detail.row.status == "returned" and detail.return_reasons == ""  # the reasons are the province's
    last = detail.events[-1]
    assert (last.action, last.on_paper) == ("return", True)
    assert "số 125/SNNMT-PTNT ngày" in last.note and "nhận qua: Bưu điện" in last.note
    assert "reopen" in detail.allowed_actions and detail.paper_outcomes == ()

    resubmit(pair.commune, dossier_id, "Đã bổ sung phiếu kiểm nghiệm.")
    again = PackageService(pair.commune).export_dossiers(pair.send("s2.ocoppkg"), pending=True)
    preview = PackageService(pair.province).preview(again.path)  # not refused: no province step inside
    # the province returned without sending its result: the existing rule keeps it for review
    assert [(d.outcome, d.reason) for d in preview.dossiers] == [
        (
            "conflicting",
            "Máy này có thay đổi chưa gửi đi (ví dụ: đã tiếp nhận hoặc trả lại) trùng lúc với bản gửi đến.",
        )
    ]
    PackageService(pair.province).import_package(again.path)
    assert not paper_events(pair.province) and len(paper_events(pair.commune)) == 1


def test_paper_acceptance_and_decision_are_overtaken_by_the_results_package(
    pair: Pair, tmp_path: Path
) -> None:
    dossier_id = sent(pair, tmp_path)
    InboxService(pair.province, today=TODAY).accept(dossier_id)
    ResultService(pair.province, today=TODAY).decide_outside_round(
        dossier_id, stars=4, decision_number="123/QĐ-UBND", decision_date=date(2026, 11, 20), total=80
    )
    results = PackageService(pair.province).export_dossiers(pair.send("r1.ocoppkg"), to="00070", pending=True)

    paper = PaperOutcomeService(pair.commune, today=TODAY)
    paper.record(dossier_id, "accept", PaperDocument("88/SNNMT", TODAY, "Trần Văn Hùng", "Trực tiếp", ""))
    decided = paper.record(
        dossier_id,
        "decide",
        PaperDocument("123/QĐ-UBND", date(2026, 11, 20), "Chủ tịch UBND tỉnh", "Bưu điện", ""),
    )
    assert decided.row.status == "decided" and [e.on_paper for e in decided.events[-2:]] == [True, True]
    with pair.commune.read() as s:
        assert s.scalars(select(Certificate)).first() is None  # certificates come only from the province

    imported = PackageService(pair.commune).import_package(results.path)
    assert [d.outcome for d in imported.preview.dossiers] == ["updated"]
    with pair.commune.read() as s:
        assert s.scalars(select(Certificate)).one().decision_number == "123/QĐ-UBND"
    events = DossierService(pair.commune).get(dossier_id).events
    assert sum(e.on_paper for e in events) == 2 and {"accept", "decide"} <= {
        e.action for e in events if not e.on_paper
    }
