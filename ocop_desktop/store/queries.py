"""Queries several features share. A dossier is shown with its product and producer (and the
product's commune) on every list, package and printout: the join is written once, here."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

from ocop_desktop.domain.text import fold
from ocop_desktop.store.models import AdminUnit, Dossier, Producer, Product
from ocop_desktop.store.portable_sql import position_of


def dossier_header(*columns: Any) -> Select[Any]:
    """`select(*columns)` over Dossier → its Product → the Product's Producer; add `.where(...)`.

    `dossier_header(Dossier, Product.name, Producer.name)` is the usual list row."""
    return (
        select(*columns)
        .select_from(Dossier)
        .join(Product, Product.id == Dossier.product_id)
        .join(Producer, Producer.id == Product.producer_id)
    )


def with_commune(query: Select[Any]) -> Select[Any]:
    """`query` (over Product) joined to the product's commune, kept when the commune is unknown."""
    return query.outerjoin(AdminUnit, AdminUnit.code == Product.commune_code)


def by_relevance(key: Any, query: str) -> list[Any]:
    """ORDER BY for a search over a folded `search_key` that starts with the record's name: the
    rows where the typed words appear together come first, the nearer the start (the name) the
    earlier — "ca phe" lists "Cà phê bột…" before "Bánh tét… Ea Phê" — then the others, by key."""
    phrase = " ".join(fold(query).split())
    if not phrase:
        return [key]
    at = position_of(key, phrase)
    return [at == 0, at, key]


def count_where(s: Session, column: Any, value: str) -> int:
    """How many rows have `column` equal to `value` (what still depends on a record before it goes)."""
    return int(s.scalar(select(func.count()).where(column == value)) or 0)


def prefer_index_scans(s: Session) -> None:
    """For the rest of this transaction on PostgreSQL, plan as on fast storage: `random_page_cost` 1.1
    (the usual value for SSDs; the default 4 is for spinning disks). A list's filter per keystroke then
    scans its narrow covering index (`ix_dossier_search`, `ix_product_search`) instead of the table:
    measured at 60,000 dossiers, 3× faster (the words match anywhere in the key, so every row is read
    either way; the index is a fraction of the table's width). SQLite's planner takes the index already."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SET LOCAL random_page_cost = 1.1"))
