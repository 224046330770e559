"""The recorder on real stores: rows the database deletes by cascade, bulk writes, records that predate
the log, and imports attributed to the office that sent them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, update

from helpers.builders import make_product
from helpers.sync import Pair, ready_dossier
from ocop_desktop.services.core.audit import AuditFilter, AuditService
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.audit import AUDIT, mark_pending, seal_if_pending
from ocop_desktop.store.models import ChecklistItem, Dossier, Producer


def test_rows_deleted_by_the_database_cascade_are_logged(ctx: AppContext) -> None:
    dossier = DossierService(ctx).create(make_product(ctx), "first").row.id
    with ctx.read() as s:
        items = set(s.scalars(select(ChecklistItem.id).where(ChecklistItem.dossier_id == dossier)))
    assert items
    with ctx.unit_of_work() as s:  # the ORM knows nothing of the checklist: ON DELETE CASCADE removes it
        s.delete(s.get(Dossier, dossier))
    deleted = AuditService(ctx).entries(AuditFilter(dossier_id=dossier, action="delete"))
    assert {e.record_id for e in deleted if e.table_name == "checklist_item"} == items
    assert AuditService(ctx).verify().ok


def test_a_bulk_write_that_skips_the_log_is_refused(ctx: AppContext) -> None:
    make_product(ctx)
    with pytest.raises(RuntimeError, match="outside the audit log"), ctx.unit_of_work() as s:
        s.execute(update(Producer).values(phone="0900000000"))
    with ctx.read() as s:
        assert s.scalars(select(Producer.phone)).all() == ["0912345678"]


@pytest.mark.sqlite_only  # edits the SQLite file itself, as a person with sqlite3 would
def test_records_older_than_the_log_are_sealed_then_guarded(ctx: AppContext) -> None:
    AUDIT.enabled = False  # as a database written before this release
    try:
        make_product(ctx)
    finally:
        AUDIT.enabled = True
    assert {p.table_name for p in AuditService(ctx).verify().problems} == {"producer", "product"}
    with ctx.engine.begin() as conn:
        mark_pending(conn)
    assert seal_if_pending(ctx.engine) and not seal_if_pending(ctx.engine)
    assert AuditService(ctx).verify().ok
    with sqlite3.connect(ctx.paths.db_path) as conn:
        conn.execute("UPDATE producer SET phone = '0900000000'")
    problems = AuditService(ctx).verify().problems
    assert [(p.kind, p.table_name, p.message) for p in problems] == [
        ("table", "producer", "bảng khác nhật ký (dòng bị sửa ngoài ứng dụng)")
    ]


def test_an_import_is_attributed_to_the_sending_office(pair: Pair, tmp_path: Path) -> None:
    dossier = ready_dossier(pair.commune, tmp_path / "scans")
    sent = PackageService(pair.commune).export_dossiers(pair.send("s1.ocoppkg"), pending=True)
    PackageService(pair.province).import_package(sent.path)
    entries = AuditService(pair.province).dossier_history(dossier)
    assert entries and {e.source for e in entries} == {"import"}
    assert {e.office_name for e in entries} == {"UBND Phường Hoàn Kiếm"}
    assert {e.officer_name for e in entries} == {"Trần Thị Bình"}  # who imported it at the province
    assert {"dossier", "checklist_item", "attachment", "score_sheet", "dossier_event"} <= {
        e.table_name for e in entries
    }
    assert AuditService(pair.province).verify().ok and AuditService(pair.commune).verify().ok


@pytest.mark.sqlite_only  # edits the SQLite file itself, as a person with sqlite3 would
def test_province_sample_data_is_sealed_in_bulk(
    empty_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocop_desktop.services.demo import load
    from ocop_desktop.services.demo import province as volume

    monkeypatch.setitem(load.SCALES, "province", (6, 12))  # the province's shape, a few products
    monkeypatch.setattr(volume, "ATTACHMENTS", 40)
    load.load_demo_data(empty_ctx, scale="province", seed=3)
    bulk = AuditService(empty_ctx).entries(AuditFilter(action="bulk"))
    assert {e.table_name for e in bulk} >= {"dossier", "score_sheet", "checklist_item", "certificate"}
    assert all(e.source == "bulk" and e.after["rows"] > 0 for e in bulk if e.table_name == "dossier")
    assert AuditService(empty_ctx).verify().ok
    with sqlite3.connect(empty_ctx.paths.db_path) as conn:
        conn.execute("DELETE FROM checklist_item WHERE rowid = (SELECT min(rowid) FROM checklist_item)")
    problems = AuditService(empty_ctx).verify().problems
    assert [(p.table_name, p.message) for p in problems] == [
        ("checklist_item", "bảng khác nhật ký (1 dòng mất ngoài ứng dụng)")
    ]


def test_the_paced_background_check_finds_what_the_full_check_finds(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: the GUI's check reads small batches and sleeps after each; batch edges change nothing."""
    import importlib

    verify_module = importlib.import_module("ocop_desktop.store.audit.verify")

    products = [make_product(ctx, product=f"Sản phẩm {i}", producer=f"HTX {i}") for i in range(5)]
    with sqlite3.connect(ctx.paths.db_path) as conn:
        conn.execute("UPDATE product SET name = 'Sửa ngoài' WHERE id = ?", (products[3],))
    full = AuditService(ctx).verify()
    monkeypatch.setattr(verify_module, "PACED_BATCH", 2)  # edges inside every table
    paced = AuditService(ctx).verify(pause=0.0001)
    assert not full.ok and paced.problems == full.problems and paced.rows == full.rows
    assert [p.record_id for p in paced.problems] == [products[3]]
