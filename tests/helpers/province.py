"""Builders for the province tests: dossiers that arrived from a commune, a council, member sheets
with chosen totals."""

from __future__ import annotations

from datetime import UTC, date, datetime

from ocop_desktop.domain.dossiers import Status
from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.domain.products import ProductInput
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import score
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.councils import CouncilService, MemberInput
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.services.registry.products import ProductService
from ocop_desktop.store.models import Dossier, DossierEvent

TODAY = date(2026, 11, 20)
SET = 13  # the coffee sheet of the dossier tests
COMMUNES = ["00070", "00004"]
MEMBERS = [
    ("Nguyễn Văn Chủ", "chair", "UBND thành phố Hà Nội", "Phó Chủ tịch"),
    ("Trần Thị Nông", "member", "Sở Nông nghiệp và Môi trường", "Phó Giám đốc"),
    ("Lê Văn Công", "member", "Sở Công Thương", "Trưởng phòng"),
    ("Phạm Thị Y", "member", "Sở Y tế", "Chi cục trưởng"),
    ("Hoàng Văn Khoa", "member", "Sở Khoa học và Công nghệ", "Phó Giám đốc"),
    ("Vũ Thị Văn", "member", "Sở Văn hóa, Thể thao và Du lịch", "Trưởng phòng"),
    ("Đỗ Văn Tư", "member", "Văn phòng Điều phối nông thôn mới", "Chánh Văn phòng"),
]


def sent_dossier(
    ctx: AppContext,
    name: str,
    *,
    commune: str = "00070",
    product_set: int = SET,
    sent_on: date = date(2026, 10, 15),
) -> str:
    """A dossier as the province holds it after the commune sent it (the commune steps are walked
    in the dossier tests; here the status is set directly)."""
    producer = ProducerService(ctx).create(
        ProducerInput(
            name=f"Hợp tác xã {name}",
            kind=ProducerKind.COOPERATIVE,
            commune_code=commune,
            address="Số 1 Đường Làng",
            tax_code="0101234567",
            phone="0912345678",
            representative="Lê Thị Mai",
            representative_title="Giám đốc",
        )
    )
    product = ProductService(ctx).create(ProductInput(producer.id, name, product_set))
    dossier = DossierService(ctx, today=TODAY).create(product.id, "first")
    with ctx.unit_of_work() as s:
        d = s.get(Dossier, dossier.row.id)
        assert d is not None
        d.status = Status.SENT.value
        s.add(
            DossierEvent(
                dossier_id=d.id,
                action="send",
                from_status="commune_checked",
                to_status="sent",
                at=datetime(sent_on.year, sent_on.month, sent_on.day, 9, tzinfo=UTC),
            )
        )
    return dossier.row.id


def council(
    ctx: AppContext,
    round_id: str,
    members: list[tuple[str, str, str, str]] = MEMBERS,
    secretary: str | None = "Ngô Thị Thư",
) -> list[str]:
    """The members' ids (chair first), plus a secretary who does not score."""
    service = CouncilService(ctx)
    ids = [
        service.add_member(round_id, MemberInput(n, role, org, title)).id for n, role, org, title in members
    ]
    if secretary:
        service.add_member(round_id, MemberInput(secretary, "secretary", "Văn phòng Điều phối nông thôn mới"))
    return ids


def sheet_of(product_set: int = SET) -> Sheet:
    return RuleService().get("qd26-2026").sheet(product_set)


def answers_for(sheet: Sheet, total: int, *, keep_floors: int = 4) -> dict[str, int]:
    """Answers that score exactly `total`, meeting every floor marked ≤ `keep_floors` stars."""
    need: dict[str, int] = {}
    for f in sheet.floors():
        if f.star <= keep_floors:
            need[f.criterion] = max(need.get(f.criterion, 0), f.min_points)
    leaves = sheet.leaves()
    chosen = {c.code: next(o.index for o in c.options if o.points >= need.get(c.code, 0)) for c in leaves}
    current = score(sheet, chosen).total
    assert current <= total, f"floors alone give {current} > {total}"
    changed = True
    while current < total and changed:
        changed = False
        for c in leaves:
            at = chosen[c.code]
            if at + 1 < len(c.options) and c.options[at + 1].case == c.options[at].case:  # one case
                trial = {**chosen, c.code: chosen[c.code] + 1}
                got = score(sheet, trial).total
                if current < got <= total:
                    chosen, current, changed = trial, got, True
    assert current == total, f"could not reach {total} (got {current})"
    return chosen


TOTALS = [100, 100, 99, 99, 100, 99, 99]  # before the missed floor costs 2 points each


def missing_a_five_star_floor(total: int) -> dict[str, int]:
    """Answers of `total` − 2 points meeting every floor but the 5★ floor of criterion 7 (≥ 5 points)."""
    answers = answers_for(sheet_of(), total, keep_floors=5)
    return {**answers, "7": 2}  # the 3-point option: 4★ floor met, 5★ floor missed


def five_star_round(ctx: AppContext, five_star_rule: str | None = None) -> tuple[str, str, str]:
    """A round of two accepted dossiers: "near" (≥ 90 points, every member misses one 5★ floor) and
    "full" (≥ 90 points, every floor met); aggregated, not yet proposed."""
    near, full = sent_dossier(ctx, "Cà phê Chín Chín"), sent_dossier(ctx, "Cà phê Năm Sao")
    for d in (near, full):
        InboxService(ctx, today=TODAY).accept(d)
    round_id = RoundService(ctx, today=TODAY).create(RoundInput(2026, 2)).row.id
    members = council(ctx, round_id)
    if five_star_rule:
        CouncilService(ctx).configure(round_id, five_star_rule=five_star_rule)
    RoundService(ctx, today=TODAY).assign(round_id, [near, full])
    scores = MemberScoreService(ctx)
    for member, total in zip(members, TOTALS, strict=True):
        scores.enter(round_id, near, member, missing_a_five_star_floor(total))
        scores.enter(round_id, full, member, answers_for(sheet_of(), total - 4, keep_floors=5))
    done = {a.entry.dossier_id: a.result for a in AggregationService(ctx).aggregate_round(round_id).done}
    assert done[near].mean_total > 97 and done[near].band_star == 5 and done[near].star == 4
    assert done[full].star == 5
    return round_id, near, full
