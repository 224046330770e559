"""What the next start after a kill must find (benchmarks/kill_trials.py): the invariants, counted.

Each `check_*` opens the store as the next start would (which finishes or rolls back what the killed
job left) and counts every fault in a `Tally`: lost records, "sent" dossiers without a package,
sequence gaps, recorded packages missing, files not recorded, temp files left.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Tally:
    trials: int = 0
    kills: int = 0
    finished: int = 0  # the job ended before the kill
    faults: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    seen: Counter[str] = field(default_factory=Counter)  # what the kills left, for the report (not faults)

    def fault(self, what: str, example: str) -> None:
        self.faults[what] += 1
        if len(self.examples) < 20:
            self.examples.append(f"{what}: {example}")


@dataclass
class Offices:
    root: Path
    commune: Path
    province: Path
    usb: Path
    dossier_id: str


# -- what the next start must find -----------------------------------------------------------------
def leftovers(data_dir: Path, *folders: Path) -> list[str]:
    """Temp files of killed jobs still there after the next start (backups: `.snapshot-*`, a `.partial` on
    the stick, `backup-writes/`; restores: `.restore-*` staging, `.renames.json`)."""
    found = []
    for base in (data_dir, *folders):
        for path in base.rglob("*"):
            name = path.name
            if (
                name.endswith(".part")
                or name.startswith((".incoming-", ".staging-", ".restore-", ".snapshot-", ".renames"))
                or name.endswith(".partial")
                or (name.endswith(".tmp") and name.startswith("."))
                or path.parent.name in ("publishing", "backup-writes")
            ):
                found.append(str(path.relative_to(base)))
    return found


def next_start(data_dir: Path) -> Any:
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app

    return open_app(AppPaths.for_data_dir(data_dir))


def check_upgrade(tally: Tally, folder: Path, codes: list[str]) -> None:
    from ocop_desktop.store.database import head_revision_fast

    try:
        ctx = next_start(folder)
    except Exception as exc:  # noqa: BLE001 - a store that does not open is what is counted
        tally.fault("store does not open", f"{folder}: {exc}")
        return
    ctx.close()
    with sqlite3.connect(folder / "ocop.sqlite3") as conn:
        have = {r[0] for r in conn.execute("SELECT code FROM admin_unit WHERE code LIKE '9%'")}
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        sound = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if set(codes) - have:
        tally.fault("lost records", f"{folder}: {sorted(set(codes) - have)}")
    if version != head_revision_fast():
        tally.fault("not at head", f"{folder}: {version}")
    if sound != "ok":
        tally.fault("integrity", f"{folder}: {sound}")
    backups = sorted((folder / "backups").glob("*.sqlite3")) if (folder / "backups").exists() else []
    if len(backups) > 1:
        tally.fault("more than one backup for one upgrade", f"{folder}: {[b.name for b in backups]}")
    for b in backups:
        with sqlite3.connect(b) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                tally.fault("broken backup", str(b))
    for left in leftovers(folder):
        tally.fault("temp files left", f"{folder}: {left}")


def check_export(tally: Tally, o: Offices, dossier_count: int) -> None:
    from sqlalchemy import select

    from ocop_desktop.store.models import Dossier, SyncDossierState, SyncPackage

    ctx = next_start(o.commune)
    try:
        with ctx.read() as s:
            out = list(s.scalars(select(SyncPackage).where(SyncPackage.direction == "out")))
            numbers = sorted(p.sequence for p in out)
            if numbers != list(range(1, len(numbers) + 1)):
                tally.fault("sequence gaps", str(numbers))
            by_id = {p.id: p for p in out if p.kind == "submission"}
            for p in by_id.values():
                if not (o.usb / p.file_name).is_file():
                    tally.fault("recorded package missing", p.file_name)
            names = {p.file_name for p in by_id.values()}
            for f in o.usb.glob("s-*.ocoppkg"):
                if f.name not in names:
                    tally.fault("package file not recorded", f.name)
            dossiers = list(s.scalars(select(Dossier)))
            if len(dossiers) != dossier_count:
                tally.fault("lost records", f"{len(dossiers)} dossiers")
            for d in dossiers:
                state = s.get(SyncDossierState, d.id)
                sent_in = by_id.get(state.last_sent_package_id or "") if state else None
                if d.status == "sent" and (sent_in is None or not (o.usb / sent_in.file_name).is_file()):
                    tally.fault("'sent' dossiers without a package", d.id)
    finally:
        ctx.close()
    for left in leftovers(o.commune, o.usb):
        tally.fault("temp files left", left)


def check_import(tally: Tally, folder: Path, usb: Path, package_id: str) -> None:
    from sqlalchemy import select

    from ocop_desktop.store.blobs import BlobStore
    from ocop_desktop.store.models import Attachment, SyncPackage

    ctx = next_start(folder)
    try:
        with ctx.read() as s:
            row = s.get(SyncPackage, package_id)
            shas = set(s.scalars(select(Attachment.blob_sha256)))
            receipts = list(s.scalars(select(SyncPackage).where(SyncPackage.kind == "receipt")))
        store = BlobStore(ctx.paths.blobs_dir)
        on_disk = [p for p in ctx.paths.blobs_dir.glob("*/*")] if ctx.paths.blobs_dir.exists() else []
        if row is None and (shas or on_disk):
            tally.fault("scans of a package not imported", f"{len(shas)} rows, {len(on_disk)} files")
        if row is not None and not all(store.has(sha) for sha in shas):
            tally.fault("lost records", "attachment without its scan")
        if row is not None and not shas:
            tally.fault("lost records", "imported without its attachments")
        for r in receipts:
            if not (usb / "receipts" / r.file_name).is_file():
                tally.fault("recorded receipt missing", r.file_name)
        if row is None and any((usb / "receipts").glob("*.ocoppkg")):
            tally.fault("receipt of a package not imported", str(list((usb / "receipts").iterdir())))
    finally:
        ctx.close()
    for left in leftovers(folder, usb):
        tally.fault("temp files left", left)


def check_evidence(tally: Tally, folder: Path) -> None:
    from sqlalchemy import select

    from ocop_desktop.store.blobs import BlobStore
    from ocop_desktop.store.models import Attachment

    ctx = next_start(folder)
    try:
        with ctx.read() as s:
            shas = list(s.scalars(select(Attachment.blob_sha256)))
        store = BlobStore(ctx.paths.blobs_dir)
        for sha in shas:
            if not store.has(sha):
                tally.fault("lost records", f"attachment {sha[:12]} without its blob")
    finally:
        ctx.close()
    for left in leftovers(folder):
        tally.fault("temp files left", left)
