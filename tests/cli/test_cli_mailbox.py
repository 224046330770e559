"""`ocop-desktop mailbox …` between a commune and its province with only the mailbox (a real S3 server)
between them: the submission goes up, is fetched and imported, the receipt comes back and applies."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from helpers.cli import Cli
from helpers.mailbox import OFFICE, SeaweedServer
from helpers.sync import Pair, ready_dossier
from ocop_desktop.store.models import Dossier


def _configure(
    cli: Cli, office: str, server: SeaweedServer, bucket: str, secret: str, monkeypatch, *extra: str
) -> str:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(secret + "\n"))
    args = ["--endpoint", server.endpoint, "--bucket", bucket, "--access-key", OFFICE[0], "--secret-stdin"]
    return cli(office, "mailbox", "configure", *args, *extra, code=0)


def test_submission_and_receipt_travel_through_the_mailbox_only(
    pair: Pair,
    s3_server: SeaweedServer,
    s3_bucket: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cli = Cli(capsys, tmp_path)
    for office in ("commune", "province"):
        out = _configure(cli, office, s3_server, s3_bucket, OFFICE[1], monkeypatch)
        assert "Đã lưu cấu hình hộp thư" in out and OFFICE[1] not in out
    dossier = ready_dossier(pair.commune, tmp_path / "scans")
    sent = cli.json("commune", "package", "export", "--pending", "-o", str(tmp_path / "out" / "s1.ocoppkg"))
    waiting = cli.json("commune", "mailbox", "status")
    assert waiting["counts"] == {"queued": 2}  # the enrollment made by the link, and the submission

    up = cli.json("commune", "mailbox", "send")
    assert len(up["sent"]) == 2 and not up["stopped"]
    got = cli.json("province", "mailbox", "fetch")
    assert got["applied"] == [sent["package_id"]] and got["already"]  # the enrollment was imported before
    with pair.province.read() as s:
        assert s.get(Dossier, dossier) is not None
    queued = cli.json("province", "mailbox", "status")["items"]
    assert sorted(i["kind"] for i in queued if i["state"] == "queued") == ["receipt", "reference"]
    assert len(cli.json("province", "mailbox", "send")["sent"]) == 2  # the receipt and the reference pack
    back = cli.json("commune", "mailbox", "fetch")
    assert len(back["applied"]) == 1 and not back["refused"]
    final = {i["package_id"]: i for i in cli.json("commune", "mailbox", "status")["items"]}
    assert final[sent["package_id"]]["state"] == "receipted"
    assert final[sent["package_id"]]["state_label"] == "Tỉnh đã nhận (có biên nhận)"
    again = cli.json("commune", "mailbox", "fetch")
    assert again["downloaded"] == [] and again["applied"] == []  # imported packages are not fetched again


def test_wrong_secret_is_a_plain_error_and_the_secret_never_printed(
    pair: Pair,
    s3_server: SeaweedServer,
    s3_bucket: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cli = Cli(capsys, tmp_path)
    _configure(cli, "commune", s3_server, s3_bucket, "sai-khoa-bi-mat", monkeypatch)
    err = cli("commune", "mailbox", "send", code=2)
    assert err.startswith("Lỗi: Hộp thư từ chối mã truy cập hoặc khóa bí mật") and "sai-khoa" not in err
    status = cli.json("commune", "mailbox", "status", "--probe")
    assert status["reachable"] is False and "sai-khoa" not in json.dumps(status)
    assert status["items"][0]["last_error"] == ""  # nothing was attempted: the probe said it first


def test_a_province_that_reviews_first_leaves_submissions_waiting(
    pair: Pair,
    s3_server: SeaweedServer,
    s3_bucket: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cli = Cli(capsys, tmp_path)
    _configure(cli, "commune", s3_server, s3_bucket, OFFICE[1], monkeypatch)
    _configure(cli, "province", s3_server, s3_bucket, OFFICE[1], monkeypatch, "--review")
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = cli.json("commune", "package", "export", "--pending", "-o", str(tmp_path / "out" / "s1.ocoppkg"))
    cli.json("commune", "mailbox", "send")
    got = cli.json("province", "mailbox", "fetch")
    assert got["applied"] == [] and [w["package_id"] for w in got["waiting"]] == [sent["package_id"]]
    assert "Chờ cán bộ của tỉnh" in got["waiting"][0]["reason"]
    done = cli.json("province", "package", "import", got["waiting"][0]["path"])  # the officer's import
    assert done["applied"]
    assert cli.json("province", "mailbox", "fetch")["already"]  # and the mailbox knows it is done
