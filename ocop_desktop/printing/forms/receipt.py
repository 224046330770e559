"""Phiếu tiếp nhận hồ sơ: the slip the commune gives the producer when it receives a dossier,
numbered …/PĐK-(T)-(X)-(YYYY) as in the office block of Mẫu 01."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ocop_desktop.printing.blocks import (
    box,
    cells,
    date_line,
    field,
    fields_inline,
    grid,
    header,
    signature,
    signatures,
)
from ocop_desktop.printing.data import FORM_LABELS
from ocop_desktop.printing.data_office import ReceiptData, ReceivedDocument
from ocop_desktop.printing.forms import PORTRAIT_WIDTH, FormSpec
from ocop_desktop.printing.markup import dots, esc, short_date
from ocop_desktop.printing.styles import styles

W = PORTRAIT_WIDTH
STANDARD_DOCUMENTS = (
    ReceivedDocument("Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP (Mẫu số 01)"),
    ReceivedDocument("Báo cáo tự đánh giá về sản phẩm (Mẫu số 02)"),
    ReceivedDocument("Tài liệu minh chứng kèm theo Báo cáo tự đánh giá"),
    ReceivedDocument("Hồ sơ điện tử (bản quét)"),
    ReceivedDocument("Sản phẩm mẫu (05 sản phẩm, trừ dịch vụ du lịch)"),
)


def build(d: ReceiptData) -> list[Flowable]:
    st = styles(13)
    agency = f"Ủy ban nhân dân {d.commune}" if d.commune else f"Ủy ban nhân dân xã/phường {dots(3)}"
    parent = f"Tỉnh {d.province}" if d.province else ""
    number = esc(d.number) if d.number else f"{dots(3)}/PĐK-(T)-(X)-(YYYY)"
    kinds = "    ".join(f"{label} {box(kind == d.registration)}" for kind, label in FORM_LABELS.items())
    docs = d.documents or STANDARD_DOCUMENTS
    rows: list[list[object]] = [
        cells(st, "TT", "Thành phần hồ sơ", "Số lượng", "Ghi chú", bold=True, center_from=0)
    ]
    rows += [
        cells(st, i, doc.title, doc.copies, doc.note, centered=(0, 2)) for i, doc in enumerate(docs, start=1)
    ]
    received = short_date(d.received_on) if d.received_on else ""
    due = short_date(d.due_on) if d.due_on else ""
    if due and d.due_estimated:  # the year's holidays are not announced yet: the date may move
        due += " (dự kiến)"
    days = dots(2) if d.commune_working_days is None else str(d.commune_working_days)
    sign_officer = signature(st, "NGƯỜI TIẾP NHẬN", "(Ký, ghi rõ họ tên)", d.officer.name)
    sign_submitter = signature(st, "NGƯỜI NỘP HỒ SƠ", "(Ký, ghi rõ họ tên)", d.submitter)
    return [
        header(
            st,
            W,
            parent=parent,
            agency_name=agency,
            under_right=[date_line(st, d.officer.place, d.officer.date)],
        ),
        Spacer(1, 5 * mm),
        Paragraph("<b>PHIẾU TIẾP NHẬN HỒ SƠ</b>", st.title),
        Paragraph("<b>Đăng ký đánh giá, phân hạng sản phẩm OCOP</b>", st.bold_center),
        Paragraph(f"Số: <b>{number}</b>", st.center),
        Spacer(1, 3 * mm),
        field(st, "Tiếp nhận hồ sơ của", d.producer.name),
        field(st, "Người đại diện", d.producer.representative.name),
        field(st, "Địa chỉ", d.producer.address),
        fields_inline(st, [("Điện thoại", d.producer.phone), ("Email", d.producer.email)]),
        field(st, "Tên sản phẩm", d.product_name),
        field(st, "Bộ sản phẩm", d.set_name),
        Paragraph(f"Lần đăng ký đánh giá: {kinds}", st.body),
        Paragraph("Thành phần hồ sơ đã nhận:", st.body),
        grid(rows, [W * f for f in (0.07, 0.58, 0.15, 0.20)]),
        Spacer(1, 2 * mm),
        field(st, "Ngày nhận hồ sơ", received),
        field(st, f"Hạn Ủy ban nhân dân cấp xã hoàn thành kiểm tra, đánh giá ({days} ngày làm việc)", due),
        Spacer(1, 3 * mm),
        KeepTogether([signatures(st, W, sign_submitter, sign_officer)]),
    ]


SPEC = FormSpec(
    name="receipt",
    title="Phiếu tiếp nhận hồ sơ đăng ký đánh giá, phân hạng sản phẩm OCOP",
    dto=ReceiptData,
    build=build,
)
