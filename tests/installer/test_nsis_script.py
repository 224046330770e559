"""installer/ocop_desktop.nsi compiles (with makensis, against a stub payload) and keeps the
promises of issue 8: per-user, no admin, 64-bit, Vietnamese first, user data kept."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NSI = ROOT / "installer" / "ocop_desktop.nsi"


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


nsis_check = _load("ocop_installer_nsis_check", ROOT / "installer" / "nsis_check.py")
needs_makensis = pytest.mark.skipif(
    shutil.which("makensis") is None, reason="makensis not installed (Debian: apt-get install nsis)"
)


@needs_makensis
def test_script_compiles_to_a_64bit_gui_setup(tmp_path: Path) -> None:
    report = nsis_check.compile_with_stub(tmp_path)
    setup = Path(str(report["installer"]))
    assert setup.is_file() and setup.stat().st_size > 50_000
    header = nsis_check.pe_header(setup)
    assert header == {"machine": nsis_check.PE_MACHINE_AMD64, "subsystem": nsis_check.PE_SUBSYSTEM_GUI}


@needs_makensis
def test_script_refuses_a_missing_payload(tmp_path: Path) -> None:
    import subprocess

    proc = subprocess.run(
        ["makensis", "-V2", f"-DDISTDIR={tmp_path / 'nothing'}", f"-DOUTFILE={tmp_path / 'x.exe'}", str(NSI)],
        capture_output=True,
        text=True,
        cwd=NSI.parent,
    )
    assert proc.returncode != 0
    assert "build the bundle first" in proc.stdout + proc.stderr
    assert not (tmp_path / "x.exe").exists()


def _code(text: str) -> str:
    return "\n".join(
        line.split(";", 1)[0] if not line.lstrip().startswith(("LangString", "!define MUI")) else line
        for line in text.splitlines()
    )


def test_script_is_per_user_64bit_unicode_and_vietnamese_first() -> None:
    text = _code(NSI.read_text(encoding="utf-8"))
    for directive in (
        "Unicode true",
        "Target amd64-unicode",
        "RequestExecutionLevel user",
        'InstallDir "$LOCALAPPDATA\\Programs\\${APPNAME}"',
    ):
        assert directive in text
    assert text.index('MUI_LANGUAGE "Vietnamese"') < text.index('MUI_LANGUAGE "English"')
    assert "HKLM" not in text, "a per-user install writes only HKCU"
    for value in (
        "DisplayName",
        "DisplayVersion",
        "Publisher",
        "UninstallString",
        "QuietUninstallString",
        "DisplayIcon",
        "EstimatedSize",
    ):
        assert re.search(rf'HKCU "\$\{{UNINST_KEY\}}" "{value}"', text), value
    assert '"$SMPROGRAMS\\${APPNAME}.lnk"' in text and '"$DESKTOP\\${APPNAME}.lnk"' in text


def test_uninstaller_keeps_user_data_and_says_so() -> None:
    text = _code(NSI.read_text(encoding="utf-8"))
    uninstall = text[text.index('Section "Uninstall"') :]
    assert 'RMDir /r "$INSTDIR"' not in uninstall, "never a recursive delete of the install dir"
    assert "OCOP\\OCOP Desktop" not in uninstall.split("SectionEnd")[0].replace("OCOP Desktop Installer", "")
    keep_vi = re.search(r"LangString UN_KEEP_DATA \$\{LANG_VIETNAMESE\} \"(.+)\"", text)
    keep_en = re.search(r"LangString UN_KEEP_DATA \$\{LANG_ENGLISH\} \"(.+)\"", text)
    assert (
        keep_vi and "GIỮ LẠI" in keep_vi.group(1) and "$LOCALAPPDATA\\OCOP\\OCOP Desktop" in keep_vi.group(1)
    )
    assert keep_en and "KEPT" in keep_en.group(1)
    assert 'MUI_UNCONFIRMPAGE_TEXT_TOP "$(UN_KEEP_DATA)"' in text
