"""`backup create | verify | restore`: the encrypted backup file of docs/backup.md.

None of them opens the store: `create` snapshots the database through SQLite's backup API (the GUI
may be running), `restore` must find the data folder closed. The passphrase comes from a prompt
(twice for `create`) or from the first line of `--passphrase-file`."""

from __future__ import annotations

import argparse
from pathlib import Path

from ocop_desktop.cli.framework import ConsoleProgress, clear_progress, print_json, read_passphrase
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.backup.create import check_passphrase, create_backup
from ocop_desktop.services.backup.restore import existing, peek, restore_backup, verify_backup
from ocop_desktop.services.backup.summary import DataSummary
from ocop_desktop.services.core.context import AppContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="sao lưu mã hóa: tạo, kiểm tra, khôi phục (docs/backup.md)")
    commands = p.add_subparsers(dest="backup_command", metavar="LỆNH", required=True)
    create = commands.add_parser("create", help="tạo một tệp sao lưu mã hóa (.ocopbak) trong THƯ-MỤC")
    create.add_argument("folder", metavar="THƯ-MỤC", type=Path, help="nơi ghi tệp (USB, ổ khác)")
    verify = commands.add_parser("verify", help="giải mã và kiểm tra mọi thành phần, không ghi gì")
    verify.add_argument("file", metavar="TỆP", type=Path)
    restore = commands.add_parser("restore", help="khôi phục vào thư mục dữ liệu (--data-dir), đang đóng")
    restore.add_argument("file", metavar="TỆP", type=Path)
    restore.add_argument(
        "--replace",
        action="store_true",
        help="xác nhận thay thế dữ liệu đang có (dữ liệu cũ được giữ trong backups/thay-the-…)",
    )
    for command, handler in ((create, _create), (verify, _verify), (restore, _restore)):
        command.add_argument(
            "--passphrase-file", metavar="TỆP", type=Path, help="đọc mật khẩu từ dòng đầu của tệp"
        )
        command.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        command.set_defaults(handler=handler, needs_context=False)


def _paths(args: argparse.Namespace) -> AppPaths:
    return AppPaths.for_data_dir(args.data_dir)


def _passphrase(args: argparse.Namespace, *, twice: bool = False) -> str:
    first, again = read_passphrase(args.passphrase_file, "Mật khẩu sao lưu: ", twice=twice)
    if twice:
        check_passphrase(first, again)
    return first


def _create(args: argparse.Namespace, _ctx: AppContext | None) -> int:
    passphrase = _passphrase(args, twice=True)
    check_passphrase(passphrase)
    made = create_backup(_paths(args), args.folder, passphrase, ConsoleProgress())
    clear_progress()
    if args.json:
        print_json(
            {"path": str(made.path), "size": made.size, "members": made.members, **made.summary.to_json()}
        )
    else:
        print(f"Đã sao lưu vào {made.path} ({made.size / 1e6:.1f} MB, {made.members} thành phần).")
        _account(made.summary)
        print("Hãy giữ mật khẩu ở nơi an toàn: không có mật khẩu thì không khôi phục được.")
    return 0


def _verify(args: argparse.Namespace, _ctx: AppContext | None) -> int:
    summary = verify_backup(args.file, _passphrase(args), ConsoleProgress())
    clear_progress()
    if args.json:
        print_json({"ok": True, **summary.to_json()})
    else:
        print(f"Tệp sao lưu nguyên vẹn: mọi thành phần khớp mã băm SHA-256 ({args.file}).")
        _account(summary)
    return 0


def _restore(args: argparse.Namespace, _ctx: AppContext | None) -> int:
    paths = _paths(args)
    passphrase = _passphrase(args)
    incoming = peek(args.file, passphrase)  # a wrong passphrase is said before the long part
    before = existing(paths)
    if before is not None and not before.is_empty and not args.replace and not args.json:
        print("Bản sao lưu:")
        _account(incoming)
    done = restore_backup(args.file, passphrase, paths, ConsoleProgress(), replace=args.replace)
    clear_progress()
    if args.json:
        print_json(
            {
                "data_dir": str(paths.data_dir),
                "restored": done.summary.to_json(),
                "replaced": done.replaced.to_json() if done.replaced else None,
                "kept_at": str(done.aside) if done.aside else None,
            }
        )
        return 0
    print(f"Đã khôi phục vào {paths.data_dir}:")
    _account(done.summary)
    if done.replaced is not None:
        print("Dữ liệu đã bị thay thế:")
        _account(done.replaced)
    if done.aside is not None:
        print(f"Dữ liệu cũ được giữ lại tại {done.aside}.")
    print("Khóa của cơ quan đã được bảo vệ lại cho máy này.")
    return 0


def _account(summary: DataSummary) -> None:
    for line in summary.lines():
        print(f"  {line}")
