"""The producer's Mẫu 02 facts (domain.producer_facts.PROFILE_FIELDS), kept with the producer: read to
pre-fill each new dossier, written when the officer takes a dossier's changes back to the record
("Cập nhật vào hồ sơ chủ thể"). Every write goes through the ORM, so the audit log records it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ocop_desktop.domain.errors import NotFoundError, UserError, ValidationError
from ocop_desktop.domain.forms import MAU02_PART1, clean_value
from ocop_desktop.domain.producer_facts import (
    PROFILE_FIELDS,
    SECTION,
    ConsistencyRules,
    Contradiction,
    RegistryFacts,
    contradictions,
)
from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.store.base import ACTOR_OFFICER, utcnow
from ocop_desktop.store.models import Producer, ProducerProfile

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ocop_desktop.services.core.context import AppContext


def profile_facts(s: Session, producer_id: str) -> dict[str, Any]:
    row = s.get(ProducerProfile, producer_id)
    return dict(row.facts) if row is not None else {}


def registry_facts(producer: Producer) -> RegistryFacts:
    return RegistryFacts(
        name=producer.name,
        kind=ProducerKind(producer.kind),
        address=producer.address,
        tax_code=producer.tax_code,
        phone=producer.phone,
        representative=producer.representative,
    )


def registry_facts_of(data: ProducerInput) -> RegistryFacts:
    """The register's fields of a producer as typed (its dialog), before they are saved."""
    return RegistryFacts(
        name=data.name,
        kind=data.kind,
        address=data.address,
        tax_code=data.tax_code,
        phone=data.phone,
        representative=data.representative,
    )


def store_facts(s: Session, producer_id: str, facts: dict[str, Any], officer_id: str | None) -> None:
    """Merge `facts` into the producer's record (only the producer's own Mẫu 02 fields)."""
    unknown = set(facts) - set(PROFILE_FIELDS)
    if unknown:
        raise UserError(f"Không phải thông tin của chủ thể: {', '.join(sorted(unknown))}.")
    row = s.get(ProducerProfile, producer_id)
    if row is None:
        s.add(ProducerProfile(producer_id=producer_id, facts=dict(facts), updated_by_officer_id=officer_id))
        return
    row.facts = {**row.facts, **facts}
    row.updated_at = utcnow()
    row.updated_by_officer_id = officer_id


PROFILE_SPECS = {f.key: f for f in MAU02_PART1.fields if f.key in PROFILE_FIELDS}


def checked_facts(raw: Mapping[str, object]) -> dict[str, Any]:
    """The producer's facts as typed (from its own dialog), checked as Mẫu 02 Part I checks them in a
    draft dossier (a date must be a date, a choice one of the list; empty is allowed) and with the empty
    ones left out; ValidationError (field key -> message) before anything is written."""
    problems: dict[str, str] = {}
    facts: dict[str, Any] = {}
    for key, value in raw.items():
        spec = PROFILE_SPECS.get(key)
        if spec is None:
            problems[key] = f"Không phải thông tin của chủ thể: {key}."
            continue
        cleaned, problem = clean_value(spec, value)
        if problem and not problem.endswith("không được để trống."):
            problems[key] = problem
        elif cleaned not in (None, "") and not (isinstance(cleaned, str) and not cleaned.strip()):
            facts[key] = cleaned
    if problems:
        raise ValidationError(problems)
    return facts


def facts_contradictions(registry: RegistryFacts, raw: Mapping[str, object]) -> list[Contradiction]:
    """What the register's own fields contradict in the facts (as a dossier's check would flag them, the
    registration number against the tax code); facts not valid yet are left out."""
    facts = {}
    for key, value in raw.items():
        spec = PROFILE_SPECS.get(key)
        if spec is not None:
            cleaned, problem = clean_value(spec, value)
            if problem is None:
                facts[key] = cleaned
    return contradictions(registry, {SECTION: facts}, {}, ConsistencyRules())


def replace_facts(s: Session, producer_id: str, facts: dict[str, Any], officer_id: str | None) -> bool:
    """The producer's facts are now exactly `facts` (a fact emptied in the dialog goes); False (and
    nothing written) when they are already."""
    row = s.get(ProducerProfile, producer_id)
    if (row.facts if row is not None else {}) == facts:
        return False
    if row is None:
        s.add(ProducerProfile(producer_id=producer_id, facts=dict(facts), updated_by_officer_id=officer_id))
        return True
    row.facts = dict(facts)
    row.updated_at = utcnow()
    row.updated_by_officer_id = officer_id
    return True


def merge_profiles(s: Session, keep_id: str, duplicate_id: str) -> None:
    """A merge of two producers keeps the kept one's facts and fills its blanks from the duplicate's;
    the duplicate's row goes (deleted through the ORM, so the audit log has it)."""
    duplicate = s.get(ProducerProfile, duplicate_id)
    if duplicate is None:
        return
    kept = profile_facts(s, keep_id)
    blanks = {k: v for k, v in duplicate.facts.items() if k not in kept}
    if blanks:
        store_facts(s, keep_id, blanks, s.info.get(ACTOR_OFFICER))
    s.delete(duplicate)


def drop_profile(s: Session, producer_id: str) -> None:
    row = s.get(ProducerProfile, producer_id)
    if row is not None:
        s.delete(row)


class ProducerProfileService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def facts(self, producer_id: str) -> dict[str, Any]:
        with self._ctx.read() as s:
            if s.get(Producer, producer_id) is None:
                raise NotFoundError("Không tìm thấy chủ thể.")
            return profile_facts(s, producer_id)

    def save(self, producer_id: str, raw: Mapping[str, object]) -> dict[str, Any]:
        """Replace the producer's facts with `raw` as typed in its dialog (`checked_facts`)."""
        facts = checked_facts(raw)
        with self._ctx.unit_of_work() as s:
            if s.get(Producer, producer_id) is None:
                raise NotFoundError("Không tìm thấy chủ thể.")
            replace_facts(s, producer_id, facts, self._ctx.officer_id)
        return self.facts(producer_id)

    def update(self, producer_id: str, facts: dict[str, Any]) -> dict[str, Any]:
        with self._ctx.unit_of_work() as s:
            if s.get(Producer, producer_id) is None:
                raise NotFoundError("Không tìm thấy chủ thể.")
            store_facts(s, producer_id, facts, self._ctx.officer_id)
        return self.facts(producer_id)
