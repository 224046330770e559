"""The certificates whose re-evaluation window has opened, and those expired with nothing newer: chosen by
the database from `ix_certificate_current` alone (one pass over the index, grouped by product), then only
the chosen certificates read with their product's and producer's names. At province scale the lists hold
12,000 rows: each is built as a plain tuple in one pass, its dates looked up per distinct day."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.rules.model import Procedure
from ocop_desktop.services.reports.facts import Area, plain_rows, valid_sql
from ocop_desktop.services.reports.model import Cell
from ocop_desktop.store.models import Certificate, Producer, Product

Row = tuple[Cell, ...]  # code, product, producer, commune, stars, decision, valid until, opens, closes, days


class Expiry(NamedTuple):
    """One line of the report, with the product it is about (the home screen opens it)."""

    product_id: str
    row: Row

    @property
    def code(self) -> str:
        return str(self.row[0])

    @property
    def name(self) -> str:
        return str(self.row[1])

    @property
    def producer(self) -> str:
        return str(self.row[2])

    @property
    def valid_until(self) -> date:
        until = self.row[6]
        assert isinstance(until, date)
        return until

    @property
    def closes(self) -> date | None:
        closes = self.row[8]
        return closes if isinstance(closes, date) else None


@dataclass(frozen=True)
class ExpiryList:
    """The report's rows, and each row's product (parallel: no object per row beyond the row itself)."""

    rows: tuple[Row, ...]
    products: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def entries(self, first: int | None = None) -> list[Expiry]:
        return [Expiry(p, r) for p, r in zip(self.products[:first], self.rows[:first], strict=True)]


@dataclass(frozen=True)
class ExpiryLists:
    area: Area
    due: ExpiryList  # valid on the day, the re-evaluation window open: soonest expiry first
    expired: ExpiryList  # expired, not revoked, nothing valid on the day: latest expiry first


# The columns each listed certificate is read with, in the order `due_list` and `expired_list` unpack them.
COLUMNS = (
    Certificate.product_id,
    Product.code,
    Product.name,
    Producer.name,
    Product.commune_code,
    Certificate.stars,
    Certificate.decision_number,
    Certificate.valid_until,
    Certificate.ruleset_id,
    Certificate.decision_date,
    Certificate.id,
)


def due_rows(s: Session, on: date, widest: int) -> list[Any]:
    """Each product's certificate valid on `on`, its latest decision (both when two were decided that day:
    `_one_per_product` keeps one), for the products with a valid certificate ending within `widest` days."""
    valid = valid_sql(on)
    decided = func.max(case((valid, Certificate.decision_date)))
    near = func.max(case((and_(valid, Certificate.valid_until <= on + timedelta(days=widest)), 1), else_=0))
    chosen = (
        select(Certificate.product_id, decided.label("decided"))
        .group_by(Certificate.product_id)
        .having(near == 1)
        .subquery()
    )
    on_chosen = and_(
        Certificate.product_id == chosen.c.product_id, Certificate.decision_date == chosen.c.decided
    )
    return _listed(s, chosen, on_chosen, valid)


def expired_rows(s: Session, on: date) -> list[Any]:
    """The latest certificate (by its last valid day) of each product whose certificates have all expired by
    `on` or been revoked: expired, not revoked, nothing valid on `on` (both when two end the same day)."""
    ended = and_(Certificate.valid_until < on, Certificate.revoked_on.is_(None))
    last = func.max(case((ended, Certificate.valid_until)))
    renewed = func.max(case((valid_sql(on), 1), else_=0))
    chosen = (
        select(Certificate.product_id, last.label("last"))
        .group_by(Certificate.product_id)
        .having(renewed == 0, last.is_not(None))
        .subquery()
    )
    on_chosen = and_(
        Certificate.product_id == chosen.c.product_id,
        # Always true (a certificate ends after its decision); it lets SQLite find the certificate by
        # (product, decision date) in ix_certificate_current rather than walk every one ending that day.
        Certificate.decision_date <= chosen.c.last,
        Certificate.valid_until == chosen.c.last,
    )
    return _listed(s, chosen, on_chosen, Certificate.revoked_on.is_(None))


def _listed(s: Session, chosen: Any, on_chosen: ColumnElement[bool], where: ColumnElement[bool]) -> list[Any]:
    """The chosen certificates with their product's and producer's names. A product of another area (a copy
    received for evaluation) is left out by `_one_per_product`, which looks each commune up anyway: cheaper
    than a test of the commune against the area's hundred codes by the database, row by row."""
    stmt = (
        select(*COLUMNS)
        .select_from(chosen)
        .join(Certificate, on_chosen)
        .join(Product, Product.id == Certificate.product_id)
        .join(Producer, Producer.id == Product.producer_id)
        .where(where)
    )
    return plain_rows(s, stmt)


