"""Official documents name a unit with its kind: the list of units calls Đắk Lắk just "Đắk Lắk"
(a "tỉnh"), so a decision of its People's Committee read "ỦY BAN NHÂN DÂN ĐẮK LẮK" (issue 15)."""

from __future__ import annotations

import pytest

from ocop_desktop.services.core.units import formal_name, official_units


@pytest.mark.parametrize(
    ("name", "kind", "formal"),
    [
        ("Đắk Lắk", "tỉnh", "Tỉnh Đắk Lắk"),
        ("Thành phố Hà Nội", "thành phố trung ương", "Thành phố Hà Nội"),
        ("Phường Hoàn Kiếm", "phường", "Phường Hoàn Kiếm"),
        ("Hoàn Kiếm", "phường", "Phường Hoàn Kiếm"),
        ("Đặc khu Côn Đảo", "đặc khu", "Đặc khu Côn Đảo"),
        ("Côn Đảo", "đặc khu", "Đặc khu Côn Đảo"),
    ],
)
def test_formal_names(name: str, kind: str, formal: str) -> None:
    assert formal_name(name, kind) == formal


def test_every_official_unit_has_a_formal_name_that_starts_with_its_kind() -> None:
    for unit in official_units():
        name, kind = str(unit["name"]), str(unit["division_type"])
        formal = formal_name(name, kind)
        word = "thành phố" if kind.startswith("thành phố") else kind
        assert formal.casefold().startswith(word.casefold()), (name, kind)


def test_unit_names_have_single_spaces_even_in_a_table_filled_before(ctx) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select, update

    from ocop_desktop.services.core.units import ensure_units_loaded
    from ocop_desktop.store.models import AdminUnit

    assert all("  " not in str(u["name"]) for u in official_units())
    with ctx.sessions.begin() as s:  # as an older version stored it
        s.execute(update(AdminUnit).where(AdminUnit.code == "00070").values(name="Phường  Hoàn Kiếm"))
    ensure_units_loaded(ctx)
    with ctx.read() as s:
        assert s.scalar(select(AdminUnit.name).where(AdminUnit.code == "00070")) == "Phường Hoàn Kiếm"
