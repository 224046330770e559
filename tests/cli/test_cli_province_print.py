"""Printing data of a round, read back from the PDFs; the province command line; advisory notes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from helpers.builders import pdf_file
from helpers.pdf import pdf_text
from helpers.province import MEMBERS, TODAY, answers_for, council, sent_dossier, sheet_of  # noqa: I001
from ocop_desktop.domain.errors import UserError
from ocop_desktop.main import main
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.province.advisory import AdvisoryService
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.print_data import council_matrix_data, print_round
from ocop_desktop.services.province.results import DecisionInput, ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService


def _decided_round(ctx: AppContext) -> dict[str, Any]:
    ids = [sent_dossier(ctx, n) for n in ("Cà phê Phin Vàng", "Cà phê Lệch Điểm")]
    for d in ids:
        InboxService(ctx, today=TODAY).accept(d)
    round_id = (
        RoundService(ctx).create(RoundInput(2026, 2, council_name="Hội đồng OCOP thành phố Hà Nội")).row.id
    )
    members = council(ctx, round_id)
    RoundService(ctx).assign(round_id, ids)
    sheet = sheet_of()
    for m in members:
        MemberScoreService(ctx).enter(round_id, ids[0], m, answers_for(sheet, 72))
    for m, total in zip(members, [60, 61, 74, 60, 62, 61, 60], strict=True):
        MemberScoreService(ctx).enter(round_id, ids[1], m, answers_for(sheet, total))
    AggregationService(ctx).aggregate_round(round_id)
    ResultService(ctx, today=TODAY).propose(round_id)
    ResultService(ctx, today=TODAY).decide(round_id, DecisionInput("321/QĐ-UBND", TODAY, "Nguyễn Văn Chủ"))
    return {"round": round_id, "ids": ids, "members": members}


def test_round_documents_print_filled(province_ctx: AppContext, tmp_path: Path) -> None:
    ctx = province_ctx
    made = _decided_round(ctx)
    data = council_matrix_data(ctx, made["round"], made["ids"][1], on=TODAY)
    assert data.totals == (60, 61, 74, 60, 62, 61, 60) and data.spread == 14
    assert data.stars is None  # not a valid result: no star is proposed
    assert "vượt 10 điểm" in data.conclusion and "TV3" in data.conclusion
    assert data.members[0] == f"{MEMBERS[0][0]} ({MEMBERS[0][2]})"
    assert data.signed.name == MEMBERS[0][0]  # the chair signs under the summary
    assert council_matrix_data(ctx, made["round"], made["ids"][0]).stars == 4

    matrices = print_round(ctx, made["round"], "council-matrix", tmp_path / "matrix")
    assert len(matrices) == 2
    text = pdf_text(matrices[0])
    assert "Cà phê Phin Vàng" in text and "72" in text and "HỘI ĐỒNG OCOP THÀNH PHỐ HÀ NỘI" in text
    [results] = print_round(ctx, made["round"], "results", tmp_path / "results")
    text = pdf_text(results)
    assert "321/QĐ-UBND" in text and "Cà phê Phin Vàng" in text and "Cà phê Lệch Điểm" not in text
    [certificate] = print_round(ctx, made["round"], "certificate", tmp_path / "certs")
    text = pdf_text(certificate)
    assert "Cà phê Phin Vàng" in text and "321/QĐ-UBND" in text
    with pytest.raises(UserError, match="không in theo đợt"):
        print_round(ctx, made["round"], "mau01", tmp_path)


def test_advisory_notes_keep_the_dossier_as_sent(province_ctx: AppContext, tmp_path: Path) -> None:
    ctx = province_ctx
    made = _decided_round(ctx)
    report = pdf_file(tmp_path, "bien-ban-kiem-tra.pdf", pages=1)
    advisory = AdvisoryService(ctx)
    note = advisory.add(
        made["round"],
        made["ids"][0],
        "site_visit",
        "Cơ sở sản xuất đạt yêu cầu.",
        noted_on=date(2026, 11, 10),
        file=report,
    )
    assert note.kind_label == "Biên bản kiểm tra thực tế" and note.file_path is not None
    assert note.file_path.read_bytes() == report.read_bytes()
    advisory.add(made["round"], made["ids"][0], "test_result", "Mẫu kiểm nghiệm bổ sung đạt.")
    assert [n.kind for n in advisory.rows(made["round"], made["ids"][0])] == ["site_visit", "test_result"]
    with pytest.raises(UserError):
        advisory.add(made["round"], made["ids"][0], "gossip", "x")
    bad = tmp_path / "virus.exe"
    bad.write_bytes(b"MZ not a document")
    with pytest.raises(UserError, match="Chỉ nhận"):
        advisory.add(made["round"], made["ids"][0], "other", "x", file=bad)
    assert len(advisory.rows(made["round"], made["ids"][0])) == 2


def _run(ctx: AppContext, capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code = main(["--data-dir", str(ctx.paths.data_dir), *argv])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out) if "--json" in argv else captured.out


def test_cli_round_from_creation_to_decision(
    province_ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = province_ctx
    ids = [sent_dossier(ctx, n) for n in ("Cà phê Dòng Lệnh", "Cà phê Hai Lệnh")]
    listed = _run(ctx, capsys, "inbox", "list", "--json")
    assert {r["status"] for r in listed} == {"sent"}
    for d in ids:
        _run(ctx, capsys, "inbox", "accept", d[:8])
    created = _run(ctx, capsys, "round", "create", "--year", "2026", "--number", "2", "--json")
    assert created[0]["cutoff"] == "2026-10-30"
    for name, role, org, _ in MEMBERS:
        _run(
            ctx,
            capsys,
            "council",
            "add-member",
            "2026-2",
            "--name",
            name,
            "--role",
            role,
            "--organisation",
            org,
        )
    _run(ctx, capsys, "round", "assign", "2026-2", *ids)
    sheet = sheet_of()
    for n, total in enumerate([80, 81, 79, 80, 82, 78, 80], start=1):
        answers = tmp_path / f"tv{n}.json"
        answers.write_text(json.dumps({"answers": answers_for(sheet, total)}), encoding="utf-8")
        row = _run(
            ctx,
            capsys,
            "score",
            "enter",
            "--member",
            f"TV{n}",
            "--dossier",
            ids[0],
            "--answers",
            str(answers),
            "--json",
        )
        assert row["total"] == total
    aggregated = _run(ctx, capsys, "round", "aggregate", "2026-2", "--json")
    assert aggregated["aggregated"][0]["total"] == 80 and aggregated["aggregated"][0]["star"] == 4
    assert "TV1" in aggregated["skipped"][0]["reason"]  # the second dossier has no sheets yet
    matrix = _run(ctx, capsys, "round", "matrix", "2026-2", "--dossier", ids[0], "--json")
    assert len(matrix["members"]) == 7 and matrix["totals"][4] == 82
    _run(ctx, capsys, "round", "propose", "2026-2")
    assert _run(ctx, capsys, "round", "five-star", "2026-2", "--json") == []
    decided = _run(
        ctx,
        capsys,
        "round",
        "decide",
        "2026-2",
        "--number",
        "77/QĐ-UBND",
        "--date",
        "20/11/2026",
        "--signer",
        "Nguyễn Văn Chủ",
        "--json",
    )
    assert decided["certificates"][0]["stars"] == 4
    shown = _run(ctx, capsys, "round", "show", "2026-2", "--json")
    assert shown["row"]["progress"]["decided"] == 1
    assert "Cà phê Dòng Lệnh" in _run(ctx, capsys, "round", "show", "2026-2")
    printed = _run(
        ctx, capsys, "round", "print", "certificate", "2026-2", "-o", str(tmp_path / "out"), "--json"
    )
    assert len(printed) == 1 and Path(printed[0]).read_bytes().startswith(b"%PDF")
    expiring = _run(ctx, capsys, "certificates", "expiring", "--json")
    assert expiring == []  # valid for 36 months

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"answers": {"1.1": 99}}), encoding="utf-8")
    code = main(
        [
            "--data-dir",
            str(ctx.paths.data_dir),
            "score",
            "enter",
            "--member",
            "TV9",
            "--dossier",
            ids[1],
            "--answers",
            str(bad),
        ]
    )
    assert code == 2 and "Không có thành viên “TV9”" in capsys.readouterr().err
    code = main(
        [
            "--data-dir",
            str(ctx.paths.data_dir),
            "round",
            "decide",
            "2026-2",
            "--number",
            "77/QĐ-UBND",
            "--date",
            "20/11/2026",
            "--signer",
            "X",
        ]
    )
    assert code == 2 and "Lỗi:" in capsys.readouterr().err


def test_evaluator_assignment_and_scores_round_trip(province_ctx: AppContext, tmp_path: Path) -> None:
    from ocop_desktop.services.province.evaluator_data import assignment, import_scores

    ctx = province_ctx
    ids = [sent_dossier(ctx, n) for n in ("Cà phê Ngoại Tuyến", "Cà phê Thứ Hai")]
    for d in ids:
        InboxService(ctx, today=TODAY).accept(d)
    round_id = RoundService(ctx).create(RoundInput(2026, 2)).row.id
    members = council(ctx, round_id)
    RoundService(ctx).assign(round_id, ids)
    AdvisoryService(ctx).add(round_id, ids[0], "review", "Hồ sơ đầy đủ.")
    work = assignment(ctx, round_id, members[2])
    assert work.member_label == "TV3" and [d.dossier_id for d in work.dossiers] == ids
    assert work.dossiers[0].advisory[0]["text"] == "Hồ sơ đầy đủ." and work.dossiers[0].current_sheet is None
    assert json.loads(json.dumps(work.to_json()))["schema"] == 1

    sheet = sheet_of()
    payload = {
        "schema": 1,
        "round_id": round_id,
        "member_id": members[2],
        "sheets": [
            {
                "dossier_id": d.dossier_id,
                "ruleset_hash": d.ruleset_hash,
                "answers": answers_for(sheet, 70 + k),
                "opinion": "Đạt",
            }
            for k, d in enumerate(work.dossiers)
        ],
    }
    checked = import_scores(ctx, payload, dry_run=True)
    assert [x.state for x in checked] == ["new", "new"]
    assert MemberScoreService(ctx).sheets(round_id, ids[0]) == []  # a dry run writes nothing
    assert [(x.state, x.total) for x in import_scores(ctx, payload)] == [("new", 70), ("new", 71)]
    assert [x.state for x in import_scores(ctx, payload)] == ["unchanged", "unchanged"]  # imported twice
    assert assignment(ctx, round_id, members[2]).dossiers[0].current_sheet is not None

    bad = {
        **payload,
        "sheets": [
            {**payload["sheets"][0], "answers": answers_for(sheet, 60)},
            {**payload["sheets"][1], "answers": {"1.1": 42}},
        ],
    }
    with pytest.raises(UserError, match="Phiếu thứ 2"):
        import_scores(ctx, bad)
    assert [x.total for x in MemberScoreService(ctx).sheets(round_id, ids[0])] == [70]  # all or nothing
    with pytest.raises(UserError, match="Không có thành viên"):
        import_scores(ctx, {**payload, "member_id": "someone-else"})
    with pytest.raises(UserError, match="định dạng"):
        import_scores(ctx, {"schema": 9})


def test_an_eliminated_product_is_explained_with_the_labels_of_the_rule_set(
    province_ctx: AppContext, tmp_path: Path
) -> None:
    ctx = province_ctx
    dossier = sent_dossier(ctx, "Cà phê Tạp Chất")
    InboxService(ctx, today=TODAY).accept(dossier)
    round_id = RoundService(ctx).create(RoundInput(2026, 2)).row.id
    members = council(ctx, round_id)
    RoundService(ctx).assign(round_id, [dossier])
    sheet = sheet_of()
    for i, m in enumerate(members):
        stops = ["foreign_matter"] if i == 1 else []
        MemberScoreService(ctx).enter(round_id, dossier, m, answers_for(sheet, 72), stops=stops)
    AggregationService(ctx).aggregate_round(round_id)
    label = sheet.reason_label("foreign_matter")
    assert label.startswith("Có tạp chất")
    data = council_matrix_data(ctx, round_id, dossier, on=TODAY)
    assert data.conclusion == f"Sản phẩm bị loại ({label})."
    [matrix] = print_round(ctx, round_id, "council-matrix", tmp_path / "matrix")
    text = pdf_text(matrix)
    assert "Có tạp chất không chấp nhận được" in text and "foreign_matter" not in text
