"""The certificates a report counts, read once as plain columns for the office's area (its province's
communes, or its own commune), with the product, producer and commune each names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from ocop_desktop.store.models import AdminUnit, Certificate, Producer, Product


@dataclass(frozen=True)
class CertificateFact:
    id: str
    product_id: str
    producer_id: str
    product_set: int
    product_ruleset: str
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


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def certificate_facts(s: Session, area: Area) -> list[CertificateFact]:
    """Two plain scans joined here, through the connection (Core rows, dates parsed from their ISO text):
    at province scale (20,000 certificates) an SQL join by UUID and SQLAlchemy's per-row processing
    cost several times the 300 ms a report may take."""
    conn = s.connection()
    product_rows = conn.execute(
        select(Product.id, Product.producer_id, Product.product_set, Product.ruleset_id, Product.commune_code)
    )
    products = {r[0]: r for r in product_rows.fetchall() if r[4] in area.communes}
    stmt = select(
        Certificate.id,
        Certificate.product_id,
        Certificate.stars,
        Certificate.decision_number,
        type_coerce(Certificate.decision_date, String),
        Certificate.issuing_level,
        type_coerce(Certificate.valid_until, String),
        Certificate.ruleset_id,
        type_coerce(Certificate.revoked_on, String),
    )
    out = []
    for cid, product_id, stars, number, decided, level, until, ruleset, revoked in conn.execute(
        stmt
    ).fetchall():
        p = products.get(product_id)
        if p is None:
            continue  # a product of another area (a copy received for evaluation)
        out.append(
            CertificateFact(
                cid,
                product_id,
                p[1],
                p[2],
                p[3],
                p[4],
                area.communes[p[4]],
                stars,
                number,
                date.fromisoformat(decided),
                level,
                date.fromisoformat(until),
                ruleset,
                _date(revoked),
            )
        )
    return out


def product_labels(s: Session, product_ids: Iterable[str]) -> dict[str, tuple[str, str, str]]:
    """Product id -> (product code, product name, producer name), for the few products a list shows."""
    ids = list(set(product_ids))
    out: dict[str, tuple[str, str, str]] = {}
    for start in range(0, len(ids), 500):
        stmt = (
            select(Product.id, Product.code, Product.name, Producer.name)
            .join(Producer, Producer.id == Product.producer_id)
            .where(Product.id.in_(ids[start : start + 500]))
        )
        for pid, code, name, producer in s.execute(stmt):
            out[pid] = (code or "", name, producer)
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
