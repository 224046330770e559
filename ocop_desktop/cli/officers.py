"""`officer add|list|rename|deactivate|activate|admin|pin`, `audit verify|list|export`, and the
global `--officer NAME` that says who runs a command (its PIN from OCOP_PIN, or asked on a terminal)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path

from ocop_desktop.cli.framework import print_json, print_table
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.audit import AuditFilter, AuditService
from ocop_desktop.services.core.audit_export import write_audit_xlsx
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.officers import OfficerRow, OfficerService, PinRequired

Sub = "argparse._SubParsersAction[argparse.ArgumentParser]"


def act_as(ctx: AppContext, name: str) -> None:
    """Attribute this command's writes to the officer `name` (`--officer`)."""
    service = OfficerService(ctx)
    officer = service.find(name)
    pin = os.environ.get("OCOP_PIN")
    try:
        service.act_as(officer.id, pin)
    except PinRequired:
        if pin is not None or not sys.stdin.isatty():
            raise
        service.act_as(officer.id, getpass.getpass(f"Mã PIN của {officer.name}: "))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    officer = sub.add_parser("officer", help="cán bộ của cơ quan: thêm, đổi tên, ngừng, quyền quản trị, PIN")
    ops = officer.add_subparsers(dest="officer_command", metavar="THAO_TÁC", required=True)
    p = ops.add_parser("list", help="danh sách cán bộ")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)
    p = ops.add_parser("add", help="thêm cán bộ (quản trị)")
    p.add_argument("name", help="họ tên")
    p.add_argument("--title", default="", help="chức vụ")
    p.add_argument("--admin", action="store_true", help="giao quyền quản trị")
    p.add_argument("--pin", help="mã PIN (4–12 chữ số), để biết ai đang làm việc trên máy dùng chung")
    p.set_defaults(handler=_add)
    p = ops.add_parser("rename", help="đổi tên cán bộ (quản trị)")
    p.add_argument("name", help="họ tên hiện tại")
    p.add_argument("new_name", help="họ tên mới")
    p.set_defaults(handler=_rename)
    for command, active, text in (("deactivate", False, "ngừng"), ("activate", True, "kích hoạt lại")):
        p = ops.add_parser(command, help=f"{text} cán bộ (quản trị)")
        p.add_argument("name")
        p.set_defaults(handler=_set_active, active=active)
    p = ops.add_parser("admin", help="giao hoặc bỏ quyền quản trị")
    p.add_argument("name")
    p.add_argument("--off", action="store_true", help="bỏ quyền")
    p.set_defaults(handler=_admin)
    p = ops.add_parser("pin", help="đặt hoặc bỏ mã PIN (PIN mới đọc từ OCOP_NEW_PIN hoặc hỏi)")
    p.add_argument("name")
    p.add_argument("--clear", action="store_true", help="bỏ mã PIN")
    p.set_defaults(handler=_pin)
    _register_audit(sub)


def _register_audit(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="nhật ký thay đổi: kiểm tra chuỗi, xem, xuất XLSX")
    ops = audit.add_subparsers(dest="audit_command", metavar="THAO_TÁC", required=True)
    p = ops.add_parser("verify", help="kiểm tra nhật ký và dữ liệu có bị sửa ngoài ứng dụng không")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_verify)
    for command, text in (("list", "xem các mục (mới nhất trước)"), ("export", "xuất XLSX")):
        p = ops.add_parser(command, help=text)
        if command == "export":
            p.add_argument("-o", "--output", required=True, help="tệp .xlsx")
        else:
            p.add_argument("--json", action="store_true")
        p.add_argument("--officer-name", help="chỉ của cán bộ này")
        p.add_argument("--table", help="loại bản ghi (dossier, product, …)")
        p.add_argument("--record", help="mã bản ghi")
        p.add_argument("--dossier", help="mọi thay đổi của một hồ sơ")
        p.add_argument("--action", choices=["insert", "update", "delete"])
        p.add_argument("--since", type=date.fromisoformat, help="từ ngày YYYY-MM-DD")
        p.add_argument("--until", type=date.fromisoformat, help="đến ngày YYYY-MM-DD")
        p.add_argument("--limit", type=int, default=200)
        p.set_defaults(handler=_entries, export=command == "export")


