"""What the server's answers mean to a person: lasting errors in plain Vietnamese, the rest transient."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError, ConnectTimeoutError, EndpointConnectionError

from ocop_desktop.services.mailbox import layout
from ocop_desktop.services.mailbox.s3 import classify


def _error(code: str, status: int) -> ClientError:
    return ClientError(
        {"Error": {"Code": code}, "ResponseMetadata": {"HTTPStatusCode": status}}, "UploadPart"
    )


@pytest.mark.parametrize(
    ("code", "status", "words"),
    [
        ("InvalidAccessKeyId", 403, "mã truy cập hoặc khóa bí mật"),
        ("SignatureDoesNotMatch", 403, "mã truy cập hoặc khóa bí mật"),
        ("RequestTimeTooSkewed", 403, "Đồng hồ của máy tính này"),
        ("EntityTooLarge", 400, "Gói quá lớn"),
        ("", 413, "Gói quá lớn"),
        ("QuotaExceeded", 403, "đã đầy"),
        ("XMinioStorageFull", 507, "đã đầy"),
        ("", 507, "đã đầy"),
        ("NoSuchBucket", 404, "thùng chứa"),
        ("AccessDenied", 403, "không cho phép"),
        ("", 403, "không cho phép"),
    ],
)
def test_lasting_errors_stop_with_a_plain_message(code: str, status: int, words: str) -> None:
    problem = classify(_error(code, status))
    assert not problem.transient and words in problem.message


@pytest.mark.parametrize(
    "exc",
    [
        _error("SlowDown", 503),
        _error("InternalError", 500),
        _error("RequestTimeout", 400),
        EndpointConnectionError(endpoint_url="https://s3.tinh.gov.vn"),
        ConnectTimeoutError(endpoint_url="https://s3.tinh.gov.vn"),
        ConnectionResetError(),
    ],
)
def test_network_and_busy_servers_are_transient(exc: BaseException) -> None:
    problem = classify(exc)
    assert problem.transient and problem.message.startswith("Chưa kết nối được tới hộp thư")


def test_keys_hold_ids_only_and_evaluators_skip_the_packs_for_every_commune() -> None:
    p, c, pkg = "1" * 36, "2" * 36, "3c1d2a4e-0000-4000-8000-000000000000"
    assert layout.inbox_key(p, c, pkg) == f"inbox/{p}/{c}/{pkg}.ocoppkg"
    assert layout.outbox_key(None, pkg) == f"outbox/all/{pkg}.ocoppkg"
    assert (
        layout.package_id_of(layout.outbox_key(c, pkg)) == pkg
        and layout.package_id_of("outbox/x/a.txt") is None
    )
    assert layout.fetch_prefixes(c) == (f"outbox/{c}/", "outbox/all/")
    assert layout.fetch_prefixes(c, "evaluator") == (f"outbox/{c}/",)
