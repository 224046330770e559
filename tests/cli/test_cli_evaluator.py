"""The evaluator packages through `ocop-desktop package …` and `ocop-desktop evaluator …`,
between a province and an evaluator laptop (two data folders)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.builders import pdf_file
from helpers.cli import Cli
from helpers.evaluator import attach  # noqa: I001
from helpers.province import TODAY, answers_for, council, sent_dossier, sheet_of
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService


def test_evaluator_round_trip_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli, usb = Cli(capsys, tmp_path), tmp_path / "usb"
    usb.mkdir()
    cli("province", "init", "--role", "province", "--unit", "01", "--officer", "Trần Thị Bình")
    cli("laptop", "init", "--role", "evaluator", "--unit", "01", "--officer", "Nguyễn Văn Chủ")
    ctx = open_app(AppPaths.for_data_dir(tmp_path / "province"))
    try:
        dossier = sent_dossier(ctx, "Cà phê Năm Sao")
        InboxService(ctx, today=TODAY).accept(dossier)
        attach(ctx, dossier, pdf_file(tmp_path, "dkkd.pdf"))
        round_id = RoundService(ctx, today=TODAY).create(RoundInput(2026, 2)).row.id
        members = council(ctx, round_id)
        RoundService(ctx, today=TODAY).assign(round_id, [dossier])
        for member in members[1:]:
            MemberScoreService(ctx).enter(
                round_id, dossier, member, answers_for(sheet_of(), 95, keep_floors=5)
            )
    finally:
        ctx.close()

    enroll = cli.json("laptop", "package", "enroll", "-o", str(usb / "enroll.ocoppkg"))
    dry = cli.json("province", "package", "import", str(usb / "enroll.ocoppkg"), "--dry-run")
    assert dry["needs_confirmation"] and dry["fingerprint_to_confirm"] == enroll["fingerprint"]
    err = cli(
        "province",
        "package",
        "import",
        str(usb / "enroll.ocoppkg"),
        "--confirm-fingerprint",
        enroll["fingerprint"],
        code=2,
    )
    assert "--member" in err
    out = cli(
        "province",
        "package",
        "import",
        str(usb / "enroll.ocoppkg"),
        "--confirm-fingerprint",
        enroll["fingerprint"],
        "--round",
        "2026-2",
        "--member",
        "TV1",
    )
    assert "gắn với TV1" in out
    assert cli.json("province", "evaluator", "links", "2026-2")[0]["member_label"] == "TV1"

    sent = cli.json(
        "province",
        "package",
        "export",
        "--kind",
        "evaluator-assignment",
        "--round",
        "2026-2",
        "--member",
        "TV1",
        "-o",
        str(usb / "a.ocoppkg"),
    )
    assert sent["encrypted"] and sent["blobs"] == 1 and sent["kind"] == "evaluator_assignment"
    province_fp = cli.json("province", "package", "keys")["signing"]["readable"]
    dry = cli.json("laptop", "package", "import", str(usb / "a.ocoppkg"), "--dry-run")
    assert dry["needs_confirmation"] and dry["counts"]["new"] == 1
    out = cli("laptop", "package", "import", str(usb / "a.ocoppkg"), "--confirm-fingerprint", province_fp)
    assert "Đã nhập gói" in out
    assert "trước đây" in cli("laptop", "package", "import", str(usb / "a.ocoppkg"))

    listed = cli.json("laptop", "evaluator", "dossiers")
    assert [d["product_name"] for d in listed["dossiers"]] == ["Cà phê Năm Sao"]
    answers = usb / "answers.json"
    answers.write_text(json.dumps({"answers": answers_for(sheet_of(), 95, keep_floors=5)}), encoding="utf-8")
    scored = cli.json("laptop", "evaluator", "score", dossier[:8], "--answers", str(answers))
    assert scored["complete"] and scored["total"] == 95
    shown = cli.json("laptop", "evaluator", "show", dossier[:8])
    assert shown["evidence"][0]["filename"] == "dkkd.pdf" and Path(shown["evidence"][0]["path"]).is_file()

    cli("laptop", "package", "export", "--kind", "evaluator-scores", "-o", str(usb / "scores.ocoppkg"))
    dry = cli.json("province", "package", "import", str(usb / "scores.ocoppkg"), "--dry-run")
    assert dry["counts"]["new"] == 1
    out = cli("province", "package", "import", str(usb / "scores.ocoppkg"))
    assert "Biên nhận" in out
    assert "Đã nhập gói" in cli("laptop", "package", "import", str(usb / "scores.receipt.ocoppkg"))

    agg = cli.json("province", "round", "aggregate", "2026-2")
    assert (
        agg["aggregated"][0]["present"] == 7 and sorted(agg["aggregated"][0]["totals"].values()) == [95] * 7
    )
    cli("province", "round", "propose", "2026-2")
    cli(
        "province",
        "package",
        "export",
        "--kind",
        "five-star",
        "--round",
        "2026-2",
        "-o",
        str(usb / "5.ocoppkg"),
    )
    out = cli("province", "package", "verify", str(usb / "5.ocoppkg"))
    assert "chữ ký hợp lệ (chính máy này" in out and "Cà phê Năm Sao" in out
    checked = cli.json("laptop", "package", "inspect", str(usb / "5.ocoppkg"))
    assert checked["signer"] == "trusted" and checked["products"][0]["star"] == 5
    assert "không nhập" in cli("province", "package", "import", str(usb / "5.ocoppkg"), code=2)
