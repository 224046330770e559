"""The manifest: what a package is, who sent it to whom, and the size and SHA-256 of every file.

Parsing is strict about what this version needs and lenient about the rest: unknown fields are
ignored (a newer minor addition), a higher `format_version` is refused (a new major format).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ocop_desktop import __version__
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused, not_a_package

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_FILES = "\u0000files\u0000"  # placeholder replaced by the one-line-per-file list
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


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
            "format_version": fmt.FORMAT_VERSION,
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


def parse(raw: bytes) -> Manifest:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise not_a_package(f"manifest.json: {exc}") from exc
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
    kind = _text(doc, "kind")
    if kind not in {k.value for k in fmt.Kind}:
        raise PackageRefused(
            "unknown_kind", f"Loại gói “{kind[:40]}” không có ở phiên bản này. Hãy cập nhật OCOP Desktop."
        )
    if fmt.Kind(kind) not in fmt.SUPPORTED_KINDS:
        raise PackageRefused(
            "unsupported_kind",
            f"Gói loại “{fmt.Kind(kind).label}” chưa được hỗ trợ ở phiên bản này. Hãy cập nhật OCOP Desktop.",
        )
    sender, recipient = _obj(doc, "sender"), _obj(doc, "recipient")
    package_id = _text(doc, "package_id")
    if not _UUID.match(package_id):
        raise malformed("mã gói không phải UUID")
    sequence = sender.get("sequence")
    if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 1:
        raise malformed("số thứ tự gói không hợp lệ")
    previous = sender.get("previous_sha256")
    if previous is not None and not (isinstance(previous, str) and _HEX64.match(previous)):
        raise malformed("mã băm gói trước không hợp lệ")
    signing_key = _text(sender, "signing_key")
    if not _HEX64.match(signing_key):
        raise malformed("dấu vân tay khóa ký không hợp lệ")
    encryption_key = recipient.get("encryption_key")
    if encryption_key is not None and not (isinstance(encryption_key, str) and _HEX64.match(encryption_key)):
        raise malformed("dấu vân tay khóa mã hóa không hợp lệ")
    encryption = doc.get("encryption")
    if encryption is not None and not isinstance(encryption, dict):
        raise malformed("phần mã hóa không hợp lệ")
    return Manifest(
        package_id,
        kind,
        _text(doc, "created_at"),
        _party(sender, required_id=True),
        signing_key,
        sequence,
        previous,
        _party(recipient, required_id=False),
        encryption_key,
        _files(doc),
        encryption,
        _rulesets(doc),
        _counts(doc),
        str(doc.get("app_version", "")),
    )


def _text(doc: dict[str, Any], key: str, *, limit: int = 300) -> str:
    value = doc.get(key)
    if not isinstance(value, str) or not value or len(value) > limit:
        raise malformed(f"trường “{key}” thiếu hoặc sai")
    return value


def _obj(doc: dict[str, Any], key: str) -> dict[str, Any]:
    value = doc.get(key)
    if not isinstance(value, dict):
        raise malformed(f"thiếu phần “{key}”")
    return value


def _party(doc: dict[str, Any], *, required_id: bool) -> Party:
    office_id = doc.get("office_id")
    if (required_id or office_id is not None) and not (isinstance(office_id, str) and _UUID.match(office_id)):
        raise malformed("mã cơ quan không hợp lệ")
    return Party(
        office_id, _text(doc, "name"), _text(doc, "unit_code", limit=8), _text(doc, "role", limit=12)
    )


def _files(doc: dict[str, Any]) -> tuple[fmt.FileEntry, ...]:
    files = doc.get("files")
    if not isinstance(files, list) or len(files) > fmt.MAX_ENTRIES:
        raise malformed("danh sách tệp không hợp lệ")
    out = []
    for item in files:
        if not isinstance(item, dict):
            raise malformed("danh sách tệp không hợp lệ")
        name, size, sha, enc = (
            item.get("name"),
            item.get("size"),
            item.get("sha256"),
            item.get("encrypted", False),
        )
        if (
            not isinstance(name, str)
            or not isinstance(size, int)
            or isinstance(size, bool)
            or size < 0
            or not isinstance(sha, str)
            or not _HEX64.match(sha)
            or not isinstance(enc, bool)
        ):
            raise malformed(f"mục tệp “{str(name)[:80]}” không hợp lệ")
        out.append(fmt.FileEntry(name, size, sha, enc))
    if len({f.name for f in out}) != len(out):
        raise malformed("một tệp được kê hai lần")
    return tuple(out)


def _rulesets(doc: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    items = doc.get("rulesets", [])
    if not isinstance(items, list):
        raise malformed("danh sách bộ tiêu chí không hợp lệ")
    out = []
    for item in items:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("id"), str)
            or not isinstance(item.get("content_hash"), str)
        ):
            raise malformed("danh sách bộ tiêu chí không hợp lệ")
        out.append((item["id"], item["content_hash"]))
    return tuple(out)


def _counts(doc: dict[str, Any]) -> dict[str, int]:
    counts = doc.get("counts", {})
    if not isinstance(counts, dict):
        raise malformed("phần đếm số lượng không hợp lệ")
    return {str(k): v for k, v in counts.items() if isinstance(v, int) and not isinstance(v, bool)}
