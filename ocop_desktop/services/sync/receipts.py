"""Receipts: the signed answer to an imported package (per-dossier outcome and the blobs the
recipient now holds), and importing a receipt back at the sender (acknowledged packages, dossiers
and blobs, so that they are not sent again).

Also the tail of the imports answered with a receipt (dossiers, scores): `recording_import`, the
transaction that records the package with its signed receipt and publishes the receipt only once
that transaction has committed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import ConflictError
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.manifest import Manifest, Party
from ocop_desktop.progress import Progress
from ocop_desktop.services.sync.export import payload_bytes
from ocop_desktop.services.sync.incoming import load_json
from ocop_desktop.services.sync.opened import Opened, incoming_row
from ocop_desktop.services.sync.outgoing import Outgoing, discard, now_text, publish
from ocop_desktop.services.sync.payload_schema import check_payload
from ocop_desktop.services.sync.sequence import sequence_warnings
from ocop_desktop.services.sync.staged import missing_folders, refusal_of, remove_made
from ocop_desktop.services.sync.types import (
    OUTCOME_LABELS,
    OUTCOMES,
    DossierPreview,
    ImportPreview,
    ImportResult,
)
from ocop_desktop.store.base import utcnow
from ocop_desktop.store.concurrency import serialise
from ocop_desktop.store.models import Dossier, Product, SyncDossierState, SyncPackage, SyncPeerBlob

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def receipt_target(path: Path, receipt_path: Path | None) -> Path:
    """Where the receipt of an imported package is written: `receipt_path`, or next to the package."""
    return receipt_path or path.with_name(f"{path.stem}.receipt{fmt.EXTENSION}")


def write_receipt(
    ctx: AppContext,
    s: Session,
    m: Manifest,
    manifest_sha256: str,
    outcomes: list[dict[str, Any]],
    blobs_held: list[str],
    target: Path,
) -> tuple[Path, SyncPackage]:
    """Sign a receipt for package `m` into a temp file and record it as outgoing (in `s`)."""
    recipient = Party(m.sender.office_id, m.sender.name, m.sender.unit_code, m.sender.role)
    out = Outgoing(ctx, fmt.Kind.RECEIPT, recipient, target)
    payload = {
        "receipt_for": {
            "package_id": m.package_id,
            "manifest_sha256": manifest_sha256,
            "kind": m.kind,
            "sequence": m.sequence,
            "sender_office_id": m.sender.office_id,
        },
        "received_at": now_text(),
        "outcomes": outcomes,
        "blobs_held": sorted(blobs_held),
    }
    out.writer.add_file(fmt.PAYLOAD, payload_bytes(payload))
    out.counts = {"dossiers": len(outcomes)}
    tmp, manifest, raw = out.write()
    try:
        row = out.record(s, manifest, raw, tmp)
    except BaseException:
        discard(ctx, tmp)
        raise
    return tmp, row


class ImportRecorder:
    """Inside `recording_import`: the open transaction (`session`) and `record`, the last step."""

    def __init__(self, ctx: AppContext, session: Session, opened: Opened, target: Path) -> None:
        self._ctx, self.session, self._opened, self._target = ctx, session, opened, target
        self.receipt: Path | None = None  # the signed receipt, in a temp file until the commit

    def record(
        self,
        outcomes: list[dict[str, Any]],
        *,
        dossier_count: int,
        blob_count: int = 0,
        held: Iterable[str] = (),
        notes: dict[str, Any] | None = None,
    ) -> None:
        """Sign the receipt (per-dossier `outcomes`, the blobs this machine now `held`) and add the
        package's row carrying it; `notes` join the outcomes kept in the row."""
        m = self._opened.manifest
        tmp, answer = write_receipt(
            self._ctx,
            self.session,
            m,
            self._opened.reader.manifest_sha256,
            outcomes,
            list(held),
            self._target,
        )
        self.receipt = tmp
        self.session.add(
            incoming_row(
                self._opened,
                dossier_count=dossier_count,
                blob_count=blob_count,
                outcomes={"dossiers": outcomes, **(notes or {})},
                receipt=tmp.read_bytes(),
                receipt_package_id=answer.id,
            )
        )


def hold_for_import(ctx: AppContext, s: Session, opened: Opened) -> None:
    """Desks on one server import one package at a time, and the receipt's number is this office's
    next one while the import holds the package counter; a package another desk imported since
    this one was opened is not applied twice."""
    serialise(s, "import")
    serialise(s, "package-out", ctx.office().id)
    if s.get(SyncPackage, opened.manifest.package_id) is not None:
        raise ConflictError(
            "Gói này vừa được nhập ở một bàn làm việc khác của văn phòng; không nhập lại. "
            "Hãy mở lại danh sách gói để xem kết quả."
        )


