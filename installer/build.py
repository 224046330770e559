#!/usr/bin/env python3
"""Build OCOP Desktop for the operating system this runs on.

    python installer/build.py              # or: uv run python installer/build.py

* Linux:   dist/ocop-desktop/  (one-dir bundle)  +  dist/ocop-desktop-<version>-linux-<arch>.tar.gz
* Windows: dist/ocop-desktop/  (one-dir bundle)  +  dist/ocop-desktop-<version>-windows-x64-setup.exe (NSIS)

PyInstaller is not a cross-compiler: a Windows bundle can only be built on Windows, a Linux
bundle on Linux (the bundle carries the building machine's Python and Qt binaries). The NSIS
script itself compiles anywhere (installer/nsis_check.py does that on Linux with a stub payload).

The bundle is built from a clean virtual environment, build/venv-bundle, holding exactly the
locked runtime dependencies plus PyInstaller (`uv export --no-default-groups --group build`),
so test and dev tools never end up in the bundle. The project itself is analysed from the
source tree. Only the standard library is used here; `uv` must be on PATH (or importable).

At the end one JSON object with sizes (bytes) and times (seconds) is printed on stdout and
written to dist/build-report.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

INSTALLER_DIR = Path(__file__).resolve().parent
ROOT = INSTALLER_DIR.parent
sys.path.insert(0, str(INSTALLER_DIR))

import bundle_layout as layout  # noqa: E402

BUILD = ROOT / "build"
DIST = ROOT / "dist"
VENV = BUILD / "venv-bundle"
SPEC = INSTALLER_DIR / "ocop_desktop.spec"
NSI = INSTALLER_DIR / "ocop_desktop.nsi"
IS_WINDOWS = sys.platform == "win32"


def log(message: str) -> None:
    print(f"[build] {message}", file=sys.stderr, flush=True)


def run(cmd: list[str | Path], **kwargs: object) -> None:
    log("$ " + " ".join(str(c) for c in cmd))
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)  # type: ignore[call-overload]


def uv() -> list[str]:
    found = shutil.which("uv")
    if found:
        return [found]
    try:
        import uv as uv_module  # type: ignore[import-not-found]

        return [uv_module.find_uv_bin()]
    except ImportError:
        raise SystemExit("uv is needed: `python -m pip install uv` (see installer/README.md)") from None


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if IS_WINDOWS else "bin/python")


def venv_tool(name: str) -> Path:
    return VENV / ("Scripts" if IS_WINDOWS else "bin") / (name + (".exe" if IS_WINDOWS else ""))


def make_venv(python: str, reuse: bool) -> bool:
    """Create build/venv-bundle from uv.lock (runtime deps + the `build` group). Returns
    whether it was (re)created; with `reuse`, an environment made from the same lock is kept."""
    BUILD.mkdir(parents=True, exist_ok=True)
    requirements = BUILD / "bundle-requirements.txt"
    run(
        uv()
        + [
            "export",
            "--frozen",
            "--no-default-groups",
            "--group",
            "build",
            "--no-emit-project",
            "--format",
            "requirements-txt",
            "--quiet",
            "--output-file",
            requirements,
        ],
        cwd=ROOT,
    )
    stamp = hashlib.sha256(requirements.read_bytes() + python.encode()).hexdigest()
    stamp_file = VENV / ".bundle-stamp"
    if reuse and venv_python().exists() and stamp_file.exists() and stamp_file.read_text() == stamp:
        log(f"reusing {VENV.relative_to(ROOT)} (same lock)")
        return False
    if VENV.exists():
        shutil.rmtree(VENV)
    run(uv() + ["venv", "--quiet", "--python", python, VENV], cwd=ROOT)
    run(
        uv() + ["pip", "install", "--quiet", "--python", venv_python(), "--requirement", requirements],
        cwd=ROOT,
    )
    stamp_file.write_text(stamp)
    return True


def run_pyinstaller() -> Path:
    dist_dir = DIST / layout.DIST_NAME
    run(
        [
            venv_python(),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            DIST,
            "--workpath",
            BUILD / "pyinstaller",
            SPEC,
        ],
        cwd=ROOT,
    )
    exe = dist_dir / (layout.EXE_NAME + (".exe" if IS_WINDOWS else ""))
    if not exe.is_file():
        raise SystemExit(f"PyInstaller finished but {exe} is missing")
    return dist_dir


def tree_size(folder: Path) -> tuple[int, int]:
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def source_date_epoch() -> int:
    """Timestamp for archive entries: SOURCE_DATE_EPOCH, else the last commit, else now."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
        )
        return int(out.stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return int(time.time())


def make_tarball(dist_dir: Path, version: str) -> Path:
    """dist/ocop-desktop-<v>-linux-<arch>.tar.gz with one top folder ocop-desktop-<v>/; entries
    sorted, owned by root, dated from the last commit (reproducible for the same bundle)."""
    arch = platform.machine().lower() or "unknown"
    top = f"{layout.DIST_NAME}-{version}"
    archive = DIST / f"{top}-linux-{arch}.tar.gz"
    mtime = source_date_epoch()

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = mtime
        return info

    with tarfile.open(archive, "w:gz", compresslevel=6, format=tarfile.PAX_FORMAT) as tar:
        tar.add(dist_dir, arcname=top, recursive=False, filter=normalise)
        for path in sorted(dist_dir.rglob("*")):
            tar.add(
                path,
                arcname=f"{top}/{path.relative_to(dist_dir).as_posix()}",
                recursive=False,
                filter=normalise,
            )
    return archive


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def make_setup(dist_dir: Path, version: str) -> Path:
    makensis = find_makensis()
    if makensis is None:
        raise SystemExit(
            "makensis not found: install NSIS 3 (see installer/README.md) or pass --no-installer"
        )
    out = DIST / f"{layout.DIST_NAME}-{version}-windows-x64-setup.exe"
    run(
        [
            makensis,
            "-V2",
            f"-DVERSION={version}",
            f"-DVERSION_QUAD={layout.version_quad(version)}",
            f"-DDISTDIR={dist_dir}",
            f"-DOUTFILE={out}",
            NSI,
        ],
        cwd=INSTALLER_DIR,
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="interpreter for the bundle venv (default: the one running this script)",
    )
    parser.add_argument(
        "--reuse-venv",
        action="store_true",
        help="keep build/venv-bundle when it was made from the same uv.lock (faster rebuilds)",
    )
    parser.add_argument("--no-archive", action="store_true", help="Linux: skip the .tar.gz")
    parser.add_argument("--no-installer", action="store_true", help="Windows: skip the NSIS setup")
    args = parser.parse_args(argv)

    version = layout.project_version(ROOT)
    report: dict[str, object] = {
        "version": version,
        "platform": f"{sys.platform}-{platform.machine().lower()}",
        "python": args.python,
    }
    started = time.perf_counter()
    t = time.perf_counter()
    report["venv_created"] = make_venv(args.python, args.reuse_venv)
    report["venv_seconds"] = round(time.perf_counter() - t, 1)

    t = time.perf_counter()
    dist_dir = run_pyinstaller()
    report["pyinstaller_seconds"] = round(time.perf_counter() - t, 1)
    size, count = tree_size(dist_dir)
    report.update(bundle_dir=str(dist_dir), bundle_bytes=size, bundle_files=count)

    if not IS_WINDOWS and not args.no_archive:
        t = time.perf_counter()
        archive = make_tarball(dist_dir, version)
        report.update(
            archive=str(archive),
            archive_bytes=archive.stat().st_size,
            archive_seconds=round(time.perf_counter() - t, 1),
        )
    if IS_WINDOWS and not args.no_installer:
        t = time.perf_counter()
        setup = make_setup(dist_dir, version)
        report.update(
            installer=str(setup),
            installer_bytes=setup.stat().st_size,
            installer_seconds=round(time.perf_counter() - t, 1),
        )
    report["total_seconds"] = round(time.perf_counter() - started, 1)

    text = json.dumps(report, indent=2)
    (DIST / "build-report.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
