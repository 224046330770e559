"""A long report on paper (issue 14): the rows paged by `printing/report_rows.py` keep the layout of the
Paragraph table they replace (same line breaks, same row heights), and a 2,000-row PDF read back has every
row once, the header row and the page number on every page, the total on the last; progress is reported
and a cancel writes nothing."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from PIL import ImageChops
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from ocop_desktop.domain.errors import Cancelled
from ocop_desktop.printing import report as report_module
from ocop_desktop.printing.blocks import GROUP_ROW_SHADE, cells, grid
from ocop_desktop.printing.fonts import SERIF, SERIF_BOLD, register_fonts
from ocop_desktop.printing.markup import esc
from ocop_desktop.printing.page import LANDSCAPE_WIDTH
from ocop_desktop.printing.report import ReportData, ReportTableData, _widths, render_report, text
from ocop_desktop.printing.report_rows import SIDE_PADDING, TOTAL_SHADE, Wrapper, body
from ocop_desktop.printing.styles import styles
from ocop_desktop.services.reports.export import write_pdf, write_xlsx
from tests.helpers.long_report import EXPIRING_HEADERS, code, expiring_rows, long_report
from tests.helpers.pdf import assert_sound_pdf, page_lines, page_texts

ROWS = 2000
LONG_NAME = "Hợp tác xã Dịch vụ Nông nghiệp và Du lịch Cộng đồng Thôn Bản Mế Xã Tân Lập Tỉnh Lào Cai"


def _data(rows: int, total: bool = True) -> ReportData:
    body_rows = list(expiring_rows(rows))
    body_rows[5] = (*body_rows[5][:2], LONG_NAME, *body_rows[5][3:])
    sums = ("Tổng cộng", None, None, None, None, None, None, None, None, rows) if total else None
    return ReportData(
        key="expiring",
        title="Giấy chứng nhận sắp hết hạn và đã hết hạn",
        agency="Cơ quan thường trực OCOP Đắk Lắk",
        place="Đắk Lắk",
        scope="Tỉnh Đắk Lắk",
        on=date(2026, 12, 4),
        made_on=date(2026, 12, 4),
        figures=(("Đến kỳ đánh giá lại", rows),),
        tables=(
            ReportTableData("Đến kỳ đánh giá lại (cửa sổ đã mở)", EXPIRING_HEADERS, tuple(body_rows), sums),
        ),
    )


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "expiring.pdf"
    path.write_bytes(render_report(_data(ROWS)))
    return path


def test_every_row_once_the_header_and_the_page_number_on_every_page(long_pdf: Path) -> None:
    assert_sound_pdf(long_pdf)
    pages = page_texts(long_pdf)
    assert len(pages) > 50  # the rows run over many pages
    for n, page in enumerate(pages, 1):
        assert page.count("Mã sản phẩm") == 1, n  # the header row, repeated
        assert "Hiệu lực đến" in page and "Hạng sao" in page, n
        assert page.rstrip().endswith(f"Trang {n}/{len(pages)}"), n
    found = re.findall(r"66-\d{5}-\d{3}-2025", " ".join(pages))
    assert found == [code(i) for i in range(ROWS)]  # every row once, in order
    assert "Tổng cộng" not in " ".join(pages[:-1]) and "Tổng cộng" in pages[-1]
    assert "2.000" in pages[-1]  # the total, Vietnamese style


def test_a_long_name_wraps_inside_its_cell(long_pdf: Path) -> None:
    lines = page_lines(long_pdf)[0]
    held = [line for line in lines if any(w in line for w in ("Hợp tác xã Dịch vụ", "Du lịch", "Lào Cai"))]
    assert len(held) >= 3  # on several lines, none of them the whole name
    assert all(LONG_NAME not in line for line in lines)
    words = " ".join(" ".join(lines).split())
    for word in LONG_NAME.split():
        assert word in words


def test_rows_are_as_tall_as_the_paragraph_table_made_them() -> None:
    """The plain lines give every row the height ReportLab's Table of Paragraphs computed for it, so the
    pages break where they did."""
    data = _data(300)
    table = data.tables[0]
    st_ = styles(12)
    widths = _widths(table, LANDSCAPE_WIDTH)
    rows = [*table.rows, table.total]
    paragraphs = grid(
        [cells(st_, *table.headers, bold=True, center_from=0)]
        + [cells(st_, *(text(v) for v in r), bold=r is table.total) for r in rows],
        widths,
    )
    paragraphs.wrap(sum(widths), 1e9)
    plain = body(
        table.headers,
        [[text(v) for v in r] for r in table.rows],
        [text(v) for v in rows[-1]],
        widths,
        frozenset(),
        size=st_.cell.fontSize,
        leading=st_.cell.leading,
    )
    heights = [b - a for a, b in zip(plain.tops, plain.tops[1:], strict=False)]
    assert [plain.head_height, *heights] == pytest.approx(paragraphs._rowHeights)
    assert max(heights) > min(heights)  # some rows wrapped


WORDS = [
    "Hợp",
    "tác",
    "xã",
    "Nông",
    "nghiệp",
    "Krông",
    "Bông",
    "Ea",
    "H'leo",
    "66-22045-152-2025",
    "&",
    "<b>",
]


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
    room=st.floats(min_value=20 * mm, max_value=60 * mm),
    bold=st.booleans(),
)
def test_lines_break_as_a_paragraph_breaks_them(words: list[str], room: float, bold: bool) -> None:
    register_fonts()
    value = " ".join(words)
    style = styles(12).cell_bold if bold else styles(12).cell
    paragraph = Paragraph(esc(value), style)
    paragraph.wrap(room + SIDE_PADDING, 1e6)  # as a Table wraps a cell: its width less the padding
    want = _paragraph_lines(paragraph)
    got = Wrapper(SERIF_BOLD if bold else SERIF, style.fontSize).lines(value, room + SIDE_PADDING)
    assert got == want


def _paragraph_lines(paragraph: Paragraph) -> list[str]:
    """The text of each line a wrapped Paragraph made (plain lines, or lines of fragments once markup such
    as an escaped "&" split the text)."""
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return [" ".join(line[1]) for line in lines]
    return [" ".join("".join(f.text for f in line.words).split()) for line in lines]


class Recorder:
    """A progress listener that cancels after `stop_after` reports (never, when None)."""

    def __init__(self, stop_after: int | None = None) -> None:
        self.seen: list[tuple[float, str]] = []
        self.stop_after = stop_after

    @property
    def cancelled(self) -> bool:
        return self.stop_after is not None and len(self.seen) >= self.stop_after

    def set(self, fraction: float, text: str = "") -> None:
        self.seen.append((fraction, text))


def test_progress_runs_from_wrapping_to_the_last_page() -> None:
    progress = Recorder()
    render_report(_data(1200, total=False), progress)
    fractions = [f for f, _ in progress.seen]
    assert fractions == sorted(fractions) and fractions[-1] <= 0.97
    texts = [t for _, t in progress.seen]
    assert texts[0] == "Đang chuẩn bị bảng “Đến kỳ đánh giá lại (cửa sổ đã mở)”…"
    assert "Đang chuẩn bị bảng “Đến kỳ đánh giá lại (cửa sổ đã mở)”: 1.000/1.200 dòng…" in texts
    assert "Đang dàn trang: 1.200/1.200 dòng…" in texts and texts[-1].startswith("Đang hoàn thiện trang")


@pytest.mark.parametrize(
    ("kind", "stop_after"),
    [("pdf", 1), ("pdf", 5), ("pdf", 60), ("xlsx", 1), ("xlsx", 3)],
    ids=["pdf-wrapping", "pdf-layout", "pdf-pages", "xlsx-rows", "xlsx-saving"],
)
def test_a_cancel_writes_nothing(tmp_path: Path, kind: str, stop_after: int) -> None:
    """Cancelled while wrapping, laying out or finishing pages, writing rows or the file: no file, no
    temporary file."""
    write = write_pdf if kind == "pdf" else write_xlsx
    spooled = list(ALL_TEMP_FILES)  # openpyxl's write-only sheets spool to temporary files
    with pytest.raises(Cancelled):
        write(
            long_report("expiring", 1200),
            "Sở Nông nghiệp",
            tmp_path / f"a.{kind}",
            progress=Recorder(stop_after),
        )
    assert list(tmp_path.iterdir()) == []
    assert ALL_TEMP_FILES == spooled


def test_written_with_progress_to_the_end(tmp_path: Path) -> None:
    progress = Recorder()
    path = write_pdf(long_report("catalogue", 300), "Sở Nông nghiệp", tmp_path / "a.pdf", progress=progress)
    assert progress.seen[-1] == (1.0, "Đã ghi xong.") and path.exists()
    assert_sound_pdf(path)


def _paragraph_table(table: ReportTableData, width: float, *_hooks: object) -> list[Flowable]:
    """The reference: the table as it was printed before, one ReportLab Table of a Paragraph per cell."""
    st_ = styles(12)
    right = st_.cell.clone("cell-right", alignment=2)
    numeric = [i for i, v in enumerate(table.rows[0]) if isinstance(v, int)]

    def row(values: tuple[object, ...], bold: bool = False) -> list[object]:
        out: list[object] = list(cells(st_, *(text(v) for v in values), bold=bold))  # type: ignore[arg-type]
        for i in numeric:
            out[i] = Paragraph(out[i].text, right)  # type: ignore[attr-defined]
        return out

    rows = [list(cells(st_, *table.headers, bold=True, center_from=0)), *(row(r) for r in table.rows)]
    rows.append(row(table.total, bold=True))  # type: ignore[arg-type]
    extra = [("BACKGROUND", (0, 0), (-1, 0), GROUP_ROW_SHADE), ("BACKGROUND", (0, -1), (-1, -1), TOTAL_SHADE)]
    title = Paragraph(f"<b>{esc(table.title)}</b>", st_.body.clone("table-title", spaceBefore=6))
    return [CondPageBreak(40 * mm), KeepTogether([title]), grid(rows, _widths(table, width), extra=extra)]


def test_the_pages_look_as_the_paragraph_table_printed_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rendered side by side, every page of the two is the same to the pixel (anti-aliasing aside)."""
    data = _data(60)
    ours = pdfium.PdfDocument(render_report(data))
    monkeypatch.setattr(report_module, "_table", _paragraph_table)
    reference = pdfium.PdfDocument(render_report(data))
    try:
        assert len(ours) == len(reference) >= 4
        for page in range(len(ours)):
            a, b = (doc[page].render(scale=2).to_pil().convert("L") for doc in (ours, reference))
            assert ImageChops.difference(a, b).point(lambda v: 255 if v > 64 else 0).getbbox() is None, (
                page + 1
            )
    finally:
        ours.close()
        reference.close()
