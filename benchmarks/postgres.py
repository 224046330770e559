"""The province-scale demo on PostgreSQL against SQLite, in the same run (issue 18), JSON on stdout.

The SQLite installation is the province demo (`demo-data --scale province`, 60,000 dossiers); the
PostgreSQL one is its copy made by `store migrate-to` (timed too) on a real PostgreSQL 16 started
from the `pgserver` wheel (tests/helpers/postgres.py) on this machine. Then, on each engine in turn:

- the list filter, per keystroke (count + first page, as the list pages ask): products (the startup
  benchmark's measure, target ≤ 50 ms) and dossiers;
- opening a dossier (the dossier window's open job, ui.dossiers.ops.open_dossier: detail, checklist,
  attachments, officers, the producer's facts against the dossier);
- the reports (services/reports, each built 3 times: median);
- the aggregation of 150 dossiers × 9 members (benchmarks/aggregation.py, on a fresh store of each);
- importing a package of 100 dossiers from a commune (benchmarks/sync.py; the same file into both).

Each figure's ratio PostgreSQL / SQLite is reported; the target is ≤ 2 for each.

Run: uv run python benchmarks/postgres.py [--data-dir PROVINCE_DEMO] [--save]
(the data folder is copied, never changed; without it a province demo is built, about a minute).
To iterate: `--work DIR` keeps the prepared demo and its migrated server copy (benchmarks/pg_work.py;
each run measures fresh copies of them) and `--only filter,open,reports,sheets,import` picks measures.
The saved figures are a full run without either.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # helpers.postgres
sys.path.insert(0, str(ROOT / "benchmarks"))

import aggregation as aggregation_bench  # noqa: E402
import pg_work  # noqa: E402
import sync as sync_bench  # noqa: E402
from pg_work import Prepared  # noqa: E402

from helpers.postgres import PostgresServer  # noqa: E402
from helpers.postgres import start as start_postgres  # noqa: E402
from ocop_desktop.domain.producers import ProducerInput, ProducerKind  # noqa: E402
from ocop_desktop.domain.products import ProductInput  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.core.store_move import migrate_to  # noqa: E402
from ocop_desktop.services.dossiers.evidence import EvidenceService  # noqa: E402
from ocop_desktop.services.dossiers.service import DossierService  # noqa: E402
from ocop_desktop.services.province.aggregation import AggregationService  # noqa: E402
from ocop_desktop.services.registry.producers import ProducerService  # noqa: E402
from ocop_desktop.services.registry.products import ProductService  # noqa: E402
from ocop_desktop.services.reports.service import REPORT_NAMES, ReportService, build  # noqa: E402
from ocop_desktop.services.sync.service import PackageService  # noqa: E402
from ocop_desktop.store.models import AdminUnit, Dossier  # noqa: E402
from ocop_desktop.ui.dossiers.ops import open_dossier  # noqa: E402

TYPED = "ca phe buon"  # a person typing in the filter box, one letter at a time
FILTER_TARGET_MS = 50
RATIO_TARGET = 2.0
PACKAGE_DOSSIERS = 100
OPEN_ROUNDS = 5
PACKAGE_YEAR = 2023  # the demo's products are of 2024–2026: the commune's new codes are its own


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)  # two decimals: the ratio of figures of a few ms is taken from these


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def filter_per_keystroke(search: Callable[[str], Any]) -> dict[str, float]:
    search("")  # the first page, loaded before anyone types
    times, query = [], ""
    for ch in TYPED:
        query += ch
        times.append(timed(lambda q=query: search(q)))  # type: ignore[misc]
    return {"median_ms": ms(statistics.median(times)), "max_ms": ms(max(times))}


def open_dossier_ms(ctx: AppContext, ids: list[str]) -> dict[str, float]:
    def open_one(dossier: str) -> None:
        open_dossier(None, ctx, dossier)  # the dossier window's own open job: what an officer waits for

    if not ids:
        return {}
    open_one(ids[0])  # the rule set, loaded once per process
    # each dossier opened 5 times over: a median of 100 opens of a few ms each, steady from run to run
    times = [timed(lambda d=d: open_one(d)) for _ in range(OPEN_ROUNDS) for d in ids]  # type: ignore[misc]
    return {"median_ms": ms(statistics.median(times)), "max_ms": ms(max(times))}


def reports_ms(ctx: AppContext, on: date) -> dict[str, float]:
    service = ReportService(ctx)
    return {
        name: ms(statistics.median(timed(lambda n=name: build(service, n, on)) for _ in range(3)))  # type: ignore[misc]
        for name in REPORT_NAMES
    }


def aggregation_ms(ctx: AppContext) -> dict[str, float]:
    round_id, enter = aggregation_bench.build(ctx, 150, 9, random.Random(7))
    seconds = timed(lambda: AggregationService(ctx).aggregate_round(round_id))
    return {"aggregate_ms": ms(seconds), "enter_1350_sheets_ms": ms(enter)}


PARTS = ("filter", "open", "reports", "sheets", "import")


def measure(
    ctx: AppContext, fresh: AppContext, package: Path, dossier_ids: list[str], only: set[str]
) -> dict[str, Any]:
    on = date(2026, 9, 1)
    products, dossiers = ProductService(ctx), DossierService(ctx)
    figures: dict[str, Any] = {}
    if "filter" in only:
        figures["filter_products"] = filter_per_keystroke(
            lambda q: (products.count(q), products.search(q, limit=200))
        )
        figures["filter_dossiers"] = filter_per_keystroke(
            lambda q: (dossiers.count(q), dossiers.search(q, limit=200))
        )
    if "open" in only:
        figures["open_dossier"] = open_dossier_ms(ctx, dossier_ids)
    if "reports" in only:
        figures["reports_ms"] = reports_ms(ctx, on)
    if "sheets" in only:
        figures["aggregation_150x9"] = aggregation_ms(fresh)
    if "import" in only:
        service = PackageService(ctx)
        figures["import_100_dossiers_ms"] = ms(timed(lambda: service.import_package(package)))
    return figures


def commune_package(root: Path, province: AppContext) -> Path:
    """A commune of the demo province with 100 dossiers (two small scans each), linked to the
    province, and its package of them."""
    with province.read() as s:
        unit = s.execute(
            select(AdminUnit.code).where(AdminUnit.parent_code == province.office().unit_code)
        ).first()
    assert unit is not None
    commune = sync_bench.installation(root / "commune", "commune", unit[0])
    try:
        sync_bench.link(commune, province, root / "usb")
        producer = ProducerService(commune).create(
            ProducerInput("HTX Đo", ProducerKind.COOPERATIVE, unit[0], address="Số 1", representative="A")
        )
        evidence = EvidenceService(commune)
        for n in range(PACKAGE_DOSSIERS):
            made = ProductInput(producer.id, f"Sản phẩm {n}", 13, year=PACKAGE_YEAR)
            product = ProductService(commune).create(made)
            dossier = DossierService(commune).create(product.id, "first")
            scans = []
            for i in range(2):
                scans.append(root / f"scan-{n}-{i}.jpg")
                scans[-1].write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(20_000))
            evidence.add_files(dossier.row.id, scans, checklist_key="market")
        with commune.unit_of_work() as s:
            for d in s.query(Dossier):
                d.status = "commune_checked"
        return PackageService(commune).export_dossiers(root / "usb" / "ho-so.ocoppkg", pending=True).path
    finally:
        commune.close()


def ensure_demo(data_dir: Path | None, root: Path) -> Path:
    target = root / "sqlite"
    if data_dir is not None:
        shutil.copytree(data_dir, target, ignore=shutil.ignore_patterns("ocop.lock", "database.json"))
        return target
    subprocess.run(
        [sys.executable, "-m", "ocop_desktop", "--data-dir", str(target), "demo-data", "--scale", "province"],
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return target


def ratios(sqlite: dict[str, Any], server: dict[str, Any], path: str = "") -> dict[str, float]:
    found: dict[str, float] = {}
    for key, value in sqlite.items():
        name = f"{path}{key}"
        if isinstance(value, dict):
            found |= ratios(value, server[key], name + ".")
        elif isinstance(value, int | float) and value and not key.startswith("max"):
            found[name] = round(server[key] / value, 2)
    return found


def prepare(args: argparse.Namespace, root: Path, server: PostgresServer) -> Prepared:
    """The SQLite demo linked to a commune (its package made), then moved to the server."""
    demo = ensure_demo(args.data_dir, root)
    province = open_app(AppPaths.for_data_dir(demo))
    try:
        package = commune_package(root, province)  # linked before the move: both copies know the commune
        url = server.url(server.new_database(prefix="province"))
        moved = migrate_to(province.engine, province.paths.db_path, url)
        found = [d.id for d in DossierService(province).search(limit=2000)]
        ids = found[:: max(1, len(found) // 20)]  # 20 dossiers across the list
    finally:
        province.close()
    report = {
        "rows": moved.rows,
        "tables": len(moved.tables),
        "all_tables_match": all(t.ok for t in moved.tables),
        "audit_entries_verified": moved.audit_entries,
        "seconds": moved.seconds,
        "phases_seconds": moved.phases,
    }
    return Prepared(demo, url, package, report, ids)


def measure_both(prepared: Prepared, root: Path, server: PostgresServer, only: set[str]) -> dict[str, Any]:
    server_dir = root / "server-desk"  # the same keys and scans, the store on the server
    shutil.copytree(prepared.demo, server_dir, ignore=shutil.ignore_patterns("ocop.sqlite3*", "ocop.lock"))
    results = {}
    for engine, data_dir, database in (
        ("sqlite", prepared.demo, None),
        ("postgresql", server_dir, prepared.url),
    ):
        fresh_db = None if database is None else server.url(server.new_database(prefix="fresh"))
        ctx = open_app(AppPaths.for_data_dir(data_dir), database=database)
        fresh = open_app(AppPaths.for_data_dir(root / f"fresh-{engine}"), database=fresh_db)
        try:
            results[engine] = measure(ctx, fresh, prepared.package, prepared.ids, only)
        finally:
            ctx.close()
            fresh.close()
    return {
        "migrate_to": prepared.moved,
        "sqlite": results["sqlite"],
        "postgresql": results["postgresql"],
        "ratio_postgresql_to_sqlite": ratios(results["sqlite"], results["postgresql"]),
    }


def run(args: argparse.Namespace, root: Path) -> dict[str, Any]:
    """The whole run in a temporary folder, or on copies of what `--work` keeps (prepared once)."""
    only = set(args.only.split(",")) if args.only else set(PARTS)
    if args.work is None:
        server = start_postgres()
        try:
            return measure_both(prepare(args, root, server), root, server, only)
        finally:
            server.stop()
    args.work.mkdir(parents=True, exist_ok=True)
    server = pg_work.start_kept(args.work)
    try:
        kept = pg_work.saved(args.work)
        if kept is None:
            kept = prepare(args, args.work, server)
            server.made.clear()  # the prepared database is kept
            pg_work.save(args.work, kept)
        return measure_both(pg_work.working_copy(kept, server, root), root, server, only)
    finally:
        for name in server.made:  # the run's copies; the kept database stays
            server.drop_database(name)
        server.stop()


def filter_ok(body: dict[str, Any]) -> bool | None:
    """Both lists, on both engines, within the per-keystroke target (None when not measured)."""
    medians = [
        body[engine][name]["median_ms"]
        for engine in ("sqlite", "postgresql")
        for name in ("filter_products", "filter_dossiers")
        if name in body[engine]
    ]
    return all(m <= FILTER_TARGET_MS for m in medians) if medians else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, help="a province demo installation (copied, not changed)")
    parser.add_argument("--save", action="store_true", help="write benchmarks/results/postgres.json")
    parser.add_argument("--only", help=f"some of the measures, comma-separated: {','.join(PARTS)}")
    parser.add_argument(
        "--work",
        type=Path,
        help="a folder kept between runs: prepared (and migrated) once, measured on copies",
    )
    args = parser.parse_args()
    if args.only and not set(args.only.split(",")) <= set(PARTS):
        parser.error(f"--only takes some of: {','.join(PARTS)}")
    if args.save and (args.only or args.work):
        parser.error("--save records a full run: without --only and --work")
    root = Path(tempfile.mkdtemp(prefix="ocop-pg-bench-"))
    try:
        body = run(args, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    over = {k: v for k, v in body["ratio_postgresql_to_sqlite"].items() if v > RATIO_TARGET}
    out = {
        "benchmark": "PostgreSQL against SQLite, province-scale demo (issue 18)",
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "system": platform.system(),
            "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],  # the machine is shared
            "postgresql": "16 (pgserver wheel), same machine, fsync off",
        },
        "targets": {"ratio_max": RATIO_TARGET, "filter_ms_per_keystroke_max": FILTER_TARGET_MS},
        **body,
        "over_ratio_target": over,
        "filter_ok": filter_ok(body),
    }
    text = json.dumps(out, ensure_ascii=False, indent=2, default=str)
    print(text)
    if args.save:
        (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
        (ROOT / "benchmarks" / "results" / "postgres.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
