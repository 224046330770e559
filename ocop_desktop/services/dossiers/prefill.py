"""What a new dossier's forms start with: the producer's and the product's registry data copied into
Mẫu 01 (registration) and Mẫu 02 part 1 (the producer), the other sections empty."""

from __future__ import annotations

from datetime import date
from typing import Any

from ocop_desktop.domain.producers import ProducerKind
from ocop_desktop.store.models import Producer, Product


def prefilled_forms(producer: Producer, product: Product, today: date) -> dict[str, dict[str, Any]]:
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
        },
        "mau02_part2": {},
        "mau02_part4": {},
        "mau03": {},
    }
