"""The one entry point the UI sync page needs: export, inspect, dry run and import of packages.

Every method is a plain function call suitable for the UI's background task helper: long ones take
a duck-typed `progress` (`set(fraction, text)`, `cancelled`). Errors a person can act on are
`UserError`s; a refused package is a `PackageRefused` (with `.code`) and changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.services.packages_common import ExportResult
from ocop_desktop.services.packages_evaluator import EvaluatorPackages, ProvinceEvaluatorPackages, package_kind
from ocop_desktop.services.packages_export import PackageExportService
from ocop_desktop.services.packages_import import PackageImportService
from ocop_desktop.services.packages_types import ImportPreview, ImportResult, PackageInfo
from ocop_desktop.services.sync_keys import OwnKeys, own_keys

if TYPE_CHECKING:
    from ocop_desktop.services.context import AppContext

__all__ = ["ExportResult", "ImportPreview", "ImportResult", "OwnKeys", "PackageInfo", "PackageService"]


class PackageService:
    def __init__(self, ctx: "AppContext") -> None:
        self._ctx = ctx
        self._export = PackageExportService(ctx)
        self._import = PackageImportService(ctx)

    def own_keys(self) -> OwnKeys:
        """This office's key fingerprints, to show and read aloud (creates the encryption key once)."""
        return own_keys(self._ctx)

    def signing_key_pem(self) -> str:
        """This office's public signing key as PEM (what `openssl pkeyutl -verify` takes)."""
        from cryptography.hazmat.primitives import serialization

        from ocop_desktop.sync.keys import KeyStore

        key = KeyStore(self._ctx.paths.keys_dir).signing_key().public_key()
        return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()

    # -- export -----------------------------------------------------------------------------------
    def export_dossiers(self, target: Path, *, to: str | None = None, dossier_ids: list[str] | None = None,
                        pending: bool = False, include_all_blobs: bool = False,
                        progress: object | None = None) -> ExportResult:
        return self._export.export_dossiers(target, to=to, dossier_ids=dossier_ids, pending=pending,
                                            include_all_blobs=include_all_blobs, progress=progress)

    def export_enrollment(self, target: Path) -> ExportResult:
        return self._export.export_enrollment(target)

    def export_reference(self, target: Path, *, to: str | None = None) -> ExportResult:
        return self._export.export_reference(target, to=to)

    # -- import -----------------------------------------------------------------------------------
    def inspect(self, path: Path) -> PackageInfo:
        return self._import.inspect(path)

    def verify(self, path: Path, *, confirm_fingerprint: str | None = None,
               progress: object | None = None) -> ImportPreview:
        return self._import.verify(path, confirm_fingerprint=confirm_fingerprint, progress=progress)

    def preview(self, path: Path, *, confirm_fingerprint: str | None = None,
                progress: object | None = None) -> ImportPreview:
        """Step 1 of an import: the dry run (and, for a new office, the fingerprint to confirm)."""
        route = _evaluator_route(self._ctx, path)
        if route == "scores":
            return ProvinceEvaluatorPackages(self._ctx).preview_scores(path, progress=progress)
        if route == "assignment":
            return EvaluatorPackages(self._ctx).preview_assignment(path, confirm_fingerprint=confirm_fingerprint,
                                                                   progress=progress)
        return self._import.preview(path, confirm_fingerprint=confirm_fingerprint, progress=progress)

    def import_package(self, path: Path, *, confirm_fingerprint: str | None = None, receipt_path: Path | None = None,
                       progress: object | None = None) -> ImportResult:
        """Step 2: apply. `confirm_fingerprint` is what the officer typed after comparing by phone."""
        route = _evaluator_route(self._ctx, path)
        if route == "scores":
            return ProvinceEvaluatorPackages(self._ctx).import_scores(path, receipt_path=receipt_path, progress=progress)
        if route == "assignment":
            return EvaluatorPackages(self._ctx).import_assignment(path, confirm_fingerprint=confirm_fingerprint,
                                                                  progress=progress)
        return self._import.import_package(path, confirm_fingerprint=confirm_fingerprint, receipt_path=receipt_path,
                                           progress=progress)


def _evaluator_route(ctx: "AppContext", path: Path) -> str | None:
    """Evaluator packages have their own importers; everything else (and anything malformed,
    which the generic reader explains) takes the generic path."""
    try:
        kind, _role = package_kind(Path(path))
    except Exception:  # noqa: BLE001 - the generic import refuses it with the right message
        return None
    return {"evaluator_scores": "scores", "evaluator_assignment": "assignment"}.get(kind)
