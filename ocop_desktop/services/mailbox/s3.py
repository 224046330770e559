"""The S3 client (boto3, chosen in docs/mailbox.md) and what its errors mean to a person.

boto3 is imported here only, and only when the mailbox is used. It never retries by itself: the
sender decides (it resumes from the parts the server holds, which boto3's own retries cannot)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ocop_desktop.services.core.mailbox_settings import MailboxSettings

# Connect quickly (probing says "unreachable" fast); a part of 8 MiB on a 1 Mbit/s link takes ~70 s.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 120.0


@dataclass(frozen=True)
class Problem:
    """What went wrong, for a person (`message`, Vietnamese), and whether waiting may fix it."""

    transient: bool
    message: str
    code: str = ""


def make_client(settings: MailboxSettings, *, timeouts: tuple[float, float] | None = None) -> Any:
    """A boto3 S3 client for the mailbox, TLS checked against the system's trust store."""
    import boto3
    import botocore.httpsession
    import truststore
    from botocore.config import Config

    # botocore builds its TLS context from this name; truststore's verifies against the OS store (where
    # a province's own CA is installed). Only botocore's name is replaced: `truststore.inject_into_ssl()`
    # would replace `ssl.SSLContext` for the whole process and recurses with contexts urllib3 made before.
    botocore.httpsession.SSLContext = truststore.SSLContext

    connect, read = timeouts or (CONNECT_TIMEOUT, READ_TIMEOUT)
    config = Config(
        s3={"addressing_style": "path"},  # works with IP addresses and servers without wildcard DNS
        retries={"total_max_attempts": 1, "mode": "standard"},
        connect_timeout=connect,
        read_timeout=read,
        # boto3 ≥ 1.36 adds CRC checksums by default, which several S3 engines refuse; we send the MD5
        # of each part instead (Content-MD5), which every engine checks.
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        user_agent_appid="ocop-desktop",
    )
    return boto3.client(
        "s3",
        endpoint_url=settings.endpoint,
        aws_access_key_id=settings.access_key,
        aws_secret_access_key=settings.secret_key,
        region_name=settings.region,
        config=config,
        verify=True,
    )


_CREDENTIALS = (
    "Hộp thư từ chối mã truy cập hoặc khóa bí mật của cơ quan. Hãy kiểm tra lại với bộ phận CNTT của tỉnh "
    "rồi cấu hình lại hộp thư."
)
_FULL = "Hộp thư của tỉnh đã đầy. Hãy báo bộ phận CNTT của tỉnh; các gói vẫn chờ trên máy này."
_BY_CODE: dict[str, str] = {
    "InvalidAccessKeyId": _CREDENTIALS,
    "SignatureDoesNotMatch": _CREDENTIALS,
    "AccessDenied": (
        "Hộp thư không cho phép mã truy cập này ghi hoặc đọc ở đây. Hãy báo bộ phận CNTT của tỉnh kiểm tra "
        "quyền của cơ quan."
    ),
    "RequestTimeTooSkewed": (
        "Đồng hồ của máy tính này sai lệch quá nhiều so với máy chủ hộp thư. Hãy chỉnh lại ngày giờ của máy "
        "(bật tự động đồng bộ giờ) rồi gửi lại."
    ),
    "EntityTooLarge": (
        "Gói quá lớn so với giới hạn của hộp thư. Hãy gửi gói này bằng USB, hoặc chia hồ sơ thành nhiều gói "
        "nhỏ hơn, hoặc đề nghị tỉnh nâng giới hạn."
    ),
    "QuotaExceeded": _FULL,
    "XMinioStorageFull": _FULL,
    "NoSuchBucket": (
        "Không có thùng chứa (bucket) này trên máy chủ hộp thư. Hãy kiểm tra tên thùng chứa trong cấu hình."
    ),
}
_TRANSIENT_CODES = {
    "SlowDown",
    "ServiceUnavailable",
    "InternalError",
    "RequestTimeout",
    "Throttling",
    "OperationAborted",
}
UNREACHABLE = (
    "Chưa kết nối được tới hộp thư của tỉnh. Các gói vẫn chờ trên máy này và sẽ được gửi khi có kết nối."
)


def classify(exc: BaseException) -> Problem:
    """Transient: the network or a busy server (retry later). Anything else stops the sender."""
    from botocore.exceptions import BotoCoreError, ClientError

    if isinstance(exc, ClientError):
        code = str(exc.response.get("Error", {}).get("Code", ""))
        status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)
        if code in _BY_CODE:
            return Problem(False, _BY_CODE[code], code)
        if status == 403:  # a HEAD has no body to say why; the probe before it said it was not the key
            return Problem(False, _BY_CODE["AccessDenied"], code or "403")
        if status == 413:
            return Problem(False, _BY_CODE["EntityTooLarge"], code or "413")
        if status == 507:
            return Problem(False, _BY_CODE["QuotaExceeded"], code or "507")
        if code in _TRANSIENT_CODES or status >= 500 or status == 408:
            return Problem(True, UNREACHABLE, code or str(status))
        return Problem(False, f"Hộp thư trả lời lỗi “{code or status}”. Hãy báo bộ phận CNTT của tỉnh.", code)
    if isinstance(exc, BotoCoreError | OSError):
        return Problem(True, UNREACHABLE, type(exc).__name__)
    raise exc


def is_missing(exc: BaseException) -> bool:
    """A 404 of an object or of an upload that is no longer there (completed, aborted or expired)."""
    from botocore.exceptions import ClientError

    if not isinstance(exc, ClientError):
        return False
    code = str(exc.response.get("Error", {}).get("Code", ""))
    status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)
    return code in ("NoSuchKey", "NoSuchUpload", "404", "NotFound") or status == 404


def errors() -> tuple[type[BaseException], ...]:
    """What a call to the client raises for a network or server reason (the rest are bugs)."""
    from botocore.exceptions import BotoCoreError, ClientError

    return (BotoCoreError, ClientError, OSError)


def list_parts(client: Any, bucket: str, key: str, upload_id: str) -> list[tuple[int, str, int]]:
    """(number, ETag, size) of every part the server holds for the upload, all pages."""
    parts: list[tuple[int, str, int]] = []
    marker = 0
    while True:
        page = client.list_parts(Bucket=bucket, Key=key, UploadId=upload_id, PartNumberMarker=marker)
        parts += [(int(p["PartNumber"]), str(p["ETag"]), int(p["Size"])) for p in page.get("Parts", [])]
        if not page.get("IsTruncated"):
            return parts
        marker = int(page["NextPartNumberMarker"])


def open_uploads(client: Any, bucket: str, key: str) -> list[str]:
    """Multipart uploads open on the server for exactly this key, newest first. A server or a key that
    may not list them (`s3:ListBucketMultipartUploads`) is answered as "none"."""
    try:
        page = client.list_multipart_uploads(Bucket=bucket, Prefix=key)
    except errors() as exc:
        if classify(exc).transient:
            raise
        return []
    uploads = [u for u in page.get("Uploads", []) if u.get("Key") == key]
    uploads.sort(key=lambda u: u.get("Initiated") or 0, reverse=True)
    return [str(u["UploadId"]) for u in uploads]
