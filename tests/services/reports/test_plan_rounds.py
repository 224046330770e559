"""Targets per round: a plan line for one round of the year counts what was decided within its period
(the day after the previous round's end to its own end); every figure is computed here, independently,
from the list of certificates the test wrote."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from ocop_desktop.domain.errors import NotFoundError, ValidationError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.registry.certificates import CertificateInput, CertificateService
from ocop_desktop.services.reports.plans import PlanLine, PlanService
from ocop_desktop.services.reports.service import ReportService
from ocop_desktop.store.models import Product, YearPlan
from tests.services.reports.test_reports import CERTS, GROUP, Cert
from tests.services.reports.test_reports import province as province  # noqa: F401 - the fixture

DAY = date(2026, 12, 31)
END_1, END_2 = date(2026, 7, 30), date(2026, 10, 30)  # "two rounds, by 30/7 and by 30/10"
EXTRA = [
    Cert("Gạo", "00073", 4, 4, date(2026, 3, 10), "province", "qd148-2023"),  # re-evaluation, round 1
    Cert("Rượu", "00004", 14, 4, date(2026, 8, 15), "province", "qd26-2026"),  # upgrade, round 2
    Cert("Mật ong", "00070", 4, 4, date(2026, 10, 20), "province", "qd26-2026"),  # re-evaluation, round 2
    Cert("Chè", "00070", 6, 5, date(2026, 11, 5), "ministry", "qd26-2026"),  # upgrade, after the rounds
]
PERIODS = {1: (date(2026, 1, 1), END_1), 2: (date(2026, 7, 31), END_2), 0: (date(2026, 1, 1), DAY)}


@pytest.fixture
def rounds(province: AppContext) -> AppContext:  # noqa: F811
    certs = CertificateService(province, today=DAY)
    with province.read() as s:
        ids = {p.name: p.id for p in s.scalars(select(Product))}
    for c in EXTRA:
        certs.add(CertificateInput(ids[c.product], c.stars, f"{c.product}/R", c.decided, c.level, c.ruleset))
    return province


def kinds() -> list[tuple[Cert, str]]:
    """(certificate, new | upgrade | reevaluation) for each certificate decided in 2026 by DAY."""
    out = []
    history = sorted(CERTS + EXTRA, key=lambda c: c.decided)
    for c in history:
        if c.decided.year != 2026 or c.decided > DAY:
            continue
        before = [b for b in history if b.product == c.product and b.decided < c.decided]
        if not before:
            out.append((c, "new"))
        else:
            out.append((c, "upgrade" if c.stars > before[-1].stars else "reevaluation"))
    return out


def expected(round_number: int, commune: str = "", group: str = "") -> tuple[int, int, int]:
    start, end = PERIODS[round_number]
    got = [
        k
        for c, k in kinds()
        if start <= c.decided <= end
        and (not commune or c.commune == commune)
        and (not group or GROUP[c.product_set][0] == group)
    ]
    return got.count("new"), got.count("upgrade"), got.count("reevaluation")


def cells(targets: tuple[int, int, int], got: tuple[int, int, int]) -> tuple[object, ...]:
    """A row's figures: target, achieved and per cent for each kind."""
    out: list[object] = []
    for t, g in zip(targets, got, strict=True):
        out += [t, g, round(100 * g / t, 1) if t else None]
    return tuple(out)


def groups(ctx: AppContext) -> dict[str, str]:
    return ReportService(ctx).product_groups(DAY)


