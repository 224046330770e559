"""The body of a long report table, paged in linear time.

A ReportLab `Table` of 20,000 rows of Paragraphs took minutes: every cell parsed its own markup, every page
split re-measured and re-styled every row still to come (quadratic), and every row was measured again when
drawn. Here each cell is wrapped once into plain lines (word by word, words measured once per font: the
same greedy breaking as a Paragraph), each row's height is known before layout, and `RowsTable` hands the
frame one page at a time: a small `Table` of the header row and the rows that fit, found by bisection on the
running heights. The layout is the one of the Paragraph table it replaces: same columns, padding, leading,
vertical centring, header row on every page, numbers right-aligned, the total row bold on grey."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from ocop_desktop.domain.text import nfc
from ocop_desktop.printing.blocks import GROUP_ROW_SHADE, grid
from ocop_desktop.printing.fonts import SERIF, SERIF_BOLD

RowsPlaced = Callable[[int, int], None]  # (rows placed so far, rows): after each page's rows are chosen
TOTAL_SHADE = colors.Color(0.96, 0.96, 0.96)
# the cell box of `blocks.grid`: what a line of text may fill, and what a row adds to its lines
SIDE_PADDING = 3 + 3
ROW_PADDING = 2 + 3


class Wrapper:
    """Line breaking of plain text in one font exactly as a Paragraph breaks it (`Paragraph.breakLines`:
    greedy, spaces may shrink by `SHRINK` of their width, a word wider than the column cut by characters
    from where the line stands), each word measured once: a province's list repeats its place names and
    syllables thousands of times."""

    SHRINK = 0.05  # ReportLab's rl_config.spaceShrinkage

    def __init__(self, font: str, size: float) -> None:
        self.font, self.size = font, size
        self.space = stringWidth(" ", font, size)
        self._widths: dict[str, float] = {}

    def width(self, word: str) -> float:
        known = self._widths.get(word)
        if known is None:
            known = self._widths[word] = stringWidth(word, self.font, self.size)
        return known

    def lines(self, text: str, room: float) -> list[str]:
        out: list[str] = []
        line: list[str] = []
        used = -self.space
        stack = [(word, False) for word in reversed(text.split())]  # (word, a piece of a cut word)
        forced = False  # the piece just taken ends its line
        while stack:
            word, piece = stack.pop()
            forced = forced or (piece and not word)
            width = self.width(word)
            longer = used + self.space + width
            fits = longer <= room + self.SHRINK * self.space * len(line)
            if not fits and not forced and not piece and width > room:
                stack += [(p, True) for p in reversed(self._cut(word, used + self.space, room))]
                forced = True
                continue
            if fits or not line or forced:
                if word:
                    line.append(word)
                if forced:
                    out.append(" ".join(line))
                    line, used, forced = [], -self.space, False
                else:
                    used = longer
            else:
                out.append(" ".join(line))
                line, used = [word], width
        if line:
            out.append(" ".join(line))
        return out

    def _cut(self, word: str, start: float, room: float) -> list[str]:
        """`word` in pieces: the first fills the line from `start` (it may be empty), each next one a line."""
        pieces, piece, at = [], "", start
        for ch in word:
            width = self.width(ch)
            if at + width > room and (piece or width <= room):
                pieces.append(piece)
                piece, at = "", 0.0
            piece += ch
            at += width
        return [*pieces, piece]


@dataclass(frozen=True)
class Body:
    """The wrapped body of one table, shared by every page of it."""

    head: list[Paragraph]
    head_height: float
    rows: list[list[str]]  # each cell its lines joined by "\n", as a Table draws a string cell
    tops: list[float]  # tops[i]: the height of rows[:i]
    widths: list[float]
    right: frozenset[int]  # columns of numbers
    has_total: bool  # the last row is the total
    leading: float
    size: float
    on_page: RowsPlaced | None


def body(
    head: list[Paragraph],
    rows: Sequence[Sequence[str]],
    total: Sequence[str] | None,
    widths: Sequence[float],
    right: frozenset[int],
    *,
    size: float,
    leading: float,
    on_page: RowsPlaced | None = None,
) -> Body:
    plain, bold = Wrapper(SERIF, size), Wrapper(SERIF_BOLD, size)
    rooms = [w - SIDE_PADDING for w in widths]
    wrapped: list[list[str]] = []
    heights: list[float] = []
    for values, wrapper in itertools.chain(
        ((r, plain) for r in rows), (((total, bold),) if total is not None else ())
    ):
        cells = [wrapper.lines(nfc(v), room) for v, room in zip(values, rooms, strict=True)]
        wrapped.append(["\n".join(lines) for lines in cells])
        heights.append(max(1, *(len(lines) for lines in cells)) * leading + ROW_PADDING)
    head_height = max(p.wrap(room, 1e6)[1] for p, room in zip(head, rooms, strict=True)) + ROW_PADDING
    tops = [0.0, *itertools.accumulate(heights)]
    return Body(
        head, head_height, wrapped, tops, list(widths), right, total is not None, leading, size, on_page
    )


class RowsTable(Flowable):
    """Rows `start`..`end` of a `Body` under its header row: split page by page without touching the rows
    that stay for later pages, drawn as one plain `Table` per page."""

    def __init__(self, data: Body, start: int = 0, end: int | None = None) -> None:
        super().__init__()
        self.data, self.start = data, start
        self.end = len(data.rows) if end is None else end
        self.hAlign = "CENTER"  # as a Table

    def _height(self, start: int, end: int) -> float:
        return self.data.head_height + self.data.tops[end] - self.data.tops[start]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = sum(self.data.widths), self._height(self.start, self.end)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        tops = self.data.tops
        room = avail_height - self.data.head_height + tops[self.start]
        last = min(bisect.bisect_right(tops, room + 1e-6) - 1, self.end)
        if last <= self.start:
            frame = getattr(self, "_frame", None)
            if not getattr(frame, "_atTop", False):
                return []  # not even one row: the next page
            last = self.start + 1  # a row taller than a page overflows it rather than loop
        if self.data.on_page is not None:
            self.data.on_page(last, len(self.data.rows))
        return [RowsTable(self.data, self.start, last), RowsTable(self.data, last, self.end)]

    def draw(self) -> None:
        if self.data.on_page is not None and self.end == len(self.data.rows):
            self.data.on_page(self.end, len(self.data.rows))
        table = self.table()
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    def table(self) -> Flowable:
        d = self.data
        rows: list[list[object]] = [list(d.head), *d.rows[self.start : self.end]]
        heights = [d.head_height, *(d.tops[i + 1] - d.tops[i] for i in range(self.start, self.end))]
        extra: list[tuple[object, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), GROUP_ROW_SHADE),
            ("FONTSIZE", (0, 1), (-1, -1), d.size),
            ("LEADING", (0, 1), (-1, -1), d.leading),
            *(("ALIGN", (i, 1), (i, -1), "RIGHT") for i in sorted(d.right)),
        ]
        if d.has_total and self.end == len(d.rows):
            extra += [
                ("FONTNAME", (0, -1), (-1, -1), SERIF_BOLD),
                ("BACKGROUND", (0, -1), (-1, -1), TOTAL_SHADE),
            ]
        return grid(rows, d.widths, extra=extra, row_heights=heights)
