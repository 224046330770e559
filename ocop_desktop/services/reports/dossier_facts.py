"""The dossiers, round entries and return events a report counts, read as plain tuples for the office's
area (the dossier's product is in one of its communes)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.services.reports.facts import Products, plain_rows
from ocop_desktop.store.models import Dossier
from ocop_desktop.store.models.dossiers import DossierEvent
from ocop_desktop.store.models.province import EvaluationRound, RoundEntry


class DossierFact(NamedTuple):
    """Dates, receipt and product labels are filled for a dossier received and not yet checked (the only
    ones a report lists), return reasons for a dossier returned: the rest are counted, never shown."""

    id: str
    product_id: str
    commune_code: str
    registration_type: str
    status: str
    received_on: date | None
    deadline: date | None
    receipt_number: str
    product_code: str
    product_name: str
    return_reasons: str


class EntryFact(NamedTuple):
    round_id: str
    dossier_id: str
    status: str
    star: int | None
    certificate_id: str | None


class RoundFact(NamedTuple):
    id: str
    year: int
    number: int
    extra: bool


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def dossier_facts(
    s: Session, products: Products, *, registration_type: str | None = None
) -> list[DossierFact]:
    stmt = select(
        Dossier.id,
        Dossier.product_id,
        Dossier.registration_type,
        Dossier.status,
        Dossier.received_on,
        Dossier.deadline,
        Dossier.receipt_number,
        Dossier.return_reasons,
    )
    if registration_type is not None:
        stmt = stmt.where(Dossier.registration_type == registration_type)
    out: list[DossierFact] = []
    append = out.append
    for did, pid, reg, status, received, deadline, receipt, reasons in plain_rows(s, stmt):
        p = products.get(pid)
        if p is None:
            continue
        if status == "received":  # only a dossier waiting for its commune check needs its dates
            append(
                DossierFact(
                    did,
                    pid,
                    p[4],
                    reg,
                    status,
                    _day(received),
                    _day(deadline),
                    receipt or "",
                    p[5] or "",
                    p[6],
                    "",
                )
            )
        else:  # 60,000 at province scale: no dates parsed, no text kept that no report reads
            append(
                DossierFact(
                    did,
                    pid,
                    p[4],
                    reg,
                    status,
                    None,
                    None,
                    "",
                    "",
                    "",
                    reasons if status == "returned" else "",
                )
            )
    return out


def round_facts(s: Session) -> dict[str, RoundFact]:
    stmt = select(EvaluationRound.id, EvaluationRound.year, EvaluationRound.number, EvaluationRound.extra)
    return {r[0]: RoundFact(r[0], r[1], r[2], bool(r[3])) for r in plain_rows(s, stmt)}


def entry_facts(s: Session, dossier_ids: set[str]) -> list[EntryFact]:
    stmt = select(
        RoundEntry.round_id,
        RoundEntry.dossier_id,
        RoundEntry.status,
        RoundEntry.star,
        RoundEntry.certificate_id,
    )
    return [EntryFact(*r) for r in plain_rows(s, stmt) if r[1] in dossier_ids]


def return_events(s: Session, dossier_ids: set[str]) -> list[tuple[str, date, str]]:
    """(dossier id, day, note) of every "return" the province made of the area's dossiers."""
    stmt = select(DossierEvent.dossier_id, DossierEvent.at, DossierEvent.note).where(
        DossierEvent.action == "return"
    )
    return [
        (d, date.fromisoformat(str(at)[:10]), note or "")
        for d, at, note in plain_rows(s, stmt)
        if d in dossier_ids
    ]
