"""A corpus of more than a thousand malformed packages, made from one good package: each is refused
with a message a person understands, and the province's database and blob store stay exactly as
they were (file hash after a WAL checkpoint, logical dump, blob listing)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from helpers.package_surgery import (
    build,
    declared_size,
    entries,
    eocd_with_entries,
    manifest_of,
    overlapping,
    resign,
)
from helpers.sync import Pair, blob_files, db_state, logical_dump, ready_dossier
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.sync.service import PackageService

# category -> (accepted refusal codes, words the message must contain)
EXPECT: dict[str, tuple[set[str], tuple[str, ...]]] = {
    "truncated": ({"not_a_package", "damaged"}, ("không phải là gói", "bị hỏng")),
    "flipped": (
        {
            "not_a_package",
            "damaged",
            "tampered",
            "bad_signature",
            "malformed",
            "unknown_sender",
            "too_big",
            "zip_bomb",
            "unlisted_file",
            "missing_file",
            "unsafe_path",
            "unknown_kind",
            "unsupported_kind",
            "future_version",
            "signature_missing",
            "duplicate_entry",
            "cannot_decrypt",
            "wrong_recipient",
            "unsupported_encryption",
        },
        (
            "hỏng",
            "sửa đổi",
            "không phải là gói",
            "không hợp lệ",
            "chưa được tin cậy",
            "bom nén",
            "bản kê",
            "không an toàn",
            "Loại gói",
            "phiên bản",
            "chữ ký",
            "hai tệp",
            "giải mã",
            "mã hóa",
            "gửi cho",
        ),
    ),
    "bad_signature": ({"bad_signature"}, ("Chữ ký của gói không hợp lệ",)),
    "no_signature": ({"signature_missing"}, ("không có chữ ký",)),
    "unknown_sender": ({"unknown_sender"}, ("chưa được tin cậy", "xác nhận dấu vân tay")),
    "replayed": ({"replayed"}, ("đã được nhập", "nội dung lần này khác")),
    "path_traversal": ({"unsafe_path"}, ("đường dẫn không an toàn",)),
    "zip_bomb": ({"zip_bomb", "too_big", "damaged"}, ("bom nén", "bị hỏng")),
    "nested": ({"unlisted_file", "zip_bomb"}, ("không có trong bản kê", "không thuộc hồ sơ nào", "bom nén")),
    "oversized_manifest": ({"too_big"}, ("bản kê manifest.json quá lớn",)),
    "wrong_recipient": ({"wrong_recipient"}, ("không phải cho",)),
    "future_version": ({"future_version"}, ("phiên bản 2", "cập nhật OCOP Desktop")),
    "duplicate_entry": ({"duplicate_entry"}, ("hai tệp cùng tên",)),
    "unlisted_file": ({"unlisted_file"}, ("không có trong bản kê", "không thuộc loại gói")),
    "missing_file": ({"missing_file"}, ("thiếu tệp",)),
    "not_a_package": ({"not_a_package"}, ("không phải là gói",)),
    "unknown_kind": ({"unknown_kind", "unsupported_kind"}, ("Loại gói", "chưa được hỗ trợ")),
    "own_package": ({"own_package"}, ("chính máy này",)),
}


def corpus(good: bytes, imported: bytes, key: Ed25519PrivateKey) -> Iterator[tuple[str, bytes]]:
    items = entries(good)
    names = [n for n, _ in items]
    blob = next(n for n in names if n.startswith("blobs/"))
    record = next(n for n in names if n.startswith("records/"))
    for cut in range(0, len(good), max(1, len(good) // 700)):
        yield "truncated", good[:cut]
    step = max(1, len(good) // 450)
    for offset in [*range(0, min(len(good), 600)), *range(600, len(good), step)]:
        for mask in (0x01, 0xFF) if offset % 3 == 0 else (0x80,):
            data = bytearray(good)
            data[offset] ^= mask
            yield "flipped", bytes(data)

    signature = dict(items)["manifest.sig"]
    yield "bad_signature", _swap(items, "manifest.sig", os.urandom(64))
    yield (
        "bad_signature",
        _swap(items, "manifest.sig", Ed25519PrivateKey.generate().sign(dict(items)["manifest.json"])),
    )
    yield "bad_signature", _swap(items, "manifest.sig", bytes(64))
    yield "bad_signature", _swap(items, "manifest.sig", signature[:63] + bytes([signature[63] ^ 1]))
    yield "bad_signature", _swap(items, "manifest.sig", signature[:32])  # too short to be a signature
    yield "no_signature", build([(n, b) for n, b in items if n != "manifest.sig"])

    stranger = Ed25519PrivateKey.generate()
    yield "bad_signature", resign(good, stranger)  # names the commune's key, signed with another one
    yield (
        "unknown_sender",
        resign(
            good,
            stranger,
            lambda m: m["sender"].update(
                signing_key=hashlib.sha256(stranger.public_key().public_bytes_raw()).hexdigest()
            ),
        ),
    )
    yield "unknown_sender", resign(good, key, lambda m: m["sender"].update(office_id=_uuid(7)))

    yield "replayed", resign(imported, key, lambda m: m["counts"].update(dossiers=99))
    yield "replayed", resign(imported, key, lambda m: m.update(created_at="2030-01-01T00:00:00Z"))

    for bad in (
        "../x",
        "/etc/passwd",
        "records\\..\\x.json",
        "C:/Windows/x",
        "C:\\x",
        "blobs/../../x",
        "./manifest.json",
        "records//x.json",
        "..",
        "reference/../../x.json",
        "\\\\server\\share\\x",
    ):
        yield "path_traversal", build([*items, (bad, b"x")])
        yield (
            "path_traversal",
            resign(good, key, files=lambda its, bad=bad: [*its, (bad, b"owned")], relist=True),
        )

    zeros = bytes(8 << 20)
    yield (
        "zip_bomb",
        build(
            [*items, ("records/" + _uuid(1) + ".json", zeros)],
            deflate=frozenset({"records/" + _uuid(1) + ".json"}),
        ),
    )
    yield "zip_bomb", build(items, deflate=frozenset({record}))
    yield "zip_bomb", declared_size(good, blob, 0xFFFFFFFE)
    yield "zip_bomb", declared_size(good, record, 200 << 20)
    yield "zip_bomb", eocd_with_entries(good, 0xFFFF)
    yield "zip_bomb", overlapping(good)
    inner = build(
        [("records/" + _uuid(2) + ".json", zeros)], deflate=frozenset({"records/" + _uuid(2) + ".json"})
    )
    yield "nested", build([*items, ("inner.ocoppkg", inner)])
    yield (
        "nested",
        resign(
            good,
            key,
            files=lambda its: [*its, ("blobs/" + hashlib.sha256(inner).hexdigest() + ".enc", inner)],
            relist=True,
        ),
    )
    yield "nested", build([*items, ("inner.zip", inner)], deflate=frozenset({"inner.zip"}))

    big = manifest_of(good)
    big["padding"] = "x" * (9 << 20)
    raw = json.dumps(big).encode()
    yield "oversized_manifest", build([("manifest.json", raw), ("manifest.sig", key.sign(raw)), *items[2:]])

    yield "wrong_recipient", resign(good, key, lambda m: m["recipient"].update(office_id=_uuid(3)))
    yield "wrong_recipient", resign(good, key, lambda m: m["recipient"].update(office_id=None))
    for version in (3, 7, 1000):
        yield "future_version", resign(good, key, lambda m, v=version: m.update(format_version=v))
    yield "duplicate_entry", build([*items, (blob, dict(items)[blob])])
    yield "duplicate_entry", build([*items[:2], (record, b"{}"), *items[2:]])
    yield "unlisted_file", build([*items, ("records/" + _uuid(4) + ".json", b"{}")])
    yield "unlisted_file", build([*items, ("blobs/" + "0" * 64, b"")])
    yield "unlisted_file", build([*items, ("notes.txt", b"hello")])
    yield "unlisted_file", build([*items, *[(f"extra/{i}.txt", b"") for i in range(300)]])
    yield "missing_file", build([(n, b) for n, b in items if n != blob])
    yield "missing_file", build([(n, b) for n, b in items if n != record])
    yield "not_a_package", b""
    yield "not_a_package", os.urandom(4096)
    yield "not_a_package", b"%PDF-1.7\n" + os.urandom(2000)
    yield "not_a_package", _plain_zip()
    yield "not_a_package", resign(good, key, lambda m: m.update(format="something-else"))
    yield "unknown_kind", resign(good, key, lambda m: m.update(kind="payroll"))
    # A supported kind whose files are those of another kind: the layout check refuses it.
    yield "unlisted_file", resign(good, key, lambda m: m.update(kind="evaluator_scores"))


def _swap(items: list[tuple[str, bytes]], name: str, payload: bytes) -> bytes:
    return build([(n, payload if n == name else b) for n, b in items])


def _uuid(n: int) -> str:
    return f"{n:08x}-0000-4000-8000-000000000000"


def _plain_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "xin chào")
    return buf.getvalue()


def _quick(pair: Pair) -> tuple[object, ...]:
    db = pair.province.paths.db_path
    wal = db.with_name(db.name + "-wal")
    return (
        db.stat().st_size,
        db.stat().st_mtime_ns,
        wal.stat().st_size if wal.exists() else 0,
        sorted(os.listdir(pair.province.paths.blobs_dir)),
    )


def test_malformed_corpus_is_refused_and_changes_nothing(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    ready_dossier(pair.commune, tmp_path / "a")
    first = commune.export_dossiers(pair.send("first.ocoppkg"), pending=True)
    province.import_package(first.path)
    ready_dossier(pair.commune, tmp_path / "b")
    good = commune.export_dossiers(pair.send("good.ocoppkg"), pending=True).path.read_bytes()
    key = KeyStore(pair.commune.paths.keys_dir).signing_key()
    cases = list(corpus(good, first.path.read_bytes(), key))
    assert len(cases) >= 1000
    mine = PackageService(pair.province).export_enrollment(pair.send("own.ocoppkg")).path.read_bytes()
    cases.append(("own_package", mine))

    before = (db_state(pair.province), logical_dump(pair.province.paths.db_path), blob_files(pair.province))
    quick = _quick(pair)
    usb = sorted(os.listdir(pair.folder))
    target = pair.send("incoming.ocoppkg")
    seen: Counter[str] = Counter()
    codes_seen: Counter[str] = Counter()
    for category, data in cases:
        target.write_bytes(data)
        with pytest.raises(PackageRefused) as info:
            province.import_package(target)
        codes, words = EXPECT[category]
        message = info.value.message
        assert info.value.code in codes, (category, info.value.code, message)
        assert any(w in message for w in words), (category, message)
        assert message.endswith("Không có gì thay đổi trên máy này.")
        assert _quick(pair) == quick, category
        seen[category] += 1
        codes_seen[info.value.code] += 1
    print(f"{sum(seen.values())} malformed packages refused: {dict(seen)}; codes: {dict(codes_seen)}")
    assert set(seen) == set(EXPECT)
    assert sorted(os.listdir(pair.folder)) == sorted([*usb, "incoming.ocoppkg"])  # no receipt was written
    assert (
        db_state(pair.province),
        logical_dump(pair.province.paths.db_path),
        blob_files(pair.province),
    ) == before
    assert not any(p.name.startswith(".incoming-") for p in pair.province.paths.blobs_dir.rglob("*"))

    target.write_bytes(good)  # the corpus was made from a package that is fine
    assert province.import_package(target).applied


def test_a_refused_dry_run_and_a_cancelled_import_change_nothing(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    ready_dossier(pair.commune, tmp_path / "a")
    sent = commune.export_dossiers(pair.send("s.ocoppkg"), pending=True)
    before = (db_state(pair.province), blob_files(pair.province))

    class Cancel:
        cancelled = False
        calls = 0

        def set(self, fraction: float, text: str = "") -> None:
            self.calls += 1
            self.cancelled = self.calls > 2

    with pytest.raises(Exception) as info:
        province.import_package(sent.path, progress=Cancel())
    assert "hủy" in str(info.value)
    assert (db_state(pair.province), blob_files(pair.province)) == before
    with zipfile.ZipFile(sent.path) as zf:
        assert zf.testzip() is None  # a standard zip: any tool can list and extract it
