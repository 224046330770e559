"""The dossier checklist, generated from data for a product set and registration type
(DESIGN.md §2 step 2), and its completeness."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ocop_desktop.domain.errors import UserError


class Requirement(StrEnum):
    REQUIRED = "required"
    OPTIONAL = "optional"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return {"required": "Bắt buộc", "optional": "Nếu có", "not_applicable": "Không áp dụng"}[self.value]


class ItemStatus(StrEnum):
    MISSING = "missing"
    PROVIDED = "provided"
    WAIVED = "waived"

    @property
    def label(self) -> str:
        return {"missing": "Chưa có", "provided": "Đã có", "waived": "Không nộp"}[self.value]


@dataclass(frozen=True)
class ChecklistTemplate:
    key: str
    label: str
    group: str
    requirement: Requirement
    time_limited: bool
    knockout: str | None
    criteria: tuple[str, ...]


def parse_sets(spec: str) -> set[int]:
    """ "1-17,19" -> {1, …, 17, 19}."""
    result: set[int] = set()
    for part in filter(None, (p.strip() for p in spec.split(","))):
        low, _, high = part.partition("-")
        result.update(range(int(low), int(high or low) + 1))
    return result


def checklist_for(
    data: dict[str, object], product_set: int, registration_type: str
) -> list[ChecklistTemplate]:
    """Every item of the checklist data, with its requirement for this set and type."""
    items = data.get("items")
    if not isinstance(items, list):
        raise UserError("Tệp danh mục hồ sơ không đúng định dạng (thiếu “items”).")
    result = []
    for item in items:
        types = item.get("registration_types")
        if types and registration_type not in types:
            requirement = Requirement.NOT_APPLICABLE
        elif product_set in parse_sets(item.get("required_sets", "")):
            requirement = Requirement.REQUIRED
        elif product_set in parse_sets(item.get("optional_sets", "")):
            requirement = Requirement.OPTIONAL
        else:
            requirement = Requirement.NOT_APPLICABLE
        result.append(
            ChecklistTemplate(
                item["key"],
                item["label"],
                item.get("group", ""),
                requirement,
                bool(item.get("time_limited")),
                item.get("knockout"),
                tuple(item.get("criteria", ())),
            )
        )
    return result


@dataclass(frozen=True)
class ChecklistState:
    key: str
    requirement: Requirement
    status: ItemStatus
    expires_on: date | None
    knockout: str | None
    attachments: int


@dataclass(frozen=True)
class Completeness:
    required: int
    provided: int
    missing_keys: tuple[str, ...]
    expired_keys: tuple[str, ...]
    missing_knockouts: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing_keys and not self.expired_keys

    @property
    def percent(self) -> int:
        return 100 if self.required == 0 else round(100 * self.provided / self.required)


def completeness(items: list[ChecklistState], today: date) -> Completeness:
    """Required items provided and not expired; knock-out documents that are missing are listed
    apart because they eliminate the dossier whatever its points."""
    required = [i for i in items if i.requirement is Requirement.REQUIRED]
    expired = tuple(
        i.key for i in items if i.status is ItemStatus.PROVIDED and i.expires_on and i.expires_on < today
    )
    missing = tuple(i.key for i in required if i.status is not ItemStatus.PROVIDED)
    provided = sum(1 for i in required if i.status is ItemStatus.PROVIDED and i.key not in expired)
    knockouts = tuple(i.knockout for i in required if i.knockout and (i.key in missing or i.key in expired))
    return Completeness(len(required), provided, missing, expired, knockouts)
