"""Fixtures of the sync tests: a commune and its province, linked by enrollment and reference pack."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sync_builders import Pair, link, open_installation  # noqa: E402


@pytest.fixture
def pair(tmp_path: Path, _template_dir: Path) -> Iterator[Pair]:
    commune = open_installation(tmp_path / "commune", _template_dir, "commune", "00070", "Nguyễn Văn An")
    province = open_installation(tmp_path / "province", _template_dir, "province", "01", "Trần Thị Bình")
    folder = tmp_path / "usb"
    folder.mkdir()
    link(commune, province, folder)
    yield Pair(commune, province, folder)
    commune.close()
    province.close()
