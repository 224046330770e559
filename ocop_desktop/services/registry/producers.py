"""Producers: create, edit, list and filter (diacritics ignored)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from ocop_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from ocop_desktop.domain.producers import ProducerInput, ProducerKind, validate_producer
from ocop_desktop.domain.text import fold
from ocop_desktop.store.models import AdminUnit, Producer, Product
from ocop_desktop.store.queries import by_relevance

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class ProducerRow:
    """What lists and forms show of a producer."""

    id: str
    revision: int
    name: str
    kind: str
    kind_label: str
    commune_code: str
    commune_name: str
    address: str
    tax_code: str
    phone: str
    email: str
    representative: str
    representative_title: str
    product_count: int = 0

    def as_input(self) -> ProducerInput:
        return ProducerInput(
            self.name,
            ProducerKind(self.kind),
            self.commune_code,
            self.address,
            self.tax_code,
            self.phone,
            self.email,
            self.representative,
            self.representative_title,
        )


def producer_search_key(p: ProducerInput, commune_name: str) -> str:
    return fold(" ".join([p.name, p.representative, p.tax_code, p.address, commune_name, p.phone]))


class ProducerService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def create(self, data: ProducerInput) -> ProducerRow:
        clean = self._validated(data)
        with self._ctx.unit_of_work() as s:
            commune = s.get(AdminUnit, clean.commune_code)
            row = Producer(
                **_fields(clean), search_key=producer_search_key(clean, commune.name if commune else "")
            )
            s.add(row)
            s.flush()
            return _row(row, commune.name if commune else "", 0)

    def update(self, producer_id: str, data: ProducerInput, *, expected_revision: int) -> ProducerRow:
        clean = self._validated(data)
        with self._ctx.unit_of_work() as s:
            row = s.get(Producer, producer_id)
            if row is None:
                raise NotFoundError("Chủ thể này không còn trong cơ sở dữ liệu.")
            if row.revision != expected_revision:
                raise ConflictError(
                    "Chủ thể đã được người khác sửa trong lúc bạn đang sửa. Hãy mở lại để xem bản mới."
                )
            commune = s.get(AdminUnit, clean.commune_code)
            for key, value in _fields(clean).items():
                setattr(row, key, value)
            row.search_key = producer_search_key(clean, commune.name if commune else "")
            s.flush()
            count = s.scalar(select(func.count()).where(Product.producer_id == row.id)) or 0
            return _row(row, commune.name if commune else "", count)

    def get(self, producer_id: str) -> ProducerRow:
        rows = self._query(ids=[producer_id])
        if not rows:
            raise NotFoundError("Không tìm thấy chủ thể.")
        return rows[0]

    def count(self, query: str = "") -> int:
        stmt = select(func.count()).select_from(Producer)
        stmt = _filtered(stmt, query)
        with self._ctx.read() as s:
            return int(s.scalar(stmt) or 0)

    def search(
        self,
        query: str = "",
        *,
        offset: int = 0,
        limit: int | None = None,
        order: tuple[str, bool] | None = None,
    ) -> list[ProducerRow]:
        """`order`: (one of SORT_KEYS, descending) over every match; by default, by relevance."""
        return self._query(query=query, offset=offset, limit=limit, order=order)

    def _query(
        self,
        *,
        query: str = "",
        ids: list[str] | None = None,
        offset: int = 0,
        limit: int | None = None,
        order: tuple[str, bool] | None = None,
    ) -> list[ProducerRow]:
        counts = select(Product.producer_id, func.count().label("n")).group_by(Product.producer_id).subquery()
        stmt = (
            select(Producer, AdminUnit.name, func.coalesce(counts.c.n, 0))
            .join(AdminUnit, AdminUnit.code == Producer.commune_code)
            .outerjoin(counts, counts.c.producer_id == Producer.id)
        )
        stmt = _filtered(stmt, query)
        if ids is not None:
            stmt = stmt.where(Producer.id.in_(ids))
        if order is None:
            stmt = stmt.order_by(*by_relevance(Producer.search_key, query), Producer.id)
        else:
            column = _sort_columns(counts)[order[0]]
            stmt = stmt.order_by(column.desc() if order[1] else column.asc(), Producer.id)
        stmt = stmt.offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._ctx.read() as s:
            return [_row(p, commune, int(n)) for p, commune, n in s.execute(stmt)]

    def _validated(self, data: ProducerInput) -> ProducerInput:
        clean, problems = validate_producer(data)
        if clean.commune_code and "commune_code" not in problems:
            with self._ctx.read() as s:
                unit = s.get(AdminUnit, clean.commune_code)
                if unit is None or unit.level != "commune":
                    problems["commune_code"] = f"Không có xã/phường mã “{clean.commune_code}”."
        if problems:
            raise ValidationError(problems)
        return clean


SORT_KEYS = ("name", "kind", "commune", "representative", "phone", "tax_code", "products")


def _sort_columns(counts: Any) -> dict[str, Any]:
    """The producers list's sort keys (names folded, so "Đ" sorts with "D" as a reader expects)."""
    return {
        "name": Producer.search_key,
        "kind": Producer.kind,
        "commune": AdminUnit.search_key,
        "representative": Producer.representative,
        "phone": Producer.phone,
        "tax_code": Producer.tax_code,
        "products": func.coalesce(counts.c.n, 0),
    }


def _filtered(stmt, query: str):  # type: ignore[no-untyped-def]
    for word in fold(query).split():
        stmt = stmt.where(Producer.search_key.contains(word, autoescape=True))
    return stmt


def _fields(p: ProducerInput) -> dict[str, str]:
    values = {k: getattr(p, k) for k in ProducerInput.__dataclass_fields__}
    values["kind"] = ProducerKind(p.kind).value
    return values


def _row(p: Producer, commune_name: str, product_count: int) -> ProducerRow:
    kind = ProducerKind(p.kind)
    return ProducerRow(
        p.id,
        p.revision,
        p.name,
        kind.value,
        kind.label,
        p.commune_code,
        commune_name,
        p.address,
        p.tax_code,
        p.phone,
        p.email,
        p.representative,
        p.representative_title,
        product_count,
    )


__all__ = ["ProducerRow", "ProducerService"]
