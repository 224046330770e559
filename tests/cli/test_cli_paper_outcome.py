"""`ocop-desktop dossiers paper-outcome …` on a real commune store: a province outcome received on paper,
refused without what the document says, recorded with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.dossier_ui import sent_dossier
from ocop_desktop.main import main
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService


def _run(ctx: AppContext, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(ctx.paths.data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_paper_return_from_the_command_line(ctx: AppContext, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dossier = sent_dossier(ctx, tmp_path)
    base = ["dossiers", "paper-outcome", dossier[:8], "--outcome", "return", "--number", "125/SNNMT"]
    paper = [*base, "--date", "01/12/2026", "--signer", "Trần Văn Hùng", "--via", "Bưu điện"]
    code, _out, err = _run(ctx, capsys, *paper)
    assert code == 2 and "lý do tỉnh trả lại" in err
    code, out, _err = _run(ctx, capsys, *paper, "--content", "Bổ sung phiếu kiểm nghiệm.", "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["status"] == "returned" and "số 125/SNNMT ngày 01/12/2026" in shown["note"]
    assert DossierService(ctx).get(dossier).events[-1].on_paper
