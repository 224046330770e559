"""A report of the programme's figures on A4: the agency and the motto, the title, whose figures and "Số liệu
đến ngày …", the headline figures, its simple bar charts (`report_chart.py`), then one ruled table per table
of the report (numbers right-aligned in the Vietnamese format, header rows repeated on every page), the place
and date. Landscape when a table is wide. The QR code on every page names the report and the day
("B=<report>/<yyyy-mm-dd>") and the hash of the figures, as the forms do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from ocop_desktop.printing.blocks import GROUP_ROW_SHADE, cells, date_line, grid, header
from ocop_desktop.printing.fonts import SERIF
from ocop_desktop.printing.hashing import NOT_HASHED, content_hash
from ocop_desktop.printing.markup import esc, number
from ocop_desktop.printing.page import LANDSCAPE_WIDTH, PORTRAIT_WIDTH, build_pdf
from ocop_desktop.printing.qr import QrPayload
from ocop_desktop.printing.report_chart import ReportChartData, bar_chart
from ocop_desktop.printing.report_rows import RowsPlaced, RowsTable, body
from ocop_desktop.printing.styles import styles
from ocop_desktop.progress import Progress, report

Value = str | int | float | dt.date | None
CHAR = 2.0 * mm  # about one character of an 11 pt cell
PAD = 3.5 * mm  # a cell's padding and a margin
MIN_COLUMN = 16 * mm  # a header such as "Số lần trả lại" in two lines, not four
WIDE_FROM = 8  # columns: a table this wide turns the pages landscape


@dataclass(frozen=True)
class ReportTableData:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    total: tuple[Value, ...] | None = None


@dataclass(frozen=True)
class ReportData:
    key: str
    title: str
    agency: str  # the office
    place: str  # for the date line
    scope: str  # whose figures: "Thành phố Hà Nội", "Phường Hoàn Kiếm"
    on: dt.date  # "Số liệu đến ngày …"
    made_on: dt.date
    figures: tuple[tuple[str, Value], ...]
    tables: tuple[ReportTableData, ...]
    # drawn from the tables, which the hash covers: left out so that the QR hash of a report printed
    # before the charts existed still matches
    charts: tuple[ReportChartData, ...] = field(default=(), metadata=NOT_HASHED)


def text(value: Value) -> str:
    """A cell as printed: dates dd/mm/yyyy, numbers Vietnamese style (1.234 and 12,5)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        return number(value, 1)
    return value


def _widths(table: ReportTableData, width: float) -> list[float]:
    """Columns as wide as their longest text (headers wrap, long names are bounded); when the page is too
    narrow, the wide columns give up room first, numbers and codes keep theirs."""
    natural, floors = [], []
    for i, head in enumerate(table.headers):
        values = [text(r[i]) for r in table.rows[:300] if i < len(r)]
        chars = min(max([*(len(w) for w in head.split()), *(len(v) for v in values), 3]), 45)
        natural.append(max(chars * CHAR + PAD, MIN_COLUMN))
        unbroken = max([0, *(len(w) for v in values for w in v.split())])  # a code or date cannot wrap
        floors.append(max(22 * mm, min(unbroken, 20) * CHAR + PAD))
    excess = sum(natural) - width
    if excess > 0:
        room = [max(w - floor, 0) for w, floor in zip(natural, floors, strict=True)]
        if sum(room) >= excess:
            natural = [w - excess * r / sum(room) for w, r in zip(natural, room, strict=True)]
        else:
            natural = [w * width / sum(natural) for w in natural]
    narrow = width * 0.5
    if sum(natural) < narrow:
        natural = [w * narrow / sum(natural) for w in natural]
    return natural


def _numeric(table: ReportTableData) -> frozenset[int]:
    """The columns of numbers (right-aligned)."""
    return frozenset(
        i
        for i in range(len(table.headers))
        if table.rows and all(isinstance(r[i], int | float) or r[i] is None for r in table.rows)
    )


def _table(
    table: ReportTableData,
    width: float,
    on_page: RowsPlaced | None = None,
    on_wrapped: Callable[[int], None] | None = None,
) -> list[Flowable]:
    st = styles(12)
    widths = _widths(table, width)
    title = Paragraph(f"<b>{esc(table.title)}</b>", st.body.clone("table-title", spaceBefore=6))
    if not table.rows:
        rows: list[list[object]] = [
            cells(st, *table.headers, bold=True, center_from=0),
            cells(st, "Không có số liệu", *([""] * (len(table.headers) - 1))),
        ]
        extra = [("BACKGROUND", (0, 0), (-1, 0), GROUP_ROW_SHADE), ("SPAN", (0, 1), (-1, 1))]
        return [CondPageBreak(40 * mm), KeepTogether([title]), grid(rows, widths, extra=extra)]
    rows_data = body(
        table.headers,
        [[text(v) for v in r] for r in table.rows],
        None if table.total is None else [text(v) for v in table.total],
        widths,
        _numeric(table),
        size=st.cell.fontSize,
        leading=st.cell.leading,
        on_page=on_page,
        on_wrapped=on_wrapped,
    )
    return [CondPageBreak(40 * mm), KeepTogether([title]), RowsTable(rows_data)]


