"""`report certified | coverage | expiring | dossiers | pass_rates | upgrades | returns | overdue | years
| targets | catalogue [--on DATE] [--json] [--xlsx FILE] [--pdf FILE] [--csv FILE]`: the programme's
figures for this office's area (its province, or its commune), as tables on the console or JSON."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from ocop_desktop.cli.framework import ConsoleProgress, clear_progress, print_json, print_table
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.catalogue import write_csv
from ocop_desktop.services.reports.export import write_pdf, write_xlsx
from ocop_desktop.services.reports.model import Cell
from ocop_desktop.services.reports.service import ReportService, build

REPORTS = {
    "certified": "sản phẩm OCOP còn hiệu lực theo sao, xã, ngành, bộ sản phẩm, năm, cấp công nhận",
    "coverage": "xã/phường có sản phẩm từ 3 sao trên tổng số xã/phường",
    "expiring": "giấy chứng nhận đến kỳ đánh giá lại và đã hết hiệu lực",
    "dossiers": "hồ sơ theo trạng thái và theo đợt đánh giá",
    "pass_rates": "tỷ lệ công nhận theo đợt (được công nhận / đã phân vào đợt)",
    "upgrades": "sản phẩm được nâng hạng theo năm; hồ sơ nâng hạng",
    "returns": "hồ sơ bị trả lại trong năm và lý do",
    "overdue": "hồ sơ quá hạn và sắp đến hạn đánh giá cấp xã",
    "years": "sản phẩm còn hiệu lực qua các năm",
    "targets": "chỉ tiêu kế hoạch năm và kết quả đạt được (xem: plan set)",
    "catalogue": "danh mục sản phẩm OCOP còn hiệu lực với liên hệ của chủ thể (xúc tiến thương mại; --csv)",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="báo cáo số liệu chương trình OCOP")
    reports = p.add_subparsers(dest="report_name", metavar="BÁO CÁO", required=True)
    for name, text in REPORTS.items():
        r = reports.add_parser(name, help=text)
        r.add_argument("--on", metavar="NGÀY", type=_day, help="tính đến ngày (dd/mm/yyyy; mặc định hôm nay)")
        r.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        r.add_argument("--xlsx", metavar="TỆP", type=Path, help="ghi ra tệp Excel (mỗi bảng một trang tính)")
        r.add_argument("--pdf", metavar="TỆP", type=Path, help="ghi ra tệp PDF khổ A4")
        r.add_argument("--csv", metavar="TỆP", type=Path, help="ghi ra tệp CSV (báo cáo một bảng, UTF-8)")
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
    report = build(service, args.report_name, on)
    if args.xlsx or args.pdf or args.csv:
        agency = ctx.office().name
        if args.csv is not None:
            print(f"Đã ghi {write_csv(report, args.csv)}")
        for path, write in ((args.xlsx, write_xlsx), (args.pdf, write_pdf)):
            if path is not None:
                written = write(report, agency, path, progress=ConsoleProgress())  # a long list: seconds
                clear_progress()
                print(f"Đã ghi {written}")
        if not args.json:
            return 0
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
