"""Undoing mistakes: a product or producer entered by mistake is deleted while nothing depends on it, a
producer entered twice is merged into the other, and a draft dossier that never left the office is
deleted; everything else is refused with the reason and changes nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from helpers.builders import make_product
from ocop_desktop.domain.errors import ConflictError, UserError
from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.removal import DossierRemoval
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.services.registry.products import ProductService
from ocop_desktop.services.registry.removal import RegisterRemoval
from ocop_desktop.store.models import ChecklistItem, Dossier, Producer, Product
from tests.helpers.dossier_ui import complete_dossier
from tests.helpers.dump import table_dump


def _dump(ctx: AppContext) -> list[str]:
    return table_dump(ctx.engine)


def _count(ctx: AppContext, model: type) -> int:
    with ctx.read() as s:
        return s.query(model).count()


def test_a_product_and_its_producer_entered_by_mistake_are_deleted(ctx: AppContext) -> None:
    product = ProductService(ctx).get(make_product(ctx))
    removal = RegisterRemoval(ctx)
    with pytest.raises(UserError, match="còn 1 sản phẩm"):
        removal.delete_producer(product.producer_id, expected_revision=1)
    with pytest.raises(ConflictError):
        removal.delete_product(product.id, expected_revision=product.revision + 1)
    removal.delete_product(product.id, expected_revision=product.revision)
    assert _count(ctx, Product) == 0
    removal.delete_producer(product.producer_id, expected_revision=1)
    assert _count(ctx, Producer) == 0


def test_a_product_with_a_dossier_stays_and_nothing_changes(ctx: AppContext) -> None:
    product_id = make_product(ctx)
    DossierService(ctx).create(product_id, "first")
    before = _dump(ctx)
    removal = RegisterRemoval(ctx)
    assert "đã có 1 hồ sơ" in removal.product_blockers(product_id)
    with pytest.raises(UserError, match="chưa có hồ sơ nào"):
        removal.delete_product(product_id, expected_revision=1)
    assert _dump(ctx) == before


def test_a_duplicate_producer_is_merged_into_the_one_kept(ctx: AppContext) -> None:
    kept = ProductService(ctx).get(make_product(ctx, producer="HTX Cà phê Hoàn Kiếm", product="Cà phê rang"))
    dup = ProductService(ctx).get(make_product(ctx, producer="Hợp tác xã Cà phê HK", product="Cà phê bột"))
    producers = ProducerService(ctx)
    keep = producers.get(kept.producer_id)
    keep = producers.update(keep.id, replace(keep.as_input(), email="", phone=""), expected_revision=1)
    other = producers.get(dup.producer_id)
    result = RegisterRemoval(ctx).merge_producers(
        keep.id, other.id, expected_revisions=(keep.revision, other.revision)
    )
    assert result.products_moved == 1 and result.fields_filled == ("phone",)  # the duplicate had no e-mail
    assert _count(ctx, Producer) == 1
    after = producers.get(keep.id)
    assert after.phone == other.phone and after.product_count == 2 and after.name == "HTX Cà phê Hoàn Kiếm"
    moved = ProductService(ctx).get(dup.id)
    assert moved.producer_id == keep.id and moved.code == dup.code  # the product keeps its code
    found = {p.name for p in ProductService(ctx).search("htx ca phe hoan kiem")}  # under the kept name
    assert found == {"Cà phê rang", "Cà phê bột"}


def test_merging_across_communes_is_refused(ctx: AppContext) -> None:
    a = ProductService(ctx).get(make_product(ctx))
    other = ProducerService(ctx).create(
        ProducerInput(
            name="Hộ Nguyễn Văn A",
            kind=ProducerKind.PRODUCTION_HOUSEHOLD,
            commune_code="00004",
            representative="Nguyễn Văn A",
        )
    )
    before = _dump(ctx)
    with pytest.raises(UserError, match="hai xã/phường khác nhau"):
        RegisterRemoval(ctx).merge_producers(a.producer_id, other.id, expected_revisions=(1, 1))
    with pytest.raises(UserError, match="hai chủ thể khác nhau"):
        RegisterRemoval(ctx).merge_producers(a.producer_id, a.producer_id, expected_revisions=(1, 1))
    assert _dump(ctx) == before


def test_a_draft_dossier_is_deleted_with_its_parts(ctx: AppContext, tmp_path: Path) -> None:
    service = DossierService(ctx)
    dossier_id = service.create(make_product(ctx), "first").row.id
    complete_dossier(ctx, dossier_id, tmp_path)
    assert _count(ctx, ChecklistItem) > 0
    removal = DossierRemoval(ctx)
    assert removal.blocker(dossier_id) == ""
    revision = service.get(dossier_id).row.revision
    removal.delete_draft(dossier_id, expected_revision=revision)
    assert _count(ctx, Dossier) == 0 and _count(ctx, ChecklistItem) == 0


def test_a_received_dossier_cannot_be_deleted(ctx: AppContext, tmp_path: Path) -> None:
    service = DossierService(ctx)
    dossier_id = service.create(make_product(ctx), "first").row.id
    complete_dossier(ctx, dossier_id, tmp_path)
    service.act(dossier_id, "mark_complete")
    service.act(dossier_id, "receive")
    detail = service.get(dossier_id)
    before = _dump(ctx)
    with pytest.raises(UserError, match="chỉ xóa được hồ sơ đang soạn"):
        DossierRemoval(ctx).delete_draft(dossier_id, expected_revision=detail.row.revision)
    assert _dump(ctx) == before