def test_each_round_against_what_was_decided_in_its_period(rounds: AppContext) -> None:
    plans = PlanService(rounds)
    for line in (
        PlanLine(2026, "", "", 6, 2, 3),
        PlanLine(2026, "", "", 2, 0, 1, 1, END_1),
        PlanLine(2026, "", "", 2, 1, 1, 2, END_2),
        PlanLine(2026, "00073", "", 1, 0, 0, 2, END_2),
        PlanLine(2026, "", "I", 1, 0, 2, 2, END_2),
    ):
        plans.set(line, groups=groups(rounds))
    assert expected(1) == (1, 0, 1)  # Tinh dầu new on 1/7, Gạo again on 10/3
    assert expected(2) == (1, 1, 1)  # Miến new, Rượu up, Mật ong again
    report = ReportService(rounds).targets(DAY)
    assert [t.key for t in report.tables] == ["targets", "targets_rounds"]
    (year,) = report.table("targets").rows  # the year's table keeps the whole-year lines only
    assert year[:2] == ("Toàn địa bàn", "Tất cả")
    assert expected(0) == (2, 2, 2)  # the year also has Chè up on 5/11, after the rounds
    assert year[2:] == cells((6, 2, 3), expected(0))
    table = report.table("targets_rounds")
    assert table.headers[:3] == ("Đợt", "Đến ngày", "Xã/phường")
    assert table.title == "Chỉ tiêu và kết quả theo đợt năm 2026"
    rows = {(r[0], r[2], r[3]): (r[1], *r[4:]) for r in table.rows}
    one, two = 1, 2
    assert list(rows) == [
        (one, "Toàn địa bàn", "Tất cả"),
        (two, "Toàn địa bàn", "Tất cả"),
        (two, "Toàn địa bàn", GROUP[4][1]),
        (two, "Phường Cửa Nam", "Tất cả"),
    ]

    assert rows[(one, "Toàn địa bàn", "Tất cả")] == (END_1, *cells((2, 0, 1), expected(1)))
    assert rows[(two, "Toàn địa bàn", "Tất cả")] == (END_2, *cells((2, 1, 1), expected(2)))
    assert rows[(two, "Phường Cửa Nam", "Tất cả")] == (END_2, *cells((1, 0, 0), expected(2, commune="00073")))
    assert rows[(two, "Toàn địa bàn", GROUP[4][1])] == (END_2, *cells((1, 0, 2), expected(2, group="I")))
    assert expected(2, group="I") == (1, 0, 1)  # Miến (set 6) new, Mật ong (set 4) again


def test_a_round_reported_before_its_end_counts_up_to_the_day(rounds: AppContext) -> None:
    PlanService(rounds).set(PlanLine(2026, "", "", 2, 1, 1, 2, END_2), groups=groups(rounds))
    (row,) = ReportService(rounds).targets(date(2026, 9, 1)).table("targets_rounds").rows
    assert row[:2] == (2, END_2)  # no round 1 line: round 2 starts on 1 January
    # by 1/9: Gạo again (10/3), Tinh dầu (1/7) and Miến (1/8) new, Rượu up (15/8); not Mật ong (20/10)
    assert row[4:] == (2, 2, 100.0, 1, 1, 100.0, 1, 1, 100.0)


def test_one_end_per_round_and_ends_in_order(rounds: AppContext) -> None:
    plans, g = PlanService(rounds), groups(rounds)
    plans.set(PlanLine(2026, "", "", 2, 0, 0, 1, END_1), groups=g)
    plans.set(PlanLine(2026, "", "", 3, 0, 0, 2, END_2), groups=g)
    plans.set(PlanLine(2026, "00073", "", 1, 0, 0, 1, date(2026, 7, 31)), groups=g)  # moves round 1
    assert {x.period_end for x in plans.lines(2026) if x.round_number == 1} == {date(2026, 7, 31)}
    before = plans.lines(2026)
    for line, field in (
        (PlanLine(2026, "", "I", 1, 0, 0, 1, date(2026, 11, 1)), "period_end"),  # after round 2's end
        (PlanLine(2026, "", "I", 1, 0, 0, 2, date(2026, 7, 1)), "period_end"),  # before round 1's end
        (PlanLine(2026, "", "I", 1, 0, 0, 3), "period_end"),  # no end
        (PlanLine(2026, "", "I", 1, 0, 0, 3, date(2027, 1, 15)), "period_end"),  # another year
        (PlanLine(2026, "", "I", 1, 0, 0, 13, date(2026, 12, 1)), "round_number"),
    ):
        with pytest.raises(ValidationError) as refused:
            plans.set(line, groups=g)
        assert set(refused.value.fields) == {field}, line
    assert plans.lines(2026) == before  # refused lines change nothing
    # a whole-year line keeps no end, whatever it is given
    plans.set(PlanLine(2026, "", "", 9, 0, 0, 0, date(2026, 5, 1)), groups=g)
    assert PlanLine(2026, "", "", 9, 0, 0) in plans.lines(2026)


