"""`package import --confirm-key-change`: a known office's new key on the command line (issue 19,
docs/sync-package.md §5): the dry run shows it as a key change, the ordinary confirmation is
refused, and only both fingerprints apply it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cli import Cli
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.paths import AppPaths


def test_a_key_change_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli, usb = Cli(capsys, tmp_path), tmp_path / "usb"
    usb.mkdir()
    cli("commune", "init", "--role", "commune", "--unit", "00070", "--officer", "Nguyễn Văn An")
    cli("province", "init", "--role", "province", "--unit", "01", "--officer", "Trần Thị Bình")
    old = cli.json("commune", "package", "enroll", "-o", str(usb / "e1.ocoppkg"))["fingerprint"]
    cli("province", "package", "import", str(usb / "e1.ocoppkg"), "--confirm-fingerprint", old)
    keys = AppPaths.for_data_dir(tmp_path / "commune").keys_dir
    for path in keys.iterdir():  # the commune's PC was lost: new keys, same office
        path.unlink()
    KeyStore(keys).create_signing_key()
    new = cli.json("commune", "package", "enroll", "-o", str(usb / "e2.ocoppkg"))["fingerprint"]
    pack = str(usb / "e2.ocoppkg")

    dry = cli("province", "package", "import", pack, "--dry-run")
    assert (
        "THAY KHÓA của “UBND Phường Hoàn Kiếm” (không phải cơ quan mới)" in dry and "Cơ quan mới" not in dry
    )
    assert f"dấu vân tay cũ:  {old}" in dry and f"dấu vân tay mới: {new}" in dry
    assert f'--confirm-key-change "{old}"' in dry
    change = cli.json("province", "package", "import", pack, "--dry-run")["key_change"]
    assert (change["old_fingerprint"], change["new_fingerprint"]) == (old, new)

    err = cli("province", "package", "import", pack, "--confirm-fingerprint", new, code=2)
    assert err.startswith("Lỗi: ") and "thay khóa của “UBND Phường Hoàn Kiếm”" in err and old in err
    for wrong in ("import", "--dry-run"):
        args = [pack, "--confirm-fingerprint", new, "--confirm-key-change", new]
        err = cli("province", "package", "import", *args, *([wrong] if wrong != "import" else []), code=2)
        assert "không khớp" in err
    done = cli(
        "province", "package", "import", pack, "--confirm-fingerprint", new, "--confirm-key-change", old
    )
    assert f"Đã thay khóa của “UBND Phường Hoàn Kiếm”: khóa cũ {old} không còn được tin cậy" in done
    again = cli("province", "package", "import", str(usb / "e1.ocoppkg"), "--confirm-fingerprint", old)
    assert "đã được nhập trước đây" in again  # the old pack, imported before: changes nothing
