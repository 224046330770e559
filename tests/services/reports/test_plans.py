"""Yearly plans (set, replace, refuse) and targets against achieved, the achieved counted here from the
certificates the test wrote."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ocop_desktop.domain.errors import ValidationError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.plans import PlanLine, PlanService
from ocop_desktop.services.reports.service import ReportService
from tests.helpers.cli import Cli
from tests.services.reports.test_reports import CERTS, GROUP, ON, Cert
from tests.services.reports.test_reports import province as province  # noqa: F401 - the fixture


def firsts() -> dict[str, Cert]:
    out: dict[str, Cert] = {}
    for c in sorted(CERTS, key=lambda c: c.decided):
        out.setdefault(c.product, c)
    return out


def new_in(year: int, keep: Callable[[Cert], bool]) -> int:
    return sum(1 for c in firsts().values() if c.decided.year == year and c.decided <= ON and keep(c))


def test_targets_against_achieved(province: AppContext) -> None:  # noqa: F811
    plans = PlanService(province)
    groups = ReportService(province).product_groups(ON)
    plans.set(PlanLine(2026, "", "", 10, 2, 0), groups=groups)
    plans.set(PlanLine(2026, "00073", "", 1, 0, 0), groups=groups)
    plans.set(PlanLine(2026, "", "III", 3, 0, 0), groups=groups)
    plans.set(PlanLine(2026, "", "III", 4, 0, 0), groups=groups)  # replaces the line
    assert len(plans.lines(2026)) == 3 and plans.lines(2025) == []
    rows = {r[:2]: r[2:] for r in ReportService(province).targets(ON).table("targets").rows}
    every = new_in(2026, lambda c: True)
    assert every == 2  # Tinh dầu and Miến
    assert rows[("Toàn địa bàn", "Tất cả")][:3] == (10, every, round(100 * every / 10, 1))
    assert rows[("Toàn địa bàn", "Tất cả")][3:] == (2, 0, 0.0, 0, 0, None)
    in_commune = new_in(2026, lambda c: c.commune == "00073")
    assert rows[("Phường Cửa Nam", "Tất cả")][:3] == (1, in_commune, 100.0 * in_commune)
    in_group = new_in(2026, lambda c: GROUP[c.product_set][0] == "III")
    assert rows[("Toàn địa bàn", GROUP[20][1])][:3] == (4, in_group, round(100 * in_group / 4, 1))


def test_upgrades_and_reevaluations_count_in_their_year(province: AppContext) -> None:  # noqa: F811
    PlanService(province).set(PlanLine(2025, "", "", 0, 1, 0), groups={"I"})
    report = ReportService(province).targets(ON.replace(year=2025, month=12, day=31))
    (row,) = report.table("targets").rows
    assert row[5:8] == (1, 1, 100.0)  # Mật ong 3★ → 4★ in 2025


def test_refuses_bad_lines(province: AppContext) -> None:  # noqa: F811
    with pytest.raises(ValidationError) as refused:
        PlanService(province).set(PlanLine(1999, "99999", "X", -1, 0, 0), groups={"I"})
    assert set(refused.value.fields) == {"year", "commune_code", "product_group", "new_products"}


def test_cli_plan_set_and_show(tmp_path, capsys, _template_dir) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers.sync import open_installation

    open_installation(tmp_path / "p", _template_dir, "province", "01", "Trần Thị Bình").close()
    cli = Cli(capsys, tmp_path)
    cli("p", "plan", "set", "2026", "--new", "25", "--upgrades", "6")
    cli("p", "plan", "set", "2026", "--group", "i", "--new", "5")
    assert [(x["product_group"], x["new_products"]) for x in cli.json("p", "plan", "show", "2026")] == [
        ("", 25),
        ("I", 5),
    ]
    assert "Ngành “Z”" in cli("p", "plan", "set", "2026", "--group", "z", code=2)
    targets = cli.json("p", "report", "targets", "--on", "01/09/2026")
    assert targets["tables"][0]["rows"][0][:3] == ["Toàn địa bàn", "Tất cả", 25]
