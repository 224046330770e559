"""`register template` and `register import [--dry-run] [--json]` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cli import Cli


def test_template_dry_run_import_and_rerun(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cli = Cli(capsys, tmp_path)
    cli("commune", "init", "--role", "commune", "--unit", "00070", "--officer", "Nguyễn Văn An")
    template = tmp_path / "mau.xlsx"
    assert "Đã ghi tệp mẫu" in cli("commune", "register", "template", str(template))
    dry = cli.json("commune", "register", "import", str(template), "--dry-run")
    assert dry["dry_run"] and dry["counts"] == {"create": 1, "update": 0, "skip": 0, "refuse": 0}
    assert "Tạo giấy chứng nhận 3 sao" in dry["rows"][0]["actions"][-1]
    assert "Đã nhập: tạo mới 1" in cli("commune", "register", "import", str(template))
    again = cli.json("commune", "register", "import", str(template))
    assert again["counts"] == {"create": 0, "update": 0, "skip": 1, "refuse": 0}


def test_a_broken_file_is_an_error_in_words(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cli = Cli(capsys, tmp_path)
    cli("p", "init", "--role", "province", "--unit", "01", "--officer", "Trần Thị Bình")
    bad = tmp_path / "so.xlsx"
    bad.write_text("không phải excel", encoding="utf-8")
    assert "Lỗi: Tệp so.xlsx không phải bảng tính" in cli("p", "register", "import", str(bad), code=2)


def test_report_commands_after_an_import(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cli = Cli(capsys, tmp_path)
    cli("p", "init", "--role", "commune", "--unit", "00070", "--officer", "Nguyễn Văn An")
    template = tmp_path / "mau.xlsx"
    cli("p", "register", "template", str(template))
    cli("p", "register", "import", str(template))
    certified = cli.json("p", "report", "certified", "--on", "01/12/2025")
    by_star = next(t for t in certified["tables"] if t["key"] == "by_star")
    assert by_star["rows"] == [["3 sao", 1], ["4 sao", 0], ["5 sao", 0]]
    coverage = cli.json("p", "report", "coverage", "--on", "2025-12-01")
    assert coverage["figures"]["Xã/phường có sản phẩm"] == 1
    expiring = cli.json("p", "report", "expiring", "--on", "01/09/2026")  # valid until 14/11/2026
    assert [r[1] for r in expiring["tables"][0]["rows"]] == ["Mật ong rừng Thanh Bình"]
    assert "Độ phủ" in cli("p", "report", "coverage")
    with pytest.raises(SystemExit):  # argparse: usage and the reason on stderr, exit 2
        cli("p", "report", "coverage", "--on", "31/02/2026")
    assert "không hợp lệ (dd/mm/yyyy)" in capsys.readouterr().err
