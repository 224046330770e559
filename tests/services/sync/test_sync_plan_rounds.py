"""The province's targets for one round of the year travel in its reference pack (`plan_rounds`, real
packages between the pair): the commune keeps them with their period, its targets report shows them per
round; a pack from a province on an older version (no `plan_rounds`) still imports, and an older reader
sees only whole-year lines in the new pack."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from helpers.package_surgery import edit_json_entries
from helpers.sync import Pair, db_state
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg import schema as sc
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.plans import PlanLine, PlanService
from ocop_desktop.services.reports.service import ReportService
from ocop_desktop.services.sync import payload_schema
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import ProvinceTarget

YEAR = 2026
COMMUNE, OTHER = "00070", "00073"
END_1, END_2 = date(YEAR, 7, 30), date(YEAR, 10, 30)
Row = tuple[int, str, int, date | None, int, int, int]


def plan(ctx: AppContext, *lines: PlanLine) -> None:
    groups = ReportService(ctx).product_groups(date(YEAR, 6, 1))
    for line in lines:
        PlanService(ctx).set(line, groups=groups)


def payload(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read(fmt.PAYLOAD))  # type: ignore[no-any-return]


def received(ctx: AppContext) -> list[Row]:
    with ctx.read() as s:
        return sorted(
            (
                r.year,
                r.product_group,
                r.round_number,
                r.period_end,
                r.new_products,
                r.upgrades,
                r.reevaluations,
            )
            for r in s.scalars(select(ProvinceTarget))
        )


def resigned(pair: Pair, sent: Path, name: str, change: Any) -> Path:
    """`sent` with its payload changed by `change(doc)`, signed again by the province (a new package)."""
    signer = KeyStore(pair.province.paths.keys_dir).signing_key()

    def edit(entry: str, doc: Any) -> tuple[str, Any] | None:
        if entry != fmt.PAYLOAD:
            return None
        change(doc)
        return entry, doc

    out = pair.send(name)
    out.write_bytes(edit_json_entries(sent.read_bytes(), signer, None, edit, new_id=True))
    return out


@pytest.fixture
def planned(pair: Pair) -> Pair:
    plan(
        pair.province,
        PlanLine(YEAR, COMMUNE, "", 5, 1, 2),
        PlanLine(YEAR, COMMUNE, "", 2, 0, 1, 1, END_1),
        PlanLine(YEAR, COMMUNE, "", 3, 1, 1, 2, END_2),
        PlanLine(YEAR, OTHER, "", 4, 0, 0, 2, END_2),
        PlanLine(YEAR, "", "", 40, 8, 5, 1, END_1),  # the whole province: stays at the province
    )
    return pair


def test_the_commune_receives_its_round_targets(planned: Pair) -> None:
    pair = planned
    to_one = PackageService(pair.province).export_reference(pair.send("to-one.ocoppkg"))
    doc = payload(to_one.path)
    assert all("round_number" not in x for x in doc["plans"])  # the year's lines, as before
    assert [(x["commune_code"], x["round_number"], x["period_end"]) for x in doc["plan_rounds"]] == [
        (COMMUNE, 1, "2026-07-30"),
        (COMMUNE, 2, "2026-10-30"),
        (OTHER, 2, "2026-10-30"),
    ]
    preview = PackageService(pair.commune).preview(to_one.path)
    assert (
        "Chỉ tiêu tỉnh giao năm 2026, đợt 2 (đến 30/10/2026): 3 sản phẩm mới, 1 nâng hạng, 1 đánh giá lại"
        in preview.plans
    )
    assert PackageService(pair.commune).import_package(to_one.path).applied
    assert received(pair.commune) == [
        (YEAR, "", 0, None, 5, 1, 2),
        (YEAR, "", 1, END_1, 2, 0, 1),
        (YEAR, "", 2, END_2, 3, 1, 1),
    ]
    report = ReportService(pair.commune).targets(date(YEAR, 9, 1))
    assert [t.key for t in report.tables] == ["targets", "province_targets", "province_targets_rounds"]
    rows = report.table("province_targets_rounds").rows
    assert [r[:5] for r in rows] == [
        (1, END_1, "Phường Hoàn Kiếm", "Tất cả", 2),
        (2, END_2, "Phường Hoàn Kiếm", "Tất cả", 3),
    ]
    assert [r[5] for r in rows] == [0, 0]  # the commune decided nothing: achieved 0 in each round
    assert report.table("province_targets").rows[0][:3] == ("Phường Hoàn Kiếm", "Tất cả", 5)
    given = PlanService(pair.commune).province_targets(YEAR)
    assert [(x.round_number, x.period_end) for x in given.lines] == [(0, None), (1, END_1), (2, END_2)]


def test_a_pack_from_an_older_province_still_imports(planned: Pair) -> None:
    """No `plan_rounds`: the year's lines replace the province's, and no round targets stay from it."""
    pair = planned
    sent = PackageService(pair.province).export_reference(pair.send("new.ocoppkg")).path
    PackageService(pair.commune).import_package(sent)
    assert len(received(pair.commune)) == 3

    def older(doc: dict[str, Any]) -> None:
        del doc["plan_rounds"]
        doc["plans"][0]["new_products"] = 6

    old = resigned(pair, sent, "old.ocoppkg", older)
    assert PackageService(pair.commune).import_package(old).applied
    assert received(pair.commune) == [(YEAR, "", 0, None, 6, 1, 2)]


def test_an_older_reader_sees_whole_year_lines_only(planned: Pair) -> None:
    """The schema an older version checks a reference payload with accepts the new payload, and its
    `plans` holds no two lines of one year and group (which that version refuses)."""
    doc = payload(PackageService(planned.province).export_reference(planned.send("r.ocoppkg")).path)
    older = sc.obj(
        {
            "office": payload_schema.OFFICE,
            "keys": payload_schema.KEYS,
            "files": sc.array(payload_schema._FILE, max_items=fmt.MAX_ENTRIES),
            "mailbox": payload_schema.MAILBOX,
            "plans": sc.array(payload_schema.PLAN_LINE, max_items=fmt.MAX_ENTRIES),
        },
        required=("office", "keys", "files"),
    )
    older(doc)
    keys = [(x["year"], x["commune_code"], x["product_group"]) for x in doc["plans"]]
    assert len(keys) == len(set(keys)) == 1 and doc["plan_rounds"]
    for bad in ({"round_number": 0}, {"round_number": 13}, {"period_end": "30/07/2026"}):
        with pytest.raises(sc.Invalid):
            payload_schema.REFERENCE(dict(doc, plan_rounds=[dict(doc["plan_rounds"][0], **bad)]))


def test_inconsistent_rounds_are_refused_and_change_nothing(planned: Pair) -> None:
    pair = planned
    sent = PackageService(pair.province).export_reference(pair.send("r.ocoppkg")).path
    state = db_state(pair.commune)

    def elsewhere(doc: dict[str, Any]) -> None:
        doc["plan_rounds"][0]["period_end"] = "2027-07-30"

    def two_ends(doc: dict[str, Any]) -> None:
        doc["plan_rounds"].append(dict(doc["plan_rounds"][0], product_group="I", period_end="2026-07-31"))

    def twice(doc: dict[str, Any]) -> None:
        doc["plan_rounds"].append(dict(doc["plan_rounds"][0], new_products=9))

    for i, change in enumerate((elsewhere, two_ends, twice)):
        with pytest.raises(PackageRefused) as refused:
            PackageService(pair.commune).import_package(resigned(pair, sent, f"bad{i}.ocoppkg", change))
        assert refused.value.code == "malformed", change
    assert db_state(pair.commune) == state and received(pair.commune) == []
