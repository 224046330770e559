"""Giấy chứng nhận sản phẩm OCOP: a draft of the certificate the provincial chairman signs
(3★/4★; 36 months from the decision, QĐ 26/2026 Art. 4.3). Landscape, framed, marked
"DỰ THẢO" while it is a draft."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ocop_desktop.printing.blocks import PLAIN, header, signature, signatures
from ocop_desktop.printing.data_office import CertificateData
from ocop_desktop.printing.forms import LANDSCAPE_WIDTH, FormSpec
from ocop_desktop.printing.markup import dots, esc, fill, vn_date
from ocop_desktop.printing.styles import styles

W = LANDSCAPE_WIDTH


def build(d: CertificateData) -> list[Flowable]:
    st = styles(14)
    issuer = d.issuer or f"Ủy ban nhân dân tỉnh {dots(3)}"
    stars = f"{d.stars} SAO" if d.stars else f"{dots(2)} SAO"
    decision = esc(d.decision_number) or dots(4)
    decided = (
        vn_date(d.decision_date).split(", ", 1)[1]
        if d.decision_date
        else f"ngày {dots(2)} tháng {dots(2)} năm {dots(3)}"
    )
    valid = (
        vn_date(d.valid_until).split(", ", 1)[1]
        if d.valid_until
        else f"ngày {dots(2)} tháng {dots(2)} năm {dots(3)}"
    )
    big = st.bold_center.clone("big", fontSize=22, leading=28, spaceAfter=6)
    body = st.center.clone("cbody", fontSize=15, leading=20, spaceAfter=5)
    inner: list[Flowable] = []
    if d.draft:
        inner.append(Paragraph("<b>DỰ THẢO</b>", st.right.clone("draft", fontSize=12, textColor=colors.red)))
    inner += [
        header(st, W - 16 * mm, agency_name=issuer),
        Spacer(1, 6 * mm),
        Paragraph(f"<b>{esc(d.signer_title.upper())} {esc(issuer.upper())}</b>", body),
        Paragraph("<b>CHỨNG NHẬN</b>", big),
        Paragraph(f"Sản phẩm: <b>{fill(d.product_name, 25)}</b>", body),
        Paragraph(f"Mã số sản phẩm: {fill(d.product_code, 12)}", body),
        Paragraph(f"Chủ thể: <b>{fill(d.producer_name, 25)}</b>", body),
        Paragraph(f"Địa chỉ: {fill(d.producer_address, 30)}", body),
        Paragraph(f"<b>Đạt sản phẩm OCOP hạng {stars}</b>", big),
        Paragraph(f"<i>(Theo Quyết định số {decision} {decided})</i>", body),
        Paragraph(f"<i>Giấy chứng nhận có giá trị đến {valid}</i>", body),
        signatures(
            st,
            W - 16 * mm,
            None,
            signature(
                st,
                d.signer_title.upper(),
                "",
                d.signed.name,
                place=d.signed.place,
                when=d.signed.date,
                blank_date=True,
            ),
        ),
    ]
    frame = Table(
        [[inner]],
        colWidths=[W],
        style=TableStyle(
            PLAIN
            + [
                ("BOX", (0, 0), (-1, -1), 2.5, colors.Color(0.55, 0.1, 0.1)),
                ("INNERGRID", (0, 0), (-1, -1), 0, colors.white),
                ("LEFTPADDING", (0, 0), (-1, -1), 8 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 6 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
            ]
        ),
    )
    return [frame]


SPEC = FormSpec(
    name="certificate",
    title="Giấy chứng nhận sản phẩm OCOP (dự thảo)",
    dto=CertificateData,
    build=build,
    wide=True,
    base_size=14,
)
