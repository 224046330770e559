"""An evaluator laptop imports its assignment from the province (docs/sync-package.md §13, step 2).

The province's keys travel in the payload: the first assignment is signed by a key this laptop
does not trust yet, so the import needs the province's fingerprint confirmed (read out on the
phone), as an enrollment does. The dossiers are stored read-only with their evidence files; a
member's current sheet at the province (a re-score) seeds the local one. Importing the same
package again changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ocop_desktop.domain.errors import UserError
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import readable_fingerprint
from ocop_desktop.ocoppkg.reader import PackageReader
from ocop_desktop.progress import Progress
from ocop_desktop.services.core.officers import require_admin
from ocop_desktop.services.sync.evaluator_payloads import EVALUATOR, PROVINCE, carried_keys, read_payload
from ocop_desktop.services.sync.identity import check_key_change, identity_change, trust_office, typed
from ocop_desktop.services.sync.keys import trusted_fingerprints, trusted_signing_key
from ocop_desktop.services.sync.opened import Opened, check_blobs, incoming_row, own_package, package_info
from ocop_desktop.services.sync.ownership_evaluator import check_assignment
from ocop_desktop.services.sync.sequence import sequence_warnings
from ocop_desktop.services.sync.staged import database_errors_refused, staged_blobs
from ocop_desktop.services.sync.trust import check_confirmation
from ocop_desktop.services.sync.types import (
    OUTCOME_LABELS,
    Confirmation,
    DossierPreview,
    ImportPreview,
    ImportResult,
)
from ocop_desktop.store.base import utcnow
from ocop_desktop.store.blobs import BlobStaging, BlobStore
from ocop_desktop.store.models import Blob, SyncPackage
from ocop_desktop.store.models.evaluator import EvaluatorSheet, ReceivedAssignment

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext, OfficeInfo

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
INCONSISTENT = "Không ghi được gói phân công vì dữ liệu trong gói mâu thuẫn với dữ liệu trên máy này."


class AssignmentImport:
    """An assignment package at the evaluator: opened, sender and recipient checked, payload parsed.
    A context manager (leaving it closes the file); `confirm`: the province's fingerprint as typed."""

    def __init__(self, ctx: AppContext, path: Path, confirm: Confirmation | str | None = None) -> None:
        self._ctx = ctx
        self._typed = typed(confirm)
        self._confirm = self._typed.fingerprint
        me = ctx.office()
        if me.role != EVALUATOR:
            raise PackageRefused(
                "wrong_direction",
                "Gói phân công chấm điểm chỉ nhập được trên máy chấm điểm của thành viên Hội đồng.",
            )
        self.reader = reader = PackageReader(Path(path))
        try:
            self._open(me)
        except BaseException:
            reader.close()
            raise

    def _open(self, me: OfficeInfo) -> None:
        reader = self.reader
        m = self.m = reader.manifest
        if m.sender_id == me.id:
            raise own_package()
        if m.kind != fmt.Kind.EVALUATOR_ASSIGNMENT:
            raise PackageRefused(
                "wrong_direction", f"Gói “{fmt.Kind(m.kind).label}” không phải gói phân công chấm điểm."
            )
        to = m.recipient
        if not (
            to.office_id == me.id
            or (to.office_id is None and to.role == EVALUATOR and to.unit_code == me.unit_code)
        ):
            raise PackageRefused(
                "wrong_recipient",
                f"Gói này gửi cho “{to.name[:80]}”, không phải cho máy này. Hãy "
                "chuyển gói đến đúng người nhận.",
            )
        if m.sender.role != PROVINCE or m.sender.unit_code != me.unit_code:
            raise PackageRefused(
                "wrong_office",
                f"“{m.sender.name[:80]}” không phải là cơ quan OCOP của tỉnh mà máy này chấm điểm cho.",
            )
        with self._ctx.read() as s:
            key = trusted_signing_key(s, m.signing_key, m.sender_id)
            self.prior = s.get(SyncPackage, m.package_id)
            self.trusted = trusted_fingerprints(s, m.sender_id)
        if key is not None:
            reader.verify_signature(key.public_key, f"“{m.sender.name}”")
        if self.prior is not None and (
            self.prior.direction != "in" or self.prior.manifest_sha256 != reader.manifest_sha256
        ):
            raise PackageRefused(
                "replayed",
                f"Một gói cùng mã {m.package_id[:8]} đã được nhập vào máy này nhưng nội "
                "dung lần này khác: có thể là gói giả mạo hoặc bị sửa đổi. Gói bị từ chối.",
            )
        doc = read_payload(self._ctx, reader)
        self.office, self.keys, signing_raw = carried_keys(doc, m)
        if key is None:
            reader.verify_signature(signing_raw, f"“{m.sender.name}”")
        self.signing_raw = signing_raw
        with self._ctx.read() as s:  # the province's id is known here after the first assignment
            self.key_change = None if self.prior else identity_change(s, self.office, self.keys)
        check_key_change(self.key_change, self._typed, applying=False)
        carried = {k["fingerprint"] for k in self.keys}
        self.needs_confirmation = not carried <= self.trusted or self.key_change is not None
        self.info = package_info(reader, key is not None)
        self.opened = Opened(reader, self.info, key.public_key if key else None, self.prior)
        self.assignment = _check_assignment(doc["assignment"])
        check_assignment(self._ctx, m, self.office, self.assignment)  # §6: from this laptop's province
        self.blob_names = self._blob_names()

    def _blob_names(self) -> list[str]:
        in_package = {fmt.blob_sha256(n): n for n in self.reader.names("blob")}
        wanted = {
            x["sha256"]
            for d in self.assignment["dossiers"]
            for x in (*d["evidence"], *d["advisory"])
            if x.get("sha256")
        }
        stray = set(in_package) - wanted
        if stray:
            raise PackageRefused(
                "unlisted_file",
                f"Gói chứa tệp {min(stray)[:12]}… không thuộc hồ sơ nào được phân công. Gói bị từ chối.",
            )
        store = BlobStore(self._ctx.paths.blobs_dir)
        missing = [sha for sha in wanted if sha not in in_package and not store.has(sha)]
        if missing:
            raise PackageRefused(
                "missing_file",
                f"Gói thiếu tệp minh chứng {missing[0][:12]}… (và {len(missing) - 1} "
                "tệp khác). Hãy đề nghị tỉnh xuất lại gói.",
            )
        return sorted(in_package.values())

    def __enter__(self) -> AssignmentImport:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.reader.close()

    # -- preview and apply ------------------------------------------------------------------------
    def preview(self, progress: Progress | None = None) -> ImportPreview:
        if self.prior is None:
            check_blobs(self._ctx, self.reader, self.blob_names, None, progress, upto=0.9)
        return self._preview()

    def _preview(self) -> ImportPreview:
        a = self.assignment
        store = BlobStore(self._ctx.paths.blobs_dir)
        warnings = []
        with self._ctx.read() as s:
            current = s.scalars(
                select(ReceivedAssignment).where(
                    ReceivedAssignment.round_id == a["round_id"],
                    ReceivedAssignment.member_id == a["member_id"],
                )
            ).first()
        before = {d["dossier_id"]: d for d in current.data["dossiers"]} if current else {}
        if self.prior is not None:
            warnings.append("Gói này đã được nhập trước đây; nhập lại không thay đổi gì.")
        elif (
            current is not None
            and current.package_sequence > self.m.sequence
            and current.province_office_id == self.m.sender_id
        ):
            warnings.append("Máy này đã có gói phân công mới hơn cho đợt này; gói này sẽ không thay thế.")
        if self.prior is None:
            warnings.extend(sequence_warnings(self._ctx, self.m))
        warnings.extend(_ruleset_warnings(a))
        rows = []
        for d in a["dossiers"]:
            old = before.get(d["dossier_id"])
            outcome = "new" if old is None else ("unchanged" if old == d else "updated")
            rows.append(
                DossierPreview(
                    d["dossier_id"],
                    d["product_name"],
                    d["producer_name"],
                    outcome,
                    OUTCOME_LABELS[outcome],
                    int(d["revision"]),
                    int(old["revision"]) if old else 0,
                    "assigned",
                )
            )
        known = sum(1 for n in self.blob_names if store.has(fmt.blob_sha256(n)))
        size = sum(self.reader.entries[n].size for n in self.blob_names)
        return ImportPreview(
            self.info,
            self.prior is not None,
            tuple(rows),
            len(self.blob_names) - known,
            known,
            size,
            tuple(warnings),
            needs_confirmation=self.needs_confirmation,
            fingerprint_to_confirm=readable_fingerprint(self.signing_raw),
            offices=(f"{self.office['name']} ({self.office['unit_code']})",)
            if self.needs_confirmation
            else (),
            key_change=self.key_change,
        )

    def apply(self, progress: Progress | None = None, receipt_path: Path | None = None) -> ImportResult:
        """Store the assignment and its files. No receipt: the province learns of it from the scores."""
        if self.prior is not None:
            return ImportResult(self._preview(), False, None)
        if self.needs_confirmation:
            require_admin(self._ctx, "tin cậy khóa của cơ quan khác")
            check_key_change(self.key_change, self._typed, applying=True)
            check_confirmation(self.m.sender.name, self.signing_raw, self._confirm)
        needed = sum(self.reader.entries[n].size for n in self.blob_names)
        with staged_blobs(self._ctx, self.m.package_id, needed) as staging:
            check_blobs(self._ctx, self.reader, self.blob_names, staging, progress, upto=0.9)
            result = self._write(staging)
        if progress is not None:  # not `report`: after the commit it is too late to cancel
            progress.set(1.0, "Đã nhập gói")
        return result

    def _write(self, staging: BlobStaging) -> ImportResult:
        """The one transaction; the staged files are placed right after it commits."""
        preview = self._preview()  # before: the files arriving now count as new
        a, m = self.assignment, self.m
        media = {
            x["sha256"]: x.get("media_type") or "application/octet-stream"
            for d in a["dossiers"]
            for x in d["evidence"]
        }
        with database_errors_refused(self._ctx, INCONSISTENT), self._ctx.unit_of_work() as s:
            staging.place_after_commit(s)
            if self.needs_confirmation:
                trust_office(
                    s,
                    self.office,
                    self.keys,
                    acknowledged=self.key_change,
                    officer_id=self._ctx.officer_id,
                    package_id=m.package_id,
                )
            for name in self.blob_names:
                sha = fmt.blob_sha256(name)
                if s.get(Blob, sha) is None:
                    s.add(
                        Blob(
                            sha256=sha,
                            size=self.reader.entries[name].size,
                            media_type=str(media.get(sha, "application/octet-stream"))[:60],
                        )
                    )
            row = s.scalars(
                select(ReceivedAssignment).where(
                    ReceivedAssignment.round_id == a["round_id"],
                    ReceivedAssignment.member_id == a["member_id"],
                )
            ).first()
            newer_here = (
                row is not None
                and row.province_office_id == m.sender_id
                and row.package_sequence > m.sequence
            )
            if not newer_here:
                if row is None:
                    row = ReceivedAssignment(
                        round_id=a["round_id"],
                        member_id=a["member_id"],
                        province_office_id=m.sender_id,
                        package_id=m.package_id,
                        package_sequence=m.sequence,
                        data=a,
                    )
                    s.add(row)
                    s.flush()
                row.province_office_id, row.package_id, row.package_sequence = (
                    m.sender_id,
                    m.package_id,
                    m.sequence,
                )
                row.data, row.received_at = a, utcnow()
                _seed_sheets(s, row.id, a)
            s.add(
                incoming_row(
                    self.opened,
                    dossier_count=len(a["dossiers"]),
                    blob_count=len(self.blob_names),
                    outcomes={
                        "assignment": {"round_id": a["round_id"], "member_id": a["member_id"]},
                        "trusted": self.needs_confirmation,
                        "replaced": not newer_here,
                        **({"key_change": asdict(self.key_change)} if self.key_change else {}),
                    },
                )
            )
        return ImportResult(preview, True, None)


