"""Undoing mistakes in the register: a producer or product entered by mistake is deleted while nothing
depends on it, and a producer entered twice is merged into the other.

What may go, and why only that:
- a **product** with no dossier and no certificate: nothing was filed or recognised under its code;
- a **producer** with no product;
- a **merge** moves every product of the duplicate to the producer kept (their search keys follow the new
  name), fills the kept producer's empty fields from the duplicate, and deletes the duplicate. Both must be
  in the same commune (a producer belongs to one). A duplicate whose products already travelled to the
  province in a dossier is still merged here; the province sees the products under the kept producer with
  the next package (the product records carry their producer), and keeps the old producer row unused.

Every change goes through the ORM in one unit of work, so the audit log records each row deleted or moved
with the officer who did it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from ocop_desktop.domain.errors import ConflictError, NotFoundError, UserError
from ocop_desktop.domain.text import fold
from ocop_desktop.services.registry.products import product_search_key, product_set_names
from ocop_desktop.services.registry.profile import drop_profile, merge_profiles
from ocop_desktop.store.models import Certificate, Dossier, Producer, Product
from ocop_desktop.store.queries import count_where

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ocop_desktop.services.core.context import AppContext

FILLABLE = ("address", "tax_code", "phone", "email", "representative", "representative_title")


@dataclass(frozen=True)
class MergeResult:
    kept_id: str
    products_moved: int
    fields_filled: tuple[str, ...]


class RegisterRemoval:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    # -- products -------------------------------------------------------------------------------------
    def product_blockers(self, product_id: str) -> str:
        """Why the product cannot be deleted ("" when it can)."""
        with self._ctx.read() as s:
            return _product_blockers(s, _product(s, product_id))

    def delete_product(self, product_id: str, *, expected_revision: int) -> None:
        with self._ctx.unit_of_work() as s:
            product = _product(s, product_id)
            _same_revision(product.revision, expected_revision, "Sản phẩm")
            if why := _product_blockers(s, product):
                raise UserError(why)
            s.delete(product)

    # -- producers ------------------------------------------------------------------------------------
    def producer_blockers(self, producer_id: str) -> str:
        with self._ctx.read() as s:
            return _producer_blockers(s, _producer(s, producer_id))

    def delete_producer(self, producer_id: str, *, expected_revision: int) -> None:
        with self._ctx.unit_of_work() as s:
            producer = _producer(s, producer_id)
            _same_revision(producer.revision, expected_revision, "Chủ thể")
            if why := _producer_blockers(s, producer):
                raise UserError(why)
            drop_profile(s, producer.id)
            s.delete(producer)

    def merge_producers(
        self, keep_id: str, duplicate_id: str, *, expected_revisions: tuple[int, int]
    ) -> MergeResult:
        """Move the duplicate's products to `keep_id`, fill the kept producer's blanks, delete the other."""
        if keep_id == duplicate_id:
            raise UserError("Hãy chọn hai chủ thể khác nhau để gộp.")
        with self._ctx.unit_of_work() as s:
            keep, duplicate = _producer(s, keep_id), _producer(s, duplicate_id)
            _same_revision(keep.revision, expected_revisions[0], "Chủ thể")
            _same_revision(duplicate.revision, expected_revisions[1], "Chủ thể")
            if keep.commune_code != duplicate.commune_code:
                raise UserError(
                    "Hai chủ thể ở hai xã/phường khác nhau, không gộp được. "
                    "Một chủ thể chỉ thuộc một xã/phường: hãy sửa địa bàn trước nếu đã nhập nhầm."
                )
            filled = tuple(f for f in FILLABLE if not getattr(keep, f) and getattr(duplicate, f))
            for name in filled:
                setattr(keep, name, getattr(duplicate, name))
            products = list(s.scalars(select(Product).where(Product.producer_id == duplicate.id)))
            names: dict[str, dict[int, str]] = {}
            for product in products:
                sets = names.get(product.ruleset_id) or names.setdefault(
                    product.ruleset_id, product_set_names(product.ruleset_id)
                )
                product.producer_id = keep.id
                product.search_key = product_search_key(
                    product.name, keep.name, sets.get(product.product_set, ""), product.brand
                ) + (" " + fold(product.code) if product.code else "")
            merge_profiles(s, keep.id, duplicate.id)
            s.flush()  # the products point at the kept producer before the duplicate goes
            s.delete(duplicate)
            return MergeResult(keep.id, len(products), filled)


def _product(s: Session, product_id: str) -> Product:
    product = s.get(Product, product_id)
    if product is None:
        raise NotFoundError("Sản phẩm này không còn trong cơ sở dữ liệu.")
    return product


def _producer(s: Session, producer_id: str) -> Producer:
    producer = s.get(Producer, producer_id)
    if producer is None:
        raise NotFoundError("Chủ thể này không còn trong cơ sở dữ liệu.")
    return producer


def _same_revision(current: int, expected: int, what: str) -> None:
    if current != expected:
        raise ConflictError(
            f"{what} đã được sửa ở nơi khác trong lúc bạn đang xem. Hãy mở lại để xem bản mới."
        )


def _product_blockers(s: Session, product: Product) -> str:
    dossiers = count_where(s, Dossier.product_id, product.id)
    certificates = count_where(s, Certificate.product_id, product.id)
    if dossiers or certificates:
        return (
            f"Không xóa được sản phẩm “{product.name}”: đã có {dossiers} hồ sơ và {certificates} giấy chứng "
            "nhận gắn với sản phẩm này. Chỉ xóa được sản phẩm nhập nhầm, chưa có hồ sơ nào."
        )
    return ""


def _producer_blockers(s: Session, producer: Producer) -> str:
    products = count_where(s, Product.producer_id, producer.id)
    if products:
        return (
            f"Không xóa được chủ thể “{producer.name}”: còn {products} sản phẩm. Nếu đây là chủ thể nhập "
            "trùng, hãy dùng “Gộp chủ thể trùng…” để chuyển sản phẩm sang chủ thể đúng."
        )
    return ""
