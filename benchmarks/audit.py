"""What the audit log costs a dossier's autosave (issue 17), JSON on stdout and in results/audit.json.

One store, one dossier with its forms filled; the same autosaves (a form section; the self-assessment
sheet, 100-odd answers) timed with the log on and off, alternately in the same run, so that the ratio
of the medians is free of the machine's drift; in several rounds, each round's ratio given (min,
median, max), in wall-clock time and in this process's CPU time (which the other programs of a busy
machine do not inflate). Target: median with the log ≤ 1.2× without. Also the time of `audit verify`
on a store of 1000 saves, and with --province on a copy of the province-scale demo.

Run: uv run python benchmarks/audit.py [--saves 100 --rounds 5] [--province COPY_OF_DEMO]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ocop_desktop.domain.producers import ProducerInput, ProducerKind  # noqa: E402
from ocop_desktop.domain.products import ProductInput  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.audit import AuditService  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService  # noqa: E402
from ocop_desktop.services.dossiers.service import DossierService  # noqa: E402
from ocop_desktop.services.registry.producers import ProducerService  # noqa: E402
from ocop_desktop.services.registry.products import ProductService  # noqa: E402
from ocop_desktop.store.audit import AUDIT, recorder  # noqa: E402


def _dossier(ctx: AppContext) -> str:
    owner = ProducerService(ctx).create(
        ProducerInput(
            name="HTX Cà phê",
            kind=ProducerKind.COOPERATIVE,
            commune_code="00070",
            address="Số 5 Hàng Bài",
            tax_code="0101234567",
            phone="0912345678",
            representative="Lê Thị Mai",
            representative_title="Giám đốc",
        )
    )
    product = ProductService(ctx).create(ProductInput(owner.id, "Cà phê bột", 13)).id
    service = DossierService(ctx)
    d = service.create(product, "first")
    plan = "Mở rộng vùng nguyên liệu, " * 40  # a realistic, long free-text section
    service.save_section(d.row.id, "mau02_part4", {"plan": plan}, expected_revision=d.row.revision)
    return d.row.id


class _HookClock:
    """Time spent inside the log's two flush hooks (steadier than the difference of two noisy medians)."""

    def __init__(self) -> None:
        self.spent = 0.0
        self._hooks = (recorder._before_flush, recorder._after_flush)
        self._timed = tuple(self._wrap(h) for h in self._hooks)

    def _wrap(self, hook: Callable[..., None]) -> Callable[..., None]:
        def timed(*args: object) -> None:
            start = time.perf_counter()
            hook(*args)
            self.spent += time.perf_counter() - start

        return timed

    def __enter__(self) -> _HookClock:
        for name, hook, timed in zip(("before_flush", "after_flush"), self._hooks, self._timed, strict=True):
            event.remove(Session, name, hook)
            event.listen(Session, name, timed)
        return self

    def __exit__(self, *_exc: object) -> None:
        for name, hook, timed in zip(("before_flush", "after_flush"), self._hooks, self._timed, strict=True):
            event.remove(Session, name, timed)
            event.listen(Session, name, hook)


def _round(saves: int, step: Callable[[int], None], first: int) -> dict[str, list[float]]:
    """`saves` saves with the log on and as many off, alternately (each mode first half the time)."""
    times: dict[str, list[float]] = {"on": [], "off": [], "cpu_on": [], "cpu_off": [], "hooks": []}
    for i in range(first, first + saves):
        for enabled in (True, False) if i % 2 == 0 else (False, True):
            AUDIT.enabled = enabled
            mode = "on" if enabled else "off"
            with _HookClock() as clock:
                start, cpu = time.perf_counter(), time.process_time()
                step(2 * i + int(enabled))  # every save writes new values
                times[mode].append((time.perf_counter() - start) * 1000)
                times[f"cpu_{mode}"].append((time.process_time() - cpu) * 1000)
            if enabled:
                times["hooks"].append(clock.spent * 1000)
    AUDIT.enabled = True
    return times


def _ratio(times: dict[str, list[float]], prefix: str = "") -> float:
    return statistics.median(times[f"{prefix}on"]) / statistics.median(times[f"{prefix}off"])


