"""The command line: officers managed and taking turns with `--officer`, and `audit verify` naming the
entry where the log stops matching after an UPDATE or DELETE made with `sqlite3` outside the app."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from helpers.builders import make_product
from helpers.cli import Cli
from ocop_desktop.main import main
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.dossiers.service import DossierService


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path, paths: AppPaths) -> Cli:
    (tmp_path / "data").rename(tmp_path / "commune")  # the migrated template, as office "commune"
    run = Cli(capsys, tmp_path)
    run("commune", "init", "--role", "commune", "--unit", "00070", "--officer", "Nguyễn Văn An")
    return run


def _dossier(root: Path) -> tuple[str, str]:
    ctx = open_app(AppPaths.for_data_dir(root))
    try:
        product = make_product(ctx)
        return product, DossierService(ctx).create(product, "first").row.id
    finally:
        ctx.close()


def test_officers_take_turns_from_the_command_line(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    cli("commune", "officer", "add", "Lê Thị Bình", "--pin", "2468")
    listed = cli.json("commune", "officer", "list")
    assert [(o["name"], o["is_admin"], o["has_pin"]) for o in listed] == [
        ("Nguyễn Văn An", True, False),
        ("Lê Thị Bình", False, True),
    ]
    assert "Cần mã PIN" in cli("commune", "--officer", "Lê Thị Bình", "officer", "list", code=2)
    monkeypatch.setenv("OCOP_PIN", "2468")
    assert "quản trị" in cli("commune", "--officer", "le thi binh", "officer", "add", "X", code=2)
    monkeypatch.delenv("OCOP_PIN")
    cli("commune", "--officer", "Nguyễn Văn An", "officer", "rename", "Lê Thị Bình", "Lê Thị Bích")
    cli("commune", "officer", "deactivate", "Lê Thị Bích")
    assert "Không có cán bộ đang làm việc" in cli(
        "commune", "--officer", "Lê Thị Bích", "audit", "verify", code=2
    )
    entries = cli.json("commune", "audit", "list", "--table", "officer")
    assert [e["officer_name"] for e in entries[:3]] == ["Nguyễn Văn An"] * 3
    assert "nguyên vẹn" in cli("commune", "audit", "verify")


def _last_entry(db: Path, table: str, record: str) -> tuple[int, str]:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT seq, at FROM audit_entry WHERE table_name = ? AND record_id = ? ORDER BY seq DESC",
            (table, record),
        ).fetchone()
    return int(row[0]), str(row[1])


def test_an_update_outside_the_app_is_found_at_the_dossiers_last_entry(cli: Cli, tmp_path: Path) -> None:
    _product, dossier = _dossier(tmp_path / "commune")
    db = tmp_path / "commune" / "ocop.sqlite3"
    seq, at = _last_entry(db, "dossier", dossier)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE dossier SET status = 'received' WHERE id = ?", (dossier,))
    out = cli("commune", "audit", "verify", code=3)
    assert f"mục {seq} ({at}), bảng dossier, bản ghi {dossier}: bản ghi bị sửa ngoài ứng dụng" in out


def test_a_delete_outside_the_app_is_found(cli: Cli, tmp_path: Path) -> None:
    product, _dossier_id = _dossier(tmp_path / "commune")
    db = tmp_path / "commune" / "ocop.sqlite3"
    seq, _at = _last_entry(db, "product", product)
    with sqlite3.connect(db) as conn:  # the sqlite3 shell does not enforce foreign keys
        conn.execute("DELETE FROM product WHERE id = ?", (product,))
    out = cli("commune", "audit", "verify", code=3)
    assert f"bảng product, bản ghi {product}: bản ghi bị xóa ngoài ứng dụng sau mục {seq}" in out


def test_an_entry_edited_or_deleted_breaks_the_chain_there(cli: Cli, tmp_path: Path) -> None:
    _dossier(tmp_path / "commune")
    db = tmp_path / "commune" / "ocop.sqlite3"
    with sqlite3.connect(db) as conn:
        last = conn.execute("SELECT max(seq) FROM audit_entry").fetchone()[0]
        conn.execute("UPDATE audit_entry SET officer_name = 'Người khác' WHERE seq = ?", (last - 3,))
        conn.execute("DELETE FROM audit_entry WHERE seq = ?", (last - 1,))
    assert main(["--data-dir", str(tmp_path / "commune"), "audit", "verify", "--json"]) == 3
    out = cli("commune", "audit", "verify", code=3)
    assert f"- mục {last - 3} (" in out and "nội dung mục nhật ký đã bị sửa" in out
    assert f"- mục {last} (" in out and f"thiếu mục {last - 1}–{last - 1}" in out


def test_export_writes_a_workbook(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _dossier(tmp_path / "commune")
    out = tmp_path / "nhat-ky.xlsx"
    cli("commune", "audit", "export", "-o", str(out), "--table", "dossier")
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert rows and {r[5] for r in rows} == {"Hồ sơ"} and {r[7] for r in rows} == {"Thêm", "Niêm phong"}
    assert "status" in {r[8] for r in rows}
