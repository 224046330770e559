"""On an evaluator laptop the "evaluation" page is the member's workspace; at the province it is
the rounds and councils page."""

from __future__ import annotations

from pathlib import Path

from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.setup import initialise
from ocop_desktop.ui.shell.app import build_main_window


def _window(qtbot, data: Path, role: str):  # type: ignore[no-untyped-def]
    ctx = open_app(AppPaths.for_data_dir(data))
    initialise(ctx, role, "01", "Phạm Văn Dũng")
    window = build_main_window(ctx)
    qtbot.addWidget(window)
    return ctx, window.show_page("evaluation")


def test_evaluator_gets_the_workspace(qtbot, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    ctx, page = _window(qtbot, paths.data_dir, "evaluator")
    assert type(page).__name__ == "EvaluatorWorkspace"
    ctx.close()


def test_province_gets_the_evaluation_page(qtbot, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    ctx, page = _window(qtbot, paths.data_dir, "province")
    assert type(page).__name__ == "EvaluationPage"
    ctx.close()
