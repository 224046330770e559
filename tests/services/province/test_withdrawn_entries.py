"""Round entries of dossiers their producers withdrew (issue 15) on the 5★ paths: a product proposed to
the ministry and one the central council rated 4★ (waiting for the province's decision, Art. 7.4)
both leave the 5★ list, the proposal package and the decision; the ministry's result can no longer
be recorded on them; the province's own "Rút đề nghị" is not what a withdrawal is. (The package round
trip: tests/services/sync/test_sync_withdrawal_round.py.)"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from helpers.province import TODAY
from helpers.province import five_star_round as build_round
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.province.ministry import CentralResultInput, MinistryResultService
from ocop_desktop.services.province.results import DecisionInput, ResultService
from ocop_desktop.services.province.rounds import RoundService
from ocop_desktop.services.province.withdrawals import check_withdrawable, withdraw_entry
from ocop_desktop.services.sync.proposal import FiveStarProposalService
from ocop_desktop.store.models import Dossier

REASON = "Chủ thể xin rút hồ sơ."
AT = datetime(2026, 11, 18, 2, tzinfo=UTC).isoformat()


def _withdraw(ctx: AppContext, dossier_id: str) -> None:
    """What applying the commune's withdrawal does (services/sync/apply.apply)."""
    with ctx.unit_of_work() as s:
        check_withdrawable(s, dossier_id)
        d = s.get(Dossier, dossier_id)
        assert d is not None
        d.status = "withdrawn"
        assert withdraw_entry(s, dossier_id, {"reason": REASON, "at": AT}, "package-id")
        assert not withdraw_entry(s, dossier_id, {"reason": REASON, "at": AT}, "package-id")  # once


def test_withdrawn_on_the_way_to_the_ministry_and_back(province_ctx: AppContext, tmp_path: Path) -> None:
    ctx = province_ctx
    round_id, near, full = build_round(ctx)
    results, ministry = ResultService(ctx, today=TODAY), MinistryResultService(ctx, today=TODAY)
    results.propose(round_id)
    ministry.record(round_id, near, CentralResultInput("45/QĐ-BNNMT", date(2026, 11, 10), 4, 87))
    assert RoundService(ctx).entry(round_id, near).status == "central_result"  # 4★ waits for the province

    _withdraw(ctx, full)  # proposed for 5★, no result yet
    assert results.five_star_candidates(round_id) == []
    with pytest.raises(UserError, match="chưa có sản phẩm nào được đề nghị"):
        FiveStarProposalService(ctx).export(round_id, tmp_path / "5.ocoppkg")
    with pytest.raises(UserError, match="Chủ thể đã rút hồ sơ"):
        ministry.record(round_id, full, CentralResultInput("46/QĐ-BNNMT", date(2026, 11, 10), 5, 96))
    with pytest.raises(UserError, match="chưa được đề nghị hoặc đã có quyết định"):
        results.withdraw_proposal(round_id, full)  # the province's own step, unchanged
    row = RoundService(ctx).entry(round_id, full)
    assert (row.status, row.proposed_star, row.withdrawal_reason) == ("withdrawn", 5, REASON)

    _withdraw(ctx, near)  # rated 4★ by the central council, before the province's decision
    with pytest.raises(UserError, match="chưa có sản phẩm nào được đề nghị công nhận 3 hoặc 4 sao"):
        results.decide(round_id, DecisionInput("7/QĐ-UBND", TODAY, "Nguyễn Văn Chủ"))
    progress = RoundService(ctx).progress(round_id)
    assert (progress.assigned, progress.aggregated, progress.withdrawn) == (0, 0, 2)


def test_after_the_ministry_recognised_it_a_withdrawal_is_refused(province_ctx: AppContext) -> None:
    ctx = province_ctx
    round_id, _near, full = build_round(ctx)
    ResultService(ctx, today=TODAY).propose(round_id)
    MinistryResultService(ctx, today=TODAY).record(
        round_id, full, CentralResultInput("45/QĐ-BNNMT", date(2026, 11, 10), 5, 96)
    )
    with pytest.raises(UserError, match="đã có quyết định công nhận trong Đợt 2/2026"):
        _withdraw(ctx, full)
    assert RoundService(ctx).entry(round_id, full).status == "decided"
