"""The certificates a report counts, read once as plain columns for the office's area (its province's
communes, or its own commune), with the product, producer and commune each names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.store.models import AdminUnit, Certificate, Producer, Product


@dataclass(frozen=True)
class CertificateFact:
    id: str
    product_id: str
    product_name: str
    product_code: str
    product_set: int
    product_ruleset: str
    producer_name: str
    commune_code: str
    commune_name: str
    stars: int
    decision_number: str
    decision_date: date
    issuing_level: str
    valid_until: date
    ruleset_id: str
    revoked_on: date | None

    def valid_on(self, day: date) -> bool:
        """Recognised on `day`: decided, not yet expired, not revoked by then."""
        return self.decision_date <= day <= self.valid_until and (
            self.revoked_on is None or self.revoked_on > day
        )


@dataclass(frozen=True)
class Area:
    label: str
    communes: dict[str, str]  # code -> name: every commune the report covers


def office_area(s: Session, role: str, unit_code: str) -> Area:
    unit = s.get(AdminUnit, unit_code)
    if unit is not None and unit.level == "commune":
        return Area(unit.name, {unit.code: unit.name})
    rows = s.execute(
        select(AdminUnit.code, AdminUnit.name).where(
            AdminUnit.parent_code == unit_code, AdminUnit.level == "commune"
        )
    )
    return Area(unit.name if unit is not None else unit_code, {code: name for code, name in rows})


def certificate_facts(s: Session, area: Area) -> list[CertificateFact]:
    stmt = (
        select(
            Certificate.id,
            Product.id,
            Product.name,
            Product.code,
            Product.product_set,
            Product.ruleset_id,
            Producer.name,
            Product.commune_code,
            Certificate.stars,
            Certificate.decision_number,
            Certificate.decision_date,
            Certificate.issuing_level,
            Certificate.valid_until,
            Certificate.ruleset_id,
            Certificate.revoked_on,
        )
        .join(Product, Product.id == Certificate.product_id)
        .join(Producer, Producer.id == Product.producer_id)
    )
    if len(area.communes) == 1:
        stmt = stmt.where(Product.commune_code == next(iter(area.communes)))
    out = []
    for r in s.execute(stmt):
        commune = area.communes.get(r[7])
        if commune is None:
            continue  # a product of another province (a copy received for evaluation)
        out.append(
            CertificateFact(
                r[0],
                r[1],
                r[2],
                r[3] or "",
                r[4],
                r[5],
                r[6],
                r[7],
                commune,
                r[8],
                r[9],
                r[10],
                r[11],
                r[12],
                r[13],
                r[14],
            )
        )
    return out


def current_by_product(facts: list[CertificateFact], on: date) -> dict[str, CertificateFact]:
    """Each product's certificate valid on `on`: the latest decision when an upgrade overlaps the old one."""
    current: dict[str, CertificateFact] = {}
    for f in facts:
        if f.valid_on(on):
            known = current.get(f.product_id)
            if known is None or (f.decision_date, f.stars) > (known.decision_date, known.stars):
                current[f.product_id] = f
    return current
