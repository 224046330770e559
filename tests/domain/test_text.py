"""Text rules: NFC in, diacritics ignored in search, one slug for every file name."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from ocop_desktop.domain.text import fold, slug


def test_slug_of_vietnamese_text() -> None:
    assert slug("Cà phê bột Đắk Hà") == "ca-phe-bot-dak-ha"
    assert slug("Cà phê bột Đắk Hà", keep_case=True) == "Ca-phe-bot-Dak-Ha"
    assert slug("QĐ 12/2026/QĐ-UBND") == "qd-12-2026-qd-ubnd"
    assert slug("Hợp tác xã Nông nghiệp", limit=10) == "hop-tac-xa"  # no hyphen left at the cut
    assert slug("—", fallback="goi") == "goi"


@given(st.text(), st.integers(min_value=1, max_value=80), st.booleans())
def test_slug_is_a_safe_file_stem(text: str, limit: int, keep_case: bool) -> None:
    out = slug(text, limit=limit, keep_case=keep_case)
    assert re.fullmatch(r"([A-Za-z0-9]+(-[A-Za-z0-9]+)*)?", out)
    assert len(out) <= limit
    assert keep_case or out == out.lower()


@given(st.text())
def test_fold_ignores_diacritics_and_case(text: str) -> None:
    assert fold(text) == fold(fold(text))
    assert fold("Đắk Lắk") == "dak lak"


def test_quick_fold_agrees_with_fold_on_vietnamese_names() -> None:
    from ocop_desktop.domain.text import fold, quick_fold

    for name in ("Cà phê bột Đắk Lắk", "ỨNG DỤNG Ưu Ơ", "Hợp tác xã Chè Tân Cương", "Mật ong Krông Bông"):
        assert quick_fold(name) == fold(name)
