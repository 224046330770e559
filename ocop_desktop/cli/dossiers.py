"""`dossiers list [--json] [--archived]`; `dossiers paper-outcome DOSSIER --outcome … --number … --date …
--signer … --via … [--content …]`: a province outcome the commune received on paper (docs/sync-package.md
§6); `dossiers withdraw DOSSIER --reason …` (the producer withdrew it), `dossiers archive|restore DOSSIER`
(a closed dossier set aside, or brought back)."""

from __future__ import annotations

import argparse

from ocop_desktop.cli.framework import print_json, print_table
from ocop_desktop.cli.province.common import day, dossier_id
from ocop_desktop.domain.paper_outcome import PaperDocument
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.closing import DossierArchiveService
from ocop_desktop.services.dossiers.paper import PaperOutcomeService
from ocop_desktop.services.dossiers.service import DossierService


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("dossiers", help="hồ sơ đăng ký")
    dsub = p.add_subparsers(dest="dossiers_command", metavar="LỆNH", required=True)
    lst = dsub.add_parser("list", help="liệt kê hồ sơ (mã, sản phẩm, chủ thể, loại, trạng thái, hạn)")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--status", help="lọc theo trạng thái (draft, complete, received, …)")
    lst.add_argument("--due", action="store_true", help="chỉ hồ sơ sắp đến hạn hoặc quá hạn")
    lst.add_argument("--search", default="", help="tìm theo tên sản phẩm/chủ thể (không cần dấu)")
    lst.add_argument("--archived", action="store_true", help="hiện cả hồ sơ đã lưu trữ")
    lst.set_defaults(handler=_list)
    withdraw = dsub.add_parser("withdraw", help="hủy hồ sơ đã tiếp nhận/đã gửi khi chủ thể rút hồ sơ")
    withdraw.add_argument("dossier", help="mã hồ sơ (8 ký tự đầu) hoặc số phiếu")
    withdraw.add_argument("--reason", required=True, help="lý do (ghi vào lịch sử hồ sơ)")
    withdraw.set_defaults(handler=_withdraw)
    for name, text in (("archive", "lưu trữ hồ sơ đã kết thúc từ các năm trước"), ("restore", "khôi phục")):
        one = dsub.add_parser(name, help=text)
        one.add_argument("dossier", help="mã hồ sơ (8 ký tự đầu) hoặc số phiếu")
        one.set_defaults(handler=_archive if name == "archive" else _restore)
    paper = dsub.add_parser(
        "paper-outcome",
        help="ghi nhận kết quả tỉnh gửi bằng văn bản giấy (chỉ lưu trên máy xã, không gửi lên tỉnh)",
    )
    paper.add_argument("dossier", help="mã hồ sơ (8 ký tự đầu) hoặc số phiếu")
    paper.add_argument("--outcome", required=True, choices=["accept", "return", "decide"])
    paper.add_argument("--number", required=True, help="số văn bản của tỉnh")
    paper.add_argument("--date", required=True, help="ngày văn bản (dd/mm/yyyy)")
    paper.add_argument("--signer", required=True, help="người ký (họ tên, chức vụ)")
    paper.add_argument("--via", required=True, help="văn bản đến xã bằng cách nào (bưu điện, trực tiếp…)")
    paper.add_argument("--content", default="", help="lý do trả lại (bắt buộc khi trả lại) hoặc nội dung")
    paper.add_argument("--json", action="store_true")
    paper.set_defaults(handler=_paper)


def _paper(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    document = PaperDocument(args.number, day(args.date), args.signer, args.via, args.content)
    detail = PaperOutcomeService(ctx).record(dossier_id(ctx, args.dossier), args.outcome, document)
    if args.json:
        print_json({"id": detail.row.id, "status": detail.row.status, "note": detail.events[-1].note})
    else:
        print(f"Đã ghi nhận: hồ sơ {detail.row.id[:8]} chuyển sang “{detail.row.status_label}”.")
    return 0


def _withdraw(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    detail = DossierService(ctx).act(dossier_id(ctx, args.dossier), "withdraw", note=args.reason)
    print(f"Đã hủy hồ sơ {detail.row.id[:8]} (“{detail.row.status_label}”).")
    return 0


def _archive(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    wanted = dossier_id(ctx, args.dossier)
    DossierArchiveService(ctx).archive(wanted, expected_revision=DossierService(ctx).get(wanted).row.revision)
    print(f"Đã lưu trữ hồ sơ {wanted[:8]}.")
    return 0


def _restore(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    wanted = dossier_id(ctx, args.dossier)
    DossierArchiveService(ctx).restore(wanted)
    print(f"Đã khôi phục hồ sơ {wanted[:8]} từ lưu trữ.")
    return 0


def _list(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    rows = DossierService(ctx).search(
        args.search, status=args.status, due_only=args.due, with_archived=args.archived
    )
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "product": r.product_name,
                    "product_code": r.product_code,
                    "producer": r.producer_name,
                    "type": r.registration_type,
                    "status": r.status,
                    "receipt_number": r.receipt_number or None,
                    "received_on": r.received_on.isoformat() if r.received_on else None,
                    "deadline": r.deadline.isoformat() if r.deadline else None,
                    "urgency": r.urgency,
                    "archived": r.archived,
                }
                for r in rows
            ]
        )
        return 0
    print_table(
        ["Mã hồ sơ", "Sản phẩm", "Chủ thể", "Loại", "Trạng thái", "Hạn xử lý"],
        [
            [
                r.id[:8],
                r.product_name,
                r.producer_name,
                r.registration_label,
                r.status_label,
                f"{r.deadline:%d/%m/%Y} ({r.urgency_label})" if r.deadline else "",
            ]
            for r in rows
        ],
    )
    print(f"\n{len(rows)} hồ sơ.")
    return 0
