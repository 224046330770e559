"""Mailbox settings from the province: each office's access key and secret travel in the province's signed
reference pack (an evaluator's assignment), sealed to that office's key, and the office can then reach the
real mailbox; a setting typed there is replaced with a notice and a log line, never the secret."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

import pytest

from helpers.evaluator import Offices, enroll
from helpers.mailbox import OFFICE, SeaweedServer, configure
from helpers.sync import Pair
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core import mailbox_settings as stored
from ocop_desktop.services.core.mailbox_settings import MailboxSettings
from ocop_desktop.services.mailbox.service import MailboxService
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.service import PackageService


@pytest.fixture
def province(pair: Pair, s3_server: SeaweedServer, s3_bucket: str) -> Pair:
    """The province's mailbox configured; the commune given the office credentials of the test server."""
    configure(pair.province, s3_server, s3_bucket, credentials=("PROVINCEKEY", "province-own-secret"))
    MailboxService(pair.province).set_office_credentials(pair.commune.office().id, *OFFICE)
    return pair


def _reference(pair: Pair, name: str, *, to: str | None = None) -> Path:
    return PackageService(pair.province).export_reference(pair.folder / name, to=to).path


def test_a_commune_gets_its_credentials_in_the_reference_pack_and_reaches_the_mailbox(
    province: Pair, s3_server: SeaweedServer, s3_bucket: str
) -> None:
    pair = province
    assert MailboxService(pair.commune).settings() is None
    pack = _reference(pair, "ref.ocoppkg")  # to every commune: one sealed entry per commune
    with zipfile.ZipFile(pack) as z:
        everything = b"".join(z.read(n) for n in z.namelist())
    assert OFFICE[1].encode() not in everything and OFFICE[0].encode() not in everything  # sealed
    assert s3_bucket.encode() in everything  # the endpoint and bucket travel in clear (signed)

    done = PackageService(pair.commune).import_package(pack)
    assert done.applied and done.mailbox == "installed" and done.to_json()["mailbox"] == "installed"
    got = MailboxService(pair.commune).settings()
    assert got is not None
    assert (got.endpoint, got.bucket, got.access_key, got.secret_key) == (
        s3_server.endpoint,
        s3_bucket,
        *OFFICE,
    )
    assert (got.source, got.province_office_id) == ("province", pair.province.office().id)
    assert MailboxService(pair.commune).probe() is None  # the real server accepts them
    assert OFFICE[1].encode() not in (pair.commune.paths.keys_dir / stored.SETTINGS_FILE).read_bytes()

    again = PackageService(pair.commune).import_package(_reference(pair, "ref2.ocoppkg"))
    assert again.applied and again.mailbox == "unchanged"


def test_settings_typed_here_are_replaced_with_a_notice_and_a_log_line_without_the_secret(
    province: Pair, s3_server: SeaweedServer, s3_bucket: str, caplog: pytest.LogCaptureFixture
) -> None:
    pair = province
    typed = MailboxSettings(
        "https://s3.old.example", "old-bucket", "TYPEDKEY", "typed-secret", auto_import=False
    )
    MailboxService(pair.commune).configure(typed)
    pack = _reference(pair, "ref.ocoppkg", to=pair.commune.office().id)
    preview = PackageService(pair.commune).preview(pack)
    assert any("cấu hình hộp thư đã nhập trên máy này sẽ được thay" in w for w in preview.warnings)
    assert MailboxService(pair.commune).settings() == typed.check()  # a preview changes nothing

    with caplog.at_level(logging.INFO):
        done = PackageService(pair.commune).import_package(pack)
    assert done.mailbox == "replaced"
    got = MailboxService(pair.commune).settings()
    assert got is not None and (got.access_key, got.secret_key, got.source) == (*OFFICE, "province")
    assert got.auto_import is False  # this machine's own choice is kept
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "TYPEDKEY" in logged and OFFICE[0] in logged and "replaced" in logged
    assert "typed-secret" not in logged and OFFICE[1] not in logged


def test_an_office_without_credentials_gets_only_what_it_had(province: Pair) -> None:
    pair = province
    MailboxService(pair.province).set_office_credentials(pair.commune.office().id)  # forgotten
    assert MailboxService(pair.province).office_credentials() == []
    done = PackageService(pair.commune).import_package(_reference(pair, "ref.ocoppkg"))
    assert done.applied and done.mailbox == "" and MailboxService(pair.commune).settings() is None


def test_only_the_province_gives_credentials_and_only_to_offices_it_knows(province: Pair) -> None:
    from ocop_desktop.services.core.audit import AuditFilter, AuditService
    from ocop_desktop.services.core.officers import OfficerService

    pair = province
    entries = AuditService(pair.province).entries(AuditFilter(table_name="settings"))
    given = [e for e in entries if e.record_id == f"mailbox-office:{pair.commune.office().id}"]
    assert len(given) == 1 and given[0].after == {"access_key": OFFICE[0]} and OFFICE[1] not in str(entries)
    admin = pair.province.officer_id
    assert admin is not None
    staff = OfficerService(pair.province).add("Lê Thị Bình")
    OfficerService(pair.province).act_as(staff.id)
    with pytest.raises(UserError, match="quản trị"):
        MailboxService(pair.province).set_office_credentials(
            pair.commune.office().id, "other", "other-secret"
        )
    with pytest.raises(UserError, match="Chỉ cơ quan OCOP cấp tỉnh"):
        MailboxService(pair.commune).set_office_credentials(pair.province.office().id, "a", "b")
    OfficerService(pair.province).act_as(admin)
    with pytest.raises(UserError, match="Không có cơ quan nhận"):
        MailboxService(pair.province).set_office_credentials("11111111-1111-1111-1111-111111111111", "a", "b")
    listed = MailboxService(pair.province).office_credentials()
    assert [(r["office_id"], r["access_key"]) for r in listed] == [(pair.commune.office().id, OFFICE[0])]
    assert OFFICE[1] not in repr(listed)


def test_an_evaluator_laptop_gets_its_credentials_in_its_assignment(
    offices: Offices, s3_server: SeaweedServer, s3_bucket: str
) -> None:
    o = offices
    configure(o.province, s3_server, s3_bucket)
    enroll(o, o.members[0])
    MailboxService(o.province).set_office_credentials(o.evaluator.office().id, "LAPTOPKEY", "laptop-secret")
    pack = ProvinceEvaluatorPackages(o.province).export_assignment(
        o.round_id, o.members[0], o.folder / "assign.ocoppkg"
    )
    readable = PackageService(o.province).own_keys().signing.readable
    done = EvaluatorPackages(o.evaluator).import_assignment(pack.path, confirm_fingerprint=readable)
    assert done.mailbox == "installed"
    got = MailboxService(o.evaluator).settings()
    assert got is not None and (got.bucket, got.access_key, got.secret_key) == (
        s3_bucket,
        "LAPTOPKEY",
        "laptop-secret",
    )
