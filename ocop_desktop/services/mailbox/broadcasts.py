"""The lifecycle of `outbox/all/`: the province's reference packs to every commune of the province.

No commune may delete them (others still need them), so the province does: a reference pack to all carries
the full state it holds (rule sets, calendar, checklists, the province's keys, every commune's sealed
mailbox credentials; `sync/sequence.py`: versions, not numbers, decide), so once a **newer** pack to all
is on the server, the older ones are superseded and go. The newest always stays: a commune set up next
year fetches it. Only objects this province's own outbox uploaded are deleted; anything else under the
prefix (a reinstalled province's old packs, a file put there by hand) is left for the province's IT.

A commune that listed an old pack just before it went skips it (`Fetcher`: a missing object is not an
error) and takes the newer one in the same or the next round."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ocop_desktop.ocoppkg.format import Kind
from ocop_desktop.services.mailbox import layout
from ocop_desktop.services.mailbox.s3 import classify, errors
from ocop_desktop.store.models import OutboxItem, SyncPackage
from ocop_desktop.store.models.mailbox import UPLOADED

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

log = logging.getLogger(__name__)
PREFIX = f"outbox/{layout.EVERYONE}/"


def superseded(ctx: AppContext) -> set[str]:
    """Package ids of this office's reference packs to all that are on the server and older than the
    newest one on the server (by the office's own package numbers)."""
    query = (
        select(OutboxItem.package_id)
        .join(SyncPackage, SyncPackage.id == OutboxItem.package_id)
        .where(
            OutboxItem.kind == Kind.REFERENCE.value,
            OutboxItem.recipient_office_id.is_(None),
            OutboxItem.state == UPLOADED,
            SyncPackage.direction == "out",
        )
        .order_by(SyncPackage.sequence.desc())
    )
    with ctx.read() as s:
        return set(list(s.scalars(query))[1:])


def tidy(ctx: AppContext, client: Any, bucket: str) -> list[str]:
    """Delete the superseded packs still listed under `outbox/all/`; returns their package ids. Nothing
    to do (one pack or none) costs no request. A key that may not list or delete there stops the tidy
    quietly (logged): the packs stay, the fetch is not an error; a network error is (the round retries)."""
    old = superseded(ctx)
    deleted: list[str] = []
    if not old:
        return deleted
    try:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=PREFIX):
            for obj in page.get("Contents", []):
                package_id = layout.package_id_of(obj["Key"])
                if package_id in old:
                    client.delete_object(Bucket=bucket, Key=obj["Key"])
                    deleted.append(package_id)
    except errors() as exc:
        problem = classify(exc)
        if problem.transient:
            raise
        log.info("Superseded packs to all not tidied: %s", problem.code)
    return deleted
