"""Evaluator laptops and a dossier its producer withdrew after the laptop got its assignment
(issue 15): the laptop's scores package is still taken — the sheet of the withdrawn dossier is
skipped with the reason, not a refusal of the member's other sheets — and the next assignment no
longer offers the withdrawn dossier."""

from __future__ import annotations

from datetime import UTC, datetime

from helpers.evaluator import Offices, enroll, score_assigned
from ocop_desktop.services.evaluator.work import EvaluatorWorkService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.province.withdrawals import withdraw_entry
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import Dossier

REASON = "Chủ thể xin rút hồ sơ (đơn ngày 18/11/2026)."


def _withdrawn_at_province(o: Offices, dossier_id: str) -> None:
    """What applying the commune's withdrawal does at the province (services/sync/apply.apply: the
    status from the record, then the entry), on this fixture's dossiers that came without packages."""
    with o.province.unit_of_work() as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None
        d.status = "withdrawn"
        at = datetime(2026, 11, 18, 2, tzinfo=UTC).isoformat()
        assert withdraw_entry(s, dossier_id, {"reason": REASON, "at": at}, "package-id")


def test_a_withdrawn_dossier_leaves_the_laptop_and_its_sheet_is_skipped(offices: Offices) -> None:
    o = offices
    enroll(o, "TV1")
    province, laptop = ProvinceEvaluatorPackages(o.province), EvaluatorPackages(o.evaluator)
    first = province.export_assignment(o.round_id, "TV1", o.folder / "a1.ocoppkg")
    readable = PackageService(o.province).own_keys().signing.readable
    laptop.import_assignment(first.path, confirm_fingerprint=readable)
    score_assigned(o, [95, 75])
    scores = laptop.export_scores(o.folder / "scores.ocoppkg")  # both sheets, made before the withdrawal

    kept, withdrawn = o.dossiers
    _withdrawn_at_province(o, withdrawn)
    preview = province.preview_scores(scores.path)
    assert [(d.outcome, d.reason) for d in preview.dossiers] == [
        ("new", "— → 95 điểm, 5 sao"),
        ("stale", "Chủ thể đã rút hồ sơ: phiếu chấm không được ghi."),
    ]
    assert province.import_scores(scores.path).applied
    sheets = MemberScoreService(o.province)
    assert [x.total for x in sheets.sheets(o.round_id, kept)] == [95]
    assert sheets.sheets(o.round_id, withdrawn) == []

    second = province.export_assignment(o.round_id, "TV1", o.folder / "a2.ocoppkg")
    assert second.dossier_ids == (kept,)
    laptop.import_assignment(second.path)
    work = EvaluatorWorkService(o.evaluator)
    assert [r.dossier_id for r in work.dossiers()] == [kept]
    [a] = work.assignments()
    assert (a.dossiers, a.complete, a.unsent) == (1, 1, 0)  # the withdrawn dossier's sheet is not counted
