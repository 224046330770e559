"""The one entry point the UI sync page needs: export, inspect, dry run and import of packages.

Every method is a plain function call suitable for the UI's background task helper: long ones take
a duck-typed `progress` (`set(fraction, text)`, `cancelled`). Errors a person can act on are
`UserError`s; a refused package is a `PackageRefused` (with `.code`) and changes nothing.

Evaluator packages arrive through this door too (`_route`): assignments and scores go to their own
importers on the machine they are for; an evaluator laptop's enrollment at the province is refused
with `code == LINK_IN_COUNCIL` (it must be linked to a council member, which only the council tab
knows), and any evaluator package at the wrong kind of office is refused saying where it goes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.reader import PackageReader
from ocop_desktop.progress import Progress
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.export import PackageExportService
from ocop_desktop.services.sync.importing import PackageImportService
from ocop_desktop.services.sync.keys import OwnKeys, own_keys
from ocop_desktop.services.sync.outgoing import ExportResult
from ocop_desktop.services.sync.types import ImportPreview, ImportResult, PackageInfo

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

__all__ = [
    "COUNCIL_LINK_PATH",
    "LINK_IN_COUNCIL",
    "ExportResult",
    "ImportPreview",
    "ImportResult",
    "OwnKeys",
    "PackageInfo",
    "PackageService",
]

# The refusal code of an evaluator laptop's enrollment at the province, and where the officer links
# it (the labels of the evaluation page, its council tab and the button there).
LINK_IN_COUNCIL = "evaluator_enrollment"
COUNCIL_LINK_PATH = "Đánh giá → Hội đồng → Ghi danh máy chấm điểm…"


class PackageService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self._export = PackageExportService(ctx)
        self._import = PackageImportService(ctx)

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
        return self._import.inspect(path)

    def verify(
        self, path: Path, *, confirm_fingerprint: str | None = None, progress: Progress | None = None
    ) -> ImportPreview:
        """Every check of an import, nothing written. Verifying is not importing: an evaluator
        laptop's enrollment verifies at the province (the link is made in the council tab)."""
        return self._dry_run(_route(self._ctx, path, verifying=True), path, confirm_fingerprint, progress)

    def preview(
        self, path: Path, *, confirm_fingerprint: str | None = None, progress: Progress | None = None
    ) -> ImportPreview:
        """Step 1 of an import: the dry run (and, for a new office, the fingerprint to confirm)."""
        return self._dry_run(_route(self._ctx, path), path, confirm_fingerprint, progress)

    def _dry_run(
        self, route: str | None, path: Path, confirm: str | None, progress: Progress | None
    ) -> ImportPreview:
        if route == "scores":
            return ProvinceEvaluatorPackages(self._ctx).preview_scores(path, progress=progress)
        if route == "assignment":
            return EvaluatorPackages(self._ctx).preview_assignment(
                path, confirm_fingerprint=confirm, progress=progress
            )
        if route == "enrollment":
            return ProvinceEvaluatorPackages(self._ctx).preview_enrollment(path, confirm_fingerprint=confirm)
        return self._import.preview(path, confirm_fingerprint=confirm, progress=progress)

    def import_package(
        self,
        path: Path,
        *,
        confirm_fingerprint: str | None = None,
        receipt_path: Path | None = None,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Step 2: apply. `confirm_fingerprint` is what the officer typed after comparing by phone."""
        route = _route(self._ctx, path)
        if route == "scores":
            return ProvinceEvaluatorPackages(self._ctx).import_scores(
                path, receipt_path=receipt_path, progress=progress
            )
        if route == "assignment":
            return EvaluatorPackages(self._ctx).import_assignment(
                path, confirm_fingerprint=confirm_fingerprint, progress=progress
            )
        return self._import.import_package(
            path, confirm_fingerprint=confirm_fingerprint, receipt_path=receipt_path, progress=progress
        )


def _route(ctx: AppContext, path: Path, *, verifying: bool = False) -> str | None:
    """ "scores" / "assignment" (/ "enrollment" when only verifying) for the evaluator importers; None
    for the generic path (every other kind, and anything malformed, which the generic reader
    explains). Raises `PackageRefused` for an evaluator package this door must not import here."""
    try:
        with PackageReader(Path(path)) as reader:
            m = reader.manifest
    except Exception:  # noqa: BLE001 - the generic import refuses it with the right message
        return None
    me = ctx.office()
    kind, sender, to = m.kind, m.sender, m.recipient
    evaluator_enrollment = kind == fmt.Kind.ENROLLMENT and sender.role == "evaluator"
    if kind not in (fmt.Kind.EVALUATOR_SCORES, fmt.Kind.EVALUATOR_ASSIGNMENT) and not evaluator_enrollment:
        return None
    if sender.office_id == me.id:
        raise _own(kind, to.name)
    if kind == fmt.Kind.EVALUATOR_SCORES:
        if me.role != "province":
            raise PackageRefused(
                "wrong_recipient",
                f"Gói phiếu chấm của “{sender.name[:80]}” gửi cho “{to.name[:80]}”: "
                "chỉ cơ quan OCOP cấp tỉnh nhập được gói này. Hãy chuyển gói cho tỉnh.",
            )
        return "scores"
    if kind == fmt.Kind.EVALUATOR_ASSIGNMENT:
        if me.role != "evaluator":
            raise PackageRefused(
                "wrong_recipient",
                f"Gói phân công chấm điểm gửi cho “{to.name[:80]}” chỉ nhập được trên "
                "máy chấm điểm của thành viên Hội đồng đó (trang Đánh giá → Nhập gói phân công…). "
                "Hãy chuyển gói cho thành viên.",
            )
        return "assignment"
    if me.role != "province":
        raise PackageRefused(
            "wrong_recipient",
            f"Gói ghi danh của máy chấm điểm “{sender.name[:80]}” chỉ nhập được ở "
            f"cơ quan OCOP cấp tỉnh, tại {COUNCIL_LINK_PATH}. Hãy chuyển gói cho tỉnh.",
        )
    if verifying:
        return "enrollment"
    # Everything the link door checks (signature, same province, recipient) first: a damaged or
    # foreign pack gets its precise refusal, a good one the way to the council tab.
    ProvinceEvaluatorPackages(ctx).preview_enrollment(Path(path))
    raise PackageRefused(
        LINK_IN_COUNCIL,
        f"“{sender.name[:80]}” là máy chấm điểm của một thành viên Hội đồng: gói ghi "
        "danh của máy này không nhập như gói của xã mà phải gắn với thành viên sẽ chấm trên máy đó. "
        f"Hãy gắn máy với thành viên ở {COUNCIL_LINK_PATH} (chọn thành viên trong bảng trước), chọn gói "
        "này và so sánh dấu vân tay qua điện thoại.",
    )


def _own(kind: str, recipient: str) -> PackageRefused:
    what, where = {
        fmt.Kind.EVALUATOR_ASSIGNMENT: (
            "phân công chấm điểm",
            f"hãy chép gói sang máy chấm điểm của “{recipient[:80]}”",
        ),
        fmt.Kind.EVALUATOR_SCORES: ("phiếu chấm", "hãy gửi gói cho cơ quan OCOP cấp tỉnh"),
    }.get(fmt.Kind(kind), ("ghi danh", "hãy gửi gói cho cơ quan OCOP cấp tỉnh"))
    return PackageRefused("own_package", f"Đây là gói {what} do chính máy này tạo ra: {where}.")
