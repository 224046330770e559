"""What a data folder (or the database inside a backup) holds, in the words of a person deciding
whether to restore over it: which office, how many records, how much evidence, since when.

Read straight from the SQLite file, read-only: the data folder being described may belong to no open
store (a restore into it, a folder kept aside), and a backup's snapshot is never opened as a store."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

# what the account of a folder counts, with its Vietnamese label
COUNTED = {
    "producer": "chủ thể",
    "product": "sản phẩm",
    "dossier": "hồ sơ",
    "certificate": "giấy chứng nhận",
    "attachment": "tệp minh chứng đính kèm",
    "officer": "cán bộ",
}


@dataclass(frozen=True)
class DataSummary:
    office_name: str  # "" when the folder was never set up
    office_role: str
    unit_code: str
    schema: str  # the Alembic revision of the database
    counts: dict[str, int]
    blobs: int
    blob_bytes: int
    created_at: str = ""  # of the backup (ISO, local time), "" for a data folder
    app_version: str = ""
    kind: str = ""  # "manual" | "auto" for a backup

    @property
    def is_empty(self) -> bool:
        """Nothing a person made: no office set up, no record, no evidence (a store just opened)."""
        return not self.office_name and not any(self.counts.values()) and not self.blobs

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DataSummary:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    def lines(self) -> list[str]:
        """The account, one fact a line (Vietnamese)."""
        office = self.office_name or "(chưa thiết lập cơ quan)"
        out = [f"Cơ quan: {office}" + (f" — mã đơn vị {self.unit_code}" if self.unit_code else "")]
        if self.created_at:
            out.append(f"Sao lưu lúc: {_vn_time(self.created_at)}")
        out += [f"{COUNTED[k].capitalize()}: {self.counts.get(k, 0):,}".replace(",", ".") for k in COUNTED]
        out.append(
            f"Tệp minh chứng lưu trữ: {self.blobs:,} ({self.blob_bytes / 1e6:.1f} MB)".replace(",", ".")
        )
        return out


def _vn_time(iso: str) -> str:
    # 2026-12-03T20:47:00 -> 03/12/2026 20:47
    date, _, time = iso.partition("T")
    y, m, d = (date.split("-") + ["", "", ""])[:3]
    return f"{d}/{m}/{y} {time[:5]}".strip()


def summarise_database(db_path: Path) -> tuple[str, str, str, str, dict[str, int]]:
    """(office name, role, unit code, schema revision, counts) of one SQLite file."""
    # Not `mode=ro`: a read-only connection to a WAL database leaves its -wal and -shm files behind;
    # a plain one that changes nothing removes them again when it closes.
    conn = sqlite3.connect(db_path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        counts = {
            t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in COUNTED if t in tables
        }
        office = (
            conn.execute("SELECT name, role, unit_code FROM office WHERE is_self = 1").fetchone()
            if "office" in tables
            else None
        )
        schema = (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if "alembic_version" in tables
            else None
        )
    finally:
        conn.close()
    name, role, unit = office or ("", "", "")
    return name, role, unit, schema[0] if schema else "", counts


def summarise_folder(data_dir: Path, db_name: str, blob_paths: list[Path]) -> DataSummary | None:
    """The account of a data folder, or None when it holds no database (nothing to replace)."""
    db = data_dir / db_name
    if not db.is_file() or db.stat().st_size == 0:
        return None
    name, role, unit, schema, counts = summarise_database(db)
    return DataSummary(
        name, role, unit, schema, counts, len(blob_paths), sum(p.stat().st_size for p in blob_paths)
    )
