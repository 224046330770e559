"""The products list shows each product's current certificate (the newest not revoked) with its state
today, filters on stars and state, and sorts by any column over every match — checked against counts
made independently in the test."""

from __future__ import annotations

from datetime import date, timedelta

from helpers.builders import make_product  # noqa: I001
from ocop_desktop.domain.certificate_state import CertificateState
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.registry.certificates import CertificateInput, CertificateService
from ocop_desktop.services.registry.product_listing import NO_STARS, ProductFilter, SortOrder
from ocop_desktop.services.registry.products import ProductService

TODAY = date(2026, 12, 4)


def _certify(ctx: AppContext, product: str, stars: int, decided: date, number: str) -> str:
    service = CertificateService(ctx, today=TODAY)
    basis = "qd26-2026" if decided >= date(2026, 5, 22) else "qd148-2023"  # the decision in force then
    level = "ministry" if stars == 5 else "province"
    return service.add(CertificateInput(product, stars, number, decided, level, basis)).id


def _province(ctx: AppContext) -> dict[str, str]:
    names = ["Cà phê bột", "Mật ong", "Chè xanh", "Gạo lứt", "Nước mắm", "Tiêu đen"]
    ids = {n: make_product(ctx, product=n, producer=f"HTX {n}") for n in names}
    _certify(ctx, ids["Cà phê bột"], 3, date(2026, 7, 1), "1/QĐ")  # valid until 2029: valid
    _certify(ctx, ids["Mật ong"], 4, date(2024, 1, 10), "2/QĐ")  # until 10/01/2027: due
    _certify(ctx, ids["Chè xanh"], 3, date(2023, 6, 1), "3/QĐ")  # until 01/06/2026: expired
    _certify(ctx, ids["Gạo lứt"], 3, date(2023, 3, 1), "4/QĐ")  # replaced by the renewal below
    _certify(ctx, ids["Gạo lứt"], 5, date(2026, 3, 1), "5/QĐ")
    revoked = _certify(ctx, ids["Nước mắm"], 4, date(2026, 2, 1), "6/QĐ")
    CertificateService(ctx, today=TODAY).revoke(revoked, on=date(2026, 9, 1), reason="Vi phạm")
    return ids  # "Tiêu đen" never certified


def test_each_row_carries_its_current_certificate(ctx: AppContext) -> None:
    _province(ctx)
    rows = {r.name: r for r in ProductService(ctx, today=TODAY).search()}
    assert (rows["Cà phê bột"].stars, rows["Cà phê bột"].certificate_state) == (3, CertificateState.VALID)
    assert (rows["Mật ong"].stars, rows["Mật ong"].certificate_state) == (4, CertificateState.DUE)
    assert rows["Mật ong"].valid_until == date(2027, 1, 10)
    assert rows["Chè xanh"].certificate_state is CertificateState.EXPIRED
    assert (rows["Gạo lứt"].stars, rows["Gạo lứt"].valid_until) == (5, date(2029, 3, 1))  # the renewal
    assert rows["Nước mắm"].stars is None  # revoked: no current certificate
    assert rows["Tiêu đen"].certificate_state is CertificateState.NONE


def test_filters_match_an_independent_count(ctx: AppContext) -> None:
    _province(ctx)
    service = ProductService(ctx, today=TODAY)
    every = service.search()
    cases = [ProductFilter(stars=s) for s in (3, 4, 5, NO_STARS)]
    cases += [ProductFilter(state=state) for state in CertificateState]
    cases.append(ProductFilter(stars=3, state=CertificateState.EXPIRED))
    for where in cases:
        expected = sorted(
            r.name
            for r in every
            if (where.stars is None or (r.stars or NO_STARS) == where.stars)
            and (where.state is None or r.certificate_state is where.state)
        )
        assert sorted(r.name for r in service.search(where=where)) == expected, where
        assert service.count(where=where) == len(expected), where
    assert [r.name for r in service.search("ca phe bot", where=ProductFilter(stars=3))] == ["Cà phê bột"]


def test_sorting_orders_every_match_and_puts_products_without_certificate_last(ctx: AppContext) -> None:
    _province(ctx)
    service = ProductService(ctx, today=TODAY)
    by_date = service.search(order=SortOrder("valid_until"))
    dated = [r.valid_until for r in by_date if r.valid_until]
    assert dated == sorted(dated) and by_date[0].name == "Chè xanh"
    assert {r.name for r in by_date[-2:]} == {"Nước mắm", "Tiêu đen"}
    descending = service.search(order=SortOrder("stars", descending=True))
    assert [r.stars for r in descending[:4]] == [5, 4, 3, 3] and descending[-1].stars is None
    names = [r.name for r in service.search(order=SortOrder("name"))]
    assert names == ["Cà phê bột", "Chè xanh", "Gạo lứt", "Mật ong", "Nước mắm", "Tiêu đen"]
    paged = service.search(order=SortOrder("name", True), offset=2, limit=2)
    assert [r.name for r in paged] == names[::-1][2:4]
    first = service.search(order=SortOrder("valid_until"), limit=1)[0]
    assert first.valid_until == TODAY - timedelta(days=186)


def test_producers_sort_by_any_column_over_every_match(ctx: AppContext) -> None:
    from ocop_desktop.domain.text import fold
    from ocop_desktop.services.registry.producers import ProducerService

    ids = _province(ctx)
    make_product(ctx, product="Mật ong hoa nhãn", producer="Đặng Văn An")
    service = ProducerService(ctx)
    names = [r.name for r in service.search(order=("name", False))]
    assert names[0] == "Đặng Văn An"  # folded: Đ sorts with D, before H
    assert names[1:] == sorted((f"HTX {n}" for n in ids), key=fold)  # "Cà phê" before "Chè"
    by_name_desc = [r.name for r in service.search(order=("name", True), offset=1, limit=2)]
    assert by_name_desc == names[::-1][1:3]
