"""What every outgoing package needs: the sender's sequence and chain, the signed manifest, the
atomic write, and the row in `sync_package`."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import ConflictError, EnvironmentProblem, UserError
from ocop_desktop.ocoppkg import crypto
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.keys import KeyStore, fingerprint
from ocop_desktop.ocoppkg.manifest import Manifest, Party
from ocop_desktop.ocoppkg.writer import PackageWriter
from ocop_desktop.progress import Progress
from ocop_desktop.store import publishing
from ocop_desktop.store.concurrency import serialise
from ocop_desktop.store.models import Office, OutboxItem, SyncPackage

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.store.models import KeyRecord


CLEAR_SCANS = frozenset({fmt.Kind.FIVE_STAR_PROPOSAL})  # the only kind whose scans are not encrypted


# What goes through the province's mailbox: everything but the 5★ proposal, which goes to the ministry.
MAILBOX_KINDS = frozenset(fmt.Kind) - {fmt.Kind.FIVE_STAR_PROPOSAL}


@dataclass(frozen=True)
class ExportResult:
    """A package written to disk."""

    path: Path
    package_id: str
    kind: str
    kind_label: str
    recipient_name: str
    recipient_unit: str
    sequence: int
    manifest_sha256: str
    size: int
    dossier_ids: tuple[str, ...] = ()
    blobs: int = 0
    blob_bytes: int = 0
    blobs_skipped: int = 0  # the recipient's receipts say it holds them already
    encrypted: bool = False


@dataclass
class Outgoing:
    """A package being prepared: writer, manifest fields, and where it goes."""

    ctx: AppContext
    kind: fmt.Kind
    recipient: Party
    target: Path
    encryption_key: str | None = None
    encryption: dict[str, Any] | None = None
    rulesets: tuple[tuple[str, str], ...] = ()
    counts: dict[str, int] | None = None
    outcomes: dict[str, Any] | None = None  # kept in the outgoing row (what an assignment gave to whom)
    content_key: bytes | None = None  # encrypts records, payload and scans, once `encrypt_for` is called

    def __post_init__(self) -> None:
        self.package_id = str(uuid.uuid4())
        self.writer = PackageWriter(self.target, self.package_id)

    def encrypt_for(self, key: KeyRecord) -> bytes:
        """From now on, encrypt to the recipient's X25519 key: a new content key, wrapped in the manifest."""
        self.content_key = crypto.new_content_key()
        self.encryption_key = key.fingerprint
        self.encryption = crypto.wrap_key(
            self.content_key, key.public_key, key.fingerprint, self.package_id
        ).to_json()
        return self.content_key

    def add_file(self, name: str, raw: bytes) -> None:
        """A record or payload: encrypted (`<name>.enc`) when the package is."""
        if self.content_key is None:
            self.writer.add_file(name, raw)
        else:
            name += ".enc"
            self.writer.add_file(
                name, crypto.encrypt_file(self.content_key, self.package_id, name, raw), encrypted=True
            )

    def add_blob(self, sha256: str, path: Path, size: int) -> None:
        """A scan, encrypted with the content key (`blobs/<sha256>.enc`). Scans hold ID cards and
        business registrations: they never travel in clear, except in the 5★ proposal, whose recipient
        (the ministry) has no key in this version (docs/sync-package.md §5)."""
        if self.content_key is None and self.kind not in CLEAR_SCANS:
            raise UserError(
                f"Chưa có khóa mã hóa của “{self.recipient.name[:80]}” trên máy này, nên không gửi được tệp "
                "đính kèm (tệp đính kèm chỉ được gửi khi đã mã hóa cho bên nhận). Hãy nhập gói ghi danh "
                "của bên nhận (với thành viên hội đồng: ghi danh máy chấm điểm của họ) rồi xuất lại."
            )
        self.writer.add_blob(sha256, path, size, self.content_key)

    def write(self, progress: Progress | None = None) -> tuple[Path, Manifest, bytes]:
        """Sign and write to a temp file; the caller records it (`record`) and then publishes it.
        No transaction stays open during the (possibly long) write."""
        office = self.ctx.office()
        with self.ctx.read() as s:
            sequence, previous = next_sequence(s, office.id)
        store = KeyStore(self.ctx.paths.keys_dir)
        key = store.signing_key()
        fields = partial(
            Manifest,
            package_id=self.package_id,
            kind=self.kind.value,
            created_at=now_text(),
            sender=Party(office.id, office.name, office.unit_code, office.role),
            signing_key=fingerprint(crypto.raw_public(key.public_key())),
            sequence=sequence,
            previous_sha256=previous,
            recipient=self.recipient,
            encryption_key=self.encryption_key,
            encryption=self.encryption,
            rulesets=self.rulesets,
            counts=dict(self.counts or {}),
        )
        sealed: list[tuple[Manifest, bytes]] = []

        def seal(files: tuple[fmt.FileEntry, ...]) -> tuple[bytes, bytes]:
            manifest = fields(files=files, format_version=fmt.version_for(files))
            raw = manifest.to_bytes()
            sealed.append((manifest, raw))
            return raw, crypto.sign(key, raw)

        # The journal first: a kill from here on is finished or rolled back at the next start.
        temp = publishing.begin(self.ctx.paths.data_dir, self.package_id, self.target)
        try:
            tmp = self.writer.write(seal, progress, temp)
        except BaseException:
            publishing.end(self.ctx.paths.data_dir, self.package_id)
            raise
        manifest, raw = sealed[-1]
        return tmp, manifest, raw

    def record(self, s: Session, manifest: Manifest, raw: bytes, tmp: Path, **extra: Any) -> SyncPackage:
        """The outgoing row, in the caller's unit of work. Two exports at once would share a number:
        the office's package counter is held from this check to the commit (desks on one server)."""
        serialise(s, "package-out", manifest.sender_id)
        if next_sequence(s, manifest.sender_id)[0] != manifest.sequence:
            discard(self.ctx, tmp)
            raise ConflictError(
                "Một gói khác vừa được xuất cùng lúc (trên máy này hoặc ở bàn làm việc khác của văn phòng), "
                "nên gói này chưa được ghi. Hãy xuất lại."
            )
        row = SyncPackage(
            id=manifest.package_id,
            direction="out",
            kind=manifest.kind,
            sender_office_id=manifest.sender.office_id,
            peer_office_id=manifest.recipient.office_id,
            sequence=manifest.sequence,
            manifest_sha256=fmt.sha256_hex(raw),
            previous_sha256=manifest.previous_sha256,
            created_at=manifest.created_at,
            file_name=self.target.name,
            size=tmp.stat().st_size,
            dossier_count=manifest.counts.get("dossiers", 0),
            blob_count=manifest.counts.get("blobs", 0),
            outcomes=dict(self.outcomes or {}),
            **extra,
        )
        s.add(row)
        if self.kind in MAILBOX_KINDS:  # in the same transaction: a package recorded is a package queued
            s.add(
                OutboxItem(
                    package_id=row.id,
                    kind=row.kind,
                    recipient_office_id=row.peer_office_id,
                    path=str(self.target.absolute()),
                    size=row.size,
                    manifest_sha256=row.manifest_sha256,
                )
            )
        return row

    def result(self, manifest: Manifest, raw: bytes, **extra: Any) -> ExportResult:
        return ExportResult(
            self.target,
            manifest.package_id,
            manifest.kind,
            self.kind.label,
            self.recipient.name,
            self.recipient.unit_code,
            manifest.sequence,
            fmt.sha256_hex(raw),
            self.target.stat().st_size,
            **extra,
        )


