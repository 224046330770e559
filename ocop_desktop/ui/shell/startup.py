"""Fast start: show the main window before the heavy part (SQLAlchemy, migrations, rule sets)
has been imported and run. A quick read-only look with the standard library tells whether the
store is set up and what the office is called; everything else happens after the window shows."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from ocop_desktop.paths import uses_server

READY_ENV = "OCOP_DESKTOP_EXIT_WHEN_READY"  # benchmarks: "shown" or "loaded"


def peek_office(db_path: Path) -> str | None:
    """The office name of a set-up store, or None (new, not set up, unreadable, or a database server
    rather than the file: take the slow path)."""
    if not db_path.exists() or uses_server(db_path.parent):
        return None
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
        try:
            row = conn.execute("SELECT name FROM office WHERE is_self = 1 LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def report_ready(stage: str) -> bool:
    """For the start-up benchmark: print READY and ask to quit when `stage` is the one awaited."""
    if os.environ.get(READY_ENV) == stage:
        print(f"READY {stage}", flush=True, file=sys.stdout)
        return True
    return False