def _timed(saves: int, rounds: int, step: Callable[[int], None]) -> dict[str, object]:
    """Ratios of the medians per round (wall clock, and this process's CPU time, which other programs
    on the machine do not inflate), and the medians over all rounds."""
    per_round = [_round(saves, step, r * saves) for r in range(rounds)]
    every = {k: [t for r in per_round for t in r[k]] for k in per_round[0]}
    wall = [_ratio(r) for r in per_round]
    cpu = [_ratio(r, "cpu_") for r in per_round]
    median_on, hooks = statistics.median(every["on"]), statistics.median(every["hooks"])
    return {
        "median_ms_audit_on": round(median_on, 3),
        "median_ms_audit_off": round(statistics.median(every["off"]), 3),
        "ratio": round(_ratio(every), 3),
        "ratio_per_round": {
            "min": round(min(wall), 3),
            "median": round(statistics.median(wall), 3),
            "max": round(max(wall), 3),
        },
        "cpu_ratio": round(_ratio(every, "cpu_"), 3),
        "cpu_ratio_per_round": {
            "min": round(min(cpu), 3),
            "median": round(statistics.median(cpu), 3),
            "max": round(max(cpu), 3),
        },
        "median_ms_in_audit_hooks": round(hooks, 3),
        "hooks_share_of_median_save": round(hooks / median_on, 3),
        "p90_ms_audit_on": round(statistics.quantiles(every["on"], n=10)[-1], 3),
        "p90_ms_audit_off": round(statistics.quantiles(every["off"], n=10)[-1], 3),
    }


def _verify_store(folder: Path) -> dict[str, object]:
    """`audit verify` of an existing data folder (a copy of the province-scale demo: `ocop-desktop
    --data-dir D demo-data --scale province`)."""
    ctx = open_app(AppPaths.for_data_dir(folder))
    try:
        started, cpu = time.perf_counter(), time.process_time()
        report = AuditService(ctx).verify()
        return {
            "ok": report.ok,
            "entries": report.entries,
            "rows": report.rows,
            "seconds": round(time.perf_counter() - started, 2),
            "cpu_seconds": round(time.process_time() - cpu, 2),
        }
    finally:
        ctx.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=100, help="saves per mode and round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--province", type=Path, help="also verify this data folder (a copy: it may be migrated)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        ctx = open_app(AppPaths.for_data_dir(Path(folder)))
        initialise(ctx, "commune", "00070", "Nguyễn Văn An")
        dossier = _dossier(ctx)
        service, sheet = DossierService(ctx), SelfAssessmentService(ctx)
        leaves = [leaf for leaf in sheet.load(dossier).sheet.leaves()]

        revision = [service.get(dossier).row.revision]

        def form(i: int) -> None:  # what the editor's autosave calls, with the revision it holds
            values = {"representative_sex": "nu", "representative_ethnicity": f"Kinh {i}"}
            saved = service.save_section(dossier, "mau02_part1", values, expected_revision=revision[0])
            revision[0] = saved.row.revision

        def answers(i: int) -> None:
            sheet.save(
                dossier, answers={leaf.code: (i + n) % len(leaf.options) for n, leaf in enumerate(leaves)}
            )

        gc.collect()
        gc.freeze()  # as the GUI does once started (ui.kit.perf.freeze_heap): saves run on a frozen heap
        result = {
            "saves_per_mode_and_round": args.saves,
            "rounds": args.rounds,
            "heap": "frozen after set-up, as in the GUI",
            "form_section_autosave": _timed(args.saves, args.rounds, form),
            "self_assessment_autosave": _timed(args.saves, args.rounds, answers),
        }
        ctx.close()
    with tempfile.TemporaryDirectory() as folder:  # verify a store where the log was always on
        ctx = open_app(AppPaths.for_data_dir(Path(folder)))
        initialise(ctx, "commune", "00070", "Nguyễn Văn An")
        dossier, service = _dossier(ctx), DossierService(ctx)
        for i in range(1000):
            d = service.get(dossier)
            values = {"representative_sex": "nu", "representative_ethnicity": f"Kinh {i}"}
            service.save_section(dossier, "mau02_part1", values, expected_revision=d.row.revision)
        started = time.perf_counter()
        report = AuditService(ctx).verify()
        result["verify"] = {
            "ok": report.ok,
            "entries": report.entries,
            "rows": report.rows,
            "seconds": round(time.perf_counter() - started, 3),
        }
        result["target"] = "median ratio ≤ 1.2"
        ctx.close()
    if args.province is not None:
        result["verify_province"] = _verify_store(args.province)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    out = Path(__file__).parent / "results" / "audit.json"
    out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
