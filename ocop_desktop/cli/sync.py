"""`package enroll | export | inspect | verify | import | status | conflicts | keys`: signed sync
packages between a commune and its province, headless (docs/sync-package.md). Accepting and
returning the dossiers that came in are the province's `inbox accept | return`."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ocop_desktop.cli import evaluator as commands_evaluator
from ocop_desktop.cli.framework import ConsoleProgress, clear_progress, print_json, print_table
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.sync.outgoing import ExportResult
from ocop_desktop.services.sync.service import LINK_IN_COUNCIL, PackageService
from ocop_desktop.services.sync.types import ImportPreview, KeyChange


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("package", help="gói đồng bộ có chữ ký (.ocoppkg) giữa xã và tỉnh")
    psub = p.add_subparsers(dest="package_command", metavar="LỆNH", required=True)

    enroll = psub.add_parser("enroll", help="xuất gói ghi danh (khóa công khai của cơ quan này)")
    enroll.add_argument("-o", "--output", required=True, type=Path)
    enroll.add_argument("--json", action="store_true")
    enroll.set_defaults(handler=_enroll)

    export = psub.add_parser(
        "export", help="xuất gói hồ sơ (xã) / kết quả (tỉnh) / dữ liệu tham chiếu (tỉnh)"
    )
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--dossier", action="append", metavar="ID", help="mã hồ sơ (lặp lại được)")
    which.add_argument("--pending", action="store_true", help="mọi hồ sơ bên nhận chưa xác nhận")
    which.add_argument("--reference", action="store_true", help="gói dữ liệu tham chiếu (tỉnh gửi xã)")
    which.add_argument(
        "--kind",
        choices=sorted(commands_evaluator.KINDS),
        help="phân công chấm điểm (tỉnh), phiếu chấm (máy chấm điểm), đề nghị 5 sao (tỉnh)",
    )
    export.add_argument("--round", metavar="ĐỢT", help="đợt đánh giá (2026-2) cho --kind")
    export.add_argument("--member", metavar="TV", help="thành viên Hội đồng (TV3) cho evaluator-assignment")
    export.add_argument("--to", metavar="OFFICE", help="cơ quan nhận: mã đơn vị hoặc mã cơ quan")
    export.add_argument("--all-blobs", action="store_true", help="gửi lại cả tệp đính kèm bên nhận đã có")
    export.add_argument("-o", "--output", required=True, type=Path)
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=_export)

    for name, helptext in (
        ("inspect", "xem bản kê của gói"),
        ("verify", "kiểm tra chữ ký và mọi mã băm, không nhập"),
    ):
        cmd = psub.add_parser(name, help=helptext)
        cmd.add_argument("file", type=Path)
        cmd.add_argument("--json", action="store_true")
        if name == "verify":
            cmd.add_argument("--confirm-fingerprint", metavar="SỐ")
        cmd.set_defaults(handler=_inspect if name == "inspect" else _verify)

    imp = psub.add_parser(
        "import", help="nhập gói (kiểm tra, chạy thử, ghi trong một giao dịch, cấp biên nhận)"
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và cho biết sẽ làm gì")
    imp.add_argument("--confirm-fingerprint", metavar="SỐ", help="dấu vân tay đã so sánh qua điện thoại")
    imp.add_argument(
        "--confirm-key-change",
        metavar="SỐ CŨ",
        help="thay khóa của cơ quan đã tin cậy: dấu vân tay CŨ, để xác nhận đây là thay khóa",
    )
    imp.add_argument("-o", "--output", type=Path, help="nơi ghi biên nhận (mặc định: cạnh gói nhập)")
    imp.add_argument("--round", metavar="ĐỢT", help="ghi danh máy chấm điểm: đợt của thành viên")
    imp.add_argument("--member", metavar="TV", help="ghi danh máy chấm điểm: thành viên Hội đồng (TV3)")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=_import)

    status = psub.add_parser("status", help="hộp thư đi/đến, cơ quan liên quan, việc chưa gửi")
    status.add_argument("--days", type=int, default=7, help="việc chưa gửi quá bao nhiêu ngày (mặc định 7)")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)

    conflicts = psub.add_parser("conflicts", help="xung đột chờ xem xét; --resolve để xử lý")
    conflicts.add_argument("--resolve", metavar="ID")
    conflicts.add_argument(
        "--take", choices=["incoming", "local"], help="nhận bản gửi đến hoặc giữ bản trên máy"
    )
    conflicts.add_argument("--json", action="store_true")
    conflicts.set_defaults(handler=_conflicts)

    keys = psub.add_parser("keys", help="dấu vân tay khóa của cơ quan này (đọc qua điện thoại)")
    keys.add_argument("--json", action="store_true")
    keys.add_argument(
        "--pem", action="store_true", help="in khóa ký công khai dạng PEM (để kiểm tra bằng openssl)"
    )
    keys.set_defaults(handler=_keys)


def _enroll(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    service = PackageService(ctx)
    result = commands_evaluator.enroll(ctx, args.output) or service.export_enrollment(args.output)
    keys = service.own_keys()
    if args.json:
        print_json({**_export_json(result), "fingerprint": keys.signing.readable})
    else:
        print(f"Đã ghi gói ghi danh: {result.path}")
        print(f"Dấu vân tay khóa ký (đọc cho bên nhận qua điện thoại): {keys.signing.readable}")
    return 0


def _export(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    service = PackageService(ctx)
    if args.kind:
        result = commands_evaluator.export(args, ctx)
    elif args.reference:
        result = service.export_reference(args.output, to=args.to)
    else:
        result = service.export_dossiers(
            args.output,
            to=args.to,
            dossier_ids=args.dossier,
            pending=args.pending,
            include_all_blobs=args.all_blobs,
            progress=ConsoleProgress(),
        )
    if args.json:
        print_json(_export_json(result))
        return 0
    clear_progress()
    print(f"Đã ghi gói “{result.kind_label}” số {result.sequence} gửi {result.recipient_name}: {result.path}")
    if result.dossier_ids:
        print(
            f"{len(result.dossier_ids)} hồ sơ, {result.blobs} tệp đính kèm ({_size(result.blob_bytes)}), "
            f"{result.blobs_skipped} tệp bên nhận đã có không gửi lại; "
            + (
                "dữ liệu cá nhân được mã hóa."
                if result.encrypted
                else "KHÔNG mã hóa (chưa có khóa của bên nhận)."
            )
        )
    return 0


def _inspect(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    if commands_evaluator.check(args, ctx, verify=False):
        return 0
    info = PackageService(ctx).inspect(args.file)
    if args.json:
        print_json({**asdict(info), "path": str(info.path)})
        return 0
    print(f"Gói: {info.kind_label} ({info.kind}), định dạng {info.format_version}, mã {info.package_id}")
    print(f"Từ: {info.sender_name} ({info.sender_unit}), gói số {info.sequence}, tạo lúc {info.created_at}")
    print(
        f"Dấu vân tay khóa ký: {info.sender_fingerprint} "
        + ("(đã tin cậy, chữ ký hợp lệ)" if info.sender_known else "(CHƯA tin cậy trên máy này)")
    )
    print(f"Gửi: {info.recipient_name} ({info.recipient_unit})")
    print(
        f"{info.files} tệp, {_size(info.size)}, "
        + ("có mã hóa" if info.encrypted else "không mã hóa")
        + "; "
        + ", ".join(f"{k}: {v}" for k, v in info.counts.items())
    )
    return 0


def _verify(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    if commands_evaluator.check(args, ctx, verify=True):
        return 0
    preview = PackageService(ctx).verify(
        args.file, confirm_fingerprint=args.confirm_fingerprint, progress=ConsoleProgress()
    )
    if args.json:
        print_json({"ok": True, **preview.to_json()})
        return 0
    clear_progress()
    print(
        f"Gói hợp lệ: chữ ký và mã băm của {preview.package.files} tệp đều đúng "
        f"({preview.package.kind_label}, "
        f"từ {preview.package.sender_name})."
    )
    _print_preview(preview)
    return 0


def _import(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    try:
        (_dry_run if args.dry_run else _apply)(args, PackageService(ctx))
    except UserError as refused:  # a refused package is a `PackageRefused` with its `code`
        if getattr(refused, "code", None) != LINK_IN_COUNCIL:
            raise
        clear_progress()
        commands_evaluator.import_enrollment(args, ctx, _print_preview)
    return 0


def _dry_run(args: argparse.Namespace, service: PackageService) -> None:
    preview = service.preview(
        args.file,
        confirm_fingerprint=args.confirm_fingerprint,
        progress=ConsoleProgress(),
        confirm_key_change=args.confirm_key_change,
    )
    if args.json:
        print_json({"dry_run": True, **preview.to_json()})
        return
    clear_progress()
    print("Chạy thử (không ghi gì):")
    _print_preview(preview)


def _apply(args: argparse.Namespace, service: PackageService) -> None:
    result = service.import_package(
        args.file,
        confirm_fingerprint=args.confirm_fingerprint,
        receipt_path=args.output,
        progress=ConsoleProgress(),
        confirm_key_change=args.confirm_key_change,
    )
    if args.json:
        print_json({"dry_run": False, **result.to_json()})
        return
    clear_progress()
    print("Đã nhập gói." if result.applied else "Gói đã được nhập trước đây: không có gì thay đổi.")
    _print_preview(result.preview, done=result.applied)
    if result.installed:
        print("Đã cài: " + ", ".join(result.installed))
    if result.receipt_path:
        print(f"Biên nhận (gửi lại cho {result.preview.package.sender_name}): {result.receipt_path}")
    if result.conflicts:
        print(f"{result.conflicts} hồ sơ xung đột đang chờ xem xét: ocop-desktop package conflicts")


def _print_preview(preview: ImportPreview, *, done: bool = False) -> None:
    if preview.key_change is not None:
        _print_key_change(preview.key_change, done=done)
    elif preview.needs_confirmation and done:
        print(f"Từ nay tin cậy: {', '.join(preview.offices)} (dấu vân tay {preview.fingerprint_to_confirm}).")
    elif preview.needs_confirmation:
        print(
            f"Cơ quan mới: {', '.join(preview.offices)}. Dấu vân tay cần so sánh qua điện thoại: "
            f"{preview.fingerprint_to_confirm}"
        )
    for text in preview.reference_files:
        print(f"  tệp tham chiếu: {text}")
    for text in preview.plans:
        print(f"  {text}")
    if preview.dossiers:
        print_table(
            ["Mã hồ sơ", "Sản phẩm", "Kết quả", "Phiên bản", "Trạng thái sau", "Lý do"],
            [
                [
                    d.dossier_id[:8],
                    d.product_name,
                    d.outcome_label,
                    str(d.incoming_version),
                    d.status_after,
                    d.reason,
                ]
                for d in preview.dossiers
            ],
        )
        print(
            f"Tệp đính kèm: {preview.blobs_new} mới, {preview.blobs_known} đã có "
            f"({_size(preview.blob_bytes)})."
        )
    for warning in preview.warnings:
        print(f"Lưu ý: {warning}")


def _print_key_change(change: KeyChange, *, done: bool) -> None:
    """A known office's new key or name: never shown as a new office."""
    if done:
        print(
            f"Đã thay khóa của “{change.office_name}”: khóa cũ {change.old_fingerprint} không còn được "
            f"tin cậy; từ nay tin cậy khóa {change.new_fingerprint}."
        )
        return
    print(f"THAY KHÓA của “{change.office_name}” (không phải cơ quan mới):")
    print(f"  dấu vân tay cũ:  {change.old_fingerprint}")
    print(f"  dấu vân tay mới: {change.new_fingerprint}")
    for difference in change.differences:
        print(f"  khác: {difference}")
    print(
        "Chỉ nhập khi cơ quan đó xác nhận qua điện thoại là đã thay khóa: "
        f'--confirm-fingerprint "{change.new_fingerprint}" --confirm-key-change "{change.old_fingerprint}"'
    )