def test_remove(rounds: AppContext) -> None:
    plans = PlanService(rounds)
    plans.set(PlanLine(2026, "", "", 2, 0, 0, 1, END_1), groups=groups(rounds))
    plans.set(PlanLine(2026, "", "", 5, 0, 0), groups=groups(rounds))
    plans.remove(PlanLine(2026, "", "", 0, 0, 0, 1))
    assert plans.lines(2026) == [PlanLine(2026, "", "", 5, 0, 0)]
    with pytest.raises(NotFoundError):
        plans.remove(PlanLine(2026, "", "", 0, 0, 0, 1))
    with rounds.read() as s:
        assert s.scalars(select(YearPlan.round_number)).all() == [0]


def test_round_finishes_come_from_the_provinces_rounds(rounds: AppContext) -> None:
    assert PlanService(rounds).round_finishes(2026) == {}  # none opened yet
    made = RoundService(rounds, today=date(2026, 6, 1))
    made.create(RoundInput(2026, 1, finish=date(2026, 7, 30)))
    made.create(RoundInput(2026, 2))  # the regular second round: finishes on 30/12
    assert PlanService(rounds).round_finishes(2026) == {1: date(2026, 7, 30), 2: date(2026, 12, 30)}
    assert PlanService(rounds).round_finishes(2027) == {}


def test_cli_round_lines(tmp_path, capsys, _template_dir) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers.cli import Cli
    from tests.helpers.sync import open_installation

    open_installation(tmp_path / "p", _template_dir, "province", "01", "Trần Thị Bình").close()
    cli = Cli(capsys, tmp_path)
    cli("p", "plan", "set", "2026", "--new", "6")
    said = cli(
        "p", "plans", "set", "2026", "--round", "1", "--until", "30/07/2026", "--new", "2", "--upgrades", "1"
    )
    assert said.strip() == "Đã lưu chỉ tiêu đợt 1 năm 2026."
    cli("p", "plan", "set", "2026", "--round", "2", "--until", "2026-10-30", "--group", "i", "--new", "3")
    assert "Hãy ghi ngày kết thúc của đợt 3." in cli("p", "plan", "set", "2026", "--round", "3", code=2)
    with pytest.raises(SystemExit):  # argparse's refusal of the date, before anything is opened
        cli("p", "plan", "set", "2026", "--round", "3", "--until", "31/02/2026")
    assert "ngày “31/02/2026” không hợp lệ" in capsys.readouterr().err
    lines = cli.json("p", "plan", "list", "2026")
    assert [(x["round_number"], x["period_end"], x["product_group"], x["new_products"]) for x in lines] == [
        (0, None, "", 6),
        (1, "2026-07-30", "", 2),
        (2, "2026-10-30", "I", 3),
    ]
    shown = cli("p", "plan", "show", "2026")
    assert "Đợt 1 (đến 30/07/2026)" in shown and "cả năm" in shown
    report = cli.json("p", "report", "targets", "--on", "01/11/2026")
    rounds = next(t for t in report["tables"] if t["key"] == "targets_rounds")
    assert [r[:4] for r in rounds["rows"]] == [
        [1, "2026-07-30", "Toàn địa bàn", "Tất cả"],
        [2, "2026-10-30", "Toàn địa bàn", rounds["rows"][1][3]],
    ]
    assert (
        cli("p", "plan", "remove", "2026", "--round", "1").strip() == "Đã xóa dòng chỉ tiêu đợt 1 năm 2026."
    )
    assert "không còn" in cli("p", "plan", "remove", "2026", "--round", "1", code=2)
    assert [x["round_number"] for x in cli.json("p", "plan", "list", "2026")] == [0, 2]


def test_the_round_table_in_excel_and_pdf(rounds: AppContext, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from ocop_desktop.services.reports.export import write_pdf, write_xlsx
    from tests.helpers.pdf import pdf_text

    PlanService(rounds).set(PlanLine(2026, "", "", 2, 0, 1, 1, END_1), groups=groups(rounds))
    report = ReportService(rounds).targets(DAY)
    book = load_workbook(write_xlsx(report, "Sở NN", tmp_path / "t.xlsx"))
    sheet = next(
        ws for ws in book.worksheets if any(c.value == "Đến ngày" for row in ws.iter_rows() for c in row)
    )
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(cells) if "Đến ngày" in row)
    first = cells[header + 1]
    assert first[:3] == [1, datetime(2026, 7, 30), "Toàn địa bàn"]  # the end, a date cell
    text = pdf_text(write_pdf(report, "Sở NN", tmp_path / "t.pdf"))
    assert "Chỉ tiêu và kết quả theo đợt năm 2026" in text and "30/07/2026" in text
