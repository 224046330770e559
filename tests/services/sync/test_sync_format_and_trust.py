"""Format rules (zip64, unknown fields ignored, strict names) and trust (fingerprint confirmation,
hierarchy, the encryption key of older installations, a replaced key)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from helpers.package_surgery import resign
from helpers.sync import Pair, open_installation, ready_dossier
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import ENCRYPTION_KEY_FILE, KeyStore, normalise_readable, readable_fingerprint
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import KeyRecord


def test_zip64_packages_are_read(pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past 2 GiB zipfile switches to zip64 records; make it do so at 1 KiB to test the same path."""
    ready_dossier(pair.commune, tmp_path / "scans")
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 1 << 10)
    sent = PackageService(pair.commune).export_dossiers(pair.send("z.ocoppkg"), pending=True)
    assert b"PK\x06\x06" in sent.path.read_bytes()[-200:]  # zip64 end record present
    assert [d.outcome for d in PackageService(pair.province).import_package(sent.path).preview.dossiers] == [
        "new"
    ]
    monkeypatch.undo()  # the same package under the real limit: zip64 fields where zipfile puts none
    with pytest.raises(PackageRefused) as info:
        PackageService(pair.province).verify(sent.path)
    assert info.value.code == "damaged"


def test_unknown_optional_fields_are_ignored(pair: Pair, tmp_path: Path) -> None:
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = PackageService(pair.commune).export_dossiers(pair.send("s.ocoppkg"), pending=True)
    key = KeyStore(pair.commune.paths.keys_dir).signing_key()

    def newer(m: dict) -> None:  # type: ignore[type-arg]
        m["transport_hint"] = {"chunks": 3}
        m["sender"]["device"] = "PC-02"

    future = pair.send("newer.ocoppkg")
    future.write_bytes(resign(sent.path.read_bytes(), key, newer))
    assert PackageService(pair.province).import_package(future).applied


def test_enrollment_needs_the_right_fingerprint(tmp_path: Path, _template_dir: Path) -> None:
    commune = open_installation(tmp_path / "c", _template_dir, "commune", "00070", "An")
    province = open_installation(tmp_path / "p", _template_dir, "province", "01", "Bình")
    try:
        pack = PackageService(commune).export_enrollment(tmp_path / "e.ocoppkg")
        service = PackageService(province)
        preview = service.preview(pack.path)
        spoken = PackageService(commune).own_keys().signing.readable
        assert preview.needs_confirmation and preview.fingerprint_to_confirm == spoken
        assert preview.offices == ("UBND Phường Hoàn Kiếm (00070)",)
        with pytest.raises(PackageRefused, match="Cần xác nhận dấu vân tay"):
            service.import_package(pack.path)
        wrong = spoken[:-1] + ("1" if spoken[-1] != "1" else "2")
        with pytest.raises(PackageRefused, match="không khớp"):
            service.import_package(pack.path, confirm_fingerprint=wrong)
        # typed with other separators: still the same number
        result = service.import_package(pack.path, confirm_fingerprint=spoken.replace(" ", "-"))
        assert result.applied and not service.import_package(pack.path).applied
        with province.read() as s:
            keys = s.scalars(select(KeyRecord).where(KeyRecord.office_id == commune.office().id)).all()
            assert sorted(k.purpose for k in keys) == ["encryption", "signing"] and all(
                k.trusted for k in keys
            )
    finally:
        commune.close()
        province.close()


def test_only_the_own_province_and_its_communes_are_trusted(tmp_path: Path, _template_dir: Path) -> None:
    commune = open_installation(tmp_path / "c", _template_dir, "commune", "00070", "An")
    elsewhere = open_installation(tmp_path / "p", _template_dir, "province", "79", "Bình")  # Hồ Chí Minh City
    try:
        pack = PackageService(commune).export_enrollment(tmp_path / "e.ocoppkg")
        with pytest.raises(PackageRefused) as info:
            PackageService(elsewhere).preview(pack.path)
        assert info.value.code in ("wrong_recipient", "wrong_office")
        ref = PackageService(elsewhere).export_reference(tmp_path / "r.ocoppkg")
        with pytest.raises(PackageRefused) as info:
            PackageService(commune).preview(ref.path)
        assert info.value.code in ("wrong_recipient", "wrong_office")
    finally:
        commune.close()
        elsewhere.close()


