"""The body of a long report table, paged in linear time.

A ReportLab `Table` of 20,000 rows of Paragraphs took minutes: every cell parsed its own markup, every page
split re-measured and re-styled every row still to come (quadratic), and every row was measured again when
drawn. Here each cell is wrapped once into plain lines (word by word, words measured once per font: the
same breaking as a Paragraph), each row's height is known before layout, and `RowsTable` hands the frame
one page at a time: the header row and the rows that fit, found by bisection on the running heights, drawn
directly (the body's text in one text object per page, not a text object per cell). The layout is the one
of the Paragraph table it replaces: same columns, padding, leading, vertical centring, rules, header row on
every page, numbers right-aligned, the total row bold on grey."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from ocop_desktop.domain.text import nfc
from ocop_desktop.printing.blocks import GROUP_ROW_SHADE
from ocop_desktop.printing.fonts import SERIF, SERIF_BOLD

RowsPlaced = Callable[[int, int], None]  # (rows placed so far, rows): after each page's rows are chosen
TOTAL_SHADE = colors.Color(0.96, 0.96, 0.96)
WRAP_STEP = 1000  # rows wrapped between two progress reports
# the cell box of `blocks.grid`: what a line of text may fill, and what a row adds to its lines
LEFT_PADDING = RIGHT_PADDING = 3
TOP_PADDING, BOTTOM_PADDING = 2, 3
SIDE_PADDING = LEFT_PADDING + RIGHT_PADDING
ROW_PADDING = TOP_PADDING + BOTTOM_PADDING


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
                    out.append(_line(line, room - longer))
                    line, used, forced = [], -self.space, False
                else:
                    used = longer
            else:
                out.append(_line(line, room - used))
                line, used = [word], width
        if line:
            out.append(_line(line, room - used))
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


class Squeezed(str):
    """A line a little wider than its column: its spaces shrink by `word_space` each, as a Paragraph's do."""

    word_space: float


def _line(words: list[str], spare: float) -> str:
    line = " ".join(words)
    if spare > -1e-8 or len(words) < 2:
        return line
    squeezed = Squeezed(line)
    squeezed.word_space = spare / (len(words) - 1)
    return squeezed


@dataclass(frozen=True)
class Body:
    """The wrapped body of one table, shared by every page of it."""

    head: list[list[str]]  # each header cell's lines (bold, centred)
    rows: list[list[list[str]]]  # each cell's lines
    tops: list[float]  # tops[0] the header row's height, tops[i + 1] - tops[i] the height of rows[i]
    widths: list[float]
    right: frozenset[int]  # columns of numbers
    has_total: bool  # the last row is the total
    leading: float
    size: float
    on_page: RowsPlaced | None

    @property
    def head_height(self) -> float:
        return self.tops[0]


def body(
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    total: Sequence[str] | None,
    widths: Sequence[float],
    right: frozenset[int],
    *,
    size: float,
    leading: float,
    on_page: RowsPlaced | None = None,
    on_wrapped: Callable[[int], None] | None = None,
) -> Body:
    """The rows wrapped; `on_wrapped(rows done)` every `WRAP_STEP` rows (progress, and a cancel raised)."""
    plain, bold = Wrapper(SERIF, size), Wrapper(SERIF_BOLD, size)
    rooms = [w - SIDE_PADDING for w in widths]
    wrapped: list[list[list[str]]] = []
    heights: list[float] = []
    for values, wrapper in itertools.chain(
        ((r, plain) for r in rows), (((total, bold),) if total is not None else ())
    ):
        cells = [wrapper.lines(nfc(v), room) for v, room in zip(values, rooms, strict=True)]
        wrapped.append(cells)
        heights.append(max(1, *(len(lines) for lines in cells)) * leading + ROW_PADDING)
        if on_wrapped is not None and len(wrapped) % WRAP_STEP == 0:
            on_wrapped(len(wrapped))
    head_lines = [bold.lines(nfc(h), room) for h, room in zip(head, rooms, strict=True)]
    head_height = max(1, *(len(lines) for lines in head_lines)) * leading + ROW_PADDING
    tops = list(itertools.accumulate(heights, initial=head_height))
    return Body(head_lines, wrapped, tops, list(widths), right, total is not None, leading, size, on_page)


