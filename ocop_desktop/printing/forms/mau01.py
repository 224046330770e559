"""Mẫu số 01: Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP (QĐ 26/2026, Phụ lục III)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer

from ocop_desktop.domain.dossiers import RegistrationType
from ocop_desktop.printing import official_text as T
from ocop_desktop.printing.blocks import (
    box,
    dotted_lines,
    field,
    fields_inline,
    form_number,
    header,
    leader,
    signature,
    signatures,
)
from ocop_desktop.printing.data import FORM_LABELS, Mau01Data, OfficeReceipt
from ocop_desktop.printing.forms import PORTRAIT_WIDTH, FormSpec
from ocop_desktop.printing.markup import dots, esc, fill, short_date
from ocop_desktop.printing.styles import Styles, styles

W = PORTRAIT_WIDTH
CLASSIFICATION = "Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm"


def build(d: Mau01Data) -> list[Flowable]:
    st = styles(13)
    rep = d.producer.representative
    year = str(d.year) if d.year else dots(3)
    out: list[Flowable] = [
        form_number(st, "Mẫu số 01"),
        header(st, W),
        Spacer(1, 4 * mm),
        Paragraph(f"<b>{T.MAU01_TITLE}</b>", st.title),
        Paragraph(f"<b>{T.MAU01_SUBTITLE}<br/>của tỉnh {fill(d.province, 5)} năm {year}</b>", st.bold_center),
        Spacer(1, 3 * mm),
        Paragraph("1. Thông tin về đơn vị đăng ký:", st.body),
        field(st, "- Tên đơn vị", d.producer.name),
        field(st, "- Họ tên người đại diện pháp lý", rep.name),
        field(st, "- Chức vụ", rep.position),
        field(st, "- Địa chỉ liên hệ", d.producer.address),
        fields_inline(st, [("Điện thoại", d.producer.phone), ("Email", d.producer.email)], "- "),
        field(st, "2. Tên sản phẩm", d.product_name),
        Paragraph(
            f"3. {esc(CLASSIFICATION)}<super>1</super>: "
            f"{esc(d.classification) or leader(st, '3. ' + CLASSIFICATION + '1: ', reserve=8)}",
            st.body,
        ),
    ]
    if not d.classification:
        out += dotted_lines(st, 1)
    out += [
        Paragraph("4. Lần đăng ký đánh giá: " + _kinds(d.registration), st.body),
        Paragraph("5. Tài liệu kèm theo:", st.body),
        Paragraph("- Báo cáo đánh giá về sản phẩm theo Bộ tiêu chí (bản gốc, bản điện tử).", st.body),
        field(st, "- Sản phẩm mẫu (số lượng)", d.samples),
        Paragraph(T.MAU01_PLEDGE, st.justify),
        Spacer(1, 2 * mm),
        signatures(
            st,
            W,
            None,
            signature(
                st,
                "ĐẠI DIỆN",
                "(Ký, đóng dấu, ghi rõ họ tên)",
                d.signed.name,
                place=d.signed.place,
                when=d.signed.date,
                blank_date=True,
            ),
        ),
        Spacer(1, 3 * mm),
        HRFlowable(width=40 * mm, thickness=0.5, hAlign="LEFT", spaceAfter=2),
        Paragraph(f"<super>1</super> {T.MAU01_FOOTNOTE}", st.small),
        Spacer(1, 6 * mm),
        KeepTogether(
            [
                Paragraph("<b>PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ</b>", st.center),
                _office(st, "DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ", d.commune_receipt),
            ]
        ),
        _office(st, "DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH", d.province_receipt),
    ]
    return out


def _kinds(chosen: RegistrationType | None) -> str:
    return "    ".join(f"{label}: {box(kind == chosen)}" for kind, label in FORM_LABELS.items())


def _office(st: Styles, title: str, r: OfficeReceipt) -> KeepTogether:
    number = esc(r.number) if r.number else f"{dots(2)}-{dots(2)} /PĐK- (Mã tỉnh) - (Mã xã) - (Năm)"
    received = short_date(r.received_on) if r.received_on else leader(st, "Ngày nhận: ")
    sign = signature(st, "Cơ quan tiếp nhận", "(Ký, đóng dấu và ghi rõ họ tên)")
    return KeepTogether(
        [
            Spacer(1, 3 * mm),
            Paragraph(f"<b>{title}</b>", st.body),
            Paragraph(f"Phiếu số: {number}", st.body),
            Paragraph(f"Ngày nhận: {received}", st.body),
            fields_inline(st, [("Người tiếp nhận", r.officer), ("Chữ ký", "")]),
            signatures(st, W, None, sign[:-2] + [Spacer(1, 16 * mm)]),
        ]
    )


SPEC = FormSpec(name="mau01", title=T.MAU01_NAME, dto=Mau01Data, build=build)
