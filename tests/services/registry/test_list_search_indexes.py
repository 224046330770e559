"""The lists' filter per keystroke reads the narrow covering indexes of migration 0023 (ix_product_search,
ix_dossier_search), not the tables, and a page of products picked from the product table alone is the
same page, in the same relevance order, as before: checked on the statements the services really run
(SQLite's query plan) and, on PostgreSQL, on the planner setting the list reads take for their
transaction only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, text

from helpers.builders import make_product  # noqa: I001
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.registry.products import ProductService
from ocop_desktop.store.queries import prefer_index_scans


@pytest.fixture
def catalogue(ctx: AppContext) -> AppContext:
    names = ["Bánh tét Ea Phê", "Cà phê bột", "Cà phê hạt rang", "Mật ong hoa cà phê", "Chè xanh"]
    for n, name in enumerate(names):
        product = make_product(ctx, product=name, producer=f"HTX số {n}")
        DossierService(ctx).create(product, "first")
    return ctx


def _statements(ctx: AppContext, call: Any) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, params: Any, _context: Any, _many: bool) -> None:
        seen.append((statement, params))

    event.listen(ctx.engine, "before_cursor_execute", keep)
    try:
        call()
    finally:
        event.remove(ctx.engine, "before_cursor_execute", keep)
    return seen


def _plan(ctx: AppContext, statement: str, params: Any) -> str:
    with ctx.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()
    return " | ".join(str(r[-1]) for r in rows)


@pytest.mark.sqlite_only
def test_the_filter_reads_the_covering_indexes_not_the_tables(catalogue: AppContext) -> None:
    products, dossiers = ProductService(catalogue), DossierService(catalogue)
    calls = {
        "product count": (lambda: products.count("ca ph"), "ix_product_search"),
        "product page": (lambda: products.search("ca ph", limit=2), "ix_product_search"),
        "dossier count": (lambda: dossiers.count("ca ph"), "ix_dossier_search"),
        "dossier page": (lambda: dossiers.search("ca ph", limit=2), "ix_dossier_search"),
    }
    for what, (call, index) in calls.items():
        searching = [(s, p) for s, p in _statements(catalogue, call) if "LIKE" in s]
        assert searching, what
        plan = _plan(catalogue, *searching[0])
        assert f"COVERING INDEX {index}" in plan, (what, plan)


def test_a_page_picked_first_is_the_same_page_in_relevance_order(catalogue: AppContext) -> None:
    service = ProductService(catalogue)
    every = [r.name for r in service.search("ca phe")]
    # the words together, nearest the start (the name) first; "Ea Phê" has them apart: last
    assert every[:2] == ["Cà phê bột", "Cà phê hạt rang"] and every[-1] == "Bánh tét Ea Phê"
    assert len(every) == 5 == service.count("ca phe")  # set 13 is coffee: "Chè xanh" matches by its set
    pages = [service.search("ca phe", offset=start, limit=3) for start in (0, 3)]
    assert [r.name for page in pages for r in page] == every
    assert all(r.producer_name and r.commune_name for page in pages for r in page)  # joined after picking
    assert service.search("khong co", limit=3) == [] and service.count("khong co") == 0


@pytest.fixture
def server_ctx(pg_url: str, tmp_path: Any) -> Iterator[AppContext]:
    ctx = open_app(AppPaths.for_data_dir(tmp_path / "desk"), database=pg_url)
    yield ctx
    ctx.close()


@pytest.mark.postgres
def test_the_planner_setting_holds_for_the_list_read_only(server_ctx: AppContext) -> None:
    with server_ctx.read() as s:
        default = s.execute(text("SHOW random_page_cost")).scalar()
        prefer_index_scans(s)
        assert s.execute(text("SHOW random_page_cost")).scalar() == "1.1"
    with server_ctx.read() as s:  # the next transaction, on the same pooled connection: back to default
        assert s.execute(text("SHOW random_page_cost")).scalar() == default != "1.1"
