"""Fixtures of the evaluator package tests: a province with a round, council and dossiers with
evidence, and an evaluator laptop of the same province, each on its own data folder."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "province"))
sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))

from evaluator_builders import Offices, make_offices  # noqa: E402


@pytest.fixture
def offices(tmp_path: Path, _template_dir: Path) -> Iterator[Offices]:
    made = make_offices(tmp_path, _template_dir)
    yield made
    made.close()
