"""Phiếu hướng dẫn bổ sung hồ sơ: handed to the producer at the commune's desk, listing only what is still
to bring — the province's reasons when it returned the dossier, the required papers missing, and the papers
expired or about to expire. Not an official form of QĐ 26 (the decision prescribes none for this); the
header and signature follow the commune's other papers."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ocop_desktop.printing.blocks import cells, field, grid, header, signature, signatures
from ocop_desktop.printing.data_office import ChecklistItem, SupplementData
from ocop_desktop.printing.forms import PORTRAIT_WIDTH, FormSpec
from ocop_desktop.printing.markup import dots, esc, short_date
from ocop_desktop.printing.styles import Styles, styles

W = PORTRAIT_WIDTH
BLANK_ROWS = 6


def build(d: SupplementData) -> list[Flowable]:
    st = styles(13)
    agency = f"Ủy ban nhân dân {d.commune}" if d.commune else f"Ủy ban nhân dân xã/phường {dots(3)}"
    out: list[Flowable] = [
        header(st, W, agency_name=agency),
        Spacer(1, 4 * mm),
        Paragraph("<b>PHIẾU HƯỚNG DẪN BỔ SUNG HỒ SƠ</b>", st.title),
        Paragraph("<b>Đăng ký đánh giá, phân hạng sản phẩm OCOP</b>", st.bold_center),
        Spacer(1, 2 * mm),
        field(st, "Chủ thể", d.producer_name),
        field(st, "Sản phẩm", d.product_name),
        field(st, "Số phiếu tiếp nhận", d.receipt_number),
    ]
    number = 0
    if d.return_reasons.strip():
        number += 1
        out += [
            Spacer(1, 2 * mm),
            Paragraph(f"<b>{number}. Nội dung cơ quan cấp tỉnh đề nghị bổ sung, hoàn thiện</b>", st.body),
            *[
                Paragraph(esc(line), st.body)
                for line in d.return_reasons.strip().splitlines()
                if line.strip()
            ],
        ]
    number += 1
    out += [
        Spacer(1, 2 * mm),
        Paragraph(f"<b>{number}. Giấy tờ bắt buộc còn thiếu</b>", st.body),
        _missing_table(st, d.missing) if d.missing or not d.ref.id else _none(st),
    ]
    number += 1
    out += [
        Spacer(1, 2 * mm),
        Paragraph(
            f"<b>{number}. Giấy tờ đã hết hạn hoặc hết hạn trong {d.expiring_within_days} ngày tới</b>",
            st.body,
        ),
        _expiring_table(st, d.expiring) if d.expiring or not d.ref.id else _none(st),
        Spacer(1, 3 * mm),
        Paragraph(
            "Đề nghị chủ thể bổ sung các giấy tờ trên và nộp tại bộ phận tiếp nhận của Ủy ban nhân dân "
            "cấp xã. Khi nộp, mang theo phiếu này.",
            st.body,
        ),
    ]
    sign = signature(
        st,
        "CÁN BỘ HƯỚNG DẪN",
        "(Ký, ghi rõ họ tên)",
        d.issued_by.name,
        place=d.issued_by.place,
        when=d.issued_by.date,
        blank_date=True,
    )
    out += [Spacer(1, 3 * mm), KeepTogether([signatures(st, W, None, sign)])]
    return out


def _missing_table(st: Styles, items: tuple[ChecklistItem, ...]) -> Flowable:
    rows: list[list[object]] = [cells(st, "TT", "Giấy tờ", "Ghi chú", bold=True, center_from=0)]
    shown = items or tuple(ChecklistItem("") for _ in range(BLANK_ROWS))
    for i, item in enumerate(shown, start=1):
        rows.append(cells(st, i if item.label else "", item.label, item.note, centered=(0,)))
    return grid(rows, [W * f for f in (0.07, 0.63, 0.30)])


def _expiring_table(st: Styles, items: tuple[ChecklistItem, ...]) -> Flowable:
    rows: list[list[object]] = [
        cells(st, "TT", "Giấy tờ", "Hết hạn ngày", "Ghi chú", bold=True, center_from=0)
    ]
    shown = items or tuple(ChecklistItem("") for _ in range(BLANK_ROWS // 2))
    for i, item in enumerate(shown, start=1):
        when = short_date(item.expires_on) if item.expires_on else ""
        rows.append(cells(st, i if item.label else "", item.label, when, item.note, centered=(0, 2)))
    return grid(rows, [W * f for f in (0.07, 0.55, 0.16, 0.22)])


def _none(st: Styles) -> Flowable:
    return Paragraph("Không có.", st.body)


SPEC = FormSpec(name="supplement", title="Phiếu hướng dẫn bổ sung hồ sơ", dto=SupplementData, build=build)
