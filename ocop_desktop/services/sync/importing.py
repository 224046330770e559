"""Importing packages: open → check sender, signature, recipient and replay → per kind, check every
file and plan (the dry run) → apply in one transaction → receipt.

Nothing is written to the database or the blob store before every check has passed; a refused
package leaves this machine exactly as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.progress import Progress
from ocop_desktop.services.sync.opened import Opened, open_package
from ocop_desktop.services.sync.types import ImportPreview, ImportResult, PackageInfo

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class PackageImportService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def inspect(self, path: Path) -> PackageInfo:
        """What the package says it is. The layout is checked; the signature is checked too when the
        sender is known (a bad signature is refused), not the files."""
        with open_package(self._ctx, Path(path)) as opened:
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
        with open_package(self._ctx, Path(path)) as opened:
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
        with open_package(self._ctx, path) as opened:
            return self._handler(opened, confirm_fingerprint).apply(progress, target)

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
