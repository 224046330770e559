"""Lists that follow what other desks change (issue 18): one watcher per main window polls the audit log
on a worker (`services.core.changes`) and tells the pages; each page reads again only if the change
concerns it, and only when it is shown (a hidden page is marked and reads again when next shown).

The poll is one primary-key read when nothing changed (SQLite or the office's server alike), so it runs
on both: on SQLite the other writer is a package import on this machine (the mailbox, the command line).
A poll never starts while the previous one runs (a slow server must not pile them up); a failing one is
logged once, and the next poll tries again.
A page reads again without disturbing the officer through `kit.kept_view`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QObject, QTimer, Signal

from ocop_desktop.services.core.changes import POLL_SECONDS, Changes, ChangeWatch
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext

log = logging.getLogger(__name__)


@runtime_checkable
class Refreshes(Protocol):
    """A page that reads its data again when a change concerns it (and, hidden, once it is shown)."""

    def refresh_if(self, changes: Changes) -> None: ...


class _Poller:
    """The worker side, without Qt: the log's mark is read on the first poll (a read: never on the GUI
    thread), so the first poll reports nothing."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.watch: ChangeWatch | None = None

    def __call__(self, _progress: Progress) -> Changes:
        if self.watch is None:
            self.watch = ChangeWatch(self.ctx)
            return Changes(frozenset())
        return self.watch.poll()


class ChangeWatcher(QObject):
    """Signals: changed(Changes): something changed since the last poll (this desk's changes too)."""

    changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *, seconds: float = POLL_SECONDS):
        super().__init__(parent)
        self._poller = _Poller(ctx)
        self.task: Task | None = None
        self.polls = 0  # finished polls (tests wait for one)
        self._failing = False
        self.timer = QTimer(self, interval=int(seconds * 1000))
        self.timer.timeout.connect(self.poll_now)

    def start(self) -> None:
        self.poll_now()  # reads the mark now, so the first change is seen at the first tick
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.task is not None:
            self.task.cancel()

    def poll_now(self) -> Task | None:
        """One poll in the background; None when the previous one still runs (this tick is skipped)."""
        if self.task is not None:
            return None
        self.task = run_task(self._poller, on_done=self._polled, on_error=self._failed, parent=self)
        self.task.finished.connect(self._ended)
        return self.task

    def _polled(self, changes: Changes) -> None:
        self._failing = False
        if changes:
            self.changed.emit(changes)

    def _failed(self, exc: BaseException) -> None:
        if not self._failing:  # once per outage, not every few seconds
            log.warning("polling for other desks' changes failed: %s", exc)
        self._failing = True

    def _ended(self) -> None:
        self.task = None
        self.polls += 1


def tell_pages(pages: Iterable[object], changes: Changes) -> None:
    """Hand `changes` to every page that reads again after some (`Refreshes`)."""
    for page in pages:
        if isinstance(page, Refreshes):
            page.refresh_if(changes)


__all__ = ["ChangeWatcher", "Refreshes", "tell_pages"]
