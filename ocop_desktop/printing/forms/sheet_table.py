"""The criteria table of a scoring sheet, row by row as in Phụ lục II: part rows, group rows,
criterion rows with notes, "Trường hợp" headings and one row per option with its box, star
marker and points. A filled sheet adds a third column with the points awarded.

Headings keep with what follows: the rows from a heading (part, group, criterion, note, case) to
the first option under it are one NOSPLIT range, so a page never ends on a heading. Corrections
and suspect values of the rule set (`Sheet.notices`) are marked where they apply and listed as
numbered footnotes under the table (`Footnotes`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table

from ocop_desktop.domain.rules.model import Criterion, Group, Notice, Option, Part, Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult
from ocop_desktop.printing.blocks import box, grid
from ocop_desktop.printing.markup import esc, number
from ocop_desktop.printing.styles import Styles

PART_SHADE = colors.Color(0.88, 0.88, 0.88)
GROUP_SHADE = colors.Color(0.95, 0.95, 0.95)
# Titles that carry an explanation the decision prints on its own line in italics:
# "1.4. Năng lực sản xuất … (Khả năng sản xuất …)", "5.3 Trí tuệ … Yêu cầu: …".
_SPLIT = re.compile(r"^(?P<head>.+?)\s+(?P<tail>\((?:Khả năng|Chất lượng|Gồm)[^)]*\).*|Yêu cầu:.*)$", re.S)


@dataclass
class Footnotes:
    """Numbered footnotes of a sheet; the same text gets the same number wherever it is marked."""

    texts: list[str] = field(default_factory=list)

    def mark(self, text: str) -> str:
        if text not in self.texts:
            self.texts.append(text)
        return f"<super>({self.texts.index(text) + 1})</super>"

    def notices(self, notices: tuple[Notice, ...]) -> str:
        return "".join(self.mark(notice_text(n)) for n in notices)


def notice_text(n: Notice) -> str:
    """A footnote for a correction or a suspect value, in the rule set's own words."""
    return f"{n.kind_label} – {n.where}: {n.text}"


@dataclass
class _Rows:
    st: Styles
    filled: bool
    notes: Footnotes
    rows: list[list[Paragraph]] = field(default_factory=list)
    styles: list[tuple] = field(default_factory=list)
    heading_from: int | None = None  # first row of the headings not yet followed by an option

    def add(
        self,
        text: str,
        points: str = "",
        awarded: str = "",
        *,
        shade: object = None,
        bold_points: bool = False,
        center: bool = False,
        heading: bool = False,
    ) -> None:
        """`heading`: a row that must not end a page (it keeps with the rows down to the next option)."""
        st = self.st
        pts = f"<b>{points}</b>" if bold_points and points else points
        row = [Paragraph(text, st.cell_center if center else st.cell), Paragraph(pts, st.cell_center)]
        if self.filled:
            row.append(Paragraph(f"<b>{awarded}</b>" if awarded else "", st.cell_center))
        self.rows.append(row)
        n = len(self.rows) - 1
        if shade is not None:
            self.styles.append(("BACKGROUND", (0, n), (-1, n), shade))
        self._keep(n, heading)

    def _keep(self, n: int, heading: bool) -> None:
        if heading:
            self.heading_from = n if self.heading_from is None else self.heading_from
        elif self.heading_from is not None:
            self.styles.append(("NOSPLIT", (0, self.heading_from), (-1, n)))
            self.heading_from = None


def criteria_table(
    st: Styles, sheet: Sheet, result: ScoreResult | None, width: float, notes: Footnotes
) -> Table:
    """The table; the footnotes it marks (corrected points, suspect values) are added to `notes`."""
    t = _Rows(st, filled=result is not None, notes=notes)
    head = ["Các tiêu chí", "Thang điểm"] + (["Điểm đánh giá"] if t.filled else [])
    t.rows.append([Paragraph(f"<b>{h}</b>", st.cell_center) for h in head])
    t.heading_from = 0  # the column headings keep with the first option, too
    for part in sheet.parts:
        _part(t, sheet, part, result)
    t.add(
        "<b>TỔNG CỘNG</b>",
        str(sheet.max),
        number(result.total) if result else "",
        bold_points=True,
        shade=PART_SHADE,
        center=True,
    )
    widths = [0.72, 0.13, 0.15] if t.filled else [0.83, 0.17]
    table = grid(
        t.rows, [width * f for f in widths], extra=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *t.styles]
    )
    return table


