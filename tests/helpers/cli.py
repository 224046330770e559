"""Running the command line in-process against several offices' data folders under one root."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ocop_desktop.main import main


class Cli:
    """`cli("province", "inbox", "list")` runs `ocop-desktop --data-dir ROOT/province inbox list` and
    returns its output (its error text when `code` is not 0), checking the exit code."""

    def __init__(self, capsys: pytest.CaptureFixture[str], root: Path) -> None:
        self.capsys, self.root = capsys, root

    def __call__(self, office: str, *args: str, code: int = 0) -> str:
        result = main(["--data-dir", str(self.root / office), *args])
        out, err = self.capsys.readouterr()
        assert result == code, out + err
        return out if code == 0 else err

    def json(self, office: str, *args: str) -> Any:
        return json.loads(self(office, *args, "--json"))
