"""What the audit log costs a dossier's autosave (issue 17), JSON on stdout and in results/audit.json.

One store, one dossier with its forms filled; the same autosaves (a form section; the self-assessment
sheet, 100-odd answers) timed with the log on and off, alternately in the same run, so that the ratio
of the medians is free of the machine's drift. Target: median with the log ≤ 1.2× without. Also the
time of `audit verify` on that store.

Run: uv run python benchmarks/audit.py [--saves 200]
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


def _timed(saves: int, step: Callable[[int], None]) -> dict[str, float]:
    on: list[float] = []
    off: list[float] = []
    hooks: list[float] = []
    for i in range(saves):
        for enabled in (True, False) if i % 2 == 0 else (False, True):  # each mode goes first half the time
            AUDIT.enabled = enabled
            with _HookClock() as clock:
                start = time.perf_counter()
                step(2 * i + int(enabled))  # every save writes new values
                (on if enabled else off).append((time.perf_counter() - start) * 1000)
            if enabled:
                hooks.append(clock.spent * 1000)
    AUDIT.enabled = True
    median_on, median_off = statistics.median(on), statistics.median(off)
    return {
        "median_ms_audit_on": round(median_on, 3),
        "median_ms_audit_off": round(median_off, 3),
        "ratio": round(median_on / median_off, 3),
        "median_ms_in_audit_hooks": round(statistics.median(hooks), 3),
        "hooks_share_of_median_save": round(statistics.median(hooks) / median_on, 3),
        "p90_ms_audit_on": round(statistics.quantiles(on, n=10)[-1], 3),
        "p90_ms_audit_off": round(statistics.quantiles(off, n=10)[-1], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=200)
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
            "saves_per_mode": args.saves,
            "heap": "frozen after set-up, as in the GUI",
            "form_section_autosave": _timed(args.saves, form),
            "self_assessment_autosave": _timed(args.saves, answers),
        }
        ctx.close()
    with tempfile.TemporaryDirectory() as folder:  # verify a store where the log was always on
        ctx = open_app(AppPaths.for_data_dir(Path(folder)))
        initialise(ctx, "commune", "00070", "Nguyễn Văn An")
        dossier, service = _dossier(ctx), DossierService(ctx)
        for i in range(args.saves * 5):
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
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    out = Path(__file__).parent / "results" / "audit.json"
    out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
