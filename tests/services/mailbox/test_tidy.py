"""Tidying the bucket on a real S3 server: an object addressed to one office goes once that office
imported it and its receipt (if it issued one) is on the server; waiting packages and packs to every
commune stay."""

from __future__ import annotations

from pathlib import Path

import boto3

from helpers.mailbox import ADMIN, SeaweedServer, configure
from helpers.sync import Pair, ready_dossier
from ocop_desktop.services.core.mailbox_settings import MailboxSettings
from ocop_desktop.services.mailbox.sender import Backoff
from ocop_desktop.services.mailbox.service import MailboxService
from ocop_desktop.services.sync.service import PackageService

NO_WAIT = Backoff(sleep=lambda _s: None)


def _keys(server: SeaweedServer, bucket: str) -> list[str]:
    s3 = boto3.client("s3", **server.client_args(ADMIN))
    return sorted(o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", []))


def test_the_province_tidies_what_it_imported_and_receipted_and_the_commune_its_own_outbox(
    pair: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:
    for ctx in (pair.commune, pair.province):
        configure(ctx, s3_server, s3_bucket)
    ready_dossier(pair.commune, tmp_path / "scans")
    submission = PackageService(pair.commune).export_dossiers(tmp_path / "out" / "s.ocoppkg", pending=True)
    MailboxService(pair.commune).sync(backoff=NO_WAIT)
    province, commune = pair.province.office().id, pair.commune.office().id
    inbox = f"inbox/{province}/{commune}/"
    assert (
        sum(k.startswith(inbox) for k in _keys(s3_server, s3_bucket)) == 2
    )  # the enrollment, the submission

    done = MailboxService(pair.province).sync(backoff=NO_WAIT)
    assert done.fetched is not None and done.fetched.applied == [submission.package_id]
    # the submission's receipt went up in the same round, so both the submission and the enrollment
    # (imported when the offices were linked: nothing to receipt) are gone from the inbox
    assert len(done.fetched.deleted) == 2 and submission.package_id in done.fetched.deleted
    left = _keys(s3_server, s3_bucket)
    assert not [k for k in left if k.startswith("inbox/")]
    mine = [k for k in left if k.startswith(f"outbox/{commune}/")]
    assert len(mine) == 1  # the receipt, waiting for the commune
    assert [k for k in left if k.startswith("outbox/all/")]  # the reference pack queued by the link

    back = MailboxService(pair.commune).sync(backoff=NO_WAIT)
    assert back.fetched is not None and back.fetched.deleted == [mine[0].rsplit("/", 1)[1][:36]]
    left = _keys(s3_server, s3_bucket)
    assert not [k for k in left if k.startswith(f"outbox/{commune}/")]
    assert [k for k in left if k.startswith("outbox/all/")]  # other communes need the pack to all


def test_a_package_waiting_for_an_officer_stays_until_it_is_imported_and_receipted(
    pair: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:
    configure(pair.commune, s3_server, s3_bucket)
    current = MailboxService(pair.commune).settings()
    assert current is not None
    MailboxService(pair.province).configure(
        MailboxSettings(
            s3_server.endpoint, s3_bucket, current.access_key, current.secret_key, auto_import=False
        )
    )
    ready_dossier(pair.commune, tmp_path / "scans")
    submission = PackageService(pair.commune).export_dossiers(tmp_path / "out" / "s.ocoppkg", pending=True)
    MailboxService(pair.commune).send(backoff=NO_WAIT)
    key = f"inbox/{pair.province.office().id}/{pair.commune.office().id}/{submission.package_id}.ocoppkg"

    first = MailboxService(pair.province).sync(backoff=NO_WAIT)
    assert first.fetched is not None and [w["package_id"] for w in first.fetched.waiting] == [
        submission.package_id
    ]
    assert key in _keys(s3_server, s3_bucket)  # not imported yet: it stays

    PackageService(pair.province).import_package(Path(first.fetched.waiting[0]["path"]))  # the officer
    assert MailboxService(pair.province).fetch().deleted == []  # its receipt is queued, not sent yet
    assert key in _keys(s3_server, s3_bucket)
    second = MailboxService(pair.province).sync(backoff=NO_WAIT)  # sends the receipt first, then tidies
    assert second.fetched is not None and second.fetched.deleted == [submission.package_id]
    assert key not in _keys(s3_server, s3_bucket)
