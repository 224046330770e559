"""Composition root: parse the command line, set up logging, open the store, run a command or
the GUI. Errors a person can act on print one clear line; bugs print where the log is."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from ocop_desktop.applog import setup_logging
from ocop_desktop.cli.parser import add_commands, build_parser
from ocop_desktop.domain.errors import UserError
from ocop_desktop.paths import AppPaths
from ocop_desktop.ui import commands as ui_commands

log = logging.getLogger("ocop_desktop")


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Windows consoles default to a code page
    parser = build_parser()
    add_commands(parser, [ui_commands.register])
    args = parser.parse_args(argv)
    paths = AppPaths.for_data_dir(args.data_dir)
    log_file = setup_logging(paths.log_dir, verbose=args.verbose)
    if args.handler is None:
        return ui_commands.run_gui(paths)
    try:
        return _run_command(args, paths)
    except UserError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        if exc.detail:
            log.info("detail: %s", exc.detail)
        return 2
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        print(f"Lỗi không mong đợi (lỗi phần mềm). Chi tiết trong nhật ký: {log_file}", file=sys.stderr)
        return 1


def _run_command(args, paths: AppPaths) -> int:  # type: ignore[no-untyped-def]
    from ocop_desktop.services.context import AppContext

    if not args.needs_context:
        return int(args.handler(args, None))
    ctx = AppContext.open(paths)
    try:
        return int(args.handler(args, ctx))
    finally:
        ctx.close()
