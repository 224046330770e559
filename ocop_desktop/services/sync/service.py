"""The one entry point the UI sync page and the `package` commands need: export, inspect, dry run
and import of packages.

Every method is a plain function call suitable for the UI's background task helper: long ones take
a `progress` (`ocop_desktop.progress.Progress`). Errors a person can act on are `UserError`s; a
refused package is a `PackageRefused` (with `.code`) and changes nothing. Which importer takes a
package is decided in one place, `routing.ROUTES` (evaluator packages included).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.progress import Progress
from ocop_desktop.services.sync import routing
from ocop_desktop.services.sync.export import PackageExportService
from ocop_desktop.services.sync.keys import OwnKeys, own_keys
from ocop_desktop.services.sync.opened import open_package
from ocop_desktop.services.sync.outgoing import ExportResult
from ocop_desktop.services.sync.types import ImportPreview, ImportResult, PackageInfo

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

__all__ = [
    "LINK_IN_COUNCIL",
    "ExportResult",
    "ImportPreview",
    "ImportResult",
    "OwnKeys",
    "PackageInfo",
    "PackageService",
]

# The refusal code of an evaluator laptop's enrollment at the province's generic import door (the
# UI offers the way to the council, where it is linked to a member).
LINK_IN_COUNCIL = routing.LINK_IN_COUNCIL


class PackageService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self._export = PackageExportService(ctx)

    def own_keys(self) -> OwnKeys:
        """This office's key fingerprints, to show and read aloud (creates the encryption key once)."""
        return own_keys(self._ctx)

    def signing_key_pem(self) -> str:
        """This office's public signing key as PEM (what `openssl pkeyutl -verify` takes)."""
        from cryptography.hazmat.primitives import serialization

        from ocop_desktop.ocoppkg.keys import KeyStore

        key = KeyStore(self._ctx.paths.keys_dir).signing_key().public_key()
        return key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode()

    # -- export -----------------------------------------------------------------------------------
    def export_dossiers(
        self,
        target: Path,
        *,
        to: str | None = None,
        dossier_ids: list[str] | None = None,
        pending: bool = False,
        include_all_blobs: bool = False,
        progress: Progress | None = None,
    ) -> ExportResult:
        return self._export.export_dossiers(
            target,
            to=to,
            dossier_ids=dossier_ids,
            pending=pending,
            include_all_blobs=include_all_blobs,
            progress=progress,
        )

    def export_enrollment(self, target: Path) -> ExportResult:
        return self._export.export_enrollment(target)

    def export_reference(self, target: Path, *, to: str | None = None) -> ExportResult:
        return self._export.export_reference(target, to=to)

    # -- import -----------------------------------------------------------------------------------
    def inspect(self, path: Path) -> PackageInfo:
        """What the package says it is. The layout is checked; the signature is checked too when the
        sender is known (a bad signature is refused), not the files."""
        with open_package(self._ctx, Path(path)) as opened:
            return opened.info

    def verify(
        self,
        path: Path,
        *,
        confirm_fingerprint: str | None = None,
        progress: Progress | None = None,
        confirm_key_change: str | None = None,
    ) -> ImportPreview:
        """Every check of an import (signature, recipient, every file's SHA-256), nothing written.
        Verifying is not importing: an evaluator laptop's enrollment verifies at the province (the
        link is made in the council tab)."""
        return routing.preview(
            self._ctx,
            path,
            confirm=confirm_fingerprint,
            progress=progress,
            verifying=True,
            key_change=confirm_key_change,
        )

    def preview(
        self,
        path: Path,
        *,
        confirm_fingerprint: str | None = None,
        progress: Progress | None = None,
        confirm_key_change: str | None = None,
    ) -> ImportPreview:
        """Step 1 of an import: the dry run, as data (per dossier new / updated / unchanged / stale /
        conflicting; for a new office, the fingerprint to confirm; for a known office presenting
        another key or name, the `key_change` to acknowledge)."""
        return routing.preview(
            self._ctx, path, confirm=confirm_fingerprint, progress=progress, key_change=confirm_key_change
        )

    def import_package(
        self,
        path: Path,
        *,
        confirm_fingerprint: str | None = None,
        receipt_path: Path | None = None,
        progress: Progress | None = None,
        confirm_key_change: str | None = None,
    ) -> ImportResult:
        """Step 2: apply in one transaction and write the signed receipt (next to the package unless
        `receipt_path`). `confirm_fingerprint` is what the officer typed after comparing by phone;
        `confirm_key_change`, for a key change (`ImportPreview.key_change`), the old fingerprint typed
        to acknowledge it. A package imported before changes nothing and re-issues its receipt."""
        return routing.import_package(
            self._ctx,
            path,
            confirm=confirm_fingerprint,
            receipt_path=receipt_path,
            progress=progress,
            key_change=confirm_key_change,
        )
