"""Province-scale demo volume (DESIGN.md §4: 60,000 dossiers, 2 million criterion answers, 200,000
attachments) written with bulk inserts, to measure the app at 10× today's largest province.

Several years of work: rounds from 2023 (`demo.rounds`: councils, member sheets, results by the real
engine, decisions and their certificates), decisions taken before those rounds (certificates of QĐ 1048 /
QĐ 148, some by the former districts, some revoked), dossiers sent, accepted or returned with their
reasons, year plans, trusted communes and real PDF evidence (`demo.extras`)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ocop_desktop.domain.checklist import checklist_for
from ocop_desktop.domain.deadlines import certificate_valid_until
from ocop_desktop.domain.rules.council import CouncilRules
from ocop_desktop.domain.rules.model import Procedure, RuleSet
from ocop_desktop.domain.text import fold
from ocop_desktop.services.core.reference import checklist_data
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.demo import extras
from ocop_desktop.services.demo.rounds import (
    PROVINCE_ISSUER,
    DemoRound,
    entry_row,
    plan_rounds,
    score_by_council,
    take,
)
from ocop_desktop.store.audit import record_bulk_inserts
from ocop_desktop.store.base import new_uuid
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.models import (
    Attachment,
    Certificate,
    ChecklistItem,
    Dossier,
    KeyRecord,
    Office,
    ScoreSheet,
)
from ocop_desktop.store.models.dossiers import DossierEvent
from ocop_desktop.store.models.plans import YearPlan
from ocop_desktop.store.models.province import CouncilMember, EvaluationRound, RecognitionDecision, RoundEntry

DOSSIERS_PER_PRODUCT = 3
ATTACHMENTS = 200_000  # for DESIGN_DOSSIERS; a smaller build keeps the rate
DESIGN_DOSSIERS = 60_000
SHARED_SCANS = 64  # distinct files; attachments share them (the store deduplicates by content hash)
STATUSES = [("decided", 5), ("accepted", 2), ("sent", 2), ("returned", 1)]
OPEN_ROUND_SHARE = 0.3  # of the accepted dossiers, those already in the open round
CHUNK = 20_000
LEGACY_BASES = [  # (in force from, legal basis): decisions taken before the rounds kept here
    (date(2019, 8, 21), "qd1048-2019"),
    (date(2023, 2, 24), "qd148-2023"),
]
DISTRICTS_UNTIL = date(2025, 7, 1)  # QĐ 148: the district recognised 3★ until the districts were dissolved

Progress = Callable[[str], None]


@dataclass
class _Rows:
    """Everything to write, by model, in the order foreign keys need."""

    by_model: dict[type, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, model: type, *rows: dict[str, Any]) -> None:
        self.by_model.setdefault(model, []).extend(rows)

    def of(self, model: type) -> list[dict[str, Any]]:
        return self.by_model.setdefault(model, [])


class _Volume:
    def __init__(
        self, ruleset: RuleSet, stamp: dict[str, Any], rng: random.Random, today: date, n_products: int
    ) -> None:
        self.ruleset, self.stamp, self.rng, self.today = ruleset, stamp, rng, today
        self.rows = _Rows()
        self.procedure: Procedure = RuleService().procedure(ruleset.id, today)
        self.rules = CouncilRules.defaults(self.procedure)
        self.rounds = plan_rounds(rng, today, n_products, self.rules, stamp)
        self.leaves = {  # the last three options usable in each alternative case ("Trường hợp 1/2")
            sheet.number: [
                (leaf.code, (leaf.choices(0)[-3:], leaf.choices(1)[-3:])) for leaf in sheet.leaves()
            ]
            for sheet in ruleset.sheets
        }
        data = checklist_data(ruleset.id)
        self.templates = {
            (n, reg): [t for t in checklist_for(data, n, reg) if t.requirement.value != "not_applicable"]
            for n in self.leaves
            for reg in ("first", "upgrade", "reevaluation")
        }
        self.scans: list[tuple[str, str]] = []
        self.attachment_quota = 0.0

    # -- one dossier ----------------------------------------------------------------------------------
    def dossier(self, product: dict[str, Any], n: int) -> None:
        rng = self.rng
        status = rng.choices([st for st, _ in STATUSES], [w for _, w in STATUSES])[0]
        slot = None
        if status == "decided":
            slot = take(rng, self.rounds, closed=True)
        elif status == "accepted" and rng.random() < OPEN_ROUND_SHARE:
            slot = take(rng, self.rounds, closed=False)
        if slot is not None:
            received = slot.cutoff - timedelta(days=rng.randint(10, 150))
        elif status == "decided":
            received = self.today - timedelta(days=rng.randint(900, 2400))  # decided before the rounds
        else:
            received = self.today - timedelta(days=rng.randint(5, 160))
        did = new_uuid()
        d = {
            **self.stamp,
            "id": did,
            "product_id": product["id"],
            "registration_type": ["first", "upgrade", "reevaluation"][n],
            "ruleset_id": self.ruleset.id,
            "ruleset_hash": self.ruleset.content_hash,
            "product_set": product["product_set"],
            "status": status,
            "forms": {},
            "received_on": received,
            "return_reasons": extras.return_reasons(rng) if status == "returned" else "",
            "search_key": fold(product["search_key"]),
        }
        self.rows.add(Dossier, d)
        case = rng.randrange(2)  # one alternative case per sheet
        options = {code: list(usable[case]) for code, usable in self.leaves[product["product_set"]]}
        # A dossier the province puts before a council is, most often, one that stands a chance.
        best = 2 if slot is not None else 3
        answers = {code: rng.choice(usable[-best:]) for code, usable in options.items()}
        self.rows.add(ScoreSheet, self._self_sheet(d, answers))
        self._papers(d)
        if status == "returned":
            self._returned(d)
        if slot is not None:
            self._in_round(slot, d, answers, options)
        elif status == "decided":
            self._decided_before_rounds(d, received)

    def _self_sheet(self, d: dict[str, Any], answers: dict[str, int]) -> dict[str, Any]:
        return {
            **self.stamp,
            "id": new_uuid(),
            "dossier_id": d["id"],
            "kind": "self",
            "member_id": None,
            "ruleset_id": d["ruleset_id"],
            "ruleset_hash": d["ruleset_hash"],
            "product_set": d["product_set"],
            "answers": answers,
            "knockouts": [],
            "notes": {},
            "evidence": {},
            "opinion": "",
            # Every row of one insert must name the same columns: SQLAlchemy takes them from a chunk's first
            # row and would silently drop a member sheet's member and totals after a self-assessment.
            "total": None,
            "star": None,
        }

    def _papers(self, d: dict[str, Any]) -> None:
        for t in self.templates[(d["product_set"], d["registration_type"])]:
            self.rows.add(
                ChecklistItem,
                {
                    **self.stamp,
                    "id": new_uuid(),
                    "dossier_id": d["id"],
                    "key": t.key,
                    "requirement": t.requirement.value,
                    "status": "provided",
                    "note": "",
                },
            )
        self.attachment_quota += ATTACHMENTS / DESIGN_DOSSIERS
        quota = int(self.attachment_quota)
        self.attachment_quota -= quota
        for k in self.rng.sample(range(len(self.scans)), quota):
            sha, name = self.scans[k]
            self.rows.add(
                Attachment,
                {
                    **self.stamp,
                    "id": new_uuid(),
                    "dossier_id": d["id"],
                    "blob_sha256": sha,
                    "filename": name,
                    "criteria": "",
                },
            )

    def _returned(self, d: dict[str, Any]) -> None:
        day = d["received_on"] + timedelta(days=self.rng.randint(3, 40))
        self.rows.add(
            DossierEvent,
            {
                "id": new_uuid(),
                "dossier_id": d["id"],
                "action": "return",
                "from_status": "sent",
                "to_status": "returned",
                "at": datetime(day.year, day.month, day.day, 9, self.rng.randint(0, 59)),
                "office_id": self.stamp["updated_by_office_id"],
                "officer_id": self.stamp["updated_by_officer_id"],
                "note": d["return_reasons"],
            },
        )

    def _in_round(
        self, r: DemoRound, d: dict[str, Any], answers: dict[str, int], options: dict[str, list[int]]
    ) -> None:
        labels = {m["id"]: f"TV{m['seq']}" for m in r.members}
        scored = None
        if r.closed or self.rng.random() < 0.6:  # the open round: some dossiers not scored yet
            scored = score_by_council(self.rng, r, d, self.ruleset, answers, options, self.rules, self.stamp)
            self.rows.add(ScoreSheet, *scored.sheets)
        entry = entry_row(r, d["id"], scored, self.stamp, labels)
        self.rows.add(RoundEntry, entry)
        if entry["status"] != "decided":
            if r.closed:
                d["status"] = "accepted"  # evaluated, not recognised: no certificate
            return
        assert r.decision is not None
        decided_on: date = r.decision["decided_on"]
        cert = self._certificate(d, entry["proposed_star"], r.decision["number"], decided_on, "province")
        cert.update(total=entry["mean_total"], issuer=PROVINCE_ISSUER)
        entry.update(decision_id=r.decision["id"], certificate_id=cert["id"])

    def _decided_before_rounds(self, d: dict[str, Any], received: date) -> None:
        issued = received + timedelta(days=60)
        stars = self.rng.choice([3, 3, 3, 4])
        basis = (
            [b for start, b in LEGACY_BASES if start <= issued][-1] if issued >= LEGACY_BASES[0][0] else ""
        )
        district = stars == 3 and basis == "qd148-2023" and issued < DISTRICTS_UNTIL
        cert = self._certificate(
            d, stars, f"{self.rng.randint(10, 999)}/QĐ-UBND", issued, "district" if district else "province"
        )
        cert["ruleset_id"] = basis or LEGACY_BASES[0][1]
        cert["issuer"] = "UBND huyện (trước sắp xếp)" if district else PROVINCE_ISSUER
        if self.rng.random() < 0.01:
            cert["revoked_on"] = issued + timedelta(days=self.rng.randint(90, 600))
            cert["revoke_reason"] = (
                "Chủ thể vi phạm quy định về an toàn thực phẩm; thu hồi theo đề nghị của Sở."
            )

    def _certificate(
        self, d: dict[str, Any], stars: int, number: str, issued: date, level: str
    ) -> dict[str, Any]:
        cert = {
            **self.stamp,
            "id": new_uuid(),
            "product_id": d["product_id"],
            "dossier_id": d["id"],
            "stars": stars,
            "total": None,
            "decision_number": number,
            "decision_date": issued,
            "issuing_level": level,
            "issuer": "",
            "valid_until": certificate_valid_until(issued, self.procedure),
            "ruleset_id": d["ruleset_id"],
            "revoked_on": None,
            "revoke_reason": "",
        }
        self.rows.add(Certificate, cert)
        return cert


def add_province_volume(
    s: Session,
    blobs: BlobStore,
    products: list[dict[str, Any]],
    ruleset: RuleSet,
    stamp: dict[str, Any],
    rng: random.Random,
    today: date,
    *,
    communes: list[tuple[str, str, str]] | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    say = progress or (lambda _text: None)
    started = time.perf_counter()
    v = _Volume(ruleset, stamp, rng, today, len(products))
    v.scans = extras.shared_scans(s, blobs, SHARED_SCANS, rng)
    say(f"Tệp minh chứng PDF: {len(v.scans)} tệp nhiều trang, dùng chung ({_since(started)})")
    v.rows.add(EvaluationRound, *(r.row for r in v.rounds))
    v.rows.add(CouncilMember, *(m for r in v.rounds for m in r.members))
    v.rows.add(RecognitionDecision, *(r.decision for r in v.rounds if r.decision is not None))
    for i, product in enumerate(products):
        for n in range(DOSSIERS_PER_PRODUCT):
            v.dossier(product, n)
        if (i + 1) % 5000 == 0:
            say(f"Hồ sơ: {len(v.rows.of(Dossier)):,} ({_since(started)})")
    offices, keys = extras.trusted_communes(rng, communes or [], stamp)
    v.rows.add(Office, *offices)
    v.rows.add(KeyRecord, *keys)
    groups = sorted({ps.product_group for ps in ruleset.product_sets()})
    v.rows.add(YearPlan, *extras.year_plans(rng, communes or [], groups, today))
    say(
        f"Đợt đánh giá: {len(v.rounds)} đợt, {sum(len(r.entries) for r in v.rounds):,} lượt hồ sơ "
        f"({_since(started)})"
    )
    conn = s.connection()  # Core inserts: the ORM's per-row bookkeeping is not needed for fresh rows
    for model in (
        Office,
        KeyRecord,
        EvaluationRound,
        CouncilMember,
        RecognitionDecision,
        Dossier,
        DossierEvent,
        ScoreSheet,
        ChecklistItem,
        Attachment,
        Certificate,
        RoundEntry,
        YearPlan,
    ):
        rows = v.rows.of(model)
        for start in range(0, len(rows), CHUNK):
            conn.execute(insert(model), rows[start : start + CHUNK])
        pk = "fingerprint" if model is KeyRecord else "id"
        record_bulk_inserts(s, model.__table__, [r[pk] for r in rows])  # sample data: one entry a table
        say(f"Ghi {model.__tablename__}: {len(rows):,} dòng ({_since(started)})")
    return _counts(v)


def _counts(v: _Volume) -> dict[str, int]:
    sheets = v.rows.of(ScoreSheet)
    entries = v.rows.of(RoundEntry)
    certificates = v.rows.of(Certificate)
    return {
        "dossiers": len(v.rows.of(Dossier)),
        "criterion_answers": sum(len(x["answers"]) for x in sheets),
        "attachments": len(v.rows.of(Attachment)),
        "distinct_evidence_files": len(v.scans),
        "certificates": len(certificates),
        "certificates_revoked": sum(1 for c in certificates if c["revoked_on"] is not None),
        "rounds": len(v.rounds),
        "decisions": len(v.rows.of(RecognitionDecision)),
        "council_members": len(v.rows.of(CouncilMember)),
        "round_entries": len(entries),
        "member_sheets": sum(1 for x in sheets if x["kind"] == "member"),
        "not_recognised": sum(1 for e in entries if e["status"] == "not_recognised"),
        "returned": len(v.rows.of(DossierEvent)),
        "year_plan_lines": len(v.rows.of(YearPlan)),
        "trusted_communes": len(v.rows.of(Office)),
    }


def _since(started: float) -> str:
    return f"{time.perf_counter() - started:.1f} giây"
