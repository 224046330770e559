"""Province demo: evaluation rounds over several years (two a year, 30/6 and 30/12), each with its council,
the members' score sheets of every dossier it evaluated, the council result computed by the real engine
(`domain.rules.council.aggregate`), and the recognition decision of the closed rounds. Rows are built here
and written in bulk by `province.add_province_volume`."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ocop_desktop.domain.province import EntryStatus, MemberRole
from ocop_desktop.domain.rules.council import CouncilResult, CouncilRules, aggregate
from ocop_desktop.domain.rules.model import RuleSet
from ocop_desktop.domain.rules.scoring import ScoreResult, score
from ocop_desktop.services.demo import catalogue as cat
from ocop_desktop.store.base import new_uuid

FIRST_YEAR = 2023
SHARE_IN_ROUNDS = 0.03  # of the products, per round: a large province evaluates some hundreds a round
COUNCIL = [  # (role, organisation, title)
    (MemberRole.CHAIR, "UBND tỉnh", "Phó Chủ tịch UBND tỉnh"),
    (MemberRole.MEMBER, "Sở Nông nghiệp và Môi trường", "Phó Giám đốc Sở"),
    (MemberRole.MEMBER, "Sở Công Thương", "Trưởng phòng Quản lý thương mại"),
    (MemberRole.MEMBER, "Sở Y tế", "Phó Chi cục trưởng Chi cục An toàn vệ sinh thực phẩm"),
    (MemberRole.MEMBER, "Sở Khoa học và Công nghệ", "Trưởng phòng Quản lý công nghệ"),
    (MemberRole.MEMBER, "Liên minh Hợp tác xã tỉnh", "Phó Chủ tịch"),
    (MemberRole.SECRETARY, "Văn phòng Điều phối nông thôn mới tỉnh", "Chuyên viên"),
]
PROVINCE_ISSUER = "UBND tỉnh Đắk Lắk"


@dataclass
class DemoRound:
    """One round and its council, with room for `capacity` more dossiers."""

    row: dict[str, Any]
    members: list[dict[str, Any]]
    decision: dict[str, Any] | None  # closed rounds only
    capacity: int
    entries: list[dict[str, Any]] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return self.decision is not None

    @property
    def cutoff(self) -> date:
        cutoff: date = self.row["cutoff"]
        return cutoff


def plan_rounds(
    rng: random.Random, today: date, n_products: int, rules: CouncilRules, stamp: dict[str, Any]
) -> list[DemoRound]:
    """Rounds 1 and 2 of every year from 2023 to this one; those whose finish has passed are decided."""
    capacity = max(4, int(n_products * SHARE_IN_ROUNDS))
    rounds: list[DemoRound] = []
    for year in range(FIRST_YEAR, today.year + 1):
        for number, (cutoff, finish) in enumerate(
            ((date(year, 4, 30), date(year, 6, 30)), (date(year, 10, 30), date(year, 12, 30))), start=1
        ):
            if cutoff > today:
                continue
            rid = new_uuid()
            row = {
                **stamp,
                "id": rid,
                "year": year,
                "number": number,
                "name": f"Đợt {number} năm {year}",
                "extra": False,
                "cutoff": cutoff,
                "finish": finish,
                "council_name": f"Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Đắk Lắk năm {year}",
                "council_decision": f"{rng.randint(100, 999)}/QĐ-UBND ngày {cutoff + timedelta(5):%d/%m/%Y}",
                "council_mode": "meeting",
                "max_spread": rules.max_spread,
                "quorum": str(rules.quorum),
                "chair_required": rules.chair_required,
                "floor_rule": rules.floor_rule,
                "five_star_rule": rules.five_star_rule,
            }
            members = [
                {
                    **stamp,
                    "id": new_uuid(),
                    "round_id": rid,
                    "seq": seq,
                    "name": _person(rng),
                    "role": role.value,
                    "organisation": organisation,
                    "title": title,
                    "present": True,
                }
                for seq, (role, organisation, title) in enumerate(COUNCIL, start=1)
            ]
            decided_on = finish - timedelta(days=rng.randint(2, 20))
            decision = None
            if decided_on <= today - timedelta(days=7):
                decision = {
                    **stamp,
                    "id": new_uuid(),
                    "round_id": rid,
                    "number": f"{rng.randint(1000, 3999)}/QĐ-UBND",
                    "year": decided_on.year,
                    "decided_on": decided_on,
                    "signer": _person(rng),
                    "signer_title": "Phó Chủ tịch UBND tỉnh",
                    "issuer": PROVINCE_ISSUER,
                }
            rounds.append(DemoRound(row, members, decision, capacity))
    return rounds


def take(rng: random.Random, rounds: list[DemoRound], *, closed: bool) -> DemoRound | None:
    """A round (closed, or the open one) with room left, or None when they are full."""
    open_ = [r for r in rounds if r.closed == closed and len(r.entries) < r.capacity]
    return rng.choice(open_) if open_ else None


def _person(rng: random.Random) -> str:
    female = rng.random() < 0.5
    middle = rng.choice(cat.MIDDLE_F if female else cat.MIDDLE_M)
    given = rng.choice(cat.GIVEN_F if female else cat.GIVEN_M)
    return f"{rng.choice(cat.SURNAMES[:17])} {middle} {given}"


@dataclass(frozen=True)
class Scored:
    """A dossier scored by a council: the member sheets to write and the council's result."""

    sheets: list[dict[str, Any]]
    result: CouncilResult