def _charts(charts: tuple[ReportChartData, ...], wide: bool) -> list[Flowable]:
    """One chart under the other on a portrait page; two side by side on a landscape one."""
    if not wide:
        return [
            KeepTogether([Spacer(1, 3 * mm), bar_chart(c, PORTRAIT_WIDTH, n)])
            for n, c in enumerate(charts, 1)
        ]
    half = (LANDSCAPE_WIDTH - 8 * mm) / 2
    drawn = [bar_chart(c, half, n) for n, c in enumerate(charts, 1)]
    # an odd last chart sits beside an empty Spacer, not "": a string cell is drawn in the table's font
    rows = [[*drawn[i : i + 2], *[Spacer(0, 0)] * (i + 2 - len(drawn))] for i in range(0, len(drawn), 2)]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), SERIF)]
    return [Spacer(1, 3 * mm), *(Table([row], colWidths=[half + 8 * mm, half], style=style) for row in rows)]


def build(d: ReportData, progress: Progress | None = None) -> tuple[list[Flowable], bool]:
    wide = any(len(t.headers) >= WIDE_FROM for t in d.tables)
    width = LANDSCAPE_WIDTH if wide else PORTRAIT_WIDTH
    st = styles(13)
    out: list[Flowable] = [
        header(
            st,
            width,
            agency_name=d.agency,
            under_right=[Spacer(1, 2 * mm), date_line(st, d.place, d.made_on)],
        ),
        Spacer(1, 6 * mm),
        Paragraph(f"<b>{esc(d.title.upper())}</b>", st.title),
        Paragraph(esc(d.scope), st.center.clone("scope", spaceAfter=0)),
        Paragraph(f"<i>Số liệu đến ngày {d.on:%d/%m/%Y}</i>", st.center),
        Spacer(1, 2 * mm),
    ]
    for label, value in d.figures:
        out.append(
            Paragraph(f"– {esc(label)}: <b>{esc(text(value))}</b>", st.body.clone("fig", spaceAfter=1))
        )
    out += _charts(d.charts, wide)
    steps = _Steps(progress, sum(len(t.rows) for t in d.tables))
    for table in d.tables:
        wrapped = steps.wrapping(table.title, len(table.rows))
        out += _table(table, width, steps.placed_from(len(table.rows)), wrapped)
    return out, wide


class _Steps:
    """A report's progress as one fraction: the tables wrapped (a tenth), their rows placed on pages, the
    pages finished (footer and QR code). Each step may raise `Cancelled`."""

    PLACED, PAGES = 0.1, 0.7

    def __init__(self, progress: Progress | None, rows: int) -> None:
        self.progress, self.rows, self.before = progress, max(rows, 1), 0

    def wrapping(self, title: str, rows: int) -> Callable[[int], None]:
        """Reports that the table's wrapping starts, and returns what reports its rows wrapped."""
        before = self.before

        def wrapped(done: int) -> None:
            line = f"Đang chuẩn bị bảng “{title}”: {text(done)}/{text(rows)} dòng…"
            report(self.progress, self.PLACED * (before + done) / self.rows, line)

        report(self.progress, self.PLACED * before / self.rows, f"Đang chuẩn bị bảng “{title}”…")
        return wrapped

    def placed_from(self, rows: int) -> RowsPlaced:
        """`on_page` of a table whose rows come after those of the tables before it."""
        before = self.before
        self.before += rows

        def placed(done: int, _rows: int) -> None:
            fraction = (before + done) / self.rows
            line = f"Đang dàn trang: {text(before + done)}/{text(self.rows)} dòng…"
            report(self.progress, self.PLACED + (self.PAGES - self.PLACED) * fraction, line)

        return placed

    def finishing(self, done: int, pages: int) -> None:
        line = f"Đang hoàn thiện trang {text(done + 1)}/{text(pages)}…"
        report(self.progress, self.PAGES + (0.97 - self.PAGES) * done / max(pages, 1), line)


def render_report(d: ReportData, progress: Progress | None = None) -> bytes:
    """The PDF. With `progress`, the steps are reported and a cancel raises `Cancelled` (nothing returned)."""
    story, wide = build(d, progress)
    payload = QrPayload(
        form="report",
        ref_kind="report",
        ref_id=f"{d.key}/{d.on.isoformat()}",
        revision=None,
        content_hash=content_hash(d),
    )
    finishing = _Steps(progress, 1).finishing if progress is not None else None
    return build_pdf(
        story, payload=payload, title=d.title, subject=f"{d.title} — {d.scope}", wide=wide, on_page=finishing
    )
