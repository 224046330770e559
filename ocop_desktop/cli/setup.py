"""`init` and `demo-data`."""

from __future__ import annotations

import argparse
import sys
import time

from ocop_desktop.cli.framework import print_json
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.setup import Role, initialise


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="thiết lập máy lần đầu (vai trò, đơn vị, cán bộ)")
    p.add_argument(
        "--role", required=True, choices=[r.value for r in Role], help="commune | province | evaluator"
    )
    p.add_argument("--unit", required=True, help="mã đơn vị hành chính (tỉnh 2 số, xã 5 số), theo QĐ 19/2025")
    p.add_argument("--officer", required=True, help="họ tên cán bộ")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=_init)

    d = sub.add_parser("demo-data", help="nạp dữ liệu mẫu (chủ thể, sản phẩm thật theo địa bàn)")
    d.add_argument("--scale", choices=["commune", "province"], default="commune")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--json", action="store_true")
    d.set_defaults(handler=_demo)


def _init(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    result = initialise(ctx, args.role, args.unit, args.officer)
    if args.json:
        print_json(result.__dict__)
    else:
        print(f"Đã thiết lập: {result.office_name} ({result.unit_code}), cán bộ {result.officer_name}.")
        print(f"Dấu vân tay khóa ký: {result.readable_fingerprint}")
    return 0


def _demo(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    from ocop_desktop.services.demo.load import load_demo_data

    started = time.perf_counter()
    summary = load_demo_data(
        ctx, scale=args.scale, seed=args.seed, progress=lambda line: print(line, file=sys.stderr, flush=True)
    )
    summary["seconds"] = round(time.perf_counter() - started, 2)
    if args.json:
        print_json(summary)
    else:
        print(
            f"Đã nạp dữ liệu mẫu: {summary['producers']} chủ thể, {summary['products']} sản phẩm "
            f"({summary['seconds']} giây)."
        )
    return 0
