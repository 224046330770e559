"""Office secrets on systems without DPAPI: in the keyring where one answers, in a private file
where none does, and older installations moved into the keyring once it is there."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from helpers.keyrings import memory_keyring
from helpers.sync import Pair
from ocop_desktop.ocoppkg import keyring_store
from ocop_desktop.ocoppkg.keys import (
    KeyStore,
    protect_secret,
    protection,
    unprotect_secret,
    upgrade_protection,
)
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.backup.create import create_backup
from ocop_desktop.services.backup.restore import restore_backup
from ocop_desktop.services.core.bootstrap import open_app

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="DPAPI protects secrets on Windows")


def test_without_a_keyring_secrets_stay_in_private_files() -> None:
    assert not keyring_store.available()
    assert protect_secret(b"abc") == b"plain:abc" and unprotect_secret(b"plain:abc") == b"abc"


def test_with_a_keyring_the_file_holds_only_a_reference() -> None:
    with memory_keyring() as ring:
        stored = protect_secret(b"the passphrase")
        assert stored.startswith(b"keyring:") and b"the passphrase" not in stored
        assert unprotect_secret(stored) == b"the passphrase"
        assert len(ring.entries) == 1
        ring.entries.clear()  # the keyring lost it: said, not guessed
        with pytest.raises(ValueError, match="not in this system's keyring"):
            unprotect_secret(stored)


def test_an_older_installation_moves_into_the_keyring_and_its_keys_still_work(pair: Pair) -> None:
    keys_dir = pair.commune.paths.keys_dir
    signing = KeyStore(keys_dir).signing_key().public_key()
    assert protection(keys_dir) == "plain"
    assert upgrade_protection(keys_dir) == 0  # no keyring: nothing moves
    with memory_keyring() as ring:
        assert upgrade_protection(keys_dir) == len(list(keys_dir.glob("*.secret"))) == len(ring.entries) >= 2
        assert protection(keys_dir) == "keyring"
        assert all(b"plain:" not in p.read_bytes() for p in keys_dir.glob("*.secret"))
        assert KeyStore(keys_dir).signing_key().public_key() == signing
        assert upgrade_protection(keys_dir) == 0  # done once


def test_a_backup_from_a_keyring_machine_restores_on_one_without(pair: Pair, tmp_path: Path) -> None:
    paths = pair.commune.paths
    signing = KeyStore(paths.keys_dir).signing_key().public_key()
    with memory_keyring():
        upgrade_protection(paths.keys_dir)
        made = create_backup(paths, tmp_path, "mật khẩu đủ dài nhé", scrypt_n=1 << 10)
    pair.commune.close()
    shutil.rmtree(paths.data_dir)
    elsewhere = AppPaths.for_data_dir(tmp_path / "other-os")
    restore_backup(made.path, "mật khẩu đủ dài nhé", elsewhere)
    assert protection(elsewhere.keys_dir) == "plain"
    assert KeyStore(elsewhere.keys_dir).signing_key().public_key() == signing
    pair.commune = open_app(elsewhere)  # closed by the fixture