def now_text() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def next_sequence(s: Session, office_id: str) -> tuple[int, str | None]:
    """This office's next package number and the SHA-256 of its previous package's manifest."""
    last = s.scalar(
        select(func.max(SyncPackage.sequence)).where(
            SyncPackage.sender_office_id == office_id, SyncPackage.direction == "out"
        )
    )
    if not last:
        return 1, None
    previous = s.scalars(
        select(SyncPackage.manifest_sha256).where(
            SyncPackage.sender_office_id == office_id,
            SyncPackage.direction == "out",
            SyncPackage.sequence == last,
        )
    ).first()
    return last + 1, previous


def party(office: Office) -> Party:
    return Party(office.id, office.name, office.unit_code, office.role)


def publish(ctx: AppContext, tmp: Path, target: Path) -> None:
    """Rename the recorded package into place (after its transaction committed). If the rename
    fails, the temp file and its journal stay: the next start finishes it (`store.publishing`)."""
    try:
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        raise EnvironmentProblem(
            f"Gói đã được ghi nhận nhưng chưa đặt được vào “{target}” (ổ đĩa đầy, bị rút ra hoặc không có "
            "quyền ghi). Việc này sẽ được làm tiếp khi mở lại OCOP Desktop.",
            detail=str(exc),
        ) from exc
    publishing.end(ctx.paths.data_dir, publishing.package_id_of(tmp))


def discard(ctx: AppContext, tmp: Path) -> None:
    """Drop a package that was not recorded: its temp file and its journal."""
    tmp.unlink(missing_ok=True)
    publishing.end(ctx.paths.data_dir, publishing.package_id_of(tmp))


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
