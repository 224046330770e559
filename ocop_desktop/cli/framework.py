"""How CLI commands are declared and run.

A command module exposes `register(subparsers)`; it adds its parser and sets
`handler=function(args, ctx) -> int`. Set `needs_context=False` for commands that do not open
the database (they receive `ctx=None`).
"""

from __future__ import annotations

import json
import sys
from typing import Any


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
