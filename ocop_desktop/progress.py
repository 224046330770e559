"""How long jobs report progress and learn that the person cancelled, without knowing who listens.

The UI hands a job its thread-safe `ui.kit.tasks.Progress`; the CLI hands a console printer or
nothing. Both satisfy the `Progress` protocol. A job calls `report(progress, fraction, text)`
between steps: it updates the listener, and raises `Cancelled` once the person has cancelled, so
the job stops before its next write.
"""

from __future__ import annotations

from typing import Protocol

from ocop_desktop.domain.errors import Cancelled


class Progress(Protocol):
    """What a long job reports to."""

    @property
    def cancelled(self) -> bool: ...

    def set(self, fraction: float, text: str = "") -> None: ...


def report(progress: Progress | None, fraction: float, text: str = "") -> None:
    """Tell `progress` how far the job is (0..1), or raise `Cancelled` if the person cancelled."""
    if progress is None:
        return
    if progress.cancelled:
        raise Cancelled()
    progress.set(min(max(fraction, 0.0), 1.0), text)


def cancelled(progress: Progress | None) -> bool:
    """Whether the person asked to stop (for jobs that must clean up before raising)."""
    return progress is not None and progress.cancelled


__all__ = ["Cancelled", "Progress", "cancelled", "report"]
