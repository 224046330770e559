"""Every export fills the outbox, in the same transaction; the mailbox settings are kept encrypted."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from helpers.sync import Pair, ready_dossier
from ocop_desktop.domain.errors import ValidationError
from ocop_desktop.services.core import mailbox_settings as stored
from ocop_desktop.services.core.mailbox_settings import MailboxSettings
from ocop_desktop.services.mailbox.service import MailboxService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import OutboxItem

SECRET = "s3cr3t-Không-lộ"


def _rows(ctx) -> list[OutboxItem]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        rows = list(s.scalars(select(OutboxItem).order_by(OutboxItem.queued_at)))
        s.expunge_all()
        return rows


def test_every_export_and_receipt_is_queued_with_its_file(pair: Pair, tmp_path: Path) -> None:
    enrolled = {r.kind for r in _rows(pair.commune)}
    assert enrolled == {"enrollment"}  # the link's own packages went through the outbox too
    assert {r.kind for r in _rows(pair.province)} == {"reference"}
    dossier = ready_dossier(pair.commune, tmp_path)
    sent = PackageService(pair.commune).export_dossiers(pair.send("s.ocoppkg"), dossier_ids=[dossier])
    row = next(r for r in _rows(pair.commune) if r.package_id == sent.package_id)
    assert (row.kind, row.state, row.size, row.path) == ("submission", "queued", sent.size, str(sent.path))
    assert row.manifest_sha256 == sent.manifest_sha256
    assert row.recipient_office_id == pair.province.office().id
    PackageService(pair.province).import_package(sent.path, receipt_path=tmp_path / "r.ocoppkg")
    receipt = next(r for r in _rows(pair.province) if r.kind == "receipt")
    assert receipt.path == str(tmp_path / "r.ocoppkg") and Path(receipt.path).is_file()


def test_settings_are_encrypted_at_rest_and_never_shown(pair: Pair) -> None:
    service = MailboxService(pair.commune)
    assert service.settings() is None
    service.configure(MailboxSettings(" https://s3.tinh.gov.vn/ ", "ocop-hanoi", "AKCOMMUNE", SECRET))
    keys = pair.commune.paths.keys_dir
    on_disk = b"".join(p.read_bytes() for p in keys.iterdir())
    assert SECRET.encode() not in on_disk and b"AKCOMMUNE" not in on_disk
    loaded = service.settings()
    assert loaded is not None and loaded.secret_key == SECRET and loaded.endpoint == "https://s3.tinh.gov.vn"
    assert SECRET not in repr(loaded) and "secret_key" not in loaded.public()
    (keys / stored.SECRET_FILE).write_bytes(b"plain:" + bytes(32))  # another machine's key
    with pytest.raises(Exception, match="cấu hình lại hộp thư") as caught:
        service.settings()
    assert SECRET not in str(caught.value.__dict__)


@pytest.mark.parametrize(
    ("endpoint", "allow_http", "field"),
    [("http://s3.tinh.gov.vn", False, "endpoint"), ("s3.tinh.gov.vn", False, "endpoint")],
)
def test_settings_refuse_plain_http_unless_allowed(endpoint: str, allow_http: bool, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        MailboxSettings(endpoint, "ocop", "a", "b", allow_http=allow_http).check()
    assert field in caught.value.fields
    MailboxSettings("http://10.0.0.5:8333", "ocop", "a", "b", allow_http=True).check()
    MailboxSettings("http://127.0.0.1:8333", "ocop", "a", "b").check()


def test_one_sender_at_a_time_per_data_folder(pair: Pair) -> None:
    from ocop_desktop.domain.errors import UserError
    from ocop_desktop.store.staging_lock import StagingLock

    MailboxService(pair.commune).configure(MailboxSettings("https://s3.tinh.gov.vn", "ocop", "a", "b"))
    (pair.commune.paths.data_dir / "mailbox").mkdir(exist_ok=True)
    held = StagingLock.take(pair.commune.paths.data_dir / "mailbox" / "send")  # another window sending
    assert held is not None
    try:
        with pytest.raises(UserError, match="đang gửi hoặc nhận qua hộp thư"):
            MailboxService(pair.commune, client=object()).send()
    finally:
        held.release(remove=False)
