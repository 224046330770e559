"""The work reports (dossiers by status and round, pass rates, upgrades, returns, overdue checks, years)
on a small province written by hand: every figure compared with counts computed here from the lists."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytest

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.service import REPORT_NAMES, ReportService, build
from ocop_desktop.store.models import Dossier, Product
from ocop_desktop.store.models.dossiers import DossierEvent
from ocop_desktop.store.models.province import EvaluationRound, RoundEntry
from tests.services.reports.test_reports import CERTS, ON, expected_current
from tests.services.reports.test_reports import province as province  # noqa: F401 - the fixture

# (product, registration type, status, deadline, round, entry status, star, return notes)
DOSSIERS = [
    ("Mật ong", "upgrade", "decided", None, (2025, 2), "decided", 4, []),
    ("Chè", "reevaluation", "returned", None, None, None, None, ["- Thiếu phiếu kiểm nghiệm\n- Nhãn sai."]),
    ("Rượu", "first", "received", date(2026, 8, 20), None, None, None, []),  # overdue on ON
    ("Tinh dầu", "first", "received", date(2026, 9, 3), None, None, None, []),  # due soon
    ("Bánh", "first", "received", date(2026, 12, 1), None, None, None, []),  # in time
    ("Miến", "first", "decided", None, (2026, 1), "decided", 3, ["Thiếu phiếu kiểm nghiệm"]),
    ("Gạo", "first", "accepted", None, (2026, 1), "not_recognised", None, []),
    ("Gạo", "upgrade", "sent", None, (2026, 1), "assigned", None, []),
]


@pytest.fixture
def work(province: AppContext) -> AppContext:  # noqa: F811 - the fixture imported above
    with province.unit_of_work() as s:
        products = {p.name: p for p in s.query(Product)}
        rounds: dict[tuple[int, int], EvaluationRound] = {}
        for i, (name, reg, status, deadline, rnd, entry, star, returns) in enumerate(DOSSIERS):
            p = products[name]
            d = Dossier(
                product_id=p.id,
                registration_type=reg,
                ruleset_id="qd148-2023",
                ruleset_hash="x",
                product_set=p.product_set,
                status=status,
                receipt_number=f"{i + 1:02d}/PĐK" if deadline else None,
                received_on=deadline - timedelta(days=10) if deadline else None,
                deadline=deadline,
            )
            s.add(d)
            s.flush()
            for note in returns:
                s.add(
                    DossierEvent(
                        dossier_id=d.id,
                        action="return",
                        from_status="sent",
                        to_status="returned",
                        at=datetime(2026, 5, 1),
                        note=note,
                    )
                )
            if rnd is not None:
                if rnd not in rounds:
                    rounds[rnd] = EvaluationRound(
                        year=rnd[0],
                        number=rnd[1],
                        cutoff=date(rnd[0], 6, 1),
                        finish=date(rnd[0], 7, 1),
                        max_spread=15,
                        quorum="two_thirds",
                        chair_required=True,
                    )
                    s.add(rounds[rnd])
                    s.flush()
                s.add(RoundEntry(round_id=rounds[rnd].id, dossier_id=d.id, seq=i, status=entry, star=star))
    return province


def test_dossiers_by_status_and_round(work: AppContext) -> None:
    report = ReportService(work).dossiers(ON)
    table = report.table("by_status")
    want = Counter(status for _, _, status, *_ in DOSSIERS)
    labels = {
        "Đã có quyết định": "decided",
        "Tỉnh trả lại để bổ sung": "returned",
        "Đã tiếp nhận": "received",
    }
    got = {r[0]: r[-1] for r in table.rows}
    for label, status in labels.items():
        assert got[label] == want[status]
    assert table.total is not None and table.total[-1] == len(DOSSIERS)
    first = {r[0]: r[1] for r in table.rows}
    assert first["Đã tiếp nhận"] == 3
    rounds = {r[0]: r[-1] for r in report.table("by_round").rows}
    assert rounds == {"Đợt 2/2025": 1, "Đợt 1/2026": 3}


def test_pass_rates(work: AppContext) -> None:
    rows = {r[0]: r[1:] for r in ReportService(work).pass_rates(ON).table("pass_rates").rows}
    # Đợt 1/2026: 3 assigned, Miến recognised 3★, Gạo refused, Gạo's upgrade pending.
    assert rows["Đợt 1/2026"] == (3, 1, 1, 1, round(100 / 3, 1), 1, 0, 0)
    assert rows["Đợt 2/2025"] == (1, 1, 0, 0, 100.0, 0, 1, 0)


def test_pass_rates_leave_out_a_dossier_its_producer_withdrew(work: AppContext) -> None:
    from ocop_desktop.store.models.province import RoundEntry

    with work.unit_of_work() as s:  # Gạo's upgrade, still in evaluation, withdrawn (issue 15)
        [pending] = [e for e in s.query(RoundEntry) if e.status not in ("decided", "not_recognised")]
        pending.status = "withdrawn"
    rows = {r[0]: r[1:] for r in ReportService(work).pass_rates(ON).table("pass_rates").rows}
    assert rows["Đợt 1/2026"] == (2, 1, 1, 0, 50.0, 1, 0, 0)


def test_upgrades(work: AppContext) -> None:
    report = ReportService(work).upgrades(ON)
    # Mật ong: 3★ (2024) then 4★ (10/2025): one upgrade 3 → 4 in 2025.
    assert report.table("upgrades_by_year").rows == ((2025, 1, 0, 0, 1),)
    pending = dict((r[0], r[1]) for r in report.table("upgrade_dossiers").rows)
    assert pending["Đã có quyết định"] == 1 and pending["Đã gửi tỉnh"] == 1


def test_returns_and_reasons(work: AppContext) -> None:
    report = ReportService(work).returns(ON)
    assert dict(report.table("return_reasons").rows) == {"Thiếu phiếu kiểm nghiệm": 2, "Nhãn sai": 1}
    by_commune = {r[0]: r[2:] for r in report.table("returns_by_commune").rows}
    assert by_commune == {"00070": (1, 1), "00073": (1, 1)}
    assert dict(report.figures)["Hồ sơ đang chờ bổ sung"] == 1
    assert ReportService(work).returns(date(2027, 1, 5)).table("return_reasons").rows == ()


def test_overdue_commune_checks(work: AppContext) -> None:
    report = ReportService(work).overdue(ON)
    overdue = report.table("overdue").rows
    assert [(r[2], r[6]) for r in overdue] == [("Rượu", (ON - date(2026, 8, 20)).days)]
    assert [r[2] for r in report.table("due_soon").rows] == ["Tinh dầu"]
    assert report.table("overdue_by_commune").rows == (("00004", "Phường Ba Đình", 1),)


def test_year_against_year(work: AppContext) -> None:
    rows = {r[0]: r for r in ReportService(work).years(ON).table("years").rows}
    assert min(rows) == min(c.decided.year for c in CERTS) and max(rows) == ON.year
    for year, row in rows.items():
        day = ON if year == ON.year else date(year, 12, 31)
        current = expected_current(day)
        assert row[2:6] == (
            *(sum(1 for c in current.values() if c.stars == n) for n in (3, 4, 5)),
            len(current),
        ), year
        assert row[6] == sum(1 for c in CERTS if c.decided.year == year)
    assert rows[2026][7] == rows[2026][5] - rows[2025][5]


def test_every_report_by_name(work: AppContext) -> None:
    service = ReportService(work)
    for name in REPORT_NAMES:
        assert build(service, name, ON).key == name
