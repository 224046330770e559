"""Helpers of the evaluation page tests: open the page on a province, wait for its jobs."""

from __future__ import annotations

from typing import Any

from ocop_desktop.ui.kit.tasks import Task
from ocop_desktop.ui.province.page import EvaluationPage


def open_page(qtbot: Any, ctx: Any) -> EvaluationPage:
    page = EvaluationPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(page.is_ready, timeout=10_000)
    return page


def settle(qtbot: Any, page: EvaluationPage, task: Task | None = None) -> None:
    """Until `task` (if given) and every job it started (reloads) have finished."""
    if task is not None:
        qtbot.waitUntil(lambda: task.done, timeout=15_000)
    assert page.state is not None
    qtbot.waitUntil(lambda: not page.state.busy(), timeout=15_000)


def show(qtbot: Any, page: EvaluationPage, name: str) -> Any:
    """Bring tab `name` to the front (built and loaded on first use) and wait until it shows data."""
    tab = page.show_tab(name)
    settle(qtbot, page)
    return tab
