"""A province round end to end on a real store: inbox → round → 7-member council → member sheets →
aggregation (mean, spread failure and re-score) → proposals → decision → certificates → expiry."""

from __future__ import annotations

from datetime import UTC, date, timedelta, timezone
from fractions import Fraction

import pytest
from sqlalchemy import select

from helpers.province import TODAY, answers_for, council, sent_dossier, sheet_of  # noqa: I001
from ocop_desktop.domain.errors import ValidationError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.print_data import certificate_data
from ocop_desktop.services.province.reports import ProvinceReportService
from ocop_desktop.services.province.results import DecisionInput, ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.store.models import Dossier, DossierEvent, EvaluationRound


def _score_all(
    ctx: AppContext,
    round_id: str,
    dossier_id: str,
    members: list[str],
    totals: list[int],
    keep_floors: int = 4,
) -> None:
    sheet = sheet_of()
    for member, total in zip(members, totals, strict=True):
        MemberScoreService(ctx).enter(
            round_id, dossier_id, member, answers_for(sheet, total, keep_floors=keep_floors)
        )


def test_inbox_accept_and_return(province_ctx: AppContext) -> None:
    ids = [sent_dossier(province_ctx, name) for name in ("Cà phê Mộc", "Cà phê Sữa", "Cà phê Rang")]
    inbox = InboxService(province_ctx, today=TODAY)
    rows = inbox.rows()
    assert [r.status for r in rows] == ["sent"] * 3
    assert {r.suggested_round for r in rows} == {"Đợt 2/2026"}  # forwarded 15/10, before the 30/10 cut-off
    assert rows[0].forwarded_on == date(2026, 10, 15) and rows[0].commune_name

    inbox.accept(ids[0])
    inbox.accept(ids[1])
    with pytest.raises(ValidationError):
        inbox.return_for_correction(ids[2], "   ")
    assert DossierService(province_ctx).get(ids[2]).row.status == "sent"
    detail = inbox.return_for_correction(
        ids[2], "Thiếu giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm."
    )
    assert detail.row.status == "returned" and detail.return_reasons.startswith("Thiếu giấy")
    assert detail.events[-1].action == "return" and detail.events[-1].officer_id == province_ctx.officer_id
    assert [r.status for r in inbox.rows("accepted")] == ["accepted", "accepted"]


def test_an_accepted_re_evaluation_shows_the_provinces_45_days(province_ctx: AppContext) -> None:
    first, again = (sent_dossier(province_ctx, name) for name in ("Cà phê Mộc", "Cà phê Lại"))
    with province_ctx.unit_of_work() as s:  # as a re-evaluation arrives (its window is the commune's check)
        s.get(Dossier, again).registration_type = "reevaluation"
    inbox = InboxService(province_ctx, today=TODAY)
    assert all(r.reevaluation_due is None for r in inbox.rows())  # not received by the province yet
    inbox.accept(first)
    inbox.accept(again)
    due = {r.dossier_id: r.reevaluation_due for r in inbox.rows("accepted")}
    with province_ctx.read() as s:
        at = s.scalars(
            select(DossierEvent.at).where(DossierEvent.dossier_id == again, DossierEvent.action == "accept")
        ).one()
    accepted_on = at.replace(tzinfo=at.tzinfo or UTC).astimezone(timezone(timedelta(hours=7))).date()
    assert due == {first: None, again: accepted_on + timedelta(days=45)}  # Art. 7.6.g


def test_a_round_s_council_rules_start_from_the_procedure(province_ctx: AppContext) -> None:
    """The store has no default that restates the law: the service writes the procedure's numbers."""
    procedure = RuleService().procedure(on=TODAY)
    row = RoundService(province_ctx, today=TODAY).create(RoundInput(2026, 2)).row
    assert (row.max_spread, Fraction(row.quorum), row.chair_required) == (
        procedure.council_max_spread,
        procedure.council_quorum,
        procedure.council_chair_required,
    )
    columns = EvaluationRound.__table__.c
    assert [columns[c].default for c in ("max_spread", "quorum", "chair_required")] == [None] * 3


