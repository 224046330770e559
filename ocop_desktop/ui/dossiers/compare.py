"""What changed in the forms since the previous dossier (upgrade, re-evaluation): Mẫu 02 of an
upgrade must show the changes against the recognised product. Plain Python."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ocop_desktop.domain.forms import SECTIONS, Field, Kind

COMPARED = ("mau01", "mau02_part1", "mau02_part2", "mau02_part4")  # Mẫu 03 is new for every dossier


@dataclass(frozen=True)
class Change:
    section: str  # section title
    label: str  # field label
    before: str
    after: str


def readable(f: Field, value: Any) -> str:
    if value is None or value == "":
        return ""
    if f.kind is Kind.BOOL:
        return "Có" if value else "Không"
    if f.kind is Kind.CHOICE:
        return dict(f.choices).get(str(value), str(value))
    if f.kind is Kind.DATE and isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    if f.kind in (Kind.INT, Kind.MONEY, Kind.PERCENT) and isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return str(value)


def form_changes(
    previous: Mapping[str, Mapping[str, Any]], current: Mapping[str, Mapping[str, Any]]
) -> list[Change]:
    """Every field whose readable value differs, section by section in form order."""
    changes = []
    for key in COMPARED:
        section = SECTIONS[key]
        before, after = previous.get(key, {}), current.get(key, {})
        for f in section.fields:
            old, new = readable(f, before.get(f.key)), readable(f, after.get(f.key))
            if old != new:
                changes.append(Change(section.title, f.label, old, new))
    return changes
