"""Dossier benchmarks (issue 4), JSON on stdout.

- open a dossier with 500 attachments (detail + checklist + attachment list + self-assessment):
  target ≤ 200 ms
- attachment import throughput vs `sha256sum` over the same files: target ≥ 0.5×

Run: uv run python benchmarks/dossiers.py [--files 500] [--mb 200]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ocop_desktop.domain.producers import ProducerInput, ProducerKind  # noqa: E402
from ocop_desktop.domain.products import ProductInput  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.dossiers.checklists import ChecklistService  # noqa: E402
from ocop_desktop.services.dossiers.evidence import EvidenceService  # noqa: E402
from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService  # noqa: E402
from ocop_desktop.services.dossiers.service import DossierService  # noqa: E402
from ocop_desktop.services.registry.producers import ProducerService  # noqa: E402
from ocop_desktop.services.registry.products import ProductService  # noqa: E402


def make_files(folder: Path, count: int, total_mb: int) -> list[Path]:
    """JPEG-headed files of random bytes (content is what is hashed and copied)."""
    folder.mkdir(parents=True, exist_ok=True)
    size = max(1, total_mb * (1 << 20) // count)
    files = []
    for i in range(count):
        path = folder / f"scan-{i:04d}.jpg"
        path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(size - 4))
        files.append(path)
    return files


def sha256sum_seconds(files: list[Path]) -> float:
    subprocess.run(["cat", *map(str, files)], stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    start = time.perf_counter()
    subprocess.run(["sha256sum", *map(str, files)], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--mb", type=int, default=200)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="ocop-bench-"))
    try:
        ctx = open_app(AppPaths.for_data_dir(root / "data"))
        initialise(ctx, "commune", "00070", "Benchmark")
        producer = ProducerService(ctx).create(
            ProducerInput("HTX Bench", ProducerKind.COOPERATIVE, "00070", representative="A")
        )
        product = ProductService(ctx).create(ProductInput(producer.id, "Cà phê", 13))
        dossier = DossierService(ctx).create(product.id, "first").row.id
        files = make_files(root / "files", args.files, args.mb)
        baseline = sha256sum_seconds(files)
        evidence = EvidenceService(ctx)
        start = time.perf_counter()
        for start_at in range(0, len(files), 50):  # as a person adds them: a folder of scans at a time
            evidence.add_files(dossier, files[start_at : start_at + 50], checklist_key="market")
        imported = time.perf_counter() - start

        def open_dossier() -> float:
            t0 = time.perf_counter()
            DossierService(ctx).get(dossier)
            ChecklistService(ctx).items(dossier)
            evidence.attachments(dossier)
            evidence.total_size(dossier)
            SelfAssessmentService(ctx).load(dossier)
            return time.perf_counter() - t0

        open_dossier()  # first call loads the rule set once per process
        opens = sorted(open_dossier() for _ in range(7))
        ctx.close()
        total_bytes = sum(p.stat().st_size for p in files)
        print(
            json.dumps(
                {
                    "attachments": args.files,
                    "bytes": total_bytes,
                    "open_dossier_ms_median": round(opens[len(opens) // 2] * 1000, 1),
                    "open_dossier_target_ms": 200,
                    "import_seconds": round(imported, 2),
                    "sha256sum_seconds": round(baseline, 2),
                    "import_throughput_ratio": round(baseline / imported, 2),
                    "import_throughput_target_ratio": 0.5,
                    "import_mb_per_s": round(total_bytes / imported / 1e6, 1),
                },
                indent=2,
            )
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
