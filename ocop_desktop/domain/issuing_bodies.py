"""Who recognised OCOP products at each level, and when: the name a certificate carries is that of the
body on its decision date (Bộ NN&PTNT until 28/02/2025, Bộ NN&MT from 01/03/2025; no district after
30/06/2025). The facts are data (`resources/issuing_bodies.json`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ocop_desktop.domain.errors import UserError


@dataclass(frozen=True)
class IssuingBody:
    level: str
    name: str
    start: date | None = None
    end: date | None = None  # inclusive

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class IssuingBodies:
    bodies: tuple[IssuingBody, ...]

    def on(self, level: str, day: date) -> IssuingBody | None:
        """The body of `level` on `day`, or None when that level recognised nothing then."""
        return next((b for b in self.bodies if b.level == level and b.covers(day)), None)

    def name(self, level: str, day: date) -> str:
        """The body's name on `day`; outside every period, the latest name of the level."""
        body = self.on(level, day) or self.latest(level)
        return body.name if body else level

    def latest(self, level: str) -> IssuingBody | None:
        of_level = [b for b in self.bodies if b.level == level]
        return max(of_level, key=lambda b: b.start or date.min) if of_level else None

    def problem(self, level: str, day: date) -> str | None:
        """Why `level` could not recognise a product on `day`, or None."""
        if self.on(level, day) is not None:
            return None
        periods = ", ".join(_period(b) for b in self.bodies if b.level == level)
        return f"Ngày {day:%d/%m/%Y} không có cơ quan công nhận ở cấp này ({periods})."


def _period(b: IssuingBody) -> str:
    start = f"từ {b.start:%d/%m/%Y}" if b.start else ""
    end = f"đến {b.end:%d/%m/%Y}" if b.end else ""
    return f"{b.name} {start} {end}".replace("  ", " ").strip()


def parse_issuing_bodies(doc: Mapping[str, Any]) -> IssuingBodies:
    if doc.get("format") != "ocop-issuing-bodies" or doc.get("format_version") != 1:
        raise UserError("Tệp cơ quan công nhận (issuing_bodies.json) không đúng định dạng.")
    try:
        bodies = tuple(
            IssuingBody(
                str(b["level"]),
                str(b["name"]),
                date.fromisoformat(b["from"]) if b.get("from") else None,
                date.fromisoformat(b["to"]) if b.get("to") else None,
            )
            for b in doc["bodies"]
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError(f"Tệp cơ quan công nhận không hợp lệ ({exc}).") from exc
    if not bodies:
        raise UserError("Tệp cơ quan công nhận không có cơ quan nào.")
    return IssuingBodies(bodies)
