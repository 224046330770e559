"""Importing packages: open → check sender, signature, recipient and replay → per kind, check every
file and plan (the dry run) → apply in one transaction → receipt.

Nothing is written to the database or the blob store before every check has passed; a refused
package leaves this machine exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import readable_from_fingerprint
from ocop_desktop.ocoppkg.reader import PackageReader
from ocop_desktop.progress import Progress
from ocop_desktop.services.sync.keys import parent_unit, trusted_signing_key
from ocop_desktop.services.sync.types import ImportPreview, ImportResult, PackageInfo
from ocop_desktop.store.models import SyncPackage

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass
class Opened:
    """A package whose layout, manifest and listing are checked; `trusted` once the signature is."""

    reader: PackageReader
    info: PackageInfo
    sender_public: bytes | None  # None: unknown sender
    prior: SyncPackage | None  # the same package imported before

    @property
    def manifest(self) -> Any:
        return self.reader.manifest


class PackageImportService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def inspect(self, path: Path) -> PackageInfo:
        """What the package says it is. The layout is checked; the signature is checked too when the
        sender is known (a bad signature is refused), not the files."""
        with self._open(Path(path)) as opened:
            return opened.info

    def verify(
        self, path: Path, *, confirm_fingerprint: str | None = None, progress: Progress | None = None
    ) -> ImportPreview:
        """Every check of an import (signature, recipient, every file's SHA-256), nothing written."""
        return self.preview(path, confirm_fingerprint=confirm_fingerprint, progress=progress)

    def preview(
        self, path: Path, *, confirm_fingerprint: str | None = None, progress: Progress | None = None
    ) -> ImportPreview:
        """The dry run, as data: per dossier new / updated / unchanged / stale / conflicting."""
        with self._open(Path(path)) as opened:
            return self._handler(opened, confirm_fingerprint).preview(progress)

    def import_package(
        self,
        path: Path,
        *,
        confirm_fingerprint: str | None = None,
        receipt_path: Path | None = None,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Apply in one transaction and write the signed receipt (next to the package unless
        `receipt_path`). A package imported before changes nothing and re-issues its receipt."""
        path = Path(path)
        target = receipt_path or path.with_name(f"{path.stem}.receipt{fmt.EXTENSION}")
        with self._open(path) as opened:
            return self._handler(opened, confirm_fingerprint).apply(progress, target)

    # -- opening ----------------------------------------------------------------------------------
    def _open(self, path: Path) -> _Closing:
        office = self._ctx.office()
        reader = PackageReader(path)
        try:
            m = reader.manifest
            if m.sender.office_id == office.id:
                raise PackageRefused(
                    "own_package", "Đây là gói do chính máy này tạo ra; hãy gửi nó cho cơ quan nhận."
                )
            with self._ctx.read() as s:
                key = trusted_signing_key(s, m.signing_key, m.sender.office_id)
                prior = s.get(SyncPackage, m.package_id)
                my_parent = parent_unit(s, office.unit_code)
            public = key.public_key if key else None
            label = f"“{m.sender.name}”"
            if public is not None:
                reader.verify_signature(public, label)
            elif m.kind not in (fmt.Kind.ENROLLMENT, fmt.Kind.REFERENCE):
                raise PackageRefused(
                    "unknown_sender",
                    f"Gói được gửi từ “{m.sender.name[:80]}” (mã đơn vị "
                    f"{m.sender.unit_code[:8]}), nhưng khóa ký của cơ quan này chưa được tin cậy trên "
                    "máy này. Hãy nhập gói ghi danh (hoặc gói tham chiếu) của cơ quan đó và xác nhận "
                    "dấu vân tay trước.",
                )
            self._check_recipient(m, office, my_parent)
            if prior is not None and (
                prior.direction != "in" or prior.manifest_sha256 != reader.manifest_sha256
            ):
                raise PackageRefused(
                    "replayed",
                    f"Một gói cùng mã {m.package_id[:8]} đã được nhập vào máy này "
                    f"({prior.recorded_at:%d/%m/%Y}) nhưng nội dung lần này khác: có thể là gói giả "
                    "mạo hoặc bị sửa đổi. Gói bị từ chối.",
                )
            info = self._info(reader, public is not None)
        except BaseException:
            reader.close()
            raise
        return _Closing(Opened(reader, info, public, prior))

    @staticmethod
    def _check_recipient(m: Any, office: Any, my_parent: str | None) -> None:
        to = m.recipient
        if to.office_id == office.id:
            return
        broadcast = (
            to.office_id is None
            and m.kind in (fmt.Kind.ENROLLMENT, fmt.Kind.REFERENCE)
            and (to.role == office.role and to.unit_code in (office.unit_code, my_parent))
        )
        if not broadcast:
            raise PackageRefused(
                "wrong_recipient",
                f"Gói này gửi cho “{to.name[:80]}” (mã đơn vị {to.unit_code[:8]}), "
                f"không phải cho “{office.name}” của máy này. Hãy chuyển gói đến đúng nơi nhận.",
            )

    @staticmethod
    def _info(reader: PackageReader, known: bool) -> PackageInfo:
        m = reader.manifest
        return PackageInfo(
            path=reader.path,
            package_id=m.package_id,
            kind=m.kind,
            kind_label=fmt.Kind(m.kind).label,
            format_version=fmt.FORMAT_VERSION,
            created_at=m.created_at,
            sender_office_id=m.sender.office_id,
            sender_name=m.sender.name,
            sender_unit=m.sender.unit_code,
            sender_role=m.sender.role,
            sender_fingerprint=readable_from_fingerprint(m.signing_key),
            sender_known=known,
            recipient_name=m.recipient.name,
            recipient_unit=m.recipient.unit_code,
            sequence=m.sequence,
            previous_sha256=m.previous_sha256,
            manifest_sha256=reader.manifest_sha256,
            files=len(m.files),
            size=reader.path.stat().st_size,
            encrypted=m.encryption is not None,
            counts=dict(m.counts),
            rulesets=m.rulesets,
        )

    def _handler(self, opened: Opened, confirm: str | None) -> Any:
        kind = fmt.Kind(opened.manifest.kind)
        if kind in (fmt.Kind.SUBMISSION, fmt.Kind.RESULTS):
            from ocop_desktop.services.sync.dossier_import import DossierPackageImport

            return DossierPackageImport(self._ctx, opened)
        if kind is fmt.Kind.RECEIPT:
            from ocop_desktop.services.sync.receipts import ReceiptImport

            return ReceiptImport(self._ctx, opened)
        from ocop_desktop.services.sync.trust import TrustImport

        return TrustImport(self._ctx, opened, confirm)


class _Closing:
    def __init__(self, opened: Opened) -> None:
        self.opened = opened

    def __enter__(self) -> Opened:
        return self.opened

    def __exit__(self, *_exc: object) -> None:
        self.opened.reader.close()


def previous_imports(ctx: AppContext, sender_office_id: str) -> list[SyncPackage]:
    with ctx.read() as s:
        return list(
            s.scalars(
                select(SyncPackage).where(
                    SyncPackage.direction == "in", SyncPackage.sender_office_id == sender_office_id
                )
            )
        )
