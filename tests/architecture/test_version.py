import tomllib
from pathlib import Path

import ocop_desktop


def test_package_version_matches_pyproject() -> None:
    pyproject = tomllib.loads(
        (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    )
    assert ocop_desktop.__version__ == pyproject["project"]["version"]
