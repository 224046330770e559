"""The dossier list, read a page at a time: a province holds 60,000 dossiers, and one list row per
dossier (with the ORM objects behind it) cost ~160 MB and seconds of reading. Every filter runs in
SQL — the folded words, the status, "due soon or past" — so a page and the count are each one query.

A page is picked by a query over the dossier table alone (the order needs no join), then only its
rows are joined to their product and producer: sorting 60,000 rows with their joins took ~4×
longer."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.deadlines import DUE_SOON_DAYS, urgency
from ocop_desktop.domain.dossiers import RegistrationType, Status
from ocop_desktop.domain.holidays import HolidayCalendar
from ocop_desktop.domain.text import fold
from ocop_desktop.services.core.reference import holiday_calendar
from ocop_desktop.services.dossiers.closing import not_archived
from ocop_desktop.services.dossiers.rows import DossierRow
from ocop_desktop.store.models import Dossier, Producer, Product
from ocop_desktop.store.queries import dossier_header, prefer_index_scans

# Nearest deadline first; the dossiers without one after, the last changed first.
ORDER: tuple[Any, ...] = (Dossier.deadline.is_(None), Dossier.deadline, Dossier.updated_at.desc(), Dossier.id)

_COLUMNS = (
    Dossier.id,
    Dossier.revision,
    Dossier.product_id,
    Product.code,
    Product.name,
    Producer.name,
    Dossier.product_set,
    Dossier.registration_type,
    Dossier.status,
    Dossier.receipt_number,
    Dossier.received_on,
    Dossier.deadline,
    Dossier.updated_at,
    Dossier.archived_on,
)


def conditions(
    today: date,
    *,
    query: str = "",
    status: str | None = None,
    due_only: bool = False,
    with_archived: bool = False,
) -> list[ColumnElement[bool]]:
    """The WHERE of the list, over the dossier table only (archived dossiers left out unless asked)."""
    where: list[ColumnElement[bool]] = [
        Dossier.search_key.contains(word, autoescape=True) for word in fold(query).split()
    ]
    if not with_archived:
        where.append(not_archived())
    if status:
        where.append(Dossier.status == status)
    if due_only:  # what `urgency` calls due soon or overdue: only a received dossier's deadline runs
        where += [
            Dossier.status == Status.RECEIVED.value,
            Dossier.deadline.is_not(None),
            Dossier.deadline <= today + timedelta(days=DUE_SOON_DAYS),
        ]
    return where


def after(row: DossierRow) -> ColumnElement[bool]:
    """The rows that come after `row` in list order (keyset paging): reading the next page costs the
    same at row 30,000 as at row 200, where OFFSET sorted and skipped all the rows before (~0.15 s)."""
    later = or_(
        Dossier.updated_at < row.updated_at, and_(Dossier.updated_at == row.updated_at, Dossier.id > row.id)
    )
    if row.deadline is None:  # the dossiers without a deadline come last
        return and_(Dossier.deadline.is_(None), later)
    return or_(
        Dossier.deadline.is_(None),
        Dossier.deadline > row.deadline,
        and_(Dossier.deadline == row.deadline, later),
    )


def count_rows(s: Session, where: list[ColumnElement[bool]]) -> int:
    prefer_index_scans(s)  # the match and the count from `ix_dossier_search`
    return int(s.scalar(select(func.count()).select_from(Dossier).where(*where)) or 0)


def read_rows(
    s: Session,
    today: date,
    where: list[ColumnElement[bool]],
    *,
    offset: int = 0,
    limit: int | None = None,
    by_key: bool = False,
) -> list[DossierRow]:
    """The rows matching `where`, in list order, `limit` of them from `offset` (all if None).
    `by_key`: `where` names one dossier by its id (the primary key finds it on any plan: no planner
    setting, a round trip less on a server desk)."""
    stmt: Select[Any]
    if by_key:  # no page to pick, nothing to sort
        stmt = dossier_header(*_COLUMNS).where(*where)
    else:
        prefer_index_scans(s)  # the page picked from `ix_dossier_search`
        page = select(Dossier.id).where(*where).order_by(*ORDER).offset(offset)
        if limit is not None:
            page = page.limit(limit)
        picked = page.subquery()
        stmt = dossier_header(*_COLUMNS).join(picked, picked.c.id == Dossier.id).order_by(*ORDER)
    calendar = holiday_calendar()
    return [_row(values, today, calendar) for values in s.execute(stmt)]


def _row(values: Any, today: date, calendar: HolidayCalendar) -> DossierRow:
    (did, revision, product_id, code, pname, producer, product_set, reg, status, receipt) = values[:10]
    received_on, deadline, updated_at, archived_on = values[10:]
    live = deadline if status == Status.RECEIVED.value else None
    urg = urgency(live, today)
    registration, st = RegistrationType(reg), Status(status)
    return DossierRow(
        did,
        revision,
        product_id,
        code or "",
        pname,
        producer,
        product_set,
        registration.value,
        registration.label,
        st.value,
        st.label,
        receipt or "",
        received_on,
        deadline,
        urg.value,
        urg.label,
        updated_at,
        bool(received_on and deadline and calendar.estimated_years(received_on, deadline)),
        archived_on is not None,
    )


class DossierChoice(NamedTuple):
    """A dossier in a long list to pick from (batch printing holds all of them: 60,000 at a province).
    Only what the list shows and searches: a tuple, its names shared between the rows of one product
    or producer — about a third of a `DossierRow` with its ORM object behind it."""

    id: str
    product_name: str
    producer_name: str
    product_set: int
    registration_label: str
    status_label: str
    receipt_number: str


def read_choices(s: Session) -> list[DossierChoice]:
    """Every dossier, in list order, read in chunks (no second copy of all the rows at once)."""
    stmt = dossier_header(
        Dossier.id,
        Product.name,
        Producer.name,
        Dossier.product_set,
        Dossier.registration_type,
        Dossier.status,
        Dossier.receipt_number,
    ).order_by(*ORDER)
    shared: dict[str, str] = {}
    out = []
    for did, product, producer, product_set, reg, status, receipt in s.execute(
        stmt.execution_options(yield_per=2000)
    ):
        out.append(
            DossierChoice(
                did,
                shared.setdefault(product, product),
                shared.setdefault(producer, producer),
                product_set,
                RegistrationType(reg).label,
                Status(status).label,
                receipt or "",
            )
        )
    return out
