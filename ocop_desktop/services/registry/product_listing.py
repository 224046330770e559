"""What the products list adds to a product: its current certificate (stars, valid until, state on
today), filters on them, and an order by any column — all in SQL, a page at a time, so a province's
20,000 products never come to Python at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Select
from sqlalchemy.sql.selectable import Subquery

from ocop_desktop.domain.certificate_state import CertificateState, StateBounds
from ocop_desktop.store.models import AdminUnit, Certificate, Producer, Product

NO_STARS = 0  # the star filter's value for "no current certificate"


@dataclass(frozen=True)
class ProductFilter:
    stars: int | None = None  # 3, 4, 5, or NO_STARS
    state: CertificateState | None = None


@dataclass(frozen=True)
class SortOrder:
    key: str  # one of SORT_KEYS
    descending: bool = False


def current_certificate(today: date, product_ids: list[str] | None = None) -> Subquery:
    """Each product's current certificate: the newest by decision date that is not revoked by
    `today` (a renewal replaces the old one; ties broken by id so a product has one row at most)."""
    rank = (
        func.row_number()
        .over(
            partition_by=Certificate.product_id,
            order_by=(Certificate.decision_date.desc(), Certificate.id.desc()),
        )
        .label("rank")
    )
    ranked = (
        select(Certificate.product_id, Certificate.stars, Certificate.valid_until, rank)
        .where(or_(Certificate.revoked_on.is_(None), Certificate.revoked_on > today))
        .where(Certificate.product_id.in_(product_ids) if product_ids is not None else true())
        .subquery()
    )
    current = select(ranked.c.product_id, ranked.c.stars, ranked.c.valid_until).where(ranked.c.rank == 1)
    return current.subquery()


def certificates_of(s: Session, product_ids: list[str], today: date) -> dict[str, tuple[int, date]]:
    """Product id -> (stars, valid until) of the current certificate, for one page of products."""
    if not product_ids:
        return {}
    cert = current_certificate(today, product_ids)
    rows = s.execute(select(cert.c.product_id, cert.c.stars, cert.c.valid_until))
    return {product_id: (stars, valid_until) for product_id, stars, valid_until in rows}


def uses_certificate(where: ProductFilter | None, order: SortOrder | None) -> bool:
    """Whether the list must join each product's certificate (a filter or an order on it)."""
    filters = where is not None and (where.stars is not None or where.state is not None)
    return filters or (order is not None and order.key in CERTIFICATE_KEYS)


def with_certificate(stmt: Select[Any], cert: Subquery) -> Select[Any]:
    return stmt.outerjoin(cert, cert.c.product_id == Product.id)


def filtered(stmt: Select[Any], cert: Subquery, f: ProductFilter, bounds: StateBounds) -> Select[Any]:
    if f.stars == NO_STARS:
        stmt = stmt.where(cert.c.stars.is_(None))
    elif f.stars is not None:
        stmt = stmt.where(cert.c.stars == f.stars)
    if f.state is CertificateState.NONE:
        stmt = stmt.where(cert.c.valid_until.is_(None))
    elif f.state is not None:
        first, last = bounds.valid_until_range(f.state)
        conditions: list[ColumnElement[bool]] = [cert.c.valid_until.is_not(None)]
        if first is not None:
            conditions.append(cert.c.valid_until >= first)
        if last is not None:
            conditions.append(cert.c.valid_until <= last)
        stmt = stmt.where(and_(*conditions))
    return stmt


def sort_columns(cert: Subquery | None) -> dict[str, Any]:
    """The list's sort keys; products without a certificate sort after those with one, both ways."""
    columns: dict[str, Any] = {
        "code": Product.code,
        "name": Product.search_key,  # folded: "Ấm" sorts with "Am", as a reader expects
        "set": Product.product_set,
        "producer": Producer.search_key,
        "commune": AdminUnit.search_key,
    }
    if cert is not None:
        columns |= {"stars": cert.c.stars, "valid_until": cert.c.valid_until}
    return columns


CERTIFICATE_KEYS = ("stars", "valid_until")
SORT_KEYS = ("code", "name", "set", "producer", "commune", *CERTIFICATE_KEYS)


def ordered(stmt: Select[Any], cert: Subquery | None, order: SortOrder) -> Select[Any]:
    column = sort_columns(cert)[order.key]
    direction = column.desc() if order.descending else column.asc()
    return stmt.order_by(column.is_(None), direction, Product.id)
