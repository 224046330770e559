"""Mẫu số 02: Báo cáo tự đánh giá về sản phẩm (QĐ 26/2026, Phụ lục III), Parts I–IV."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ocop_desktop.printing import official_text as T
from ocop_desktop.printing.blocks import (
    box,
    cells,
    field,
    fields_inline,
    form_number,
    grid,
    header,
    signature,
    signatures,
    text_or_lines,
)
from ocop_desktop.printing.data import EvidenceItem, Mau02Data
from ocop_desktop.printing.forms import PORTRAIT_WIDTH, FormSpec
from ocop_desktop.printing.markup import esc, esc_lines, number, short_date
from ocop_desktop.printing.styles import Styles, styles

W = PORTRAIT_WIDTH
BLANK_SCORE_ROWS = 8


def build(d: Mau02Data) -> list[Flowable]:
    st = styles(13)
    return [
        form_number(st, "Mẫu số 02"),
        header(st, W),
        Spacer(1, 3 * mm),
        Paragraph(f"<b>{T.MAU02_TITLE}</b>", st.title),
        Paragraph("<i>(Dành cho chủ thể có sản phẩm đăng ký)</i>", st.center),
        *_part1(st, d),
        *_part2(st, d),
        *_part3(st, d),
        *_part4(st, d),
    ]


def _part_title(st: Styles, number: str, title: str) -> list[Flowable]:
    return [
        Spacer(1, 2 * mm),
        Paragraph(f"<b>{number}</b>", st.center.clone("p0", spaceAfter=0)),
        Paragraph(f"<b>{title}</b>", st.center),
    ]


def _part1(st: Styles, d: Mau02Data) -> list[Flowable]:
    p, rep, t = d.producer, d.producer.representative, d.ticks
    founded = short_date(d.founded_on) if d.founded_on else ""
    out = _part_title(st, "Phần I", "THÔNG TIN CHUNG") + [
        field(st, "1. Tên chủ thể", p.name),
        field(st, "2. Loại hình tổ chức", p.kind),
        field(st, "3. Địa chỉ", p.address),
        fields_inline(st, [("4. Điện thoại", p.phone), ("Email", p.email)]),
        Paragraph("5. Tên người đại diện pháp luật:", st.body),
        field(st, "- Họ tên", rep.name),
        fields_inline(st, [(T.GENDER_LABEL, rep.gender or ""), ("Dân tộc", rep.ethnicity)]),
        field(st, "- Địa chỉ thường trú", rep.permanent_address),
        fields_inline(
            st,
            [
                ("6. Ngày thành lập/đăng ký kinh doanh", founded),
                ("Số giấy đăng ký (nếu có)", d.registration_number),
            ],
        ),
        Paragraph("7. Tên sản phẩm/dịch vụ, mô tả về quy cách sản phẩm, tiêu chuẩn:", st.body),
        *text_or_lines(st, d.product_description, 2),
        Paragraph("Đánh dấu (√) vào mục tương ứng:", st.body),
        Paragraph(f"a) Giấy đăng ký kinh doanh: {box(t.business_registration)}", st.body),
        Paragraph(f"b) Đã công bố chất lượng sản phẩm theo quy định: {box(t.quality_declared)}", st.body),
        Paragraph("c) Đã có các điều kiện sản xuất theo quy định:", st.body),
        Paragraph(
            "- Giấy chứng nhận cơ sở đủ điều kiện vệ sinh an toàn thực phẩm theo quy định của pháp luật cho "
            f"sản xuất sản phẩm: {box(t.food_safety_certificate)}",
            st.body,
        ),
        Paragraph(
            "- Giấy chứng nhận cơ sở đủ điều kiện sản xuất bắt buộc theo quy định cho sản phẩm "
            f"<i>(đối với các sản phẩm bắt buộc theo quy định)</i> {box(t.sector_certificate)}",
            st.body,
        ),
        Paragraph(f"d) Đã có đăng ký sở hữu trí tuệ: {box(t.ip_registered)}", st.body),
        Paragraph(f"+ Giấy chứng nhận đăng ký nhãn hiệu: {box(t.trademark)}", st.body),
        Paragraph(
            "+ Văn bản ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận: "
            f"{box(t.gi_collective_mark)}",
            st.body,
        ),
        Paragraph(f"+ Bằng sáng chế {box(t.patent)}", st.body),
        Paragraph(f"+ Bằng độc quyền kiểu dáng công nghiệp: {box(t.industrial_design)}", st.body),
        Paragraph(f"+ Giấy chứng nhận bản quyền tác giả {box(t.copyright)}", st.body),
        Paragraph(f"+ Khác (ghi rõ): {box(bool(t.other_ip))} {esc(t.other_ip)}", st.body),
        Paragraph("8. Lịch sử hình thành của chủ thể (nêu các giai đoạn hình thành và phát triển):", st.body),
        *text_or_lines(st, d.history, 2),
        Paragraph("9. Cơ cấu tổ chức của chủ thể:", st.body),
        *text_or_lines(st, d.organisation, 1),
    ]
    return out


def _part2(st: Styles, d: Mau02Data) -> list[Flowable]:
    out = _part_title(st, "Phần II", "KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH")
    out += [
        Paragraph(T.MAU02_PART2_INTRO, st.justify),
        Paragraph("Lưu ý: trình bày rõ một số nội dung sau:", st.body),
    ]
    texts = (d.materials_and_technology, d.quality_changes, d.markets, d.business_results)
    for topic, text in zip(T.MAU02_PART2_TOPICS, texts, strict=True):
        out.append(Paragraph(f"- {topic}", st.justify))
        out += text_or_lines(st, text, 2)
    return out


def _part3(st: Styles, d: Mau02Data) -> list[Flowable]:
    out = _part_title(st, "Phần III", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP")
    out += [Paragraph(f"- {line}", st.justify) for line in T.MAU02_PART3_INTRO]
    out += [_evidence_table(st, d), Spacer(1, 2 * mm), Paragraph(T.MAU02_REEVALUATION, st.justify)]
    if d.reevaluation_changes:
        out.append(Paragraph(esc_lines(d.reevaluation_changes), st.justify))
    title = "Bảng tự chấm điểm theo Bộ tiêu chí" + (
        f" (Bộ sản phẩm: {esc(d.set_name)})" if d.set_name else ""
    )
    out += [Spacer(1, 2 * mm), Paragraph(f"<b>{title}</b>", st.body), _score_table(st, d)]
    return out


def _evidence_table(st: Styles, d: Mau02Data) -> Flowable:
    items = d.evidence or tuple((c, r, "") for c, r in T.EVIDENCE_TABLE)
    rows_in = [(i.content, i.requirement, i.attached) if isinstance(i, EvidenceItem) else i for i in items]
    with_files = any(attached for _, _, attached in rows_in)
    head = ["TT", "Nội dung", "Yêu cầu"] + (["Tài liệu kèm theo"] if with_files else [])
    rows: list[list[object]] = [cells(st, *head, bold=True, center_from=0)]
    for content, requirement, attached in rows_in:
        row = [
            Paragraph("-", st.cell_center),
            Paragraph(esc(content), st.cell),
            Paragraph(esc_lines(requirement), st.cell),
        ]
        if with_files:
            row.append(Paragraph(esc_lines(attached), st.cell))
        rows.append(row)
    widths = [0.07, 0.30, 0.63] if not with_files else [0.06, 0.26, 0.40, 0.28]
    return grid(rows, [W * f for f in widths])


def _score_table(st: Styles, d: Mau02Data) -> Flowable:
    head = cells(
        st, "Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Mô tả, minh chứng", bold=True, center_from=0
    )
    rows: list[list[object]] = [head]
    for s in d.self_scores:
        rows.append(
            [
                Paragraph(esc(s.code), st.cell_center),
                Paragraph(esc(s.title), st.cell),
                Paragraph(number(s.max_points), st.cell_center),
                Paragraph(number(s.points), st.cell_center),
                Paragraph(esc_lines(s.evidence), st.cell),
            ]
        )
    if not d.self_scores:
        rows += [cells(st, "", "", "", "", "") for _ in range(BLANK_SCORE_ROWS)]
    total_max = sum(s.max_points for s in d.self_scores) or None
    stars = f"{d.self_stars} sao" if d.self_stars else ""
    rows.append(
        cells(
            st,
            "",
            "TỔNG CỘNG",
            number(total_max, blank=2) if total_max else "",
            number(d.self_total),
            stars,
            bold=True,
            center_from=2,
        )
    )
    widths = [0.09, 0.37, 0.11, 0.13, 0.30]
    return grid(rows, [W * f for f in widths])


def _part4(st: Styles, d: Mau02Data) -> list[Flowable]:
    out = _part_title(st, "Phần IV", "KẾ HOẠCH SẢN XUẤT, KINH DOANH")
    out += [Paragraph(T.MAU02_PART4_INTRO, st.justify), *text_or_lines(st, d.plan, 3), Spacer(1, 3 * mm)]
    sign = signature(
        st,
        "ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ",
        "(Ký, họ tên, đóng dấu)",
        d.signed.name,
        place=d.signed.place,
        when=d.signed.date,
        blank_date=True,
    )
    out.append(KeepTogether([signatures(st, W, None, sign)]))
    return out


SPEC = FormSpec(name="mau02", title="Báo cáo tự đánh giá về sản phẩm", dto=Mau02Data, build=build)
