"""Drafts of member sheets typed at the province (services/province_drafts.py), on a real store:
a half-typed sheet survives, becomes a sheet in the same transaction that deletes the draft, is
reported stale when the stored sheet moved on, refuses bad codes without writing, and is invisible
to aggregation, progress, matrices and evaluator assignments."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from helpers.province import TODAY, answers_for, council, sent_dossier, sheet_of  # noqa: I001
from ocop_desktop.domain.errors import ConflictError, UserError
from ocop_desktop.domain.rules.scoring import score
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.province import evaluator_data as province_evaluator
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.councils import CouncilService
from ocop_desktop.services.province.drafts import SHEET_MOVED, MemberDraftService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.results import ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService, SheetInput


@dataclass
class Round:
    id: str
    dossiers: list[str]
    members: list[str]


def _round(ctx: AppContext, n: int = 1) -> Round:
    ids = [sent_dossier(ctx, f"Cà phê Nháp {i}") for i in range(n)]
    for d in ids:
        InboxService(ctx, today=TODAY).accept(d)
    rounds = RoundService(ctx, today=TODAY)
    round_id = rounds.create(RoundInput(2026, 2)).row.id
    members = council(ctx, round_id)
    rounds.assign(round_id, ids)
    return Round(round_id, ids, members)


def _half(total: int = 75, keep: int = 5) -> dict[str, int]:
    """The first `keep` answers of a sheet that would total `total`."""
    return dict(list(answers_for(sheet_of(), total).items())[:keep])


def test_a_draft_is_kept_and_read_back(province_ctx: AppContext) -> None:
    r = _round(province_ctx)
    drafts = MemberDraftService(province_ctx)
    typed = _half()
    stop = next(x for x in sheet_of().stops if x.trigger == "flag")
    saved = drafts.save(
        r.id,
        r.dossiers[0],
        r.members[1],
        SheetInput(
            typed,
            stops=(stop.criterion,),
            opinion="Ca\u0302\u0300n bo\u0302\u0309 sung",
            notes={"1.1": "ghi chú"},
        ),
        base_revision=None,
    )
    assert saved.missing == score(sheet_of(), typed, partial=True).unanswered and saved.missing
    assert saved.base_revision is None and not saved.stale
    assert saved.member_label == "TV2" and saved.officer_id == province_ctx.officer_id

    back = drafts.get(r.id, r.dossiers[0], r.members[1])
    assert back is not None
    assert back.answers == typed and back.stops == (stop.id,)  # a criterion code is stored as the stop's id
    assert back.notes == {"1.1": "ghi chú"} and back.opinion == "Cần bổ sung"  # NFC
    assert drafts.get(r.id, r.dossiers[0], r.members[0]) is None
    assert set(drafts.drafts(r.id, r.dossiers[0])) == {r.members[1]}

    # more typing replaces the draft (one row per member and dossier)
    more = _half(keep=9)
    again = drafts.save(r.id, r.dossiers[0], r.members[1], SheetInput(more), base_revision=None)
    assert again.id == saved.id and len(again.missing) < len(saved.missing)
    assert drafts.get(r.id, r.dossiers[0], r.members[1]).answers == more  # type: ignore[union-attr]


def test_entering_the_complete_sheet_deletes_the_draft_in_the_same_transaction(
    province_ctx: AppContext,
) -> None:
    r = _round(province_ctx)
    drafts, scores = MemberDraftService(province_ctx), MemberScoreService(province_ctx)
    d, m = r.dossiers[0], r.members[0]
    drafts.save(r.id, d, m, SheetInput(_half()), base_revision=None)

    with pytest.raises(UserError):  # the engine refuses the incomplete sheet: the draft stays
        scores.enter(r.id, d, m, _half())
    assert drafts.get(r.id, d, m) is not None

    row = scores.enter(r.id, d, m, answers_for(sheet_of(), 75))
    assert drafts.get(r.id, d, m) is None and drafts.drafts(r.id, d) == {}
    assert [s.total for s in scores.sheets(r.id, d)] == [75]

    # revising the stored sheet: a draft based on its revision; a refused enter keeps it
    drafts.save(r.id, d, m, SheetInput(_half(60)), base_revision=row.revision)
    with pytest.raises(ConflictError):
        scores.enter(r.id, d, m, answers_for(sheet_of(), 60), expected_revision=row.revision + 5)
    assert drafts.get(r.id, d, m) is not None
    scores.enter(r.id, d, m, answers_for(sheet_of(), 60), expected_revision=row.revision)
    assert drafts.get(r.id, d, m) is None


def test_bad_codes_are_refused_and_nothing_is_written(province_ctx: AppContext) -> None:
    r = _round(province_ctx)
    drafts = MemberDraftService(province_ctx)
    d, m = r.dossiers[0], r.members[0]
    for bad in ({"9.9": 1}, {sheet_of().leaves()[0].code: 99}):
        with pytest.raises(UserError):
            drafts.save(r.id, d, m, SheetInput(bad), base_revision=None)
    with pytest.raises(UserError):
        drafts.save(r.id, d, m, SheetInput({}, knockouts=("khong-co",)), base_revision=None)
    assert drafts.get(r.id, d, m) is None

    kept = _half()
    drafts.save(r.id, d, m, SheetInput(kept), base_revision=None)
    with pytest.raises(UserError):
        drafts.save(r.id, d, m, SheetInput({**kept, "9.9": 0}), base_revision=None)
    assert drafts.get(r.id, d, m).answers == kept  # type: ignore[union-attr]
    secretary = CouncilService(province_ctx).members(r.id)[-1]
    with pytest.raises(UserError, match="thư ký"):
        drafts.save(r.id, d, secretary.id, SheetInput(kept), base_revision=None)


def test_a_draft_overtaken_by_an_evaluator_package_is_stale(province_ctx: AppContext) -> None:
    r = _round(province_ctx)
    drafts = MemberDraftService(province_ctx)
    d, m = r.dossiers[0], r.members[2]
    drafts.save(r.id, d, m, SheetInput(_half()), base_revision=None)
    sheet = sheet_of()
    province_evaluator.import_scores(
        province_ctx,
        {
            "schema": 1,
            "round_id": r.id,
            "member_id": m,
            "sheets": [
                {
                    "dossier_id": d,
                    "ruleset_hash": sheet.ruleset_hash,
                    "answers": answers_for(sheet, 70),
                    "knockouts": [],
                    "stops": [],
                    "opinion": "",
                    "notes": {},
                }
            ],
        },
    )

    found = drafts.get(r.id, d, m)
    assert found is not None and found.row.stale == SHEET_MOVED
    assert drafts.drafts(r.id, d)[m].stale == SHEET_MOVED
    with pytest.raises(ConflictError):  # the editor still holds the old base: never overwrite
        drafts.save(r.id, d, m, SheetInput(_half(keep=6)), base_revision=None)
    stored = MemberScoreService(province_ctx).get(r.id, d, m)
    with pytest.raises(ConflictError):  # nor on the new base while the stale draft is there
        drafts.save(r.id, d, m, SheetInput(_half(keep=6)), base_revision=stored.row.revision)
    assert stored.result.total == 70
    assert drafts.discard(r.id, d, m) and not drafts.discard(r.id, d, m)
    fresh = drafts.save(r.id, d, m, SheetInput(_half(keep=6)), base_revision=stored.row.revision)
    assert not fresh.stale and fresh.base_revision == stored.row.revision


def test_aggregation_progress_matrix_and_assignments_ignore_drafts(province_ctx: AppContext) -> None:
    ctx = province_ctx
    r = _round(ctx)
    d = r.dossiers[0]
    scores, drafts = MemberScoreService(ctx), MemberDraftService(ctx)
    for member, total in zip(r.members[:-1], [74, 76, 75, 73, 77, 75], strict=True):
        scores.enter(r.id, d, member, answers_for(sheet_of(), total))
    last = r.members[-1]
    drafts.save(r.id, d, last, SheetInput(_half(45), opinion="Ý kiến nháp riêng"), base_revision=None)

    assert [s.member_id for s in scores.sheets(r.id, d)] == r.members[:-1]
    assert RoundService(ctx).progress(r.id).scored == 0
    assert RoundService(ctx).entry(r.id, d).sheets == 6
    with pytest.raises(UserError, match="TV7"):  # still missing a sheet, whatever the draft holds
        AggregationService(ctx).aggregate(r.id, d)
    matrix = AggregationService(ctx).matrix(r.id, d)
    assert matrix.totals[-1] is None and all(line.points[-1] is None for line in matrix.lines)
    payload = json.dumps(province_evaluator.assignment(ctx, r.id, last).to_json(), ensure_ascii=False)
    assert "Ý kiến nháp riêng" not in payload
    assert province_evaluator.assignment(ctx, r.id, last).dossiers[0].current_sheet is None

    scores.enter(r.id, d, last, answers_for(sheet_of(), 75))
    done = AggregationService(ctx).aggregate(r.id, d)
    assert done.entry.status == "aggregated" and done.result.mean_total == 75


def test_a_draft_is_void_once_the_entry_is_proposed(province_ctx: AppContext) -> None:
    ctx = province_ctx
    r = _round(ctx)
    d = r.dossiers[0]
    scores, drafts = MemberScoreService(ctx), MemberDraftService(ctx)
    rows = [scores.enter(r.id, d, m, answers_for(sheet_of(), 75)) for m in r.members]
    drafts.save(r.id, d, r.members[0], SheetInput(_half(80)), base_revision=rows[0].revision)
    AggregationService(ctx).aggregate(r.id, d)
    ResultService(ctx, today=TODAY).propose(r.id)

    found = drafts.get(r.id, d, r.members[0])
    assert found is not None and "Đã đề nghị công nhận" in found.row.stale
    with pytest.raises(UserError, match="không nhập, sửa phiếu chấm"):
        drafts.save(r.id, d, r.members[0], SheetInput(_half(80, keep=6)), base_revision=rows[0].revision)
    assert drafts.discard(r.id, d, r.members[0])


def test_drafts_go_with_the_entry_and_the_member(province_ctx: AppContext) -> None:
    ctx = province_ctx
    r = _round(ctx, n=2)
    drafts = MemberDraftService(ctx)
    drafts.save(r.id, r.dossiers[0], r.members[1], SheetInput(_half()), base_revision=None)
    drafts.save(r.id, r.dossiers[1], r.members[1], SheetInput(_half()), base_revision=None)
    drafts.save(r.id, r.dossiers[1], r.members[2], SheetInput(_half()), base_revision=None)

    RoundService(ctx, today=TODAY).unassign(r.id, r.dossiers[0])  # drafts are not sheets: allowed
    RoundService(ctx, today=TODAY).assign(r.id, [r.dossiers[0]])
    assert drafts.drafts(r.id, r.dossiers[0]) == {}
    CouncilService(ctx).remove_member(r.members[2])
    assert set(drafts.drafts(r.id, r.dossiers[1])) == {r.members[1]}
