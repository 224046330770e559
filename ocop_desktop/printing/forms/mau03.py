"""Mẫu số 03: Báo cáo đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng
sản phẩm OCOP (the commune's report, QĐ 26/2026 Phụ lục III)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ocop_desktop.printing import official_text as T
from ocop_desktop.printing.blocks import (
    date_line,
    field,
    fields_inline,
    form_number,
    header,
    signature,
    signatures,
    text_or_lines,
)
from ocop_desktop.printing.data import Mau03Data
from ocop_desktop.printing.forms import PORTRAIT_WIDTH, FormSpec
from ocop_desktop.printing.markup import dots, esc
from ocop_desktop.printing.styles import styles

W = PORTRAIT_WIDTH


def build(d: Mau03Data) -> list[Flowable]:
    st = styles(13)
    rep = d.producer.representative
    agency = f"Ủy ban nhân dân {d.commune}" if d.commune else f"Ủy ban nhân dân xã/phường {dots(3)}"
    number = esc(d.number) if d.number else f"{dots(3)}/BC-UBND"
    out: list[Flowable] = [
        form_number(st, "Mẫu số 03"),
        header(
            st,
            W,
            agency_name=agency,
            under_left=[Paragraph(f"Số: {number}", st.center.clone("no", fontSize=st.size - 1))],
            under_right=[date_line(st, d.signed.place, d.signed.date)],
        ),
        Spacer(1, 5 * mm),
        Paragraph(f"<b>{T.MAU03_TITLE}</b>", st.title),
        Paragraph(f"<b>{T.MAU03_SUBTITLE}</b>", st.bold_center),
        Spacer(1, 3 * mm),
        Paragraph("<b>I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM</b>", st.body),
        field(st, "1. Tên chủ thể", d.producer.name),
        field(st, "2. Loại hình tổ chức", d.producer.kind),
        field(st, "3. Địa chỉ", d.producer.address),
        Paragraph("4. Tên người đại diện pháp luật:", st.body),
        field(st, "- Họ tên", rep.name),
        fields_inline(st, [(T.GENDER_LABEL, rep.gender), ("Dân tộc", rep.ethnicity)]),
        field(st, "- Địa chỉ thường trú", rep.permanent_address),
        field(st, "5. Sản phẩm đăng ký đánh giá", d.product_name),
        Paragraph("<b>II. ĐÁNH GIÁ MỘT SỐ NỘI DUNG CỦA HỒ SƠ SẢN PHẨM</b>", st.body),
    ]
    texts = (d.local_materials, d.local_labour, d.idea_origin, d.local_identity)
    for i, ((title, hint), text) in enumerate(zip(T.MAU03_ITEMS, texts, strict=True), start=1):
        out.append(Paragraph(f"{i}. {title}: <i>{hint}</i>", st.justify))
        out += text_or_lines(st, text, 3)
    commune = esc(d.commune) if d.commune else f"xã {dots(3)}"
    province = f"tỉnh {esc(d.province)}" if d.province else f"tỉnh {dots(3)}"
    product = esc(d.product_name) or dots(6)
    producer = esc(d.producer.name) or dots(6)
    out.append(
        Paragraph(
            f"Ủy ban nhân dân {commune} đề nghị Ủy ban nhân dân {province} đánh giá, phân hạng sản phẩm "
            f"OCOP cho sản phẩm {product} của {producer}.",
            st.justify,
        )
    )
    sign = signature(
        st,
        f"T.M ỦY BAN NHÂN DÂN {d.commune.upper()}" if d.commune else "T.M ỦY BAN NHÂN DÂN XÃ....",
        "(Ký tên và đóng dấu)",
        d.signed.name,
    )
    out += [Spacer(1, 3 * mm), KeepTogether([signatures(st, W, None, sign)])]
    return out


SPEC = FormSpec(name="mau03", title=T.MAU03_SUBTITLE, dto=Mau03Data, build=build)
