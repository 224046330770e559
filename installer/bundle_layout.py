"""What goes into the bundle, in one place: used by the PyInstaller spec, the build script and
the tests (plain Python, no PyInstaller import, so the tests can check it cheaply).

Layout of the one-dir bundle (PyInstaller 6 puts everything but the executables in
``_internal/``, which is ``sys._MEIPASS`` at run time)::

    ocop-desktop/
      ocop-desktop[.exe]            the application (GUI without arguments, CLI with a command)
      ocop-desktop-cli.exe          Windows only: the same program as a console executable
      _internal/
        resources/                  fonts, rule sets, calendars, checklists, icons, translations
        ocop_desktop/store/migrations/   Alembic env.py + versions/*.py, loaded as files
        ocop_desktop-<version>.dist-info/  so importlib.metadata (and __version__) works
        PySide6/ … python311 …
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

APP_NAME = "OCOP Desktop"
DIST_NAME = "ocop-desktop"  # folder under dist/, and the base of the archive names
EXE_NAME = "ocop-desktop"  # the GUI/CLI executable (".exe" added on Windows)
CLI_EXE_NAME = "ocop-desktop-cli"  # Windows only: console subsystem, so commands print
ICON_ICO = "resources/icons/ocop-desktop.ico"
ICON_PNG = "resources/icons/ocop-desktop.png"

RESOURCES_DEST = "resources"  # paths.resources_root() looks for sys._MEIPASS/resources
MIGRATIONS_SRC = "ocop_desktop/store/migrations"
MIGRATIONS_DEST = (
    "ocop_desktop/store/migrations"  # store.upgrade.MIGRATIONS_DIR = Path(__file__).parent / "migrations"
)
TRANSLATIONS_DIR = "resources/translations"

# Never bundled: source-only files and caches.
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".mypy_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts"}  # .ts is the Linguist source; its compiled .qm is bundled

# Modules the migrations import are invisible to PyInstaller (Alembic loads env.py and the
# version files as data), so they are listed explicitly on top of collect_submodules(); so is
# ReportLab's accelerator, without which a long report's PDF takes 1.7 times as long.
HIDDEN_IMPORTS = [
    "logging.config",
    "ocop_desktop.store.models",
    "ocop_desktop.store.base",
    "sqlalchemy.dialects.sqlite",
    "alembic.op",
    "alembic.context",
    "alembic.ddl.sqlite",
    "_rl_accel",  # ReportLab's C accelerator (rl-accel), imported by reportlab.lib.rl_accel through exec()
]
# Packages whose submodules are imported dynamically (by name, from strings or from files that
# PyInstaller does not analyse): every submodule is bundled.
#   ocop_desktop                the Alembic migrations import models; commands are registered by name
#   alembic                     env.py/versions use alembic.op, alembic.context, ddl implementations
#   reportlab.graphics.barcode  barcode/__init__ imports code128, qr, … with exec() (QR on printed forms)
COLLECT_SUBMODULES = ["ocop_desktop", "alembic", "reportlab.graphics.barcode"]
# Submodule trees never needed at run time (they would drag test frameworks in).
SUBMODULE_SKIP_PREFIXES = ("alembic.testing", "ocop_desktop.__main__")

EXCLUDES = [
    # Python's own optional parts
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "test",
    # dev and build tools (the bundle venv has no dev group, this guards a polluted venv)
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "importlinter",
    "grimp",
    "IPython",
    "setuptools",
    "pkg_resources",
    "pip",
    "PyInstaller",
    "alembic.testing",
    "sqlalchemy.testing",
    # Qt modules the app does not use (layouts are in code; no QML, no designer, no web)
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtTest",
    "PySide6.QtSql",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebChannel",
]

# Qt's own translations (qtbase_*.qm …): keep the languages the app offers.
QT_TRANSLATION_LANGUAGES = ("vi", "en")


def project_metadata(root: Path = ROOT) -> dict[str, object]:
    with (root / "pyproject.toml").open("rb") as fh:
        return dict(tomllib.load(fh)["project"])


def project_version(root: Path = ROOT) -> str:
    return str(project_metadata(root)["version"])


def version_quad(version: str) -> str:
    """ "0.1.0" -> "0.1.0.0", "1.2.3rc1" -> "1.2.3.0": Windows version resources want four numbers."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    return ".".join(str(n) for n in (numbers + [0, 0, 0, 0])[:4])


