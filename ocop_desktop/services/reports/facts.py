"""The certificates a report counts, read once as plain columns for the office's area (its province's
communes, or its own commune), with the product, producer and commune each names."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ClauseElement

from ocop_desktop.store.models import AdminUnit, Certificate, Product
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
    """The communes the office's reports cover: its own commune, or every commune of its province.
    The office's unit and its communes in one statement (every report asks; a server desk pays a
    round trip per statement)."""
    rows = s.execute(
        select(AdminUnit.code, AdminUnit.name, AdminUnit.level).where(
            or_(
                AdminUnit.code == unit_code,
                and_(AdminUnit.parent_code == unit_code, AdminUnit.level == "commune"),
            )
        )
    ).all()
    unit = next((r for r in rows if r.code == unit_code), None)
    if unit is not None and unit.level == "commune":
        return Area(unit.name, {unit.code: unit.name})
    communes = {r.code: r.name for r in rows if r.code != unit_code}
    return Area(unit.name if unit is not None else unit_code, communes)


def plain_rows(s: Session, stmt: ClauseElement) -> list[Any]:
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
    return {r[0]: r for r in plain_rows(s, stmt) if r[4] in area.communes}


def outside(area: Area) -> Select[Any]:
    """Ids of the products not in the area (a copy received for evaluation, another office's). Filtering
    by "not one of these" lets SQLite start from the certificates or dossiers a query wants: at a province
    the list is empty, where "commune in (a hundred codes)" would walk every product of every commune."""
    return select(Product.id).where(Product.commune_code.not_in(sorted(area.communes)))  # from its index


FACT_COLUMNS = (
    Certificate.id,
    Certificate.product_id,
    Product.producer_id,
    Product.product_set,
    Product.ruleset_id,
    Product.commune_code,
    Certificate.stars,
    Certificate.decision_number,
    Certificate.decision_date,
    Certificate.issuing_level,
    Certificate.valid_until,
    Certificate.ruleset_id,
    Certificate.revoked_on,
)


def certificate_facts(
    s: Session, area: Area, *, valid_on: date | None = None, where: ColumnElement[bool] | None = None
) -> list[CertificateFact]:
    """The area's certificates (only those valid on `valid_on`, and meeting `where`, when given), joined to
    their product by the database: only the certificates a report counts come back, with the product
    columns it reads. Dates come as their stored ISO text."""
    stmt = select(*FACT_COLUMNS).join(Product, Product.id == Certificate.product_id)
    stmt = stmt.where(Certificate.product_id.not_in(outside(area)))
    if valid_on is not None:
        stmt = stmt.where(valid_sql(valid_on))
    if where is not None:
        stmt = stmt.where(where)
    parse = date.fromisoformat
    names = area.communes
    make = CertificateFact._make  # tuple.__new__ straight from a tuple: 3× cheaper than the keyword call
    out: list[CertificateFact] = []
    append = out.append
    for row in plain_rows(s, stmt):
        revoked = row[12]
        fact = make(
            (
                *row[:6],
                names[row[5]],
                row[6],
                row[7],
                parse(row[8]),
                row[9],
                parse(row[10]),
                row[11],
                parse(revoked) if revoked else None,
            )
        )
        append(fact)
    return out


def valid_sql(day: date, cert: Any = Certificate) -> ColumnElement[bool]:
    """`CertificateFact.valid_on` as an SQL condition (on `cert`, the table or an alias of it)."""
    return and_(
        cert.decision_date <= day,
        cert.valid_until >= day,
        or_(cert.revoked_on.is_(None), cert.revoked_on > day),
    )


def decided_in(start: date, end: date) -> ColumnElement[bool]:
    """Every certificate of the products with a decision from `start` to `end` (their history)."""
    decided = select(Certificate.product_id).where(Certificate.decision_date.between(start, end))
    return Certificate.product_id.in_(decided)


def current_per_commune(s: Session, area: Area, on: date) -> Counter[str]:
    """Commune -> the area's products with a certificate valid on `on` (each product once)."""
    stmt = (
        select(Product.commune_code, func.count(func.distinct(Certificate.product_id)))
        .join(Product, Product.id == Certificate.product_id)
        .where(valid_sql(on), Certificate.product_id.not_in(outside(area)))
        .group_by(Product.commune_code)
    )
    return Counter({code: n for code, n in plain_rows(s, stmt)})


def current_by_product(facts: list[CertificateFact], on: date) -> dict[str, CertificateFact]:
    """Each product's certificate valid on `on`: the latest decision when an upgrade overlaps the old one."""
    current: dict[str, CertificateFact] = {}
    for f in facts:
        if f.valid_on(on):
            known = current.get(f.product_id)
            if known is None or (f.decision_date, f.stars) > (known.decision_date, known.stars):
                current[f.product_id] = f
    return current