class RowsTable(Flowable):
    """Rows `start`..`end` of a `Body` under its header row: split page by page without touching the rows
    that stay for later pages; drawn as `blocks.grid` draws a table (shading, then text, then the rules),
    the body's text in one text object."""

    def __init__(self, data: Body, start: int = 0, end: int | None = None) -> None:
        super().__init__()
        self.data, self.start = data, start
        self.end = len(data.rows) if end is None else end
        self.hAlign = "CENTER"  # as a Table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        d = self.data
        self.width, self.height = sum(d.widths), d.head_height + d.tops[self.end] - d.tops[self.start]
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
        d = self.data
        if d.on_page is not None and self.end == len(d.rows):
            d.on_page(self.end, len(d.rows))
        # row boundaries from the top down: the header row, then each body row
        bottoms = [self.height - d.head_height]
        for i in range(self.start, self.end):
            bottoms.append(bottoms[-1] - (d.tops[i + 1] - d.tops[i]))
        lefts = [0.0, *itertools.accumulate(d.widths)]
        canv = self.canv
        canv.saveState()
        self._shade(bottoms)
        self._draw_text(lefts, bottoms)
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.5)
        canv.setLineCap(1)  # a Table's GRID: round caps and joins
        canv.setLineJoin(1)
        canv.lines(
            [(0, y, self.width, y) for y in (self.height, *bottoms)]
            + [(x, bottoms[-1], x, self.height) for x in lefts]
        )
        canv.restoreState()

    def _shade(self, bottoms: list[float]) -> None:
        canv = self.canv
        canv.setFillColor(GROUP_ROW_SHADE)
        canv.rect(0, bottoms[0], self.width, self.data.head_height, stroke=0, fill=1)
        if self.data.has_total and self.end == len(self.data.rows):
            canv.setFillColor(TOTAL_SHADE)
            canv.rect(0, bottoms[-1], self.width, bottoms[-2] - bottoms[-1], stroke=0, fill=1)

    def _draw_text(self, lefts: list[float], bottoms: list[float]) -> None:
        """Every line where a Table draws a string cell, vertically centred: the header's bold and centred
        as its Paragraphs were, numbers right-aligned; one text object for the page."""
        d = self.data
        text = self.canv.beginText()
        text.setFillColor(colors.black)
        text.setFont(SERIF_BOLD, d.size, d.leading)
        top = self.height
        for column, lines in enumerate(d.head):
            self._cell(text, lines, column, (top - bottoms[0], bottoms[0]), lefts, "centre")
        font = SERIF
        text.setFont(font, d.size, d.leading)
        last = len(d.rows) - 1
        for k, i in enumerate(range(self.start, self.end)):
            if d.has_total and i == last:
                font = SERIF_BOLD
                text.setFont(font, d.size, d.leading)
            row = (bottoms[k] - bottoms[k + 1], bottoms[k + 1])
            for column, lines in enumerate(d.rows[i]):
                self._cell(text, lines, column, row, lefts, "right" if column in d.right else "left", font)
        self.canv.drawText(text)

    def _cell(
        self,
        text: PDFTextObject,
        lines: list[str],
        column: int,
        row: tuple[float, float],
        lefts: list[float],
        align: str,
        font: str = SERIF_BOLD,
    ) -> None:
        d = self.data
        (height, bottom), size = row, d.size
        y = bottom + (BOTTOM_PADDING + height - TOP_PADDING + len(lines) * d.leading) / 2 - size
        left, room = lefts[column] + LEFT_PADDING, lefts[column + 1] - lefts[column] - SIDE_PADDING
        for line in lines:
            squeezed = isinstance(line, Squeezed)
            if align == "left" or squeezed:
                x = left
            else:
                spare = room - stringWidth(line, font, size)
                x = left + (spare if align == "right" else spare / 2)
            text.setTextOrigin(x, y)
            if squeezed:
                text.setWordSpace(line.word_space)
                text.textOut(line)
                text.setWordSpace(0)
            else:
                text.textOut(line)
            y -= d.leading