def _part(t: _Rows, sheet: Sheet, part: Part, result: ScoreResult | None) -> None:
    printed = (
        part.printed_title if f"({part.max} " in part.printed_title else f"{part.title} ({part.max} Điểm)"
    )
    awarded = number(result.parts.get(part.code)) if result else ""
    t.add(
        f"<b>Phần {esc(part.code)}:<br/>{esc(printed)}</b>{t.notes.notices(sheet.part_notices(part.code))}",
        str(part.max),
        awarded,
        shade=PART_SHADE,
        bold_points=True,
        center=True,
        heading=True,
    )
    for group in part.groups:
        _group(t, sheet, group, result)


def _group(t: _Rows, sheet: Sheet, group: Group, result: ScoreResult | None) -> None:
    awarded = number(result.groups.get(group.code)) if result else ""
    single = len(group.criteria) == 1 and group.criteria[0].group_level
    marks = _marks(t, sheet, group.criteria[0]) if single else ""
    t.add(
        _title(f"{group.code}. {group.title}") + marks,
        str(group.max),
        awarded,
        shade=GROUP_SHADE,
        bold_points=True,
        heading=True,
    )
    for note in group.notes:
        t.add(f"<i>{esc(note)}</i>", heading=True)
    for criterion in group.criteria:
        _criterion(t, sheet, criterion, result, depth=0, on_group_row=single)


def _marks(t: _Rows, sheet: Sheet, c: Criterion) -> str:
    """Footnote marks of the notices on a criterion; a corrected option carries its own mark."""
    corrected = any(o.printed_points is not None for o in c.options)
    shown = tuple(n for n in sheet.criterion_notices(c.code) if not (corrected and n.kind == "correction"))
    return t.notes.notices(shown)


def _criterion(
    t: _Rows, sheet: Sheet, c: Criterion, result: ScoreResult | None, depth: int, on_group_row: bool
) -> None:
    if not on_group_row:
        title = _title(f"{c.code}. {c.title}", indent=depth) + _marks(t, sheet, c)
        if result is not None and c.code in result.not_applicable:
            title += " <i>(không áp dụng)</i>"
        t.add(title, str(c.max), _awarded(c, result), bold_points=True, heading=True)
    for note in c.notes:
        t.add(f"<i>{esc(note)}</i>", heading=True)
    for child in c.children:
        _criterion(t, sheet, child, result, depth + 1, on_group_row=False)
    chosen = result.answers.get(c.code) if result is not None else None
    for case_no, case_title in enumerate(c.cases):
        t.add(f"<i>Trường hợp {case_no + 1}: {esc(case_title)}</i>", heading=True)
        for option in c.case_options(case_no):
            _option(t, c, option, chosen)
    if not c.cases:
        for option in c.options:
            _option(t, c, option, chosen)


def _option(t: _Rows, c: Criterion, o: Option, chosen: int | None) -> None:
    marker = "*" * o.star if o.star else ""
    label = esc(o.label) + marker
    if o.synthetic:  # yes/no added for a bare 1-point criterion: not printed in the decision
        label = f"<i>{label}</i>"
    picked = chosen == o.index
    text = f"{box(picked)} " + (f"<b>{label}</b>" if picked else label)
    points = number(o.points)
    if o.printed_points is not None:
        points += t.notes.mark(
            f"Tiêu chí {c.code}: Quyết định in “{o.printed_points}”, áp dụng {points} điểm "
            "(đã hiệu chỉnh lỗi in theo điểm tối đa của tiêu chí)."
        )
    t.add(text, points, "")


def _awarded(c: Criterion, result: ScoreResult | None) -> str:
    if result is None:
        return ""
    leaves = [leaf.code for leaf in c.leaves()]
    got = [
        result.points[code]
        for code in leaves
        if code in result.points and (code in result.answers or code in result.not_applicable)
    ]
    return number(sum(got)) if got else ""


def _title(text: str, indent: int = 0) -> str:
    """Bold code and title; an explanation in parentheses or a "Yêu cầu:" goes below in italics."""
    pad = "&nbsp;" * 4 * indent
    match = _SPLIT.match(text)
    if match:
        return f"{pad}<b>{esc(match['head'])}</b><br/><i>{esc(match['tail'])}</i>"
    return f"{pad}<b>{esc(text)}</b>"
