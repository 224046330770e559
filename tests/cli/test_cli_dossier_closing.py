"""`ocop-desktop dossiers withdraw | archive | restore`, `dossiers list --archived` on a real commune
store (issue 15)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from helpers.dossier_ui import sent_dossier
from ocop_desktop.main import main
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.store.models import DossierEvent


def _run(ctx: AppContext, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(ctx.paths.data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_withdraw_archive_and_restore_from_the_command_line(ctx: AppContext, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dossier = sent_dossier(ctx, tmp_path)
    code, _out, err = _run(ctx, capsys, "dossiers", "withdraw", dossier[:8], "--reason", " ")
    assert code == 2 and "lý do hủy" in err
    code, out, _err = _run(ctx, capsys, "dossiers", "withdraw", dossier[:8], "--reason", "Chủ thể rút hồ sơ")
    assert code == 0 and "Đã hủy hồ sơ" in out
    code, _out, err = _run(ctx, capsys, "dossiers", "archive", dossier[:8])
    assert code == 2 and "từ các năm trước" in err  # withdrawn this year
    with ctx.sessions.begin() as s:
        for e in s.scalars(select(DossierEvent).where(DossierEvent.dossier_id == dossier)):
            e.at = datetime(2025, 5, 1, tzinfo=UTC)
    assert _run(ctx, capsys, "dossiers", "archive", dossier[:8])[0] == 0
    assert json.loads(_run(ctx, capsys, "dossiers", "list", "--json")[1]) == []
    listed = json.loads(_run(ctx, capsys, "dossiers", "list", "--json", "--archived")[1])
    assert [(r["id"], r["status"], r["archived"]) for r in listed] == [(dossier, "withdrawn", True)]
    assert _run(ctx, capsys, "dossiers", "restore", dossier[:8])[0] == 0
    assert len(json.loads(_run(ctx, capsys, "dossiers", "list", "--json")[1])) == 1
