"""The layering contract (pyproject [tool.importlinter]) holds, and everything but the UI
imports and runs with PySide6 made unimportable."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import ocop_desktop

ROOT = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _headless_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(ocop_desktop.__path__, "ocop_desktop."):
        if info.name.startswith(("ocop_desktop.ui", "ocop_desktop.store.migrations")):
            continue
        if info.name in {"ocop_desktop.main", "ocop_desktop.__main__", "ocop_desktop.ocoppkg.dpapi"}:
            continue
        names.append(info.name)
    return names


BLOCK_QT = """
import importlib, sys
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('PySide6 is blocked in this test: ' + name)
        return None
sys.meta_path.insert(0, BlockQt())
for name in sys.argv[1:]:
    importlib.import_module(name)
print('imported', len(sys.argv) - 1)
"""


def test_every_non_ui_module_imports_without_qt() -> None:
    modules = _headless_modules()
    assert "ocop_desktop.services.core.context" in modules
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT, *modules], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert f"imported {len(modules)}" in result.stdout


def test_headless_commands_run_without_qt(tmp_path: Path) -> None:
    script = BLOCK_QT.replace("for name in sys.argv[1:]:\n    importlib.import_module(name)\n", "") + (
        "from ocop_desktop.main import main\n"
        f"sys.exit(main(['--data-dir', {str(tmp_path)!r}, 'init', '--role', 'province', '--unit', '01', "
        "'--officer', 'Lê Văn C']))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
