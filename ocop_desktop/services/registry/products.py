"""Products: classified into one of the product sets of the rule set in force, coded
`T-X-STT-YYYY`, listed and filtered fast at province scale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select

from ocop_desktop.domain.certificate_state import CertificateState, StateBounds, certificate_state
from ocop_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from ocop_desktop.domain.products import ProductInput, product_code, validate_product
from ocop_desktop.domain.text import fold
from ocop_desktop.services.registry import product_listing as listing
from ocop_desktop.services.registry.product_listing import ProductFilter, SortOrder
from ocop_desktop.store.concurrency import PRODUCT_NUMBERS, locked, serialise
from ocop_desktop.store.models import AdminUnit, Producer, Product
from ocop_desktop.store.queries import by_relevance, prefer_index_scans

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class ProductRow:
    id: str
    revision: int
    code: str
    name: str
    product_set: int
    product_set_name: str
    ruleset_id: str
    producer_id: str
    producer_name: str
    commune_code: str
    commune_name: str
    description: str
    brand: str
    packaging: str
    stars: int | None = None  # of the current certificate (the newest not revoked), as listed
    valid_until: date | None = None
    certificate_state: CertificateState = CertificateState.NONE


def product_set_names(ruleset_id: str | None = None) -> dict[int, str]:
    """Product set number -> name, from the rule set (in force when no id is given)."""
    from ocop_desktop.services.core.rules import RuleService

    return {ps.number: ps.name for ps in RuleService().product_sets(ruleset_id)}


def current_ruleset_id(on: date | None = None) -> str:
    from ocop_desktop.services.core.rules import RuleService

    return RuleService().in_force(on or date.today()).id


class ProductService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._fixed_today = today  # the day certificate states are read for (tests); else each call's

    def create(self, data: ProductInput) -> ProductRow:
        ruleset_id = current_ruleset_id()
        names = product_set_names(ruleset_id)
        clean, problems = validate_product(data, set(names))
        if problems:
            raise ValidationError(problems)
        with self._ctx.unit_of_work() as s:
            producer = s.get(Producer, clean.producer_id)
            if producer is None:
                raise ValidationError({"producer_id": "Chủ thể sản xuất không tồn tại."})
            commune = s.get(AdminUnit, producer.commune_code)
            assert commune is not None and commune.parent_code is not None
            serialise(s, PRODUCT_NUMBERS)  # running numbers, one desk at a time (with register imports)
            seq = (
                s.scalar(select(func.max(Product.seq)).where(Product.commune_code == commune.code)) or 0
            ) + 1
            year = clean.year or date.today().year
            row = Product(
                producer_id=producer.id,
                name=clean.name,
                ruleset_id=ruleset_id,
                product_set=clean.product_set,
                code=product_code(commune.parent_code, commune.code, seq, year),
                commune_code=commune.code,
                seq=seq,
                description=clean.description,
                brand=clean.brand,
                packaging=clean.packaging,
                search_key=product_search_key(
                    clean.name, producer.name, names[clean.product_set], clean.brand
                ),
            )
            row.search_key += " " + fold(row.code or "")
            s.add(row)
            s.flush()
            return _row(row, producer.name, commune.name, names)

    def update(self, product_id: str, data: ProductInput, *, expected_revision: int) -> ProductRow:
        with self._ctx.unit_of_work() as s:
            row = locked(s, Product, product_id)
            if row is None:
                raise NotFoundError("Sản phẩm này không còn trong cơ sở dữ liệu.")
            if row.revision != expected_revision:
                raise ConflictError(
                    "Sản phẩm đã được người khác sửa trong lúc bạn đang sửa. Hãy mở lại để xem bản mới."
                )
            names = product_set_names(row.ruleset_id)
            clean, problems = validate_product(data, set(names))
            if problems:
                raise ValidationError(problems)
            producer = s.get(Producer, clean.producer_id)
            if producer is None:
                raise ValidationError({"producer_id": "Chủ thể sản xuất không tồn tại."})
            row.producer_id, row.name, row.product_set = producer.id, clean.name, clean.product_set
            row.description, row.brand, row.packaging = clean.description, clean.brand, clean.packaging
            row.search_key = product_search_key(
                clean.name, producer.name, names[clean.product_set], clean.brand, row.code or ""
            )
            s.flush()
            commune = s.get(AdminUnit, row.commune_code)
            return _row(row, producer.name, commune.name if commune else "", names)

    def get(self, product_id: str) -> ProductRow:
        rows = self._query(ids=[product_id])
        if not rows:
            raise NotFoundError("Không tìm thấy sản phẩm.")
        return rows[0]

    def count(
        self, query: str = "", *, producer_id: str | None = None, where: ProductFilter | None = None
    ) -> int:
        stmt = _filtered(select(func.count()).select_from(Product), query, producer_id)
        if where is not None and where != ProductFilter():
            cert = listing.current_certificate(self._today())
            stmt = listing.filtered(listing.with_certificate(stmt, cert), cert, where, self._bounds())
        with self._ctx.read() as s:
            prefer_index_scans(s)
            return int(s.scalar(stmt) or 0)

    def search(
        self,
        query: str = "",
        *,
        producer_id: str | None = None,
        offset: int = 0,
        limit: int | None = None,
        where: ProductFilter | None = None,
        order: SortOrder | None = None,
    ) -> list[ProductRow]:
        return self._query(
            query=query, producer_id=producer_id, offset=offset, limit=limit, where=where, order=order
        )

    def _today(self) -> date:
        return self._fixed_today or date.today()

    def _bounds(self) -> StateBounds:
        from ocop_desktop.services.core.rules import RuleService

        today = self._today()
        return StateBounds(today, RuleService().procedure(None, today).reevaluation_opens_days)

    def _query(
        self,
        *,
        query: str = "",
        producer_id: str | None = None,
        ids: list[str] | None = None,
        offset: int = 0,
        limit: int | None = None,
        where: ProductFilter | None = None,
        order: SortOrder | None = None,
    ) -> list[ProductRow]:
        bounds = self._bounds()
        stmt: Select[Any] = (
            select(*_LISTED)
            .join(Producer, Producer.id == Product.producer_id)
            .join(AdminUnit, AdminUnit.code == Product.commune_code)
        )
        if order is None and ids is None and not listing.uses_certificate(where, order):
            stmt = _page_first(stmt, query, producer_id, offset, limit)
            offset, limit = 0, None
        else:
            stmt = _filtered(stmt, query, producer_id)
        if listing.uses_certificate(where, order):  # else the page's certificates are read after it
            cert = listing.current_certificate(bounds.today)
            stmt = listing.with_certificate(stmt, cert)
            if where is not None:
                stmt = listing.filtered(stmt, cert, where, bounds)
            if order is not None:
                stmt = listing.ordered(stmt, cert, order)
        elif order is not None:
            stmt = listing.ordered(stmt, None, order)
        if ids is not None:
            stmt = stmt.where(Product.id.in_(ids))
        if order is None:
            stmt = stmt.order_by(*by_relevance(Product.search_key, query), Product.id)
        stmt = stmt.offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._ctx.read() as s:
            prefer_index_scans(s)
            rows = s.execute(stmt).all()
            certificates = listing.certificates_of(s, [r[0] for r in rows], bounds.today)
        names_by_ruleset: dict[str, dict[int, str]] = {}
        result = []
        for values in rows:
            pid, rev, code, name, pset, ruleset, producer, commune = values[:8]
            desc, brand, pack, pname, cname = values[8:]
            if ruleset not in names_by_ruleset:
                names_by_ruleset[ruleset] = product_set_names(ruleset)
            stars, valid_until = certificates.get(pid, (None, None))
            state = certificate_state(valid_until, bounds.today, bounds.opens_days)
            set_name = names_by_ruleset[ruleset].get(pset, "")
            row = (pid, rev, code or "", name, pset, set_name, ruleset, producer, pname, commune, cname)
            result.append(ProductRow(*row, desc, brand, pack, stars, valid_until, state))
        return result


# A listed product's columns (plain values: building 200 ORM objects per keystroke cost more than the query).
_LISTED: tuple[Any, ...] = (
    Product.id,
    Product.revision,
    Product.code,
    Product.name,
    Product.product_set,
    Product.ruleset_id,
    Product.producer_id,
    Product.commune_code,
    Product.description,
    Product.brand,
    Product.packaging,
    Producer.name,
    AdminUnit.name,
)


def product_search_key(*parts: str) -> str:
    """Diacritics-free key over name, producer, product set, brand and code (lists filter on it)."""
    return fold(" ".join(parts))


def _page_first(
    stmt: Select[Any], query: str, producer_id: str | None, offset: int, limit: int | None
) -> Select[Any]:
    """`stmt` for the page of the products matching, in relevance order: the page's ids are picked
    from the product table alone (from `ix_product_search`), and only they are joined to their
    producer and commune (joining every match first took most of a keystroke at 20,000 products)."""
    page = _filtered(select(Product.id), query, producer_id)
    page = page.order_by(*by_relevance(Product.search_key, query), Product.id).offset(offset)
    picked = (page.limit(limit) if limit is not None else page).subquery()
    return stmt.join(picked, picked.c.id == Product.id)


def _filtered(stmt, query: str, producer_id: str | None):  # type: ignore[no-untyped-def]
    for word in fold(query).split():
        stmt = stmt.where(Product.search_key.contains(word, autoescape=True))
    if producer_id:
        stmt = stmt.where(Product.producer_id == producer_id)
    return stmt


def _row(p: Product, producer_name: str, commune_name: str, names: dict[int, str]) -> ProductRow:
    return ProductRow(
        p.id,
        p.revision,
        p.code or "",
        p.name,
        p.product_set,
        names.get(p.product_set, ""),
        p.ruleset_id,
        p.producer_id,
        producer_name,
        p.commune_code,
        commune_name,
        p.description,
        p.brand,
        p.packaging,
    )
