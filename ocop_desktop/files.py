"""Atomic file writes: temp file in the same folder, fsync, rename. A crash leaves either the
old file or the new one, never half of one."""

from __future__ import annotations

import os
from pathlib import Path

from ocop_desktop.domain.errors import EnvironmentProblem


def atomic_write_bytes(path: Path, data: bytes, *, private: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # imported on first write, not at start-up

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if private and os.name == "posix":
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise EnvironmentProblem(
            f"Không ghi được tệp “{path.name}” (ổ đĩa đầy hoặc không có quyền ghi).", detail=str(exc)
        ) from exc
