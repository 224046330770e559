"""Issue 15: the producer's Mẫu 02 facts saved from its own dialog — checked as a draft dossier's Mẫu 02
checks them, nothing written when one is refused; the facts become exactly what was typed; saving them
unchanged writes nothing (no audit entry)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from helpers.builders import make_product
from ocop_desktop.domain.errors import ValidationError
from ocop_desktop.domain.producer_facts import PROFILE_FIELDS
from ocop_desktop.domain.producers import ProducerKind
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.registry.profile import (
    ProducerProfileService,
    checked_facts,
    facts_contradictions,
    registry_facts_of,
)
from ocop_desktop.store.models import AuditEntry, Product


def _producer(ctx: AppContext) -> str:
    product = make_product(ctx)
    with ctx.read() as s:
        return s.get(Product, product).producer_id  # type: ignore[union-attr]


def _entries(ctx: AppContext) -> int:
    with ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_a_refused_fact_writes_nothing_and_names_its_field(ctx: AppContext) -> None:
    producer = _producer(ctx)
    service = ProducerProfileService(ctx)
    service.update(producer, {"history": "Từ 2015"})
    before = _entries(ctx)
    with pytest.raises(ValidationError) as refused:
        service.save(producer, {"established_on": "31/02/2020", "representative_sex": "khac", "color": "x"})
    assert set(refused.value.fields) == {"established_on", "representative_sex", "color"}
    assert service.facts(producer) == {"history": "Từ 2015"} and _entries(ctx) == before


def test_the_facts_become_what_was_typed_and_unchanged_ones_write_nothing(ctx: AppContext) -> None:
    producer = _producer(ctx)
    service = ProducerProfileService(ctx)
    service.update(producer, {"history": "Từ 2015", "representative_sex": "nam"})
    typed = {"history": "", "representative_sex": "nu", "established_on": "15/03/2020", "organisation": "  "}
    assert service.save(producer, typed) == {"representative_sex": "nu", "established_on": "2020-03-15"}
    written = _entries(ctx)
    service.save(producer, typed)  # the same again
    assert _entries(ctx) == written


@given(st.dictionaries(st.sampled_from(PROFILE_FIELDS), st.text(max_size=12), max_size=len(PROFILE_FIELDS)))
def test_checked_facts_keep_no_empty_value_and_only_profile_fields(raw: dict[str, object]) -> None:
    try:
        facts = checked_facts(raw)
    except ValidationError as exc:
        assert set(exc.fields) <= set(raw)
        return
    assert set(facts) <= set(PROFILE_FIELDS)
    assert all(v not in ("", None) and not (isinstance(v, str) and not v.strip()) for v in facts.values())


def test_the_registration_number_against_the_tax_code_is_flagged_as_a_dossier_would() -> None:
    from ocop_desktop.domain.producers import ProducerInput

    data = ProducerInput("HTX A", ProducerKind.COOPERATIVE, "00070", tax_code="0101234567")
    found = facts_contradictions(registry_facts_of(data), {"registration_number": "0109999999"})
    assert [c.field for c in found] == ["mau02_part1.registration_number"]
    assert not facts_contradictions(registry_facts_of(data), {"registration_number": "0101234567"})
