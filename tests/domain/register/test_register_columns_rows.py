"""The register's column matcher and row reader: synonyms recognised whatever the diacritics, case and
spacing; any row is read into normalised values or refused with reasons, never an exception."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_desktop.domain.register.columns import COLUMNS, map_headers, match_header
from ocop_desktop.domain.register.legal_bases import LegalBases
from ocop_desktop.domain.register.rows import ProductSets, RowContext, read_row
from ocop_desktop.domain.text import fold
from ocop_desktop.services.core.legal_bases import legal_bases

TODAY = date(2026, 12, 1)
SETS = ProductSets.of({4: ("I.3.d", "Mật ong, mật khác và nông sản thực phẩm khác"), 11: ("I.5.a", "Chè")})


def context() -> RowContext:
    return RowContext(legal_bases(), SETS, TODAY)


def test_the_brief_synonyms_name_their_columns() -> None:
    expected = {
        "Tên chủ thể": "producer_name",
        "Chủ thể": "producer_name",
        "Mã số thuế": "tax_code",
        "MST": "tax_code",
        "Tên sản phẩm": "product_name",
        "Hạng sao": "stars",
        "Số sao": "stars",
        "Năm công nhận": "year",
        "Số quyết định": "decision_number",
        "Ngày quyết định": "decision_date",
        "Cấp công nhận": "issuing_level",
        "Xã/phường": "commune",
        "Huyện": "former_unit",
    }
    for header, key in expected.items():
        for variant in (
            header,
            header.upper(),
            fold(header),
            f"  {header.lower()}  (*)",
            header.replace(" ", "  "),
        ):
            assert match_header(variant) == key, variant


def test_headers_map_first_wins_and_unknown_are_listed() -> None:
    m = map_headers(["STT", "Chủ thể", "Tên chủ thể", "Linh tinh", None, "MST"])
    assert m.positions == {"row_no": 0, "producer_name": 1, "tax_code": 5}
    assert m.ignored == ("Linh tinh",) and m.repeated == ("Tên chủ thể",)


header_variants = st.sampled_from([c.title for c in COLUMNS] + [s for c in COLUMNS for s in c.synonyms])


@given(header_variants, st.sampled_from(["NFC", "NFD"]), st.booleans(), st.text(" \t", max_size=3))
def test_any_spelling_of_a_known_header_is_recognised(header: str, form: str, upper: bool, pad: str) -> None:
    text = unicodedata.normalize(form, header.upper() if upper else header)
    assert match_header(pad + text + pad) is not None


@given(st.one_of(st.none(), st.text(), st.integers(), st.floats(), st.booleans()))
def test_the_matcher_never_raises(cell: object) -> None:
    match_header(cell)


cell_values = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(date(1900, 1, 1), date(2200, 1, 1)),
    st.datetimes(datetime(1900, 1, 1), datetime(2200, 1, 1)),
    st.sampled_from(
        [
            "3",
            "4 sao",
            "★★★★★",
            "05/03/2024",
            "31/02/2024",
            "148",
            "QĐ 1048/2019",
            "Huyện",
            "0101234567",
            "I.3.d",
            "Chè",
            "2.5",
            "",
            "  ",
        ]
    ),
)
keys = st.sampled_from([c.key for c in COLUMNS])


@settings(max_examples=300)
@given(st.dictionaries(keys, cell_values, max_size=12))
def test_any_row_is_read_or_refused_with_reasons(cells: dict[str, object]) -> None:
    row = read_row(7, cells, context())
    assert row.line == 7
    if row.refused:
        assert all(isinstance(p, str) and p for p in row.problems)
        return
    for value in (row.producer_name, row.product_name, row.address, row.commune, row.former_unit):
        assert value == unicodedata.normalize("NFC", value) and value == value.strip()
    assert row.producer_name  # a row without a producer is refused
    if row.certificate is not None:
        c = row.certificate
        assert c.stars in (3, 4, 5) and c.decision_date <= TODAY and c.decision_number
        assert c.issuing_level in ("district", "province", "ministry")


def test_a_former_district_certificate_is_read_under_qd148() -> None:
    row = read_row(
        3,
        {
            "producer_name": "HTX Ia Rsai",
            "product_name": "Mật ong",
            "product_set": "I.3.d",
            "stars": "3 sao",
            "decision_number": "12/QĐ-UBND",
            "decision_date": "05/03/2024",
            "former_unit": "Huyện Krông Pa",
        },
        context(),
    )
    assert not row.refused and row.certificate is not None
    c = row.certificate
    assert (c.basis.id, c.issuing_level, c.valid_until) == ("qd148-2023", "district", date(2027, 3, 5))
    assert row.product_set == 4 and row.former_unit == "Huyện Krông Pa"


def test_qd1048_named_or_inferred() -> None:
    cells = {
        "producer_name": "Công ty A",
        "product_name": "Chè",
        "stars": 4,
        "decision_number": "9",
        "decision_date": datetime(2020, 10, 10),
    }
    inferred = read_row(2, cells, context()).certificate
    named = read_row(2, {**cells, "legal_basis": "Quyết định 1048/QĐ-TTg"}, context()).certificate
    assert inferred is not None and named is not None
    assert inferred.basis.id == named.basis.id == "qd1048-2019" and inferred.issuing_level == "province"


def test_bad_cells_are_refused_with_their_reasons() -> None:
    row = read_row(
        4,
        {
            "producer_name": "Công ty B",
            "tax_code": "123",
            "product_name": "X",
            "stars": 6,
            "decision_number": "1",
            "decision_date": "hôm qua",
        },
        context(),
    )
    assert row.refused
    text = " ".join(row.problems)
    assert "Mã số thuế" in text and "Hạng sao" in text


def test_a_tax_code_typed_as_a_number_gets_its_zero_back() -> None:
    row = read_row(2, {"producer_name": "Công ty C", "tax_code": 101234567}, context())
    assert row.tax_code == "0101234567" and not row.refused


def test_legal_bases_are_data() -> None:
    bases: LegalBases = legal_bases()
    assert {b.id for b in bases.bases} >= {"qd1048-2019", "qd148-2023", "qd26-2026"}
    assert bases.find("148/QĐ-TTg").id == "qd148-2023"  # type: ignore[union-attr]
    assert bases.get("qd148-2023").levels_for(3, date(2024, 1, 1)) == ["district"]  # type: ignore[union-attr]
    assert bases.get("qd148-2023").levels_for(3, date(2025, 8, 1)) == ["province"]  # type: ignore[union-attr]


def test_text_is_nfc_whatever_the_file_holds() -> None:
    nfd = unicodedata.normalize("NFD", "  Hợp tác xã   Đắk Hà ")
    row = read_row(
        2, {"producer_name": nfd, "product_name": unicodedata.normalize("NFD", "Cà phê")}, context()
    )
    assert row.producer_name == "Hợp tác xã Đắk Hà" and row.product_name == "Cà phê"
    assert row.producer_kind.value == "htx"  # "Hợp tác xã …" names its kind


def test_a_qd26_certificate_before_its_effective_date_is_refused() -> None:
    row = read_row(
        4,
        {
            "producer_name": "HTX Ia Rsai",
            "product_name": "Mật ong",
            "product_set": "I.3.d",
            "stars": "4 sao",
            "decision_number": "13/QĐ-UBND",
            "decision_date": "05/03/2024",
            "legal_basis": "QĐ 26/2026",
        },
        context(),
    )
    assert row.refused and row.certificate is None
    assert any("22/05/2026" in p for p in row.problems)
