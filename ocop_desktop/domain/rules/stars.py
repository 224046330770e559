"""The star rule, shared by single sheets and council results (DESIGN.md §3, docs/scoring.md).

- band(total): 1★ <30, 2★ 30–<50, 3★ 50–<70, 4★ 70–<90, 5★ ≥90 (from the rule set's bands).
- An option marked N stars is the minimum a product of N stars or more must reach.
- Final star = the highest N ≤ band such that every floor marked ≤ N is met. Floors exist
  only for 3–5★, so missing a 3★ floor leaves at most 2★.
- blocking = the unmet floors marked ≤ the next star (final + 1): with `missing_points` they
  are exactly what the product needs to reach the next star.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Protocol

from ocop_desktop.domain.rules.model import STAR_LEVELS, Floor, StarBand

Number = int | Fraction


@dataclass(frozen=True, slots=True)
class FloorCheck:
    star: int
    met: bool
    unmet: tuple[str, ...]  # criterion codes, printed order


@dataclass(frozen=True, slots=True)
class NextStar:
    star: int
    missing_points: Number  # points still needed to reach that star's band (0 if already there)
    blocking: tuple[Floor, ...]  # floors that must be met too


def band_for(total: Number, bands: Sequence[StarBand]) -> int:
    for band in reversed(bands):
        if total >= band.min:
            return band.star
    return bands[0].star


def band_min(bands: Sequence[StarBand], star: int) -> int:
    """The fewest points of the band of `star` stars (90 for 5★ under QĐ 26/2026)."""
    for band in bands:
        if band.star == star:
            return band.min
    raise ValueError(f"no {star}-star band")


def final_star(band: int, unmet: Iterable[Floor]) -> int:
    lowest = min((f.star for f in unmet), default=None)
    return band if lowest is None else min(band, lowest - 1)


_ALL_MET = tuple(FloorCheck(level, True, ()) for level in STAR_LEVELS)


def floor_checks(unmet: Sequence[Floor]) -> tuple[FloorCheck, ...]:
    if not unmet:
        return _ALL_MET
    by_level: dict[int, list[str]] = {level: [] for level in STAR_LEVELS}
    for f in unmet:
        by_level[f.star].append(f.criterion)
    return tuple(FloorCheck(level, not codes, tuple(codes)) for level, codes in by_level.items())


def next_star(
    rated: int, total: Number, bands: Sequence[StarBand], unmet: Sequence[Floor]
) -> NextStar | None:
    if rated >= bands[-1].star:
        return None
    target = rated + 1
    threshold = next(b.min for b in bands if b.star == target)
    missing = max(threshold - total, 0)
    return NextStar(target, missing, tuple(f for f in unmet if f.star <= target))


def number(value: Number) -> int | float:
    """JSON form of a score: an int when integral (exact), else a float."""
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else float(value)
    return value


def floor_json(f: Floor) -> dict[str, object]:
    return {"criterion": f.criterion, "star": f.star, "min_points": f.min_points}


def floors_json(checks: Iterable[FloorCheck]) -> dict[str, object]:
    return {str(c.star): {"met": c.met, "unmet": list(c.unmet)} for c in checks}


def next_star_json(n: NextStar | None) -> dict[str, object] | None:
    if n is None:
        return None
    return {
        "star": n.star,
        "missing_points": number(n.missing_points),
        "blocking": [floor_json(f) for f in n.blocking],
    }


class Rated(Protocol):
    """What a sheet result and a council result share (read-only: both are frozen dataclasses)."""

    @property
    def band_star(self) -> int: ...
    @property
    def rated_star(self) -> int: ...
    @property
    def star(self) -> int: ...
    @property
    def eliminated(self) -> bool: ...
    @property
    def knockouts(self) -> tuple[str, ...]: ...
    @property
    def floors(self) -> tuple[FloorCheck, ...]: ...
    @property
    def blocking(self) -> tuple[Floor, ...]: ...
    @property
    def next_star(self) -> NextStar | None: ...
    @property
    def certified(self) -> bool: ...


def rating_json(r: Rated) -> dict[str, Any]:
    return {
        "band_star": r.band_star,
        "rated_star": r.rated_star,
        "star": r.star,
        "certified": r.certified,
        "eliminated": r.eliminated,
        "knockouts": list(r.knockouts),
        "floors": floors_json(r.floors),
        "blocking": [floor_json(f) for f in r.blocking],
        "next_star": next_star_json(r.next_star),
    }
