"""The manifest: what a package is, who sent it to whom, and the size and SHA-256 of every file.

Parsing is strict about what this version needs and lenient about the rest: unknown fields are
ignored (a newer minor addition), a higher `format_version` is refused (a new major format).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ocop_desktop import __version__
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg import limits
from ocop_desktop.ocoppkg import schema as sc
from ocop_desktop.ocoppkg.errors import PackageRefused, not_a_package

_FILES = "\u0000files\u0000"  # placeholder replaced by the one-line-per-file list


@dataclass(frozen=True)
class Party:
    """An office as named in a manifest (sender or recipient)."""

    office_id: str | None  # None for a recipient: every commune office of `unit_code` (reference packs)
    name: str
    unit_code: str
    role: str

    def to_json(self) -> dict[str, Any]:
        return {
            "office_id": self.office_id,
            "name": self.name,
            "unit_code": self.unit_code,
            "role": self.role,
        }


@dataclass(frozen=True)
class Manifest:
    package_id: str
    kind: str
    created_at: str
    sender: Party
    signing_key: str  # fingerprint (hex SHA-256 of the raw Ed25519 public key)
    sequence: int
    previous_sha256: str | None
    recipient: Party
    encryption_key: str | None  # fingerprint of the recipient's X25519 key, when records are encrypted
    files: tuple[fmt.FileEntry, ...]
    encryption: dict[str, Any] | None = None
    rulesets: tuple[tuple[str, str], ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    app_version: str = __version__
    format_version: int = 1  # fmt.version_for(files) when written; as read when parsed
    _index: dict[str, fmt.FileEntry] = field(default_factory=dict, repr=False, compare=False)

    @property
    def sender_id(self) -> str:
        """The sending office's id, always there in a parsed manifest (only a recipient may lack one)."""
        assert self.sender.office_id is not None
        return self.sender.office_id

    def to_bytes(self) -> bytes:
        sender = {
            **self.sender.to_json(),
            "signing_key": self.signing_key,
            "sequence": self.sequence,
            "previous_sha256": self.previous_sha256,
        }
        recipient = {**self.recipient.to_json(), "encryption_key": self.encryption_key}
        doc = {
            "format": fmt.FORMAT,
            "format_version": self.format_version,
            "package_id": self.package_id,
            "kind": self.kind,
            "created_at": self.created_at,
            "app_version": self.app_version,
            "sender": sender,
            "recipient": recipient,
            "encryption": self.encryption,
            "rulesets": [{"id": i, "content_hash": h} for i, h in self.rulesets],
            "counts": self.counts,
            "files": _FILES,
        }
        text = json.dumps(doc, ensure_ascii=False, indent=1)
        # One file per line, so that `sed … | sha256sum -c` can check a package (docs/sync-package.md).
        files = (
            "[\n"
            + ",\n".join("  " + json.dumps(f.to_json(), ensure_ascii=False) for f in self.files)
            + "\n ]"
        )
        return text.replace(json.dumps(_FILES), files if self.files else "[]").encode("utf-8") + b"\n"

    def file(self, name: str) -> fmt.FileEntry | None:
        if len(self._index) != len(self.files):  # built once: packages list thousands of files
            self._index.update({f.name: f for f in self.files})
        return self._index.get(name)


def malformed(what: str) -> PackageRefused:
    return PackageRefused(
        "malformed",
        f"Bản kê (manifest.json) của gói không hợp lệ: {what}. "
        "Hãy đề nghị bên gửi xuất lại gói bằng OCOP Desktop.",
    )


ROLES = frozenset({"commune", "province", "evaluator"})  # the roles an installation has
RECIPIENT_ROLES = ROLES | {"ministry"}  # 5★ proposals go to the ministry, which has no installation
MAX_NAME, MAX_UNIT, MAX_APP_VERSION, MAX_RULESET_ID = 300, 8, 40, 40

