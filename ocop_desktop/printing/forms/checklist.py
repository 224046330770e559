"""Danh mục kiểm tra thành phần hồ sơ: the commune's checklist of the dossier's components,
with requirement, provided or not, expiry of time-limited papers and notes."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ocop_desktop.printing.blocks import (
    GROUP_ROW_SHADE,
    box,
    cells,
    field,
    grid,
    header,
    signature,
    signatures,
)
from ocop_desktop.printing.data import FORM_LABELS
from ocop_desktop.printing.data_office import ChecklistData, ChecklistItem
from ocop_desktop.printing.forms import PORTRAIT_WIDTH, FormSpec
from ocop_desktop.printing.markup import dots, esc, short_date
from ocop_desktop.printing.styles import styles

W = PORTRAIT_WIDTH
BLANK_ROWS = 12


def build(d: ChecklistData) -> list[Flowable]:
    st = styles(13)
    agency = f"Ủy ban nhân dân {d.commune}" if d.commune else f"Ủy ban nhân dân xã/phường {dots(3)}"
    kind = FORM_LABELS.get(d.registration, "") if d.registration else ""
    rows: list[list[object]] = [
        cells(
            st,
            "TT",
            "Thành phần hồ sơ",
            "Yêu cầu",
            "Có",
            "Không",
            "Hết hạn",
            "Ghi chú",
            bold=True,
            center_from=0,
        )
    ]
    extra: list[tuple] = []
    group = None
    items = d.items or tuple(ChecklistItem("") for _ in range(BLANK_ROWS))
    number = 0
    for item in items:
        if item.group and item.group != group:
            group = item.group
            rows.append(cells(st, "", group, "", "", "", "", "", bold=True))
            extra += [
                ("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)),
                ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), GROUP_ROW_SHADE),
            ]
        number += 1
        given, missing = (item.provided is True), (item.provided is False)
        rows.append(
            cells(
                st,
                number if item.label else "",
                item.label,
                item.requirement,
                box(given),
                box(missing),
                short_date(item.expires_on) if item.expires_on else "",
                item.note,
                centered=(0, 3, 4, 5),
            )
        )
    sign = signature(
        st,
        "CÁN BỘ KIỂM TRA",
        "(Ký, ghi rõ họ tên)",
        d.checked_by.name,
        place=d.checked_by.place,
        when=d.checked_by.date,
        blank_date=True,
    )
    out: list[Flowable] = [
        header(st, W, agency_name=agency),
        Spacer(1, 4 * mm),
        Paragraph("<b>DANH MỤC KIỂM TRA THÀNH PHẦN HỒ SƠ</b>", st.title),
        Paragraph("<b>Đăng ký đánh giá, phân hạng sản phẩm OCOP</b>", st.bold_center),
        Spacer(1, 2 * mm),
        field(st, "Chủ thể", d.producer_name),
        field(st, "Sản phẩm", d.product_name),
        field(st, "Bộ sản phẩm", d.set_name),
        field(st, "Lần đăng ký đánh giá", kind),
        grid(rows, [W * f for f in (0.06, 0.39, 0.13, 0.06, 0.09, 0.12, 0.15)], extra=extra),
    ]
    if d.summary:
        out += [Spacer(1, 2 * mm), Paragraph(f"<b>Kết luận:</b> {esc(d.summary)}", st.body)]
    out += [Spacer(1, 3 * mm), KeepTogether([signatures(st, W, None, sign)])]
    return out


SPEC = FormSpec(name="checklist", title="Danh mục kiểm tra thành phần hồ sơ", dto=ChecklistData, build=build)
