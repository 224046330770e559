"""Commands that need Qt (`screenshot`) and the GUI launcher. Qt is imported lazily so that
headless commands start fast."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.context import AppContext

VIEWS = ["producers", "products", "dossiers", "evaluation", "sync", "reports", "settings"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("screenshot", help="chụp cửa sổ chính (không cần màn hình) ra tệp PNG")
    p.add_argument("out", metavar="OUT.png")
    p.add_argument("--view", default="producers", help="trang: " + ", ".join(VIEWS))
    p.add_argument("--width", type=int, default=1280)
    p.add_argument("--height", type=int, default=800)
    p.set_defaults(handler=_screenshot)


def _screenshot(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    from ocop_desktop.ui.shell.screenshot import take_screenshot

    take_screenshot(ctx, args.out, view=args.view, size=(args.width, args.height))
    print(f"Đã lưu ảnh chụp: {args.out}")
    return 0


def run_gui(paths: AppPaths) -> int:
    from ocop_desktop.ui.shell.app import run

    return run(paths)
