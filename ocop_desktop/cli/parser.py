"""The argument parser of `ocop-desktop` (headless commands)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeAlias

from ocop_desktop import __version__
from ocop_desktop.cli import (
    backup,
    database,
    dossiers,
    evaluator,
    mailbox,
    office_keys,
    officers,
    plans,
    printing,
    province,
    reports,
    rules,
    setup,
    sync,
)
from ocop_desktop.cli import register as register_cli

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # generic only to type checkers
Register: TypeAlias = Callable[[Sub], None]

HEADLESS_COMMANDS: list[Register] = [
    setup.register,
    rules.register,
    dossiers.register,
    register_cli.register,
    reports.register,
    plans.register,
    printing.register,
    province.register,
    sync.register,
    evaluator.register,
    mailbox.register,
    backup.register,
    officers.register,
    database.register,
    office_keys.register,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ocop-desktop",
        description="OCOP Desktop: hồ sơ, chấm điểm và đồng bộ sản phẩm OCOP, làm việc không cần Internet. "
        "Không có lệnh: mở giao diện.",
    )
    parser.add_argument(
        "--data-dir", metavar="DIR", help="thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng)"
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="làm việc trên máy chủ PostgreSQL của văn phòng tỉnh cho lần chạy này, dạng "
        "postgresql://người_dùng:mật_khẩu@máy_chủ:5432/tên_csdl (mặc định: lựa chọn đã lưu, "
        "hoặc tệp SQLite trong thư mục dữ liệu)",
    )
    parser.add_argument("--verbose", action="store_true", help="ghi nhật ký chi tiết")
    parser.add_argument(
        "--officer",
        dest="acting_officer",
        metavar="NAME",
        help="cán bộ thực hiện lệnh (mặc định: cán bộ đầu tiên); mã PIN lấy từ biến OCOP_PIN hoặc hỏi",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.set_defaults(handler=None, needs_context=True)
    return parser


def add_commands(parser: argparse.ArgumentParser, registrars: list[Register]) -> None:
    """The headless commands, then `registrars` (the GUI's own commands, from `main`)."""
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for register in HEADLESS_COMMANDS + registrars:
        register(sub)
