from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ocop_desktop.domain.errors import EnvironmentProblem, UserError, ValidationError
from ocop_desktop.ocoppkg.keys import KeyStore, fingerprint, public_raw
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.setup import initialise
from ocop_desktop.services.core.units import UnitService
from ocop_desktop.store.models import AdminUnit, KeyRecord, Office


def test_official_units_are_loaded(empty_ctx: AppContext) -> None:
    with empty_ctx.read() as s:
        provinces = s.scalar(select(func.count()).where(AdminUnit.level == "province"))
        communes = s.scalar(select(func.count()).where(AdminUnit.level == "commune"))
    assert (provinces, communes) == (34, 3321)


def test_unit_search_ignores_diacritics(empty_ctx: AppContext) -> None:
    found = UnitService(empty_ctx).search("hoan kiem", level="commune")
    assert [u.name for u in found] == ["Phường Hoàn Kiếm"]
    assert found[0].parent_name == "Thành phố Hà Nội"
    assert UnitService(empty_ctx).search("dak lak", level="province")[0].code == "66"


def test_initialise_creates_office_officer_and_key(empty_ctx: AppContext) -> None:
    result = initialise(empty_ctx, "commune", "00070", "  Nguyễn   Văn An ")
    assert result.office_name == "UBND Phường Hoàn Kiếm"
    assert result.officer_name == "Nguyễn Văn An"
    key = KeyStore(empty_ctx.paths.keys_dir).signing_key()
    assert fingerprint(public_raw(key.public_key())) == result.key_fingerprint
    with empty_ctx.read() as s:
        record = s.get(KeyRecord, result.key_fingerprint)
        assert record is not None and record.trusted
    pem = (empty_ctx.paths.keys_dir / "office-signing.pem").read_bytes()
    assert b"ENCRYPTED PRIVATE KEY" in pem
    if os.name == "posix":
        assert (empty_ctx.paths.keys_dir / "office-signing.pem").stat().st_mode & 0o077 == 0


def test_initialise_twice_is_refused_and_changes_nothing(ctx: AppContext) -> None:
    with pytest.raises(UserError, match="đã được thiết lập"):
        initialise(ctx, "province", "01", "Ai Đó")
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Office)) == 1


@pytest.mark.parametrize(
    ("role", "unit", "officer", "field"),
    [
        ("district", "00070", "A", "role"),
        ("province", "00070", "A", "unit"),
        ("commune", "99999", "A", "unit"),
        ("commune", "00070", "   ", "officer"),
        ("commune", "01", "A", "unit"),
    ],
)
def test_initialise_rejects_bad_input(
    empty_ctx: AppContext, role: str, unit: str, officer: str, field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        initialise(empty_ctx, role, unit, officer)
    assert field in info.value.fields
    assert empty_ctx.office_or_none() is None
    assert not KeyStore(empty_ctx.paths.keys_dir).has_signing_key()


def test_not_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    data = tmp_path / "d"
    data.mkdir()
    db = data / "ocop.sqlite3"
    db.write_bytes(b"this is a spreadsheet, not a database")
    with pytest.raises(EnvironmentProblem, match="không phải"):
        open_app(AppPaths.for_data_dir(data))
    assert db.read_bytes() == b"this is a spreadsheet, not a database"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_data_dir_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(EnvironmentProblem, match="Không ghi được"):
        open_app(AppPaths.for_data_dir(locked / "sub"))


def test_file_as_data_dir_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(EnvironmentProblem, match="Không ghi được"):
        open_app(AppPaths.for_data_dir(blocker))


def test_office_summary_names_officer_and_fingerprint(ctx: AppContext) -> None:
    from ocop_desktop.services.core.office import OfficeService

    summary = OfficeService(ctx).summary()
    assert summary.office_name == "UBND Phường Hoàn Kiếm"
    assert summary.officer_name == "Nguyễn Văn An"
    assert summary.unit_label == "Phường Hoàn Kiếm, Thành phố Hà Nội"
    assert len(summary.readable_fingerprint.split()) == 6
