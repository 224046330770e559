"""The background-task helper: results, errors and cancellation arrive on the GUI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ocop_desktop.domain.errors import UserError
from ocop_desktop.ui.kit.tasks import Progress, run_task


def test_result_and_progress_are_delivered_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[float, str]] = []
    threads: list[object] = []

    def job(progress, n):  # type: ignore[no-untyped-def]
        threads.append(QThread.currentThread())
        progress.set(1.0, "xong")
        return n * 2

    results: list[int] = []
    task = run_task(job, 21, on_done=results.append)
    task.progressed.connect(lambda f, text: seen.append((f, text)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == [42]
    assert task.done
    assert threads and threads[0] is not QThread.currentThread()


def test_error_is_delivered_and_shown(qtbot, messages) -> None:  # type: ignore[no-untyped-def]
    def job(progress):  # type: ignore[no-untyped-def]
        raise ValueError("hỏng")

    task = run_task(job)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)
    qtbot.waitUntil(lambda: messages.texts("bug") != [])
    assert "ValueError: hỏng" in messages.texts("bug")[0]


def test_user_error_is_a_plain_warning(qtbot, messages) -> None:  # type: ignore[no-untyped-def]
    def job(progress):  # type: ignore[no-untyped-def]
        raise UserError("Ổ đĩa đầy.")

    errors_seen: list[BaseException] = []
    task = run_task(job, on_error=errors_seen.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert isinstance(errors_seen[0], UserError)
    assert messages.shown == []  # a custom on_error replaces the default dialog


def test_cancel_is_honoured(qtbot) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()

    def job(progress):  # type: ignore[no-untyped-def]
        started.set()
        deadline = time.monotonic() + 10
        while not progress.cancelled and time.monotonic() < deadline:
            progress.set(0.5, "đang chạy")
            threading.Event().wait(0.005)
        return "không được giao"

    done: list[object] = []
    cancelled: list[bool] = []
    task = run_task(job, on_done=done.append, on_cancel=lambda: cancelled.append(True))
    assert started.wait(5)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.cancel()
    qtbot.wait(10)
    assert done == [] and cancelled == [True]


def test_progress_dialog_cancel_button_cancels(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    started = threading.Event()

    def job(progress):  # type: ignore[no-untyped-def]
        started.set()
        deadline = time.monotonic() + 10  # never hang the suite
        while not progress.cancelled and time.monotonic() < deadline:
            threading.Event().wait(0.005)

    task = run_task(job, parent=parent, progress_title="Đang xuất gói…", writes_db=True)
    assert started.wait(5)
    dialog = task.dialog  # type: ignore[attr-defined]
    assert dialog.labelText() == "Đang xuất gói…"
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Hủy"
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)


def test_progress_is_plain_python() -> None:
    reported: list[tuple[float, str]] = []
    progress = Progress(lambda f, text: reported.append((f, text)))
    progress.set(2.0, "quá")
    assert progress.fraction == 1.0 and reported == [(1.0, "quá")]
    assert not progress.cancelled
    progress.cancel()
    assert progress.cancelled
    assert "PySide6" not in type(progress).__module__


@pytest.mark.parametrize("writes_db", [False, True])
def test_both_pools_run_jobs(qtbot, writes_db: bool) -> None:  # type: ignore[no-untyped-def]
    task = run_task(lambda progress: "ok", writes_db=writes_db)
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == ["ok"]


def test_many_emits_do_not_eat_references_to_true(qtbot) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12 drops a reference to True per emit (see test_ui_binding_refcounts.py); thousands of
    progress reports must not bring the interpreter down."""
    import sys

    from ocop_desktop.ui.kit.tasks import Task

    task = Task(lambda progress: None)
    before = sys.getrefcount(True)
    for _ in range(5000):
        task.progressed.emit(0.5, "")
    assert abs(sys.getrefcount(True) - before) < 50


def test_a_long_progress_text_wraps_instead_of_being_cut(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: progress dialogs cut their text (the steps say more than the title)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    step = "Đang kiểm tra tệp đính kèm 12/40: Giấy chứng nhận đăng ký kinh doanh HTX Cà phê Ea Tu.pdf"
    release = threading.Event()

    def job(progress):  # type: ignore[no-untyped-def]
        progress.set(0.3, step)
        release.wait(10)

    task = run_task(job, parent=parent, progress_title="Đang nhập gói…")
    dialog = task.dialog  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dialog.labelText() == step, timeout=5000)
    label = dialog.findChild(QLabel)
    assert label.wordWrap() and dialog.minimumWidth() >= 480
    dialog.show()
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=2000)
    release.set()
    qtbot.waitUntil(lambda: task.done, timeout=5000)