# The manifest's schema (docs/sync-package.md §3): what this version reads, unknown fields ignored.
_PARTY = {"name": sc.text(MAX_NAME, min_len=1), "unit_code": sc.text(MAX_UNIT, min_len=1)}
_SHAPE = sc.obj(
    {
        "package_id": sc.uuid,
        "created_at": sc.iso_datetime,
        "app_version": sc.text(MAX_APP_VERSION),
        "sender": sc.obj(
            {
                **_PARTY,
                "office_id": sc.uuid,
                "role": sc.one_of(ROLES),
                "signing_key": sc.hex64,
                "sequence": sc.integer(1),
                "previous_sha256": sc.nullable(sc.hex64),
            },
            required=("office_id", "name", "unit_code", "role", "signing_key", "sequence"),
        ),
        "recipient": sc.obj(
            {
                **_PARTY,
                "office_id": sc.nullable(sc.uuid),
                "role": sc.one_of(RECIPIENT_ROLES),
                "encryption_key": sc.nullable(sc.hex64),
            },
            required=("name", "unit_code", "role"),
        ),
        "encryption": sc.nullable(sc.mapping(sc.anything)),  # read by crypto.Envelope.from_json
        "rulesets": sc.array(
            sc.obj(
                {"id": sc.text(MAX_RULESET_ID, min_len=1), "content_hash": sc.hex64},
                required=("id", "content_hash"),
            )
        ),
        "counts": sc.mapping(sc.anything),  # informative; numbers among them are shown
        "files": sc.array(
            sc.obj(
                {
                    "name": sc.text(300, min_len=1),
                    "size": sc.integer(0),
                    "sha256": sc.hex64,
                    "encrypted": sc.boolean,
                },
                required=("name", "size", "sha256"),
            ),
            max_items=fmt.MAX_ENTRIES,
        ),
    },
    required=("package_id", "created_at", "sender", "recipient", "files"),
)


def parse(raw: bytes) -> Manifest:
    """The manifest in `raw`: bounded JSON (limits.py), then its schema; refused with a reason."""
    try:
        doc = limits.parse(raw, fmt.MANIFEST, max_bytes=fmt.MAX_MANIFEST_BYTES)
    except limits.MalformedJson as exc:
        if exc.syntax:
            raise not_a_package(f"manifest.json: {exc.message}") from None
        raise
    if not isinstance(doc, dict) or doc.get("format") != fmt.FORMAT:
        raise not_a_package("manifest format field")
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise malformed("thiếu hoặc sai số phiên bản định dạng")
    if version > fmt.FORMAT_VERSION:
        raise PackageRefused(
            "future_version",
            f"Gói được tạo theo định dạng phiên bản {version}, mới hơn phiên "
            f"bản {fmt.FORMAT_VERSION} mà máy này đọc được. Hãy cập nhật OCOP Desktop rồi nhập lại.",
        )
    kind = doc.get("kind")
    if not isinstance(kind, str) or kind not in {k.value for k in fmt.Kind}:
        raise PackageRefused(
            "unknown_kind",
            f"Loại gói “{str(kind)[:40]}” không có ở phiên bản này. Hãy cập nhật OCOP Desktop.",
        )
    if fmt.Kind(kind) not in fmt.SUPPORTED_KINDS:
        raise PackageRefused(
            "unsupported_kind",
            f"Gói loại “{fmt.Kind(kind).label}” chưa được hỗ trợ ở phiên bản này. Hãy cập nhật OCOP Desktop.",
        )
    try:
        _SHAPE(doc)
    except sc.Invalid as exc:
        raise malformed(str(exc)) from None
    sender, recipient = doc["sender"], doc["recipient"]
    return Manifest(
        doc["package_id"],
        kind,
        doc["created_at"],
        _party(sender),
        sender["signing_key"],
        sender["sequence"],
        sender.get("previous_sha256"),
        _party(recipient),
        recipient.get("encryption_key"),
        _files(doc["files"]),
        doc.get("encryption"),
        tuple((r["id"], r["content_hash"]) for r in doc.get("rulesets", [])),
        _counts(doc.get("counts", {})),
        doc.get("app_version", ""),
        version,
    )


def _party(doc: dict[str, Any]) -> Party:
    return Party(doc.get("office_id"), doc["name"], doc["unit_code"], doc["role"])


def _files(items: list[dict[str, Any]]) -> tuple[fmt.FileEntry, ...]:
    out = tuple(fmt.FileEntry(f["name"], f["size"], f["sha256"], f.get("encrypted", False)) for f in items)
    if len({f.name for f in out}) != len(out):
        raise malformed("một tệp được kê hai lần")
    return out


def _counts(counts: dict[str, Any]) -> dict[str, int]:
    return {str(k): v for k, v in counts.items() if isinstance(v, int) and not isinstance(v, bool)}
