"""Opening an incoming package: the checks every import makes before it reads one record.

`open_package` refuses a package this machine made, a package signed by an office whose key is not
trusted here (except an enrollment or reference pack, which carries its own key: trust.py checks
it), a bad signature, a package meant for another office, and a package id imported before with
other content (a replay). What passes is an `Opened` package: its reader, what it says about itself
(`PackageInfo`), the sender's trusted key and the earlier import of the same package, if any.

Also what every importer needs once a package is open: `content_key` (decrypting), `check_blobs`
(every blob hashed, and staged in the blob store for a real import) and `incoming_row` (the
package's row in `sync_package`).

This is the leaf the importers share (dossier_import, receipts, trust, scores_import, …): they
import it and never `routing`, which imports them (an import-linter contract keeps it so).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_desktop.ocoppkg import crypto
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import KeyStore, fingerprint, readable_from_fingerprint
from ocop_desktop.ocoppkg.manifest import Manifest
from ocop_desktop.ocoppkg.reader import PackageReader
from ocop_desktop.progress import Progress, report
from ocop_desktop.services.sync.keys import parent_unit, trusted_signing_key
from ocop_desktop.services.sync.types import PackageInfo
from ocop_desktop.store.models import SyncPackage

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext, OfficeInfo
    from ocop_desktop.store.blobs import BlobStaging

SELF_SIGNED = (fmt.Kind.ENROLLMENT, fmt.Kind.REFERENCE)  # kinds that carry the key they are signed with


@dataclass
class Opened:
    """A package whose layout, manifest, listing, sender, recipient and replay are checked (and its
    signature, when the sender is trusted). A context manager: leaving it closes the file."""

    reader: PackageReader
    info: PackageInfo
    sender_public: bytes | None  # None: a sender not trusted yet (enrollment and reference packs only)
    prior: SyncPackage | None  # the same package, imported before

    @property
    def manifest(self) -> Manifest:
        return self.reader.manifest

    def __enter__(self) -> Opened:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.reader.close()


def open_package(ctx: AppContext, path: Path) -> Opened:
    """Open `path` and make the checks every import makes; raises `PackageRefused` (file closed)."""
    reader = PackageReader(Path(path))
    try:
        return _checked(ctx, reader)
    except BaseException:
        reader.close()
        raise


def _checked(ctx: AppContext, reader: PackageReader) -> Opened:
    office = ctx.office()
    m = reader.manifest
    if m.sender_id == office.id:
        raise own_package()
    with ctx.read() as s:
        key = trusted_signing_key(s, m.signing_key, m.sender_id)
        prior = s.get(SyncPackage, m.package_id)
        my_parent = parent_unit(s, office.unit_code)
    public = key.public_key if key else None
    if public is not None:
        reader.verify_signature(public, f"“{m.sender.name}”")
    elif m.kind not in SELF_SIGNED:
        raise PackageRefused(
            "unknown_sender",
            f"Gói được gửi từ “{m.sender.name[:80]}” (mã đơn vị "
            f"{m.sender.unit_code[:8]}), nhưng khóa ký của cơ quan này chưa được tin cậy trên "
            "máy này. Hãy nhập gói ghi danh (hoặc gói tham chiếu) của cơ quan đó và xác nhận "
            "dấu vân tay trước.",
        )
    _check_recipient(m, office, my_parent)
    if prior is not None and (prior.direction != "in" or prior.manifest_sha256 != reader.manifest_sha256):
        raise PackageRefused(
            "replayed",
            f"Một gói cùng mã {m.package_id[:8]} đã được nhập vào máy này "
            f"({prior.recorded_at:%d/%m/%Y}) nhưng nội dung lần này khác: có thể là gói giả "
            "mạo hoặc bị sửa đổi. Gói bị từ chối.",
        )
    return Opened(reader, package_info(reader, public is not None), public, prior)


def own_package() -> PackageRefused:
    return PackageRefused("own_package", "Đây là gói do chính máy này tạo ra; hãy gửi nó cho cơ quan nhận.")


def _check_recipient(m: Manifest, office: OfficeInfo, my_parent: str | None) -> None:
    """For this office, or a broadcast enrollment/reference pack for its unit or its parent unit."""
    to = m.recipient
    if to.office_id == office.id:
        return
    broadcast = (
        to.office_id is None
        and m.kind in SELF_SIGNED
        and (to.role == office.role and to.unit_code in (office.unit_code, my_parent))
    )
    if not broadcast:
        raise PackageRefused(
            "wrong_recipient",
            f"Gói này gửi cho “{to.name[:80]}” (mã đơn vị {to.unit_code[:8]}), "
            f"không phải cho “{office.name}” của máy này. Hãy chuyển gói đến đúng nơi nhận.",
        )


def package_info(reader: PackageReader, known: bool) -> PackageInfo:
    """What the package says about itself; `known`: its signature was checked with a trusted key."""
    m = reader.manifest
    return PackageInfo(
        path=reader.path,
        package_id=m.package_id,
        kind=m.kind,
        kind_label=fmt.Kind(m.kind).label,
        format_version=m.format_version,
        created_at=m.created_at,
        sender_office_id=m.sender_id,
        sender_name=m.sender.name,
        sender_unit=m.sender.unit_code,
        sender_role=m.sender.role,
        sender_fingerprint=readable_from_fingerprint(m.signing_key),
        sender_known=known,
        recipient_name=m.recipient.name,
        recipient_unit=m.recipient.unit_code,
        sequence=m.sequence,
        previous_sha256=m.previous_sha256,
        manifest_sha256=reader.manifest_sha256,
        files=len(m.files),
        size=reader.path.stat().st_size,
        encrypted=m.encryption is not None,
        counts=dict(m.counts),
        rulesets=m.rulesets,
    )


def package_kind(path: Path) -> tuple[str, str]:
    """(kind, sender role) of a package, from its manifest (layout and listing checked, nothing
    else). Not for choosing an importer (that is `routing.ROUTES`): `package inspect|verify` use it to
    send a 5★ proposal to `FiveStarProposalService`, which checks what the import door refuses."""
    with PackageReader(Path(path)) as reader:
        return reader.manifest.kind, reader.manifest.sender.role


def content_key(ctx: AppContext, m: Manifest) -> bytes | None:
    """The key that decrypts the package's encrypted files (None: nothing is encrypted). Refused
    when the package was encrypted for another key than this machine's."""
    if m.encryption is None:
        return None
    envelope = crypto.Envelope.from_json(m.encryption)
    store = KeyStore(ctx.paths.keys_dir)
    private = store.encryption_key() if store.has_encryption_key() else None
    mine = fingerprint(crypto.raw_public(private.public_key())) if private else ""
    if private is None or envelope.recipient_key != mine or m.encryption_key != mine:
        raise PackageRefused(
            "cannot_decrypt",
            "Gói được mã hóa cho một khóa khác với khóa giải mã của máy này "
            "(có thể máy đã được cài lại). Hãy gửi lại gói ghi danh cho bên gửi rồi đề nghị xuất "
            "lại gói.",
        )
    return crypto.unwrap_key(envelope, private, m.package_id)


