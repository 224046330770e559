"""The sender against a real S3 server: byte-identical arrival, idempotence, resume after a crash,
plain messages for lasting errors, back-off for transient ones, cancel as a pause."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import boto3
import pytest

from helpers.mailbox import OFFICE, SeaweedServer, configure, queue_file, random_file
from helpers.sync import Pair
from ocop_desktop.domain.errors import Cancelled
from ocop_desktop.services.mailbox import outbox
from ocop_desktop.services.mailbox.s3 import make_client
from ocop_desktop.services.mailbox.sender import Backoff
from ocop_desktop.services.mailbox.service import MailboxService

MiB = 1024 * 1024
PART = 5 * MiB
NO_WAIT = Backoff(sleep=lambda _s: None)


class Crash(Exception):
    """The process dying mid-upload (not a network error: nothing catches it)."""


class CrashAfter:
    """A client that dies after `parts` parts were uploaded, as a killed process would."""

    def __init__(self, real: Any, parts: int) -> None:
        self._real, self._left = real, parts

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def upload_part(self, **kwargs: Any) -> Any:
        if self._left == 0:
            raise Crash()
        self._left -= 1
        return self._real.upload_part(**kwargs)


@pytest.fixture
def commune(pair: Pair, s3_server: SeaweedServer, s3_bucket: str) -> Pair:
    for ctx in (pair.commune, pair.province):
        configure(ctx, s3_server, s3_bucket)
    MailboxService(pair.commune).send(backoff=NO_WAIT)  # the enrollment from the link goes first
    return pair


def _object(server: SeaweedServer, bucket: str, key: str) -> bytes:
    s3 = boto3.client("s3", **server.client_args(OFFICE))
    return bytes(s3.get_object(Bucket=bucket, Key=key)["Body"].read())


def _service(pair: Pair, client: Any = None) -> MailboxService:
    if client is None:
        current = MailboxService(pair.commune).settings()
        assert current is not None
        client = make_client(current)
    return MailboxService(pair.commune, client=client, part_size=PART)


def test_a_package_arrives_byte_identical_under_the_inbox_of_the_province(
    commune: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:
    file = random_file(tmp_path / "big.ocoppkg", 12 * MiB + 123)
    package = queue_file(commune.commune, file, recipient=commune.province.office().id)
    sent = _service(commune).send(backoff=NO_WAIT)
    assert sent.sent == [package] and sent.parts_uploaded == 3 and not sent.stopped
    key = f"inbox/{commune.province.office().id}/{commune.commune.office().id}/{package}.ocoppkg"
    assert _object(s3_server, s3_bucket, key) == file.read_bytes()
    item = next(i for i in outbox.listing(commune.commune) if i.package_id == package)
    assert (item.state, item.object_key, item.bytes_sent) == ("uploaded", key, file.stat().st_size)
    again = _service(commune).send(backoff=NO_WAIT)
    assert again.sent == [] and again.parts_uploaded == 0  # nothing queued any more


def test_a_package_already_on_the_server_is_not_sent_again(commune: Pair, tmp_path: Path) -> None:
    file = random_file(tmp_path / "p.ocoppkg", 6 * MiB)
    package = queue_file(commune.commune, file, recipient=commune.province.office().id)
    _service(commune).send(backoff=NO_WAIT)
    item = next(i for i in outbox.listing(commune.commune) if i.package_id == package)
    outbox.update(
        commune.commune, item.id, state="queued", upload_id=None, parts=[]
    )  # e.g. a restored backup
    again = _service(commune).send(backoff=NO_WAIT)
    assert again.already == [package] and again.parts_uploaded == 0 and again.bytes_uploaded == 0


def test_after_a_crash_the_upload_resumes_from_the_parts_on_the_server(
    commune: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:
    file = random_file(tmp_path / "p.ocoppkg", 4 * PART + 10, seed=3)
    package = queue_file(commune.commune, file, recipient=commune.province.office().id)
    real = make_client(MailboxService(commune.commune).settings())  # type: ignore[arg-type]
    with pytest.raises(Crash):
        _service(commune, CrashAfter(real, parts=2)).send(backoff=NO_WAIT)
    half = next(i for i in outbox.listing(commune.commune) if i.package_id == package)
    assert half.state == "uploading" and len(half.parts) == 2 and half.upload_id
    outbox.update(commune.commune, half.id, parts=[])  # the crash came before the second part was noted
    resumed = _service(commune).send(backoff=NO_WAIT)  # a new process: a new client
    assert resumed.sent == [package] and resumed.resumed == 1
    assert resumed.parts_uploaded == 3  # 5 parts; the 2 on the server are not sent again
    key = f"inbox/{commune.province.office().id}/{commune.commune.office().id}/{package}.ocoppkg"
    assert _object(s3_server, s3_bucket, key) == file.read_bytes()


def test_wrong_credentials_stop_at_once_with_a_plain_message(
    commune: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:
    configure(commune.commune, s3_server, s3_bucket, (OFFICE[0], "wrong"))
    package = queue_file(commune.commune, random_file(tmp_path / "p.ocoppkg", 1000))
    waits: list[float] = []
    report = MailboxService(commune.commune).send(backoff=Backoff(sleep=waits.append))
    assert report.stopped.startswith("Hộp thư từ chối mã truy cập hoặc khóa bí mật") and not report.transient
    assert waits == [] and report.waiting == [package]  # no retry; the package stays in the queue
    assert MailboxService(commune.commune).status(probe=True).problem == report.stopped


def test_an_unreachable_endpoint_is_retried_with_backoff_then_waits(commune: Pair, tmp_path: Path) -> None:
    from ocop_desktop.services.core.mailbox_settings import MailboxSettings

    service = MailboxService(commune.commune)
    service.configure(MailboxSettings("http://127.0.0.1:9", "ocop-test", "a", "b"))  # nothing listens
    package = queue_file(commune.commune, random_file(tmp_path / "p.ocoppkg", 1000))
    waits: list[float] = []
    report = service.send(backoff=Backoff(base=1, cap=4, attempts=3, sleep=waits.append))
    assert report.transient and "Chưa kết nối được tới hộp thư" in report.stopped
    assert len(waits) == 3 and all(0 <= w <= 4 for w in waits) and report.waiting == [package]
    assert service.status(probe=True).reachable is False


def test_cancel_is_a_pause(commune: Pair, tmp_path: Path) -> None:
    file = random_file(tmp_path / "p.ocoppkg", 3 * PART, seed=5)
    package = queue_file(commune.commune, file, recipient=commune.province.office().id)

    class StopAfterFirstPart:
        def __init__(self) -> None:
            self.calls = 0

        @property
        def cancelled(self) -> bool:
            return self.calls >= 1

        def set(self, fraction: float, text: str = "") -> None:
            self.calls += 1

    with pytest.raises(Cancelled):
        _service(commune).send(StopAfterFirstPart(), backoff=NO_WAIT)
    paused = next(i for i in outbox.listing(commune.commune) if i.package_id == package)
    assert paused.state == "uploading" and len(paused.parts) == 1
    later = _service(commune).send(backoff=NO_WAIT)
    assert later.sent == [package] and later.parts_uploaded == 2


class CrashAfterCreate:
    """A client whose process dies right after the server opened the upload, before the outbox noted it."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def create_multipart_upload(self, **kwargs: Any) -> Any:
        self._real.create_multipart_upload(**kwargs)
        raise Crash()


