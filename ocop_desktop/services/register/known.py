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
from ocop_desktop.store.concurrency import PRODUCT_NUMBERS, serialise
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
        """Columns, not ORM objects: a province holds 20,000 products and their certificates."""
        known = cls()
        p_cols: list[Any] = [Producer.id, Producer.name, Producer.commune_code, Producer.tax_code]
        p_cols += [getattr(Producer, f) for f in PRODUCER_FIELDS]
        for pid, name, commune, tax, *rest in s.execute(select(*p_cols)):
            known.add_producer(
                KnownProducer(pid, name, commune, tax, dict(zip(PRODUCER_FIELDS, rest, strict=True)))
            )
        pr_cols: list[Any] = [Product.id, Product.producer_id, Product.name, Product.code]
        pr_cols += [getattr(Product, f) for f in PRODUCT_FIELDS]
        for pid, owner, name, code, *rest in s.execute(select(*pr_cols)):
            values = dict(zip(PRODUCT_FIELDS, rest, strict=True))
            known.add_product(KnownProduct(pid, owner, name, code or "", values))
        c_cols: list[Any] = [
            Certificate.id,
            Certificate.product_id,
            Certificate.decision_number,
            Certificate.decision_date,
        ]
        c_cols += [getattr(Certificate, f) for f in CERTIFICATE_FIELDS]
        for cid, product_id, number, decided, *rest in s.execute(select(*c_cols)):
            values = dict(zip(CERTIFICATE_FIELDS, rest, strict=True))
            known.certificates[certificate_key(product_id, number, decided)] = KnownCertificate(cid, values)
        serialise(s, PRODUCT_NUMBERS)  # the running numbers this import gives are taken by no other desk
        seqs = select(Product.commune_code, func.max(Product.seq)).group_by(Product.commune_code)
        for commune, seq in s.execute(seqs):
            known.next_seq[commune] = int(seq) + 1
        known.journal.clear()  # what is in the database is never rolled back
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
