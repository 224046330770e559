"""What the three evaluator/proposal package kinds share: one `payload.json` (or
`payload.json.enc`, encrypted to the recipient like dossier records), the sender's office and
public keys inside it, blobs carried by SHA-256, the small writes that record a package, and the
checks that a package is used on the right kind of machine (`refuse_role`, `need_kind`).

Kinds: `evaluator_assignment`, `evaluator_scores`, `five_star_proposal` (docs/sync-package.md §13)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ocop_desktop.domain.backup import restore_from_backup
from ocop_desktop.domain.errors import EnvironmentProblem, UserError
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.reader import PackageReader
from ocop_desktop.progress import Progress
from ocop_desktop.services.sync import payload_schema
from ocop_desktop.services.sync.incoming import load_json
from ocop_desktop.services.sync.keys import keys_json, own_keys
from ocop_desktop.services.sync.opened import content_key
from ocop_desktop.services.sync.outgoing import ExportResult, Outgoing, discard, publish
from ocop_desktop.services.sync.payload_schema import check_payload
from ocop_desktop.services.sync.trust import parse_key
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.models import Blob, KeyRecord

if TYPE_CHECKING:
    from ocop_desktop.ocoppkg.manifest import Manifest
    from ocop_desktop.services.core.context import AppContext

SCHEMA = payload_schema.SCHEMA  # of the evaluator and proposal payloads (their schema: payload_schema.py)
PROVINCE, EVALUATOR = "province", "evaluator"
MINISTRY = "ministry"  # the recipient of 5★ proposals; no OCOP Desktop office has this role


def refuse_role(ctx: AppContext, role: str, what: str) -> None:
    """`what` is done on the province's machine or on an evaluator laptop only."""
    if ctx.office().role != role:
        raise UserError(
            f"{what} chỉ làm được trên máy "
            + ("của cơ quan OCOP cấp tỉnh." if role == PROVINCE else "chấm điểm của thành viên Hội đồng.")
        )


def need_kind(m: Manifest, kind: fmt.Kind, role: str) -> None:
    """The package is a `kind` from an office of `role`, or it is refused as the wrong one here."""
    if m.kind != kind.value or m.sender.role != role:
        raise PackageRefused(
            "wrong_direction",
            f"Gói “{fmt.Kind(m.kind).label}” từ “{m.sender.name[:80]}” không "
            f"dùng được ở đây (cần gói “{kind.label}”).",
        )


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=str).encode("utf-8") + b"\n"


def office_json(ctx: AppContext) -> tuple[dict[str, str], list[dict[str, str]]]:
    """This office and its two public keys, as carried in the payload (the recipient may not know us yet)."""
    keys = own_keys(ctx)
    return (
        {
            "office_id": keys.office_id,
            "name": keys.office_name,
            "unit_code": keys.unit_code,
            "role": keys.role,
        },
        keys_json(keys, ctx),
    )


def add_payload(out: Outgoing, payload: dict[str, Any], key: KeyRecord | None) -> bool:
    """`payload.json`, or `payload.json.enc` when the recipient's encryption key is known."""
    raw = dumps(payload)
    if key is None:
        out.writer.add_file(fmt.PAYLOAD, raw)
        return False
    out.encrypt_for(key)  # the scans added next are encrypted too
    out.add_file(fmt.PAYLOAD, raw)
    return True


def add_blobs(ctx: AppContext, out: Outgoing, shas: Iterable[str]) -> tuple[int, int]:
    """Carry these blobs (sizes from the blob table); returns (count, bytes)."""
    store = BlobStore(ctx.paths.blobs_dir)
    wanted = sorted(set(shas))
    with ctx.read() as s:
        sizes = (
            dict(s.execute(select(Blob.sha256, Blob.size).where(Blob.sha256.in_(wanted))).all())
            if wanted
            else {}
        )
    total = 0
    for sha in wanted:
        path = store.path_for(sha)
        if sha not in sizes or not path.is_file():
            raise EnvironmentProblem(
                f"Thiếu tệp đính kèm {sha[:12]}… trong thư mục “blobs” của máy này. "
                + restore_from_backup("thư mục dữ liệu")
            )
        out.add_blob(sha, path, int(sizes[sha]))
        total += int(sizes[sha])
    return len(wanted), total


def write_outgoing(
    ctx: AppContext, out: Outgoing, progress: Progress | None = None, **extra: Any
) -> ExportResult:
    """Sign, write, record the outgoing row, publish."""
    tmp, manifest, raw = out.write(progress)
    try:
        with ctx.unit_of_work() as s:
            out.record(s, manifest, raw, tmp)
    except BaseException:
        discard(ctx, tmp)
        raise
    publish(ctx, tmp, out.target)
    return out.result(manifest, raw, **extra)


def read_payload(ctx: AppContext, reader: PackageReader) -> dict[str, Any]:
    """The one payload of the package, decrypted if needed, as a dict with a known schema."""
    names = reader.names("payload")
    if len(names) != 1:
        raise PackageRefused(
            "malformed", "Gói phải có đúng một tệp nội dung (payload). Hãy đề nghị bên gửi xuất lại."
        )
    key = content_key(ctx, reader.manifest) if names[0] == fmt.PAYLOAD_ENC else None
    return check_payload(
        reader.manifest.kind, names[0], load_json(names[0], reader.read_json_bytes(names[0], key))
    )


def carried_keys(doc: dict[str, Any], m: Manifest) -> tuple[dict[str, Any], list[dict[str, Any]], bytes]:
    """The sender's office and keys from the payload, checked against the manifest; returns the raw
    signing key too (to verify the signature of a package from a sender not trusted yet)."""
    office, keys = doc.get("office"), doc.get("keys")
    if not isinstance(office, dict) or not isinstance(keys, list):
        raise PackageRefused("malformed", "Gói thiếu thông tin cơ quan gửi hoặc khóa công khai.")
    if (office.get("office_id"), office.get("unit_code"), office.get("role")) != (
        m.sender.office_id,
        m.sender.unit_code,
        m.sender.role,
    ) or not isinstance(office.get("name"), str):
        raise PackageRefused("malformed", "Cơ quan trong nội dung gói khác với bên gửi trong bản kê.")
    parsed = [parse_key(k) for k in keys]
    if sorted(k["purpose"] for k in parsed) != ["encryption", "signing"]:
        raise PackageRefused("malformed", "Gói cần đúng một khóa ký và một khóa mã hóa của bên gửi.")
    signing = next(k for k in parsed if k["purpose"] == "signing")
    if signing["fingerprint"] != m.signing_key:
        raise PackageRefused("malformed", "Khóa ký trong nội dung gói khác với khóa đã ký gói.")
    office = {
        "office_id": m.sender.office_id,
        "unit_code": m.sender.unit_code,
        "role": m.sender.role,
        "name": office["name"][:200],
    }
    return office, parsed, signing["raw"]