def _show(rows: list[OfficerRow]) -> list[list[str]]:
    return [
        [r.name, r.title, "có" if r.is_admin else "", "có" if r.has_pin else "", "" if r.active else "ngừng"]
        for r in rows
    ]


def _list(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    rows = OfficerService(ctx).list()
    if args.json:
        print_json([r.__dict__ for r in rows])
    else:
        print_table(["Họ tên", "Chức vụ", "Quản trị", "PIN", "Trạng thái"], _show(rows))
    return 0


def _add(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    row = OfficerService(ctx).add(args.name, args.title, is_admin=args.admin, pin=args.pin)
    print(f"Đã thêm cán bộ {row.name}{' (quản trị)' if row.is_admin else ''}.")
    return 0


def _rename(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    service = OfficerService(ctx)
    row = service.rename(service.find(args.name).id, args.new_name)
    print(f"Đã đổi tên thành {row.name}.")
    return 0


def _set_active(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    service = OfficerService(ctx)
    name = args.name
    found = [r for r in service.list() if r.name.casefold() == name.strip().casefold()]
    if not found:
        raise UserError(f"Không có cán bộ tên “{name}”.")
    row = service.set_active(found[0].id, args.active)
    print(f"{row.name}: {'đang làm việc' if row.active else 'đã ngừng'}.")
    return 0


def _admin(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    service = OfficerService(ctx)
    row = service.set_admin(service.find(args.name).id, not args.off)
    print(f"{row.name}: {'quản trị' if row.is_admin else 'không còn quyền quản trị'}.")
    return 0


def _pin(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    service = OfficerService(ctx)
    target = service.find(args.name)
    new = None if args.clear else os.environ.get("OCOP_NEW_PIN") or getpass.getpass("Mã PIN mới: ")
    service.set_pin(target.id, new, current_pin=os.environ.get("OCOP_PIN"))
    print(f"{target.name}: {'đã bỏ mã PIN' if new is None else 'đã đặt mã PIN'}.")
    return 0


def _verify(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    report = AuditService(ctx).verify()
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "entries": report.entries,
                "rows": report.rows,
                "problems": [p.__dict__ for p in report.problems],
            }
        )
    elif report.ok:
        print(f"Nhật ký nguyên vẹn: {report.entries} mục; {report.rows} bản ghi khớp nhật ký.")
    else:
        counts = f"{len(report.problems)} vấn đề; {report.entries} mục, {report.rows} bản ghi"
        print(f"NHẬT KÝ KHÔNG KHỚP ({counts}):", file=sys.stderr)
        for p in report.problems:
            where = f"mục {p.seq} ({p.at})" if p.seq is not None else "—"
            record = f", bản ghi {p.record_id}" if p.record_id else ""
            print(f"- {where}, bảng {p.table_name}{record}: {p.message}", file=sys.stderr)
    return 0 if report.ok else 3


def _entries(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    officer_id = OfficerService(ctx).find(args.officer_name).id if args.officer_name else None
    wanted = AuditFilter(
        officer_id, args.table, args.record, args.dossier, args.action, args.since, args.until, args.limit
    )
    entries = AuditService(ctx).entries(wanted)
    if args.export:
        path = write_audit_xlsx(entries, ctx.office().name, Path(args.output))
        print(f"Đã xuất {len(entries)} mục vào {path}.")
    elif args.json:
        print_json([{**e.__dict__, "at": e.at.isoformat()} for e in entries])
    else:
        rows = [
            [
                str(e.seq),
                e.at.astimezone().strftime("%d/%m/%Y %H:%M:%S"),
                e.officer_name,
                e.table_label,
                e.record_id[:12],
                e.action_label,
                ", ".join(f for f, _b, _a in e.changes())[:60],
            ]
            for e in entries
        ]
        print_table(["Số", "Thời điểm", "Cán bộ", "Loại", "Bản ghi", "Thao tác", "Trường"], rows)
    return 0
