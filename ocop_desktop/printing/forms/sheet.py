"""A scoring sheet (Phụ lục II: "Bộ tiêu chí đánh giá sản phẩm OCOP (Kiêm phiếu đánh giá sản
phẩm OCOP)") of one product set, blank or filled with one evaluator's answers."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult
from ocop_desktop.printing.blocks import CenteredRule, field, signature, signatures, text_or_lines
from ocop_desktop.printing.data_sheet import SheetData
from ocop_desktop.printing.forms import PORTRAIT_WIDTH, FormSpec
from ocop_desktop.printing.forms.sheet_table import Footnotes, criteria_table
from ocop_desktop.printing.markup import esc, number
from ocop_desktop.printing.styles import Styles, styles

W = PORTRAIT_WIDTH
STAR_LEGEND = (
    "Ghi chú: Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao "
    "(*** - 3 sao; **** - 4 sao; ***** - 5 sao)"
)


def build(d: SheetData) -> list[Flowable]:
    st = styles(13)
    sheet = d.sheet
    notes = Footnotes()
    on_sheet = notes.notices(tuple(n for n in sheet.notices if n.on_sheet))
    out: list[Flowable] = [
        Paragraph(
            f"<i>Bộ tiêu chí {esc(sheet.ruleset_id)} – bộ số {sheet.number} ({esc(sheet.code)})</i>",
            st.right.clone("setref", fontSize=st.size - 3),
        ),
        Paragraph("<b>BỘ TIÊU CHÍ ĐÁNH GIÁ SẢN PHẨM OCOP</b>", st.title),
        Paragraph("<b>(Kiêm phiếu đánh giá sản phẩm OCOP)</b>", st.bold_center),
        Spacer(1, 2 * mm),
        Paragraph(f"<b>{sheet.number}. Bộ sản phẩm: {esc(sheet.name)}</b>{on_sheet}", st.body),
        *_header(st, d),
    ]
    if d.role:
        out.append(Paragraph(f"<b>{esc(d.role)}</b>", st.body))
    table = criteria_table(st, sheet, d.result, W, notes)
    out += [Spacer(1, 1 * mm), table]
    small = st.body.clone("sheetnote", fontSize=st.size - 2, leading=(st.size - 2) * 1.25)
    for i, text in enumerate(notes.texts, start=1):
        out.append(Paragraph(f"({i}) {esc(text)}", small))
    if d.result is not None:
        out += _summary(st, d.result, sheet)
    out += _footer(st, d)
    return out


def _header(st: Styles, d: SheetData) -> list[Flowable]:
    sheet, h = d.sheet, d.header
    classification = next((line for line in sheet.header if line.startswith("(")), "")
    explanation = next((line for line in sheet.header if line.startswith("T:")), "")
    code_line = esc(h.product_code) if h.product_code else "(T)-(X)-(STT)-20……"
    out: list[Flowable] = []
    if classification:
        out.append(Paragraph(esc(classification), st.body))
    out += [
        Spacer(1, 2 * mm),
        CenteredRule(35 * mm, gap=4),
        field(st, "Tên sản phẩm", h.product_name),
        Paragraph(f"Mã số sản phẩm: {code_line}", st.body),
    ]
    if explanation:
        out.append(
            Paragraph(
                f"<i>{esc(explanation)}</i>",
                st.body.clone("expl", fontSize=st.size - 2, leading=(st.size - 2) * 1.25),
            )
        )
    out += [
        field(st, "Tên chủ thể sản xuất", h.producer_name),
        field(st, "Số điện thoại", h.phone),
        field(st, "Địa chỉ", h.address),
    ]
    if sheet.knockout_clause:
        out.append(Paragraph(f"<i>{esc(sheet.knockout_clause)}</i>", st.justify))
    return out


def _summary(st: Styles, r: ScoreResult, sheet: Sheet) -> list[Flowable]:
    """Totals and star exactly as the scoring engine computed them."""
    lines = [f"<b>Tổng điểm: {number(r.total)}/{number(r.max)}.</b> Hạng theo tổng điểm: {r.band_star} sao."]
    if r.eliminated:
        reasons = "; ".join(esc(sheet.reason_label(x)) for x in (*r.knockouts, *r.stops))
        lines.append(f"<b>Kết quả: sản phẩm bị loại</b> ({reasons}).")
    else:
        lines.append(f"<b>Kết quả xếp hạng: {r.star} sao ({'*' * r.star}).</b>")
    for check in r.floors:
        state = "đạt" if check.met else "chưa đạt (tiêu chí " + ", ".join(check.unmet) + ")"
        lines.append(f"Yêu cầu tối thiểu {check.star} sao: {state}.")
    if r.next_star is not None and not r.eliminated:
        need = [f"thêm {number(r.next_star.missing_points)} điểm"] if r.next_star.missing_points else []
        need += [f"tiêu chí {f.criterion} ≥ {f.min_points} điểm" for f in r.next_star.blocking]
        if need:
            lines.append(f"Để đạt {r.next_star.star} sao cần: " + "; ".join(need) + ".")
    box = [Paragraph(line, st.body.clone("sum", spaceAfter=1)) for line in lines]
    return [Spacer(1, 3 * mm), KeepTogether(box)]


def _footer(st: Styles, d: SheetData) -> list[Flowable]:
    sheet = d.sheet
    legend = next((line for line in sheet.footer if line.startswith("Ghi chú")), "")
    if not legend and sheet.floors():
        legend = STAR_LEGEND  # set 26 has star markers but the decision prints no legend for it
    blank_lines = sum(1 for line in sheet.footer if line.startswith("…")) or 3
    out: list[Flowable] = [Spacer(1, 2 * mm)]
    if legend:
        out.append(Paragraph(f"<i>{esc(legend)}</i>", st.justify))
    opinion = [
        Paragraph("<b>Ý kiến của người đánh giá:</b>", st.body),
        *text_or_lines(st, d.remarks, blank_lines),
    ]
    sign = signature(
        st,
        "Người đánh giá",
        "(Ký và ghi rõ họ tên)",
        d.evaluator.name,
        place=d.evaluator.place,
        when=d.evaluator.date,
        blank_date=True,
    )
    out.append(KeepTogether(opinion + [signatures(st, W, None, sign)]))
    return out


SPEC = FormSpec(
    name="sheet",
    title="Bộ tiêu chí đánh giá sản phẩm OCOP (Kiêm phiếu đánh giá sản phẩm OCOP)",
    dto=SheetData,
    build=build,
    ref_kind="dossier",
)
