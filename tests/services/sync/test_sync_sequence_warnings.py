"""A sender's package numbers: a number reused by another package, an older number, and missing
numbers are warned in the preview (and shown by `package import --dry-run`); the gap warning says a
count and the first few numbers, and costs the same for a gap of 2^62 as for a gap of 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cli import Cli
from helpers.package_surgery import manifest_of, resign
from helpers.sync import Pair, ready_dossier
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.sync.service import PackageService


def _two_submissions(pair: Pair, tmp_path: Path) -> tuple[Path, Path]:
    commune = PackageService(pair.commune)
    ready_dossier(pair.commune, tmp_path / "a")
    first = commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True).path
    ready_dossier(pair.commune, tmp_path / "b", product="Trà Shan tuyết")
    second = commune.export_dossiers(pair.send("s2.ocoppkg"), pending=True).path
    return first, second


def _renumbered(pair: Pair, path: Path, sequence: int) -> Path:
    """The same package, numbered `sequence` and signed again with the commune's real key."""
    key = KeyStore(pair.commune.paths.keys_dir).signing_key()
    out = path.with_name(f"{path.stem}-as-{sequence}.ocoppkg")
    out.write_bytes(resign(path.read_bytes(), key, lambda m: m["sender"].update(sequence=sequence)))
    return out


def test_a_number_reused_by_another_package_is_warned(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _two_submissions(pair, tmp_path)
    province = PackageService(pair.province)
    assert province.import_package(first).preview.warnings == ()
    reused = _renumbered(pair, second, manifest_of(first.read_bytes())["sender"]["sequence"])

    [warning, chain] = province.preview(reused).warnings
    assert warning.startswith("Số thứ tự 2 của gói này đã được “UBND Phường Hoàn Kiếm” dùng cho một gói khác")
    assert chain.startswith("Chuỗi gói của bên gửi không khớp")  # number 1 was the enrollment
    out = Cli(capsys, tmp_path)("province", "package", "import", str(reused), "--dry-run")
    assert f"Lưu ý: {warning}" in out
    result = province.import_package(reused)  # a warning, not a refusal
    assert result.applied and warning in result.preview.warnings


def test_an_older_number_and_missing_numbers_are_warned(pair: Pair, tmp_path: Path) -> None:
    first, second = _two_submissions(pair, tmp_path)
    province = PackageService(pair.province)
    later = province.import_package(second)
    assert later.preview.warnings == (
        "Chưa nhận được 1 gói trước gói này từ “UBND Phường Hoàn Kiếm” (số 2); gói này vẫn được xử lý "
        "bình thường (mỗi hồ sơ mang trạng thái đầy đủ).",
    )
    assert province.preview(first).warnings == (
        "Gói này (số 2) cũ hơn gói số 3 đã nhận từ “UBND Phường Hoàn Kiếm”: các gói đến không theo thứ "
        "tự, hoặc máy bên gửi đã được khôi phục từ bản sao lưu.",
    )
    assert province.import_package(first).applied
    receipt = PackageService(pair.commune).import_package(later.receipt_path)  # type: ignore[arg-type]
    assert receipt.preview.warnings == ()  # the province's numbers: no gap expected from a province


@pytest.mark.parametrize("sequence", [1000, 2**62])
def test_the_gap_warning_is_a_count_and_a_few_numbers(pair: Pair, tmp_path: Path, sequence: int) -> None:
    first, _ = _two_submissions(pair, tmp_path)
    far = _renumbered(pair, first, sequence)
    [warning] = PackageService(pair.province).preview(far).warnings
    assert warning == (
        f"Chưa nhận được {sequence - 2} gói trước gói này từ “UBND Phường Hoàn Kiếm” (số 2, 3, 4, 5, 6…); "
        "gói này vẫn được xử lý bình thường (mỗi hồ sơ mang trạng thái đầy đủ)."
    )
    assert PackageService(pair.province).import_package(far).applied
