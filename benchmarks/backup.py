"""Backup benchmark (issue 17), JSON on stdout (and in benchmarks/results/backup.json with --save).

A commune data folder with ~200 MB of evidence (incompressible random scans of 0.5–4 MB, stored
through `BlobStore` as the application stores them), then, in one run: `backup create` (snapshot +
scrypt + AES-256-GCM + SHA-256 of every member, written under a temp name and renamed), `restore`
into an empty folder (decrypt, hash, integrity check, rename into place), and a plain copy of the same
folder (`shutil.copytree`, what "copy the folder to a USB stick" costs) for the ratio. MB/s count the
data folder's bytes. The file cache is warm for all three (each reads what the one before read).

Run: uv run python benchmarks/backup.py [--mb 200] [--save]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.backup.create import create_backup  # noqa: E402
from ocop_desktop.services.backup.restore import restore_backup  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.store.blobs import BlobStore  # noqa: E402

PASSPHRASE = "mật khẩu benchmark đủ dài"


def folder_bytes(root: Path) -> int:
    """The data folder's bytes, its logs left out (a backup does not carry them)."""
    return sum(
        p.stat().st_size for p in root.rglob("*") if p.is_file() and "logs" not in p.relative_to(root).parts
    )


def build(root: Path, megabytes: int) -> AppPaths:
    paths = AppPaths.for_data_dir(root)
    ctx = open_app(paths)
    initialise(ctx, "commune", "00070", "Benchmark")
    ctx.close()
    rng = random.Random(17)
    store, left = BlobStore(paths.blobs_dir), megabytes << 20
    while left > 0:
        size = min(left, rng.randint(1 << 19, 4 << 20))
        store.put_bytes(os.urandom(size))
        left -= size
    return paths


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--save", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ocop-bench-backup-") as tmp:
        root = Path(tmp)
        paths = build(root / "data", args.mb)
        size = folder_bytes(paths.data_dir)
        (root / "usb").mkdir()
        _, copy_s = timed(lambda: shutil.copytree(paths.data_dir, root / "usb" / "copy"))
        made, create_s = timed(lambda: create_backup(paths, root / "usb", PASSPHRASE))
        target = AppPaths.for_data_dir(root / "restored")
        _, restore_s = timed(lambda: restore_backup(made.path, PASSPHRASE, target))
        mb = size / 1e6
        result = {
            "benchmark": "backup create / restore (issue 17)",
            "machine": {
                "python": platform.python_version(),
                "cpus": os.cpu_count(),
                "system": platform.system(),
                "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
            },
            "data_folder_mb": round(mb, 1),
            "blobs": made.summary.blobs,
            "backup_file_mb": round(made.size / 1e6, 1),
            "plain_copy": {"seconds": round(copy_s, 2), "mb_per_s": round(mb / copy_s, 1)},
            "create": {
                "seconds": round(create_s, 2),
                "mb_per_s": round(mb / create_s, 1),
                "ratio_to_plain_copy": round(create_s / copy_s, 2),
            },
            "restore": {
                "seconds": round(restore_s, 2),
                "mb_per_s": round(mb / restore_s, 1),
                "ratio_to_plain_copy": round(restore_s / copy_s, 2),
            },
            "note": "create and restore include one scrypt derivation each (n=2**17, ~0.3–0.6 s); "
            "restore also runs PRAGMA integrity_check on the restored database",
        }
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.save:
        (ROOT / "benchmarks" / "results" / "backup.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