def test_round_from_assignment_to_certificates(province_ctx: AppContext) -> None:
    ctx = province_ctx
    names = ["Cà phê Bốn Sao", "Cà phê Chấm Lại", "Cà phê Hai Sao", "Cà phê Năm Sao"]
    ids = [sent_dossier(ctx, n) for n in names]
    for d in ids:
        InboxService(ctx, today=TODAY).accept(d)
    four, rescored, two, five = ids

    rounds = RoundService(ctx, today=TODAY)
    rnd = rounds.create(RoundInput(2026, council_name="Hội đồng đánh giá, phân hạng sản phẩm OCOP thành phố"))
    assert (rnd.row.number, rnd.row.cutoff, rnd.row.finish, rnd.row.extra) == (
        1,
        date(2026, 4, 30),
        date(2026, 6, 30),
        False,
    )
    rnd = rounds.create(RoundInput(2026, 2))
    assert (rnd.row.cutoff, rnd.row.finish, rnd.row.label) == (
        date(2026, 10, 30),
        date(2026, 12, 30),
        "Đợt 2/2026",
    )
    round_id = rnd.row.id
    members = council(ctx, round_id)
    assert len(members) == 7
    entries = rounds.assign(round_id, ids)
    assert [e.seq for e in entries] == [1, 2, 3, 4] and {e.status for e in entries} == {"assigned"}
    assert {r.round_label for r in InboxService(ctx).rows("accepted")} == {"Đợt 2/2026"}

    _score_all(ctx, round_id, four, members, [74, 76, 75, 73, 77, 75, 75])
    _score_all(ctx, round_id, rescored, members, [60, 62, 75, 61, 60, 63, 62])
    _score_all(ctx, round_id, two, members, [44, 45, 46, 45, 44, 46, 45])
    _score_all(ctx, round_id, five, members, [95, 94, 96, 95, 93, 97, 95], keep_floors=5)
    assert rounds.progress(round_id).scored == 4

    done = AggregationService(ctx).aggregate_round(round_id)
    assert not done.skipped
    by = {a.entry.dossier_id: a for a in done.done}
    assert (
        by[four].result.mean_total == 75
        and by[four].result.star == 4
        and by[four].entry.status == "aggregated"
    )
    assert by[five].result.star == 5 and by[two].result.star == 2
    bad = by[rescored]
    assert bad.entry.status == "needs_rescore" and bad.result.spread == 15 and not bad.result.valid
    assert bad.outliers.members == {members[2]}  # TV3's 75 is furthest from the mean
    assert "chấm lại" in bad.result.problems[0]

    # re-score: TV3 revises, the council aggregates again; the history keeps the earlier totals
    MemberScoreService(ctx).enter(round_id, rescored, members[2], answers_for(sheet_of(), 64))
    again = AggregationService(ctx).aggregate(round_id, rescored)
    assert again.entry.status == "aggregated" and again.result.spread == 4
    assert again.result.mean_total == Fraction(60 + 62 + 64 + 61 + 60 + 63 + 62, 7)
    assert again.entry.rescore_count == 1
    entry_history = _history(ctx, round_id, rescored)
    assert [h["event"] for h in entry_history if h["event"] != "sheet"] == ["aggregated", "aggregated"]
    assert next(h for h in entry_history if h["event"] == "aggregated")["totals"]["TV3"] == 75
    revised = [h for h in entry_history if h["event"] == "sheet" and h["member_label"] == "TV3"]
    assert (revised[-1]["previous_total"], revised[-1]["total"]) == (75, 64)

    results = ResultService(ctx, today=TODAY)
    proposed = {e.dossier_id: e for e in results.propose(round_id)}
    assert proposed[four].status == "proposed" and proposed[four].proposed_star == 4
    assert proposed[rescored].proposed_star == 3
    assert proposed[two].status == "not_recognised"
    assert proposed[five].five_star and [e.dossier_id for e in results.five_star_candidates(round_id)] == [
        five
    ]
    [proposal] = results.five_star_proposal(round_id)
    assert proposal.council_result["star"] == 5 and len(proposal.council_result["totals"]) == 7

    outcome = results.decide(
        round_id, DecisionInput("1234/QĐ-UBND", TODAY, "Nguyễn Văn Chủ", signer_title="Phó Chủ tịch")
    )
    assert outcome.decision.issuer == "Ủy ban nhân dân thành phố Hà Nội"
    drafts = certificate_data(ctx, outcome.decision.id)
    assert {c.signed.place for c in drafts} == {"Thành phố Hà Nội"}  # the place of the signature line
    assert {e.dossier_id for e in outcome.entries} == {four, rescored}
    assert sorted(c.stars for c in outcome.certificates) == [3, 4]
    assert {c.valid_until for c in outcome.certificates} == {date(2029, 11, 20)}  # 36 months from 20/11/2026
    assert all(
        c.issuing_level == "province" and c.decision_number == "1234/QĐ-UBND" for c in outcome.certificates
    )
    decided = DossierService(ctx).get(four)
    assert decided.row.status == "decided" and decided.events[-1].action == "decide"
    assert "1234/QĐ-UBND" in decided.events[-1].note
    assert DossierService(ctx).get(five).row.status == "accepted"  # goes to the ministry

    progress = rounds.progress(round_id)
    assert (
        progress.assigned,
        progress.aggregated,
        progress.proposed,
        progress.not_recognised,
        progress.decided,
    ) == (4, 4, 1, 1, 2)

    expiring = ProvinceReportService(ctx, today=date(2029, 6, 1)).expiring()
    assert {r.product_name for r in expiring} == {"Cà phê Bốn Sao", "Cà phê Chấm Lại"}
    assert all(r.state == "expiring" and r.days_left == 172 and r.window_open for r in expiring)
    expired = ProvinceReportService(ctx, today=date(2030, 1, 1)).expiring()
    assert {r.state for r in expired} == {"expired"}
    assert ProvinceReportService(ctx, today=TODAY).expiring() == []

    outcomes = {o.dossier_id: o for o in ProvinceReportService(ctx).commune_outcomes(commune_code="00070")}
    assert outcomes[four].decision_number == "1234/QĐ-UBND" and outcomes[four].star == 4
    assert outcomes[two].entry_status == "not_recognised" and outcomes[two].star == 2
    assert outcomes[five].star is None  # not final at the province


