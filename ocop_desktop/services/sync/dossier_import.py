"""Importing dossier packages: submissions at the province, results and returns at the commune.

Order matters for "nothing changes when refused": records are decrypted and checked, the plan is
made, every blob is hashed (and, for a real import, staged in the blob store: `staged.staged_blobs`)
— then the records are written in one transaction, and the staged blobs are renamed into place
only once it has committed (`store.blobs` says how a crash in between is repaired).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.progress import Progress, report
from ocop_desktop.services.sync.apply import REASONS, Planned, apply, classify
from ocop_desktop.services.sync.incoming import parse_record
from ocop_desktop.services.sync.opened import check_blobs, content_key
from ocop_desktop.services.sync.ownership import check_dossier_records
from ocop_desktop.services.sync.receipts import recording_import
from ocop_desktop.services.sync.records import COMMUNE, PROVINCE
from ocop_desktop.services.sync.schema import RuleCatalog
from ocop_desktop.services.sync.sequence import sequence_warnings
from ocop_desktop.services.sync.staged import staged_blobs
from ocop_desktop.services.sync.types import OUTCOME_LABELS, DossierPreview, ImportPreview, ImportResult
from ocop_desktop.store.base import IMPORT_SENDER, KEEP_REVISIONS
from ocop_desktop.store.blobs import BlobStaging, BlobStore
from ocop_desktop.store.models import Dossier, Product, SyncConflict, SyncDossierState

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.sync.opened import Opened

TAKES = ("new", "updated", "conflicting")  # outcomes whose attachments must be on this machine afterwards
INCONSISTENT = "Không ghi được hồ sơ từ gói vì dữ liệu trong gói mâu thuẫn với dữ liệu trên máy này."


class DossierPackageImport:
    def __init__(self, ctx: AppContext, opened: Opened) -> None:
        self._ctx = ctx
        self._opened = opened
        self._m = opened.manifest
        self.blobs = BlobStore(ctx.paths.blobs_dir)
        self.part = COMMUNE if self._m.kind == fmt.Kind.SUBMISSION else PROVINCE
        office = ctx.office()
        wanted = ("province", "commune") if self.part == COMMUNE else ("commune", "province")
        if (office.role, self._m.sender.role) != wanted:
            raise PackageRefused(
                "wrong_direction",
                f"Gói “{fmt.Kind(self._m.kind).label}” không dành cho máy của "
                f"{'xã' if office.role == 'commune' else 'tỉnh'}.",
            )

    # -- reading and planning -----------------------------------------------------------------
    def _records(self) -> list[dict[str, Any]]:
        reader, key = self._opened.reader, content_key(self._ctx, self._m)
        records, catalog = [], RuleCatalog.here()
        for name in reader.names("record"):
            match = fmt.RECORD_NAME.match(name)
            assert match is not None
            rec = parse_record(name, reader.read_json_bytes(name, key), match.group(1), self.part, catalog)
            records.append(rec)
        if not records:
            raise PackageRefused("malformed", "Gói không có hồ sơ nào.")
        return records

    def _plan(self, records: list[dict[str, Any]]) -> list[Planned]:
        with self._ctx.read() as s:
            check_dossier_records(s, self._ctx.office(), self._m, records)  # §6: the sender's own, or refused
            return [classify(s, rec, self._m.sender_id) for rec in records]

    def _blob_names(self, planned: list[Planned]) -> list[str]:
        """The package's blobs, after checking that each belongs to a dossier and that nothing
        needed is missing."""
        in_package = {fmt.blob_sha256(name): name for name in self._opened.reader.names("blob")}
        referenced = {a["blob_sha256"] for p in planned for a in p.record["data"].get("attachments", [])}
        stray = set(in_package) - referenced
        if stray:
            raise PackageRefused(
                "unlisted_file",
                f"Gói chứa tệp đính kèm {min(stray)[:12]}… không thuộc hồ sơ nào trong gói. Gói bị từ chối.",
            )
        needed = {
            a["blob_sha256"]: a["filename"]
            for p in planned
            if p.outcome in TAKES
            for a in p.record["data"].get("attachments", [])
        }
        missing = [name for sha, name in needed.items() if sha not in in_package and not self.blobs.has(sha)]
        if missing:
            raise PackageRefused(
                "missing_file",
                f"Gói thiếu tệp đính kèm “{missing[0]}” (và {len(missing) - 1} tệp "
                "khác): bên gửi tưởng máy này đã có. Hãy đề nghị bên gửi xuất lại với đủ tệp đính kèm.",
            )
        return sorted(in_package.values())

    def _preview(
        self, records: list[dict[str, Any]], planned: list[Planned], names: list[str]
    ) -> ImportPreview:
        rows = []
        with self._ctx.read() as s:
            for p in planned:
                rows.append(_row(s, p))
        known = sum(1 for n in names if self.blobs.has(fmt.blob_sha256(n)))
        size = sum(self._opened.reader.entries[n].size for n in names)
        return ImportPreview(
            self._opened.info, False, tuple(rows), len(names) - known, known, size, tuple(self._warnings())
        )

    def _warnings(self) -> list[str]:
        from ocop_desktop.services.core.rules import RuleService

        warnings = sequence_warnings(self._ctx, self._m)  # reused, older, missing numbers; chain
        known = {(r.id, r.content_hash) for r in RuleService().list_rulesets()}
        for ruleset_id, content_hash in self._m.rulesets:
            if (ruleset_id, content_hash) not in known:
                warnings.append(
                    f"Bộ tiêu chí “{ruleset_id}” (mã băm {content_hash[:12]}…) của hồ sơ chưa có trên máy "
                    "này: hãy cài gói dữ liệu tham chiếu mới nhất."
                )
        return warnings

    # -- the two entry points -----------------------------------------------------------------
    def preview(self, progress: Progress | None = None) -> ImportPreview:
        if self._opened.prior is not None:
            return self._previous_preview()
        records = self._records()
        planned = self._plan(records)
        names = self._blob_names(planned)
        check_blobs(self._ctx, self._opened.reader, names, None, progress, upto=0.95)
        return self._preview(records, planned, names)

    def apply(self, progress: Progress | None, receipt_path: Path) -> ImportResult:
        prior = self._opened.prior
        if prior is not None:  # imported before: change nothing, hand out the same receipt again
            assert prior.receipt is not None
            atomic_write_bytes(receipt_path, prior.receipt)
            return ImportResult(self._previous_preview(), False, receipt_path)
        records = self._records()
        names = self._blob_names(self._plan(records))
        needed = sum(self._opened.reader.entries[n].size for n in names)
        with staged_blobs(self._ctx, self._m.package_id, needed) as staging:
            check_blobs(self._ctx, self._opened.reader, names, staging, progress, upto=0.95)
            report(progress, 0.97, "Đang ghi hồ sơ…")
            return self._write(records, names, staging, progress, receipt_path)

    def _write(
        self,
        records: list[dict[str, Any]],
        names: list[str],
        staging: BlobStaging,
        progress: Progress | None,
        receipt_path: Path,
    ) -> ImportResult:
        """The one transaction; the staged scans are placed right after it commits."""
        with recording_import(self._ctx, self._opened, receipt_path, inconsistent=INCONSISTENT) as recorder:
            s = recorder.session
            staging.place_after_commit(s)
            s.info[KEEP_REVISIONS], s.info[IMPORT_SENDER] = True, self._m.sender_id
            # Ownership and plan again, in the transaction that writes: what another import changed
            # since the records were read cannot slip in between.
            check_dossier_records(s, self._ctx.office(), self._m, records)
            planned = [classify(s, rec, self._m.sender_id) for rec in records]
            preview = self._preview(records, planned, names)
            for p in planned:
                self._take(s, p)
            outcomes = [
                {
                    "dossier_id": p.record["dossier_id"],
                    "outcome": p.outcome,
                    "version": p.record["version"],
                    "reason": REASONS.get(p.reason, ""),
                }
                for p in planned
            ]
            held = {
                a["blob_sha256"]
                for p in planned
                for a in p.record["data"].get("attachments", [])
                if a["blob_sha256"] in staging or self.blobs.has(a["blob_sha256"])
            }
            recorder.record(outcomes, dossier_count=len(records), blob_count=len(names), held=held)
        if progress is not None:  # not `report`: after the commit it is too late to cancel
            progress.set(1.0, "Đã nhập gói")
        conflicts = sum(1 for p in planned if p.outcome == "conflicting")
        return ImportResult(preview, True, receipt_path, conflicts)

    def _take(self, s: Session, p: Planned) -> None:
        """Apply one planned dossier (new, updated) or keep it for review (conflicting)."""
        state = s.get(SyncDossierState, p.record["dossier_id"])
        if state is not None and state.peer_office_id == self._m.sender_id:
            # What the sender had seen of our part is as good as a receipt for it.
            state.acked_version = max(state.acked_version, p.record["seen_version"])
        if p.outcome in ("new", "updated"):
            apply(s, p.record, self._m.sender_id, self._m.package_id)
        elif p.outcome == "conflicting":
            s.add(
                SyncConflict(
                    dossier_id=p.record["dossier_id"],
                    package_id=self._m.package_id,
                    peer_office_id=self._m.sender_id,
                    part=self.part,
                    reason=p.reason,
                    message=REASONS[p.reason],
                    incoming_version=p.record["version"],
                    local_version=p.local_version,
                    incoming=p.record,
                )
            )

    def _previous_preview(self) -> ImportPreview:
        prior = self._opened.prior
        assert prior is not None
        rows = []
        with self._ctx.read() as s:
            for o in prior.outcomes.get("dossiers", []):
                d = s.get(Dossier, o["dossier_id"])
                product = s.get(Product, d.product_id) if d else None
                rows.append(
                    DossierPreview(
                        o["dossier_id"],
                        product.name if product else "",
                        "",
                        o["outcome"],
                        OUTCOME_LABELS[o["outcome"]],
                        o["version"],
                        o["version"],
                        d.status if d else "",
                        o.get("reason", ""),
                    )
                )
        return ImportPreview(
            self._opened.info,
            True,
            tuple(rows),
            warnings=(
                f"Gói này đã được nhập ngày {prior.recorded_at:%d/%m/%Y %H:%M}; không có gì "
                "thay đổi, biên nhận được cấp lại.",
            ),
        )


def _row(s: Any, p: Planned) -> DossierPreview:
    data = p.record["data"]
    d = s.get(Dossier, p.record["dossier_id"])
    if "product" in data:
        product_name, producer_name = data["product"]["name"], data["producer"]["name"]
    else:
        product = s.get(Product, d.product_id) if d else None
        product_name, producer_name = (product.name if product else ""), ""
    if p.outcome in ("new", "updated"):
        status = (
            p.record["status"] if p.record["part"] == COMMUNE else (data["status"] or (d.status if d else ""))
        )
    else:
        status = d.status if d else ""
    return DossierPreview(
        p.record["dossier_id"],
        product_name,
        producer_name,
        p.outcome,
        OUTCOME_LABELS[p.outcome],
        p.record["version"],
        p.local_version,
        status,
        REASONS.get(p.reason, ""),
    )