def check_blobs(
    ctx: AppContext,
    reader: PackageReader,
    names: list[str],
    staging: BlobStaging | None,
    progress: Progress | None,
    *,
    upto: float,
) -> None:
    """Stream every blob through its checks (a mismatch is refused): the SHA-256 the manifest lists
    and, for an encrypted blob, decrypted with the package's content key, its tag and the SHA-256 of
    its plain bytes. With `staging`, copy the ones this machine lacks into it (plain) on the way: what
    a refusal leaves there is removed with the staging folder, never placed. Reports progress from 0
    to `upto`."""
    encrypted = any(n.endswith(".enc") for n in names)  # the reader refuses a name that says otherwise
    key = content_key(ctx, reader.manifest) if encrypted else None
    grand = sum(reader.entries[n].size for n in names) or 1
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        report(progress, upto * done / grand, "Đang kiểm tra tệp đính kèm…")

    for name in names:
        sha = fmt.blob_sha256(name)
        if staging is not None and staging.wants(sha):
            staging.add(sha, partial(reader.copy_blob, name, on_bytes=advance, content_key=key))
        else:
            reader.copy_blob(name, None, advance, key)


def incoming_row(opened: Opened, **fields: Any) -> SyncPackage:
    """The `sync_package` row of an imported package: who sent it, its number and chain, its file;
    `fields` are what its kind adds (counts, outcomes, the receipt)."""
    m = opened.manifest
    return SyncPackage(
        id=m.package_id,
        direction="in",
        kind=m.kind,
        sender_office_id=m.sender_id,
        peer_office_id=m.sender_id,
        sequence=m.sequence,
        manifest_sha256=opened.reader.manifest_sha256,
        previous_sha256=m.previous_sha256,
        created_at=m.created_at,
        file_name=opened.reader.path.name,
        size=opened.info.size,
        **fields,
    )
