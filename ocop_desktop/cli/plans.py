"""`plan set YEAR [--commune CODE] [--group CODE] [--new N] [--upgrades N] [--reevaluations N]` and
`plan show YEAR [--json]`: the office's yearly targets (`report targets` puts them against the results);
at a commune, the province's targets for it too (read-only: they come in the province's reference pack)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date

from ocop_desktop.cli.framework import print_json, print_table
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.plans import PlanLine, PlanService
from ocop_desktop.services.reports.service import ReportService


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("plan", help="kế hoạch năm: chỉ tiêu sản phẩm mới, nâng hạng, đánh giá lại")
    plans = p.add_subparsers(dest="plan_action", metavar="LỆNH", required=True)
    s = plans.add_parser("set", help="đặt chỉ tiêu của một năm (toàn địa bàn, một xã, một ngành)")
    s.add_argument("year", type=int, metavar="NĂM")
    s.add_argument("--commune", default="", metavar="MÃ_XÃ", help="chỉ tiêu của một xã/phường")
    s.add_argument("--group", default="", metavar="NGÀNH", help="chỉ tiêu của một ngành (I … VI)")
    s.add_argument("--new", type=int, default=0, metavar="N", help="sản phẩm mới đạt từ 3 sao")
    s.add_argument("--upgrades", type=int, default=0, metavar="N", help="sản phẩm nâng hạng")
    s.add_argument("--reevaluations", type=int, default=0, metavar="N", help="sản phẩm đánh giá lại")
    s.set_defaults(handler=_set)
    show = plans.add_parser("show", help="xem chỉ tiêu của một năm")
    show.add_argument("year", type=int, metavar="NĂM")
    show.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    show.set_defaults(handler=_show)


def _need(ctx: AppContext | None) -> AppContext:
    if ctx is None:
        raise UserError("Kế hoạch cần cơ sở dữ liệu.")
    return ctx


def _set(args: argparse.Namespace, ctx: AppContext | None) -> int:
    ctx = _need(ctx)
    groups = ReportService(ctx).product_groups(
        date(args.year, 12, 31) if 2000 <= args.year <= 2100 else date.today()
    )
    line = PlanLine(args.year, args.commune, args.group.upper(), args.new, args.upgrades, args.reevaluations)
    PlanService(ctx).set(line, groups=groups)
    print(f"Đã lưu chỉ tiêu năm {args.year}.")
    return 0


def _show(args: argparse.Namespace, ctx: AppContext | None) -> int:
    ctx = _need(ctx)
    service = PlanService(ctx)
    lines = service.lines(args.year)
    given = service.province_targets(args.year) if ctx.office().role == "commune" else None
    if args.json:
        data: object = [asdict(line) for line in lines]
        if given is not None:
            received = given.received.isoformat() if given.received else None
            data = {
                "own": data,
                "province": {"received": received, "lines": [asdict(x) for x in given.lines]},
            }
        print_json(data)
        return 0
    _print_lines(lines, f"Chưa có chỉ tiêu năm {args.year}.")
    if given is not None:
        when = f"nhận ngày {given.received:%d/%m/%Y}" if given.received else "chưa nhận"
        print(f"\nChỉ tiêu tỉnh giao ({when}; chỉ xem, tỉnh gửi trong gói tham chiếu):")
        _print_lines(given.lines, "Tỉnh chưa giao chỉ tiêu năm này.")
    return 0


def _print_lines(lines: list[PlanLine], none: str) -> None:
    if not lines:
        print(none)
        return
    print_table(
        ["Năm", "Xã", "Ngành", "Sản phẩm mới", "Nâng hạng", "Đánh giá lại"],
        [
            [
                str(x.year),
                x.commune_code or "(toàn địa bàn)",
                x.product_group or "(tất cả)",
                str(x.new_products),
                str(x.upgrades),
                str(x.reevaluations),
            ]
            for x in lines
        ],
    )
