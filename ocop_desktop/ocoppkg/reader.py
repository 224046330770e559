"""Opening a package: layout, names, manifest and listing are checked on open; the signature and
each file's SHA-256 when asked. Files are streamed, never read whole (except small JSON files,
which are bounded by `MAX_JSON_BYTES`)."""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from ocop_desktop.ocoppkg import crypto, ziplayout
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import ASK_RESEND, PackageRefused, damaged, not_a_package, tampered
from ocop_desktop.ocoppkg.manifest import Manifest, parse

BLOB_KINDS = frozenset(
    {fmt.Kind.SUBMISSION, fmt.Kind.RESULTS, fmt.Kind.EVALUATOR_ASSIGNMENT, fmt.Kind.FIVE_STAR_PROPOSAL}
)
ROLES_BY_KIND = {
    fmt.Kind.ENROLLMENT: {"payload"},
    fmt.Kind.RECEIPT: {"payload"},
    fmt.Kind.REFERENCE: {"payload", "reference"},
    fmt.Kind.SUBMISSION: {"record", "blob"},
    fmt.Kind.RESULTS: {"record", "blob"},
    fmt.Kind.EVALUATOR_ASSIGNMENT: {"payload", "blob"},  # payload.json(.enc): the assignment; blobs: evidence
    fmt.Kind.EVALUATOR_SCORES: {"payload"},
    fmt.Kind.FIVE_STAR_PROPOSAL: {"payload", "blob"},
}


