"""The sync page imports every file through PackageService: evaluator packages must reach their own
importers from there too (assignment at the laptop, scores at the province)."""

from __future__ import annotations

from helpers.evaluator import Offices, enroll, score_assigned  # noqa: I001
from ocop_desktop.services.evaluator.work import EvaluatorWorkService
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.service import PackageService


def test_package_service_imports_assignment_and_scores(offices: Offices) -> None:
    o = offices
    enroll(o, "TV1")
    out = ProvinceEvaluatorPackages(o.province).export_assignment(o.round_id, "TV1", o.folder / "a.ocoppkg")
    readable = PackageService(o.province).own_keys().signing.readable
    laptop = PackageService(o.evaluator)
    preview = laptop.preview(out.path, confirm_fingerprint=readable)
    assert preview.package.kind == "evaluator_assignment"
    assert laptop.import_package(out.path, confirm_fingerprint=readable).applied
    assert len(EvaluatorWorkService(o.evaluator).dossiers()) == 2

    score_assigned(o, [95, 75])
    scores = EvaluatorPackages(o.evaluator).export_scores(o.folder / "scores.ocoppkg")
    province = PackageService(o.province)
    assert [d.outcome for d in province.preview(scores.path).dossiers] == ["new", "new"]
    result = province.import_package(scores.path, receipt_path=o.folder / "scores.receipt.ocoppkg")
    assert result.applied and (o.folder / "scores.receipt.ocoppkg").exists()