def test_an_upload_opened_by_a_run_killed_before_noting_it_is_continued_not_left_open(
    commune: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:
    file = random_file(tmp_path / "p.ocoppkg", 2 * PART + 5, seed=4)
    package = queue_file(commune.commune, file, recipient=commune.province.office().id)
    key = f"inbox/{commune.province.office().id}/{commune.commune.office().id}/{package}.ocoppkg"
    s3 = boto3.client("s3", **s3_server.client_args(OFFICE))
    older = s3.create_multipart_upload(Bucket=s3_bucket, Key=key)["UploadId"]  # an even earlier one
    s3.upload_part(Bucket=s3_bucket, Key=key, UploadId=older, PartNumber=1, Body=b"x" * PART)
    real = make_client(MailboxService(commune.commune).settings())  # type: ignore[arg-type]
    with pytest.raises(Crash):
        _service(commune, CrashAfterCreate(real)).send(backoff=NO_WAIT)
    item = next(i for i in outbox.listing(commune.commune) if i.package_id == package)
    assert item.upload_id is None and item.object_key == key  # the key was noted, the upload was not
    assert len(s3.list_multipart_uploads(Bucket=s3_bucket, Prefix=key).get("Uploads", [])) == 2

    again = _service(commune).send(backoff=NO_WAIT)
    assert again.sent == [package] and again.adopted == 1
    assert again.parts_attempted == 3  # the junk part of the older upload, if kept, is not ours: sent
    assert _object(s3_server, s3_bucket, key) == file.read_bytes()
    assert s3.list_multipart_uploads(Bucket=s3_bucket).get("Uploads", []) == []  # none left behind


class CrashAfterComplete(CrashAfter):
    """The process dies after the server completed the upload, before the outbox noted it."""

    def complete_multipart_upload(self, **kwargs: Any) -> Any:
        self._real.complete_multipart_upload(**kwargs)
        raise Crash()


def test_an_upload_completed_by_a_run_killed_before_noting_it_is_not_sent_again(
    commune: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:
    file = random_file(tmp_path / "p.ocoppkg", 2 * PART + 7, seed=6)
    package = queue_file(commune.commune, file, recipient=commune.province.office().id)
    real = make_client(MailboxService(commune.commune).settings())  # type: ignore[arg-type]
    with pytest.raises(Crash):
        _service(commune, CrashAfterComplete(real, parts=3)).send(backoff=NO_WAIT)
    again = _service(commune).send(backoff=NO_WAIT)
    assert again.already == [package] and again.parts_attempted == 0
    item = next(i for i in outbox.listing(commune.commune) if i.package_id == package)
    assert (
        item.state == "uploaded" and _object(s3_server, s3_bucket, str(item.object_key)) == file.read_bytes()
    )


def test_an_upload_the_server_no_longer_has_is_started_again(
    commune: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:
    file = random_file(tmp_path / "p.ocoppkg", 3 * PART + 1, seed=8)
    package = queue_file(commune.commune, file, recipient=commune.province.office().id)
    real = make_client(MailboxService(commune.commune).settings())  # type: ignore[arg-type]
    with pytest.raises(Crash):
        _service(commune, CrashAfter(real, parts=2)).send(backoff=NO_WAIT)
    item = next(i for i in outbox.listing(commune.commune) if i.package_id == package)
    assert item.upload_id is not None
    # expired by a lifecycle rule, or lost by a server restored from an older copy
    s3 = boto3.client("s3", **s3_server.client_args(OFFICE))
    s3.abort_multipart_upload(Bucket=s3_bucket, Key=str(item.object_key), UploadId=item.upload_id)
    again = _service(commune).send(backoff=NO_WAIT)
    assert again.sent == [package] and again.parts_attempted == 4 and again.resumed == 0
    assert _object(s3_server, s3_bucket, str(item.object_key)) == file.read_bytes()
    assert s3.list_multipart_uploads(Bucket=s3_bucket).get("Uploads", []) == []


def test_a_receipt_written_to_a_stick_since_removed_is_sent_from_the_database(
    commune: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:
    from helpers.sync import ready_dossier
    from ocop_desktop.services.sync.service import PackageService

    ready_dossier(commune.commune, tmp_path / "scans")
    sent = PackageService(commune.commune).export_dossiers(tmp_path / "s.ocoppkg", pending=True)
    stick = tmp_path / "stick"
    done = PackageService(commune.province).import_package(sent.path, receipt_path=stick / "r.ocoppkg")
    assert done.receipt_path is not None
    receipt = done.receipt_path.read_bytes()
    done.receipt_path.unlink()  # the stick went back to the commune
    report = MailboxService(commune.province).send(backoff=NO_WAIT)
    assert not report.stopped and len(report.sent) == 2  # the reference pack and the receipt
    item = next(i for i in outbox.listing(commune.province) if i.kind == "receipt")
    assert item.state == "uploaded" and _object(s3_server, s3_bucket, str(item.object_key)) == receipt


def test_a_package_refused_as_too_large_is_parked_until_retried(commune: Pair, tmp_path: Path) -> None:
    from botocore.exceptions import ClientError

    class TooLarge(CrashAfter):  # the server's answer to a body over its limit (not reproducible in weed)
        def upload_part(self, **kwargs: Any) -> Any:
            error = {"Error": {"Code": "EntityTooLarge"}, "ResponseMetadata": {"HTTPStatusCode": 400}}
            raise ClientError(error, "UploadPart")

    file = random_file(tmp_path / "p.ocoppkg", 2 * PART, seed=13)
    package = queue_file(commune.commune, file, recipient=commune.province.office().id)
    real = make_client(MailboxService(commune.commune).settings())  # type: ignore[arg-type]
    report = _service(commune, TooLarge(real, parts=0)).send(backoff=NO_WAIT)
    assert report.stopped.startswith("Gói quá lớn") and not report.transient
    parked = next(i for i in outbox.listing(commune.commune) if i.package_id == package)
    assert parked.state == "failed" and parked.state_label == "Lỗi, cần xử lý"
    assert _service(commune).send(backoff=NO_WAIT).sent == []  # parked: not tried again by itself
    assert MailboxService(commune.commune).retry() == 1
    assert _service(commune).send(backoff=NO_WAIT).sent == [package]


class CountingHeads:
    def __init__(self, real: Any) -> None:
        self._real, self.heads = real, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def head_object(self, **kwargs: Any) -> Any:
        self.heads += 1
        return self._real.head_object(**kwargs)


def test_a_package_never_tried_goes_without_asking_the_server_first(commune: Pair, tmp_path: Path) -> None:
    real = make_client(MailboxService(commune.commune).settings())  # type: ignore[arg-type]
    counting = CountingHeads(real)
    fresh = queue_file(commune.commune, random_file(tmp_path / "p.ocoppkg", 2 * PART + 1))
    sent = _service(commune, counting).send(backoff=NO_WAIT)
    assert sent.sent == [fresh] and counting.heads == 0
    item = next(i for i in outbox.listing(commune.commune) if i.package_id == fresh)
    assert item.state == "uploaded"
    outbox.update(commune.commune, item.id, state="queued", upload_id=None, parts=[])  # a restored backup
    again = _service(commune, counting).send(backoff=NO_WAIT)
    assert again.already == [fresh] and counting.heads == 1 and again.bytes_uploaded == 0