@contextmanager
def recording_import(
    ctx: AppContext, opened: Opened, target: Path, *, inconsistent: str
) -> Iterator[ImportRecorder]:
    """The one transaction of an import answered with a receipt. The block applies the package in
    `recorder.session` and ends with `recorder.record(...)`; after the commit the receipt is
    published at `target`. If anything fails the receipt is removed, and a database error becomes
    the refusal `inconsistent` (the package contradicts this machine's data; nothing changed)."""
    recorder: ImportRecorder | None = None
    made = missing_folders(target.parent)  # the receipt's writer makes them: a refusal takes them back
    try:
        with ctx.unit_of_work() as s:
            hold_for_import(ctx, s, opened)
            recorder = ImportRecorder(ctx, s, opened, target)
            yield recorder
    except BaseException as exc:
        if recorder is not None and recorder.receipt is not None:
            discard(ctx, recorder.receipt)
        remove_made(made)
        if isinstance(exc, SQLAlchemyError):
            raise refusal_of(ctx, exc, inconsistent) from exc
        raise
    assert recorder is not None and recorder.receipt is not None, "an import with a receipt records it"
    publish(ctx, recorder.receipt, target)


class ReceiptImport:
    def __init__(self, ctx: AppContext, opened: Opened) -> None:
        self._ctx = ctx
        self._opened = opened

    def _payload(self) -> tuple[dict[str, Any], SyncPackage]:
        reader = self._opened.reader
        doc = check_payload(
            fmt.Kind.RECEIPT, fmt.PAYLOAD, load_json(fmt.PAYLOAD, reader.read_json_bytes(fmt.PAYLOAD))
        )
        about = doc.get("receipt_for") if isinstance(doc, dict) else None
        outcomes = doc.get("outcomes") if isinstance(doc, dict) else None
        held = doc.get("blobs_held") if isinstance(doc, dict) else None
        if (
            not isinstance(about, dict)
            or not isinstance(outcomes, list)
            or not isinstance(held, list)
            or not all(isinstance(h, str) and _HEX64.match(h) for h in held)
            or not all(
                isinstance(o, dict)
                and isinstance(o.get("dossier_id"), str)
                and o.get("outcome") in OUTCOMES
                and isinstance(o.get("version"), int)
                for o in outcomes
            )
        ):
            raise PackageRefused(
                "malformed", "Biên nhận không đúng cấu trúc. Hãy đề nghị bên gửi xuất lại biên nhận."
            )
        with self._ctx.read() as s:
            ours = s.get(SyncPackage, str(about.get("package_id")))
        sender = self._opened.manifest.sender.office_id
        if (
            ours is None
            or ours.direction != "out"
            or ours.peer_office_id != sender
            or ours.manifest_sha256 != about.get("manifest_sha256")
        ):
            raise PackageRefused(
                "receipt_unknown",
                "Biên nhận này xác nhận một gói mà máy này không gửi cho cơ quan "
                "đó (hoặc gói đã bị thay đổi).",
            )
        return doc, ours

    def preview(self, progress: Progress | None = None) -> ImportPreview:
        doc, ours = self._payload()
        rows = []
        with self._ctx.read() as s:
            for o in doc["outcomes"]:
                d = s.get(Dossier, o["dossier_id"])
                product = s.get(Product, d.product_id) if d else None
                rows.append(
                    DossierPreview(
                        o["dossier_id"],
                        product.name if product else "",
                        "",
                        o["outcome"],
                        OUTCOME_LABELS[o["outcome"]],
                        int(o["version"]),
                        0,
                        d.status if d else "",
                        str(o.get("reason", "")),
                    )
                )
        return ImportPreview(
            self._opened.info,
            self._opened.prior is not None,
            tuple(rows),
            warnings=() if self._opened.prior else tuple(sequence_warnings(self._ctx, self._opened.manifest)),
            acknowledged_packages=(ours.id,),
        )

    def apply(self, progress: Progress | None, receipt_path: Path) -> ImportResult:
        preview = self.preview(progress)
        if self._opened.prior is not None:
            return ImportResult(preview, False, None)
        doc, ours = self._payload()
        m = self._opened.manifest
        with self._ctx.unit_of_work() as s:
            package = s.get(SyncPackage, ours.id)
            assert package is not None
            package.acknowledged_at = package.acknowledged_at or utcnow()
            package.receipt_package_id = m.package_id
            for o in doc["outcomes"]:
                state = s.get(SyncDossierState, o["dossier_id"])
                if state is not None and state.peer_office_id == m.sender.office_id:
                    state.acked_version = max(state.acked_version, int(o["version"]))
                    state.last_outcome = o["outcome"]
            held = set(
                s.scalars(
                    select(SyncPeerBlob.sha256).where(SyncPeerBlob.peer_office_id == m.sender.office_id)
                )
            )
            for sha in set(doc["blobs_held"]) - held:
                s.add(SyncPeerBlob(peer_office_id=m.sender.office_id, sha256=sha))
            s.add(
                incoming_row(
                    self._opened, dossier_count=len(doc["outcomes"]), outcomes={"acknowledges": ours.id}
                )
            )
        return ImportResult(preview, True, None)
