"""The recipe of docs/sync-package.md: a package checked with `unzip`, `sed`, `sha256sum` and
`openssl` alone, the sender's key taken from its enrollment pack. Skipped where a tool is missing."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from helpers.sync import Pair, ready_dossier
from ocop_desktop.services.sync.service import PackageService

TOOLS = ("openssl", "sha256sum", "sed", "base64", "bash")
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS), reason="needs openssl and coreutils"
)

# The commands as printed in the docs (keep in step with docs/sync-package.md, "Checking a package by hand").
KEY_FROM_ENROLLMENT = r"""
B64=$(sed -n '/"algorithm": "ed25519"/,/}/s/.*"public_key": "\([^"]*\)".*/\1/p' payload.json)
(printf '\060\052\060\005\006\003\053\145\160\003\041\000'; printf %s "$B64" | base64 -d) > key.der
openssl pkey -pubin -inform DER -in key.der -out key.pem
"""
VERIFY = r"""
openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in manifest.json -sigfile manifest.sig
sed -n 's/^ *{"name": "\([^"]*\)", "size": [0-9]*, "sha256": "\([0-9a-f]\{64\}\)".*/\2  \1/p' manifest.json > SHA256SUMS
sha256sum -c SHA256SUMS
"""  # noqa: E501 - the recipe as docs/sync-package.md prints it


def _run(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, capture_output=True, text=True, timeout=60)


def _extract(package: Path, folder: Path) -> Path:
    folder.mkdir()
    with zipfile.ZipFile(package) as zf:  # `unzip -q package` where unzip is installed; same result
        zf.extractall(folder)
    return folder


def test_a_package_is_checked_with_openssl_and_sha256sum_alone(pair: Pair, tmp_path: Path) -> None:
    enrollment = PackageService(pair.commune).export_enrollment(tmp_path / "enroll.ocoppkg")
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = PackageService(pair.commune).export_dossiers(tmp_path / "s.ocoppkg", pending=True)

    keys = _extract(enrollment.path, tmp_path / "enroll")
    made = _run(KEY_FROM_ENROLLMENT, keys)
    assert made.returncode == 0, made.stderr
    assert (keys / "key.pem").read_text() == PackageService(pair.commune).signing_key_pem()
    # The enrollment pack checks itself with the key it carries (then compare the fingerprint by phone).
    assert _run(VERIFY, keys).returncode == 0

    folder = _extract(sent.path, tmp_path / "package")
    shutil.copy(keys / "key.pem", folder / "key.pem")
    ok = _run(VERIFY, folder)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Signature Verified Successfully" in ok.stdout
    listed = json.loads((folder / "manifest.json").read_text())["files"]
    assert ok.stdout.count(": OK") == len(listed) >= 3
    fingerprint = subprocess.run(
        "openssl pkey -pubin -in key.pem -outform DER | tail -c 32 | sha256sum",
        shell=True,
        cwd=folder,
        capture_output=True,
        text=True,
    ).stdout.split()[0]
    assert fingerprint == json.loads((folder / "manifest.json").read_text())["sender"]["signing_key"]

    record = next((folder / "records").iterdir())
    record.write_bytes(record.read_bytes()[:-1] + b"\0")  # any change to a file: sha256sum says so
    bad = _run(VERIFY, folder)
    assert bad.returncode != 0 and "FAILED" in bad.stdout
    (folder / "manifest.json").write_text(
        (folder / "manifest.json").read_text().replace('"sequence": ', '"sequence": 9')
    )
    assert "Signature Verification Failure" in _run(VERIFY, folder).stdout
