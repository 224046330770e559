"""Scans travel encrypted (format 2, docs/sync-package.md §5): a real package of each kind that
carries scans, unzipped, shows none of them without the recipient's key; a changed, moved or swapped
encrypted scan is refused and changes nothing; format 1 packages of older senders are still read."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.builders import TODAY, answer_everything, fill_producer_forms, make_product, provide_required
from helpers.evaluator import Offices, enroll
from helpers.package_surgery import entries, replace_entry, resign
from helpers.sync import MAU03, Pair, blob_files, db_state
from ocop_desktop.domain.errors import UserError
from ocop_desktop.ocoppkg import crypto
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.evidence import EvidenceService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.blobs import BlobStore

ID_CARD_TEXT = "CĂN CƯỚC CÔNG DÂN 001089012345 NGUYỄN THỊ HOA".encode()


def id_card(folder: Path, name: str = "cccd.jpg") -> Path:
    """A scanned ID card: a JPEG header, a citizen number in clear, then noise (as a photo is)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"\xff\xd8\xff\xe0" + ID_CARD_TEXT + os.urandom(300_000))
    return path


def dossier_with_id_card(ctx: AppContext, files: Path, card: Path) -> str:
    """helpers.sync.ready_dossier, with the producer's ID card among the evidence."""
    service = DossierService(ctx, today=TODAY)
    d = service.create(make_product(ctx), "first")
    fill_producer_forms(service, d.row.id)
    provide_required(ctx, d.row.id, files)
    EvidenceService(ctx).add_file(d.row.id, card, criteria=("1.1",))
    answer_everything(ctx, d.row.id)
    service.act(d.row.id, "mark_complete")
    d = service.act(d.row.id, "receive", on=TODAY)
    d = service.save_section(d.row.id, "mau03", MAU03, expected_revision=d.row.revision)
    service.act(d.row.id, "commune_check")
    return d.row.id


