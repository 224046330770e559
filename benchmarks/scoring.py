"""Scoring speed: 10,000 random answer sheets over all 26 product sets must score in < 1 s.

Run: `uv run python benchmarks/scoring.py [--sheets N] [--seed S]`. Prints one JSON object.
Loading the rule set (once, validated and hash-checked) and drawing the answers are timed
separately; the limit applies to scoring alone (the engine call for every sheet).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ocop_desktop.domain.rules.loader import load_ruleset  # noqa: E402
from ocop_desktop.domain.rules.scoring import score  # noqa: E402
from ocop_desktop.paths import resource  # noqa: E402

LIMIT_SECONDS = 1.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sheets", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=26)
    args = parser.parse_args()

    started = time.perf_counter()
    ruleset = load_ruleset(resource("rulesets/qd26-2026.json"))
    load_seconds = time.perf_counter() - started

    rng = random.Random(args.seed)
    work = []
    for _ in range(args.sheets):
        sheet = rng.choice(ruleset.sheets)
        case = rng.randrange(2)  # one alternative case per sheet (tourism)
        answers = {c.code: rng.choice(c.choices(case)) for c in sheet.leaves()}
        knockouts = [sheet.knockouts[0].id] if sheet.knockouts and rng.random() < 0.05 else []
        work.append((sheet, answers, knockouts))

    started = time.perf_counter()
    stars = [0] * 6
    for sheet, answers, knockouts in work:
        stars[score(sheet, answers, knockouts).star] += 1
    seconds = time.perf_counter() - started

    print(
        json.dumps(
            {
                "benchmark": "scoring",
                "sheets": args.sheets,
                "seconds": round(seconds, 4),
                "microseconds_per_sheet": round(seconds / args.sheets * 1e6, 1),
                "limit_seconds": LIMIT_SECONDS * args.sheets / 10_000,
                "ok": seconds < LIMIT_SECONDS * args.sheets / 10_000,
                "ruleset_load_seconds": round(load_seconds, 4),
                "stars": {str(i): n for i, n in enumerate(stars)},
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
