"""What the database already holds that a register row may name again: producers by tax code and by
name within a commune, products by code and by name within a producer, certificates by decision.
Rows planned earlier in the same file are added as they go, so that a file names a producer once
and its products on the following rows, and the same row twice is caught."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.text import fold
from ocop_desktop.store.models import Certificate, Producer, Product


@dataclass
class KnownProducer:
    id: str
    name: str
    commune_code: str
    tax_code: str
    values: dict[str, object]  # the fields an import may fill or change
    line: int | None = None  # the file's row that plans it (None: already in the database)


@dataclass
class KnownProduct:
    id: str
    producer_id: str
    name: str
    code: str
    values: dict[str, object]
    line: int | None = None


@dataclass
class KnownCertificate:
    id: str
    values: dict[str, object]
    line: int | None = None


PRODUCER_FIELDS = ("kind", "address", "phone", "email", "representative", "representative_title")
PRODUCT_FIELDS = ("product_set", "brand", "packaging")
CERTIFICATE_FIELDS = ("stars", "issuing_level", "issuer", "total", "valid_until", "ruleset_id")


def certificate_key(product_id: str, decision_number: str, decided: date) -> tuple[str, str, date]:
    return (product_id, fold(decision_number).replace(" ", ""), decided)


@dataclass
class Known:
    producers_by_tax: dict[str, KnownProducer] = field(default_factory=dict)
    producers_by_name: dict[tuple[str, str], KnownProducer] = field(default_factory=dict)
    products_by_code: dict[str, KnownProduct] = field(default_factory=dict)
    products_by_name: dict[tuple[str, str], KnownProduct] = field(default_factory=dict)
    certificates: dict[tuple[str, str, date], KnownCertificate] = field(default_factory=dict)
    next_seq: dict[str, int] = field(default_factory=dict)
    # The inverse of every change a row's plan made, so that a refused row leaves no trace for the next.
    journal: list[Callable[[], None]] = field(default_factory=list)

    @classmethod
    def load(cls, s: Session) -> Known:
        known = cls()
        for p in s.scalars(select(Producer)):
            values: dict[str, object] = {f: str(getattr(p, f)) for f in PRODUCER_FIELDS}
            known.add_producer(KnownProducer(p.id, p.name, p.commune_code, p.tax_code, values))
        for pr in s.scalars(select(Product)):
            values = {f: getattr(pr, f) for f in PRODUCT_FIELDS}
            known.add_product(KnownProduct(pr.id, pr.producer_id, pr.name, pr.code or "", values))
        for c in s.scalars(select(Certificate)):
            values = {f: getattr(c, f) for f in CERTIFICATE_FIELDS}
            key = certificate_key(c.product_id, c.decision_number, c.decision_date)
            known.certificates[key] = KnownCertificate(c.id, values)
        for commune, seq in s.execute(
            select(Product.commune_code, func.max(Product.seq)).group_by(Product.commune_code)
        ):
            known.next_seq[commune] = int(seq) + 1
        return known

    def add_producer(self, p: KnownProducer) -> None:
        if p.tax_code:
            self._put(self.producers_by_tax, p.tax_code, p)
        self._put(self.producers_by_name, (fold(p.name), p.commune_code), p)

    def add_product(self, p: KnownProduct) -> None:
        if p.code:
            self._put(self.products_by_code, p.code, p)
        self._put(self.products_by_name, (p.producer_id, fold(p.name)), p)

    def add_certificate(self, key: tuple[str, str, date], c: KnownCertificate) -> None:
        self._put(self.certificates, key, c)

    def change(
        self, record: KnownProducer | KnownProduct | KnownCertificate, values: dict[str, Any], line: int
    ) -> None:
        before, before_line = dict(record.values), record.line

        def undo() -> None:
            record.values.clear()
            record.values.update(before)
            record.line = before_line

        record.values.update({f: v for f, v in values.items() if f in record.values})
        record.line = line
        self.journal.append(undo)

    def take_seq(self, commune_code: str) -> int:
        seq = self.next_seq.get(commune_code, 1)
        self.next_seq[commune_code] = seq + 1
        self.journal.append(lambda: self.next_seq.__setitem__(commune_code, seq))
        return seq

    def mark(self) -> int:
        return len(self.journal)

    def rollback(self, mark: int) -> None:
        while len(self.journal) > mark:
            self.journal.pop()()

    def _put(self, index: dict[Any, Any], key: Any, value: Any) -> None:
        if key not in index:
            index[key] = value
            self.journal.append(lambda: index.pop(key, None))
