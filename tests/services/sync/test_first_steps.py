"""The first-steps checklist ticks itself from the data: a new office has only its set-up done;
after the enrollment and the province's reference pack the province is trusted; a dossier sent
shows at both ends."""

from __future__ import annotations

from pathlib import Path

from helpers.sync import Pair, ready_dossier
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.sync.first_steps import STEPS, first_steps
from ocop_desktop.services.sync.service import PackageService


def _done(ctx: AppContext) -> set[str]:
    return {step.key for step in first_steps(ctx).steps if step.done}


def test_a_new_commune_has_only_its_office(ctx: AppContext) -> None:
    steps = first_steps(ctx)
    assert steps.role == "commune"
    assert [s.key for s in steps.steps] == list(STEPS["commune"])
    assert _done(ctx) == {"office"}
    assert steps.done_count == 1


def test_a_new_province_has_only_its_office(province_ctx: AppContext) -> None:
    assert first_steps(province_ctx).role == "province"
    assert _done(province_ctx) == {"office"}


def test_before_set_up_nothing_is_done(empty_ctx: AppContext) -> None:
    steps = first_steps(empty_ctx)
    assert steps.role == ""
    assert steps.done_count == 0


def test_trust_and_a_sent_dossier_tick_both_offices(pair: Pair, tmp_path: Path) -> None:
    assert _done(pair.commune) == {"office", "enrollment_sent", "province_trusted"}
    assert _done(pair.province) == {"office", "commune_trusted"}
    files = tmp_path / "files"
    files.mkdir()
    dossier_id = ready_dossier(pair.commune, files)
    sent = PackageService(pair.commune).export_dossiers(pair.send("sub.ocoppkg"), dossier_ids=[dossier_id])
    PackageService(pair.province).import_package(sent.path)
    assert {"first_producer", "first_dossier", "first_submission_sent"} <= _done(pair.commune)
    assert "first_submission_received" in _done(pair.province)
