"""Builders for the sync tests: two installations on real SQLite files, dossiers ready to send,
and ways to see that a database did not change."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from helpers.builders import TODAY, answer_everything, fill_producer_forms, make_product, provide_required
from helpers.dump import table_dump
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.setup import initialise
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.engines import save_configured_url

MAU03 = {
    "local_raw_material_percent": "80",
    "raw_material_assessment": "Nguyên liệu chủ yếu trong xã.",
    "workers_total": 20,
    "workers_local": 18,
    "labour_assessment": "Lao động địa phương.",
    "idea_origin": "truyen_thong",
    "idea_assessment": "Sản phẩm truyền thống.",
    "identity_assessment": "Gắn với văn hóa phố cổ.",
    "officer_conclusion": "Đủ điều kiện đề nghị tỉnh đánh giá.",
}


def open_installation(
    root: Path, template: Path, role: str, unit: str, officer: str, database: str | None = None
) -> AppContext:
    """A set-up office on its own data folder; `database`: on that PostgreSQL database instead of the
    folder's SQLite file (named in the folder's `database.json`, as a province desk has it)."""
    shutil.copytree(template, root)
    if database is not None:
        save_configured_url(root, database)
    ctx = open_app(AppPaths.for_data_dir(root))
    initialise(ctx, role, unit, officer)
    return ctx


@dataclass
class Pair:
    commune: AppContext
    province: AppContext
    folder: Path  # where packages travel ("the USB stick")

    def send(self, name: str) -> Path:
        return self.folder / name


def link(
    commune: AppContext, province: AppContext, folder: Path, *, replacing: AppContext | None = None
) -> None:
    """Enrollment of the commune at the province, then the province's reference pack at the commune,
    each confirmed with the fingerprint the other side reads out. `replacing`: the province office
    the commune trusted until now (a reinstalled province: a key change, acknowledged)."""
    cs, ps = PackageService(commune), PackageService(province)
    enroll = cs.export_enrollment(folder / "enroll.ocoppkg")
    ps.import_package(enroll.path, confirm_fingerprint=cs.own_keys().signing.readable)
    ref = ps.export_reference(folder / "reference.ocoppkg")
    old = PackageService(replacing).own_keys().signing.readable if replacing is not None else None
    cs.import_package(ref.path, confirm_fingerprint=ps.own_keys().signing.readable, confirm_key_change=old)


def ready_dossier(ctx: AppContext, files: Path, product_set: int = 13, **product: str) -> str:
    """A dossier through the commune's lifecycle up to "commune checked" (ready to send).
    `product` may name the commune, producer and product (see make_product)."""
    service = DossierService(ctx, today=TODAY)
    d = service.create(make_product(ctx, product_set, **product), "first")
    fill_producer_forms(service, d.row.id)
    provide_required(ctx, d.row.id, files)
    answer_everything(ctx, d.row.id)
    service.act(d.row.id, "mark_complete")
    d = service.act(d.row.id, "receive", on=TODAY)
    d = service.save_section(d.row.id, "mau03", MAU03, expected_revision=d.row.revision)
    service.act(d.row.id, "commune_check")
    return d.row.id


def resubmit(ctx: AppContext, dossier_id: str, plan: str) -> None:
    """After a return: reopen, correct, and take the dossier through the commune's steps again."""
    service = DossierService(ctx, today=TODAY)
    d = service.act(dossier_id, "reopen")
    d = service.save_section(dossier_id, "mau02_part4", {"plan": plan}, expected_revision=d.row.revision)
    service.act(dossier_id, "mark_complete")
    service.act(dossier_id, "receive", on=TODAY)
    service.act(dossier_id, "commune_check")


def db_state(ctx: AppContext) -> str:
    """SHA-256 of the database file after a WAL checkpoint: any committed change shows (on a server,
    of every row of every table)."""
    if ctx.engine.dialect.name != "sqlite":
        return hashlib.sha256("\n".join(table_dump(ctx.engine)).encode()).hexdigest()
    with ctx.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = hashlib.sha256(ctx.paths.db_path.read_bytes())
    wal = ctx.paths.db_path.with_name(ctx.paths.db_path.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def logical_dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def blob_files(ctx: AppContext) -> set[str]:
    root = ctx.paths.blobs_dir
    return {str(p.relative_to(root)) for p in root.rglob("*")} if root.exists() else set()


__all__ = [
    "TODAY",
    "Pair",
    "blob_files",
    "date",
    "db_state",
    "link",
    "logical_dump",
    "open_installation",
    "ready_dossier",
    "resubmit",
]
