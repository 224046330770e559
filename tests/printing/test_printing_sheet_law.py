"""The printed sheets say what the law says, laid out so it can be read: no heading alone at the foot
of a page (all 26 sheets, read back from the PDFs), every correction and suspect value of the rule
set footnoted where it applies, and the wording of Mẫu 02/03 kept verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.pdf import page_lines, pdf_text
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import score
from ocop_desktop.printing import api
from ocop_desktop.printing.batch import render_all_blank_sheets
from ocop_desktop.printing.data_sheet import SheetData

OPTION = ("□", "■")  # every option row starts with its box
FURNITURE = ("OCOP1;", "Trang ")  # the footer of every page: QR text and page number
PREFIX = 14  # characters of a heading that identify its first line


def heading_starts(sheet: Sheet) -> set[str]:
    """How the first line of each heading row of the sheet's table begins: the column headings,
    parts, groups, criteria, the notes printed under them and the "Trường hợp" lines."""
    starts = {"Các tiêu chí", "Trường hợp"}
    for part in sheet.parts:
        starts.add(f"Phần {part.code}:")
        for group in part.groups:
            starts.add(f"{group.code}. {group.title}"[:PREFIX])
            starts |= {note[:PREFIX] for note in group.notes}
    for _, _, criterion, _ in sheet.walk():
        starts.add(f"{criterion.code}. {criterion.title}"[:PREFIX])
        starts |= {note[:PREFIX] for note in criterion.notes}
    return starts


def headings_at_foot(lines: list[str], starts: set[str]) -> list[str]:
    """The heading lines printed after the page's last option: a heading with nothing under it."""
    body = [line for line in lines if not line.startswith(FURNITURE)]
    last_option = max((i for i, line in enumerate(body) if line.startswith(OPTION)), default=-1)
    return [line for line in body[last_option + 1 :] if line.startswith(tuple(starts))]


def orphans(path: Path, sheet: Sheet) -> list[tuple[int, list[str]]]:
    starts = heading_starts(sheet)
    pages = page_lines(path)
    found = [(n, headings_at_foot(lines, starts)) for n, lines in enumerate(pages[:-1], start=1)]
    return [(n, lines) for n, lines in found if lines]


def test_the_reader_finds_a_heading_left_at_the_foot(ruleset) -> None:  # type: ignore[no-untyped-def]
    """The check below can fail: a page that ends on "2.3. Phong cách…" (as set 1 did) is caught."""
    starts = heading_starts(ruleset.sheet(1))
    page = ["□ Đóng gói sáng tạo, bao bì đẹp***", "2", "2.3. Phong cách, ghi nhãn hàng hóa", "3", "Trang 2/7"]
    assert headings_at_foot(page, starts) == ["2.3. Phong cách, ghi nhãn hàng hóa"]
    page = ["□ Ứng dụng công nghệ tiên tiến trong sơ chế, bảo quản (nâng cao chất lượng sản", "quản...)*****"]
    assert headings_at_foot(page, starts) == []


def test_no_sheet_leaves_a_heading_alone_at_the_foot_of_a_page(ruleset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = render_all_blank_sheets(ruleset, tmp_path / "blank")
    assert len(paths) == 26
    found = {sheet.number: orphans(path, sheet) for sheet, path in zip(ruleset.sheets, paths, strict=True)}
    assert {n: pages for n, pages in found.items() if pages} == {}
    assert all(
        len(page_lines(path)) >= 4 for path in paths
    )  # long enough to break: the check means something


@pytest.mark.parametrize("number", [1, 16, 26])
def test_a_filled_sheet_keeps_its_headings_with_their_options(ruleset, tmp_path: Path, number: int) -> None:  # type: ignore[no-untyped-def]
    sheet = ruleset.sheet(number)
    answers = {leaf.code: leaf.choices(1)[-1] for leaf in sheet.leaves()}
    out = api.render("sheet", SheetData(sheet=sheet, result=score(sheet, answers)), tmp_path / "f.pdf")
    assert orphans(out, sheet) == []


def _footnotes(text: str) -> list[str]:
    return [part.strip() for part in text.split("Giá trị nghi vấn – ")[1:]]


def test_set_26_part_a_points_are_footnoted_like_the_other_corrections(ruleset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = api.render("sheet", SheetData(sheet=ruleset.sheet(26)), tmp_path / "s26.pdf")
    text = pdf_text(out)
    assert "SẢN PHẨM VÀ SỨC MẠNH CỘNG ĐỒNG (40 Điểm)(1)" in text  # the mark on the part's heading
    assert (
        '(1) Giá trị nghi vấn – tiêu đề Phần A: Tiêu đề Phần A ghi "35 Điểm" nhưng cột điểm và tổng các '
        "nhóm là 40; dùng 40." in text
    )
    assert "(2) Giá trị nghi vấn – tiêu chí 8, 9, 15: Phương án chia thành hai trường hợp" in text
    assert text.count("(2)") >= 4  # one footnote, marked on 8, 9 and 15


def test_suspect_values_and_corrections_are_footnoted_where_they_apply(ruleset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    texts = {
        n: pdf_text(api.render("sheet", SheetData(sheet=ruleset.sheet(n)), tmp_path / f"{n}.pdf"))
        for n in (1, 4, 7, 23)
    }
    assert "3.1. Loại hình tổ chức sản xuất - kinh doanh(1)" in texts[7]
    assert "(1) Giá trị nghi vấn – tiêu chí 3.1: Phương án 2" in texts[7] and "CHƯA sửa" in texts[7]
    assert "(1) Giá trị nghi vấn – tiêu chí 6.2: Hai phương án đầu đều 1 điểm" in texts[23]
    assert '(2) Giá trị nghi vấn – tiêu chí 9: Điểm tối đa in là "4 1"' in texts[23]
    assert "1. Bộ sản phẩm: Rau, củ, quả, hạt tươi(1)" in texts[1]
    assert "(1) Đã hiệu chỉnh – tiêu đề phiếu: Dòng lặp lại liền nhau" in texts[1]
    # the corrected option keeps its own footnote, and the correction is not footnoted twice
    assert "(1) Tiêu chí 7: Quyết định in “13”, áp dụng 3 điểm" in texts[4]
    assert "Đã hiệu chỉnh – tiêu chí 7" not in texts[4] and "(2)" not in texts[4]


@pytest.mark.parametrize("form", ["mau02", "mau03"])
def test_mau_02_and_03_ask_for_the_sex_in_the_official_words(form: str, tmp_path: Path) -> None:
    text = pdf_text(api.render(form, api.blank(form), tmp_path / f"{form}.pdf"))
    assert "- Giới tính: (Nam/nữ) …" in text


def test_a_sheet_stopped_by_its_answers_names_the_stop_in_words(ruleset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = ruleset.sheet(16)
    answers = {leaf.code: leaf.choices(0)[-1] for leaf in sheet.leaves()}
    answers["6.3"] = 0  # a sensory criterion at 0 points
    result = score(sheet, answers)
    assert result.stops == ("sensory_zero",)
    text = pdf_text(api.render("sheet", SheetData(sheet=sheet, result=result), tmp_path / "s16.pdf"))
    assert "Kết quả: sản phẩm bị loại (Được 0 điểm tại một trong các chỉ tiêu cảm quan)" in text
    assert "sensory_zero" not in text
