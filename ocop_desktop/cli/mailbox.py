"""`mailbox configure | office-credentials | status | send | fetch | sync [--watch]`: the province's
mailbox on S3-compatible storage, headless (docs/mailbox.md). Province IT can run `sync --watch` as a
service, or `sync` on a timer."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ocop_desktop.cli.framework import ConsoleProgress, clear_progress, print_json, print_table
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.mailbox.service import Backoff, MailboxService, MailboxSettings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("mailbox", help="hộp thư của tỉnh (lưu trữ S3): tự gửi và nhận gói khi có mạng")
    msub = p.add_subparsers(dest="mailbox_command", metavar="LỆNH", required=True)

    conf = msub.add_parser("configure", help="địa chỉ, thùng chứa và khóa truy cập tỉnh cấp (lưu mã hóa)")
    conf.add_argument("--endpoint", required=True, help="https://máy-chủ[:cổng]")
    conf.add_argument("--bucket", required=True)
    conf.add_argument("--access-key", required=True)
    conf.add_argument(
        "--secret-stdin",
        action="store_true",
        help="đọc khóa bí mật từ dòng đầu của đầu vào chuẩn (không để khóa trong lịch sử lệnh)",
    )
    conf.add_argument("--region", default="us-east-1")
    conf.add_argument("--province-office", metavar="ID", help="mã cơ quan tỉnh (nếu máy chưa biết tỉnh)")
    conf.add_argument("--allow-http", action="store_true", help="máy chủ trong mạng nội bộ, không có https")
    conf.add_argument(
        "--review",
        action="store_true",
        help="tỉnh: gói hồ sơ và phiếu chấm nhận về chờ cán bộ nhập, không tự nhập",
    )
    conf.add_argument("--json", action="store_true")
    conf.set_defaults(handler=_configure)

    cred = msub.add_parser(
        "office-credentials",
        help="tỉnh: mã truy cập hộp thư cấp cho một xã hoặc máy chấm điểm (gửi kèm gói tham chiếu hoặc gói "
        "phân công, mã hóa cho riêng cơ quan đó); không có CƠ_QUAN: liệt kê",
    )
    cred.add_argument("office", nargs="?", metavar="CƠ_QUAN", help="mã cơ quan hoặc mã đơn vị hành chính")
    cred.add_argument("--access-key")
    secret = cred.add_mutually_exclusive_group()
    secret.add_argument(
        "--secret-stdin", action="store_true", help="khóa bí mật ở dòng đầu của đầu vào chuẩn"
    )
    secret.add_argument("--secret-file", type=Path, help="tệp chứa khóa bí mật (dòng đầu)")
    cred.add_argument("--remove", action="store_true", help="thôi gửi mã truy cập cho cơ quan này")
    cred.add_argument("--json", action="store_true")
    cred.set_defaults(handler=_office_credentials)

    status = msub.add_parser("status", help="các gói chờ gửi, đang gửi, đã gửi, đã có biên nhận")
    status.add_argument("--probe", action="store_true", help="thử kết nối tới hộp thư")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)

    send = msub.add_parser("send", help="gửi mọi gói đang chờ (gửi tiếp gói gửi dở)")
    send.add_argument("--retry-failed", action="store_true", help="gửi lại cả gói đã dừng vì lỗi")
    send.add_argument("--json", action="store_true")
    send.set_defaults(handler=_send)

    fetch = msub.add_parser("fetch", help="nhận các gói gửi cho cơ quan này và nhập những gói tự nhập được")
    fetch.add_argument("--no-import", action="store_true", help="chỉ tải về, không nhập")
    fetch.add_argument("--json", action="store_true")
    fetch.set_defaults(handler=_fetch)

    sync = msub.add_parser(
        "sync", help="gửi các gói đang chờ rồi nhận các gói gửi cho cơ quan này; --watch: lặp lại mãi"
    )
    sync.add_argument(
        "--watch", action="store_true", help="chạy mãi: thử lại theo chu kỳ, giãn dần khi mất kết nối"
    )
    sync.add_argument(
        "--every", type=float, default=5.0, metavar="PHÚT", help="chu kỳ khi có kết nối (mặc định 5)"
    )
    sync.add_argument(
        "--max-every", type=float, default=60.0, metavar="PHÚT", help="chu kỳ dài nhất khi mất kết nối"
    )
    sync.add_argument("--json", action="store_true", help="mỗi lượt một dòng JSON")
    sync.set_defaults(handler=_sync)


def _configure(args: argparse.Namespace, ctx: AppContext) -> int:
    secret = sys.stdin.readline().strip() if args.secret_stdin else getpass.getpass("Khóa bí mật: ")
    settings = MailboxService(ctx).configure(
        MailboxSettings(
            args.endpoint,
            args.bucket,
            args.access_key,
            secret,
            args.region,
            args.province_office,
            args.allow_http,
            not args.review,
        )
    )
    if args.json:
        print_json(settings.public())
    else:
        print(
            f"Đã lưu cấu hình hộp thư (mã hóa trên máy này): {settings.endpoint}, thùng “{settings.bucket}”."
        )
    return 0


def _office_credentials(args: argparse.Namespace, ctx: AppContext) -> int:
    service = MailboxService(ctx)
    if args.office is None:
        rows = service.office_credentials()
        if args.json:
            print_json(rows)
        else:
            print_table(
                ["CƠ QUAN", "MÃ ĐƠN VỊ", "MÃ TRUY CẬP"],
                [[r["name"], r["unit_code"], r["access_key"]] for r in rows],
            )
        return 0
    if args.remove:
        row = service.set_office_credentials(args.office)
    else:
        if not args.access_key:
            raise UserError("Hãy cho mã truy cập (--access-key) cấp cho cơ quan này.")
        if args.secret_file is not None:
            try:
                secret = args.secret_file.read_text("utf-8").splitlines()[0]
            except (OSError, UnicodeDecodeError, IndexError) as exc:
                raise UserError(f"Không đọc được khóa bí mật trong tệp “{args.secret_file}”.") from exc
        elif args.secret_stdin:
            secret = sys.stdin.readline().strip()
        else:
            secret = getpass.getpass("Khóa bí mật cấp cho cơ quan: ")
        row = service.set_office_credentials(args.office, args.access_key, secret)
    if args.json:
        print_json(row)
    elif row["access_key"]:
        print(
            f"Đã lưu mã truy cập hộp thư cho “{row['name']}” (mã hóa trên máy này). Gói tham chiếu (hoặc gói "
            "phân công) tiếp theo gửi cho cơ quan đó sẽ mang theo, mã hóa cho riêng cơ quan đó."
        )
    else:
        print(f"Đã bỏ mã truy cập hộp thư của “{row['name']}”.")
    return 0


def _status(args: argparse.Namespace, ctx: AppContext) -> int:
    status = MailboxService(ctx).status(probe=args.probe)
    if args.json:
        print_json(status.to_json())
        return 0
    if not status.configured:
        print("Chưa cấu hình hộp thư (lệnh: mailbox configure). Các gói xuất ra vẫn được xếp hàng chờ gửi.")
    else:
        print(f"Hộp thư: {status.settings['endpoint']}, thùng “{status.settings['bucket']}”.")
        if status.reachable is not None:
            print("Kết nối được." if status.reachable else f"Không kết nối được: {status.problem}")
    rows = [
        [i.package_id[:8], i.kind, i.state_label, _mb(i.bytes_sent, i.size), i.last_error[:60]]
        for i in status.items
    ]
    print_table(["GÓI", "LOẠI", "TRẠNG THÁI", "ĐÃ GỬI", "LỖI GẦN NHẤT"], rows)
    return 0


def _send(args: argparse.Namespace, ctx: AppContext) -> int:
    service = MailboxService(ctx)
    if args.retry_failed:
        service.retry()
    report = service.send(ConsoleProgress())
    clear_progress()
    return _done(args, report.to_json(), f"Đã gửi {len(report.sent)} gói, {_mb(report.bytes_uploaded)}.")


def _fetch(args: argparse.Namespace, ctx: AppContext) -> int:
    report = MailboxService(ctx).fetch(ConsoleProgress(), apply=not args.no_import)
    clear_progress()
    summary = (
        f"Đã tải {len(report.downloaded)} gói, đã nhập {len(report.applied)}; "
        f"{len(report.waiting)} gói chờ cán bộ xem xét, {len(report.refused)} gói bị từ chối; "
        f"đã dọn {len(report.deleted)} gói đã nhập khỏi hộp thư."
        + (f" Đã xóa {len(report.superseded)} gói tham chiếu cũ gửi mọi xã." if report.superseded else "")
    )
    if not args.json:
        for entry in report.waiting + report.refused:
            print(f"- {entry['package_id'][:8]}: {entry['reason']} ({entry['path']})")
    return _done(args, report.to_json(), summary)


def _sync(args: argparse.Namespace, ctx: AppContext) -> int:
    """One round (send, then fetch), or rounds forever with `--watch`: a round that found the endpoint
    silent doubles the wait (up to `--max-every`), one that reached it goes back to `--every`.
    A lasting error (credentials, clock, bucket) ends the loop (exit 2): waiting would not fix it."""
    wait = args.every
    while True:
        data = _sync_round(ctx, args.json)
        if data["stopped"] and not data["transient"]:
            raise UserError(str(data["stopped"]))
        if not args.watch:
            return 0
        wait = min(wait * 2, args.max_every) if data["stopped"] else args.every
        time.sleep(max(wait, 0.01) * 60)


def _sync_round(ctx: AppContext, as_json: bool) -> dict[str, Any]:
    done = MailboxService(ctx).sync(ConsoleProgress(), backoff=Backoff(attempts=2, cap=30.0))
    clear_progress()
    sent, fetched, stopped = done.sent, done.fetched, done.stopped
    assert sent is not None
    data = {"at": datetime.now(UTC).isoformat(timespec="seconds"), **done.to_json()}
    if as_json:
        print(json.dumps(data, ensure_ascii=False, default=str), flush=True)
    else:
        got = (
            f"tải {len(fetched.downloaded)} gói, nhập {len(fetched.applied)}, "
            f"{len(fetched.waiting)} chờ cán bộ"
            if fetched
            else "chưa nhận"
        )
        print(f"{data['at']}: đã gửi {len(sent.sent)} gói ({_mb(sent.bytes_uploaded)}); {got}.", flush=True)
        if stopped:
            print(stopped, file=sys.stderr, flush=True)
    return data


def _done(args: argparse.Namespace, data: dict[str, Any], summary: str) -> int:
    """The report; a stop for a lasting reason is an error (exit 2), a network one is not."""
    if args.json:
        print_json(data)
    else:
        print(summary)
    if data["stopped"] and not data["transient"]:
        raise UserError(str(data["stopped"]))
    if data["stopped"]:
        print(data["stopped"], file=sys.stderr)
    return 0


def _mb(done: int, total: int | None = None) -> str:
    mb = 1024 * 1024
    return f"{done / mb:.1f}/{total / mb:.1f} MB" if total is not None else f"{done / mb:.1f} MB"
