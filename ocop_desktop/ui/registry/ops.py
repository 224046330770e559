"""What the registry's pages and dialogs ask of the services, as plain functions; the widgets never
build a service themselves.

Saves and the certificate history are jobs, `(progress, ctx, …) -> row`, run in the background
with `run_task` (saves on the writer thread). The list pages' page-by-page reads and the pickers'
searches are called directly: one page of rows per keystroke, the cost the lists are built around
(`kit.lazy_model`)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ocop_desktop.domain.errors import ValidationError
from ocop_desktop.domain.producer_facts import PROFILE_FIELDS, field_label
from ocop_desktop.domain.producers import ProducerInput, validate_producer
from ocop_desktop.domain.products import ProductInput
from ocop_desktop.services.core.units import COMMUNE, UnitService
from ocop_desktop.services.registry.certificates import CertificateInput, CertificateRow, CertificateService
from ocop_desktop.services.registry.producers import ProducerRow, ProducerService
from ocop_desktop.services.registry.product_listing import ProductFilter, SortOrder
from ocop_desktop.services.registry.products import ProductRow, ProductService, product_set_names
from ocop_desktop.services.registry.profile import (
    ProducerProfileService,
    checked_facts,
    facts_contradictions,
    registry_facts_of,
)
from ocop_desktop.services.registry.removal import MergeResult, RegisterRemoval

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext


# -- lists and pickers (direct) ------------------------------------------------------------------
def producers(
    ctx: AppContext, query: str, offset: int, limit: int, order: tuple[str, bool] | None = None
) -> list[ProducerRow]:
    return ProducerService(ctx).search(query, offset=offset, limit=limit, order=order)


def count_producers(ctx: AppContext, query: str) -> int:
    return ProducerService(ctx).count(query)


def products(
    ctx: AppContext,
    query: str,
    offset: int,
    limit: int,
    where: ProductFilter | None = None,
    order: tuple[str, bool] | None = None,
) -> list[ProductRow]:
    sort = SortOrder(*order) if order else None
    return ProductService(ctx).search(query, offset=offset, limit=limit, where=where, order=sort)


def count_products(ctx: AppContext, query: str, where: ProductFilter | None = None) -> int:
    return ProductService(ctx).count(query, where=where)


def product_sets(ruleset_id: str | None) -> dict[int, str]:
    """Product set number -> name, in the rule set `ruleset_id` (the one in force when None)."""
    return product_set_names(ruleset_id)


def office_commune(ctx: AppContext) -> tuple[str, str] | None:
    """(code, label) of this office's commune; None at a province or before the set-up."""
    office = ctx.office_or_none()
    if office is None:
        return None
    unit = UnitService(ctx).get(office.unit_code)
    return (unit.code, unit.label) if unit.level == COMMUNE else None


def producer_profile(ctx: AppContext, producer_id: str) -> dict[str, object]:
    """The producer's Mẫu 02 facts as stored (one small read)."""
    return ProducerProfileService(ctx).facts(producer_id)


def facts_warnings(data: ProducerInput, facts: dict[str, object]) -> list[str]:
    """What the producer's own fields contradict in its facts, as a dossier's check says it (pure)."""
    return [c.message for c in facts_contradictions(registry_facts_of(data), facts)]


# -- saves and loads (jobs) ----------------------------------------------------------------------
def save_producer(
    _progress: Progress | None,
    ctx: AppContext,
    producer: ProducerRow | None,
    data: ProducerInput,
    facts: dict[str, object] | None = None,
) -> ProducerRow:
    """Create the producer, or update `producer` if it is still at the revision the form showed; then
    its Mẫu 02 facts (`facts`, as typed: checked before anything is written)."""
    if facts is not None:  # a bad date refuses the whole save, producer included, with every message
        problems = validate_producer(data)[1]
        try:
            checked_facts(facts)
        except ValidationError as exc:
            problems = {**problems, **exc.fields}
        if problems:
            raise ValidationError(problems)
    service = ProducerService(ctx)
    if producer is None:
        row = service.create(data)
    else:
        row = service.update(producer.id, data, expected_revision=producer.revision)
    if facts is not None:
        ProducerProfileService(ctx).save(row.id, facts)
    return row


def save_product(
    _progress: Progress | None, ctx: AppContext, product: ProductRow | None, data: ProductInput
) -> ProductRow:
    """Create the product (the service gives its code), or update `product` at its revision."""
    service = ProductService(ctx)
    if product is None:
        return service.create(data)
    return service.update(product.id, data, expected_revision=product.revision)


def certificate_history(_progress: Progress | None, ctx: AppContext, product_id: str) -> list[CertificateRow]:
    return CertificateService(ctx).history(product_id)


def add_certificate(_progress: Progress | None, ctx: AppContext, data: CertificateInput) -> CertificateRow:
    return CertificateService(ctx).add(data)


def revoke_certificate(
    _progress: Progress | None, ctx: AppContext, certificate_id: str, on: date, reason: str
) -> CertificateRow:
    return CertificateService(ctx).revoke(certificate_id, on=on, reason=reason)


# -- undoing mistakes (jobs on the writer thread) ---------------------------------------------------
def delete_producer(_progress: Progress | None, ctx: AppContext, producer_id: str, revision: int) -> None:
    RegisterRemoval(ctx).delete_producer(producer_id, expected_revision=revision)


def delete_product(_progress: Progress | None, ctx: AppContext, product_id: str, revision: int) -> None:
    RegisterRemoval(ctx).delete_product(product_id, expected_revision=revision)


def merge_producers(
    _progress: Progress | None, ctx: AppContext, keep: ProducerRow, duplicate: ProducerRow
) -> MergeResult:
    return RegisterRemoval(ctx).merge_producers(
        keep.id, duplicate.id, expected_revisions=(keep.revision, duplicate.revision)
    )


def producer(ctx: AppContext, producer_id: str) -> ProducerRow:
    return ProducerService(ctx).get(producer_id)


def same_commune_producers(ctx: AppContext, keep: ProducerRow, query: str) -> list[tuple[str, str]]:
    """The other producers of `keep`'s commune matching `query` (the merge dialog's picker)."""
    # the commune's name is in every producer's search key: adding it narrows the search to that commune
    rows = ProducerService(ctx).search(f"{query} {keep.commune_name}", limit=60)
    label = QCoreApplication.translate("ProducerMerge", "{name} — {who} ({count} sản phẩm)")
    return [
        (r.id, label.format(name=r.name, who=r.representative or r.tax_code, count=r.product_count))
        for r in rows
        if r.id != keep.id and r.commune_code == keep.commune_code
    ][:20]


def producer_facts(ctx: AppContext, producer_id: str) -> list[tuple[str, object]]:
    """The producer's Mẫu 02 facts kept with it, as (label, value) in form order (one small read)."""
    facts = ProducerProfileService(ctx).facts(producer_id)
    return [(field_label(k), facts[k]) for k in PROFILE_FIELDS if k in facts]
