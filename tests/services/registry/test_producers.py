from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import func, select

from ocop_desktop.domain.errors import ConflictError, ValidationError
from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.store.models import Officer, Producer


def _input(**over: object) -> ProducerInput:
    base = dict(
        name="Hợp tác xã Nông nghiệp Hoàn Kiếm",
        kind=ProducerKind.COOPERATIVE,
        commune_code="00070",
        address="Số 1 Tràng Tiền",
        tax_code="0101234567",
        phone="0912 345 678",
        representative="Nguyễn Thị Lan",
        representative_title="Giám đốc",
    )
    base.update(over)
    return ProducerInput(**base)  # type: ignore[arg-type]


def _count(ctx: AppContext) -> int:
    with ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(Producer)) or 0)


def test_create_normalises_and_stamps(ctx: AppContext) -> None:
    nfd_name = unicodedata.normalize("NFD", "  Hợp tác xã   Cà phê Đắk Lắk ")
    row = ProducerService(ctx).create(_input(name=nfd_name, phone="+84 912.345.678"))
    assert row.name == "Hợp tác xã Cà phê Đắk Lắk"
    assert unicodedata.is_normalized("NFC", row.name)
    assert row.phone == "0912345678"
    assert row.revision == 1
    assert row.commune_name == "Phường Hoàn Kiếm"
    with ctx.read() as s:
        stored = s.get(Producer, row.id)
        officer = s.scalars(select(Officer)).one()
        assert stored is not None
        assert stored.updated_by_officer_id == officer.id
        assert stored.updated_by_office_id == ctx.office().id


def test_update_increments_revision_and_detects_conflict(ctx: AppContext) -> None:
    service = ProducerService(ctx)
    row = service.create(_input())
    updated = service.update(row.id, _input(phone="0987654321"), expected_revision=1)
    assert updated.revision == 2 and updated.phone == "0987654321"
    with pytest.raises(ConflictError):
        service.update(row.id, _input(phone="0911111111"), expected_revision=1)
    assert service.get(row.id).phone == "0987654321"


@pytest.mark.parametrize(
    ("field", "over"),
    [
        ("tax_code", {"tax_code": "12345"}),
        ("tax_code", {"tax_code": "0101234567-0011"}),
        ("tax_code", {"tax_code": "010123456789"}),  # 12 digits: only households
        ("name", {"name": "   "}),
        ("representative", {"representative": ""}),
        ("phone", {"phone": "12345"}),
        ("commune_code", {"commune_code": "01"}),  # a province, not a commune
        ("email", {"email": "not-an-email"}),
    ],
)
def test_invalid_input_gives_message_and_saves_nothing(
    ctx: AppContext, field: str, over: dict[str, object]
) -> None:
    with pytest.raises(ValidationError) as info:
        ProducerService(ctx).create(_input(**over))
    assert field in info.value.fields
    assert info.value.fields[field]
    assert _count(ctx) == 0


def test_households_may_use_personal_id_and_branches_13_digits(ctx: AppContext) -> None:
    service = ProducerService(ctx)
    service.create(_input(kind=ProducerKind.BUSINESS_HOUSEHOLD, tax_code="001203004567"))
    branch = service.create(_input(tax_code="0101234567-001"))
    assert branch.tax_code == "0101234567-001"
    assert _count(ctx) == 2


def test_filter_ignores_diacritics_and_pages(ctx: AppContext) -> None:
    service = ProducerService(ctx)
    service.create(_input(name="Hợp tác xã Chè Shan tuyết"))
    service.create(_input(name="Công ty TNHH Cà phê Đắk Hà"))
    for i in range(5):
        service.create(
            _input(name=f"Hộ kinh doanh số {i}", kind=ProducerKind.BUSINESS_HOUSEHOLD, tax_code="")
        )
    assert [r.name for r in service.search("hop tac xa")] == ["Hợp tác xã Chè Shan tuyết"]
    assert [r.name for r in service.search("CA PHE dak")] == ["Công ty TNHH Cà phê Đắk Hà"]
    assert service.count("ho kinh doanh") == 5
    first, rest = service.search("ho kinh doanh", limit=2), service.search("ho kinh doanh", offset=2)
    assert len(first) == 2 and len(rest) == 3
    assert not {r.id for r in first} & {r.id for r in rest}
    assert service.search("100%_") == []  # LIKE wildcards are escaped


def test_a_search_lists_names_that_hold_the_words_together_first(ctx: AppContext) -> None:
    """Issue 15: "ca phe" listed "Bánh tét… Ea Phê" before any coffee (alphabetical order)."""
    service = ProducerService(ctx)
    for name, address in (
        ("Bánh tét Ea Phê", "Thôn Ca, xã Ea Phê"),  # both words, apart: after the others
        ("Hộ kinh doanh Trần Văn A", "Xưởng cà phê Buôn Hồ"),  # together, but in the address
        ("HTX Cà phê Ea Tu", "Ea Tu"),  # together, in the name: first
    ):
        service.create(_input(name=name, address=address, tax_code=""))
    names = [r.name for r in service.search("ca phe")]
    assert names[0] == "HTX Cà phê Ea Tu" and names[-1] == "Bánh tét Ea Phê"
    assert [r.name for r in service.search("ca phe", offset=1, limit=1)] == [names[1]]  # pages follow it
