"""`store migrate-to URL [--use]`: copy this installation's SQLite store to an empty PostgreSQL database
and check the copy (docs/province-server.md, "Moving an office to the server")."""

from __future__ import annotations

import argparse

from ocop_desktop.cli.framework import ConsoleProgress, clear_progress, print_json
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.store_move import MoveReport, migrate_to


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("store", help="kho dữ liệu: chuyển tệp SQLite sang máy chủ PostgreSQL của tỉnh")
    cmds = p.add_subparsers(dest="store_command", metavar="LỆNH", required=True)
    move = cmds.add_parser(
        "migrate-to",
        help="chép toàn bộ dữ liệu sang một cơ sở dữ liệu PostgreSQL trống và đối chiếu; tệp SQLite được giữ",
    )
    move.add_argument("url", metavar="URL", help="postgresql://người_dùng:mật_khẩu@máy_chủ:5432/tên_csdl")
    move.add_argument(
        "--use", action="store_true", help="sau khi chép xong, dùng máy chủ này từ nay (như `database use`)"
    )
    move.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    move.set_defaults(handler=_migrate_to)


def _migrate_to(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    data_dir = ctx.paths.data_dir if args.use else None
    try:
        report = migrate_to(
            ctx.engine, ctx.paths.db_path, args.url, data_dir=data_dir, progress=ConsoleProgress()
        )
    finally:
        clear_progress()
    if args.json:
        print_json(_as_json(report))
        return 0
    print(
        f"Đã chuyển {report.rows} dòng ({len(report.tables)} bảng) sang máy chủ {report.target} trong "
        f"{report.seconds} giây. Số dòng và mã băm nội dung của từng bảng khớp với tệp SQLite; nhật ký "
        f"kiểm toán trên máy chủ đúng ({report.audit_entries} mục)."
    )
    print(f"Tệp SQLite cũ được giữ nguyên: {report.source_file}")
    if report.switched:
        print("Từ nay thư mục dữ liệu này dùng máy chủ (quay lại tệp: `database use-file`).")
    else:
        print("Thư mục dữ liệu này vẫn dùng tệp SQLite; để dùng máy chủ: `database use URL`.")
    print("Ảnh quét (blobs/) và khóa (keys/) vẫn ở thư mục dữ liệu này.")
    return 0


def _as_json(report: MoveReport) -> dict[str, object]:
    return {
        "target": report.target,
        "source_file": str(report.source_file),
        "rows": report.rows,
        "seconds": report.seconds,
        "audit_entries": report.audit_entries,
        "switched": report.switched,
        "sequences_reset": report.sequences_reset,
        "phases_seconds": report.phases,
        "tables": [
            {"name": t.name, "rows": t.target_rows, "hash": t.target_hash, "ok": t.ok} for t in report.tables
        ],
    }
