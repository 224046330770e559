"""`ocop-desktop package …` through the real entry point, between two data folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cli import Cli
from helpers.sync import ready_dossier
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app


def test_round_trip_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli, usb = Cli(capsys, tmp_path), tmp_path / "usb"
    usb.mkdir()
    cli("commune", "init", "--role", "commune", "--unit", "00070", "--officer", "Nguyễn Văn An")
    cli("province", "init", "--role", "province", "--unit", "01", "--officer", "Trần Thị Bình")

    enroll = cli.json("commune", "package", "enroll", "-o", str(usb / "enroll.ocoppkg"))
    dry = cli.json("province", "package", "import", str(usb / "enroll.ocoppkg"), "--dry-run")
    assert dry["needs_confirmation"] and dry["fingerprint_to_confirm"] == enroll["fingerprint"]
    refused = cli("province", "package", "import", str(usb / "enroll.ocoppkg"), code=2)
    assert refused.startswith("Lỗi: Cần xác nhận dấu vân tay")
    out = cli(
        "province",
        "package",
        "import",
        str(usb / "enroll.ocoppkg"),
        "--confirm-fingerprint",
        enroll["fingerprint"],
    )
    assert "Từ nay tin cậy: UBND Phường Hoàn Kiếm (00070)" in out
    cli("province", "package", "export", "--reference", "-o", str(usb / "ref.ocoppkg"))
    province_fp = cli.json("province", "package", "keys")["signing"]["readable"]
    out = cli("commune", "package", "import", str(usb / "ref.ocoppkg"), "--confirm-fingerprint", province_fp)
    assert "Bộ tiêu chí qd26-2026" in out and "Đã cài" in out

    ctx = open_app(AppPaths.for_data_dir(tmp_path / "commune"))
    try:
        dossier_id = ready_dossier(ctx, tmp_path / "scans")
    finally:
        ctx.close()
    sent = cli.json("commune", "package", "export", "--pending", "-o", str(usb / "s1.ocoppkg"))
    assert sent["dossier_ids"] == [dossier_id] and sent["encrypted"] and sent["kind"] == "submission"

    info = cli.json("province", "package", "inspect", str(usb / "s1.ocoppkg"))
    assert info["sender_known"] and info["sender_unit"] == "00070" and info["counts"]["dossiers"] == 1
    assert "Gói hợp lệ" in cli("province", "package", "verify", str(usb / "s1.ocoppkg"))
    dry = cli.json("province", "package", "import", str(usb / "s1.ocoppkg"), "--dry-run")
    assert dry["counts"]["new"] == 1 and dry["dry_run"]
    done = cli.json("province", "package", "import", str(usb / "s1.ocoppkg"))
    assert done["applied"] and done["receipt"] == str(usb / "s1.receipt.ocoppkg")
    again = cli("province", "package", "import", str(usb / "s1.ocoppkg"))
    assert "đã được nhập trước đây" in again
    assert "Đã nhập gói" in cli("commune", "package", "import", str(usb / "s1.receipt.ocoppkg"))

    cli("province", "inbox", "return", dossier_id[:8], "--reason", "Bổ sung giấy chứng nhận ATTP.")
    cli("province", "package", "export", "--pending", "--to", "00070", "-o", str(usb / "r1.ocoppkg"))
    out = cli("commune", "package", "import", str(usb / "r1.ocoppkg"))
    assert "Cập nhật" in out
    (row,) = cli.json("commune", "dossiers", "list")
    assert row["status"] == "returned"
    status = cli.json("commune", "package", "status")
    assert status["peers"][0]["unit_code"] == "01" and status["conflicts"] == []
    assert cli.json("province", "package", "conflicts") == []

    damaged = usb / "damaged.ocoppkg"
    damaged.write_bytes((usb / "s1.ocoppkg").read_bytes()[:-100])
    err = cli("province", "package", "import", str(damaged), code=2)
    assert err.startswith("Lỗi: ") and "Không có gì thay đổi" in err
    pem = cli("commune", "package", "keys", "--pem")
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
