#!/usr/bin/env python3
"""Compile installer/ocop_desktop.nsi against a stub payload, to catch script errors on any
machine with NSIS (Debian: `apt-get install nsis`), without a Windows build.

    python installer/nsis_check.py [--workdir DIR]      # prints a JSON report

The stub is a tiny fake one-dir bundle (dummy ocop-desktop.exe, ocop-desktop-cli.exe and an
_internal/ folder). Warnings are errors (-WX). The result must be a 64-bit (x86-64) Windows
GUI executable. Used by tests/installer/test_nsis_script.py and installer/smoke.sh.
"""

from __future__ import annotations

import argparse
import json
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

INSTALLER_DIR = Path(__file__).resolve().parent
NSI = INSTALLER_DIR / "ocop_desktop.nsi"
sys.path.insert(0, str(INSTALLER_DIR))

import bundle_layout as layout  # noqa: E402

PE_MACHINE_AMD64 = 0x8664
PE_SUBSYSTEM_GUI = 2


def make_stub_payload(folder: Path) -> Path:
    dist = folder / "stub-dist"
    (dist / "_internal" / "resources").mkdir(parents=True, exist_ok=True)
    for exe in (layout.EXE_NAME, layout.CLI_EXE_NAME):
        (dist / f"{exe}.exe").write_bytes(b"MZ stub, not a real program\n")
    (dist / "_internal" / "resources" / "README.txt").write_text("stub payload\n", encoding="utf-8")
    return dist


def pe_header(path: Path) -> dict[str, int]:
    """Machine type and subsystem of a PE file (raises ValueError if it is not one)."""
    data = path.read_bytes()[:4096]
    if data[:2] != b"MZ":
        raise ValueError(f"{path} is not an MZ executable")
    (pe_offset,) = struct.unpack_from("<I", data, 0x3C)
    if data[pe_offset : pe_offset + 4] != b"PE\0\0":
        raise ValueError(f"{path} has no PE header")
    (machine,) = struct.unpack_from("<H", data, pe_offset + 4)
    optional = pe_offset + 24
    (subsystem,) = struct.unpack_from("<H", data, optional + 68)
    return {"machine": machine, "subsystem": subsystem}


def compile_with_stub(
    workdir: Path, makensis: str | None = None, version: str | None = None
) -> dict[str, object]:
    makensis = makensis or shutil.which("makensis")
    if makensis is None:
        raise FileNotFoundError("makensis not found (Debian: apt-get install nsis)")
    version = version or layout.project_version()
    dist = make_stub_payload(workdir)
    out = workdir / f"{layout.DIST_NAME}-{version}-windows-x64-setup-STUB.exe"
    started = time.perf_counter()
    proc = subprocess.run(
        [
            makensis,
            "-V2",
            "-WX",
            f"-DVERSION={version}",
            f"-DVERSION_QUAD={layout.version_quad(version)}",
            f"-DDISTDIR={dist}",
            f"-DOUTFILE={out}",
            str(NSI),
        ],
        capture_output=True,
        text=True,
        cwd=INSTALLER_DIR,
    )
    seconds = round(time.perf_counter() - started, 2)
    if proc.returncode != 0:
        raise RuntimeError(f"makensis failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    header = pe_header(out)
    if header["machine"] != PE_MACHINE_AMD64 or header["subsystem"] != PE_SUBSYSTEM_GUI:
        raise RuntimeError(f"{out} is not an x86-64 GUI executable: {header}")
    return {
        "installer": str(out),
        "installer_bytes": out.stat().st_size,
        "makensis_seconds": seconds,
        "makensis_output": proc.stdout.strip(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compile the NSIS script against a stub payload.")
    parser.add_argument(
        "--workdir", type=Path, help="where to put the stub and the setup (default: a temp dir)"
    )
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="ocop-nsis-"))
    workdir.mkdir(parents=True, exist_ok=True)
    report = compile_with_stub(workdir)
    report.pop("makensis_output")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
