"""Mẫu 01 and Mẫu 02 filled in full in the app count as provided on the checklist (the app prints them);
a form left incomplete does not, and an officer's own status wins."""

from __future__ import annotations

from helpers.builders import TODAY, fill_producer_forms, make_product
from ocop_desktop.domain.forms import FILLED_IN_APP_NOTE, SECTIONS, filled_in_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.checklists import ChecklistService
from ocop_desktop.services.dossiers.service import DossierService


def _rows(ctx: AppContext, dossier_id: str) -> dict[str, tuple[str, str]]:
    return {r.key: (r.status, r.note) for r in ChecklistService(ctx).items(dossier_id)}


def test_filled_forms_tick_their_papers(ctx: AppContext) -> None:
    service = DossierService(ctx, today=TODAY)
    d = service.create(make_product(ctx), "first")
    before = _rows(ctx, d.row.id)
    assert before["mau02"][0] == "missing"
    missing_before = ChecklistService(ctx).completeness(d.row.id).missing_keys
    fill_producer_forms(service, d.row.id)
    after = _rows(ctx, d.row.id)
    forms = service.get(d.row.id).forms
    for key in ("mau01", "mau02"):
        assert (after[key] == ("provided", FILLED_IN_APP_NOTE)) == filled_in_app(key, forms)
    assert after["mau02"] == ("provided", FILLED_IN_APP_NOTE)  # the builders fill every required field
    missing_after = ChecklistService(ctx).completeness(d.row.id).missing_keys
    assert "mau02" in missing_before and "mau02" not in missing_after


def test_an_incomplete_form_is_not_counted() -> None:
    assert not filled_in_app("mau02", {})
    assert not filled_in_app("business_registration", {})  # not one of the app's forms
    required = [f.key for f in SECTIONS["mau01"].fields if f.required]
    assert required and not filled_in_app("mau01", {"mau01": {}})


def test_the_officer_saying_waived_wins(ctx: AppContext) -> None:
    service = DossierService(ctx, today=TODAY)
    d = service.create(make_product(ctx), "first")
    fill_producer_forms(service, d.row.id)
    ChecklistService(ctx).update(d.row.id, "mau02", status="waived", note="Nộp bản giấy")
    assert _rows(ctx, d.row.id)["mau02"] == ("waived", "Nộp bản giấy")