def due_list(rows: list[Any], area: Area, on: date, procedure: Callable[[str], Procedure]) -> ExpiryList:
    """The rows whose window has opened on `on` (under their certificate's rule set), soonest expiry first."""
    windows: dict[tuple[str, str], tuple[date, date, date, int] | None] = {}
    names = area.communes
    out = _Sorter()
    for pid, code, name, producer, commune, stars, number, until, ruleset, _, _ in _one_per_product(
        rows, names
    ):
        key = (until, ruleset)
        if key not in windows:  # a few hundred distinct days and rule sets for thousands of rows
            windows[key] = _window(date.fromisoformat(until), procedure(ruleset), on)
        found = windows[key]
        if found is not None:
            day, opens, closes, left = found
            code = code or ""
            out.add(
                pid,
                code,
                day,
                (code, name, producer, names[commune], stars, number, day, opens, closes, left),
            )
    return out.sorted(latest_first=False)


def expired_list(rows: list[Any], area: Area, on: date) -> ExpiryList:
    """One row per product, latest expiry first."""
    days: dict[str, tuple[date, int]] = {}
    names = area.communes
    out = _Sorter()
    for pid, code, name, producer, commune, stars, number, until, _, _, _ in _one_per_product(rows, names):
        found = days.get(until)
        if found is None:  # a few hundred distinct days for thousands of rows
            day = date.fromisoformat(until)
            found = days[until] = (day, (day - on).days)
        code = code or ""
        out.add(
            pid,
            code,
            found[0],
            (code, name, producer, names[commune], stars, number, found[0], None, None, found[1]),
        )
    return out.sorted(latest_first=True)


def _one_per_product(rows: list[Any], communes: dict[str, str]) -> list[Any]:
    """The rows of the area's products. When the database chose two certificates of a product (decided, or
    ending, the same day): the latest decision, then the most stars, then the greater id (the same one every
    time)."""
    best: dict[str, Any] = {}
    for r in rows:
        if r[4] not in communes:
            continue
        known = best.get(r[0])
        if known is None or (r[9], r[5], r[10]) > (known[9], known[5], known[10]):
            best[r[0]] = r
    return list(best.values())


class _Sorter:
    """Rows sorted by last valid day, then product code, with their products. Every object made per row
    costs twice: once made, once more when the garbage collector walks the heap it grew (a full pass took
    ~50 ms of the report every other time): so no key tuple per row, but two stable sorts of the rows'
    positions, by code and then by day, on values the rows already hold."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.products: list[str] = []
        self.codes: list[str] = []
        self.days: list[date] = []

    def add(self, product_id: str, code: str, day: date, row: Row) -> None:
        self.rows.append(row)
        self.products.append(product_id)
        self.codes.append(code)
        self.days.append(day)

    def sorted(self, *, latest_first: bool) -> ExpiryList:
        order = list(range(len(self.rows)))
        order.sort(key=self.codes.__getitem__, reverse=latest_first)
        order.sort(key=self.days.__getitem__, reverse=latest_first)
        return ExpiryList(tuple(self.rows[i] for i in order), tuple(self.products[i] for i in order))


def _window(until: date, procedure: Procedure, on: date) -> tuple[date, date, date, int] | None:
    """(last valid day, window opens, closes, days left) when the window has opened by `on`."""
    opens = until - timedelta(days=procedure.reevaluation_opens_days)
    if opens > on:
        return None
    return until, opens, until - timedelta(days=procedure.reevaluation_closes_days), (until - on).days
