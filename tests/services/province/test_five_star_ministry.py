"""5★ as QĐ 26/2026 reads it, on a real store: a product of ≥ 90 points whose council missed a 5★
floor is proposed to the ministry (Art. 7.3.e, points alone), with its floors shown; the ministry's
result is recorded on the proposal (5★: the ministry's certificate; 87 points: the province
recognises 4★ in its own decision citing the central result, Art. 7.4); the stricter reading (points
and floors) is a round setting pinned on the council result."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpers.pdf import pdf_text
from helpers.province import TODAY  # noqa: I001
from helpers.province import five_star_round as build_round
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.printing.api import render
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.councils import CouncilService
from ocop_desktop.services.province.ministry import CentralResultInput, MinistryResultService
from ocop_desktop.services.province.print_data import results_data
from ocop_desktop.services.province.results import DecisionInput, ResultService
from ocop_desktop.services.province.rounds import RoundService
from ocop_desktop.services.registry.certificates import CertificateService
from ocop_desktop.services.sync.proposal import FiveStarProposalService


def test_points_alone_propose_to_the_ministry_and_its_result_closes_the_entry(
    province_ctx: AppContext, tmp_path: Path
) -> None:
    ctx = province_ctx
    round_id, near, full = build_round(ctx)
    results = ResultService(ctx, today=TODAY)
    proposed = {e.dossier_id: e for e in results.propose(round_id)}
    assert (
        proposed[near].status == "proposed" and proposed[near].proposed_star == 5 and proposed[near].five_star
    )
    assert proposed[near].star == 4  # the council's own star stays shown
    assert proposed[near].unmet_floors == ("7 (5★)",) and proposed[full].unmet_floors == ()
    assert [e.dossier_id for e in results.five_star_candidates(round_id)] == [near, full]
    [near_proposal, _] = results.five_star_proposal(round_id)
    assert near_proposal.council_result["five_star_rule"] == "points"
    assert near_proposal.council_result["ruleset"]["id"] == "qd26-2026"  # the rule set stays pinned
    assert near_proposal.council_result["floors"]["5"] == {"met": False, "unmet": ["7"]}

    # the proposal package to the ministry shows each product's floors
    check = FiveStarProposalService(ctx).verify(
        FiveStarProposalService(ctx).export(round_id, tmp_path / "5.ocoppkg").path
    )
    assert [(p.star, p.unmet_floors) for p in check.products] == [(5, ("7 (5★)",)), (5, ())]

    # the province's decision takes neither: both wait for the ministry
    with pytest.raises(UserError, match="chưa có sản phẩm nào"):
        results.decide(round_id, DecisionInput("7/QĐ-UBND", TODAY, "Nguyễn Văn Chủ"))

    ministry = MinistryResultService(ctx, today=TODAY)
    before = ministry.review(near)
    with pytest.raises(ValidationError) as bad:  # 87 points cannot be 5★: nothing is written
        ministry.record(round_id, near, CentralResultInput("45/QĐ-BNNMT", date(2026, 11, 10), 5, 87))
    assert "stars" in bad.value.fields and ministry.review(near) == before

    row = ministry.record(round_id, near, CentralResultInput("45/QĐ-BNNMT", date(2026, 11, 10), 4, 87))
    assert row.status == "central_result" and (row.central_stars, row.central_total) == (4, 87)
    assert RoundService(ctx).progress(round_id).aggregated == 2  # a closed result still counts as done
    with pytest.raises(UserError):  # closed: recorded once
        ministry.record(round_id, near, CentralResultInput("46/QĐ-BNNMT", date(2026, 11, 10), 4, 87))

    five = ministry.record(round_id, full, CentralResultInput("45/QĐ-BNNMT", date(2026, 11, 10), 5, 96))
    assert five.status == "decided" and five.certificate_id
    [cert] = CertificateService(ctx, today=TODAY).history(five.product_id)
    assert (cert.stars, cert.issuing_level, cert.decision_number, cert.total) == (
        5,
        "ministry",
        "45/QĐ-BNNMT",
        96,
    )
    assert cert.issuer == "Bộ Nông nghiệp và Môi trường"
    assert DossierService(ctx).get(full).row.status == "decided"
    assert results.five_star_candidates(round_id) == []

    # Art. 7.4: the province recognises 4★ from the central result, in its own decision
    outcome = results.decide(round_id, DecisionInput("1300/QĐ-UBND", TODAY, "Nguyễn Văn Chủ"))
    assert [e.dossier_id for e in outcome.entries] == [near]
    [four] = outcome.certificates
    assert (four.stars, four.issuing_level, four.total, four.decision_number) == (
        4,
        "province",
        87,
        "1300/QĐ-UBND",
    )
    detail = DossierService(ctx).get(near)
    assert detail.row.status == "decided"
    assert (
        "Hội đồng cấp trung ương (87 điểm, văn bản số 45/QĐ-BNNMT ngày 10/11/2026" in detail.events[-1].note
    )
    assert any("đạt 4 sao" in line and "Điều 7.4" in line for line in detail.five_star)
    assert any("chưa đạt 7 (5★)" in line for line in detail.five_star)
    # the printed list of the decision gives the central points and star, and cites the central result
    text = " ".join(
        pdf_text(render("results", results_data(ctx, outcome.decision.id), tmp_path / "r.pdf")).split()
    )
    assert "Hội đồng cấp trung ương: 87 điểm, văn bản số 45/QĐ-BNNMT ngày 10/11/2026" in text
    assert "4 sao" in text and "87" in text


def test_a_central_result_that_recognises_nothing_leaves_nothing_for_the_province(
    province_ctx: AppContext,
) -> None:
    ctx = province_ctx
    round_id, near, _full = build_round(ctx)
    ResultService(ctx, today=TODAY).propose(round_id)
    row = MinistryResultService(ctx, today=TODAY).record(
        round_id, near, CentralResultInput("50/BNNMT-VPĐP", date(2026, 11, 12), 0, 68)
    )
    assert row.status == "central_result" and row.central_stars == 0
    with pytest.raises(UserError, match="không đánh giá đạt 3 hoặc 4 sao"):
        ResultService(ctx, today=TODAY).decide(round_id, DecisionInput("8/QĐ-UBND", TODAY, "A"), [near])
    assert DossierService(ctx).get(near).row.status == "accepted"


def test_the_stricter_reading_is_a_round_setting_pinned_on_the_result(province_ctx: AppContext) -> None:
    ctx = province_ctx
    round_id, near, full = build_round(ctx, five_star_rule="points_and_floors")
    assert RoundService(ctx).get(round_id).row.five_star_rule == "points_and_floors"
    proposed = {e.dossier_id: e for e in ResultService(ctx, today=TODAY).propose(round_id)}
    assert (proposed[near].proposed_star, proposed[near].five_star) == (4, False)  # the province's 4★
    assert (proposed[full].proposed_star, proposed[full].five_star) == (5, True)
    [proposal] = ResultService(ctx, today=TODAY).five_star_proposal(round_id)
    assert proposal.council_result["five_star_rule"] == "points_and_floors"
    with pytest.raises(UserError):  # a round with results proposed keeps its rules
        CouncilService(ctx).configure(round_id, five_star_rule="points")


def test_withdrawing_a_five_star_proposal_removes_its_review(province_ctx: AppContext) -> None:
    ctx = province_ctx
    round_id, near, _full = build_round(ctx)
    results = ResultService(ctx, today=TODAY)
    results.propose(round_id)
    assert MinistryResultService(ctx).review(near) is not None
    assert results.withdraw_proposal(round_id, near).status == "aggregated"
    assert MinistryResultService(ctx).review(near) is None
