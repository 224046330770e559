"""Format v2 of `.ocoppkg` packages (v1 read too): names, kinds, limits, canonical JSON.

The full description for people is docs/sync-package.md; this module is what the code relies on.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

FORMAT = "ocop-package"
FORMAT_VERSION = 2  # major: a reader refuses a higher one; new optional fields do not bump it
# What changed in 2: scans are encrypted (`blobs/<sha256>.enc`). A package is written with the lowest
# version that describes it — 2 only when it carries an encrypted scan — so that an installation of
# version 1 still reads receipts, enrollments, reference packs and packages without scans, and
# refuses ("update OCOP Desktop") only what it would misread. Version 1 packages are still read.
SCANS_ENCRYPTED_FROM = 2
EXTENSION = ".ocoppkg"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD = "payload.json"  # enrollment, receipt and reference packs: one small signed document
PAYLOAD_ENC = "payload.json.enc"  # evaluator packs: the same, encrypted to the recipient

# Limits: generous for real dossiers, small enough that a hostile file cannot exhaust the machine.
MAX_MANIFEST_BYTES = 8 << 20
MAX_JSON_BYTES = 32 << 20  # one record, payload or reference file, uncompressed
MAX_ENTRIES = 100_000
MAX_PACKAGE_BYTES = 64 << 30


class Kind(StrEnum):
    """What a package carries. A kind not in `SUPPORTED_KINDS` is a reserved name that this version
    refuses with a clear message instead of guessing."""

    ENROLLMENT = "enrollment"
    SUBMISSION = "submission"
    RECEIPT = "receipt"
    RESULTS = "results"
    REFERENCE = "reference"
    EVALUATOR_ASSIGNMENT = "evaluator_assignment"
    EVALUATOR_SCORES = "evaluator_scores"
    FIVE_STAR_PROPOSAL = "five_star_proposal"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    Kind.ENROLLMENT: "Đăng ký khóa (ghi danh) cơ quan",
    Kind.SUBMISSION: "Hồ sơ xã gửi tỉnh",
    Kind.RECEIPT: "Biên nhận",
    Kind.RESULTS: "Kết quả và hồ sơ trả lại (tỉnh gửi xã)",
    Kind.REFERENCE: "Gói dữ liệu tham chiếu (bộ tiêu chí, lịch nghỉ, danh mục)",
    Kind.EVALUATOR_ASSIGNMENT: "Phân công chấm điểm",
    Kind.EVALUATOR_SCORES: "Phiếu chấm của thành viên hội đồng",
    Kind.FIVE_STAR_PROPOSAL: "Đề nghị công nhận 5 sao",
}

SUPPORTED_KINDS = frozenset(
    {
        Kind.ENROLLMENT,
        Kind.SUBMISSION,
        Kind.RECEIPT,
        Kind.RESULTS,
        Kind.REFERENCE,
        Kind.EVALUATOR_ASSIGNMENT,
        Kind.EVALUATOR_SCORES,
        Kind.FIVE_STAR_PROPOSAL,
    }
)

# Every entry name a v1 package may contain. Anything else is refused, so a crafted name can
# never reach the file system, and nothing unlisted can hide in the archive.
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
RECORD_NAME = re.compile(rf"^records/({_UUID})\.json(\.enc)?$")
BLOB_NAME = re.compile(r"^blobs/([0-9a-f]{64})(\.enc)?$")  # named by the SHA-256 of the plain bytes
REFERENCE_NAME = re.compile(
    r"^reference/(rulesets|checklists|calendar)/([A-Za-z0-9][A-Za-z0-9._-]{0,79}\.json)$"
)
UNSAFE_NAME = re.compile(r"(^[/\\])|(\\)|(^[A-Za-z]:)|(^|/)\.\.?(/|$)|(//)|[\x00-\x1f]")


def entry_role(name: str) -> str | None:
    """ "manifest" | "signature" | "payload" | "record" | "blob" | "reference", or None if not allowed."""
    if name == MANIFEST:
        return "manifest"
    if name == SIGNATURE:
        return "signature"
    if name in (PAYLOAD, PAYLOAD_ENC):
        return "payload"
    if RECORD_NAME.match(name):
        return "record"
    if BLOB_NAME.match(name):
        return "blob"
    if REFERENCE_NAME.match(name):
        return "reference"
    return None


def blob_name(sha256: str, *, encrypted: bool) -> str:
    return f"blobs/{sha256}" + (".enc" if encrypted else "")


def blob_sha256(name: str) -> str:
    """The SHA-256 of a blob's plain bytes, from its entry name (encrypted or not)."""
    return name.removeprefix("blobs/").removesuffix(".enc")


def version_for(files: list[FileEntry] | tuple[FileEntry, ...]) -> int:
    """The format version a package with these files is written with (see FORMAT_VERSION)."""
    scans_encrypted = any(f.encrypted and BLOB_NAME.match(f.name) for f in files)
    return SCANS_ENCRYPTED_FROM if scans_encrypted else 1


def canonical_json(data: Any) -> bytes:
    """Stable bytes for hashing and signing: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode(
        "utf-8"
    )


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class FileEntry:
    """One listed file: name inside the archive, stored size and SHA-256 of the stored bytes."""

    name: str
    size: int
    sha256: str
    encrypted: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "size": self.size, "sha256": self.sha256}
        if self.encrypted:
            out["encrypted"] = True
        return out
