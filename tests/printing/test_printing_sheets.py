"""Scoring sheets: all 26 print blank in the official layout; a filled sheet shows the chosen
options, the points, part totals, total and star computed by the scoring engine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers.pdf import assert_sound_pdf, decode_qr, page_texts, pdf_text
from ocop_desktop.domain.errors import Cancelled
from ocop_desktop.domain.rules.scoring import score
from ocop_desktop.printing import api
from ocop_desktop.printing.batch import render_all_blank_sheets
from ocop_desktop.printing.data import Ref, Signed
from ocop_desktop.printing.data_sheet import SheetData, SheetHeader
from ocop_desktop.printing.qr import parse_payload


def answers_for(sheet, low_every: int = 3) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Plausible answers: the top option mostly, one below it every few criteria."""
    out = {}
    for i, leaf in enumerate(sheet.leaves()):
        top = len(leaf.options) - 1
        out[leaf.code] = top if i % low_every else max(top - 1, 0)
    return out


def test_blank_sheet_set_1_layout(ruleset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = SheetData(sheet=ruleset.sheet(1))
    out = api.render("sheet", data, tmp_path / "s1.pdf")
    assert_sound_pdf(out)
    text = pdf_text(out)
    for expected in (
        "BỘ TIÊU CHÍ ĐÁNH GIÁ SẢN PHẨM OCOP",
        "(Kiêm phiếu đánh giá sản phẩm OCOP)",
        "1. Bộ sản phẩm: Rau, củ, quả, hạt tươi",
        "(Sản phẩm: Thực phẩm. Nhóm: Thực phẩm tươi sống)",
        "Tên sản phẩm:",
        "Mã số sản phẩm:",
        "Tên chủ thể sản xuất:",
        "Số điện thoại:",
        "Địa chỉ:",
        "Hồ sơ bị loại khi:",
        "Phần A:",
        "SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG (40 Điểm)",
        "1. TỔ CHỨC SẢN XUẤT",
        "1.1. Nguồn gốc sản phẩm",
        "Các tiêu chí",
        "Thang điểm",
        "TỔNG CỘNG",
        "Ghi chú: Dấu sao là yêu cầu tối thiểu",
        "Ý kiến của người đánh giá",
        "Người đánh giá",
        "(Ký và ghi rõ họ tên)",
    ):
        assert expected in text, expected
    assert "□ Ứng dụng công nghệ tiên tiến" in text
    assert "ổn định trong quá trình bảo quản...)*****" in text  # star marker printed as in the decision
    assert "tiêu thụ****" in text
    assert "■" not in text  # nothing ticked on a blank sheet
    fields = parse_payload(decode_qr(out, 1)[0])
    assert fields["F"] == "sheet" and fields["S"] == "qd26-2026/1"


def test_filled_sheet_shows_choices_totals_and_star(ruleset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = ruleset.sheet(1)
    result = score(sheet, answers_for(sheet))
    data = SheetData(
        sheet=sheet,
        ref=Ref("d-001", 7),
        result=result,
        header=SheetHeader(
            "Cam sành Hàm Yên",
            "08-02500-012-2026",
            "HTX Cam & Bưởi <Hàm Yên>",
            "0987654321",
            "xã Hàm Yên, tỉnh Tuyên Quang",
        ),
        remarks="Đạt yêu cầu.",
        evaluator=Signed("Tuyên Quang", dt.date(2026, 6, 1), "Lê Văn Cường"),
    )
    out = api.render("sheet", data, tmp_path / "s1f.pdf")
    assert_sound_pdf(out)
    text = pdf_text(out)
    assert "HTX Cam & Bưởi <Hàm Yên>" in text and "08-02500-012-2026" in text
    assert "Điểm đánh giá" in text
    assert text.count("■") == len(result.answers)
    assert f"Tổng điểm: {result.total}/100." in text
    assert f"Kết quả xếp hạng: {result.star} sao ({'*' * result.star})." in text
    assert f"TỔNG CỘNG 100 {result.total}" in text
    for part, points in result.parts.items():
        assert (
            f"({ {'A': 40, 'B': 25, 'C': 35}[part] } Điểm) { {'A': 40, 'B': 25, 'C': 35}[part] } {points}"
            in text
        )
    assert "Tuyên Quang, ngày 01 tháng 6 năm 2026" in text


def test_eliminated_sheet_says_so(ruleset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = ruleset.sheet(1)
    result = score(sheet, answers_for(sheet), knockouts=["forged_dossier"])
    out = api.render("sheet", SheetData(sheet=sheet, result=result), tmp_path / "x.pdf")
    assert "Kết quả: sản phẩm bị loại (Giả mạo hồ sơ)" in pdf_text(out)


def test_tourism_sheet_prints_alternative_cases(ruleset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = ruleset.sheet(26)
    out = api.render("sheet", SheetData(sheet=sheet), tmp_path / "s26.pdf")
    text = pdf_text(out)
    assert "Trường hợp 1: Dịch vụ du lịch do cộng đồng cung cấp" in text
    assert "Trường hợp 2: Điểm dịch vụ du lịch" in text
    assert (
        "SẢN PHẨM VÀ SỨC MẠNH CỘNG ĐỒNG (40 Điểm)" in text
    )  # the decision's "(35 Điểm)" typo is not printed
    answers = answers_for(sheet)
    answers["8"] = 3  # case 2, top option
    result = score(sheet, answers)
    text = pdf_text(api.render("sheet", SheetData(sheet=sheet, result=result), tmp_path / "s26f.pdf"))
    assert f"Tổng điểm: {result.total}/100." in text


def test_corrected_points_are_footnoted(ruleset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text(api.render("sheet", SheetData(sheet=ruleset.sheet(11)), tmp_path / "s11.pdf"))
    assert "Tiêu chí 6.1.1: Quyết định in “11”, áp dụng 1 điểm" in text


def test_all_26_blank_sheets_in_one_pdf(ruleset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[float, str]] = []

    class Progress:
        cancelled = False

        def set(self, fraction: float, text: str) -> None:
            calls.append((fraction, text))

    out = render_all_blank_sheets(ruleset, tmp_path / "all.pdf", Progress())
    assert out == [tmp_path / "all.pdf"]
    assert_sound_pdf(out[0])
    text = pdf_text(out[0])
    for sheet in ruleset.sheets:
        assert f"{sheet.number}. Bộ sản phẩm: {sheet.name}" in text
        assert f"S=qd26-2026/{sheet.number};" in text
    assert calls[-1][0] == 1.0 and len(calls) >= 27
    assert [c[0] for c in calls] == sorted(c[0] for c in calls)
    assert "Trang 1/" in page_texts(out[0])[0]


def test_all_blank_sheets_to_a_folder(ruleset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = render_all_blank_sheets(ruleset, tmp_path / "sheets")
    assert len(paths) == 26 and all(p.exists() and p.read_bytes().startswith(b"%PDF") for p in paths)


@pytest.mark.parametrize("target", ["all.pdf", "folder"])
def test_cancel_leaves_no_file(ruleset, tmp_path: Path, target: str) -> None:  # type: ignore[no-untyped-def]
    class Progress:
        cancelled = False
        seen = 0

        def set(self, fraction: float, text: str) -> None:
            self.seen += 1
            self.cancelled = self.seen >= 5

    with pytest.raises(Cancelled):
        render_all_blank_sheets(ruleset, tmp_path / target, Progress())
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]
