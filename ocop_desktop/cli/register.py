"""`register template FILE.xlsx | import FILE [--dry-run] [--json]`: the existing register (producers,
products, certificates) from a spreadsheet, with a dry run that says what each row would do."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ocop_desktop.cli.framework import ConsoleProgress, clear_progress, print_json, print_table
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.register.planner import Outcome
from ocop_desktop.services.register.service import ImportPreview, RegisterImportService
from ocop_desktop.services.register.template import write_template


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("register", help="nhập sổ chủ thể, sản phẩm, giấy chứng nhận OCOP từ Excel/CSV")
    cmds = p.add_subparsers(dest="register_command", metavar="LỆNH", required=True)

    template = cmds.add_parser("template", help="ghi tệp mẫu .xlsx (các cột, một dòng ví dụ, hướng dẫn)")
    template.add_argument("file", metavar="FILE.xlsx", type=Path)
    template.set_defaults(handler=_template, needs_context=False)

    imp = cmds.add_parser("import", help="nhập một sổ .xlsx hoặc .csv (chạy thử trước với --dry-run)")
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="chỉ xem từng dòng sẽ làm gì, không ghi gì")
    imp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    imp.set_defaults(handler=_import)


def _template(args: argparse.Namespace, ctx: AppContext | None) -> int:
    path = write_template(args.file)
    print(f"Đã ghi tệp mẫu {path}.")
    return 0


def _import(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    service = RegisterImportService(ctx)
    progress = ConsoleProgress()
    result = service.preview(args.file, progress) if args.dry_run else service.apply(args.file, progress)
    clear_progress()
    if args.json:
        print_json(as_json(result, dry_run=args.dry_run))
        return 0
    _print(result, dry_run=args.dry_run)
    return 0


def as_json(result: ImportPreview, *, dry_run: bool) -> dict[str, Any]:
    return {
        "file": result.file_name,
        "sha256": result.sha256,
        "dry_run": dry_run,
        "sheet": result.sheet,
        "header_line": result.header_line,
        "columns": list(result.columns),
        "ignored_columns": list(result.ignored_columns),
        "counts": result.counts,
        "rows": [
            {
                "line": r.line,
                "outcome": r.outcome.value,
                "producer": r.producer,
                "product": r.product,
                "commune": r.commune,
                "stars": r.stars,
                "actions": list(r.actions),
                "reasons": list(r.reasons),
                "notes": list(r.notes),
            }
            for r in result.rows
        ],
    }


def _print(result: ImportPreview, *, dry_run: bool) -> None:
    print(f"Tệp {result.file_name}, trang “{result.sheet}”, dòng tiêu đề {result.header_line}.")
    print("Cột nhận ra: " + ", ".join(result.columns))
    if result.ignored_columns:
        print("Cột bỏ qua: " + ", ".join(result.ignored_columns))
    rows = [
        [str(r.line), r.outcome.label, r.producer[:40], r.product[:40], " ".join(r.reasons or r.actions)]
        for r in result.rows
    ]
    print_table(["Dòng", "Kết quả", "Chủ thể", "Sản phẩm", "Chi tiết"], rows)
    counts = result.counts
    summary = ", ".join(f"{Outcome(k).label.lower()} {n}" for k, n in counts.items())
    head = "Chạy thử (chưa ghi gì)" if dry_run else "Đã nhập"
    print(f"{head}: {summary}.")
