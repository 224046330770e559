"""`ocop-desktop inbox …` on a real store: accept and return with `--json`, and the advisory team's
notes on a dossier of a round (`inbox note`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers.builders import pdf_file
from helpers.province import TODAY, sent_dossier
from ocop_desktop.main import main
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.province.advisory import AdvisoryService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.rounds import RoundInput, RoundService


def _run(ctx: AppContext, capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> Any:
    result = main(["--data-dir", str(ctx.paths.data_dir), *argv])
    out, err = capsys.readouterr()
    assert result == code, out + err
    if code:
        return err
    return json.loads(out) if "--json" in argv else out


def test_accept_and_return_print_json(province_ctx: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    ctx = province_ctx
    taken, sent_back = sent_dossier(ctx, "Cà phê Nhận"), sent_dossier(ctx, "Cà phê Trả")
    assert _run(ctx, capsys, "inbox", "accept", taken[:8], "--json") == {"id": taken, "status": "accepted"}
    returned = _run(ctx, capsys, "inbox", "return", sent_back[:8], "--reason", "Thiếu mẫu 02.", "--json")
    assert returned == {"id": sent_back, "status": "returned"}
    table = _run(ctx, capsys, "inbox", "list")
    assert "Tỉnh trả lại để bổ sung" in table and "Tỉnh đã tiếp nhận" in table and "2 hồ sơ." in table


def test_the_package_duplicates_are_gone(
    province_ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    dossier = sent_dossier(province_ctx, "Cà phê Một Lệnh")
    for verb in (["accept", dossier], ["return", dossier, "--reasons", "x"]):
        with pytest.raises(SystemExit) as refused:
            main(["--data-dir", str(province_ctx.paths.data_dir), "package", *verb])
        assert refused.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_advisory_notes_from_the_command_line(
    province_ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = province_ctx
    dossier, outside = sent_dossier(ctx, "Cà phê Tư Vấn"), sent_dossier(ctx, "Cà phê Ngoài Đợt")
    InboxService(ctx, today=TODAY).accept(dossier)
    rounds = RoundService(ctx, today=TODAY)
    round_id = rounds.create(RoundInput(2026, 2)).row.id
    rounds.assign(round_id, [dossier])
    report = pdf_file(tmp_path, "bien-ban.pdf", pages=1)

    visit = _run(
        ctx,
        capsys,
        "inbox",
        "note",
        dossier[:8],
        "--kind",
        "site_visit",
        "--text",
        "Cơ sở sản xuất đạt yêu cầu.",
        "--on",
        "10/11/2026",
        "--file",
        str(report),
        "--json",
    )
    [row] = visit
    assert (row["kind"], row["text"], row["noted_on"], row["filename"]) == (
        "site_visit",
        "Cơ sở sản xuất đạt yêu cầu.",
        "2026-11-10",
        "bien-ban.pdf",
    )
    assert Path(row["file_path"]).read_bytes() == report.read_bytes()
    _run(ctx, capsys, "inbox", "note", dossier, "--round", "2026-2", "--text", "Hồ sơ đầy đủ.")

    listed = _run(ctx, capsys, "inbox", "note", dossier[:8], "--json")
    assert [(n["kind"], n["text"]) for n in listed] == [
        ("site_visit", "Cơ sở sản xuất đạt yêu cầu."),
        ("other", "Hồ sơ đầy đủ."),
    ]
    assert [n.id for n in AdvisoryService(ctx).rows(round_id, dossier)] == [n["id"] for n in listed]
    table = _run(ctx, capsys, "inbox", "note", dossier[:8])
    assert "Biên bản kiểm tra thực tế" in table and "10/11/2026" in table and "2 ghi chú." in table

    assert "chưa được phân vào đợt" in _run(ctx, capsys, "inbox", "note", outside[:8], "--text", "x", code=2)
    bad = tmp_path / "virus.exe"
    bad.write_bytes(b"MZ not a document")
    assert "Chỉ nhận" in _run(ctx, capsys, "inbox", "note", dossier[:8], "--file", str(bad), code=2)
    assert "không hợp lệ" in _run(
        ctx, capsys, "inbox", "note", dossier[:8], "--text", "x", "--on", "31/02/2026", code=2
    )
    assert len(AdvisoryService(ctx).rows(round_id, dossier)) == 2
