"""The argument parser of `ocop-desktop` (headless commands)."""

from __future__ import annotations

import argparse

from ocop_desktop import __version__
from ocop_desktop.cli import dossiers as commands_dossiers
from ocop_desktop.cli import evaluator as commands_evaluator
from ocop_desktop.cli import printing as commands_print
from ocop_desktop.cli import province as commands_province
from ocop_desktop.cli import rules as commands_rules
from ocop_desktop.cli import setup as commands_setup
from ocop_desktop.cli import sync as commands_package

HEADLESS_COMMANDS = [
    commands_setup.register,
    commands_rules.register,
    commands_dossiers.register,
    commands_print.register,
]
HEADLESS_COMMANDS.append(commands_province.register)
HEADLESS_COMMANDS.append(commands_package.register)
HEADLESS_COMMANDS.append(commands_evaluator.register)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ocop-desktop",
        description="OCOP Desktop: hồ sơ, chấm điểm và đồng bộ sản phẩm OCOP, làm việc không cần Internet. "
        "Không có lệnh: mở giao diện.",
    )
    parser.add_argument(
        "--data-dir", metavar="DIR", help="thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng)"
    )
    parser.add_argument("--verbose", action="store_true", help="ghi nhật ký chi tiết")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.set_defaults(handler=None, needs_context=True)
    return parser


def add_commands(parser: argparse.ArgumentParser, registrars: list) -> None:  # type: ignore[type-arg]
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for register in HEADLESS_COMMANDS + registrars:
        register(sub)
