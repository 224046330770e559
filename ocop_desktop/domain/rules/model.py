"""The rule set as immutable objects: RuleSet -> Sheet (one per product set) -> Part -> Group
-> Criterion (-> sub-criteria) -> Option. Everything is in printed order, so a form or a
printer can walk it top to bottom and get the official sheet."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from ocop_desktop.domain.rules.errors import RuleSetError

STAR_LEVELS = (3, 4, 5)  # the levels a sheet can mark as a floor (***, ****, *****)


@dataclass(frozen=True, slots=True)
class Option:
    index: int  # 0-based position within its criterion, across cases: the answer value
    label: str
    points: int
    star: int | None  # floor marker: a product of this many stars (or more) needs at least this option
    case: int | None  # index into Criterion.cases, None when the criterion has no alternative cases
    synthetic: bool = False  # not printed in the decision (yes/no added for a bare 1-point criterion)
    printed_points: str | None = None  # the value printed in the decision when it was corrected


@dataclass(frozen=True, slots=True)
class Condition:
    """The criterion is scored only when `criterion` reached at least `min_points`
    (5.2 "Chỉ áp dụng khi có câu chuyện sản phẩm": only when 5.1 > 0)."""

    criterion: str
    min_points: int


@dataclass(frozen=True, slots=True)
class Floor:
    criterion: str
    star: int
    min_points: int
    option: int  # index of the marked option
    case: int | None = None  # a floor inside an alternative case binds only when that case is used


@dataclass(frozen=True, slots=True)
class Criterion:
    code: str
    title: str
    max: int
    notes: tuple[str, ...]
    options: tuple[Option, ...]  # empty when the criterion has sub-criteria
    children: tuple[Criterion, ...] = ()
    cases: tuple[str, ...] = ()  # "Trường hợp 1/2": the evaluator uses exactly one
    group_level: bool = False  # the group has this single criterion, printed on the group's row
    applies_if: Condition | None = None

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def leaves(self) -> Iterator[Criterion]:
        if self.is_leaf:
            yield self
        for child in self.children:
            yield from child.leaves()

    def floors(self) -> tuple[Floor, ...]:
        return tuple(Floor(self.code, o.star, o.points, o.index, o.case) for o in self.options if o.star)

    def case_options(self, case: int) -> tuple[Option, ...]:
        return tuple(o for o in self.options if o.case == case)

    def choices(self, case: int) -> tuple[int, ...]:
        """The option indices an answer may take on a sheet scored in alternative case `case`
        (every option when the criterion has no cases)."""
        return tuple(o.index for o in self.options if o.case is None or o.case == case)


@dataclass(frozen=True, slots=True)
class Group:
    code: str
    title: str
    max: int
    notes: tuple[str, ...]
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True, slots=True)
class Part:
    code: str  # "A", "B", "C"
    title: str
    printed_title: str  # verbatim, with "(40 Điểm)"
    max: int
    groups: tuple[Group, ...]


@dataclass(frozen=True, slots=True)
class Knockout:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Stop:
    """A knock-out tied to a criterion. `trigger` "flag": the evaluator records it;
    "zero_points": it fires by itself when any of `criteria` is answered with 0 points."""

    id: str
    criterion: str
    kind: str  # "stop" | "eliminate" | "not_evaluated": all three end with no rating
    trigger: str
    label: str
    criteria: tuple[str, ...]
    note: str


@dataclass(frozen=True, slots=True)
class StarBand:
    star: int
    min: int  # inclusive; the band ends where the next one starts
    certified: bool
    recognised_by: str | None


@dataclass(frozen=True, slots=True)
class Correction:
    set: int
    where: str
    printed: str
    used: str
    reason: str


@dataclass(frozen=True, slots=True)
class SuspectValue:
    set: int
    where: str
    issue: str


@dataclass(frozen=True, slots=True)
class Notice:
    """A correction or a suspect value of the rule set, placed on its sheet: on criteria, on a part's
    heading, or on the sheet as a whole. Read from `corrections` / `suspect_values` (their `where`
    says the place: `notices.locate`), so that every view of a sheet can show it where it applies."""

    kind: str  # "correction" (the value used is not the printed one) | "suspect" (kept as printed)
    set: int
    where: str  # verbatim, Vietnamese ("tiêu chí 3.1", "tiêu đề Phần A", "tiêu đề phiếu")
    text: str  # the reason of a correction, the issue of a suspect value
    criteria: tuple[str, ...] = ()  # the criteria it is about (codes), empty when not on criteria
    part: str | None = None  # the part whose heading it is about

    @property
    def on_sheet(self) -> bool:
        """About the sheet as a whole (its header), not one criterion or part."""
        return not self.criteria and self.part is None

    @property
    def kind_label(self) -> str:
        return "Đã hiệu chỉnh" if self.kind == "correction" else "Giá trị nghi vấn"


@dataclass(frozen=True, slots=True)
class Procedure:
    """The numbers of the procedure (not of the scoring sheets) that a rule set carries in its
    `procedure` section. Hashed on its own (`content_hash`), so adding or reading it never
    changes the hash that scores are pinned to; one rule-set id has exactly one procedure."""

    commune_working_days: int  # the commune checks and forwards a dossier within this many working days
    certificate_months: int  # a certificate is valid this many months from the decision
    reevaluation_opens_days: int  # re-evaluation is filed no earlier than this many days before expiry
    reevaluation_closes_days: int  # ... and no later than this many
    council_max_spread: int  # a round's default: members' totals may differ by this many points
    council_quorum: Fraction  # a round's default share of members who must score
    council_chair_required: bool  # a round's default: the chair must be among them
    content_hash: str


@dataclass(frozen=True, slots=True)
class ProductSet:
    number: int
    code: str  # "I.1.a"
    name: str
    product_group: str
    product_group_name: str
    group: str
    group_name: str
    lead_ministries: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Sheet:
    """One scoring sheet (bộ tiêu chí kiêm phiếu đánh giá). Carries its rule set's id and hash
    so that a score made with it is pinned to these exact rules."""

    ruleset_id: str
    ruleset_hash: str
    product_set: ProductSet
    header: tuple[str, ...]
    footer: tuple[str, ...]
    knockout_clause: str | None
    knockouts: tuple[Knockout, ...]
    stops: tuple[Stop, ...]
    max: int
    parts: tuple[Part, ...]
    bands: tuple[StarBand, ...]
    procedure: Procedure | None = None  # the rule set's; None for a format-1 file (it has none)
    notices: tuple[Notice, ...] = ()  # the rule set's corrections and suspect values of this sheet
    _nodes: dict[str, Criterion] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        nodes: dict[str, Criterion] = {}
        for _, _, criterion, _ in self.walk():
            nodes[criterion.code] = criterion
        object.__setattr__(self, "_nodes", nodes)

    @property
    def number(self) -> int:
        return self.product_set.number

    @property
    def code(self) -> str:
        return self.product_set.code

    @property
    def name(self) -> str:
        return self.product_set.name

    def walk(self) -> Iterator[tuple[Part, Group, Criterion, int]]:
        """Every criterion in printed order with its part, group and depth (0, 1 for sub-criteria)."""

        def visit(
            part: Part, group: Group, c: Criterion, depth: int
        ) -> Iterator[tuple[Part, Group, Criterion, int]]:
            yield part, group, c, depth
            for child in c.children:
                yield from visit(part, group, child, depth + 1)

        for part in self.parts:
            for group in part.groups:
                for criterion in group.criteria:
                    yield from visit(part, group, criterion, 0)

    def leaves(self) -> tuple[Criterion, ...]:
        """The criteria that take an answer, in printed order."""
        return tuple(c for c in self._nodes.values() if c.is_leaf)

    def criterion(self, code: str) -> Criterion:
        return self._nodes[code]

    def has_criterion(self, code: str) -> bool:
        return code in self._nodes

    def floors(self) -> tuple[Floor, ...]:
        return tuple(f for leaf in self.leaves() for f in leaf.floors())

    def criterion_notices(self, code: str) -> tuple[Notice, ...]:
        return tuple(n for n in self.notices if code in n.criteria)

    def part_notices(self, code: str) -> tuple[Notice, ...]:
        return tuple(n for n in self.notices if n.part == code)

    def reason_label(self, reason_id: str) -> str:
        """The Vietnamese label of a dossier knock-out or a criterion stop of this sheet, by its id
        (the id itself when the sheet has no such reason, so that nothing is hidden)."""
        found = next((k.label for k in self.knockouts if k.id == reason_id), None)
        found = found or next((s.label for s in self.stops if s.id == reason_id), None)
        return found or reason_id


@dataclass(frozen=True, eq=False)
class RuleSet:
    id: str
    title: str
    legal_reference: Mapping[str, Any]
    effective_from: date
    effective_to: date | None  # last day in force, inclusive; None = open-ended
    star_marker_rule: str
    bands: tuple[StarBand, ...]
    part_maxima: Mapping[str, int]
    total: int
    knockouts: tuple[Knockout, ...]
    corrections: tuple[Correction, ...]
    suspect_values: tuple[SuspectValue, ...]
    sheets: tuple[Sheet, ...]
    content_hash: str  # of the document without its procedure section: what records pin
    procedure: Procedure | None = None  # None for a format-1 file, written before procedures were data
    source_file: str = ""
    document: Mapping[str, Any] = field(default_factory=dict, repr=False)  # the validated JSON

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def product_sets(self) -> tuple[ProductSet, ...]:
        return tuple(s.product_set for s in self.sheets)

    def sheet(self, ref: int | str) -> Sheet:
        """A sheet by set number (1, "1") or set code ("I.1.a")."""
        key = str(ref).strip()
        for s in self.sheets:
            if key == str(s.number) or key.casefold() == s.code.casefold():
                return s
        raise RuleSetError(
            f'Không có bộ sản phẩm "{ref}" trong bộ tiêu chí {self.id} '
            f"(dùng số 1–{len(self.sheets)} hoặc mã như {self.sheets[0].code})."
        )
