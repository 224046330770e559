"""What the package services return to the UI and the CLI (frozen dataclasses, no ORM objects)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

OUTCOMES = ("new", "updated", "unchanged", "stale", "conflicting")
OUTCOME_LABELS = {
    "new": "Mới",
    "updated": "Cập nhật",
    "unchanged": "Không đổi",
    "stale": "Cũ hơn bản đang có (bỏ qua)",
    "conflicting": "Xung đột (chờ xem xét)",
}


@dataclass(frozen=True)
class PackageInfo:
    """What a package says about itself (manifest), and whether this machine knows the sender."""

    path: Path
    package_id: str
    kind: str
    kind_label: str
    format_version: int
    created_at: str
    sender_office_id: str
    sender_name: str
    sender_unit: str
    sender_role: str
    sender_fingerprint: str  # readable: six groups of five digits
    sender_known: bool
    recipient_name: str
    recipient_unit: str
    sequence: int
    previous_sha256: str | None
    manifest_sha256: str
    files: int
    size: int
    encrypted: bool
    counts: dict[str, int]
    rulesets: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DossierPreview:
    dossier_id: str
    product_name: str
    producer_name: str
    outcome: str  # new | updated | unchanged | stale | conflicting
    outcome_label: str
    incoming_version: int
    local_version: int
    status_after: str
    reason: str = ""  # why stale or conflicting, in Vietnamese


@dataclass(frozen=True)
class KeyChange:
    """A known office (or an evaluator laptop's link to a council member) presenting another key or
    name: not a new office. Applied only when the officer confirms the new fingerprint *and*
    acknowledges the change by typing the old one (docs/sync-package.md §5)."""

    office_id: str
    office_name: str  # whose key changes, as known here ("UBND Phường Hoàn Kiếm", "máy chấm điểm của TV1 …")
    new_name: str  # the name the package gives
    old_fingerprint: str  # readable: the signing key trusted until now, to type as the acknowledgement
    new_fingerprint: str  # readable: the signing key in the package
    differences: tuple[str, ...]  # what differs, old → new, in Vietnamese


@dataclass(frozen=True)
class Confirmation:
    """What the officer confirmed before an import: the fingerprint read out on the phone, and for a
    key change the old fingerprint, typed to acknowledge it (`KeyChange.old_fingerprint`)."""

    fingerprint: str | None = None
    key_change: str | None = None


@dataclass(frozen=True)
class ImportPreview:
    """The dry run: what importing would do, after every signature and hash was checked."""

    package: PackageInfo
    already_imported: bool
    dossiers: tuple[DossierPreview, ...] = ()
    blobs_new: int = 0
    blobs_known: int = 0
    blob_bytes: int = 0
    warnings: tuple[str, ...] = ()
    needs_confirmation: bool = False  # enrollment / first reference pack: compare the fingerprint first
    fingerprint_to_confirm: str = ""
    offices: tuple[str, ...] = ()  # offices that would become trusted
    reference_files: tuple[str, ...] = ()
    plans: tuple[str, ...] = ()  # reference packs: the province's targets for this commune
    acknowledged_packages: tuple[str, ...] = ()  # receipts: packages of ours they confirm
    key_change: KeyChange | None = None  # a known office's new key or name: confirm both fingerprints

    def counts(self) -> dict[str, int]:
        return {o: sum(1 for d in self.dossiers if d.outcome == o) for o in OUTCOMES}

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["package"]["path"] = str(self.package.path)
        data["counts"] = self.counts()
        return data


@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview
    applied: bool  # False when the package had been imported before (receipt re-issued)
    receipt_path: Path | None
    conflicts: int = 0
    installed: tuple[str, ...] = field(default=())
    mailbox: str = ""  # the province's mailbox settings: installed | replaced | updated | unchanged

    def to_json(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "receipt": str(self.receipt_path) if self.receipt_path else None,
            "conflicts": self.conflicts,
            "installed": list(self.installed),
            "mailbox": self.mailbox,
            **self.preview.to_json(),
        }