def score_by_council(
    rng: random.Random,
    r: DemoRound,
    dossier: dict[str, Any],
    ruleset: RuleSet,
    self_answers: dict[str, int],
    options: dict[str, list[int]],
    rules: CouncilRules,
    stamp: dict[str, Any],
) -> Scored:
    """Each scoring member starts from the producer's answers and moves a few criteria by one option;
    when that spreads the totals past the round's limit, the council re-scores closer together (the
    stored sheets are the re-scored ones)."""
    sheet = ruleset.sheet(dossier["product_set"])
    scorers = [m for m in r.members if m["role"] != MemberRole.SECRETARY.value]
    chair = scorers[0]["id"]
    for drift in (0.12, 0.03, 0.0):
        answers = {m["id"]: _drift(rng, self_answers, options, drift) for m in scorers}
        results: dict[str, ScoreResult] = {mid: score(sheet, a, one_case=False) for mid, a in answers.items()}
        result = aggregate(sheet, results, council_size=len(scorers), chair=chair, rules=rules)
        if result.spread_ok:
            break
    sheets = [
        {
            **stamp,
            "id": new_uuid(),
            "dossier_id": dossier["id"],
            "kind": "member",
            "member_id": mid,
            "ruleset_id": dossier["ruleset_id"],
            "ruleset_hash": dossier["ruleset_hash"],
            "product_set": dossier["product_set"],
            "answers": a,
            "knockouts": [],
            "notes": {},
            "evidence": {},
            "opinion": "",
            "total": float(results[mid].total),
            "star": results[mid].star,
        }
        for mid, a in answers.items()
    ]
    return Scored(sheets, result)


def _drift(
    rng: random.Random, answers: dict[str, int], options: dict[str, list[int]], share: float
) -> dict[str, int]:
    out = dict(answers)
    if share <= 0:
        return out
    for code, index in answers.items():
        if rng.random() < share:
            usable = options[code]
            pos = usable.index(index) if index in usable else 0
            out[code] = usable[max(0, min(len(usable) - 1, pos + rng.choice((-1, 1))))]
    return out


def entry_row(
    r: DemoRound, dossier_id: str, scored: Scored | None, stamp: dict[str, Any], labels: dict[str, str]
) -> dict[str, Any]:
    """The dossier's line in the round: assigned (no sheets yet), or aggregated (open round), or
    proposed then decided / not recognised (closed round; `decision_id`, `certificate_id` filled later)."""
    row: dict[str, Any] = {
        **stamp,
        "id": new_uuid(),
        "round_id": r.row["id"],
        "dossier_id": dossier_id,
        "seq": len(r.entries) + 1,
        "status": EntryStatus.ASSIGNED.value,
        "council_knockouts": [],
        "mean_total": None,
        "star": None,
        "spread": None,
        "valid": None,
        "result": None,
        "history": [],
        "rescore_count": 0,
        "proposed_star": None,
        "decision_id": None,
        "certificate_id": None,
    }
    if scored is not None:
        res = scored.result
        row.update(
            mean_total=float(res.mean_total),
            star=res.star,
            spread=res.spread,
            valid=res.valid,
            result=res.to_json(),
            history=[
                {
                    "event": "aggregated",
                    "at": f"{r.row['finish'] - timedelta(days=30):%Y-%m-%d}T08:00:00",
                    "totals": {labels.get(m, m): t for m, t in res.totals.items()},
                    "mean_total": float(res.mean_total),
                    "spread": res.spread,
                    "star": res.star,
                    "valid": res.valid,
                    "problems": list(res.problems),
                }
            ],
        )
        if not res.spread_ok:
            row.update(status=EntryStatus.NEEDS_RESCORE.value, rescore_count=1)
        elif not r.closed:
            row["status"] = EntryStatus.AGGREGATED.value
        elif res.certified:
            row.update(status=EntryStatus.DECIDED.value, proposed_star=min(res.star, 4))
        else:
            row["status"] = EntryStatus.NOT_RECOGNISED.value
    r.entries.append(row)
    return row
