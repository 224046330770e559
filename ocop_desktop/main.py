"""Composition root: parse the command line, set up logging, open the store, run a command or
the GUI. Errors a person can act on print one clear line (exit 2); a bug prints one line too, naming
the log file that holds its traceback (exit 1; the traceback on the console as well with
`--verbose`)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from ocop_desktop.applog import FILE_ONLY, setup_logging
from ocop_desktop.domain.errors import UserError
from ocop_desktop.paths import AppPaths

log = logging.getLogger("ocop_desktop")


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Windows consoles default to a code page
    args_list = list(sys.argv[1:] if argv is None else argv)
    gui = _gui_options(args_list)
    if gui is not None:  # no command: open the GUI without importing the CLI and its services
        use_database(gui.database)
        paths = AppPaths.for_data_dir(gui.data_dir)
        setup_logging(paths.log_dir, verbose=gui.verbose, with_file=False)  # the GUI adds the file once shown
        from ocop_desktop.ui.shell.commands import run_gui

        return run_gui(paths)
    from ocop_desktop.cli.parser import add_commands, build_parser
    from ocop_desktop.ui.shell import commands as ui_commands

    parser = build_parser()
    add_commands(parser, [ui_commands.register])
    args = parser.parse_args(args_list)
    use_database(args.database)
    paths = AppPaths.for_data_dir(args.data_dir)
    log_file = setup_logging(paths.log_dir, verbose=args.verbose)
    if args.handler is None:
        return ui_commands.run_gui(paths)
    try:
        return _run_command(args, paths)
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UserError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        if exc.detail:
            log.info("detail: %s", exc.detail)
        return 2
    except Exception as exc:
        log.error("unexpected error in command %s", args.command, exc_info=True, extra=FILE_ONLY)
        print(unexpected(exc, log_file), file=sys.stderr)
        return 1


def use_database(url: str | None) -> None:
    """`--database URL`: this run works on that server (every store opened in this process, the
    GUI's included), the data folder's saved choice left as it is."""
    if url:
        import os

        from ocop_desktop.paths import DATABASE_ENV  # not store.engines: the GUI starts without SQLAlchemy

        os.environ[DATABASE_ENV] = url


def unexpected(exc: Exception, log_file: Path | None) -> str:
    """The one console line of a bug: what it is, and where its traceback was written."""
    what = " ".join(str(exc).split())
    what = f"{type(exc).__name__}: {what[:300]}{'…' if len(what) > 300 else ''}".rstrip(": ")
    where = (
        f"chi tiết trong tệp nhật ký {log_file}"
        if log_file is not None
        else "không ghi được tệp nhật ký, chi tiết ở trên"
    )
    return f"Lỗi không lường trước: {what} — {where}"


def _gui_options(argv: list[str]) -> argparse.Namespace | None:
    """The global options when the command line names no command (GUI start), else None."""
    if any(a in ("-h", "--help", "--version") for a in argv):
        return None
    mini = argparse.ArgumentParser(add_help=False)
    mini.add_argument("--data-dir")
    mini.add_argument("--database")
    mini.add_argument("--verbose", action="store_true")
    try:
        options, rest = mini.parse_known_args(argv)
    except SystemExit:  # malformed global options: let the full parser explain
        return None
    return options if not rest else None


def _run_command(args: argparse.Namespace, paths: AppPaths) -> int:
    from ocop_desktop.services.core.bootstrap import open_app

    if not args.needs_context:
        return int(args.handler(args, None))
    ctx = open_app(paths)
    try:
        if args.acting_officer:
            from ocop_desktop.cli.officers import act_as

            act_as(ctx, args.acting_officer)
        return int(args.handler(args, ctx))
    finally:
        ctx.close()
