"""Sync page tests: the package file dialogs answer from a queue (`files.open_next`, `files.save_next`)."""

from __future__ import annotations

import pytest

from helpers.qt import Files, answer_file_dialogs


@pytest.fixture(autouse=True)
def files(monkeypatch: pytest.MonkeyPatch) -> Files:
    return answer_file_dialogs(monkeypatch)
