"""`ocop-desktop round five-star | ministry-result | decide` and `council configure --five-star-rule`
on a real store: a ≥ 90-point product missing a 5★ floor is listed for the ministry with that floor;
the ministry's 87 points / 4★ lets the province recognise 4★ in its own decision."""

from __future__ import annotations

import json
from typing import Any

import pytest

from helpers.province import five_star_round
from ocop_desktop.main import main
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService


def _run(ctx: AppContext, capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> Any:
    result = main(["--data-dir", str(ctx.paths.data_dir), *argv])
    out, err = capsys.readouterr()
    assert result == code, out + err
    if code:
        return err
    return json.loads(out) if "--json" in argv else out


def test_ministry_result_then_the_province_s_own_decision(
    province_ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = province_ctx
    _round_id, near, _full = five_star_round(ctx)
    proposed = {e["dossier_id"]: e for e in _run(ctx, capsys, "round", "propose", "2026-2", "--json")}
    assert proposed[near]["proposed_star"] == 5 and proposed[near]["star"] == 4
    listing = _run(ctx, capsys, "round", "five-star", "2026-2")
    assert "Cà phê Chín Chín" in listing and "7 (5★)" in listing and "đạt đủ" in listing

    ministry = ["round", "ministry-result", "2026-2", "--dossier", near[:8], "--number", "45/QĐ-BNNMT"]
    err = _run(ctx, capsys, *ministry, "--date", "10/11/2026", "--stars", "5", "--points", "87", code=2)
    assert "cần từ 90 điểm" in err
    assert DossierService(ctx).get(near).five_star[-1] == "Chưa có kết quả của Bộ."  # nothing written
    [row] = _run(ctx, capsys, *ministry, "--date", "10/11/2026", "--stars", "4", "--points", "87", "--json")
    assert (row["status"], row["central_stars"], row["central_total"]) == ("central_result", 4, 87)

    decided = _run(
        ctx, capsys, "round", "decide", "2026-2", "--number", "1300/QĐ-UBND", "--date", "20/11/2026",
        "--signer", "Nguyễn Văn Chủ", "--json",
    )  # fmt: skip
    assert [(c["stars"], c["total"], c["issuing_level"]) for c in decided["certificates"]] == [
        (4, 87, "province")
    ]


def test_the_stricter_reading_is_set_per_round(
    province_ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = province_ctx
    five_star_round(ctx)
    [r] = _run(
        ctx, capsys, "council", "configure", "2026-2", "--five-star-rule", "points_and_floors", "--json"
    )
    assert r["five_star_rule"] == "points_and_floors"
    _run(ctx, capsys, "round", "aggregate", "2026-2")
    proposed = _run(ctx, capsys, "round", "propose", "2026-2", "--json")
    assert sorted(e["proposed_star"] for e in proposed) == [4, 5]
