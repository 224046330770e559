"""Bad input at the province gives a clear message and changes nothing; quorum and attendance rules."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from helpers.province import TODAY, answers_for, council, sent_dossier, sheet_of  # noqa: I001
from ocop_desktop.domain.errors import NotFoundError, UserError, ValidationError
from ocop_desktop.domain.rules.errors import ScoringError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.councils import CouncilService, MemberInput
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.results import DecisionInput, ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.registry.certificates import CertificateInput, CertificateService
from ocop_desktop.store.models import Certificate, Dossier, DossierEvent, ScoreSheet
from ocop_desktop.store.models.province import CouncilMember, RecognitionDecision, RoundEntry


def _snapshot(ctx: AppContext) -> dict[str, Any]:
    with ctx.read() as s:
        return {
            "counts": [
                s.scalar(select(func.count()).select_from(m))
                for m in (
                    ScoreSheet,
                    Certificate,
                    RecognitionDecision,
                    DossierEvent,
                    CouncilMember,
                    RoundEntry,
                )
            ],
            "entries": sorted((e.dossier_id, e.status, e.revision) for e in s.scalars(select(RoundEntry))),
            "dossiers": sorted((d.id, d.status, d.revision) for d in s.scalars(select(Dossier))),
            "sheets": sorted((x.id, x.revision) for x in s.scalars(select(ScoreSheet))),
        }


@pytest.fixture
def scored_round(province_ctx: AppContext) -> dict[str, Any]:
    """A round with three proposed dossiers (4★, 2★, 5★), one unassigned accepted dossier."""
    ctx = province_ctx
    ids = [sent_dossier(ctx, n) for n in ("Cà phê Bốn", "Cà phê Hai", "Cà phê Năm", "Cà phê Ngoài")]
    for d in ids:
        InboxService(ctx, today=TODAY).accept(d)
    round_id = RoundService(ctx).create(RoundInput(2026, 2)).row.id
    members = council(ctx, round_id)
    RoundService(ctx).assign(round_id, ids[:3])
    sheet = sheet_of()
    for d, total, floors in ((ids[0], 78, 4), (ids[1], 40, 4), (ids[2], 94, 5)):
        for m in members:
            MemberScoreService(ctx).enter(round_id, d, m, answers_for(sheet, total, keep_floors=floors))
    AggregationService(ctx).aggregate_round(round_id)
    ResultService(ctx, today=TODAY).propose(round_id)
    return {
        "ctx": ctx,
        "round": round_id,
        "members": members,
        "four": ids[0],
        "two": ids[1],
        "five": ids[2],
        "outside": ids[3],
    }


def test_bad_sheets_are_refused_and_change_nothing(scored_round: dict[str, Any]) -> None:
    ctx, round_id, members = scored_round["ctx"], scored_round["round"], scored_round["members"]
    other = RoundService(ctx).create(
        RoundInput(2026, 3, cutoff=date(2026, 11, 30), finish=date(2026, 12, 20))
    )
    other_member = CouncilService(ctx).add_member(other.row.id, MemberInput("Người Khác", "chair"))
    fresh = sent_dossier(ctx, "Cà phê Mới")
    InboxService(ctx, today=TODAY).accept(fresh)
    RoundService(ctx).assign(round_id, [fresh])
    before = _snapshot(ctx)
    scores = MemberScoreService(ctx)
    good = answers_for(sheet_of(), 70)
    with pytest.raises(NotFoundError, match="Không có thành viên"):
        scores.enter(round_id, fresh, "no-such-member", good)
    with pytest.raises(NotFoundError, match="Không có thành viên"):
        scores.enter(round_id, fresh, other_member.id, good)  # a member of another round's council
    with pytest.raises(UserError, match="không thuộc Đợt 2/2026"):
        scores.enter(round_id, scored_round["outside"], members[0], good)
    with pytest.raises(ScoringError) as info:
        scores.enter(round_id, fresh, members[0], {**good, "1.1": 9, "99.9": 0})
    assert info.value.out_of_range == ("1.1",) and info.value.unknown == ("99.9",)
    with pytest.raises(ScoringError, match="còn thiếu"):
        scores.enter(round_id, fresh, members[0], {k: v for k, v in good.items() if k != "2.1"})
    secretary = CouncilService(ctx).find_member(round_id, "TV8")
    with pytest.raises(UserError, match="thư ký"):
        scores.enter(round_id, fresh, secretary.id, good)
    with pytest.raises(UserError, match="Đã đề nghị công nhận"):
        scores.enter(round_id, scored_round["four"], members[0], good)  # result already proposed
    assert _snapshot(ctx) == before


def test_bad_decisions_are_refused_and_change_nothing(scored_round: dict[str, Any]) -> None:
    ctx, round_id = scored_round["ctx"], scored_round["round"]
    results = ResultService(ctx, today=TODAY)
    before = _snapshot(ctx)
    with pytest.raises(ValidationError) as info:
        results.decide(round_id, DecisionInput("  ", TODAY, "Nguyễn Văn Chủ"))
    assert "number" in info.value.fields
    with pytest.raises(ValidationError) as info:
        results.decide(round_id, DecisionInput("12/QĐ-UBND", date(2027, 1, 1), ""))
    assert {"signer", "decided_on"} <= set(info.value.fields)
    with pytest.raises(UserError, match="chỉ đạt 2 sao"):
        results.decide(
            round_id,
            DecisionInput("12/QĐ-UBND", TODAY, "Nguyễn Văn Chủ"),
            [scored_round["four"], scored_round["two"]],
        )
    with pytest.raises(UserError, match="5 sao"):
        results.decide(round_id, DecisionInput("12/QĐ-UBND", TODAY, "Nguyễn Văn Chủ"), [scored_round["five"]])
    with pytest.raises(UserError, match="không thuộc đợt"):
        results.decide(
            round_id, DecisionInput("12/QĐ-UBND", TODAY, "Nguyễn Văn Chủ"), [scored_round["outside"]]
        )
    assert _snapshot(ctx) == before

    # a number already used this year (here by a certificate typed in by hand) is refused
    product = DossierService(ctx).get(scored_round["outside"]).row.product_id
    CertificateService(ctx, today=TODAY).add(
        CertificateInput(product, 3, "12/QĐ-UBND", date(2026, 2, 1), "province", "qd148-2023")
    )
    before = _snapshot(ctx)
    with pytest.raises(ValidationError, match="đã được dùng"):
        results.decide(round_id, DecisionInput("12/QĐ-UBND", TODAY, "Nguyễn Văn Chủ"))
    assert _snapshot(ctx) == before
    outcome = results.decide(round_id, DecisionInput("13/QĐ-UBND", TODAY, "Nguyễn Văn Chủ"))
    assert [e.dossier_id for e in outcome.entries] == [scored_round["four"]]
    with pytest.raises(ValidationError, match="đã được dùng"):
        results.decide(round_id, DecisionInput("13/QĐ-UBND", TODAY, "Nguyễn Văn Chủ"))
    with pytest.raises(UserError, match="chưa có sản phẩm nào được đề nghị"):
        results.decide(round_id, DecisionInput("14/QĐ-UBND", TODAY, "Nguyễn Văn Chủ"))


def test_revocation(scored_round: dict[str, Any]) -> None:
    ctx = scored_round["ctx"]
    results = ResultService(ctx, today=TODAY)
    cert = results.decide(
        scored_round["round"], DecisionInput("20/QĐ-UBND", TODAY, "Nguyễn Văn Chủ")
    ).certificates[0]
    with pytest.raises(ValidationError):
        results.revoke(cert.id, on=TODAY, reason=" ")
    revoked = results.revoke(cert.id, on=TODAY, reason="Cơ sở ngừng sản xuất (xã xác nhận).")
    assert revoked.state == "revoked" and revoked.revoked_on == TODAY
    with pytest.raises(UserError, match="đã bị thu hồi"):
        results.revoke(cert.id, on=TODAY, reason="Lần nữa")
    product = DossierService(ctx).get(scored_round["outside"]).row.product_id
    national = CertificateService(ctx, today=TODAY).add(
        CertificateInput(product, 5, "99/QĐ-BNNMT", date(2026, 3, 1), "ministry", "qd148-2023")
    )
    with pytest.raises(UserError, match="Bộ"):
        results.revoke(national.id, on=TODAY, reason="Vi phạm nhãn mác")


def test_quorum_needs_three_quarters_and_the_chair(province_ctx: AppContext) -> None:
    ctx = province_ctx
    dossier = sent_dossier(ctx, "Cà phê Đủ Người")
    InboxService(ctx, today=TODAY).accept(dossier)
    round_id = RoundService(ctx).create(RoundInput(2026, 2)).row.id
    members = council(ctx, round_id)
    RoundService(ctx).assign(round_id, [dossier])
    councils = CouncilService(ctx)
    for m in members[5:]:
        councils.set_present(m, False)  # 5 of 7 present: below 3/4
    sheet = sheet_of()
    scores = MemberScoreService(ctx)
    with pytest.raises(UserError, match="vắng mặt"):
        scores.enter(round_id, dossier, members[6], answers_for(sheet, 70))
    for m in members[:4]:
        scores.enter(round_id, dossier, m, answers_for(sheet, 70))
    with pytest.raises(UserError, match="TV5"):  # a present member's sheet is still missing
        AggregationService(ctx).aggregate(round_id, dossier)
    scores.enter(round_id, dossier, members[4], answers_for(sheet, 71))
    short = AggregationService(ctx).aggregate(round_id, dossier)
    assert not short.result.quorum_met and not short.result.valid and short.entry.status == "assigned"
    assert "Không đủ số thành viên: 5/7" in short.result.problems[0]
    with pytest.raises(UserError, match="không ghi vắng mặt"):
        councils.set_present(members[4], False)  # has a sheet already

    councils.set_present(members[5], True)
    scores.enter(round_id, dossier, members[5], answers_for(sheet, 72))
    full = AggregationService(ctx).aggregate(round_id, dossier)
    assert full.result.quorum_met and full.entry.status == "aggregated"
    assert full.result.mean_total == (70 * 4 + 71 + 72) / 6

    # a member added afterwards makes the result stale: aggregate again
    councils.add_member(round_id, MemberInput("Thành viên Mới", "member", "Sở Tài chính"))
    assert RoundService(ctx).entry(round_id, dossier).status == "assigned"


def test_written_opinions_count_what_came_back(province_ctx: AppContext) -> None:
    ctx = province_ctx
    dossier = sent_dossier(ctx, "Cà phê Đánh Giá Lại")
    InboxService(ctx, today=TODAY).accept(dossier)
    round_id = (
        RoundService(ctx)
        .create(RoundInput(2026, 3, cutoff=date(2026, 11, 1), finish=date(2026, 12, 15)))
        .row.id
    )
    members = council(ctx, round_id)
    row = CouncilService(ctx).configure(round_id, mode="written", max_spread=8)
    assert row.council_mode_label == "Lấy ý kiến bằng văn bản" and row.extra
    RoundService(ctx).assign(round_id, [dossier])
    for m in members[1:7]:  # the chair's opinion has not come back
        MemberScoreService(ctx).enter(round_id, dossier, m, answers_for(sheet_of(), 66))
    first = AggregationService(ctx).aggregate(round_id, dossier)
    assert first.result.quorum_met is False and "vắng chủ tịch" in first.result.problems[0]
    MemberScoreService(ctx).enter(round_id, dossier, members[0], answers_for(sheet_of(), 68))
    second = AggregationService(ctx).aggregate(round_id, dossier)
    assert second.result.valid and second.result.star == 3
    with pytest.raises(ValidationError):
        CouncilService(ctx).configure(round_id, quorum="150%")


def test_rounds_refuse_bad_input(province_ctx: AppContext) -> None:
    ctx = province_ctx
    rounds = RoundService(ctx)
    with pytest.raises(ValidationError) as info:
        rounds.create(RoundInput(2026, 3))  # an extra round needs its dates
    assert {"cutoff", "finish"} <= set(info.value.fields)
    rounds.create(RoundInput(2026, 1))
    with pytest.raises(ValidationError, match="đã có đợt 1"):
        rounds.create(RoundInput(2026, 1))
    with pytest.raises(ValidationError, match="trước ngày chốt"):
        rounds.create(RoundInput(2026, 4, cutoff=date(2026, 12, 1), finish=date(2026, 11, 1)))
    round_id = rounds.find("2026-1").id
    sent = sent_dossier(ctx, "Cà phê Chưa Nhận")
    with pytest.raises(UserError, match="cần được tỉnh tiếp nhận"):
        rounds.assign(round_id, [sent])
    InboxService(ctx, today=TODAY).accept(sent)
    rounds.assign(round_id, [sent])
    with pytest.raises(UserError, match="đã thuộc Đợt 1/2026"):
        rounds.assign(rounds.create(RoundInput(2026, 2)).row.id, [sent])
    with pytest.raises(UserError, match="rút khỏi đợt"):
        InboxService(ctx, today=TODAY).return_for_correction(sent, "Thiếu mẫu")
    rounds.unassign(round_id, sent)
    assert InboxService(ctx, today=TODAY).return_for_correction(sent, "Thiếu mẫu").row.status == "returned"
    councils = CouncilService(ctx)
    councils.add_member(round_id, MemberInput("Chủ Tịch Một", "chair"))
    with pytest.raises(ValidationError, match="đã có chủ tịch"):
        councils.add_member(round_id, MemberInput("Chủ Tịch Hai", "chair"))
    with pytest.raises(ValidationError):
        councils.add_member(round_id, MemberInput(" ", "member"))


def test_inbox_and_decision_outside_a_round_keep_the_round_rules(province_ctx: AppContext) -> None:
    """Accepting, returning and deciding a dossier on its own follow the evaluation page's rules: a
    dossier in a round is neither returned nor decided on its own."""
    ctx = province_ctx
    dossier = sent_dossier(ctx, "Cà phê Trong Đợt")
    desk = InboxService(ctx, today=TODAY)
    desk.accept(dossier)
    rounds = RoundService(ctx, today=TODAY)
    rounds.assign(rounds.create(RoundInput(2026, 2)).row.id, [dossier])
    with pytest.raises(UserError, match="rút khỏi đợt"):
        desk.return_for_correction(dossier, "Thiếu giấy tờ.")
    with pytest.raises(UserError, match="cả đợt"):
        ResultService(ctx, today=TODAY).decide_outside_round(
            dossier, stars=4, decision_number="9/QĐ-UBND", decision_date=TODAY
        )
    assert DossierService(ctx).get(dossier).row.status == "accepted"
