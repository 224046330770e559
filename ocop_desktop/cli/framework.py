"""How CLI commands are declared and run.

A command module exposes `register(subparsers)`; it adds its parser and sets
`handler=function(args, ctx) -> int`. Set `needs_context=False` for commands that do not open
the database (they receive `ctx=None`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


class ConsoleProgress:
    """The `Progress` of a long job run from the command line: a percentage on stderr when it is a
    terminal (so that `--json` output on stdout stays clean); never cancelled."""

    cancelled = False

    def __init__(self) -> None:
        self._shown = -1

    def set(self, fraction: float, text: str = "") -> None:
        percent = int(fraction * 100)
        if percent != self._shown and sys.stderr.isatty():
            self._shown = percent
            print(f"\r{percent:3d}% {text[:60]:<60}", end="", file=sys.stderr, flush=True)


def clear_progress() -> None:
    """Wipe the progress line before printing the result."""
    if sys.stderr.isatty():
        print("\r" + " " * 66 + "\r", end="", file=sys.stderr)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = (
        [max(len(str(c)) for c in col) for col in zip(headers, *rows, strict=False)]
        if rows
        else [len(h) for h in headers]
    )
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)))


def read_passphrase(file: Path | None, prompt: str, *, twice: bool = False) -> tuple[str, str]:
    """A passphrase and its second typing (the same when not asked twice): the first line of `file`
    (scripts, a server's timer), else typed at a prompt without echo."""
    import getpass

    from ocop_desktop.domain.errors import UserError

    if file is not None:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise UserError(f"Không đọc được tệp mật khẩu “{file}”.", detail=str(exc)) from exc
        first = lines[0] if lines else ""
        return first, first
    if not sys.stdin.isatty():
        raise UserError("Không có bàn phím để nhập mật khẩu: hãy dùng --passphrase-file TỆP.")
    first = getpass.getpass(prompt)
    return first, getpass.getpass("Nhập lại mật khẩu: ") if twice else first
