"""Province-scale demo volume (DESIGN.md §4: 60,000 dossiers, 2 million criterion answers,
200,000 attachments) written with bulk inserts, to measure the app at 10× today's largest province."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ocop_desktop.domain.checklist import checklist_for
from ocop_desktop.domain.deadlines import certificate_valid_until
from ocop_desktop.domain.rules.model import RuleSet
from ocop_desktop.domain.text import fold
from ocop_desktop.services.core.reference import checklist_data
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.store.audit import record_bulk_inserts
from ocop_desktop.store.base import new_uuid
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.models import Attachment, Blob, Certificate, ChecklistItem, Dossier, ScoreSheet

DOSSIERS_PER_PRODUCT = 3
ATTACHMENTS = 200_000
SHARED_SCANS = 64  # distinct small files; attachments share them (the store deduplicates)
STATUSES = [("decided", 5), ("accepted", 2), ("sent", 2), ("returned", 1)]
CHUNK = 20_000


def add_province_volume(
    s: Session,
    blobs: BlobStore,
    products: list[dict[str, Any]],
    ruleset: RuleSet,
    stamp: dict[str, Any],
    rng: random.Random,
    today: date,
) -> dict[str, int]:
    leaves = {  # the last three options usable in each alternative case ("Trường hợp 1/2")
        sheet.number: [(leaf.code, (leaf.choices(0)[-3:], leaf.choices(1)[-3:])) for leaf in sheet.leaves()]
        for sheet in ruleset.sheets
    }
    scans = _shared_scans(s, blobs)
    data = checklist_data(ruleset.id)
    procedure = RuleService().procedure(ruleset.id, today)
    templates = {
        (n, reg): [t for t in checklist_for(data, n, reg) if t.requirement.value != "not_applicable"]
        for n in leaves
        for reg in ("first", "upgrade", "reevaluation")
    }
    dossiers, sheets, items, attachments, certificates = [], [], [], [], []
    total_dossiers = len(products) * DOSSIERS_PER_PRODUCT
    for product in products:
        for n in range(DOSSIERS_PER_PRODUCT):
            status = rng.choices([st for st, _ in STATUSES], [w for _, w in STATUSES])[0]
            did = new_uuid()
            received = today - timedelta(days=rng.randint(30, 1000))
            dossiers.append(
                {
                    **stamp,
                    "id": did,
                    "product_id": product["id"],
                    "registration_type": ["first", "upgrade", "reevaluation"][n],
                    "ruleset_id": ruleset.id,
                    "ruleset_hash": ruleset.content_hash,
                    "product_set": product["product_set"],
                    "status": status,
                    "forms": {},
                    "received_on": received,
                    "return_reasons": "",
                    "search_key": fold(product["search_key"]),
                }
            )
            case = rng.randrange(2)  # one alternative case per sheet
            answers = {code: rng.choice(usable[case]) for code, usable in leaves[product["product_set"]]}
            sheets.append(
                {
                    **stamp,
                    "id": new_uuid(),
                    "dossier_id": did,
                    "kind": "self",
                    "ruleset_id": ruleset.id,
                    "ruleset_hash": ruleset.content_hash,
                    "product_set": product["product_set"],
                    "answers": answers,
                    "knockouts": [],
                    "notes": {},
                    "evidence": {},
                    "opinion": "",
                }
            )
            for t in templates[(product["product_set"], dossiers[-1]["registration_type"])]:
                items.append(
                    {
                        **stamp,
                        "id": new_uuid(),
                        "dossier_id": did,
                        "key": t.key,
                        "requirement": t.requirement.value,
                        "status": "provided",
                        "note": "",
                    }
                )
            quota = (
                ATTACHMENTS * (len(dossiers)) // total_dossiers
                - ATTACHMENTS * (len(dossiers) - 1) // total_dossiers
            )
            for k in rng.sample(range(SHARED_SCANS), quota):
                attachments.append(
                    {
                        **stamp,
                        "id": new_uuid(),
                        "dossier_id": did,
                        "blob_sha256": scans[k],
                        "filename": f"minh-chung-{k:02d}.pdf",
                        "criteria": "",
                    }
                )
            if status == "decided":
                issued = received + timedelta(days=60)
                certificates.append(
                    {
                        **stamp,
                        "id": new_uuid(),
                        "product_id": product["id"],
                        "dossier_id": did,
                        "stars": rng.choice([3, 3, 3, 4]),
                        "decision_number": f"{rng.randint(10, 999)}/QĐ-UBND",
                        "decision_date": issued,
                        "issuing_level": "province",
                        "issuer": "",
                        "valid_until": certificate_valid_until(issued, procedure),
                        "ruleset_id": ruleset.id,
                        "revoke_reason": "",
                    }
                )
    conn = s.connection()  # Core inserts: the ORM's per-row bookkeeping is not needed for fresh rows
    for model, rows in (
        (Dossier, dossiers),
        (ScoreSheet, sheets),
        (ChecklistItem, items),
        (Attachment, attachments),
        (Certificate, certificates),
    ):
        for start in range(0, len(rows), CHUNK):
            conn.execute(insert(model), rows[start : start + CHUNK])
        record_bulk_inserts(s, model.__table__, [r["id"] for r in rows])  # sample data: one entry a table
    return {
        "dossiers": len(dossiers),
        "criterion_answers": sum(len(x["answers"]) for x in sheets),
        "attachments": len(attachments),
        "certificates": len(certificates),
    }


def _shared_scans(s: Session, blobs: BlobStore) -> list[str]:
    hashes = []
    for k in range(SHARED_SCANS):
        data = b"%PDF-1.4\n% demo scan " + str(k).encode() + b"\n%%EOF\n"
        stored = blobs.put_bytes(data)
        if not stored.existed:
            s.add(Blob(sha256=stored.sha256, size=stored.size, media_type="application/pdf", pages=1))
        hashes.append(stored.sha256)
    s.flush()
    return hashes
