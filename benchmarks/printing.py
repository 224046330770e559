"""Printing benchmarks (issue 5), JSON on stdout.

- one filled form (scoring sheet of set 1 with answers and totals; Mẫu 01; Mẫu 02 with a
  32-row self-scoring table): target ≤ 0.5 s each, median of several runs after a warm-up
  (the first render of a process also parses the fonts: reported apart as `first_render_s`)
- all 26 blank scoring sheets into one PDF: target ≤ 5 s total

Run: uv run python benchmarks/printing.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ocop_desktop.domain.dossiers import RegistrationType  # noqa: E402
from ocop_desktop.domain.rules.scoring import score  # noqa: E402
from ocop_desktop.printing import api  # noqa: E402
from ocop_desktop.printing.batch import render_all_blank_sheets  # noqa: E402
from ocop_desktop.printing.data import (  # noqa: E402
    Mau01Data,
    Mau02Data,
    ProducerInfo,
    Ref,
    Representative,
    SelfScore,
    Signed,
)
from ocop_desktop.printing.data_sheet import SheetData, SheetHeader  # noqa: E402
from ocop_desktop.services.core.rules import RuleService  # noqa: E402

PRODUCER = ProducerInfo(
    "Hợp tác xã Nông nghiệp Tân Lập",
    "Hợp tác xã",
    "Thôn Bản Mế, xã Tân Lập, tỉnh Lào Cai",
    "0912345678",
    "htx@example.vn",
    Representative("Nguyễn Thị Hằng", "Giám đốc", "Nữ", "Tày"),
)


def samples() -> dict[str, tuple[str, object]]:
    ruleset = RuleService().get("qd26-2026")
    sheet = ruleset.sheet(1)
    answers = {leaf.code: len(leaf.options) - 1 - (i % 3 == 0) for i, leaf in enumerate(sheet.leaves())}
    result = score(sheet, answers)
    ref = Ref("2f1c7d3e-0b7a-4d1e-9c55-1a2b3c4d5e6f", 4)
    filled_sheet = SheetData(
        sheet=sheet,
        ref=ref,
        result=result,
        remarks="Đạt yêu cầu.",
        header=SheetHeader(
            "Mật ong bạc hà", "15-04321-003-2026", PRODUCER.name, PRODUCER.phone, PRODUCER.address
        ),
        evaluator=Signed("Lào Cai", dt.date(2026, 6, 12), "Trần Văn Bình"),
    )
    mau01 = Mau01Data(
        ref=ref,
        province="Lào Cai",
        year=2026,
        producer=PRODUCER,
        product_name="Mật ong bạc hà",
        classification="Thực phẩm; Thực phẩm thô, sơ chế; Mật ong…",
        registration=RegistrationType.FIRST,
        samples="05 sản phẩm",
        signed=Signed("Tân Lập", dt.date(2026, 2, 5), "Nguyễn Thị Hằng"),
    )
    scores = tuple(
        SelfScore(leaf.code, leaf.title, leaf.max, result.points[leaf.code], "Có hồ sơ minh chứng kèm theo.")
        for leaf in sheet.leaves()
    )
    mau02 = Mau02Data(
        ref=ref,
        producer=PRODUCER,
        set_name=sheet.name,
        self_scores=scores,
        self_total=result.total,
        self_stars=result.star,
        history="Thành lập năm 2015.\nMở rộng vùng nguyên liệu năm 2020.",
        plan="Mở rộng thị trường xuất khẩu.",
        signed=Signed("Tân Lập", dt.date(2026, 2, 5)),
    )
    return {
        "sheet_filled_set1": ("sheet", filled_sheet),
        "mau01_filled": ("mau01", mau01),
        "mau02_filled": ("mau02", mau02),
    }


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    cases = samples()
    report: dict[str, object] = {}
    report["first_render_s"] = round(timed(lambda: api.render_bytes(*cases["mau01_filled"])), 3)
    for name, (form, data) in cases.items():
        runs = [timed(lambda form=form, data=data: api.render_bytes(form, data)) for _ in range(args.repeat)]
        report[f"{name}_s"] = round(statistics.median(runs), 3)
    worst = max(v for k, v in report.items() if k.endswith("_filled_s") or k.endswith("set1_s"))
    ruleset = RuleService().get("qd26-2026")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "all.pdf"
        report["all_26_blank_sheets_s"] = round(timed(lambda: render_all_blank_sheets(ruleset, out)), 3)
        report["all_26_blank_sheets_bytes"] = out.stat().st_size
    report["targets"] = {"filled_form_s": 0.5, "all_26_blank_sheets_s": 5.0}
    report["ok"] = worst <= 0.5 and report["all_26_blank_sheets_s"] <= 5.0  # type: ignore[operator]
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