def _seed_sheets(s: Any, assignment_id: str, a: dict[str, Any]) -> None:
    """The member's current sheet at the province (a re-score) starts the local sheet, unless the
    member already has one here (never overwrite local work)."""
    from ocop_desktop.services.evaluator.work import compute

    have = set(
        s.scalars(select(EvaluatorSheet.dossier_id).where(EvaluatorSheet.assignment_id == assignment_id))
    )
    for d in a["dossiers"]:
        current = d.get("current_sheet")
        if d["dossier_id"] in have or not current:
            continue
        row = EvaluatorSheet(
            assignment_id=assignment_id,
            dossier_id=d["dossier_id"],
            ruleset_id=d["ruleset_id"],
            ruleset_hash=d["ruleset_hash"],
            product_set=d["product_set"],
            answers=dict(current.get("answers") or {}),
            knockouts=[],
            stops=[],
            notes=dict(current.get("notes") or {}),
            evidence={},
            opinion=str(current.get("opinion") or ""),
        )
        try:
            compute(row, d, list(current.get("knockouts") or ()))
        except UserError:
            continue  # a rule set this machine lacks: the member starts from an empty sheet
        s.add(row)


def _ruleset_warnings(a: dict[str, Any]) -> list[str]:
    from ocop_desktop.services.core.rules import RuleService

    known = {(r.id, r.content_hash) for r in RuleService().list_rulesets()}
    return [
        f"Bộ tiêu chí “{rid}” (mã băm {h[:12]}…) chưa có trên máy này: hãy cập nhật OCOP Desktop "
        "trước khi chấm."
        for rid, h in sorted({(d["ruleset_id"], d["ruleset_hash"]) for d in a["dossiers"]})
        if (rid, h) not in known
    ]


def _check_assignment(a: dict[str, Any]) -> dict[str, Any]:
    """What the payload's schema (payload_schema.ASSIGNMENT, checked by `read_payload`) cannot say:
    each dossier once."""
    ids = [d["dossier_id"] for d in a["dossiers"]]
    if len(set(ids)) != len(ids):
        raise PackageRefused(
            "malformed",
            "Dữ liệu phân công trong gói không đúng cấu trúc (hồ sơ lặp). Hãy đề nghị tỉnh cập nhật "
            "OCOP Desktop và xuất lại gói.",
        )
    return a
