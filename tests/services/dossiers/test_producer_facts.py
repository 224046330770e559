"""One producer, one set of facts (issue 15): Mẫu 02's producer facts kept with the producer, pre-filling
each new dossier, offered back when a dossier changes them; contradictions flagged with the field named."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from helpers.builders import make_product
from ocop_desktop.domain.producer_facts import PROFILE_FIELDS, RegistryFacts, contradictions, profile_changes
from ocop_desktop.domain.producers import ProducerKind
from ocop_desktop.domain.products import ProductInput
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.consistency import ConsistencyService, consistency_rules
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.registry.products import ProductService
from ocop_desktop.services.registry.profile import ProducerProfileService
from ocop_desktop.services.registry.removal import RegisterRemoval
from ocop_desktop.store.models import AuditEntry, Producer, ProducerProfile, Product

HTX = RegistryFacts(
    "HTX Cà phê", ProducerKind.COOPERATIVE, "Số 5 Hàng Bài", "0101234567", "0912345678", "Lê Thị Mai"
)
RULES = consistency_rules("qd26-2026")


def _producer_of(ctx: AppContext, product_id: str) -> str:
    with ctx.read() as s:
        product = s.get(Product, product_id)
        assert product is not None
        return product.producer_id


def test_the_facts_of_one_dossier_go_back_to_the_producer_and_fill_the_next(ctx: AppContext) -> None:
    service, consistency = DossierService(ctx), ConsistencyService(ctx)
    product = make_product(ctx)
    first = service.create(product, "first")
    facts = {
        "representative_sex": "nu",
        "representative_ethnicity": "Tày",
        "registration_number": "0101234567",
    }
    service.save_section(first.row.id, "mau02_part1", facts, expected_revision=first.row.revision)
    view = consistency.check(first.row.id)
    assert {c.key: (c.recorded, c.here) for c in view.changes} == {k: (None, v) for k, v in facts.items()}
    consistency.take_back(first.row.id)
    assert ProducerProfileService(ctx).facts(view.producer_id) == facts
    assert consistency.check(first.row.id).changes == ()
    with ctx.read() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.table_name == "producer_profile")).all()
    # another product of the same producer: its new dossier starts from the producer's facts
    tea = ProductService(ctx).create(ProductInput(_producer_of(ctx, product), "Trà gừng", 13)).id
    part1 = service.create(tea, "first").forms["mau02_part1"]
    assert {k: part1[k] for k in facts} == facts
    assert part1["producer_name"] == "Hợp tác xã Cà phê Hoàn Kiếm"  # the register's own facts too


def test_only_the_producers_own_facts_are_offered_back(ctx: AppContext) -> None:
    service = DossierService(ctx)
    d = service.create(make_product(ctx), "first")
    service.save_section(
        d.row.id,
        "mau02_part1",
        {"specification": "Gói 500 g", "history": "Thành lập 2015"},
        expected_revision=d.row.revision,
    )
    changes = ConsistencyService(ctx).check(d.row.id).changes
    assert [c.key for c in changes] == ["history"]  # the product's specification stays with the dossier
    assert changes[0].label == "Lịch sử hình thành chủ thể"


def test_an_address_and_a_type_that_differ_from_the_record_are_flagged_with_the_field(
    ctx: AppContext,
) -> None:
    service = DossierService(ctx)
    d = service.create(make_product(ctx), "first")
    assert ConsistencyService(ctx).check(d.row.id).contradictions == ()  # pre-filled: nothing differs
    service.save_section(
        d.row.id,
        "mau02_part1",
        {"address": "Thôn 3, xã Khác", "organisation_type": "Doanh nghiệp nhỏ và vừa"},
        expected_revision=d.row.revision,
    )
    found = {c.field: c for c in ConsistencyService(ctx).check(d.row.id).contradictions}
    assert set(found) == {"mau02_part1.address", "mau02_part1.organisation_type"}
    assert "Số 5 Hàng Bài" in found["mau02_part1.address"].message
    assert found["mau02_part1.organisation_type"].label == "Loại hình tổ chức"


def test_a_self_assessment_claim_the_record_denies_is_flagged(ctx: AppContext) -> None:
    from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService

    service = DossierService(ctx)
    d = service.create(make_product(ctx), "first")
    d = service.save_section(
        d.row.id,
        "mau02_part1",
        {"representative_sex": "nam", "representative_ethnicity": "Kinh"},
        expected_revision=d.row.revision,
    )
    SelfAssessmentService(ctx).save(
        d.row.id, answers={"3.1": 0, "3.2": 1}
    )  # a household; a woman or minority
    found = {c.field: c.message for c in ConsistencyService(ctx).check(d.row.id).contradictions}
    assert "Hợp tác xã" in found["self_assessment.3.1"]
    assert "khuyết tật" in found["self_assessment.3.2"]
    SelfAssessmentService(ctx).save(d.row.id, answers={"3.1": 2, "3.2": 0})
    assert ConsistencyService(ctx).check(d.row.id).contradictions == ()


def test_merging_and_deleting_producers_keep_the_facts_whole(ctx: AppContext) -> None:
    a = _producer_of(ctx, make_product(ctx))
    b = _producer_of(ctx, make_product(ctx, producer="HTX Cà phê Hoàn Kiếm (trùng)", product="Cà phê hạt"))
    profiles = ProducerProfileService(ctx)
    profiles.update(a, {"history": "Thành lập 2015"})
    profiles.update(b, {"history": "khác", "representative_ethnicity": "Tày"})
    with ctx.read() as s:
        revisions = (s.get(Producer, a).revision, s.get(Producer, b).revision)  # type: ignore[union-attr]
    RegisterRemoval(ctx).merge_producers(a, b, expected_revisions=revisions)
    assert profiles.facts(a) == {"history": "Thành lập 2015", "representative_ethnicity": "Tày"}
    with ctx.read() as s:
        assert s.get(ProducerProfile, b) is None


facts_text = st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs"]), max_size=12)


@given(st.dictionaries(st.sampled_from(PROFILE_FIELDS), facts_text, max_size=5))
def test_a_dossier_filled_from_the_record_offers_nothing_back(profile: dict[str, str]) -> None:
    forms = {"mau02_part1": dict(profile)}
    assert profile_changes(profile, forms) == {}


@given(st.sampled_from(list(ProducerKind)))
def test_the_record_never_contradicts_a_form_filled_from_it(kind: ProducerKind) -> None:
    registry = RegistryFacts("Chủ thể", kind, "Số 1", "", "0912345678", "Người A")
    forms = {
        "mau02_part1": {
            "producer_name": "Chủ thể",
            "organisation_type": kind.label,
            "address": "số 1",
            "representative": "NGƯỜI A",
            "phone": "0912345678",
            "has_business_registration": True,
        }
    }
    assert contradictions(registry, forms, {}, RULES) == []


def test_a_registration_number_other_than_the_tax_code_is_flagged() -> None:
    forms = {"mau02_part1": {"registration_number": "0109999999"}}
    (found,) = contradictions(HTX, forms, {}, RULES)
    assert found.field == "mau02_part1.registration_number" and "0101234567" in found.message
