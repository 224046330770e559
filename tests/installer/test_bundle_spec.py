"""The PyInstaller bundle's contents (installer/bundle_layout.py, used by the spec) without
running PyInstaller: that takes a minute and runs in installer/smoke.sh instead."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


layout = _load("ocop_installer_bundle_layout", INSTALLER / "bundle_layout.py")


def _dest_of(datas: list[tuple[str, str]]) -> dict[str, str]:
    return {
        Path(src).relative_to(ROOT).as_posix(): dest for src, dest in datas if Path(src).is_relative_to(ROOT)
    }


def test_every_resource_file_is_bundled_under_resources() -> None:
    dests = _dest_of(layout.app_datas(ROOT))
    resource_files = [
        p
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".ts"
    ]
    assert resource_files, "resources/ is empty?"
    for path in resource_files:
        rel = path.relative_to(ROOT)
        assert dests.get(rel.as_posix()) == rel.parent.as_posix(), f"{rel} missing or misplaced in the bundle"
    for needed in (
        "resources/fonts/BeVietnamPro-Regular.ttf",
        "resources/fonts/LiberationSerif-Regular.ttf",
        "resources/fonts/OFL-BeVietnamPro.txt",
        "resources/icons/ocop-desktop.ico",
        "resources/icons/ocop-desktop.png",
    ):
        assert needed in dests


def test_migrations_are_bundled_as_files_where_the_store_looks_for_them() -> None:
    from ocop_desktop.store import database

    expected = Path(database.__file__).resolve().parent.relative_to(ROOT) / "migrations"
    assert layout.MIGRATIONS_DEST == expected.as_posix()
    dests = _dest_of(layout.app_datas(ROOT))
    env = f"{layout.MIGRATIONS_SRC}/env.py"
    assert dests[env] == layout.MIGRATIONS_DEST
    versions = sorted((ROOT / layout.MIGRATIONS_SRC / "versions").glob("*.py"))
    assert versions
    for version in versions:
        assert dests[version.relative_to(ROOT).as_posix()] == layout.MIGRATIONS_DEST + "/versions"
    assert not any("__pycache__" in src or src.endswith(".pyc") for src in dests)


def test_frozen_resources_root_matches_the_bundle_layout(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ocop_desktop import paths

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_root() == tmp_path / layout.RESOURCES_DEST


def test_compiled_translations_replace_source_tree_ones(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "resources" / "translations").mkdir(parents=True)
    (root / "resources" / "translations" / "app_en.ts").write_text("<TS/>")
    (root / "resources" / "translations" / "app_en.qm").write_bytes(b"old")
    (root / layout.MIGRATIONS_SRC).mkdir(parents=True)
    fresh = tmp_path / "qm"
    fresh.mkdir()
    (fresh / "app_en.qm").write_bytes(b"new")
    datas = layout.app_datas(root, compiled_qm_dir=fresh)
    qms = [src for src, dest in datas if dest == "resources/translations"]
    assert qms == [str(fresh / "app_en.qm")], "the fresh .qm wins, the .ts source is not bundled"
    assert layout.compile_translations(tmp_path / "nothing", tmp_path / "out", None) == []


def test_spec_uses_the_layout_and_collects_what_alembic_and_provinces_need() -> None:
    spec = (INSTALLER / "ocop_desktop.spec").read_text(encoding="utf-8")
    for needle in (
        "layout.app_datas(",
        "layout.write_dist_info(",
        'collect_data_files("vietnam_provinces")',
        "for package in layout.COLLECT_SUBMODULES",
        "_runtime_submodules(package)",
        "layout.HIDDEN_IMPORTS",
        "excludes=layout.EXCLUDES",
        "COLLECT(",
        "console=",
    ):
        assert needle in spec
    assert {"ocop_desktop", "alembic", "reportlab.graphics.barcode"} <= set(layout.COLLECT_SUBMODULES)
    assert "logging.config" in layout.HIDDEN_IMPORTS
    assert "ocop_desktop.store.models" in layout.HIDDEN_IMPORTS
    assert "tkinter" in layout.EXCLUDES and "pytest" in layout.EXCLUDES
    assert (INSTALLER / "entry.py").read_text(encoding="utf-8").count(
        "from ocop_desktop.main import main"
    ) == 1


def test_version_comes_from_pyproject_and_reaches_importlib_metadata(tmp_path: Path) -> None:
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert layout.project_version(ROOT) == version
    src, dest = layout.write_dist_info(ROOT, tmp_path)
    assert dest == f"ocop_desktop-{version}.dist-info"
    assert importlib.metadata.PathDistribution(Path(src)).version == version
    assert importlib.metadata.PathDistribution(Path(src)).metadata["Name"] == "ocop-desktop"


@pytest.mark.parametrize(
    ("version", "quad"),
    [("0.1.0", "0.1.0.0"), ("1.2", "1.2.0.0"), ("2.0.1rc1", "2.0.1.0"), ("3.4.5+local.7", "3.4.5.0")],
)
def test_version_quad(version: str, quad: str) -> None:
    assert layout.version_quad(version) == quad


def test_qt_translations_keep_only_the_app_languages() -> None:
    keep = layout.keep_qt_translation
    assert keep("PySide6/Qt/translations/qtbase_en.qm")
    assert keep("PySide6/Qt/translations/qtbase_vi.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("resources/translations/ocop_desktop_en.qm")
    assert keep("PySide6/Qt/lib/libQt6Core.so.6")


def test_icon_files_have_windows_and_linux_sizes() -> None:
    ico = (ROOT / layout.ICON_ICO).read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico, 0)
    assert (reserved, kind) == (0, 1)
    sizes = {(ico[6 + 16 * i] or 256) for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    png = (ROOT / layout.ICON_PNG).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)


def test_ci_runs_the_bundle_smoke_test_after_the_test_suite() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "installer/smoke.sh" in ci
    assert ci.index("pytest") < ci.index("installer/smoke.sh")
