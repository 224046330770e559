"""`package verify | inspect | import --dry-run` on well-signed packages that break the schema or the
JSON limits (issue 19): a one-line refusal naming the record and the field, never "Gói hợp lệ",
never a traceback, and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cli import Cli
from helpers.record_surgery import make_surgeon, snapshot
from helpers.sync import Pair

DEEP = 50_000


def without_logs(state: tuple[object, ...]) -> tuple[object, ...]:
    """The command line opens its log file in the data folder: the one change it may make."""
    *rest, files = state
    assert isinstance(files, list)
    return (*rest, [f for f in files if not f[0].startswith("logs")])


def test_verify_says_why_a_record_is_invalid(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    surgeon = make_surgeon(pair, tmp_path / "scans")
    capsys.readouterr()
    cli = Cli(capsys, tmp_path)
    bad = surgeon.write(surgeon.with_record(lambda rec: rec["data"]["dossier"].update(product_set=27)))
    before = snapshot(pair.province)
    for command in (("verify", str(bad)), ("import", str(bad), "--dry-run"), ("import", str(bad))):
        err = cli("province", "package", *command, code=2)
        assert err.startswith("Lỗi: Hồ sơ “records/") and "data.dossier.product_set" in err, err
        assert "bộ sản phẩm 27" in err and "Gói hợp lệ" not in err and "Traceback" not in err
    assert without_logs(snapshot(pair.province)) == without_logs(before)
    assert "Gói hợp lệ" in cli(
        "province", "package", "verify", str(surgeon.write(surgeon.good, "good2.ocoppkg"))
    )


def test_inspect_refuses_a_deeply_nested_manifest(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    surgeon = make_surgeon(pair, tmp_path / "scans")
    capsys.readouterr()
    nested = surgeon.with_manifest_text(
        lambda t: t.replace('"format":', '"padding": ' + "[" * DEEP + "]" * DEEP + ', "format":', 1)
    )
    target = surgeon.write(nested)
    for command in ("inspect", "verify"):
        err = Cli(capsys, tmp_path)("province", "package", command, str(target), code=2)
        assert err.startswith("Lỗi: Tệp “manifest.json”") and "lồng nhau quá 64 tầng" in err, err
        assert "Traceback" not in err and "RecursionError" not in err