def _status(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    from ocop_desktop.services.sync.status import SyncStatusService

    overview = SyncStatusService(ctx).overview(unsent_after_days=args.days)
    if args.json:
        print_json(asdict(overview))
        return 0
    for peer in overview.peers:
        print(f"{peer.name} ({peer.unit_code}): {peer.label}; {peer.unacknowledged} gói chờ biên nhận.")
    print(
        f"Hộp thư đi chờ biên nhận: {len(overview.outbox)} gói. Đã nhận: {len(overview.inbox)} gói gần đây. "
        f"Xung đột chờ xem xét: {len(overview.conflicts)}."
    )
    if overview.unsent:
        print(f"Việc chưa tới nơi quá {args.days} ngày:")
        print_table(
            ["Mã hồ sơ", "Sản phẩm", "Trạng thái", "Tình trạng", "Số ngày"],
            [
                [u.dossier_id[:8], u.product_name, u.status_label, u.reason, str(u.days)]
                for u in overview.unsent
            ],
        )
    return 0


def _conflicts(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    from ocop_desktop.services.sync.conflicts import ConflictService

    service = ConflictService(ctx)
    if args.resolve:
        if not args.take:
            print("Lỗi: cần --take incoming hoặc --take local.", file=sys.stderr)
            return 2
        matches = [c.id for c in service.rows() if c.id.startswith(args.resolve)]
        row = service.resolve(
            matches[0] if len(matches) == 1 else args.resolve,
            "take_incoming" if args.take == "incoming" else "keep_local",
        )
        print_json(asdict(row)) if args.json else print(f"Đã xử lý xung đột {row.id[:8]}: {row.resolution}.")
        return 0
    rows = service.rows()
    if args.json:
        print_json([asdict(r) for r in rows])
        return 0
    print_table(
        ["Mã", "Hồ sơ", "Sản phẩm", "Từ", "Lý do", "Khác nhau ở"],
        [
            [r.id[:8], r.dossier_id[:8], r.product_name, r.peer_name, r.message, ", ".join(r.differences)]
            for r in rows
        ],
    )
    return 0


def _keys(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    keys = PackageService(ctx).own_keys()
    if args.pem:
        print(PackageService(ctx).signing_key_pem(), end="")
        return 0
    if args.json:
        print_json(asdict(keys))
    else:
        print(f"{keys.office_name} ({keys.unit_code})")
        print(f"Khóa ký:      {keys.signing.readable}")
        print(f"Khóa mã hóa:  {keys.encryption.readable}")
    return 0


def _export_json(result: ExportResult) -> dict[str, Any]:
    return {**asdict(result), "path": str(result.path)}


def _size(n: int) -> str:
    return f"{n / (1 << 20):.1f} MB" if n >= 1 << 20 else f"{n / 1024:.0f} KB"
