"""The "expiring" report, every cell and the order of both lists, against lists computed here from the
certificates the test wrote: windows at their edges, two certificates decided (or ending) the same day,
an upgrade overlapping the old certificate, a revoked certificate after an expired one, a renewal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from ocop_desktop.domain.deadlines import reevaluation_window
from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.domain.products import ProductInput
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.registry.certificates import CertificateInput, CertificateService
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.services.registry.products import ProductService
from ocop_desktop.services.reports.model import Cell
from ocop_desktop.services.reports.service import ReportService

ON = date(2026, 9, 1)
OPENS = 180  # QĐ 148's window opens 180 days before expiry: ON + 180 is its last day still open on ON
EDGE = ON + timedelta(days=OPENS)


@dataclass(frozen=True)
class Cert:
    product: str
    stars: int
    decided: date
    until: date
    revoked: date | None = None
    number: str = ""


CERTS = [
    Cert("Rượu", 3, date(2023, 12, 1), date(2026, 11, 30)),  # window open
    Cert("Cuối", 3, date(2024, 3, 1), EDGE),  # window opens on ON itself
    Cert("Chưa", 3, date(2024, 3, 1), EDGE + timedelta(days=1)),  # opens tomorrow: not listed
    Cert("Hôm nay", 3, date(2023, 9, 1), ON),  # its last valid day: listed as due, not expired
    Cert("Nấm", 3, date(2024, 1, 15), date(2026, 10, 1)),  # two decided the same day: the 4★ counts
    Cert("Nấm", 4, date(2024, 1, 15), date(2026, 10, 1)),
    Cert("Sen", 3, date(2024, 2, 1), date(2026, 10, 5), number="Sen/1"),  # the same but the number
    Cert("Sen", 3, date(2024, 2, 1), date(2026, 10, 5), number="Sen/2"),
    Cert("Mật ong", 3, date(2023, 11, 1), date(2026, 10, 31)),  # in its window, but upgraded:
    Cert("Mật ong", 4, date(2025, 9, 1), date(2028, 8, 31)),  # the 4★ counts, its window is closed
    Cert("Chè", 4, date(2020, 10, 10), date(2023, 10, 9)),  # expired, never renewed
    Cert("Hôm qua", 3, date(2023, 8, 31), ON - timedelta(days=1)),  # expired yesterday
    Cert("Trà", 4, date(2020, 3, 1), date(2023, 2, 28)),  # expired: listed, not
    Cert("Trà", 3, date(2023, 3, 1), date(2026, 2, 28)),  # expired later: this one is
    Cert("Trà", 4, date(2024, 3, 1), date(2027, 2, 28), revoked=date(2025, 5, 1)),  # (revoked)
    Cert("Gạo", 3, date(2022, 6, 1), date(2025, 5, 31)),  # two ending the same day: the later decision
    Cert("Gạo", 4, date(2022, 9, 1), date(2025, 5, 31)),
    Cert("Mắm", 3, date(2021, 5, 1), date(2024, 4, 30)),  # expired, then renewed: in neither list
    Cert("Mắm", 4, date(2024, 5, 1), date(2027, 4, 30)),
    Cert("Bánh", 3, date(2024, 1, 2), date(2027, 1, 1), revoked=date(2025, 1, 1)),  # revoked only
]
COMMUNE, COMMUNE_NAME = "00070", "Phường Hoàn Kiếm"


def RULESET(decided: date) -> str:  # noqa: N802 - a table, not an action
    return "qd148-2023" if decided >= date(2023, 2, 24) else "qd1048-2019"


@dataclass(frozen=True)
class Written:
    cert: Cert
    id: str
    code: str
    number: str


@pytest.fixture
def written(province_ctx: AppContext) -> tuple[AppContext, list[Written]]:
    producers, products = ProducerService(province_ctx), ProductService(province_ctx)
    certs = CertificateService(province_ctx, today=ON)
    ids: dict[str, tuple[str, str]] = {}
    out = []
    for n, c in enumerate(CERTS):
        if c.product not in ids:
            owner = producers.create(
                ProducerInput(f"HTX {c.product}", ProducerKind.COOPERATIVE, COMMUNE, representative="An")
            )
            product = products.create(ProductInput(owner.id, c.product, 4))
            ids[c.product] = (product.id, product.code)
        number = c.number or f"{n}/QĐ-UBND"
        level = "province" if c.stars == 4 or c.decided >= date(2025, 7, 1) else "district"
        ruleset = RULESET(c.decided)
        row = certs.add(
            CertificateInput(
                ids[c.product][0], c.stars, number, c.decided, level, ruleset, valid_until=c.until
            )
        )
        if c.revoked:
            certs.revoke(row.id, on=c.revoked, reason="Ngừng sản xuất")
        out.append(Written(c, row.id, ids[c.product][1], number))
    return province_ctx, out


def row(w: Written, opens: date | None, closes: date | None) -> tuple[Cell, ...]:
    c = w.cert
    return (w.code, c.product, f"HTX {c.product}", COMMUNE_NAME, c.stars, w.number, c.until, opens, closes,
            (c.until - ON).days)  # fmt: skip


def valid(c: Cert) -> bool:
    return c.decided <= ON <= c.until and (c.revoked is None or c.revoked > ON)


def test_every_cell_and_the_order(written: tuple[AppContext, list[Written]]) -> None:
    ctx, certs = written
    # Independently: per product, the latest decision valid on ON (the most stars, then the greater id).
    due: list[tuple[Cell, ...]] = []
    expired: list[tuple[Cell, ...]] = []
    for product in dict.fromkeys(c.product for c in CERTS):
        mine = [w for w in certs if w.cert.product == product]
        current = [w for w in mine if valid(w.cert)]
        if current:
            w = max(current, key=lambda w: (w.cert.decided, w.cert.stars, w.id))
            window = reevaluation_window(w.cert.until, RuleService().procedure(RULESET(w.cert.decided), ON))
            if window.opens <= ON:
                due.append(row(w, window.opens, window.closes))
            continue
        ended = [w for w in mine if w.cert.until < ON and w.cert.revoked is None]
        if ended:
            w = max(ended, key=lambda w: (w.cert.until, w.cert.decided, w.cert.stars, w.id))
            expired.append(row(w, None, None))
    due.sort(key=lambda r: (str(r[6]), str(r[0])))
    expired.sort(key=lambda r: (str(r[6]), str(r[0])), reverse=True)

    report = ReportService(ctx).expiring(ON)

    assert [r[1] for r in due] == ["Hôm nay", "Nấm", "Sen", "Rượu", "Cuối"]
    assert [r[1] for r in expired] == ["Hôm qua", "Trà", "Gạo", "Chè"]
    assert report.table("expiring").rows == tuple(due)
    assert report.table("expired").rows == tuple(expired)
    assert dict(report.figures) == {"Đến kỳ đánh giá lại": len(due), "Đã hết hiệu lực": len(expired)}
    # the cells the choice decides, said plainly
    assert next(r for r in due if r[1] == "Nấm")[4] == 4
    assert next(r for r in expired if r[1] == "Trà")[6] == date(2026, 2, 28)
    assert next(r for r in expired if r[1] == "Gạo")[4] == 4
    assert next(r for r in due if r[1] == "Cuối")[7] == ON
