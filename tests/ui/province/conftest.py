"""Evaluation page tests: PDFs "opened" into a list instead of a window, and the package file dialogs
answering from a queue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers.qt import Files, answer_file_dialogs


@pytest.fixture(autouse=True)
def opened_pdfs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str]]:
    """PDFs the page would show in the print preview: (path, title)."""
    from ocop_desktop.ui.province import printing

    shown: list[tuple[Path, str]] = []

    def record(_parent: Any, path: Path, title: str, _suggested: str) -> None:
        shown.append((Path(path), title))

    monkeypatch.setattr(printing, "open_pdf", record)
    return shown


@pytest.fixture(autouse=True)
def files(monkeypatch: pytest.MonkeyPatch) -> Files:
    return answer_file_dialogs(monkeypatch)
