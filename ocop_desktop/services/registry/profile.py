"""The producer's Mẫu 02 facts (domain.producer_facts.PROFILE_FIELDS), kept with the producer: read to
pre-fill each new dossier, written when the officer takes a dossier's changes back to the record
("Cập nhật vào hồ sơ chủ thể"). Every write goes through the ORM, so the audit log records it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ocop_desktop.domain.errors import NotFoundError, UserError
from ocop_desktop.domain.producer_facts import PROFILE_FIELDS, RegistryFacts
from ocop_desktop.domain.producers import ProducerKind
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

    def update(self, producer_id: str, facts: dict[str, Any]) -> dict[str, Any]:
        with self._ctx.unit_of_work() as s:
            if s.get(Producer, producer_id) is None:
                raise NotFoundError("Không tìm thấy chủ thể.")
            store_facts(s, producer_id, facts, self._ctx.officer_id)
        return self.facts(producer_id)
