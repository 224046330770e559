"""Council aggregation speed: a round of 150 dossiers × 9 members must aggregate in ≤ 1 s.

Run: `uv run python benchmarks/aggregation.py [--dossiers N] [--members M] [--seed S]`. Prints one
JSON object. A province store is built in a temporary folder (dossiers accepted at the province,
a round, a council, every member's sheet typed through `MemberScoreService`); only
`AggregationService.aggregate_round` is held to the limit. Typing the sheets and building one
members × criteria matrix are timed for information.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ocop_desktop.domain.dossiers import Status  # noqa: E402
from ocop_desktop.domain.producers import ProducerInput, ProducerKind  # noqa: E402
from ocop_desktop.domain.products import ProductInput  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.core.rules import RuleService  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.dossiers.service import DossierService  # noqa: E402
from ocop_desktop.services.province.aggregation import AggregationService  # noqa: E402
from ocop_desktop.services.province.councils import CouncilService, MemberInput  # noqa: E402
from ocop_desktop.services.province.rounds import RoundInput, RoundService  # noqa: E402
from ocop_desktop.services.province.scores import MemberScoreService  # noqa: E402
from ocop_desktop.services.registry.producers import ProducerService  # noqa: E402
from ocop_desktop.services.registry.products import ProductService  # noqa: E402
from ocop_desktop.store.models import Dossier  # noqa: E402

LIMIT_SECONDS = 1.0
SETS = [1, 7, 13, 16, 19, 26]  # fresh produce, processed, coffee, sensory stops, cosmetics, tourism (cases)


def build(ctx: AppContext, dossiers: int, members: int, rng: random.Random) -> tuple[str, float]:
    initialise(ctx, "province", "01", "Trần Thị Bình")
    producer = ProducerService(ctx).create(
        ProducerInput(
            name="Hợp tác xã Đo Tốc Độ",
            kind=ProducerKind.COOPERATIVE,
            commune_code="00070",
            address="Số 1",
            representative="Lê Thị Mai",
        )
    )
    ids = []
    for n in range(dossiers):
        product = ProductService(ctx).create(
            ProductInput(producer.id, f"Sản phẩm số {n + 1}", SETS[n % len(SETS)])
        )
        ids.append(DossierService(ctx).create(product.id, "first").row.id)
    with ctx.unit_of_work() as s:  # the commune's steps are not what is measured here
        for d in s.query(Dossier):
            d.status = Status.ACCEPTED.value
    round_id = RoundService(ctx).create(RoundInput(2026, 2)).row.id
    council = CouncilService(ctx)
    member_ids = [
        council.add_member(
            round_id,
            MemberInput(
                f"Thành viên {k + 1}", "chair" if k == 0 else "member", "Sở Nông nghiệp và Môi trường"
            ),
        ).id
        for k in range(members)
    ]
    RoundService(ctx).assign(round_id, ids)
    ruleset = RuleService().in_force(date.today())
    scores = MemberScoreService(ctx)
    started = time.perf_counter()
    for n, did in enumerate(ids):
        sheet = ruleset.sheet(SETS[n % len(SETS)])
        case = rng.randrange(2)  # one alternative case per sheet (tourism)
        base = {c.code: rng.choice(c.choices(case)) for c in sheet.leaves()}
        for m in member_ids:
            answers = {
                code: _nudge(rng, i, len(sheet.criterion(code).options), sheet, code)
                for code, i in base.items()
            }
            scores.enter(round_id, did, m, answers)
    return round_id, time.perf_counter() - started


def _nudge(rng: random.Random, index: int, options: int, sheet, code: str) -> int:  # type: ignore[no-untyped-def]
    """A member's answer near the council's: most agree, some are one option off."""
    crit = sheet.criterion(code)
    if crit.cases:  # keep the same alternative case as the base answer
        return index
    return min(options - 1, max(0, index + rng.choice([0, 0, 0, 0, 1, -1])))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=150)
    parser.add_argument("--members", type=int, default=9)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_app(AppPaths.for_data_dir(Path(tmp)))
        try:
            round_id, enter_seconds = build(ctx, args.dossiers, args.members, rng)
            service = AggregationService(ctx)
            started = time.perf_counter()
            outcome = service.aggregate_round(round_id)
            seconds = time.perf_counter() - started
            again_started = time.perf_counter()
            service.aggregate_round(round_id)
            again = time.perf_counter() - again_started
            started = time.perf_counter()
            service.matrix(round_id, outcome.done[0].entry.dossier_id)
            matrix_seconds = time.perf_counter() - started
        finally:
            ctx.close()
    statuses: dict[str, int] = {}
    for a in outcome.done:
        statuses[a.entry.status] = statuses.get(a.entry.status, 0) + 1
    limit = LIMIT_SECONDS * args.dossiers * args.members / (150 * 9)
    print(
        json.dumps(
            {
                "benchmark": "aggregation",
                "dossiers": args.dossiers,
                "members": args.members,
                "sheets": args.dossiers * args.members,
                "seconds": round(seconds, 4),
                "second_run_seconds": round(again, 4),
                "limit_seconds": limit,
                "ok": seconds <= limit,
                "aggregated": len(outcome.done),
                "skipped": len(outcome.skipped),
                "statuses": statuses,
                "matrix_seconds": round(matrix_seconds, 4),
                "typing_sheets_seconds": round(enter_seconds, 2),
                "ms_per_typed_sheet": round(enter_seconds / (args.dossiers * args.members) * 1000, 2),
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
