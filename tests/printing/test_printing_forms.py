"""The dossier forms (Mẫu 01–03) print in the official wording, NFC, escaped, with embedded
fonts only and a QR code on every page that names the record."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from helpers.pdf import assert_sound_pdf, decode_qr, page_count, pdf_text, pdf_title
from ocop_desktop.domain.dossiers import RegistrationType
from ocop_desktop.printing import api
from ocop_desktop.printing.data import (
    Mau01Data,
    Mau02Data,
    Mau03Data,
    ProducerInfo,
    Ref,
    Representative,
    Signed,
)
from ocop_desktop.printing.hashing import content_hash
from ocop_desktop.printing.qr import parse_payload

DOSSIER = "2f1c7d3e-0b7a-4d1e-9c55-1a2b3c4d5e6f"
PRODUCER = ProducerInfo(
    name="Công ty A & B <C>",
    kind="Doanh nghiệp nhỏ và vừa",
    address="Thôn Bản Mế, xã Tân Lập, tỉnh Lào Cai",
    phone="0912345678",
    email="ab@example.vn",
    representative=Representative("Nguyễn Thị Hằng", "Giám đốc", "Nữ", "Tày", "Thôn Bản Mế"),
)


def mau01() -> Mau01Data:
    return Mau01Data(
        ref=Ref(DOSSIER, 3),
        province="Lào Cai",
        year=2026,
        producer=PRODUCER,
        product_name="Mật ong bạc hà Tân Lập",
        registration=RegistrationType.UPGRADE,
        samples="05 sản phẩm",
        signed=Signed("Tân Lập", dt.date(2026, 2, 5), "Nguyễn Thị Hằng"),
    )


@pytest.mark.parametrize("form", ["mau01", "mau02", "mau03"])
def test_blank_forms_are_sound(form: str, tmp_path: Path) -> None:
    out = api.render(form, api.blank(form), tmp_path / f"{form}.pdf")
    assert_sound_pdf(out)
    text = pdf_text(out)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "……" in text  # dotted lines to write on


def test_mau01_wording_and_data(tmp_path: Path) -> None:
    out = api.render("mau01", mau01(), tmp_path / "m01.pdf")
    assert_sound_pdf(out)
    text = pdf_text(out)
    assert "Mẫu số 01" in text
    assert "PHIẾU ĐĂNG KÝ" in text
    assert "Tham gia đánh giá, phân hạng sản phẩm OCOP" in text
    assert "của tỉnh Lào Cai năm 2026" in text
    assert "Công ty A & B <C>" in text  # escaped, printed in full
    assert "Tân Lập, ngày 05 tháng 02 năm 2026" in text
    assert "Nâng hạng: ■" in text and "Lần đầu: □" in text
    assert pdf_title(out) == "Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP"


def test_nfd_input_prints_as_nfc(tmp_path: Path) -> None:
    name = "Hợp tác xã Nguyễn Thị Ỷ Đặng"
    decomposed = unicodedata.normalize("NFD", name)
    assert decomposed != name
    data = Mau03Data(
        producer=ProducerInfo(name=decomposed), product_name=unicodedata.normalize("NFD", "Chè Shan tuyết")
    )
    out = api.render("mau03", data, tmp_path / "m03.pdf")
    text = pdf_text(out)
    assert name in text and "Chè Shan tuyết" in text
    assert unicodedata.normalize("NFD", "Nguyễn") not in text


def test_qr_code_on_every_page_names_the_dossier(tmp_path: Path) -> None:
    data = mau01()
    out = api.render("mau01", data, tmp_path / "m01.pdf")
    pages = page_count(out)
    assert pages >= 2
    for page in range(1, pages + 1):
        codes = decode_qr(out, page)
        assert len(codes) == 1, f"page {page}: {codes}"
        fields = parse_payload(codes[0])
        assert fields == {
            "F": "mau01",
            "D": DOSSIER,
            "R": "3",
            "H": content_hash(data)[:16],
            "P": f"{page}/{pages}",
        }


def test_blank_form_qr_names_the_form(tmp_path: Path) -> None:
    out = api.render("mau02", api.blank("mau02"), tmp_path / "m02.pdf")
    fields = parse_payload(decode_qr(out, 1)[0])
    assert fields["F"] == "mau02" and fields["N"] == "mau02" and "R" not in fields
    assert f"OCOP1;F=mau02;N=mau02;H={fields['H']};P=1/" in pdf_text(out)  # the same text, printed


def test_same_data_gives_same_bytes() -> None:
    assert api.render_bytes("mau01", mau01()) == api.render_bytes("mau01", mau01())


def test_hash_changes_with_the_data() -> None:
    other = Mau01Data(ref=Ref(DOSSIER, 3), province="Yên Bái")
    assert content_hash(mau01()) != content_hash(other)
    assert content_hash(Mau02Data()) != content_hash(Mau03Data())


def test_wrong_data_or_form_is_a_user_error(tmp_path: Path) -> None:
    from ocop_desktop.domain.errors import UserError

    with pytest.raises(UserError):
        api.render("mau01", Mau02Data(), tmp_path / "x.pdf")
    with pytest.raises(UserError):
        api.render("mau99", Mau01Data(), tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())


def test_every_printed_character_exists_in_the_font(ruleset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A glyph missing from Liberation Serif would print as an empty box."""
    from ocop_desktop.printing.data_sheet import SheetData
    from ocop_desktop.printing.fonts import has_glyph

    text = pdf_text(api.render("mau01", mau01(), tmp_path / "a.pdf"))
    for n in (1, 11, 21, 26):
        text += pdf_text(api.render("sheet", SheetData(sheet=ruleset.sheet(n)), tmp_path / f"s{n}.pdf"))
    missing = sorted({ch for ch in text if not ch.isspace() and not has_glyph(ch)})
    assert not missing, missing
