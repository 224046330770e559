"""The province's year plan travels in its reference pack: each commune receives its part, keeps it apart
from its own plan (read-only, with the day it came), a re-sent pack replaces it, and a pack from an office
the commune does not trust changes nothing."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from helpers.cli import Cli
from helpers.package_surgery import edit_json_entries, entries, replace_entry
from helpers.sync import Pair, db_state, link, open_installation
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg import schema as sc
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.attention import AttentionService
from ocop_desktop.services.reports.plans import PlanLine, PlanService
from ocop_desktop.services.reports.service import ReportService
from ocop_desktop.services.sync import payload_schema
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import ProvinceTarget, SyncPackage, YearPlan

YEAR = 2026
COMMUNE = "00070"  # Phường Hoàn Kiếm, the pair's commune
OTHER = "00073"  # Phường Cửa Nam, another commune of Hà Nội


def plan(ctx: AppContext, *lines: PlanLine) -> None:
    groups = ReportService(ctx).product_groups(date(YEAR, 6, 1))
    for line in lines:
        PlanService(ctx).set(line, groups=groups)


def payload(path: Path) -> dict:  # type: ignore[type-arg]
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read(fmt.PAYLOAD))  # type: ignore[no-any-return]


def received(ctx: AppContext) -> list[tuple[int, str, str, int, int, int]]:
    with ctx.read() as s:
        return sorted(
            (r.year, r.commune_code, r.product_group, r.new_products, r.upgrades, r.reevaluations)
            for r in s.scalars(select(ProvinceTarget))
        )


def test_the_commune_receives_its_part_and_a_resent_pack_replaces_it(pair: Pair) -> None:
    province, commune = PackageService(pair.province), PackageService(pair.commune)
    plan(
        pair.province,
        PlanLine(YEAR, "", "", 40, 8, 5),  # the whole province: stays at the province
        PlanLine(YEAR, COMMUNE, "", 3, 1, 2),
        PlanLine(YEAR, COMMUNE, "I", 2, 0, 0),
        PlanLine(YEAR, OTHER, "", 5, 0, 0),
        PlanLine(YEAR + 1, COMMUNE, "", 4, 0, 0),
    )
    plan(pair.commune, PlanLine(YEAR, "", "", 6, 0, 0))  # the commune's own plan, untouched by the packs

    to_one = province.export_reference(pair.send("to-one.ocoppkg"), to=COMMUNE)
    carried = payload(to_one.path)["plans"]
    assert {line["commune_code"] for line in carried} == {COMMUNE}  # only this commune's part
    preview = commune.preview(to_one.path)
    assert "Chỉ tiêu tỉnh giao năm 2026: 3 sản phẩm mới, 1 nâng hạng, 2 đánh giá lại" in preview.plans
    assert received(pair.commune) == []  # a preview writes nothing
    before = ReportService(pair.commune).targets(date(YEAR, 9, 1))
    assert dict(before.figures)["Chỉ tiêu tỉnh giao nhận ngày"] == "chưa nhận"
    assert before.table("province_targets").title == "Chỉ tiêu tỉnh giao năm 2026 (chưa nhận)"
    assert commune.import_package(to_one.path).applied
    assert received(pair.commune) == [
        (YEAR, COMMUNE, "", 3, 1, 2),
        (YEAR, COMMUNE, "I", 2, 0, 0),
        (YEAR + 1, COMMUNE, "", 4, 0, 0),
    ]
    given = PlanService(pair.commune).province_targets(YEAR)
    assert given.received == date.today() and [x.new_products for x in given.lines] == [3, 2]
    assert PlanService(pair.commune).lines(YEAR) == [PlanLine(YEAR, "", "", 6, 0, 0)]
    report = ReportService(pair.commune).targets(date(YEAR, 9, 1))
    assert [t.key for t in report.tables] == ["targets", "province_targets"]
    assert [r[:3] for r in report.table("province_targets").rows] == [
        ("Phường Hoàn Kiếm", "Tất cả", 3),
        ("Phường Hoàn Kiếm", report.table("province_targets").rows[1][1], 2),
    ]
    assert report.table("targets").rows[0][:3] == ("Toàn địa bàn", "Tất cả", 6)

    # the province changes its plan and sends a pack to every commune: it carries every commune's part,
    # the commune keeps its own, and what the province dropped is dropped here too
    plan(pair.province, PlanLine(YEAR, COMMUNE, "", 7, 2, 2))
    with pair.province.unit_of_work() as s:
        for row in s.scalars(select(YearPlan).where(YearPlan.product_group == "I")):
            s.delete(row)
    to_all = province.export_reference(pair.send("to-all.ocoppkg"))
    assert {line["commune_code"] for line in payload(to_all.path)["plans"]} == {COMMUNE, OTHER}
    assert commune.import_package(to_all.path).applied
    assert received(pair.commune) == [(YEAR, COMMUNE, "", 7, 2, 2), (YEAR + 1, COMMUNE, "", 4, 0, 0)]
    with pair.commune.read() as s:
        row = s.get(SyncPackage, to_all.package_id)
        assert row is not None and row.outcomes["plans"] == 2

    # the home page shows both: the figures and a chart each
    home = AttentionService(pair.commune).summary(date(YEAR, 9, 1))
    figures = dict(home.figures)
    assert figures["Chỉ tiêu sản phẩm mới năm 2026"] == "0/6"
    assert figures["Chỉ tiêu tỉnh giao: sản phẩm mới năm 2026"] == "0/7"
    charts = {c.key: c for c in home.charts}
    assert charts["province_targets"].values[0] == (7.0, 2.0, 2.0) and charts["targets"].values[0][0] == 6.0

    # the older pack imported late changes nothing: a newer one from the same province is here
    before = received(pair.commune)
    assert not commune.import_package(to_one.path).applied  # imported before: a no-op
    assert received(pair.commune) == before


def test_a_pack_from_an_office_the_commune_does_not_trust_is_refused(
    pair: Pair, tmp_path: Path, _template_dir: Path
) -> None:
    plan(pair.province, PlanLine(YEAR, COMMUNE, "", 3, 0, 0))
    PackageService(pair.commune).import_package(
        PackageService(pair.province).export_reference(pair.send("r.ocoppkg")).path
    )
    before, state = received(pair.commune), db_state(pair.commune)
    assert before == [(YEAR, COMMUNE, "", 3, 0, 0)]
    impostor = open_installation(tmp_path / "other", _template_dir, "province", "01", "Lê Văn Giả")
    elsewhere = open_installation(tmp_path / "hcm", _template_dir, "province", "79", "Phạm Thị Xa")
    try:
        for stranger in (impostor, elsewhere):
            with stranger.unit_of_work() as s:  # written straight in: another province cannot name it
                s.add(YearPlan(year=YEAR, commune_code=COMMUNE, product_group="", new_products=99))
            pack = PackageService(stranger).export_reference(tmp_path / f"{stranger.office().id}.ocoppkg")
            assert {line["new_products"] for line in payload(pack.path)["plans"]} == {99}
            with pytest.raises(PackageRefused):
                PackageService(pair.commune).import_package(pack.path)
        assert received(pair.commune) == before and db_state(pair.commune) == state
    finally:
        impostor.close()
        elsewhere.close()


def test_older_readers_accept_the_pack_with_plans(pair: Pair) -> None:
    """The schema an older version checks a reference payload with (no `plans`) accepts the new payload:
    unknown optional keys are ignored, and the field is outside the signed file list."""
    plan(pair.province, PlanLine(YEAR, COMMUNE, "", 3, 0, 0))
    pack = PackageService(pair.province).export_reference(pair.send("r.ocoppkg"))
    doc = payload(pack.path)
    older = sc.obj(
        {
            "office": payload_schema.OFFICE,
            "keys": payload_schema.KEYS,
            "files": sc.array(payload_schema._FILE, max_items=fmt.MAX_ENTRIES),
            "mailbox": payload_schema.MAILBOX,
        },
        required=("office", "keys", "files"),
    )
    older(doc)
    assert doc["plans"] and all(not f["name"].startswith("plans") for f in doc["files"])
    bad = dict(doc, plans=[dict(doc["plans"][0], new_products=-1)])
    with pytest.raises(sc.Invalid):
        payload_schema.REFERENCE(bad)


def test_cli_province_sends_and_commune_shows(tmp_path: Path, capsys, _template_dir: Path) -> None:  # type: ignore[no-untyped-def]
    commune = open_installation(tmp_path / "c", _template_dir, "commune", COMMUNE, "Nguyễn Văn An")
    province = open_installation(tmp_path / "p", _template_dir, "province", "01", "Trần Thị Bình")
    link(commune, province, tmp_path)
    commune.close()
    province.close()
    cli = Cli(capsys, tmp_path)
    cli("p", "plan", "set", "2026", "--commune", COMMUNE, "--new", "3", "--upgrades", "1")
    cli("p", "package", "export", "--reference", "--to", COMMUNE, "-o", str(tmp_path / "ref.ocoppkg"))
    shown = cli("c", "package", "import", str(tmp_path / "ref.ocoppkg"))
    assert "Chỉ tiêu tỉnh giao năm 2026: 3 sản phẩm mới, 1 nâng hạng, 0 đánh giá lại" in shown
    cli("c", "plan", "set", "2026", "--new", "2")
    plans = cli.json("c", "plan", "show", "2026")
    assert [x["new_products"] for x in plans["own"]] == [2]
    assert plans["province"]["received"] == date.today().isoformat()
    assert [(x["commune_code"], x["new_products"], x["upgrades"]) for x in plans["province"]["lines"]] == [
        (COMMUNE, 3, 1)
    ]
    assert "Chỉ tiêu tỉnh giao (nhận ngày" in cli("c", "plan", "show", "2026")


def test_changed_plans_are_refused_and_change_nothing(pair: Pair) -> None:
    """Plans edited on the way break the signature; twice the same line, even signed, is malformed."""
    plan(pair.province, PlanLine(YEAR, COMMUNE, "", 3, 0, 0))
    sent = PackageService(pair.province).export_reference(pair.send("r.ocoppkg")).path.read_bytes()
    signer = KeyStore(pair.province.paths.keys_dir).signing_key()

    def more(name: str, doc: Any) -> tuple[str, Any] | None:
        if name != fmt.PAYLOAD:
            return None
        doc["plans"][0]["new_products"] = 30
        return name, doc

    def twice(name: str, doc: Any) -> tuple[str, Any] | None:
        if name != fmt.PAYLOAD:
            return None
        doc["plans"].append(dict(doc["plans"][0], new_products=9))
        return name, doc

    forged = edit_json_entries(sent, signer, None, more, new_id=True)
    on_the_way = pair.send("on-the-way.ocoppkg")
    on_the_way.write_bytes(replace_entry(sent, fmt.PAYLOAD, dict(entries(forged))[fmt.PAYLOAD]))
    doubled = pair.send("doubled.ocoppkg")
    doubled.write_bytes(edit_json_entries(sent, signer, None, twice, new_id=True))
    state = db_state(pair.commune)
    for path, code in ((on_the_way, "tampered"), (doubled, "malformed")):
        with pytest.raises(PackageRefused) as refused:
            PackageService(pair.commune).import_package(path)
        assert refused.value.code == code, refused.value
    assert db_state(pair.commune) == state and received(pair.commune) == []
