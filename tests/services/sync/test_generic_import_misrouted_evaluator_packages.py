"""The generic import door (sync page "Nhập gói…", PackageService) given an evaluator package at the
wrong place: an evaluator laptop's enrollment at the province must go through the council tab
(it has to be linked to a member), and every kind at the wrong role is refused with what to do
instead. Every refusal changes nothing: no key trusted, no package recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from helpers.evaluator import Offices, enroll, other_evaluator, score_assigned  # noqa: I001
from helpers.province import answers_for, sheet_of
from helpers.sync import db_state, open_installation
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.results import ResultService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.proposal import FiveStarProposalService
from ocop_desktop.services.sync.service import LINK_IN_COUNCIL, PackageService
from ocop_desktop.store.models import KeyRecord, SyncPackage


def _refused(
    ctx: AppContext, path: Path, confirm: str | None = None
) -> tuple[PackageRefused, PackageRefused]:
    """preview and import_package both refuse, and the database is exactly as before."""
    service = PackageService(ctx)
    service.own_keys()  # the first call records this office's encryption key: not part of the import
    before = db_state(ctx)
    with pytest.raises(PackageRefused) as previewed:
        service.preview(path, confirm_fingerprint=confirm)
    with pytest.raises(PackageRefused) as imported:
        service.import_package(path, confirm_fingerprint=confirm, receipt_path=path.with_suffix(".receipt"))
    assert db_state(ctx) == before
    assert not path.with_suffix(".receipt").exists()
    return previewed.value, imported.value


def _trusts(ctx: AppContext, office_id: str) -> bool:
    with ctx.read() as s:
        return s.scalars(select(KeyRecord).where(KeyRecord.office_id == office_id)).first() is not None


def _recorded(ctx: AppContext, package_id: str) -> bool:
    with ctx.read() as s:
        return s.get(SyncPackage, package_id) is not None


def test_province_sends_the_laptop_enrollment_to_the_council_tab(offices: Offices) -> None:
    o = offices
    pack = EvaluatorPackages(o.evaluator).export_enrollment(o.folder / "ghi-danh.ocoppkg")
    readable = PackageService(o.evaluator).own_keys().signing.readable
    laptop_id = o.evaluator.office().id

    previewed, imported = _refused(o.province, pack.path, confirm=readable)
    for refusal in (previewed, imported):
        assert refusal.code == LINK_IN_COUNCIL
        assert "Thành viên Hội đồng OCOP Thành phố Hà Nội" in refusal.message  # who the laptop says it is
        assert "ghi danh máy cho thành viên ở Hội đồng" in refusal.message  # what to do
        assert "→" not in refusal.message  # where to click is the UI's to say (ui/sync/import_flow.py)
    assert not _trusts(o.province, laptop_id) and not _recorded(o.province, pack.package_id)

    # the council tab's door still works on the very same file: nothing was half-done
    link = ProvinceEvaluatorPackages(o.province).import_enrollment(
        pack.path, o.round_id, "TV2", confirm_fingerprint=readable
    )
    assert link.member_label == "TV2" and _trusts(o.province, laptop_id)
    # once linked, the generic door still points there (linking to another member happens there too)
    again, _ = _refused(o.province, pack.path, confirm=readable)
    assert again.code == LINK_IN_COUNCIL


def test_a_damaged_or_foreign_enrollment_gets_the_precise_refusal_first(
    offices: Offices, tmp_path: Path, _template_dir: Path
) -> None:
    o = offices
    pack = EvaluatorPackages(o.evaluator).export_enrollment(o.folder / "ghi-danh.ocoppkg")
    damaged = o.folder / "hong.ocoppkg"
    damaged.write_bytes(pack.path.read_bytes()[:-40])
    previewed, _ = _refused(o.province, damaged)
    assert previewed.code in {"damaged", "not_a_package"}

    far = open_installation(tmp_path / "hcm-laptop", _template_dir, "evaluator", "79", "Lê Văn Xa")
    o.others.append(far)
    foreign = EvaluatorPackages(far).export_enrollment(o.folder / "tinh-khac.ocoppkg")
    previewed, imported = _refused(o.province, foreign.path)
    assert previewed.code == imported.code == "wrong_recipient"


def test_enrollment_of_a_laptop_elsewhere_than_the_province(
    offices: Offices, tmp_path: Path, _template_dir: Path
) -> None:
    o = offices
    pack = EvaluatorPackages(o.evaluator).export_enrollment(o.folder / "ghi-danh.ocoppkg")
    commune = open_installation(tmp_path / "commune", _template_dir, "commune", "00004", "Nguyễn Văn An")
    o.others.append(commune)
    colleague = other_evaluator(o, tmp_path, _template_dir, "Máy chấm điểm TV3")
    for ctx in (commune, colleague):
        previewed, imported = _refused(ctx, pack.path)
        assert previewed.code == imported.code == "wrong_recipient"
        assert "chỉ nhập được ở cơ quan OCOP cấp tỉnh" in previewed.message
        assert "khi ghi danh máy chấm điểm cho thành viên Hội đồng" in previewed.message
        assert not _trusts(ctx, o.evaluator.office().id)
    own, _ = _refused(o.evaluator, pack.path)
    assert own.code == "own_package" and "cho cơ quan OCOP cấp tỉnh" in own.message


def test_assignment_and_scores_at_the_wrong_machine(
    offices: Offices, tmp_path: Path, _template_dir: Path
) -> None:
    o = offices
    enroll(o, "TV1")
    assignment = ProvinceEvaluatorPackages(o.province).export_assignment(
        o.round_id, "TV1", o.folder / "pc.ocoppkg"
    )
    readable = PackageService(o.province).own_keys().signing.readable
    PackageService(o.evaluator).import_package(assignment.path, confirm_fingerprint=readable)
    score_assigned(o, [95, 75])
    scores = EvaluatorPackages(o.evaluator).export_scores(o.folder / "phieu.ocoppkg")
    commune = open_installation(tmp_path / "commune", _template_dir, "commune", "00004", "Nguyễn Văn An")
    o.others.append(commune)
    colleague = other_evaluator(o, tmp_path, _template_dir, "Máy chấm điểm TV3")

    previewed, imported = _refused(commune, assignment.path, confirm=readable)
    assert previewed.code == imported.code == "wrong_recipient"
    assert "chỉ nhập được trên máy chấm điểm" in previewed.message
    assert "Thành viên Hội đồng OCOP Thành phố Hà Nội" in previewed.message  # the laptop it was made for
    own, _ = _refused(o.province, assignment.path)
    assert own.code == "own_package" and "máy chấm điểm của" in own.message
    assert not _recorded(commune, assignment.package_id)

    for ctx in (commune, colleague):
        previewed, imported = _refused(ctx, scores.path)
        assert previewed.code == imported.code == "wrong_recipient"
        assert "chỉ cơ quan OCOP cấp tỉnh nhập được" in previewed.message
        assert not _recorded(ctx, scores.package_id)
    own, _ = _refused(o.evaluator, scores.path)
    assert own.code == "own_package" and "cho cơ quan OCOP cấp tỉnh" in own.message

    # and where they belong, the same door takes them
    assert PackageService(o.province).import_package(scores.path, receipt_path=o.folder / "r.ocoppkg").applied


def test_verify_checks_each_evaluator_kind_where_it_belongs(
    offices: Offices, tmp_path: Path, _template_dir: Path
) -> None:
    """`package verify` and PackageService.verify: every check, nothing written; an evaluator's
    enrollment verifies at the province (verifying is not importing)."""
    o = offices
    pack = EvaluatorPackages(o.evaluator).export_enrollment(o.folder / "ghi-danh.ocoppkg")
    province = PackageService(o.province)
    province.own_keys()
    before = db_state(o.province)
    verified = province.verify(pack.path)
    assert verified.package.kind == "enrollment" and verified.needs_confirmation
    assert verified.fingerprint_to_confirm == PackageService(o.evaluator).own_keys().signing.readable
    assert db_state(o.province) == before

    enroll(o, "TV1")
    assignment = ProvinceEvaluatorPackages(o.province).export_assignment(
        o.round_id, "TV1", o.folder / "pc.ocoppkg"
    )
    laptop = PackageService(o.evaluator)
    assert [d.outcome for d in laptop.verify(assignment.path).dossiers] == ["new", "new"]
    laptop.import_package(assignment.path, confirm_fingerprint=province.own_keys().signing.readable)
    score_assigned(o, [95, 75])
    scores = EvaluatorPackages(o.evaluator).export_scores(o.folder / "phieu.ocoppkg")
    before = db_state(o.province)
    assert [d.outcome for d in province.verify(scores.path).dossiers] == ["new", "new"]
    assert db_state(o.province) == before

    commune = open_installation(tmp_path / "commune", _template_dir, "commune", "00004", "Nguyễn Văn An")
    o.others.append(commune)
    with pytest.raises(PackageRefused) as refused:
        PackageService(commune).verify(scores.path)
    assert refused.value.code == "wrong_recipient"


def test_a_five_star_proposal_is_imported_nowhere(
    offices: Offices, tmp_path: Path, _template_dir: Path
) -> None:
    """The ministry receives it in its own system: the door refuses it everywhere, saying where it goes
    (the same table routes it; `package import` used to refuse it on its own)."""
    o = offices
    sheet = sheet_of()
    for member in o.members:
        MemberScoreService(o.province).enter(
            o.round_id, o.dossiers[0], member, answers_for(sheet, 95, keep_floors=5)
        )
    AggregationService(o.province).aggregate_round(o.round_id)
    ResultService(o.province).propose(o.round_id)
    out = FiveStarProposalService(o.province).export(o.round_id, o.folder / "5-sao.ocoppkg")

    own, imported = _refused(o.province, out.path)
    assert own.code == imported.code == "own_package"
    assert "Bộ Nông nghiệp và Môi trường" in own.message and "không nhập" in own.message
    commune = open_installation(tmp_path / "commune", _template_dir, "commune", "00004", "Nguyễn Văn An")
    o.others.append(commune)
    for ctx in (o.evaluator, commune):
        previewed, imported = _refused(ctx, out.path)
        assert previewed.code == imported.code == "wrong_recipient"
        assert "gửi Bộ Nông nghiệp và Môi trường" in previewed.message and "không nhập" in previewed.message
        assert not _recorded(ctx, out.package_id)
    # checking it is what the other offices can do
    assert FiveStarProposalService(o.province).verify(out.path).verified
