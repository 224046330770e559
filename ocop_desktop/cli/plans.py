"""`plan set YEAR [--commune CODE] [--group CODE] [--round N --until DD/MM/YYYY] [--new N] [--upgrades N]
[--reevaluations N]`, `plan remove YEAR [--commune] [--group] [--round N]` and `plan show|list YEAR
[--json]`: the office's yearly targets, for the whole year or one round of it (`report targets` puts them
against the results); at a commune, the province's targets for it too (read-only: they come in the
province's reference pack). `plans` is the same command."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from typing import Any

from ocop_desktop.cli.framework import print_json, print_table
from ocop_desktop.cli.reports import _day
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.plans import PlanLine, PlanService, periods
from ocop_desktop.services.reports.service import ReportService


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "plan", aliases=["plans"], help="kế hoạch năm: chỉ tiêu sản phẩm mới, nâng hạng, đánh giá lại"
    )
    plans = p.add_subparsers(dest="plan_action", metavar="LỆNH", required=True)
    s = plans.add_parser(
        "set", help="đặt chỉ tiêu của một năm hoặc một đợt (toàn địa bàn, một xã, một ngành)"
    )
    _scope(s)
    s.add_argument(
        "--until", type=_day, metavar="NGÀY", help="ngày kết thúc của đợt (dd/mm/yyyy; cần với --round)"
    )
    s.add_argument("--new", type=int, default=0, metavar="N", help="sản phẩm mới đạt từ 3 sao")
    s.add_argument("--upgrades", type=int, default=0, metavar="N", help="sản phẩm nâng hạng")
    s.add_argument("--reevaluations", type=int, default=0, metavar="N", help="sản phẩm đánh giá lại")
    s.set_defaults(handler=_set)
    rm = plans.add_parser("remove", help="xóa một dòng chỉ tiêu")
    _scope(rm)
    rm.set_defaults(handler=_remove)
    show = plans.add_parser("show", aliases=["list"], help="xem chỉ tiêu của một năm (cả năm và từng đợt)")
    show.add_argument("year", type=int, metavar="NĂM")
    show.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    show.set_defaults(handler=_show)


def _scope(p: argparse.ArgumentParser) -> None:
    p.add_argument("year", type=int, metavar="NĂM")
    p.add_argument("--commune", default="", metavar="MÃ_XÃ", help="chỉ tiêu của một xã/phường")
    p.add_argument("--group", default="", metavar="NGÀNH", help="chỉ tiêu của một ngành (I … VI)")
    p.add_argument(
        "--round", type=int, default=0, metavar="N", help="chỉ tiêu của đợt N trong năm (mặc định: cả năm)"
    )


def _need(ctx: AppContext | None) -> AppContext:
    if ctx is None:
        raise UserError("Kế hoạch cần cơ sở dữ liệu.")
    return ctx


def _set(args: argparse.Namespace, ctx: AppContext | None) -> int:
    ctx = _need(ctx)
    groups = ReportService(ctx).product_groups(
        date(args.year, 12, 31) if 2000 <= args.year <= 2100 else date.today()
    )
    line = PlanLine(
        args.year,
        args.commune,
        args.group.upper(),
        args.new,
        args.upgrades,
        args.reevaluations,
        args.round,
        args.until,
    )
    PlanService(ctx).set(line, groups=groups)
    print(f"Đã lưu chỉ tiêu {_period(line)}.")
    return 0


def _remove(args: argparse.Namespace, ctx: AppContext | None) -> int:
    line = PlanLine(args.year, args.commune, args.group.upper(), 0, 0, 0, args.round)
    PlanService(_need(ctx)).remove(line)
    print(f"Đã xóa dòng chỉ tiêu {_period(line)}.")
    return 0


def _period(line: PlanLine) -> str:
    return f"đợt {line.round_number} năm {line.year}" if line.round_number else f"năm {line.year}"


def _show(args: argparse.Namespace, ctx: AppContext | None) -> int:
    ctx = _need(ctx)
    service = PlanService(ctx)
    lines = service.lines(args.year)
    given = service.province_targets(args.year) if ctx.office().role == "commune" else None
    if args.json:
        data: object = [_json(line) for line in lines]
        if given is not None:
            received = given.received.isoformat() if given.received else None
            data = {"own": data, "province": {"received": received, "lines": [_json(x) for x in given.lines]}}
        print_json(data)
        return 0
    _print_lines(lines, f"Chưa có chỉ tiêu năm {args.year}.")
    if given is not None:
        when = f"nhận ngày {given.received:%d/%m/%Y}" if given.received else "chưa nhận"
        print(f"\nChỉ tiêu tỉnh giao ({when}; chỉ xem, tỉnh gửi trong gói tham chiếu):")
        _print_lines(given.lines, "Tỉnh chưa giao chỉ tiêu năm này.")
    return 0


def _json(line: PlanLine) -> dict[str, Any]:
    out = asdict(line)
    out["period_end"] = line.period_end.isoformat() if line.period_end else None
    return out


def _print_lines(lines: list[PlanLine], none: str) -> None:
    if not lines:
        print(none)
        return
    spans = periods(lines, lines[0].year)
    print_table(
        ["Năm", "Kỳ", "Xã", "Ngành", "Sản phẩm mới", "Nâng hạng", "Đánh giá lại"],
        [
            [
                str(x.year),
                spans[x.round_number].label() if x.round_number else "cả năm",
                x.commune_code or "(toàn địa bàn)",
                x.product_group or "(tất cả)",
                str(x.new_products),
                str(x.upgrades),
                str(x.reevaluations),
            ]
            for x in lines
        ],
    )
