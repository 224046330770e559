"""Backup → wipe → restore on another data folder: the same database (`iterdump`), the same blobs,
and keys that still work — a package the restored commune signs is accepted by its province."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.sync import Pair, blob_files, logical_dump, ready_dossier
from ocop_desktop.ocoppkg.keys import KeyStore, protect_secret, public_raw
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.backup.create import create_backup
from ocop_desktop.services.backup.errors import BackupRefused
from ocop_desktop.services.backup.restore import existing, peek, restore_backup, verify_backup
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.sync.service import PackageService

PASS = "mật khẩu sao lưu đủ dài"
CHEAP = 1 << 10  # scrypt cost for tests (the reader accepts it; real backups use 2**17)


def _blob_bytes(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "blobs").rglob("*")) if p.is_file()
    }


def test_backup_wipe_restore_elsewhere_gives_the_same_data_and_working_keys(
    pair: Pair, tmp_path: Path
) -> None:
    commune = pair.commune
    ready_dossier(commune, tmp_path / "scans")
    (commune.paths.data_dir / "settings.json").write_text('{"language": "en"}', encoding="utf-8")
    old_paths = commune.paths
    signing_public = public_raw(KeyStore(old_paths.keys_dir).signing_key().public_key())
    encryption_public = public_raw(KeyStore(old_paths.keys_dir).encryption_key().public_key())
    usb = tmp_path / "stick"
    usb.mkdir()
    made = create_backup(old_paths, usb, PASS, scrypt_n=CHEAP)
    assert made.path.parent == usb and made.path.suffix == ".ocopbak" and list(usb.iterdir()) == [made.path]
    assert (
        made.summary.counts["dossier"] == 1
        and made.summary.blobs == len([b for b in blob_files(commune) if "/" in b]) > 0
    )
    dump, blobs = logical_dump(old_paths.db_path), _blob_bytes(old_paths.data_dir)
    commune.close()
    shutil.rmtree(old_paths.data_dir)  # the PC is gone

    assert peek(made.path, PASS).office_name == made.summary.office_name
    assert verify_backup(made.path, PASS).counts == made.summary.counts
    new_paths = AppPaths.for_data_dir(tmp_path / "new-pc")
    restored = restore_backup(made.path, PASS, new_paths)
    assert restored.replaced is None and restored.aside is None
    assert logical_dump(new_paths.db_path) == dump
    assert _blob_bytes(new_paths.data_dir) == blobs
    assert (new_paths.data_dir / "settings.json").read_text(encoding="utf-8") == '{"language": "en"}'
    assert not [p for p in new_paths.data_dir.iterdir() if p.name.startswith(".restore-")]
    keys = KeyStore(new_paths.keys_dir)
    assert public_raw(keys.signing_key().public_key()) == signing_public
    assert public_raw(keys.encryption_key().public_key()) == encryption_public
    # the secret was protected again for this machine, not copied as it was
    assert (new_paths.keys_dir / "office-signing.secret").read_bytes().startswith(protect_secret(b"")[:6])

    again = open_app(new_paths)
    try:
        sent = PackageService(again).export_dossiers(pair.send("after-restore.ocoppkg"), pending=True)
        imported = PackageService(pair.province).import_package(sent.path)
        assert {k: v for k, v in imported.preview.counts().items() if v} == {"new": 1}
    finally:
        again.close()


@pytest.mark.sqlite_only  # a desk on a server backs up with pg_dump (test_backup_on_server.py)
def test_restore_over_data_needs_consent_then_keeps_the_old_data_aside(pair: Pair, tmp_path: Path) -> None:
    made = create_backup(pair.commune.paths, tmp_path, PASS, scrypt_n=CHEAP)
    target = pair.province.paths  # a folder with other data: the province's
    before = logical_dump(target.db_path)
    pair.province.close()
    with pytest.raises(BackupRefused) as refused:
        restore_backup(made.path, PASS, target)
    assert refused.value.code == "not_empty" and "Trần Thị Bình" not in refused.value.message
    assert "Cơ quan:" in refused.value.message and logical_dump(target.db_path) == before
    was = existing(target)
    assert was is not None and was.office_role == "province"

    restored = restore_backup(made.path, PASS, target, replace=True)
    assert restored.replaced == was and restored.aside is not None
    assert logical_dump(restored.aside / "ocop.sqlite3") == before
    assert (restored.aside / "keys" / "office-signing.pem").exists()
    assert existing(target) is not None and existing(target).office_role == "commune"  # type: ignore[union-attr]
    pair.province = open_app(target)  # closed by the fixture
