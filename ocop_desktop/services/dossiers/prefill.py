"""What a new dossier's forms start with: the producer's and the product's registry data copied into
Mẫu 01 (registration) and Mẫu 02 part 1 (the producer), with the facts kept with the producer
(`ProducerProfile`: the representative's sex and ethnicity, registration number, history, …); the other
sections empty. An upgrade or re-evaluation starts from its previous dossier, its Part I brought up to
date with the producer's record the same way."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.producers import ProducerKind
from ocop_desktop.store.models import Producer, Product, ScoreSheet


def prefilled_forms(
    producer: Producer, product: Product, today: date, profile: dict[str, Any] | None = None
) -> dict[str, dict[str, Any]]:
    """The forms of a first dossier: what the registry already knows, so nobody types it twice."""
    kind = ProducerKind(producer.kind).label
    return {
        "mau01": {
            "unit_name": producer.name,
            "representative": producer.representative,
            "position": producer.representative_title,
            "address": producer.address,
            "phone": producer.phone,
            "email": producer.email,
            "product_name": product.name,
            "sample_count": 0 if product.product_set == 26 else 5,
            "registered_on": today.isoformat(),
        },
        "mau02_part1": {
            "producer_name": producer.name,
            "organisation_type": kind,
            "address": producer.address,
            "phone": producer.phone,
            "email": producer.email,
            "representative": producer.representative,
            "product_name": product.name,
            "has_business_registration": bool(producer.tax_code),
            **(profile or {}),
        },
        "mau02_part2": {},
        "mau02_part4": {},
        "mau03": {},
    }


def refreshed_forms(
    previous: dict[str, dict[str, Any]], producer: Producer, product: Product, profile: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """A later dossier's forms: the previous dossier's, Mẫu 03 empty, Part I's producer facts from the
    record as it is now (the producer may have moved or changed its representative since)."""
    fresh = prefilled_forms(producer, product, date.today(), profile)["mau02_part1"]
    fresh.pop("has_business_registration", None)  # the previous answer stands unless the record says
    part1 = {**previous.get("mau02_part1", {}), **{k: v for k, v in fresh.items() if v not in ("", None)}}
    return {**previous, "mau02_part1": part1, "mau03": {}}


def previous_answers(s: Session, dossier_id: str) -> dict[str, int]:
    """The self-assessment a later dossier starts from: its previous dossier's answers."""
    sheet = s.scalars(
        select(ScoreSheet).where(ScoreSheet.dossier_id == dossier_id, ScoreSheet.kind == "self")
    ).first()
    return dict(sheet.answers) if sheet else {}
