"""The dossier list read a page at a time: the pages put together are the whole list, in its order,
and the count and the "due soon or past" filter (now in SQL) agree with the rows themselves."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update

from helpers.builders import TODAY, make_product
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.store.audit import audited_execute
from ocop_desktop.store.models import Dossier

# (status, days from today to the deadline or None): past, soon, the edge of soon, far, none
SHAPES = [
    ("received", -3),
    ("received", 2),
    ("received", 5),
    ("received", 6),
    ("received", 30),
    ("sent", -10),  # not received: its deadline no longer runs
    ("draft", None),
    ("draft", None),
    ("received", 2),
]

PLACES = ["Ba Vì", "Sóc Sơn", "Mộc Châu", "Tam Đảo", "Cúc Phương", "Pù Mát", "Yên Tử", "Đồng Văn", "Cát Bà"]


def _dossiers(ctx: AppContext, service: DossierService) -> None:
    """The dossiers of SHAPES; the two "received in 2 days" also changed at the same instant, so that
    only their ids order them."""
    same: list[str] = []
    for n, (status, days) in enumerate(SHAPES):
        product = make_product(ctx, producer=f"Hợp tác xã số {n}", product=f"Mật ong rừng {PLACES[n]}")
        made = service.create(product, "first")
        with ctx.unit_of_work() as s:
            d = s.get(Dossier, made.row.id)
            assert d is not None
            d.status = status
            d.deadline = None if days is None else TODAY + timedelta(days=days)
        if days == 2:
            same.append(made.row.id)
    with ctx.unit_of_work() as s:  # a plain UPDATE: the revision stamp would set the time again
        stmt = update(Dossier).where(Dossier.id.in_(same)).values(updated_at=datetime(2026, 11, 2, 8, 0))
        audited_execute(s, stmt, Dossier.__table__, same)


def test_pages_make_the_whole_list_and_the_filters_agree_with_the_rows(ctx: AppContext) -> None:
    service = DossierService(ctx, today=TODAY)
    _dossiers(ctx, service)
    everything = service.search()
    assert len(everything) == len(SHAPES) == service.count()
    deadlines = [r.deadline for r in everything if r.deadline is not None]
    assert deadlines == sorted(deadlines) and everything[-1].deadline is None  # nearest first, none last

    pages = [service.search(offset=start, limit=4) for start in range(0, len(SHAPES), 4)]
    assert [r.id for page in pages for r in page] == [r.id for r in everything]
    assert [len(p) for p in pages] == [4, 4, 1]
    twins = [r for r in everything if r.deadline == TODAY + timedelta(days=2)]
    assert len(twins) == 2 and twins[0].updated_at == twins[1].updated_at and twins[0].id < twins[1].id
    for size in (1, 2, 3):  # keyset pages, each read after the last row of the one before
        read: list[str] = []
        page = service.search(limit=size)
        while page:
            read += [r.id for r in page]
            page = service.search(limit=size, after=page[-1])
        assert read == [r.id for r in everything], size
    assert service.search("mat ong", status="draft", limit=5, after=everything[0]) == [
        r for r in everything if r.status == "draft"
    ]

    due = service.search(due_only=True)
    assert [r.id for r in due] == [r.id for r in everything if r.urgency != "ok"]
    assert len(due) == 4 == service.count(due_only=True)  # -3, 2, 2 and the edge (5 days)
    assert service.count(status="draft") == 2 == len(service.search(status="draft"))
    assert (
        service.count("dong van") == 1
        and service.search("dong van")[0].product_name == "Mật ong rừng Đồng Văn"
    )
    assert service.search("khong co", limit=10) == [] and service.count("khong co") == 0