def _wanted(path: Path) -> bool:
    return not (set(path.parts) & SKIP_DIRS) and path.suffix not in SKIP_SUFFIXES


def tree_datas(src_dir: Path, dest_dir: str) -> list[tuple[str, str]]:
    """(source file, destination folder) pairs for every wanted file under `src_dir`,
    as PyInstaller's ``datas`` expects."""
    pairs = []
    for path in sorted(src_dir.rglob("*")):
        if path.is_file() and _wanted(path.relative_to(src_dir)):
            rel_parent = path.relative_to(src_dir).parent
            dest = Path(dest_dir) / rel_parent if rel_parent != Path(".") else Path(dest_dir)
            pairs.append((str(path), dest.as_posix()))
    return pairs


def app_datas(root: Path = ROOT, compiled_qm_dir: Path | None = None) -> list[tuple[str, str]]:
    """The application's own data: `resources/` and the Alembic migrations folder.

    `compiled_qm_dir` holds .qm files freshly compiled from resources/translations/*.ts; they
    replace same-named .qm files of the source tree."""
    datas = tree_datas(root / "resources", RESOURCES_DEST)
    if compiled_qm_dir is not None:
        fresh = {p.name for p in compiled_qm_dir.glob("*.qm")}
        dest = RESOURCES_DEST + "/translations"
        datas = [(s, d) for s, d in datas if not (d == dest and Path(s).name in fresh)]
        datas += [(str(p), dest) for p in sorted(compiled_qm_dir.glob("*.qm"))]
    datas += tree_datas(root / MIGRATIONS_SRC, MIGRATIONS_DEST)
    return datas


def write_dist_info(root: Path, workdir: Path) -> tuple[str, str]:
    """A minimal ``ocop_desktop-<v>.dist-info`` so ``importlib.metadata.version("ocop-desktop")``
    answers the real version in the frozen app (the project itself is not pip-installed into
    the bundle venv; PyInstaller analyses the source tree)."""
    meta = project_metadata(root)
    name = str(meta["name"])
    version = str(meta["version"])
    dist_info = workdir / f"{name.replace('-', '_')}-{version}.dist-info"
    dist_info.mkdir(parents=True, exist_ok=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: {meta.get('description', '')}\n",
        encoding="utf-8",
    )
    (dist_info / "INSTALLER").write_text("pyinstaller\n", encoding="utf-8")
    return str(dist_info), dist_info.name


def compile_translations(root: Path, out_dir: Path, lrelease: str | None) -> list[Path]:
    """resources/translations/*.ts -> out_dir/*.qm with pyside6-lrelease (from the bundle venv).
    Returns the compiled files; nothing to do when there are no .ts files."""
    sources = sorted((root / TRANSLATIONS_DIR).glob("*.ts"))
    if not sources:
        return []
    if lrelease is None:
        raise RuntimeError("resources/translations has .ts files but pyside6-lrelease was not found")
    out_dir.mkdir(parents=True, exist_ok=True)
    compiled = []
    for ts in sources:
        qm = out_dir / (ts.stem + ".qm")
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        compiled.append(qm)
    return compiled


def keep_qt_translation(dest_path: str) -> bool:
    """Filter for PyInstaller's datas: drop Qt's translations of languages the app does not offer."""
    parts = Path(dest_path).parts
    if "translations" not in parts or not dest_path.endswith(".qm") or "PySide6" not in parts:
        return True
    stem = Path(dest_path).stem  # qtbase_vi, qt_help_en, …
    return stem.rsplit("_", 1)[-1] in QT_TRANSLATION_LANGUAGES


def windows_version_info(version: str, description: str) -> str:
    """Text of a PyInstaller version file (the .exe's Properties > Details on Windows)."""
    quad = tuple(int(n) for n in version_quad(version).split("."))
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={quad}, prodvers={quad}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'OCOP Desktop team'),
      StringStruct('FileDescription', {description!r}),
      StringStruct('FileVersion', {version!r}),
      StringStruct('InternalName', {EXE_NAME!r}),
      StringStruct('OriginalFilename', {EXE_NAME + ".exe"!r}),
      StringStruct('ProductName', {APP_NAME!r}),
      StringStruct('ProductVersion', {version!r})])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