def test_installations_made_before_get_an_encryption_key_on_first_use(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = KeyStore(ctx.paths.keys_dir)
    assert not store.has_encryption_key()  # what `init` made before this issue: the signing key only
    keys = PackageService(ctx).own_keys()
    assert store.has_encryption_key() and keys.encryption.fingerprint != keys.signing.fingerprint
    pem = (ctx.paths.keys_dir / ENCRYPTION_KEY_FILE).read_bytes()
    assert b"ENCRYPTED PRIVATE KEY" in pem  # never in clear on disk
    assert PackageService(ctx).own_keys().encryption == keys.encryption  # made once
    assert (
        normalise_readable(" 12345.67890-11111 22222 33333 44444 ") == "12345 67890 11111 22222 33333 44444"
    )
    assert len(readable_fingerprint(b"x" * 32).split()) == 6


def test_a_replaced_key_must_be_confirmed_again(pair: Pair, tmp_path: Path) -> None:
    """The commune's machine was reinstalled: new keys, same office. Its packages are refused until the
    province confirms the new fingerprint and acknowledges the key change (the old fingerprint,
    test_sync_identity.py); then the old key is no longer trusted."""
    old = PackageService(pair.commune).own_keys().signing.readable
    keys_dir = pair.commune.paths.keys_dir
    for path in keys_dir.iterdir():
        path.unlink()
    store = KeyStore(keys_dir)
    store.create_signing_key()
    ready_dossier(pair.commune, tmp_path / "scans")
    with pytest.raises(PackageRefused, match="chưa được tin cậy"):
        PackageService(pair.province).preview(
            PackageService(pair.commune).export_dossiers(pair.send("s.ocoppkg"), pending=True).path
        )
    enroll = PackageService(pair.commune).export_enrollment(pair.send("again.ocoppkg"))
    preview = PackageService(pair.province).preview(enroll.path)
    assert preview.needs_confirmation
    assert preview.key_change is not None and preview.key_change.old_fingerprint == old
    PackageService(pair.province).import_package(
        enroll.path, confirm_fingerprint=preview.fingerprint_to_confirm, confirm_key_change=old
    )
    with pair.province.read() as s:
        trusted = {
            k.fingerprint
            for k in s.scalars(
                select(KeyRecord).where(
                    KeyRecord.office_id == pair.commune.office().id, KeyRecord.trusted.is_(True)
                )
            )
        }
    assert trusted == {
        PackageService(pair.commune).own_keys().signing.fingerprint,
        PackageService(pair.commune).own_keys().encryption.fingerprint,
    }


def test_manifest_lists_one_file_per_line_and_no_personal_data(pair: Pair, tmp_path: Path) -> None:
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = PackageService(pair.commune).export_dossiers(pair.send("s.ocoppkg"), pending=True)
    with zipfile.ZipFile(sent.path) as zf:
        assert zf.namelist()[:2] == ["manifest.json", "manifest.sig"]
        text = zf.read("manifest.json").decode()
    manifest = json.loads(text)
    lines = [line for line in text.splitlines() if line.strip().startswith('{"name"')]
    assert len(lines) == len(manifest["files"]) and manifest["format_version"] == 2  # scans encrypted
    assert manifest["sender"]["sequence"] >= 2 and len(manifest["sender"]["previous_sha256"]) == 64
    assert manifest["rulesets"][0]["id"] == "qd26-2026" and manifest["counts"]["dossiers"] == 1
    assert "Kinh" not in text and "Hàng Bài" not in text


def test_records_cannot_be_read_without_the_recipients_key(pair: Pair, tmp_path: Path) -> None:
    """The province's machine lost its encryption key (reinstalled): the package is refused as
    unreadable, and the records are not readable from the file either."""
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = PackageService(pair.commune).export_dossiers(pair.send("s.ocoppkg"), pending=True)
    (pair.province.paths.keys_dir / ENCRYPTION_KEY_FILE).unlink()
    KeyStore(
        pair.province.paths.keys_dir
    ).ensure_encryption_key()  # a new pair, not the one the commune knows
    with pytest.raises(PackageRefused) as info:
        PackageService(pair.province).preview(sent.path)
    assert info.value.code == "cannot_decrypt" and "khóa" in info.value.message
    with zipfile.ZipFile(sent.path) as zf:
        record = next(n for n in zf.namelist() if n.startswith("records/"))
        with pytest.raises(ValueError):
            json.loads(zf.read(record))
