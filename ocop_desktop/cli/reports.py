"""`report certified | coverage | expiring [--on DATE] [--json]`: the programme's figures for this office's
area (its province, or its commune), as tables on the console or JSON."""

from __future__ import annotations

import argparse
from datetime import date, datetime

from ocop_desktop.cli.framework import print_json, print_table
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.model import Cell, Report
from ocop_desktop.services.reports.service import ReportService

REPORTS = {
    "certified": "sản phẩm OCOP còn hiệu lực theo sao, xã, ngành, bộ sản phẩm, năm, cấp công nhận",
    "coverage": "xã/phường có sản phẩm từ 3 sao trên tổng số xã/phường",
    "expiring": "giấy chứng nhận đến kỳ đánh giá lại và đã hết hiệu lực",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="báo cáo số liệu chương trình OCOP")
    reports = p.add_subparsers(dest="report_name", metavar="BÁO CÁO", required=True)
    for name, text in REPORTS.items():
        r = reports.add_parser(name, help=text)
        r.add_argument("--on", metavar="NGÀY", type=_day, help="tính đến ngày (dd/mm/yyyy; mặc định hôm nay)")
        r.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        r.set_defaults(handler=_run)


def _day(text: str) -> date:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"ngày “{text}” không hợp lệ (dd/mm/yyyy)")


def _run(args: argparse.Namespace, ctx: AppContext | None) -> int:
    if ctx is None:
        raise UserError("Báo cáo cần cơ sở dữ liệu.")
    service = ReportService(ctx)
    on = args.on or date.today()
    report: Report = getattr(service, args.report_name)(on)
    if args.json:
        print_json(report.to_json())
        return 0
    print(f"{report.title} — {report.scope}, tính đến {on:%d/%m/%Y}")
    for label, value in report.figures:
        print(f"  {label}: {_text(value)}")
    for table in report.tables:
        print(f"\n{table.title}")
        rows = [[_text(v) for v in r] for r in table.rows]
        if table.total is not None:
            rows.append([_text(v) for v in table.total])
        print_table(list(table.headers), rows)
    return 0


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)