def unsafe(name: str) -> PackageRefused:
    return PackageRefused(
        "unsafe_path",
        f"Gói chứa tệp có đường dẫn không an toàn “{name[:120]}” (có thể nhằm ghi "
        "ra ngoài thư mục dữ liệu). Gói bị từ chối.",
    )


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading, if it is a regular file. Anything else is refused before it is
    opened: a folder, a device, and a named pipe, whose opening would wait for a writer for ever.
    (Opened without blocking, and looked at again once open, in case it was swapped meanwhile.)"""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise not_a_file(path)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise PackageRefused("unreadable", f"Không mở được tệp “{path.name}”.", detail=str(exc)) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise not_a_file(path)
        return os.fdopen(fd, "rb")  # O_NONBLOCK means nothing to a regular file's reads
    except BaseException:
        os.close(fd)
        raise


def not_a_file(path: Path) -> PackageRefused:
    what = "một thư mục" if path.is_dir() else "một ống dẫn (pipe), thiết bị hoặc tệp đặc biệt"
    return PackageRefused(
        "not_a_package",
        f"“{path.name[:120]}” không phải là một tệp gói: đó là {what}. Hãy chọn tệp .ocoppkg.",
    )


class PackageReader:
    """A package file, structurally checked. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fh: BinaryIO = open_regular(self.path)
        try:
            self._open()
        except BaseException:
            self._fh.close()
            raise

    def _open(self) -> None:
        size = self._fh.seek(0, 2)
        try:
            self.entries = ziplayout.read_layout(self._fh, size)
        except PackageRefused as exc:
            if exc.code == "damaged" and not self._has_manifest():
                raise not_a_package(exc.detail) from exc  # some other zip, not a damaged package
            raise
        for name in self.entries:
            if fmt.UNSAFE_NAME.search(name):
                raise unsafe(name)
        if fmt.MANIFEST not in self.entries:
            raise not_a_package("no manifest.json")
        if fmt.SIGNATURE not in self.entries:
            raise PackageRefused(
                "signature_missing",
                "Gói không có chữ ký (manifest.sig), nên không thể biết ai đã tạo ra nó. " + ASK_RESEND,
            )
        if tuple(islice(self.entries, 2)) != (fmt.MANIFEST, fmt.SIGNATURE):
            raise damaged("manifest.json and manifest.sig are not the first two entries")
        manifest_entry = self.entries[fmt.MANIFEST]
        if manifest_entry.size > fmt.MAX_MANIFEST_BYTES:
            raise ziplayout.too_big(f"bản kê manifest.json quá lớn ({manifest_entry.size} byte)")
        self.manifest_bytes = ziplayout.read_entry(self._fh, manifest_entry)
        sig_entry = self.entries[fmt.SIGNATURE]
        self.signature = ziplayout.read_entry(self._fh, sig_entry) if sig_entry.size == 64 else b""
        self.manifest: Manifest = parse(self.manifest_bytes)
        self.manifest_sha256 = hashlib.sha256(self.manifest_bytes).hexdigest()
        self._check_listing()

    def _has_manifest(self) -> bool:
        """Whether a (non-canonical) zip at least names a manifest: only its directory is read."""
        try:
            self._fh.seek(0)
            with zipfile.ZipFile(self._fh) as zf:
                return fmt.MANIFEST in zf.namelist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            return False

    def _check_listing(self) -> None:
        kind = fmt.Kind(self.manifest.kind)
        listed = {f.name: f for f in self.manifest.files}
        for name in listed:
            if fmt.UNSAFE_NAME.search(name):
                raise unsafe(name)
        for name, entry in self.entries.items():
            if name in (fmt.MANIFEST, fmt.SIGNATURE):
                continue
            role = fmt.entry_role(name)
            if name not in listed or role is None:
                raise PackageRefused(
                    "unlisted_file",
                    f"Gói chứa tệp “{name[:120]}” không có trong bản kê đã ký "
                    "(có thể bị chèn thêm). Gói bị từ chối.",
                )
            if role not in ROLES_BY_KIND[kind]:
                raise PackageRefused(
                    "unlisted_file",
                    f"Tệp “{name[:120]}” không thuộc loại gói “{kind.label}”. Gói bị từ chối.",
                )
            declared = listed[name]
            if entry.size != declared.size:
                raise tampered(name, f"size {entry.size} != listed {declared.size}")
            if name.endswith(".enc") != declared.encrypted:
                raise tampered(name, "encryption flag")
            if role == "blob":
                self._check_blob_entry(declared)
            if role != "blob" and entry.size > fmt.MAX_JSON_BYTES:
                raise ziplayout.too_big(f"tệp “{name}” quá lớn ({entry.size} byte)")
        for name in listed:
            if name not in self.entries:
                raise PackageRefused(
                    "missing_file",
                    f"Gói thiếu tệp “{name[:120]}” có trong bản kê (gói chưa được "
                    "sao chép hết, hoặc bị xóa bớt). " + ASK_RESEND,
                )
        if any(f.encrypted for f in self.manifest.files) and self.manifest.encryption is None:
            raise tampered(fmt.MANIFEST, "encrypted files without an envelope")

    def _check_blob_entry(self, declared: fmt.FileEntry) -> None:
        """A clear blob is named by the SHA-256 of its (stored) bytes; an encrypted one by that of its
        plain bytes (checked once decrypted), and only from format 2 on. A format 2 package that is
        encrypted has every scan encrypted: a clear one is not what its sender wrote."""
        if not declared.encrypted:
            if fmt.blob_sha256(declared.name) != declared.sha256:
                raise tampered(declared.name, "blob name and hash")
            if (
                self.manifest.encryption is not None
                and self.manifest.format_version >= fmt.SCANS_ENCRYPTED_FROM
            ):
                raise PackageRefused(
                    "tampered",
                    f"Tệp đính kèm “{declared.name[:120]}” trong gói không được mã hóa, trong khi gói định "
                    f"dạng {self.manifest.format_version} luôn mã hóa tệp đính kèm cho bên nhận: gói không "
                    "phải do phần mềm OCOP Desktop của bên gửi tạo ra. " + ASK_RESEND,
                )
        elif self.manifest.format_version < fmt.SCANS_ENCRYPTED_FROM:
            raise tampered(
                declared.name, f"an encrypted scan in a format {self.manifest.format_version} package"
            )

    # -- trust ----------------------------------------------------------------------------------
    def verify_signature(self, public_raw: bytes, sender_label: str) -> None:
        if not crypto.verify(public_raw, self.signature, self.manifest_bytes):
            raise PackageRefused(
                "bad_signature",
                f"Chữ ký của gói không hợp lệ: gói đã bị sửa đổi sau khi ký, hoặc "
                f"không phải do {sender_label} tạo ra. " + ASK_RESEND,
            )

    # -- contents -------------------------------------------------------------------------------
    def names(self, role: str) -> list[str]:
        return sorted(f.name for f in self.manifest.files if fmt.entry_role(f.name) == role)

    def read_json_bytes(self, name: str, content_key: bytes | None = None) -> bytes:
        """A small file's bytes after checking its SHA-256 (and decrypting it if it is encrypted)."""
        listed = self.manifest.file(name)
        if listed is None or name not in self.entries:
            raise PackageRefused("missing_file", f"Gói thiếu tệp “{name}”. " + ASK_RESEND)
        data = ziplayout.read_entry(self._fh, self.entries[name])
        if hashlib.sha256(data).hexdigest() != listed.sha256:
            raise tampered(name)
        if listed.encrypted:
            if content_key is None:
                raise PackageRefused(
                    "cannot_decrypt", "Gói có dữ liệu mã hóa nhưng máy này không có khóa để mở."
                )
            data = crypto.decrypt_file(content_key, self.manifest.package_id, name, data)
        return data

    def copy_blob(
        self,
        name: str,
        sink: BinaryIO | None,
        on_bytes: Callable[[int], None] | None = None,
        content_key: bytes | None = None,
    ) -> None:
        """Stream a blob into `sink` (or nowhere), checking it once read: a clear blob against the
        SHA-256 the manifest lists; an encrypted one, decrypted on the way, against its tag and the
        SHA-256 of its plain bytes. Plain bytes reach `sink` before those checks: a caller keeps them
        out of use (a staging file, removed on a refusal) until this returns."""
        listed = self.manifest.file(name)
        assert listed is not None
        # The SHA-256 covers the bytes, but not the CRC-32 in the zip headers: checked too (a wrong one
        # is `damaged`), so that what is accepted here also extracts with any zip tool (section 9 of
        # docs/sync-package.md). It costs about half of the SHA-256's time.
        chunks = ziplayout.iter_entry(self._fh, self.entries[name])
        if listed.encrypted:
            self._open_blob(name, chunks, sink, on_bytes, content_key)
            return
        digest = hashlib.sha256()
        _drain(_hashed(chunks, digest, on_bytes), sink)
        if digest.hexdigest() != listed.sha256:
            raise tampered(name)

    def _open_blob(
        self,
        name: str,
        stored: Iterator[bytes],
        sink: BinaryIO | None,
        on_bytes: Callable[[int], None] | None,
        content_key: bytes | None,
    ) -> None:
        """An encrypted scan: its name — the SHA-256 of its plain bytes, in the signed manifest — pins
        its content whatever key one holds, and the tag says at once that it was changed or moved
        here from another entry or package. The SHA-256 the manifest lists for its stored bytes (for
        whoever checks the package without the key, §9) would add nothing to these two, so it is not
        computed again: an encrypted scan is read with one hash, as a clear one is."""
        if content_key is None:
            raise PackageRefused("cannot_decrypt", "Gói có tệp mã hóa nhưng máy này không có khóa để mở.")
        plain = hashlib.sha256()
        opened = crypto.open_chunks(
            content_key, self.manifest.package_id, name, _hashed(stored, None, on_bytes)
        )
        try:
            _drain(_hashed(opened, plain, None), sink)
        except PackageRefused as exc:
            if exc.code != "cannot_decrypt":
                raise
            raise PackageRefused(
                "tampered",
                f"Tệp “{name[:120]}” trong gói không khớp mã kiểm tra (thẻ xác thực AES-GCM): tệp đã bị "
                "sửa đổi, hoặc bị chuyển sang từ một gói hay một tệp khác. " + ASK_RESEND,
            ) from exc
        if plain.hexdigest() != fmt.blob_sha256(name):
            raise tampered(name, "plain bytes and blob name")

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> PackageReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _hashed(
    chunks: Iterator[bytes], digest: hashlib._Hash | None, on_bytes: Callable[[int], None] | None
) -> Iterator[bytes]:
    for chunk in chunks:
        if digest is not None:
            digest.update(chunk)
        if on_bytes is not None:
            on_bytes(len(chunk))
        yield chunk


def _drain(chunks: Iterator[bytes], sink: BinaryIO | None) -> None:
    for chunk in chunks:
        if sink is not None:
            sink.write(chunk)
