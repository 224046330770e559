"""Helpers of the evaluator workspace tests: an assignment package waiting on the "USB stick",
a workspace with file choosing answered by the test, and waiting for its background jobs."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from helpers.evaluator import Offices, enroll
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.ui.evaluator.workspace import EvaluatorWorkspace
from ocop_desktop.ui.kit.tasks import Task


def assignment_package(o: Offices, member: str = "TV1", name: str = "assignment.ocoppkg") -> Path:
    """The laptop enrolled and linked to `member` at the province, and its assignment exported."""
    enroll(o, member)
    return ProvinceEvaluatorPackages(o.province).export_assignment(o.round_id, member, o.folder / name).path


def province_fingerprint(o: Offices) -> str:
    return PackageService(o.province).own_keys().signing.readable


def workspace(
    qtbot: QtBot,
    o: Offices,
    *,
    open_path: Path | None = None,
    save_path: Path | None = None,
    size: tuple[int, int] = (1280, 800),
) -> EvaluatorWorkspace:
    ws = EvaluatorWorkspace(o.evaluator)
    qtbot.addWidget(ws)
    ws.steps.choose_open_path = lambda _title: open_path
    ws.steps.choose_save_path = lambda _title, _suggested: save_path
    ws.resize(*size)
    return ws


def finish(qtbot: QtBot, task: Task | None) -> None:
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    qtbot.wait(10)


def import_through_workspace(qtbot: QtBot, ws: EvaluatorWorkspace, o: Offices, path: Path) -> None:
    """The dry run, its preview (fingerprint typed in), then the import in the background."""
    finish(qtbot, ws.steps.import_assignment(path))
    dialog = ws.steps.preview_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.fingerprint_edit is not None  # the first package of this province
    dialog.fingerprint_edit.setText(province_fingerprint(o))
    dialog.accept()
    finish(qtbot, ws.steps.last_task)