def _history(ctx: AppContext, round_id: str, dossier_id: str) -> list[dict]:  # type: ignore[type-arg]
    from sqlalchemy import select

    from ocop_desktop.store.models.province import RoundEntry

    with ctx.read() as s:
        return list(
            s.scalars(
                select(RoundEntry.history).where(
                    RoundEntry.round_id == round_id, RoundEntry.dossier_id == dossier_id
                )
            ).one()
        )


def test_expiry_view_leaves_out_replaced_certificates_and_shows_renewals(province_ctx: AppContext) -> None:
    from ocop_desktop.services.registry.certificates import CertificateInput, CertificateService

    ctx = province_ctx
    old_product = DossierService(ctx).get(sent_dossier(ctx, "Cà phê Cũ")).row.product_id
    renewed_product = DossierService(ctx).get(sent_dossier(ctx, "Cà phê Gia Hạn")).row.product_id
    certs = CertificateService(ctx, today=TODAY)
    certs.add(CertificateInput(old_product, 3, "5/QĐ-UBND", date(2023, 6, 1), "province", "qd148-2023"))
    certs.add(CertificateInput(old_product, 4, "6/QĐ-UBND", date(2025, 12, 1), "province", "qd148-2023"))
    expiring = certs.add(
        CertificateInput(renewed_product, 3, "7/QĐ-UBND", date(2024, 2, 1), "province", "qd148-2023")
    )
    # filed after the window closed (4/10/2026): only with a reason (QĐ 26/2026 Art. 7.6.a, 12.3)
    renewal = DossierService(ctx, today=TODAY).create(
        renewed_product, "reevaluation", filing_override="Chủ thể ốm, nộp muộn"
    )
    rows = ProvinceReportService(ctx, today=TODAY).expiring()
    by_number = {r.decision_number: r for r in rows}
    assert "5/QĐ-UBND" not in by_number  # replaced by the 2025 certificate, which is far from expiry
    row = by_number["7/QĐ-UBND"]
    assert (
        row.certificate_id == expiring.id and row.valid_until == date(2027, 2, 1) and row.state == "expiring"
    )
    assert not row.window_open and row.reevaluation_closes == date(2026, 10, 4)  # 120 days before expiry
    assert row.reevaluation_dossier_id == renewal.row.id
    assert ProvinceReportService(ctx, today=TODAY).expiring(30) == []
