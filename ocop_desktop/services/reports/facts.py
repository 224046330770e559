"""The certificates a report counts, read once as plain columns for the office's area (its province's
communes, or its own commune), with the product, producer and commune each names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ClauseElement

from ocop_desktop.store.models import AdminUnit, Certificate, Producer, Product
from ocop_desktop.store.raw import driver


class CertificateFact(NamedTuple):
    """A tuple, not a frozen dataclass: a report builds 20,000 of them and a tuple is built 5× faster."""

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


def _rows(s: Session, stmt: ClauseElement) -> list[Any]:
    """Plain tuples from the driver: the statement (no parameters) compiled by SQLAlchemy, run by the
    driver (`store.raw`: values as SQLite holds them, on either engine). Reports read whole tables;
    SQLAlchemy's row objects and type processing would cost more than the read."""
    conn = s.connection()
    sql = str(stmt.compile(conn, compile_kwargs={"literal_binds": True}))  # a filter's values inline
    return list(driver(conn).execute(sql).fetchall())


Products = dict[str, tuple[str, str, int, str, str, str | None, str]]


def area_products(s: Session, area: Area) -> Products:
    """Product id -> (id, producer id, set, rule set, commune, code, name) for the area's products."""
    stmt = select(
        Product.id,
        Product.producer_id,
        Product.product_set,
        Product.ruleset_id,
        Product.commune_code,
        Product.code,
        Product.name,
    )
    return {r[0]: r for r in _rows(s, stmt) if r[4] in area.communes}


def certificate_facts(
    s: Session, area: Area, *, valid_on: date | None = None, products: Products | None = None
) -> list[CertificateFact]:
    """The area's certificates (only those valid on `valid_on` when given). Two plain scans joined here: at
    province scale (20,000 certificates) an SQL join by UUID costs several times the 300 ms a report may
    take. Dates come as their stored ISO text, which compares as the dates do."""
    day = valid_on.isoformat() if valid_on else None
    if products is None:
        products = area_products(s, area)
    stmt = select(
        Certificate.id,
        Certificate.product_id,
        Certificate.stars,
        Certificate.decision_number,
        Certificate.decision_date,
        Certificate.issuing_level,
        Certificate.valid_until,
        Certificate.ruleset_id,
        Certificate.revoked_on,
    )
    out = []
    parse = date.fromisoformat
    for cid, product_id, stars, number, decided, level, until, ruleset, revoked in _rows(s, stmt):
        if day is not None and not (decided <= day <= until and (revoked is None or revoked > day)):
            continue
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
                parse(decided),
                level,
                parse(until),
                ruleset,
                parse(revoked) if revoked else None,
            )
        )
    return out


def product_labels(
    s: Session, products: Products, product_ids: Iterable[str]
) -> dict[str, tuple[str, str, str]]:
    """Product id -> (product code, product name, producer name) for the products a list shows (thousands
    in an "expired" list at province scale: one scan of producers beats batches of IN queries)."""
    wanted = [products[pid] for pid in set(product_ids) if pid in products]
    if not wanted:
        return {}
    owners = {r[1] for r in wanted}
    names = {pid: name for pid, name in _rows(s, select(Producer.id, Producer.name)) if pid in owners}
    return {r[0]: (r[5] or "", r[6], names.get(r[1], "")) for r in wanted}


def current_by_product(facts: list[CertificateFact], on: date) -> dict[str, CertificateFact]:
    """Each product's certificate valid on `on`: the latest decision when an upgrade overlaps the old one."""
    current: dict[str, CertificateFact] = {}
    for f in facts:
        if f.valid_on(on):
            known = current.get(f.product_id)
            if known is None or (f.decision_date, f.stars) > (known.decision_date, known.stars):
                current[f.product_id] = f
    return current
