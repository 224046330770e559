"""The QR code of every page: `qr.qr_modules` computes the codewords itself (tables instead of ReportLab's
polynomial arithmetic, for the thousands of pages of a long report) and must give the very symbol ReportLab's
own encoder gives, for any payload and every size of code."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.graphics.barcode import qrencoder

from ocop_desktop.printing.qr import FIXED_MASK, QrPayload, qr_modules


def reportlab_modules(text: str) -> list[list[bool]]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.version = code.calculate_version()
    code.makeImpl(False, FIXED_MASK)  # createData: ReportLab's own codewords
    return code.modules


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="OCOP1;F=reportBDQ/-UBNDĐđếạ0123456789abcdef ", min_size=1, max_size=400))
def test_the_symbol_is_reportlabs(text: str) -> None:
    assert qr_modules(text) == reportlab_modules(text)


def test_a_report_page_payload() -> None:
    payload = QrPayload("report", "report", "expiring/2026-12-04", None, "d742b32f3099098c0000")
    for page in (1, 99, 1956):
        text = payload.text(page, 1956)
        assert qr_modules(text) == reportlab_modules(text)
