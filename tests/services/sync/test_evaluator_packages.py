"""Evaluator packages end to end across data folders: enrollment of the laptop and link to a
council member → assignment (encrypted, with evidence) → offline scoring → signed scores →
aggregation at the province; refusals change nothing; re-imports are no-ops; 5★ proposal."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.evaluator import Offices, enroll, other_evaluator, score_assigned  # noqa: I001
from helpers.province import answers_for, sheet_of
from helpers.sync import db_state
from ocop_desktop.domain.errors import UserError
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.services.evaluator.work import EvaluatorWorkService, SheetEditInput
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.results import ResultService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.opened import package_kind
from ocop_desktop.services.sync.proposal import FiveStarProposalService
from ocop_desktop.services.sync.service import PackageService


def _assignment_at_evaluator(o: Offices, member: str) -> Path:
    province = ProvinceEvaluatorPackages(o.province)
    out = province.export_assignment(o.round_id, member, o.folder / "assignment.ocoppkg")
    assert out.encrypted and out.blobs == 2 and len(out.dossier_ids) == 2
    laptop = EvaluatorPackages(o.evaluator)
    preview = laptop.preview_assignment(out.path)
    assert preview.needs_confirmation and preview.blobs_new == 2
    assert [d.outcome for d in preview.dossiers] == ["new", "new"]
    before = db_state(o.evaluator)
    with pytest.raises(PackageRefused) as refused:
        laptop.import_assignment(out.path)
    assert refused.value.code == "fingerprint_unconfirmed" and db_state(o.evaluator) == before
    with pytest.raises(PackageRefused) as refused:
        laptop.import_assignment(out.path, confirm_fingerprint="12345 12345 12345 12345 12345 12345")
    assert refused.value.code == "fingerprint_mismatch" and db_state(o.evaluator) == before
    result = laptop.import_assignment(
        out.path, confirm_fingerprint=PackageService(o.province).own_keys().signing.readable
    )
    assert result.applied
    again = laptop.import_assignment(out.path)
    assert not again.applied and again.preview.already_imported
    return out.path


def test_full_cycle_enroll_assign_score_return(offices: Offices) -> None:
    o = offices
    chair = o.members[0]
    enroll(o, "TV1")
    links = ProvinceEvaluatorPackages(o.province).links(o.round_id)
    assert [(link.member_label, link.office_id) for link in links] == [("TV1", o.evaluator.office().id)]

    _assignment_at_evaluator(o, "TV1")
    work = EvaluatorWorkService(o.evaluator)
    [a] = work.assignments()
    assert (a.member_label, a.round_label, a.dossiers) == ("TV1", "Đợt 2/2026", 2)
    score_assigned(o, [95, 75])

    scores = EvaluatorPackages(o.evaluator).export_scores(o.folder / "scores.ocoppkg")
    assert scores.encrypted and len(scores.dossier_ids) == 2
    assert package_kind(scores.path) == ("evaluator_scores", "evaluator")
    assert all(r.sent for r in work.dossiers())

    province = ProvinceEvaluatorPackages(o.province)
    before = db_state(o.province)
    preview = province.preview_scores(scores.path)
    assert [d.outcome for d in preview.dossiers] == ["new", "new"] and db_state(o.province) == before
    result = province.import_scores(scores.path)
    assert result.applied and result.receipt_path is not None and result.receipt_path.is_file()
    sheets = MemberScoreService(o.province).sheets(o.round_id, o.dossiers[0])
    assert [(s.member_id, s.total) for s in sheets] == [(chair, 95)]

    # the same package again: nothing changes, the same receipt
    receipt = result.receipt_path.read_bytes()
    state = db_state(o.province)
    again = province.import_scores(scores.path, receipt_path=o.folder / "again.receipt.ocoppkg")
    assert not again.applied and (o.folder / "again.receipt.ocoppkg").read_bytes() == receipt
    assert db_state(o.province) == state

    # the receipt goes back to the laptop through the ordinary import
    assert PackageService(o.evaluator).import_package(result.receipt_path).applied

    # the other members type their paper sheets; aggregation sees the laptop's sheet
    sheet = sheet_of()
    for member, total in zip(o.members[1:], [94, 96, 95, 93, 97, 95], strict=True):
        MemberScoreService(o.province).enter(
            o.round_id, o.dossiers[0], member, answers_for(sheet, total, keep_floors=5)
        )
    done = AggregationService(o.province).aggregate(o.round_id, o.dossiers[0])
    assert done.result.valid and done.result.mean_total == 95 and done.result.star == 5


def test_scores_signed_by_another_key_are_refused(
    offices: Offices, tmp_path: Path, _template_dir: Path
) -> None:
    o = offices
    enroll(o, "TV1")
    _assignment_at_evaluator(o, "TV1")
    score_assigned(o, [95, 75])
    # a second laptop, trusted at the province but linked to TV2, sends sheets claiming to be TV1's
    intruder = other_evaluator(o, tmp_path, _template_dir, "Lê Văn Công")
    enroll(o, "TV2", intruder)
    province = ProvinceEvaluatorPackages(o.province)
    out = province.export_assignment(o.round_id, "TV1", o.folder / "a-for-intruder.ocoppkg")
    # the assignment was encrypted for TV1's laptop: the intruder cannot even read it
    with pytest.raises(PackageRefused) as refused:
        EvaluatorPackages(intruder).import_assignment(
            out.path, confirm_fingerprint=PackageService(o.province).own_keys().signing.readable
        )
    assert refused.value.code in ("wrong_recipient", "cannot_decrypt")
    # TV2's own assignment, then a forged payload naming TV1
    mine = province.export_assignment(o.round_id, "TV2", o.folder / "a-tv2.ocoppkg")
    EvaluatorPackages(intruder).import_assignment(
        mine.path, confirm_fingerprint=PackageService(o.province).own_keys().signing.readable
    )
    work = EvaluatorWorkService(intruder)
    for row in work.dossiers():
        work.save_sheet(row.dossier_id, SheetEditInput(answers_for(work.sheet(row.dossier_id).sheet, 40)))
    from ocop_desktop.store.models.evaluator import ReceivedAssignment

    with intruder.unit_of_work() as s:
        row = s.query(ReceivedAssignment).one()
        row.member_id = o.members[0]  # pretend to be TV1
    forged = EvaluatorPackages(intruder).export_scores(o.folder / "forged.ocoppkg")
    before = db_state(o.province)
    with pytest.raises(PackageRefused) as refused:
        province.preview_scores(forged.path)
    assert refused.value.code == "not_linked"
    with pytest.raises(PackageRefused) as refused:
        province.import_scores(forged.path)
    assert refused.value.code == "not_linked" and "Không có gì thay đổi" in str(refused.value.message)
    assert db_state(o.province) == before

    # a laptop never enrolled: unknown sender
    stranger = other_evaluator(o, tmp_path, _template_dir, "Người Lạ")
    laptop = EvaluatorPackages(stranger)
    with pytest.raises((PackageRefused, UserError)):
        laptop.export_scores(o.folder / "nothing.ocoppkg")  # nothing assigned


def test_unlinked_member_and_closed_entry(offices: Offices) -> None:
    o = offices
    enroll(o, "TV1")
    _assignment_at_evaluator(o, "TV1")
    score_assigned(o, [95, 75])
    scores = EvaluatorPackages(o.evaluator).export_scores(o.folder / "scores.ocoppkg")
    # the province re-links TV1 to nobody else but removes the link: refused, nothing changes
    from ocop_desktop.store.models.evaluator import EvaluatorLink

    with o.province.unit_of_work() as s:
        s.delete(s.get(EvaluatorLink, o.members[0]))
    before = db_state(o.province)
    with pytest.raises(PackageRefused) as refused:
        ProvinceEvaluatorPackages(o.province).import_scores(scores.path)
    assert refused.value.code == "not_linked" and db_state(o.province) == before
    ProvinceEvaluatorPackages(o.province).link(o.round_id, "TV1", o.evaluator.office().id)
    assert ProvinceEvaluatorPackages(o.province).import_scores(scores.path).applied


def test_five_star_proposal_verifies_and_inspects(offices: Offices) -> None:
    o = offices
    sheet = sheet_of()
    for member, total in zip(o.members, [95, 94, 96, 95, 93, 97, 95], strict=True):
        MemberScoreService(o.province).enter(
            o.round_id, o.dossiers[0], member, answers_for(sheet, total, keep_floors=5)
        )
    for member, total in zip(o.members, [74, 76, 75, 73, 77, 75, 75], strict=True):
        MemberScoreService(o.province).enter(o.round_id, o.dossiers[1], member, answers_for(sheet, total))
    AggregationService(o.province).aggregate_round(o.round_id)
    ResultService(o.province).propose(o.round_id)
    service = FiveStarProposalService(o.province)
    out = service.export(o.round_id, o.folder / "five-star.ocoppkg")
    assert out.dossier_ids == (o.dossiers[0],) and out.blobs == 1 and not out.encrypted
    check = service.verify(out.path)
    assert check.verified and check.signer == "own" and check.round_label == "Đợt 2/2026"
    assert [(p.product_name, p.star) for p in check.products] == [("Cà phê Năm Sao", 5)]
    assert check.products[0].unmet_floors == ()  # every floor met: nothing to flag to the ministry
    # anywhere else (here: the evaluator laptop, which knows nothing of it) with the fingerprint read out
    readable = PackageService(o.province).own_keys().signing.readable
    elsewhere = FiveStarProposalService(o.evaluator)
    assert elsewhere.inspect(out.path).signer == "unconfirmed"
    assert elsewhere.verify(out.path, confirm_fingerprint=readable).signer == "confirmed"
    with pytest.raises(PackageRefused):
        elsewhere.verify(out.path, confirm_fingerprint="11111 11111 11111 11111 11111 11111")
    # a flipped byte in the evidence is caught
    data = bytearray(out.path.read_bytes())
    data[-300] ^= 0x01
    bad = o.folder / "bad.ocoppkg"
    bad.write_bytes(bytes(data))
    with pytest.raises(PackageRefused):
        service.verify(bad)
