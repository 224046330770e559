"""One open dossier per product unless the officer insists (issue 15)."""

from __future__ import annotations

import pytest

from helpers.builders import make_product
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.duplicates import DuplicateDossier
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.store.models import Dossier


def test_a_product_with_an_open_dossier_gets_no_second_one_unless_asked(ctx: AppContext) -> None:
    service = DossierService(ctx)
    product = make_product(ctx)
    service.create(product, "first")
    with pytest.raises(DuplicateDossier) as info:
        service.create(product, "first")
    assert "đã có 1 hồ sơ chưa có quyết định" in info.value.message
    assert len(info.value.open_dossiers) == 1 and len(service.search()) == 1
    service.create(product, "first", allow_duplicate=True)
    assert len(service.search()) == 2


def test_a_decided_dossier_does_not_count(ctx: AppContext) -> None:
    service = DossierService(ctx)
    product = make_product(ctx)
    first = service.create(product, "first").row.id
    with ctx.sessions.begin() as s:  # as a decision leaves it
        s.get(Dossier, first).status = "decided"
    assert service.create(product, "first").row.id != first
