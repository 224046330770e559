"""A wrong passphrase, a truncated, bit-flipped or lengthened backup, and a cancel: each is refused
(or stops) with nothing changed — no backup file left, no data folder touched."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocop_desktop.domain.errors import Cancelled
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.backup.create import create_backup
from ocop_desktop.services.backup.errors import BackupRefused
from ocop_desktop.services.backup.restore import restore_backup, verify_backup
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.setup import initialise
from ocop_desktop.store.blobs import BlobStore

PASS = "mật khẩu sao lưu đủ dài"
CHEAP = 1 << 10


def _install(root: Path, template: Path, role: str, unit: str, scans: int) -> AppPaths:
    shutil.copytree(template, root)
    paths = AppPaths.for_data_dir(root)
    ctx = open_app(paths)
    initialise(ctx, role, unit, "Lê Văn Cường")
    for i in range(scans):
        BlobStore(paths.blobs_dir).put_bytes(f"bản quét {i} ".encode() * 40_000)  # a few chunks in all
    ctx.close()
    return paths


class Made(tuple[bytes, AppPaths]):
    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example: not megabytes
        return f"Made({len(self[0])} bytes, {self[1].data_dir})"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, _template_dir: Path) -> tuple[bytes, AppPaths]:
    """One sound backup (bytes) and a data folder with other data, to restore over."""
    root = tmp_path_factory.mktemp("refusals")
    source = _install(root / "source", _template_dir, "commune", "00070", scans=3)
    backup = create_backup(source, root, PASS, scrypt_n=CHEAP).path
    other = _install(root / "other", _template_dir, "province", "01", scans=1)
    return Made((backup.read_bytes(), other))


def listing(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(root.rglob("*"))
    }


def _refused_everywhere(data: bytes, passphrase: str, other: AppPaths, tmp: Path) -> str:
    """`data` is refused by verify, by a restore into a new folder and by a confirmed restore over
    `other`; nothing is left behind. Returns the refusal's code."""
    bad = tmp / "bad.ocopbak"
    bad.write_bytes(data)
    before = listing(other.data_dir)
    codes = set()
    for call in (
        lambda: verify_backup(bad, passphrase),
        lambda: restore_backup(bad, passphrase, AppPaths.for_data_dir(tmp / "fresh")),
        lambda: restore_backup(bad, passphrase, other, replace=True),
    ):
        with pytest.raises(BackupRefused) as refused:
            call()
        codes.add(refused.value.code)
        assert "Không có gì bị thay đổi" in refused.value.message
    assert not (tmp / "fresh").exists()
    assert listing(other.data_dir) == before
    assert len(codes) == 1
    return codes.pop()


def test_the_sound_backup_is_accepted(made: tuple[bytes, AppPaths], tmp_path: Path) -> None:
    path = tmp_path / "good.ocopbak"
    path.write_bytes(made[0])
    assert verify_backup(path, PASS).office_role == "commune"


def test_wrong_passphrase_is_named_as_such(made: tuple[bytes, AppPaths], tmp_path: Path) -> None:
    assert _refused_everywhere(made[0], PASS + "x", made[1], tmp_path) == "wrong_passphrase"


_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(where=st.floats(0, 1, exclude_max=True))
def test_any_truncation_is_refused(
    made: tuple[bytes, AppPaths], tmp_path_factory: pytest.TempPathFactory, where: float
) -> None:  # noqa: E501
    sound, other = made
    cut = int(where * len(sound))
    _refused_everywhere(sound[:cut], PASS, other, tmp_path_factory.mktemp("cut"))


@_SETTINGS
@given(near=st.booleans(), where=st.floats(0, 1, exclude_max=True), bit=st.integers(0, 7))
def test_any_bit_flip_is_refused(
    made: tuple[bytes, AppPaths], tmp_path_factory: pytest.TempPathFactory, near: bool, where: float, bit: int
) -> None:  # noqa: E501
    sound, other = made
    # half the flips in the header and the first bytes, where the structure is, half anywhere
    at = int(where * (600 if near else len(sound)))
    flipped = bytearray(sound)
    flipped[at] ^= 1 << bit
    _refused_everywhere(bytes(flipped), PASS, other, tmp_path_factory.mktemp("flip"))


@_SETTINGS
@given(extra=st.binary(min_size=1, max_size=64))
def test_bytes_appended_are_refused(
    made: tuple[bytes, AppPaths], tmp_path_factory: pytest.TempPathFactory, extra: bytes
) -> None:  # noqa: E501
    sound, other = made
    _refused_everywhere(sound + extra, PASS, other, tmp_path_factory.mktemp("tail"))


class _CancelAfter:
    def __init__(self, calls: int) -> None:
        self.calls = calls

    @property
    def cancelled(self) -> bool:
        return self.calls <= 0

    def set(self, fraction: float, text: str = "") -> None:
        self.calls -= 1


@pytest.mark.parametrize("after", [0, 1, 3])
def test_cancelling_a_backup_leaves_no_file(made: tuple[bytes, AppPaths], tmp_path: Path, after: int) -> None:
    other = made[1]
    target = tmp_path / "usb"
    target.mkdir()
    with pytest.raises(Cancelled):
        create_backup(other, target, PASS, _CancelAfter(after), scrypt_n=CHEAP)
    assert list(target.iterdir()) == []
    assert not [p for p in other.backups_dir.glob("*.tmp")]


def test_cancelling_a_restore_changes_nothing(made: tuple[bytes, AppPaths], tmp_path: Path) -> None:
    sound, other = made
    path = tmp_path / "good.ocopbak"
    path.write_bytes(sound)
    before = listing(other.data_dir)
    with pytest.raises(Cancelled):
        restore_backup(path, PASS, other, _CancelAfter(2), replace=True)
    assert listing(other.data_dir) == before


def test_a_file_that_is_not_a_backup_is_named_as_such(made: tuple[bytes, AppPaths], tmp_path: Path) -> None:
    assert _refused_everywhere(b"PK\x03\x04 a zip, not a backup", PASS, made[1], tmp_path) == "not_backup"