def assert_no_scan_readable(package: Path, scans: list[bytes], recipient: AppContext) -> None:
    """Every scan entry is encrypted (format 2); no scan, nor a piece of one, nor the text on the ID
    card, is anywhere in the file's bytes; each opens with the recipient's key, and only with it."""
    raw = package.read_bytes()
    assert scans
    for scan in scans:
        for piece in (scan, scan[:64], scan[len(scan) // 2 : len(scan) // 2 + 64], scan[-64:]):
            assert piece not in raw
    assert ID_CARD_TEXT not in raw and b"%PDF" not in raw and b"endobj" not in raw
    manifest = json.loads(dict(entries(raw))["manifest.json"])
    blobs = [f for f in manifest["files"] if f["name"].startswith("blobs/")]
    assert manifest["format_version"] == 2 and len(blobs) == len(scans)
    assert all(f["name"].endswith(".enc") and f.get("encrypted") for f in blobs)
    envelope = crypto.Envelope.from_json(manifest["encryption"])
    key = crypto.unwrap_key(
        envelope, KeyStore(recipient.paths.keys_dir).encryption_key(), manifest["package_id"]
    )
    with zipfile.ZipFile(package) as zf:
        opened = {
            crypto.decrypt_file(key, manifest["package_id"], f["name"], zf.read(f["name"])) for f in blobs
        }
        assert opened == set(scans)
        with pytest.raises(PackageRefused) as refused:  # any other key: nothing
            crypto.decrypt_file(
                crypto.new_content_key(), manifest["package_id"], blobs[0]["name"], zf.read(blobs[0]["name"])
            )
    assert refused.value.code == "cannot_decrypt"


def attached_scans(ctx: AppContext, shas: set[str]) -> list[bytes]:
    return [BlobStore(ctx.paths.blobs_dir).path_for(sha).read_bytes() for sha in sorted(shas)]


def test_a_submission_carries_no_readable_scan_and_still_round_trips(pair: Pair, tmp_path: Path) -> None:
    card = id_card(tmp_path / "desk")
    dossier_with_id_card(pair.commune, tmp_path / "scans", card)
    sent = PackageService(pair.commune).export_dossiers(pair.send("s.ocoppkg"), pending=True)
    assert sent.encrypted and sent.blobs >= 2
    held = {p.name for p in pair.commune.paths.blobs_dir.rglob("*") if p.is_file() and len(p.name) == 64}
    assert_no_scan_readable(sent.path, attached_scans(pair.commune, held), pair.province)

    result = PackageService(pair.province).import_package(sent.path)
    assert result.applied and result.preview.blobs_new == len(held)
    assert card.read_bytes() in {
        BlobStore(pair.province.paths.blobs_dir).path_for(sha).read_bytes() for sha in held
    }


def test_an_assignment_carries_no_readable_scan(offices: Offices) -> None:
    o = offices
    enroll(o, "TV1")
    out = ProvinceEvaluatorPackages(o.province).export_assignment(o.round_id, "TV1", o.folder / "a.ocoppkg")
    assert out.encrypted and out.blobs == 2
    held = {p.name for p in o.province.paths.blobs_dir.rglob("*") if p.is_file() and len(p.name) == 64}
    assert_no_scan_readable(out.path, attached_scans(o.province, held), o.evaluator)
    laptop = EvaluatorPackages(o.evaluator)
    confirm = PackageService(o.province).own_keys().signing.readable
    assert laptop.import_assignment(out.path, confirm_fingerprint=confirm).applied
    assert blob_files(o.evaluator)


def test_an_assignment_for_no_laptop_does_not_carry_scans_in_clear(offices: Offices) -> None:
    """Without a linked laptop there is no key to encrypt to: the export says what to do, writes nothing."""
    o = offices
    target = o.folder / "a.ocoppkg"
    PackageService(o.province).own_keys()  # made on first use: not what is compared
    before = db_state(o.province)
    with pytest.raises(UserError) as refused:
        ProvinceEvaluatorPackages(o.province).export_assignment(o.round_id, "TV1", target)
    assert "ghi danh máy chấm điểm" in refused.value.message
    assert not any(o.folder.iterdir()) and db_state(o.province) == before


def test_packages_without_scans_stay_format_1(pair: Pair, tmp_path: Path) -> None:
    """An installation of version 1 still reads what has no scan: enrollment, reference, receipts."""
    enrollment = PackageService(pair.commune).export_enrollment(tmp_path / "e.ocoppkg")
    reference = PackageService(pair.province).export_reference(tmp_path / "r.ocoppkg")
    dossier_with_id_card(pair.commune, tmp_path / "scans", id_card(tmp_path / "desk"))
    sent = PackageService(pair.commune).export_dossiers(pair.send("s.ocoppkg"), pending=True)
    receipt = PackageService(pair.province).import_package(sent.path).receipt_path
    assert receipt is not None
    for package in (enrollment.path, reference.path, receipt):
        assert json.loads(dict(entries(package.read_bytes()))["manifest.json"])["format_version"] == 1


def test_an_older_reader_refuses_a_format_2_package_and_says_update(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Version 1's reader (its version check, the code unchanged since): `future_version`, "update"."""
    dossier_with_id_card(pair.commune, tmp_path / "scans", id_card(tmp_path / "desk"))
    sent = PackageService(pair.commune).export_dossiers(pair.send("s.ocoppkg"), pending=True)
    before = db_state(pair.province)
    monkeypatch.setattr(fmt, "FORMAT_VERSION", 1)
    with pytest.raises(PackageRefused) as refused:
        PackageService(pair.province).preview(sent.path)
    assert refused.value.code == "future_version"
    assert "phiên bản 2" in refused.value.message and "cập nhật OCOP Desktop" in refused.value.message
    assert db_state(pair.province) == before


# -- tampering ---------------------------------------------------------------------------------------


def _two_packages(pair: Pair, tmp_path: Path) -> tuple[bytes, bytes, bytes]:
    """Two submissions of the same dossier (so with the same scans), each with its own content key;
    and the ID card's bytes."""
    card = id_card(tmp_path / "desk")
    dossier_with_id_card(pair.commune, tmp_path / "scans", card)
    service = PackageService(pair.commune)
    first = service.export_dossiers(pair.send("s1.ocoppkg"), pending=True).path.read_bytes()
    second = service.export_dossiers(pair.send("s2.ocoppkg"), pending=True, include_all_blobs=True)
    return first, second.path.read_bytes(), card.read_bytes()


def _flip(items: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    name = _blob_names(items)[0]
    return [(n, b[:100] + bytes([b[100] ^ 1]) + b[101:] if n == name else b) for n, b in items]


def _swap_entries(items: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    a, b = _blob_names(items)[:2]
    data = dict(items)
    return [(n, data[b] if n == a else data[a] if n == b else d) for n, d in items]


def _blob_names(items: list[tuple[str, bytes]]) -> list[str]:
    return sorted(n for n, _ in items if n.startswith("blobs/"))


def _refused_and_nothing_changed(pair: Pair, package: bytes, codes: set[str]) -> PackageRefused:
    path = pair.send("tampered.ocoppkg")
    path.write_bytes(package)
    before, blobs = db_state(pair.province), blob_files(pair.province)
    service = PackageService(pair.province)
    for attempt in (service.preview, service.import_package):
        with pytest.raises(PackageRefused) as refused:
            attempt(path)
        assert refused.value.code in codes, refused.value
        assert (
            "blobs/" in refused.value.message
            and "Không có gì thay đổi trên máy này." in refused.value.message
        )
    assert db_state(pair.province) == before and blob_files(pair.province) == blobs
    return refused.value


SIGNED_AGAIN: dict[str, Callable[[list[tuple[str, bytes]]], list[tuple[str, bytes]]]] = {
    "bit flipped": _flip,
    "two entries swapped": _swap_entries,
}


@pytest.mark.parametrize("change", sorted(SIGNED_AGAIN))
def test_a_changed_encrypted_scan_is_refused(pair: Pair, tmp_path: Path, change: str) -> None:
    package, _other, _card = _two_packages(pair, tmp_path)
    edit = SIGNED_AGAIN[change]
    # by anyone on the way (the manifest as it was): its size or its tag no longer matches
    rebuilt = resign(package, KeyStore(pair.commune.paths.keys_dir).signing_key(), files=edit)
    refused = _refused_and_nothing_changed(pair, rebuilt, {"tampered"})
    assert "sửa đổi" in refused.message
    # even listed and signed again (by the sender's key): the tag, bound to the entry's name, fails
    relisted = resign(package, KeyStore(pair.commune.paths.keys_dir).signing_key(), files=edit, relist=True)
    refused = _refused_and_nothing_changed(pair, relisted, {"tampered"})
    assert "thẻ xác thực" in refused.message and "chuyển sang" in refused.message


def test_an_encrypted_scan_moved_from_another_package_is_refused(pair: Pair, tmp_path: Path) -> None:
    first, second, _card = _two_packages(pair, tmp_path)
    theirs = dict(entries(second))
    name = _blob_names(entries(first))[0]
    assert name in theirs and theirs[name] != dict(entries(first))[name]  # same scan, other key and nonce
    moved = replace_entry(first, name, theirs[name])
    assert "thẻ xác thực" in _refused_and_nothing_changed(pair, moved, {"tampered"}).message
    key = KeyStore(pair.commune.paths.keys_dir).signing_key()
    relisted = resign(
        first, key, files=lambda items: [(n, theirs[n] if n == name else b) for n, b in items], relist=True
    )
    assert "thẻ xác thực" in _refused_and_nothing_changed(pair, relisted, {"tampered"}).message
    # the untouched packages still import
    path = pair.send("s2.ocoppkg")
    assert PackageService(pair.province).import_package(path).applied


# -- format 1 packages (scans in clear) from senders not updated yet ---------------------------------


def _as_format_1(pair: Pair, package: bytes, version: int = 1) -> bytes:
    """What a version 1 sender wrote: the same package with its scans in clear, `blobs/<sha256>`."""
    manifest = json.loads(dict(entries(package))["manifest.json"])
    key = crypto.unwrap_key(
        crypto.Envelope.from_json(manifest["encryption"]),
        KeyStore(pair.province.paths.keys_dir).encryption_key(),
        manifest["package_id"],
    )

    def clear(items: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        return [
            (fmt.blob_sha256(n), crypto.decrypt_file(key, manifest["package_id"], n, b))
            if n.startswith("blobs/")
            else (n, b)
            for n, b in items
        ]

    def named(items: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        return [(f"blobs/{n}" if len(n) == 64 else n, b) for n, b in clear(items)]

    return resign(
        package,
        KeyStore(pair.commune.paths.keys_dir).signing_key(),
        change=lambda m: m.update(format_version=version),
        files=named,
        relist=True,
    )


def test_a_format_1_package_with_clear_scans_is_still_imported(pair: Pair, tmp_path: Path) -> None:
    package, _, card = _two_packages(pair, tmp_path)
    old = pair.send("old.ocoppkg")
    old.write_bytes(_as_format_1(pair, package))
    assert card in old.read_bytes()  # as version 1 sent it
    result = PackageService(pair.province).import_package(old)
    assert result.applied and result.preview.package.format_version == 1
    assert any(p.read_bytes() == card for p in pair.province.paths.blobs_dir.rglob("*") if p.is_file())


def test_a_format_2_package_with_a_clear_scan_is_refused(pair: Pair, tmp_path: Path) -> None:
    package, _, _ = _two_packages(pair, tmp_path)
    refused = _refused_and_nothing_changed(pair, _as_format_1(pair, package, version=2), {"tampered"})
    assert "không được mã hóa" in refused.message
