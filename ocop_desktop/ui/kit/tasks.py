"""The one way to run a long job without freezing the window.

The job is a plain Python callable `fn(progress, *args)`; it reports with
`progress.set(fraction, text)` and stops early when `progress.cancelled` is true. It never sees
Qt: `Progress` only stores numbers and calls a function; it satisfies the Qt-free protocol
`ocop_desktop.progress.Progress` that services and the CLI know.
A `Task` runs the callable on a `QThreadPool` and delivers progress, result or error on the GUI
thread through signals. Jobs that write the database share one single-thread pool, because
SQLite has one writer at a time.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

_REPORT_EVERY = 0.05  # seconds: progress faster than this would flood the event loop


class Progress:
    """Handed to the job. Thread-safe; no Qt inside."""

    def __init__(self, report: Callable[[float, str], None] | None = None) -> None:
        self._report = report
        self._cancel = threading.Event()
        self._last = 0.0
        self.fraction = 0.0
        self.text = ""

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def set(self, fraction: float, text: str = "") -> None:
        self.fraction = min(max(float(fraction), 0.0), 1.0)
        self.text = text or self.text
        now = time.monotonic()
        if self._report is not None and (now - self._last >= _REPORT_EVERY or self.fraction >= 1.0):
            self._last = now
            self._report(self.fraction, self.text)


class Task(QObject):
    """A running job. Signals arrive on the GUI thread; exactly one of `succeeded`, `failed`,
    `cancelled` is emitted, then `finished`.

    Signals:
        progressed(float, str): fraction 0..1 and a short text.
        succeeded(object): the callable's return value.
        failed(object): the exception it raised.
        cancelled(): the job stopped after `cancel()`.
        finished(): always last.
    """

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()
    _outcome = Signal(str, object)  # worker -> GUI thread hand-over

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self._fn, self._args = fn, args
        self.progress = Progress(self._relay_progress)
        self.done = False
        self._outcome.connect(self._on_outcome)  # queued: this object lives in the GUI thread

    def cancel(self) -> None:
        """Ask the job to stop; it does so the next time it checks `progress.cancelled`."""
        self.progress.cancel()

    def start(self, pool: QThreadPool | None = None) -> Task:
        _RUNNING.add(self)  # keep the Python object alive until the job ends
        (pool or QThreadPool.globalInstance()).start(_Runner(self))
        return self

    # worker thread --------------------------------------------------------------------------
    def _relay_progress(self, fraction: float, text: str) -> None:
        self.progressed.emit(fraction, text)

    def _run(self) -> None:
        if self.progress.cancelled:  # cancelled while waiting in the queue
            self._deliver("cancelled", None)
            return
        try:
            result = self._fn(self.progress, *self._args)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI, never lost
            if self.progress.cancelled:
                self._deliver("cancelled", None)
            else:
                self._deliver("failed", exc)
            return
        self._deliver("cancelled" if self.progress.cancelled else "succeeded", result)

    def _deliver(self, outcome: str, value: object) -> None:
        try:
            self._outcome.emit(outcome, value)
        except RuntimeError:  # the Task was deleted (application shutting down): nobody to tell
            log.debug("task result dropped: %s", outcome)

    def _on_outcome(self, outcome: str, value: object) -> None:
        self.done = True
        _RUNNING.discard(self)
        if outcome == "succeeded":
            self.succeeded.emit(value)
        elif outcome == "failed":
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.finished.emit()


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()


_RUNNING: set[Task] = set()

_writer_pool: QThreadPool | None = None


def writer_pool() -> QThreadPool:
    """One thread for every job that writes the database."""
    global _writer_pool
    if _writer_pool is None:
        _writer_pool = QThreadPool()
        _writer_pool.setMaxThreadCount(1)
    return _writer_pool


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    writes_db: bool = False,
    parent: QObject | None = None,
    progress_title: str | None = None,
) -> Task:
    """Run `fn(progress, *args)` in the background.

    `on_error` defaults to the error dialog of `ui.errors`. With `progress_title` a window-modal
    progress dialog with a "Hủy" button is shown over `parent` while the job runs. When `parent`
    is destroyed first, the job is cancelled and the callbacks are not called.
    """
    from ocop_desktop.ui.kit import errors

    task = Task(fn, *args)
    alive = [True]
    if parent is not None:
        parent.destroyed.connect(lambda *_: (alive.__setitem__(0, False), task.cancel()))

    def guarded(callback: Callable[..., None] | None) -> Callable[..., None]:
        def call(*values: Any) -> None:
            if alive[0] and callback is not None:
                callback(*values)

        return call

    task.succeeded.connect(guarded(on_done))
    task.failed.connect(guarded(on_error or (lambda exc: errors.show_error(exc, parent))))
    task.cancelled.connect(guarded(on_cancel))
    if progress_title is not None:
        _attach_progress_dialog(task, progress_title, parent if isinstance(parent, QWidget) else None)
    return task.start(writer_pool() if writes_db else None)


def _attach_progress_dialog(task: Task, title: str, parent: QWidget | None) -> QProgressDialog:
    dialog = QProgressDialog(title, translate("tasks", "Hủy"), 0, 1000, parent)
    # A label that wraps, in a dialog wide enough for a file name: the steps' texts are longer than
    # the title the dialog first sized itself to, and used to be cut (issue 15).
    label = QLabel(title, dialog)
    label.setWordWrap(True)
    label.setMinimumWidth(440)
    dialog.setLabel(label)
    dialog.setMinimumWidth(480)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(400)  # quick jobs never flash a dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(task.cancel)
    task.progressed.connect(
        lambda f, text: (dialog.setValue(int(f * 1000)), text and dialog.setLabelText(text))
    )
    task.finished.connect(dialog.reset)
    task.finished.connect(dialog.deleteLater)
    task.dialog = dialog  # type: ignore[attr-defined]
    return dialog


@atexit.register
def _cancel_at_exit() -> None:
    # A script that quits with jobs still running must not tear Python down under them.
    for task in list(_RUNNING):
        task.cancel()
    wait_for_tasks(5_000)


def running() -> int:
    """How many jobs have not delivered their outcome yet (tests wait for none)."""
    return len(_RUNNING)


def wait_for_tasks(timeout_ms: int = 10_000) -> bool:
    """Block until every background job ended (at exit, in tests). True when all ended."""
    ok = QThreadPool.globalInstance().waitForDone(timeout_ms)
    if _writer_pool is not None:
        ok = _writer_pool.waitForDone(timeout_ms) and ok
    return ok


__all__ = ["Progress", "Task", "run_task", "running", "wait_for_tasks", "writer_pool"]
