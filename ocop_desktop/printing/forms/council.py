"""Bảng tổng hợp điểm đánh giá của Hội đồng: members × criteria for one product, with the mean
and spread of each criterion, the members' totals, and the summary (mean total, spread of the
totals against the allowed maximum, star) computed by the caller."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ocop_desktop.printing.blocks import GROUP_ROW_SHADE, cells, field, grid, signature, signatures
from ocop_desktop.printing.data_office import CouncilMatrixData
from ocop_desktop.printing.forms import LANDSCAPE_WIDTH, FormSpec
from ocop_desktop.printing.markup import esc, number
from ocop_desktop.printing.styles import styles

W = LANDSCAPE_WIDTH
BLANK_MEMBERS = 7


def _mean_spread(values: tuple[float | None, ...]) -> tuple[float | None, float | None]:
    got = [v for v in values if v is not None]
    if not got:
        return None, None
    return sum(got) / len(got), max(got) - min(got)


def build(d: CouncilMatrixData) -> list[Flowable]:
    st = styles(12)
    members = d.members or tuple("" for _ in range(BLANK_MEMBERS))
    n = len(members)
    head = cells(
        st,
        "Mã",
        "Tiêu chí",
        "Tối đa",
        *[f"TV{i}" for i in range(1, n + 1)],
        "Trung bình",
        "Chênh lệch",
        bold=True,
        center_from=0,
    )
    rows: list[list[object]] = [head]
    for r in d.rows:
        scores = tuple(r.scores) + (None,) * (n - len(r.scores))
        mean, spread = _mean_spread(scores)
        rows.append(
            cells(
                st,
                r.code,
                r.title,
                number(r.max_points),
                *[number(v) for v in scores[:n]],
                number(mean),
                number(spread),
                centered=(0, *range(2, n + 5)),
            )
        )
    if not d.rows:
        rows += [cells(st, *[""] * (n + 5)) for _ in range(10)]
    totals = tuple(d.totals) + (None,) * (n - len(d.totals))
    _, totals_spread = _mean_spread(totals)
    rows.append(
        cells(
            st,
            "",
            "TỔNG ĐIỂM",
            "100",
            *[number(v) for v in totals[:n]],
            number(d.mean_total),
            number(d.spread if d.spread is not None else totals_spread),
            bold=True,
            center_from=2,
        )
    )
    # code, title, max, one column per member, mean, spread; the title takes what is left
    member_w = min(0.07, 0.5 / n)
    widths = [0.05, 0.0, 0.06] + [member_w] * n + [0.09, 0.09]
    widths[1] = 1 - sum(widths)
    last = len(rows) - 1
    table = grid(
        rows, [W * f for f in widths], extra=[("BACKGROUND", (0, last), (-1, last), GROUP_ROW_SHADE)]
    )
    legend = (
        "; ".join(f"TV{i}: {esc(name)}" for i, name in enumerate(d.members, start=1)) if d.members else ""
    )
    verdict = _verdict(d)
    summary = [
        Paragraph("<b>Tổng hợp:</b>", st.body),
        Paragraph(
            f"- Điểm trung bình của Hội đồng: <b>{number(d.mean_total) or '……'}</b> điểm"
            + (f"; {verdict}." if verdict else "."),
            st.body,
        ),
        Paragraph(
            f"- Đề nghị xếp hạng: <b>{d.stars} sao</b>." if d.stars else "- Đề nghị xếp hạng: …… sao.",
            st.body,
        ),
    ]
    if d.conclusion:
        summary.append(Paragraph(f"- Kết luận: {esc(d.conclusion)}", st.body))
    sign = signature(st, "THƯ KÝ HỘI ĐỒNG", "(Ký, ghi rõ họ tên)", "")
    chair = signature(
        st,
        "CHỦ TỊCH HỘI ĐỒNG",
        "(Ký, ghi rõ họ tên)",
        d.signed.name,
        place=d.signed.place,
        when=d.signed.date,
        blank_date=True,
    )
    out: list[Flowable] = [
        Paragraph(
            f"<b>{esc(d.council.upper()) or 'HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP'}</b>", st.body
        ),
        Paragraph("<b>BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ CỦA CÁC THÀNH VIÊN HỘI ĐỒNG</b>", st.title),
        Spacer(1, 2 * mm),
        field(st, "Đợt đánh giá", d.round_name, W),
        field(st, "Sản phẩm", d.product_name, W),
        field(st, "Chủ thể", d.producer_name, W),
        field(st, "Bộ sản phẩm", d.set_name, W),
        table,
    ]
    if legend:
        out.append(Paragraph(f"<i>{legend}</i>", st.small))
    out += [Spacer(1, 2 * mm), KeepTogether(summary + [signatures(st, W, sign, chair)])]
    return out


def _verdict(d: CouncilMatrixData) -> str:
    """The spread against the round's limit (none printed when the caller gave no limit)."""
    if d.spread is None:
        return ""
    spread = f"chênh lệch {number(d.spread)} điểm"
    if d.max_spread is None:
        return spread
    if d.spread <= d.max_spread:
        return f"{spread}, trong giới hạn {number(d.max_spread)} điểm"
    return f"{spread}, <b>vượt quá {number(d.max_spread)} điểm: Hội đồng thảo luận và chấm lại</b>"


SPEC = FormSpec(
    name="council-matrix",
    title="Bảng tổng hợp điểm đánh giá của Hội đồng",
    dto=CouncilMatrixData,
    build=build,
    wide=True,
    base_size=12,
    ref_kind="council",
)
