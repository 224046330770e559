"""Records made before procedures were data keep working. Their dossiers, sheets and drafts pin the
hash of qd26-2026 as it was then, and an installation that took a reference pack holds that older
file (no procedure section) beside the bundled one. Nothing turns stale: the sheets load and score
the same, and the pinned rule set still gives the procedure (deadline, validity, council)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from helpers.builders import TODAY, answer_everything, fill_producer_forms, make_product, provide_required
from helpers.province import answers_for, council, sent_dossier, sheet_of
from ocop_desktop.domain.rules.canonical import dumps
from ocop_desktop.paths import resource
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.drafts import MemberDraftService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService, SheetInput
from ocop_desktop.services.sync.reference import install

PINNED_BY_EARLIER_RELEASES = "22b7eec3e4a5e7ef9fb4c4a71ec2f2304e1867ea9dbdd0674d7798f20263026a"


def _install_the_earlier_rule_file(ctx: AppContext) -> None:
    """What a reference pack left under <data dir>/reference before the procedure section existed:
    byte for byte the rule file of those releases (the current one without its procedure)."""
    document = json.loads(resource("rulesets/qd26-2026.json").read_text(encoding="utf-8"))
    del document["procedure"]
    assert install(ctx, {"reference/rulesets/qd26-2026.json": dumps(document).encode("utf-8")})


def test_a_commune_dossier_of_an_earlier_release_loads_scores_and_is_received(
    ctx: AppContext, tmp_path: Path
) -> None:
    service = DossierService(ctx, today=TODAY)
    d = service.create(make_product(ctx), "first")
    assert (d.ruleset_id, d.ruleset_hash) == ("qd26-2026", PINNED_BY_EARLIER_RELEASES)
    fill_producer_forms(service, d.row.id)
    provide_required(ctx, d.row.id, tmp_path)
    answer_everything(ctx, d.row.id)
    before = SelfAssessmentService(ctx).load(d.row.id).result
    assert before is not None and (before.total, before.star) == (100, 5)

    _install_the_earlier_rule_file(ctx)
    (only,) = RuleService().list_rulesets()
    assert only.procedure is not None  # the bundled copy's procedure, not the older file's absence
    after = SelfAssessmentService(ctx).load(d.row.id).result
    assert after == before
    service.act(d.row.id, "mark_complete")
    received = service.act(d.row.id, "receive", on=date(2026, 11, 20))
    assert received.row.deadline == date(2026, 12, 11)  # 15 working days after Fri 20/11/2026


def test_province_sheets_and_drafts_of_an_earlier_release_aggregate_the_same(
    province_ctx: AppContext,
) -> None:
    ctx = province_ctx
    dossiers = [sent_dossier(ctx, name) for name in ("Cà phê Cũ", "Cà phê Nháp")]
    for d in dossiers:
        InboxService(ctx, today=TODAY).accept(d)
    rounds = RoundService(ctx, today=TODAY)
    round_id = rounds.create(RoundInput(2026, 2)).row.id
    assert (rounds.get(round_id).row.max_spread, rounds.get(round_id).row.quorum) == (10, "3/4")
    members = council(ctx, round_id)
    rounds.assign(round_id, dossiers)
    for member, total in zip(members, [74, 76, 75, 73, 77, 75, 75], strict=True):
        MemberScoreService(ctx).enter(round_id, dossiers[0], member, answers_for(sheet_of(), total))
    typed = dict(list(answers_for(sheet_of(), 80).items())[:6])
    MemberDraftService(ctx).save(round_id, dossiers[1], members[0], SheetInput(typed), base_revision=None)
    before = AggregationService(ctx).aggregate(round_id, dossiers[0]).result.to_json()

    _install_the_earlier_rule_file(ctx)
    after = AggregationService(ctx).aggregate(round_id, dossiers[0]).result.to_json()
    assert after == before and after["ruleset"]["hash"] == PINNED_BY_EARLIER_RELEASES
    assert (after["total"], after["star"]) == (75, 4)
    draft = MemberDraftService(ctx).get(round_id, dossiers[1], members[0])
    assert draft is not None and draft.row.stale == "" and draft.answers == typed
    more = dict(list(answers_for(sheet_of(), 80).items())[:8])  # the member goes on typing
    MemberDraftService(ctx).save(round_id, dossiers[1], members[0], SheetInput(more), base_revision=None)
