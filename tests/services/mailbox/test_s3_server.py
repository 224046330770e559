"""The test server itself: a real S3 that does multipart uploads and refuses wrong credentials."""

from __future__ import annotations

import boto3
import pytest
from botocore.exceptions import ClientError

from helpers.mailbox import OFFICE, SeaweedServer


def test_multipart_upload_can_be_listed_and_completed(s3_server: SeaweedServer, s3_bucket: str) -> None:
    s3 = boto3.client("s3", **s3_server.client_args(OFFICE))
    key = "inbox/p/c/x.ocoppkg"
    upload = s3.create_multipart_upload(Bucket=s3_bucket, Key=key)["UploadId"]
    first = s3.upload_part(Bucket=s3_bucket, Key=key, UploadId=upload, PartNumber=1, Body=b"a" * 5 * 2**20)
    parts = s3.list_parts(Bucket=s3_bucket, Key=key, UploadId=upload)["Parts"]
    assert [(p["PartNumber"], p["Size"]) for p in parts] == [(1, 5 * 2**20)]
    last = s3.upload_part(Bucket=s3_bucket, Key=key, UploadId=upload, PartNumber=2, Body=b"b")
    done = [{"PartNumber": 1, "ETag": first["ETag"]}, {"PartNumber": 2, "ETag": last["ETag"]}]
    s3.complete_multipart_upload(Bucket=s3_bucket, Key=key, UploadId=upload, MultipartUpload={"Parts": done})
    assert s3.head_object(Bucket=s3_bucket, Key=key)["ContentLength"] == 5 * 2**20 + 1


def test_wrong_secret_is_refused(s3_server: SeaweedServer, s3_bucket: str) -> None:
    s3 = boto3.client("s3", **s3_server.client_args((OFFICE[0], "wrong")))
    with pytest.raises(ClientError) as caught:
        s3.list_objects_v2(Bucket=s3_bucket)
    assert caught.value.response["Error"]["Code"] == "SignatureDoesNotMatch"
