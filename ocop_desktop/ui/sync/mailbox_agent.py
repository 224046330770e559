"""The mailbox working by itself in the GUI: one agent per open data folder sends the outbox and fetches
what the province left, after the first frame, then every few minutes (a probe of the *endpoint*, with
back-off while it does not answer, so a machine offline for days knocks rarely), and at once when the
person asks ("Gửi ngay"). Pause is cancel: the parts sent stay on the server, the next run continues.

The jobs are plain functions on a worker (`run_task`, not the writers' pool: an upload commits a row per
part for minutes, the other pages' writes must not queue behind it; SQLite's busy timeout orders those
short commits). The imports of a round are different: one import writes a whole package in one
transaction (seconds for a large submission), longer than the busy timeout a page's save would wait
beside it. So each import is handed to the writers' single thread (`on_writers_thread`) and the round
waits for it there: queued with the pages' writes, neither side meets "database is locked"."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QTimer, Signal

from ocop_desktop.domain.errors import Cancelled
from ocop_desktop.progress import Progress
from ocop_desktop.services.mailbox.outbox import ANSWERED_BY_RECEIPT
from ocop_desktop.services.mailbox.service import (
    Backoff,
    FetchReport,
    MailboxService,
    MailboxStatus,
    SendReport,
)
from ocop_desktop.ui.kit.tasks import Task, run_task, writer_pool

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

START_DELAY_MS = 3_000  # after the first frame and the first page
EVERY_MINUTES = 5
MAX_MINUTES = 60


@dataclass(frozen=True)
class Outcome:
    status: MailboxStatus
    sent: SendReport | None = None
    fetched: FetchReport | None = None
    stopped: str = ""  # why the run stopped (plain Vietnamese), else ""
    transient: bool = False


def read_status(_progress: Progress, ctx: AppContext) -> Outcome:
    """The queue as the database holds it (no network)."""
    return Outcome(MailboxService(ctx).status())


def cycle(
    progress: Progress, ctx: AppContext, send: bool = True, fetch: bool = True, attempts: int = 2
) -> Outcome:
    """Probe the endpoint; when it answers, send the waiting packages and fetch what is left for this
    office (imports through the package service: what needs a person waits in the incoming folder)."""
    service = MailboxService(ctx)
    if service.settings() is None:
        return Outcome(service.status())
    problem = service.probe()
    if problem is not None:
        status = replace(service.status(), reachable=not problem.transient, problem=problem.message)
        return Outcome(status, stopped=problem.message, transient=problem.transient)
    if not send and not fetch:
        return Outcome(replace(service.status(), reachable=True))
    if fetch:
        done = service.sync(
            progress, backoff=_backoff(progress, attempts), send=send, importer=on_writers_thread
        )
        sent, fetched, stopped, transient = done.sent, done.fetched, done.stopped, done.transient
    else:
        sent, fetched = service.send(progress, backoff=_backoff(progress, attempts)), None
        stopped, transient = sent.stopped, sent.transient
    status = replace(service.status(), reachable=not (stopped and transient), problem=stopped)
    return Outcome(status, sent, fetched, stopped, transient)


class _Job(QRunnable):
    def __init__(self, job: Callable[[], None]) -> None:
        super().__init__()
        self.job, self.finished = job, threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.job()
        except BaseException as exc:  # noqa: BLE001 - handed back to the round's thread
            self.error = exc
        finally:
            self.finished.set()


def on_writers_thread(job: Callable[[], None]) -> None:
    """Run `job` on the writers' single thread and wait for it (called from a round's worker thread)."""
    runner = _Job(job)
    runner.setAutoDelete(False)  # kept alive here until it has run
    writer_pool().start(runner)
    runner.finished.wait()
    if runner.error is not None:
        raise runner.error


def _backoff(progress: Progress, attempts: int) -> Backoff:
    """Short waits the pause button can interrupt: the agent's timer is the long back-off."""

    def sleep(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if progress.cancelled:
                raise Cancelled()
            time.sleep(min(0.1, max(end - time.monotonic(), 0)))

    return Backoff(base=1.0, cap=20.0, attempts=attempts, sleep=sleep)


class MailboxAgent(QObject):
    """Signals: changed(): `status`, `running`, `last_stop` changed. progressed(float, str): the run's
    progress (fraction 0..1, text)."""

    changed = Signal()
    progressed = Signal(float, str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: MailboxStatus | None = None
        self.task: Task | None = None
        self.paused = False
        self.last_stop = ""
        self.attempts = 2  # back-off tries inside one run (tests: 0)
        self.minutes = EVERY_MINUTES
        self._generation = 0  # a run's end: queue reads started before it are older than its status
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def start(self, delay_ms: int = START_DELAY_MS) -> None:
        """Begin working by itself (the first run after `delay_ms`)."""
        self.timer.start(delay_ms)

    def stop(self) -> None:
        """No more runs by itself (the window closes); a run under way is paused."""
        _AGENTS.pop(id(self.ctx), None)
        if self.task is not None and not self.task.done:
            self.task.cancel()
        try:
            self.timer.stop()
        except RuntimeError:  # at exit Qt may have deleted the timer already: nothing left to stop
            pass

    def tick(self) -> None:
        if self.running:
            self._next(self.minutes)
            return
        self.run(send=not self.paused)

    def send_now(self) -> Task | None:
        self.paused = False
        return self.run()

    def fetch_now(self) -> Task | None:
        return self.run(send=False)

    def pause(self) -> None:
        """Stop sending until "Gửi ngay" (the parts sent stay on the server)."""
        self.paused = True
        if self.task is not None and not self.task.done:
            self.task.cancel()
        self.changed.emit()

    def reload(self) -> Task:
        """Read the queue again (when a page shows, or part after part while sending)."""
        generation = self._generation
        return run_task(
            read_status,
            self.ctx,
            on_done=lambda outcome: self._read(outcome) if generation == self._generation else None,
            on_error=lambda _e: None,
            parent=self,
        )

    def nudge(self) -> Task:
        """A package was exported: read the queue and, when the mailbox answered last time and nothing
        stopped it for a lasting reason, send now rather than at the next tick."""
        task = self.reload()
        task.succeeded.connect(lambda _o: self._send_if_waiting())
        return task

    def _send_if_waiting(self) -> None:
        status = self.status
        if status is None or not status.configured or self.paused or self.running or self.last_stop:
            return
        if status.reachable is not False and counts(status)[0]:
            self.run(fetch=False)

    def run(self, *, send: bool = True, fetch: bool = True) -> Task | None:
        if self.running:
            return self.task
        self.timer.stop()
        task = run_task(
            cycle,
            self.ctx,
            send,
            fetch,
            self.attempts,
            on_done=self._done,
            on_error=self._failed,
            on_cancel=self._cancelled,
            parent=self,
        )
        task.progressed.connect(self.progressed)
        self.task = task
        self.changed.emit()
        return task

    # -- outcomes ------------------------------------------------------------------------------------
    def _read(self, outcome: Outcome) -> None:
        previous = self.status
        status = outcome.status
        if previous is not None and previous.configured == status.configured:  # keep what a probe learnt
            status = replace(status, reachable=previous.reachable, problem=previous.problem)
        self.status = status
        self.changed.emit()

    def _done(self, outcome: Outcome) -> None:
        self._generation += 1
        self.status, self.last_stop = outcome.status, outcome.stopped
        if not outcome.status.configured:
            self.changed.emit()
            return  # nothing to do until the settings page saves a mailbox (it calls `run`)
        if outcome.stopped and outcome.transient:  # the endpoint did not answer: knock less often
            self.minutes = min(self.minutes * 2, MAX_MINUTES)
        else:
            self.minutes = EVERY_MINUTES
        self.changed.emit()
        self._next(self.minutes)

    def _failed(self, exc: BaseException) -> None:
        self._generation += 1
        self.last_stop = str(exc)
        self.changed.emit()
        self._next(self.minutes)
        self.reload()

    def _cancelled(self) -> None:
        self._generation += 1
        self.changed.emit()
        self._next(self.minutes)
        self.reload()

    def _next(self, minutes: int) -> None:
        self.timer.start(minutes * 60_000)


_AGENTS: dict[int, MailboxAgent] = {}


def agent_for(ctx: AppContext) -> MailboxAgent:
    """The one agent of this data folder (the status bar, the sync page and the settings share it)."""
    agent = _AGENTS.get(id(ctx))
    if agent is None or agent.ctx is not ctx:
        agent = MailboxAgent(ctx)
        _AGENTS[id(ctx)] = agent
    return agent


def counts(status: MailboxStatus | None) -> tuple[int, int]:
    """(packages waiting to be sent, packages sent and waiting for their receipt)."""
    if status is None:
        return 0, 0
    to_send = sum(1 for i in status.items if i.state in ("queued", "uploading", "failed"))
    to_ack = sum(1 for i in status.items if i.shown_state == "uploaded" and i.kind in ANSWERED_BY_RECEIPT)
    return to_send, to_ack
