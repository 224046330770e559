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
from ocop_desktop.main import main
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


def test_sync_sends_then_fetches_and_watch_backs_off_while_the_endpoint_is_silent(
    pair: Pair,
    s3_server: SeaweedServer,
    s3_bucket: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cli = Cli(capsys, tmp_path)
    for office in ("commune", "province"):
        _configure(cli, office, s3_server, s3_bucket, OFFICE[1], monkeypatch)
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = cli.json("commune", "package", "export", "--pending", "-o", str(tmp_path / "out" / "s1.ocoppkg"))
    up = cli.json("commune", "mailbox", "sync")
    assert len(up["sent"]["sent"]) == 2 and up["fetched"] is not None and not up["stopped"]
    province = cli.json("province", "mailbox", "sync")  # fetches the submission, then its receipt goes
    assert province["fetched"]["applied"] == [sent["package_id"]]
    assert len(province["sent"]["sent"]) == 2  # the reference pack, then the receipt the import queued
    back = cli.json("commune", "mailbox", "sync")
    assert len(back["fetched"]["applied"]) == 1

    class Enough(BaseException):  # not an error the command catches: the end of the loop
        pass

    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 3:
            raise Enough()

    monkeypatch.setattr("ocop_desktop.cli.mailbox.time.sleep", sleep)
    monkeypatch.setattr("sys.stdin", io.StringIO(OFFICE[1] + "\n"))
    silent = ["--endpoint", "http://127.0.0.1:9", "--bucket", s3_bucket, "--access-key", OFFICE[0]]
    cli("commune", "mailbox", "configure", *silent, "--secret-stdin", code=0)
    with pytest.raises(Enough):
        main(
            ["--data-dir", str(tmp_path / "commune"), "mailbox", "sync", "--watch", "--json", "--every", "1"]
        )
    rounds = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert len(rounds) == 3 and all(r["stopped"] and r["transient"] for r in rounds)
    assert waits == [120.0, 240.0, 480.0]  # doubled while nothing answers (minutes → seconds)


def test_the_province_gives_an_office_its_key_which_its_reference_pack_carries(
    pair: Pair,
    s3_server: SeaweedServer,
    s3_bucket: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cli = Cli(capsys, tmp_path)
    _configure(cli, "province", s3_server, s3_bucket, OFFICE[1], monkeypatch)
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(OFFICE[1] + "\n", encoding="utf-8")
    commune = pair.commune.office().id
    out = cli(
        "province",
        "mailbox",
        "office-credentials",
        "00070",
        "--access-key",
        OFFICE[0],
        "--secret-file",
        str(secret_file),
    )
    assert "Đã lưu mã truy cập hộp thư" in out and OFFICE[1] not in out
    listed = cli.json("province", "mailbox", "office-credentials")
    assert [(r["office_id"], r["access_key"]) for r in listed] == [(commune, OFFICE[0])]
    assert OFFICE[1] not in json.dumps(listed)
    err = cli("province", "mailbox", "office-credentials", "00070", code=2)
    assert "--access-key" in err
    ref = cli.json("province", "package", "export", "--reference", "-o", str(tmp_path / "ref.ocoppkg"))
    done = cli.json("commune", "package", "import", ref["path"])
    assert done["applied"] and done["mailbox"] == "installed"
    status = cli.json("commune", "mailbox", "status", "--probe")
    assert status["reachable"] is True and status["settings"]["source"] == "province"
    assert OFFICE[1] not in json.dumps(status)
    out = cli("province", "mailbox", "office-credentials", "00070", "--remove")
    assert "Đã bỏ mã truy cập" in out and cli.json("province", "mailbox", "office-credentials") == []
