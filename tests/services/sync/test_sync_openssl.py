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

# The command-line tools of the recipe, with the Debian package that brings each one.
TOOLS = {
    "openssl": "openssl",
    "sha256sum": "coreutils",
    "base64": "coreutils",
    "od": "coreutils",
    "sed": "sed",
    "bash": "bash",
}
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason=f"{', '.join(MISSING)} not installed "
    f"(Debian: apt-get install {' '.join(sorted({TOOLS[t] for t in MISSING}))})",
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
"""  # noqa: E501 (the sed line is the one printed in the docs)
OPEN_SCANS = r"""
hex() { od -An -v -tx1 | tr -d ' \n'; }
field() { sed -n "s/.*\"$1\": \"\([^\"]*\)\".*/\1/p" manifest.json; }
cut -c7- office-encryption.secret | openssl pkey -in office-encryption.pem -passin stdin -out me.pem
(printf '\060\052\060\005\006\003\053\145\156\003\041\000'; field ephemeral_public_key | base64 -d) > eph.der
openssl pkey -pubin -inform DER -in eph.der -out eph.pem
openssl pkeyutl -derive -inkey me.pem -peerkey eph.pem -out shared.bin
SALT=$(field ephemeral_public_key | base64 -d | hex)$(openssl pkey -in me.pem -pubout -outform DER | tail -c 32 | hex)
KEK=$(openssl kdf -binary -keylen 32 -kdfopt digest:SHA256 -kdfopt hexkey:$(hex < shared.bin) \
      -kdfopt hexsalt:$SALT -kdfopt "info:ocop-package/1 content-key wrap" HKDF | hex)
KEY=$(field wrapped_key | base64 -d | head -c 32 |
      openssl enc -d -aes-256-ctr -K $KEK -iv $(field nonce | base64 -d | hex)00000002 | hex)
for f in blobs/*.enc; do
  tail -c +13 "$f" | head -c -16 |
    openssl enc -d -aes-256-ctr -K $KEY -iv $(head -c 12 "$f" | hex)00000002 > "${f%.enc}"
  echo "$(basename "${f%.enc}")  ${f%.enc}"
done > PLAIN.SHA256SUMS
sha256sum -c PLAIN.SHA256SUMS
"""  # noqa: E501 (as printed in the docs, "Opening the scans by hand")


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


def test_the_recipient_opens_the_scans_with_openssl_alone(pair: Pair, tmp_path: Path) -> None:
    """Format 2: the scans are unreadable in the archive; the recipient's key files and openssl open
    them, and each plain scan's SHA-256 is its name. The sender's own key cannot."""
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = PackageService(pair.commune).export_dossiers(tmp_path / "s.ocoppkg", pending=True)
    folder = _extract(sent.path, tmp_path / "package")
    enc = sorted((folder / "blobs").iterdir())
    assert enc and all(p.suffix == ".enc" and not p.read_bytes().startswith(b"%PDF") for p in enc)
    keys = pair.province.paths.keys_dir
    for name in ("office-encryption.pem", "office-encryption.secret"):
        shutil.copy(keys / name, folder / name)
    opened = _run(OPEN_SCANS, folder)
    assert opened.returncode == 0, opened.stdout + opened.stderr
    assert opened.stdout.count(": OK") == len(enc)
    held = pair.commune.paths.blobs_dir
    for path in enc:
        plain = path.with_suffix("")
        assert plain.read_bytes().startswith(b"%PDF")
        assert plain.read_bytes() == next(held.rglob(plain.name)).read_bytes()

    other = _extract(sent.path, tmp_path / "other")
    for name in ("office-encryption.pem", "office-encryption.secret"):  # a key the package is not for
        shutil.copy(pair.commune.paths.keys_dir / name, other / name)
    wrong = _run(OPEN_SCANS, other)
    assert wrong.returncode != 0 and wrong.stdout.count("FAILED") == len(enc)
