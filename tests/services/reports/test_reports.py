"""Reports on a small province built by hand: every cell of every table compared with counts computed
here, independently, from the list of certificates the test wrote."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.domain.products import ProductInput
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.registry.certificates import CertificateInput, CertificateService
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.services.registry.products import ProductService
from ocop_desktop.services.reports.service import ReportService

ON = date(2026, 9, 1)
GROUP = {
    4: ("I", "Thực phẩm"),
    6: ("I", "Thực phẩm"),
    14: ("II", "Đồ uống"),
    20: ("III", "Dược liệu và sản phẩm từ dược liệu"),
}
SET_NAMES = {
    4: "Mật ong, mật khác và nông sản thực phẩm khác",
    6: "Chế biến từ gạo, ngũ cốc",
    14: "Rượu trắng",
    20: "Tinh dầu và dược liệu khác",
}


@dataclass(frozen=True)
class Cert:
    product: str
    commune: str
    product_set: int
    stars: int
    decided: date
    level: str
    ruleset: str
    revoked: date | None = None


CERTS = [
    Cert("Mật ong", "00070", 4, 3, date(2024, 3, 5), "district", "qd148-2023"),
    Cert("Mật ong", "00070", 4, 4, date(2025, 10, 1), "province", "qd148-2023"),  # upgrade: 4★ counts
    Cert("Chè", "00070", 6, 4, date(2020, 10, 10), "province", "qd1048-2019"),  # expired 2023
    Cert("Rượu", "00004", 14, 3, date(2023, 12, 1), "district", "qd148-2023"),  # window open on ON
    Cert("Tinh dầu", "00004", 20, 5, date(2026, 7, 1), "ministry", "qd26-2026"),
    Cert("Bánh", "00004", 6, 3, date(2024, 1, 2), "district", "qd148-2023", revoked=date(2025, 1, 1)),
    Cert("Miến", "00073", 6, 3, date(2026, 8, 1), "province", "qd26-2026"),
    Cert("Gạo", "00073", 4, 4, date(2022, 6, 1), "province", "qd1048-2019"),  # expired 31/5/2025
]


@pytest.fixture
def province(province_ctx: AppContext) -> AppContext:
    producers, products = ProducerService(province_ctx), ProductService(province_ctx)
    certs = CertificateService(province_ctx, today=ON)
    ids: dict[str, str] = {}
    for c in CERTS:
        if c.product not in ids:
            owner = producers.create(
                ProducerInput(f"HTX {c.product}", ProducerKind.COOPERATIVE, c.commune, representative="An")
            )
            ids[c.product] = products.create(ProductInput(owner.id, c.product, c.product_set)).id
        row = certs.add(
            CertificateInput(
                ids[c.product],
                c.stars,
                f"{c.product}/{c.decided.year}",
                c.decided,
                c.level,
                c.ruleset,
                valid_until=None,
            )
        )
        if c.revoked:
            certs.revoke(row.id, on=c.revoked, reason="Ngừng sản xuất")
    return province_ctx


def expected_current(on: date) -> dict[str, Cert]:
    """Independently: 36 months from the decision, the day before the anniversary; latest decision wins."""
    out: dict[str, Cert] = {}
    for c in CERTS:
        until = date(c.decided.year + 3, c.decided.month, c.decided.day) - timedelta(days=1)
        if c.decided <= on <= until and (c.revoked is None or c.revoked > on):
            if c.product not in out or c.decided > out[c.product].decided:
                out[c.product] = c
    return out


def star_rows(counter: dict[object, Counter[int]]) -> dict[object, list[int]]:
    return {k: [v[3], v[4], v[5], sum(v.values())] for k, v in counter.items()}


def test_certified_every_cell(province: AppContext) -> None:
    report = ReportService(province).certified(ON)
    current = expected_current(ON)
    assert set(current) == {"Mật ong", "Rượu", "Tinh dầu", "Miến"}
    by_star = report.table("by_star")
    assert [r[1] for r in by_star.rows] == [
        sum(1 for c in current.values() if c.stars == n) for n in (3, 4, 5)
    ]
    assert by_star.total == ("Tổng cộng", len(current))

    def check(key: str, label_width: int, label) -> None:  # type: ignore[no-untyped-def]
        want: dict[object, Counter[int]] = {}
        for c in current.values():
            want.setdefault(label(c), Counter())[c.stars] += 1
        table = report.table(key)
        got = {r[:label_width] if label_width > 1 else r[0]: list(r[label_width:]) for r in table.rows}
        assert got == star_rows(want), key
        assert list(table.total[label_width:]) == [  # type: ignore[index]
            sum(v[i] for v in star_rows(want).values()) for i in range(4)
        ]

    names = {"00070": "Phường Hoàn Kiếm", "00004": "Phường Ba Đình", "00073": "Phường Cửa Nam"}
    check("by_commune", 2, lambda c: (c.commune, names[c.commune]))
    check("by_year", 1, lambda c: c.decided.year)
    check("by_product_group", 2, lambda c: GROUP[c.product_set])
    check("by_product_set", 2, lambda c: (c.product_set, SET_NAMES[c.product_set]))
    levels = {
        "district": "UBND cấp huyện (trước 1/7/2025)",
        "province": "UBND cấp tỉnh",
        "ministry": "Bộ Nông nghiệp và Môi trường",
    }
    check("by_issuing_level", 1, lambda c: levels[c.level])
    bases = {
        "qd1048-2019": "QĐ 1048/QĐ-TTg (2019)",
        "qd148-2023": "QĐ 148/QĐ-TTg (2023)",
        "qd26-2026": "QĐ 26/2026/QĐ-TTg",
    }
    check("by_legal_basis", 1, lambda c: bases[c.ruleset])


def test_coverage(province: AppContext) -> None:
    report = ReportService(province).coverage(ON)
    current = expected_current(ON)
    covered = {c.commune for c in current.values()}
    table = report.table("coverage")
    assert len(table.rows) == dict(report.figures)["Tổng số xã/phường"] > 100  # every commune of Hà Nội
    assert {r[0] for r in table.rows if r[2]} == covered
    assert dict(report.figures)["Xã/phường có sản phẩm"] == len(covered)


def test_expiring_and_expired(province: AppContext) -> None:
    report = ReportService(province).expiring(ON)
    expiring = {r[1] for r in report.table("expiring").rows}
    expired = {r[1] for r in report.table("expired").rows}
    # Rượu: valid until 30/11/2026, its window opened 180 days before (3/6/2026).
    assert expiring == {"Rượu"}
    # Chè and Gạo expired, never renewed; Bánh was revoked (not "expired"); Mật ong's 3★ is superseded.
    assert expired == {"Chè", "Gạo"}
    row = report.table("expiring").rows[0]
    assert (
        row[6] == date(2026, 12, 1)  # 01/12/2023 + 36 months (BLDS 2015 Art. 147-148)
        and row[7] == date(2026, 6, 4)
        and row[9] == (date(2026, 12, 1) - ON).days
    )


def test_a_commune_sees_its_own_figures(ctx: AppContext) -> None:
    report = ReportService(ctx).coverage(ON)
    assert [r[0] for r in report.table("coverage").rows] == ["00070"]
