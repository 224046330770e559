"""`ocop-desktop print …` from the command line (no database needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.pdf import pdf_text
from ocop_desktop.main import main


@pytest.mark.parametrize(
    "form", ["mau01", "mau02", "mau03", "checklist", "receipt", "certificate", "results", "council-matrix"]
)
def test_blank_forms(form: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{form}.pdf"
    assert main(["--data-dir", str(tmp_path / "data"), "print", form, "-o", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["files"] == [str(out)]
    assert out.read_bytes().startswith(b"%PDF")


def test_sheet_needs_a_set(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--data-dir", str(tmp_path), "print", "sheet", "-o", str(tmp_path / "s.pdf")]) == 2
    assert "--set" in capsys.readouterr().err
    assert (
        main(["--data-dir", str(tmp_path), "print", "sheet", "--set", "99", "-o", str(tmp_path / "s.pdf")])
        == 2
    )
    assert not (tmp_path / "s.pdf").exists()


def test_sheet_by_number_and_code(tmp_path: Path) -> None:
    assert (
        main(["--data-dir", str(tmp_path), "print", "sheet", "--set", "I.5.a", "-o", str(tmp_path / "s.pdf")])
        == 0
    )
    assert "11. Bộ sản phẩm: Chè tươi, chè chế biến" in pdf_text(tmp_path / "s.pdf")


def test_checklist_for_a_set(tmp_path: Path) -> None:
    assert (
        main(
            ["--data-dir", str(tmp_path), "print", "checklist", "--set", "18", "-o", str(tmp_path / "c.pdf")]
        )
        == 0
    )
    text = pdf_text(tmp_path / "c.pdf")
    assert "GMP" in text and "Bắt buộc" in text
    assert "an toàn thực phẩm (hoặc giấy tờ tương đương" not in text  # food-safety item is for sets 1-17


def test_unknown_dossier_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert (
        main(
            ["--data-dir", str(tmp_path), "print", "mau01", "--dossier", "abc", "-o", str(tmp_path / "x.pdf")]
        )
        == 2
    )
    assert "Không tìm thấy hồ sơ “abc”" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
