"""The lifecycle of `outbox/all/` on a real S3 server: the province deletes its reference packs to every
commune once a newer one is on the server, keeps the newest and anything it did not upload; a commune
that listed a pack deleted before its download skips it without an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import boto3

from helpers.mailbox import ADMIN, SeaweedServer, configure
from helpers.sync import Pair
from ocop_desktop.services.mailbox.s3 import make_client
from ocop_desktop.services.mailbox.sender import Backoff
from ocop_desktop.services.mailbox.service import MailboxService
from ocop_desktop.services.sync.service import PackageService

NO_WAIT = Backoff(sleep=lambda _s: None)
FOREIGN = "outbox/all/00000000-0000-4000-8000-000000000000.ocoppkg"


def _to_all(server: SeaweedServer, bucket: str) -> list[str]:
    s3 = boto3.client("s3", **server.client_args(ADMIN))
    return sorted(
        o["Key"] for o in s3.list_objects_v2(Bucket=bucket, Prefix="outbox/all/").get("Contents", [])
    )


def _key(package_id: str) -> str:
    return f"outbox/all/{package_id}.ocoppkg"


def test_a_newer_pack_to_all_supersedes_the_older_ones_and_only_those(
    pair: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:
    for ctx in (pair.commune, pair.province):
        configure(ctx, s3_server, s3_bucket)
    province = MailboxService(pair.province)
    first = province.sync(backoff=NO_WAIT)  # the pack to all queued when the offices were linked
    assert first.fetched is not None and first.fetched.superseded == []
    [linked] = _to_all(s3_server, s3_bucket)
    boto3.client("s3", **s3_server.client_args(ADMIN)).put_object(Bucket=s3_bucket, Key=FOREIGN, Body=b"x")

    second = PackageService(pair.province).export_reference(tmp_path / "ref2.ocoppkg")
    done = province.sync(backoff=NO_WAIT)
    assert done.fetched is not None and done.fetched.superseded == [linked.rsplit("/", 1)[1][:36]]
    assert _to_all(s3_server, s3_bucket) == sorted([FOREIGN, _key(second.package_id)])

    third = PackageService(pair.province).export_reference(tmp_path / "ref3.ocoppkg")
    done = province.sync(backoff=NO_WAIT)
    assert done.fetched is not None and done.fetched.superseded == [second.package_id]
    assert _to_all(s3_server, s3_bucket) == sorted([FOREIGN, _key(third.package_id)])
    assert province.sync(backoff=NO_WAIT).fetched.superseded == []  # type: ignore[union-attr]

    commune = MailboxService(pair.commune).sync(backoff=NO_WAIT)  # a commune offline all along
    assert commune.fetched is not None and third.package_id in commune.fetched.applied
    assert not commune.stopped


def test_a_pack_to_one_office_is_not_touched(
    pair: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:
    for ctx in (pair.commune, pair.province):
        configure(ctx, s3_server, s3_bucket)
    own = PackageService(pair.province).export_reference(tmp_path / "own.ocoppkg", to="00070")
    PackageService(pair.province).export_reference(tmp_path / "all.ocoppkg")
    done = MailboxService(pair.province).sync(backoff=NO_WAIT)
    assert done.fetched is not None and len(done.fetched.superseded) == 1  # the linked pack to all only
    s3 = boto3.client("s3", **s3_server.client_args(ADMIN))
    mine = f"outbox/{pair.commune.office().id}/{own.package_id}.ocoppkg"
    assert s3.head_object(Bucket=s3_bucket, Key=mine)["ContentLength"] == own.size


class DeletedBeforeDownload:
    """The province tidies a pack between the commune's listing and its download."""

    def __init__(self, real: Any, admin: Any) -> None:
        self._real, self._admin = real, admin

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def get_object(self, **kwargs: Any) -> Any:
        self._admin.delete_object(Bucket=kwargs["Bucket"], Key=kwargs["Key"])
        return self._real.get_object(**kwargs)


def test_a_pack_deleted_after_the_listing_is_skipped_without_an_error(
    pair: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:
    for ctx in (pair.commune, pair.province):
        configure(ctx, s3_server, s3_bucket)
    newer = PackageService(pair.province).export_reference(tmp_path / "ref2.ocoppkg")
    MailboxService(pair.province).send(backoff=NO_WAIT)
    settings = MailboxService(pair.commune).settings()
    admin = boto3.client("s3", **s3_server.client_args(ADMIN))
    client = DeletedBeforeDownload(make_client(settings), admin)  # type: ignore[arg-type]
    got = MailboxService(pair.commune, client=client).fetch()
    assert not got.stopped and got.downloaded == [] and got.applied == []
    incoming = tmp_path / "commune" / "mailbox" / "incoming"
    assert not list(incoming.glob("*.part*"))  # nothing half-downloaded left behind
    assert _key(newer.package_id) not in _to_all(s3_server, s3_bucket)  # what the next pack replaces
