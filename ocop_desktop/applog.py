"""Logging: a rotating file in the user log dir, and warnings on stderr.

Tracebacks belong in the file: once it is there, a record shows on the console as one line (its
traceback only with `--verbose`), and a record logged with `extra=FILE_ONLY` (the command line's
unexpected error, which prints its own one-line message) is not shown there at all unless
`--verbose`. Without a file (the GUI's first seconds, a folder that cannot be written) the console
keeps everything, or it would be lost."""

from __future__ import annotations

import logging
from pathlib import Path

LOG_FILE = "ocop-desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
FILE_ONLY = {"file_only": True}  # `extra=` of a record whose place is the log file


class _Console(logging.Formatter):
    """One line per record: the traceback stays in the log file. (A copy of the record is formatted:
    `logging` caches the formatted traceback on the record, which the file handler also uses.)"""

    def format(self, record: logging.LogRecord) -> str:
        bare = {**record.__dict__, "exc_info": None, "exc_text": None, "stack_info": None}
        return super().format(logging.makeLogRecord(bare))


def _not_file_only(record: logging.LogRecord) -> bool:
    return not getattr(record, "file_only", False)


def setup_logging(log_dir: Path, *, verbose: bool = False, with_file: bool = True) -> Path | None:
    """Log to stderr, and to `log_dir/ocop-desktop.log` (1 MB x 5 files) unless `with_file` is off:
    the GUI adds the file right after its window shows (`add_file_log`), to start faster.
    Returns the log file, or None when the folder cannot be written (stderr only then)."""
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
    path = add_file_log(log_dir) if with_file else None
    if path is not None and not verbose:  # the file has the tracebacks: the console keeps one line each
        console.setFormatter(_Console("%(levelname)s: %(message)s"))
        console.addFilter(_not_file_only)
    return path


def add_file_log(log_dir: Path) -> Path | None:
    import logging.handlers  # pulls in socket and friends: not needed before the window shows

    root = logging.getLogger()
    for existing in root.handlers:
        if getattr(existing, "_ocop", False) and isinstance(existing, logging.handlers.RotatingFileHandler):
            return Path(existing.baseFilename)  # already logging to a file
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / LOG_FILE
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._ocop = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
