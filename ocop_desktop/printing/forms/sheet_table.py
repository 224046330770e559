"""The criteria table of a scoring sheet, row by row as in Phụ lục II: part rows, group rows,
criterion rows with notes, "Trường hợp" headings and one row per option with its box, star
marker and points. A filled sheet adds a third column with the points awarded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table

from ocop_desktop.domain.rules.model import Criterion, Group, Option, Part, Sheet
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
class _Rows:
    st: Styles
    filled: bool
    rows: list[list[Paragraph]] = field(default_factory=list)
    styles: list[tuple] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)

    def add(
        self,
        text: str,
        points: str = "",
        awarded: str = "",
        *,
        shade: object = None,
        bold_points: bool = False,
        center: bool = False,
    ) -> None:
        st = self.st
        pts = f"<b>{points}</b>" if bold_points and points else points
        row = [Paragraph(text, st.cell_center if center else st.cell), Paragraph(pts, st.cell_center)]
        if self.filled:
            row.append(Paragraph(f"<b>{awarded}</b>" if awarded else "", st.cell_center))
        self.rows.append(row)
        if shade is not None:
            n = len(self.rows) - 1
            self.styles.append(("BACKGROUND", (0, n), (-1, n), shade))


def criteria_table(
    st: Styles, sheet: Sheet, result: ScoreResult | None, width: float
) -> tuple[Table, list[str]]:
    """The table and the footnotes it needs (points corrected from the printed decision)."""
    t = _Rows(st, filled=result is not None)
    head = ["Các tiêu chí", "Thang điểm"] + (["Điểm đánh giá"] if t.filled else [])
    t.rows.append([Paragraph(f"<b>{h}</b>", st.cell_center) for h in head])
    for part in sheet.parts:
        _part(t, part, result)
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
    return table, t.corrections


def _part(t: _Rows, part: Part, result: ScoreResult | None) -> None:
    printed = (
        part.printed_title if f"({part.max} " in part.printed_title else f"{part.title} ({part.max} Điểm)"
    )
    awarded = number(result.parts.get(part.code)) if result else ""
    t.add(
        f"<b>Phần {esc(part.code)}:<br/>{esc(printed)}</b>",
        str(part.max),
        awarded,
        shade=PART_SHADE,
        bold_points=True,
        center=True,
    )
    for group in part.groups:
        _group(t, group, result)


def _group(t: _Rows, group: Group, result: ScoreResult | None) -> None:
    awarded = number(result.groups.get(group.code)) if result else ""
    single = len(group.criteria) == 1 and group.criteria[0].group_level
    t.add(
        _title(f"{group.code}. {group.title}"), str(group.max), awarded, shade=GROUP_SHADE, bold_points=True
    )
    for note in group.notes:
        t.add(f"<i>{esc(note)}</i>")
    for criterion in group.criteria:
        _criterion(t, criterion, result, depth=0, on_group_row=single)


def _criterion(t: _Rows, c: Criterion, result: ScoreResult | None, depth: int, on_group_row: bool) -> None:
    if not on_group_row:
        title = _title(f"{c.code}. {c.title}", indent=depth)
        if result is not None and c.code in result.not_applicable:
            title += " <i>(không áp dụng)</i>"
        t.add(title, str(c.max), _awarded(c, result), bold_points=True)
    for note in c.notes:
        t.add(f"<i>{esc(note)}</i>")
    for child in c.children:
        _criterion(t, child, result, depth + 1, on_group_row=False)
    chosen = result.answers.get(c.code) if result is not None else None
    for case_no, case_title in enumerate(c.cases):
        t.add(f"<i>Trường hợp {case_no + 1}: {esc(case_title)}</i>")
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
        t.corrections.append(
            f"Tiêu chí {c.code}: Quyết định in “{o.printed_points}”, áp dụng {points} điểm "
            "(đã hiệu chỉnh lỗi in theo điểm tối đa của tiêu chí)."
        )
        points += f"<super>({len(t.corrections)})</super>"
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
