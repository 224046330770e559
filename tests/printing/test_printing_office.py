"""Office documents: receipt slip, checklist, certificate draft, results list, council matrix."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from helpers.pdf import assert_sound_pdf, decode_qr, pdf_text
from ocop_desktop.domain.dossiers import ReceiptNumber, RegistrationType
from ocop_desktop.printing import api
from ocop_desktop.printing.data import ProducerInfo, Ref, Signed
from ocop_desktop.printing.data_office import (
    CertificateData,
    ChecklistData,
    ChecklistItem,
    CouncilMatrixData,
    MatrixRow,
    ReceiptData,
    ReceivedDocument,
    ResultRow,
    ResultsData,
)
from ocop_desktop.printing.hashing import SHORT_HASH_LEN, content_hash
from ocop_desktop.printing.qr import parse_payload

OFFICE_FORMS = ["receipt", "checklist", "certificate", "results", "council-matrix"]


@pytest.mark.parametrize("form", OFFICE_FORMS)
def test_blank_office_forms_are_sound(form: str, tmp_path: Path) -> None:
    assert_sound_pdf(api.render(form, api.blank(form), tmp_path / f"{form}.pdf"))


def test_receipt_slip_number(tmp_path: Path) -> None:
    number = str(ReceiptNumber(7, "15", "04321", 2026))
    data = ReceiptData(
        ref=Ref("d-9", 2),
        province="Lào Cai",
        commune="xã Tân Lập",
        number=number,
        producer=ProducerInfo(name="HTX Tân Lập"),
        product_name="Mật ong bạc hà",
        registration=RegistrationType.FIRST,
        received_on=dt.date(2026, 3, 2),
        due_on=dt.date(2026, 3, 20),
        officer=Signed("Tân Lập", dt.date(2026, 3, 2), "Lò Văn Minh"),
    )
    out = api.render("receipt", data, tmp_path / "r.pdf")
    assert_sound_pdf(out)
    text = pdf_text(out)
    assert "PHIẾU TIẾP NHẬN HỒ SƠ" in text and "Số: 07/PĐK-15-04321-2026" in text
    assert "ỦY BAN NHÂN DÂN XÃ TÂN LẬP" in text and "Lần đầu ■" in text and "20/03/2026" in text
    blank = pdf_text(api.render("receipt", ReceiptData(), tmp_path / "b.pdf"))
    assert "/PĐK-(T)-(X)-(YYYY)" in blank


# A receipt as printed before the slip said the working days from the rule set, and the content hashes
# the code gave it then (commit 4ba4924): a reprint of that paper must carry the same QR hash.
PRINTED_RECEIPT = ReceiptData(
    ref=Ref("d-9", 2),
    province="Lào Cai",
    commune="xã Tân Lập",
    number="07/PĐK-15-04321-2026",
    producer=ProducerInfo(name="HTX Tân Lập", address="thôn 3, xã Tân Lập", phone="0912345678"),
    product_name="Mật ong bạc hà",
    set_name="4. Mật ong, mật khác và nông sản thực phẩm khác",
    registration=RegistrationType.FIRST,
    received_on=dt.date(2026, 3, 2),
    due_on=dt.date(2026, 3, 20),
    documents=(ReceivedDocument("Phiếu đăng ký (Mẫu số 01)", "01 bản gốc"),),
    officer=Signed("Tân Lập", dt.date(2026, 3, 2), "Lò Văn Minh"),
    submitter="Lê Thị Mai",
)
PRINTED_HASH = "4251c61034f64c3ae4f80ab732f3ffad3464d06fb6e422eda3a076783cf0ddc1"
BLANK_HASH = "7852556f3aac8ab0332f77825d7d300f950a4a597673f6e2eb4fa283ef532802"


@pytest.mark.parametrize("days", [15, 20])
def test_receipt_working_days_come_from_the_data_and_keep_the_old_hash(days: int, tmp_path: Path) -> None:
    data = replace(PRINTED_RECEIPT, commune_working_days=days)
    assert content_hash(PRINTED_RECEIPT) == content_hash(data) == PRINTED_HASH
    out = api.render("receipt", data, tmp_path / "r.pdf")
    assert f"hoàn thành kiểm tra, đánh giá ({days} ngày làm việc): 20/03/2026" in pdf_text(out)
    assert parse_payload(decode_qr(out, 1)[0])["H"] == PRINTED_HASH[:SHORT_HASH_LEN]

    blank = ReceiptData()
    assert content_hash(blank) == content_hash(replace(blank, commune_working_days=days)) == BLANK_HASH
    text = pdf_text(api.render("receipt", blank, tmp_path / "b.pdf"))
    assert "(…… ngày làm việc)" in text and "15 ngày" not in text  # nothing of the law in the renderer


def test_checklist_marks_and_expiry(tmp_path: Path) -> None:
    items = (
        ChecklistItem("Mẫu 01", "Hồ sơ sản phẩm", "Bắt buộc", True),
        ChecklistItem("Giấy chứng nhận ATTP", "Pháp lý", "Bắt buộc", False, dt.date(2026, 1, 31), "hết hạn"),
    )
    text = pdf_text(
        api.render("checklist", ChecklistData(items=items, summary="Thiếu 1 thành phần."), tmp_path / "c.pdf")
    )
    assert "Hồ sơ sản phẩm" in text and "Mẫu 01 Bắt buộc ■ □" in text
    assert "Giấy chứng nhận ATTP Bắt buộc □ ■ 31/01/2026 hết hạn" in text
    assert "Kết luận: Thiếu 1 thành phần." in text


def test_certificate_draft(tmp_path: Path) -> None:
    data = CertificateData(
        ref=Ref("d-9", 5),
        issuer="Ủy ban nhân dân tỉnh Lào Cai",
        decision_number="123/QĐ-UBND",
        decision_date=dt.date(2026, 7, 1),
        product_name="Mật ong bạc hà",
        stars=4,
        producer_name="HTX Tân Lập",
        valid_until=dt.date(2029, 7, 1),
    )
    out = api.render("certificate", data, tmp_path / "cert.pdf")
    assert_sound_pdf(out)
    text = pdf_text(out)
    assert "DỰ THẢO" in text and "CHỨNG NHẬN" in text and "hạng 4 SAO" in text
    assert "Quyết định số 123/QĐ-UBND ngày 01 tháng 7 năm 2026" in text and "ngày 01 tháng 7 năm 2029" in text


def test_results_list(tmp_path: Path) -> None:
    rows = (
        ResultRow("Mật ong bạc hà", "HTX Tân Lập", "xã Tân Lập", "Mật ong…", "15-04321-001-2026", 78.5, 4),
        ResultRow("Chè Shan tuyết", "HTX Suối Giàng", "xã Suối Giàng", "Chè", "15-04400-002-2026", 66, 3),
    )
    data = ResultsData(
        ref=Ref("123/QĐ-UBND", kind="decision"),
        issuer="Ủy ban nhân dân tỉnh Lào Cai",
        decision_number="123/QĐ-UBND",
        decision_date=dt.date(2026, 7, 1),
        rows=rows,
    )
    out = api.render("results", data, tmp_path / "res.pdf")
    text = pdf_text(out)
    assert (
        "78,5" in text
        and "4 sao" in text
        and "Tổng số: 2 sản phẩm (1 sản phẩm 4 sao, 1 sản phẩm 3 sao)." in text
    )
    fields = parse_payload(decode_qr(out, 1)[0])
    assert fields["F"] == "results" and fields["Q"] == "123/QĐ-UBND"


def test_council_matrix_mean_and_spread(tmp_path: Path) -> None:
    data = CouncilMatrixData(
        ref=Ref("round-2026-1", 1, kind="council"),
        round_name="Đợt 1 năm 2026",
        product_name="Mật ong bạc hà",
        members=("Nguyễn Văn A", "Trần Thị B", "Lê Văn C"),
        rows=(
            MatrixRow("1.1", "Nguồn gốc sản phẩm", 3, (3, 2, 3)),
            MatrixRow("1.2", "Vùng nguyên liệu", 2, (1, 1, 2)),
        ),
        totals=(78, 74, 81),
        mean_total=77.67,
        spread=7,
        max_spread=10,  # the round's rule, as the caller passes it
        stars=4,
    )
    text = pdf_text(api.render("council-matrix", data, tmp_path / "m.pdf"))
    assert "1.1 Nguồn gốc sản phẩm 3 3 2 3 2,67 1" in text
    assert "TỔNG ĐIỂM 100 78 74 81 77,67 7" in text
    assert "trong giới hạn 10 điểm" in text and "Đề nghị xếp hạng: 4 sao." in text
    wide = CouncilMatrixData(members=("A", "B"), totals=(60, 75), mean_total=67.5, spread=15, max_spread=10)
    assert "vượt quá 10 điểm" in pdf_text(api.render("council-matrix", wide, tmp_path / "w.pdf"))


def test_council_matrix_spread_limit_is_the_callers(tmp_path: Path) -> None:
    wide = CouncilMatrixData(members=("A", "B"), totals=(60, 75), mean_total=67.5, spread=15, max_spread=12)
    assert "vượt quá 12 điểm" in pdf_text(api.render("council-matrix", wide, tmp_path / "w.pdf"))
    unknown = replace(wide, max_spread=None)
    text = pdf_text(api.render("council-matrix", unknown, tmp_path / "u.pdf"))
    assert "chênh lệch 15 điểm." in text and "vượt quá" not in text and "giới hạn" not in text
