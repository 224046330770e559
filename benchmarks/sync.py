"""Sync package benchmarks (issue 6), JSON on stdout.

- export of 100 dossiers with `--gb` of attachments (default 0.5; the issue's figure is 2) and its
  import at the province, each compared with `sha256sum` over the same bytes: target ≥ 0.5×
  (the ratio is sha256sum's time divided by ours: 1.0 means as fast as hashing the files once)
- re-import of the same package: target ≤ 5 % of the first import's time

The dossiers are created through the services and then set to "commune checked" directly in the
database: the lifecycle checks are not what is measured here.

Run: uv run python benchmarks/sync.py [--gb 0.5] [--dossiers 100] [--files 10]
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
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.dossiers.evidence import EvidenceService  # noqa: E402
from ocop_desktop.services.dossiers.service import DossierService  # noqa: E402
from ocop_desktop.services.registry.producers import ProducerService  # noqa: E402
from ocop_desktop.services.registry.products import ProductService  # noqa: E402
from ocop_desktop.services.sync.service import PackageService  # noqa: E402
from ocop_desktop.store.models import Dossier  # noqa: E402


def installation(root: Path, role: str, unit: str) -> AppContext:
    ctx = open_app(AppPaths.for_data_dir(root))
    initialise(ctx, role, unit, "Benchmark")
    return ctx


def link(commune: AppContext, province: AppContext, folder: Path) -> None:
    cs, ps = PackageService(commune), PackageService(province)
    ps.import_package(
        cs.export_enrollment(folder / "enroll.ocoppkg").path,
        confirm_fingerprint=cs.own_keys().signing.readable,
    )
    cs.import_package(
        ps.export_reference(folder / "ref.ocoppkg").path, confirm_fingerprint=ps.own_keys().signing.readable
    )


def make_dossiers(ctx: AppContext, scratch: Path, dossiers: int, files: int, total_bytes: int) -> list[Path]:
    """`dossiers` dossiers with `files` JPEG-headed random files each; returns the blob paths."""
    size = max(16, total_bytes // (dossiers * files))
    evidence, blob_paths = EvidenceService(ctx), []
    producer = ProducerService(ctx).create(
        ProducerInput("HTX Benchmark", ProducerKind.COOPERATIVE, "00070", address="Số 1", representative="A")
    )
    for n in range(dossiers):
        product = ProductService(ctx).create(ProductInput(producer.id, f"Sản phẩm {n}", 13))
        dossier = DossierService(ctx).create(product.id, "first")
        paths = []
        for i in range(files):
            path = scratch / f"scan-{n:03d}-{i:02d}.jpg"
            path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(size - 4))
            paths.append(path)
        rows = evidence.add_files(dossier.row.id, paths, checklist_key="market")
        blob_paths += [r.path for r in rows]
        for path in paths:
            path.unlink()
    with ctx.unit_of_work() as s:
        for d in s.query(Dossier):
            d.status = "commune_checked"
    return blob_paths


def sha256sum_seconds(paths: list[Path]) -> float:
    subprocess.run(["cat", *map(str, paths)], stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    start = time.perf_counter()
    subprocess.run(["sha256sum", *map(str, paths)], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gb", type=float, default=0.5)
    parser.add_argument("--dossiers", type=int, default=100)
    parser.add_argument("--files", type=int, default=10, help="attachments per dossier")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="ocop-sync-bench-"))
    try:
        commune = installation(root / "commune", "commune", "00070")
        province = installation(root / "province", "province", "01")
        usb = root / "usb"
        usb.mkdir()
        link(commune, province, usb)
        scratch = root / "scratch"
        scratch.mkdir()
        blobs = make_dossiers(commune, scratch, args.dossiers, args.files, int(args.gb * (1 << 30)))
        total = sum(p.stat().st_size for p in blobs)

        baseline = sha256sum_seconds(blobs)
        exported, export_s = timed(
            lambda: PackageService(commune).export_dossiers(usb / "s.ocoppkg", pending=True)
        )
        package_sha256sum = sha256sum_seconds([exported.path])
        service = PackageService(province)
        _preview, dry_run_s = timed(lambda: service.preview(exported.path))
        imported, import_s = timed(lambda: service.import_package(exported.path))
        again, reimport_s = timed(lambda: service.import_package(exported.path))
        assert imported.applied and not again.applied
        assert imported.preview.counts()["new"] == args.dossiers
        report = {
            "dossiers": args.dossiers,
            "attachments": len(blobs),
            "attachment_bytes": total,
            "package_bytes": exported.path.stat().st_size,
            "sha256sum_attachments_s": round(baseline, 3),
            "sha256sum_package_s": round(package_sha256sum, 3),
            "export_s": round(export_s, 3),
            "dry_run_s": round(dry_run_s, 3),
            "import_s": round(import_s, 3),
            "reimport_s": round(reimport_s, 4),
            "export_vs_sha256sum": round(baseline / export_s, 2),
            "import_vs_sha256sum": round(package_sha256sum / import_s, 2),
            "reimport_fraction_of_import": round(reimport_s / import_s, 4),
            "export_mb_s": round(total / export_s / 1e6, 1),
            "import_mb_s": round(total / import_s / 1e6, 1),
            "targets": {
                "export_vs_sha256sum": ">= 0.5",
                "import_vs_sha256sum": ">= 0.5",
                "reimport_fraction_of_import": "<= 0.05",
            },
        }
        report["pass"] = (
            report["export_vs_sha256sum"] >= 0.5
            and report["import_vs_sha256sum"] >= 0.5
            and report["reimport_fraction_of_import"] <= 0.05
        )
        commune.close()
        province.close()
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
