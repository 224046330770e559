"""The legal bases OCOP certificates were issued under (QĐ 1048/2019, QĐ 148/2023, QĐ 26/2026), as data.

A register kept since 2019 names its decisions loosely ("148", "QĐ 1048/QĐ-TTg") or not at all; this
module recognises the name, infers the basis from the decision date, and says which level recognised
which stars on that date. The facts live in `resources/legal_bases.json`; nothing here is law."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.text import fold

LEVELS = ("district", "province", "ministry")


@dataclass(frozen=True)
class Recognition:
    """`level` recognised `stars` from `start` to `end` (inclusive; None = open)."""

    level: str
    stars: frozenset[int]
    start: date | None = None
    end: date | None = None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class LegalBasis:
    id: str  # the rule-set id certificates pin (`Certificate.ruleset_id`)
    label: str
    document: str
    effective_from: date
    effective_to: date | None
    aliases: tuple[str, ...]
    certificate_months: int | None  # None: the procedure of the rule set of this id says
    recognition: tuple[Recognition, ...]
    basis: str

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def levels_for(self, stars: int, day: date) -> list[str]:
        """The levels that recognised `stars` on `day` under this basis (first = the usual one)."""
        return [r.level for r in self.recognition if stars in r.stars and r.covers(day)]


def _key(text: str) -> str:
    """ "QĐ 148/QĐ-TTg" -> "148/qd-ttg": folded, without the leading "QĐ"/"Quyết định", one space."""
    folded = fold(text).replace("quyet dinh", "").replace("so ", " ")
    folded = re.sub(r"^\s*qd\s*", "", folded.strip())
    return re.sub(r"\s+", " ", folded).strip(" .,:")


@dataclass(frozen=True)
class LegalBases:
    bases: tuple[LegalBasis, ...]

    def labels(self) -> dict[str, str]:
        """Id -> label, newest first (the order a person picks from)."""
        return {b.id: b.label for b in sorted(self.bases, key=lambda b: b.effective_from, reverse=True)}

    def get(self, basis_id: str) -> LegalBasis | None:
        return next((b for b in self.bases if b.id == basis_id), None)

    def find(self, text: str) -> LegalBasis | None:
        """The basis a cell names ("148", "QĐ 1048/QĐ-TTg", "qd148-2023"), or None."""
        key = _key(text)
        return self._names.get(key) if key else None

    @cached_property
    def _names(self) -> dict[str, LegalBasis]:
        names: dict[str, LegalBasis] = {}
        for b in self.bases:
            for name in (fold(b.id), _key(b.label), _key(b.document), *(_key(a) for a in b.aliases)):
                names.setdefault(name, b)
        return names

    def on(self, day: date) -> list[LegalBasis]:
        """The bases in force on a day, newest first (two overlap in a transition)."""
        return sorted(
            (b for b in self.bases if b.in_force(day)), key=lambda b: b.effective_from, reverse=True
        )


def parse_legal_bases(doc: Mapping[str, Any]) -> LegalBases:
    """Check and read the document; a malformed file is refused as a whole (a UserError naming the entry)."""
    if doc.get("format") != "ocop-legal-bases" or doc.get("format_version") != 1:
        raise UserError("Tệp căn cứ pháp lý (legal_bases.json) không đúng định dạng.")
    entries = doc.get("bases")
    if not isinstance(entries, list) or not entries:
        raise UserError("Tệp căn cứ pháp lý không có căn cứ nào.")
    return LegalBases(tuple(_basis(e, i) for i, e in enumerate(entries)))


def _basis(e: Any, i: int) -> LegalBasis:
    try:
        recognition = tuple(_recognition(r) for r in e["recognition"])
        months = e["certificate_months"]
        if months is not None and (not isinstance(months, int) or months <= 0):
            raise ValueError("certificate_months")
        aliases: Sequence[str] = e["aliases"]
        return LegalBasis(
            id=str(e["id"]),
            label=str(e["label"]),
            document=str(e["document"]),
            effective_from=date.fromisoformat(e["effective_from"]),
            effective_to=date.fromisoformat(e["effective_to"]) if e["effective_to"] else None,
            aliases=tuple(str(a) for a in aliases),
            certificate_months=months,
            recognition=recognition,
            basis=str(e["basis"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError(f"Tệp căn cứ pháp lý: mục thứ {i + 1} không hợp lệ ({exc}).") from exc


def _recognition(r: Mapping[str, Any]) -> Recognition:
    if r["level"] not in LEVELS or not r["stars"] or any(s not in (3, 4, 5) for s in r["stars"]):
        raise ValueError(f"recognition {r!r}")
    start, end = r.get("from"), r.get("to")
    return Recognition(
        r["level"],
        frozenset(r["stars"]),
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end) if end else None,
    )
