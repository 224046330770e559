"""Danh sách sản phẩm được công nhận đạt sản phẩm OCOP, attached to the chairman's decision."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ocop_desktop.printing.blocks import cells, grid
from ocop_desktop.printing.data_office import ResultsData
from ocop_desktop.printing.forms import LANDSCAPE_WIDTH, FormSpec
from ocop_desktop.printing.markup import dots, esc, number, vn_date
from ocop_desktop.printing.styles import styles

W = LANDSCAPE_WIDTH
BLANK_ROWS = 10


def build(d: ResultsData) -> list[Flowable]:
    st = styles(13)
    issuer = esc(d.issuer) or f"Ủy ban nhân dân tỉnh {dots(3)}"
    decision = esc(d.decision_number) or dots(4)
    decided = (
        vn_date(d.decision_date).split(", ", 1)[1]
        if d.decision_date
        else f"ngày {dots(2)}/{dots(2)}/{dots(3)}"
    )
    head = cells(
        st,
        "TT",
        "Tên sản phẩm",
        "Chủ thể",
        "Địa chỉ",
        "Bộ sản phẩm",
        "Mã số sản phẩm",
        "Điểm",
        "Hạng sao",
        bold=True,
        center_from=0,
    )
    rows: list[list[object]] = [head]
    for i, r in enumerate(d.rows, start=1):
        rows.append(
            cells(
                st,
                i,
                r.product_name + (f" ({r.note})" if r.note else ""),
                r.producer_name,
                r.address,
                r.set_name,
                r.product_code,
                number(r.score),
                f"{r.stars} sao" if r.stars else "",
                centered=(0, 5, 6, 7),
            )
        )
    rows += [cells(st, "", "", "", "", "", "", "", "") for _ in range(0 if d.rows else BLANK_ROWS)]
    by_star: dict[int, int] = {}
    for r in d.rows:
        if r.stars:
            by_star[r.stars] = by_star.get(r.stars, 0) + 1
    out: list[Flowable] = [
        Paragraph("<b>DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN ĐẠT SẢN PHẨM OCOP</b>", st.title),
        Paragraph(f"<i>(Kèm theo Quyết định số {decision} {decided} của Chủ tịch {issuer})</i>", st.center),
        Spacer(1, 3 * mm),
        grid(rows, [W * f for f in (0.04, 0.17, 0.17, 0.22, 0.14, 0.11, 0.06, 0.09)]),
    ]
    if d.rows:
        summary = ", ".join(f"{n} sản phẩm {s} sao" for s, n in sorted(by_star.items(), reverse=True))
        out += [
            Spacer(1, 2 * mm),
            Paragraph(
                f"Tổng số: <b>{len(d.rows)}</b> sản phẩm" + (f" ({summary})." if summary else "."), st.body
            ),
        ]
    return out


SPEC = FormSpec(
    name="results",
    title="Danh sách sản phẩm được công nhận đạt sản phẩm OCOP",
    dto=ResultsData,
    build=build,
    wide=True,
    ref_kind="decision",
)
