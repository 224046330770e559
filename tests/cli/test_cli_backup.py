"""`ocop-desktop backup create | verify | restore` with a passphrase file, as a script would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.sync import Pair, logical_dump
from ocop_desktop.main import main
from ocop_desktop.paths import uses_server


def _run(capsys: pytest.CaptureFixture[str], data: Path, *args: str, code: int = 0) -> str:
    result = main(["--data-dir", str(data), "backup", *args])
    out, err = capsys.readouterr()
    assert result == code, out + err
    return out if code == 0 else err


def test_create_verify_restore_from_the_command_line(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text("mật khẩu của tổ OCOP xã\n", encoding="utf-8")
    usb = tmp_path / "stick"
    usb.mkdir()
    commune = pair.commune.paths.data_dir
    made = json.loads(_run(capsys, commune, "create", str(usb), "--passphrase-file", str(secret), "--json"))
    backup = Path(made["path"])
    assert backup.parent == usb and made["office_role"] == "commune" and made["counts"]["officer"] == 1

    out = _run(capsys, commune, "verify", str(backup), "--passphrase-file", str(secret))
    assert "nguyên vẹn" in out and "Phường Hoàn Kiếm" in out

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("không phải mật khẩu này\n", encoding="utf-8")
    err = _run(capsys, tmp_path / "new", "restore", str(backup), "--passphrase-file", str(wrong), code=2)
    assert "Mật khẩu không đúng" in err and not (tmp_path / "new" / "ocop.sqlite3").exists()  # (logs/ aside)

    out = _run(capsys, tmp_path / "new", "restore", str(backup), "--passphrase-file", str(secret))
    assert "Đã khôi phục" in out and "bảo vệ lại cho máy này" in out
    assert logical_dump(tmp_path / "new" / "ocop.sqlite3") == logical_dump(commune / "ocop.sqlite3")

    # over the province's data: refused with an account of what is there, then done with --replace
    province = pair.province.paths.data_dir
    pair.province.close()
    err = _run(capsys, province, "restore", str(backup), "--passphrase-file", str(secret), code=2)
    if uses_server(province):  # a desk on a server is backed up with pg_dump: refused, in one line
        assert "pg_dump" in err and "Không có gì bị thay đổi" in err and len(err.splitlines()) == 1
        return
    assert "đã có dữ liệu" in err and "Cơ quan:" in err and "--replace" in err
    out = _run(capsys, province, "restore", str(backup), "--passphrase-file", str(secret), "--replace")
    assert "Dữ liệu đã bị thay thế" in out and "được giữ lại tại" in out
    kept = [p for p in (province / "backups").iterdir() if p.name.startswith("thay-the-")]
    assert len(kept) == 1 and (kept[0] / "ocop.sqlite3").exists()


def test_a_passphrase_too_short_makes_no_file(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text("ngắn\n", encoding="utf-8")
    err = _run(
        capsys, pair.commune.paths.data_dir, "create", str(tmp_path), "--passphrase-file", str(secret), code=2
    )
    assert "ít nhất 10 ký tự" in err and not list(tmp_path.glob("*.ocopbak"))
