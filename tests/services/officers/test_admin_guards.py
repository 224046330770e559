"""What only an administrator may do: trust another office's key, change the mailbox settings (which
the audit log records, without the secret)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.sync import open_installation
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.audit import AuditFilter, AuditService
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.mailbox_settings import MailboxSettings
from ocop_desktop.services.core.officers import OfficerService
from ocop_desktop.services.mailbox.service import MailboxService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import KeyRecord, Office


def test_only_an_administrator_trusts_another_offices_key(tmp_path: Path, _template_dir: Path) -> None:
    commune = open_installation(tmp_path / "c", _template_dir, "commune", "00070", "Nguyễn Văn An")
    province = open_installation(tmp_path / "p", _template_dir, "province", "01", "Trần Thị Bình")
    try:
        enroll = PackageService(commune).export_enrollment(tmp_path / "enroll.ocoppkg")
        fingerprint = PackageService(commune).own_keys().signing.readable
        staff = OfficerService(province).add("Phạm Văn Dũng")
        admin = province.officer_id
        OfficerService(province).act_as(staff.id)
        with pytest.raises(UserError, match="quản trị"):
            PackageService(province).import_package(enroll.path, confirm_fingerprint=fingerprint)
        with province.read() as s:
            assert s.query(Office).filter(Office.is_self.is_(False)).count() == 0
        assert admin is not None
        OfficerService(province).act_as(admin)
        PackageService(province).import_package(enroll.path, confirm_fingerprint=fingerprint)
        trusted = AuditService(province).entries(AuditFilter(table_name="key_record"))
        peer_keys = [
            e for e in trusted if e.action != "seal" and e.after.get("office_id") != province.office().id
        ]
        assert peer_keys and {e.officer_name for e in peer_keys} == {"Trần Thị Bình"}
        with province.read() as s:
            assert s.query(KeyRecord).filter(KeyRecord.trusted.is_(True)).count() >= 2
    finally:
        commune.close()
        province.close()


def test_mailbox_settings_are_the_administrators_and_logged_without_the_secret(ctx: AppContext) -> None:
    settings = MailboxSettings("https://s3.example.gov.vn", "ocop-01", "AKIA-XA", "bí-mật-123")
    staff = OfficerService(ctx).add("Lê Thị Bình")
    admin = ctx.officer_id
    assert admin is not None
    OfficerService(ctx).act_as(staff.id)
    with pytest.raises(UserError, match="quản trị"):
        MailboxService(ctx).configure(settings)
    assert MailboxService(ctx).settings() is None
    OfficerService(ctx).act_as(admin)
    MailboxService(ctx).configure(settings)
    (entry,) = AuditService(ctx).entries(AuditFilter(table_name="settings"))
    assert entry.officer_name == "Nguyễn Văn An" and entry.after["bucket"] == "ocop-01"
    assert "secret_key" not in entry.after and "bí-mật-123" not in str(entry.after)
    assert AuditService(ctx).verify().ok
