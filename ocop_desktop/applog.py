"""Logging: a rotating file in the user log dir, and warnings on stderr."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "ocop-desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(log_dir: Path, *, verbose: bool = False) -> Path | None:
    """Log to `log_dir/ocop-desktop.log` (1 MB x 5 files). Returns the file, or None when the
    folder cannot be written (we still log to stderr then)."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        if getattr(handler, "_ocop", False):
            root.removeHandler(handler)
            handler.close()
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    console._ocop = True  # type: ignore[attr-defined]
    root.addHandler(console)
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / LOG_FILE
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._ocop = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
