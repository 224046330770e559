"""Province views that cut across rounds: certificates expiring or expired (re-evaluation windows),
and the outcome of every dossier, per commune, as plain data for the results package back to the
communes (the package itself belongs to the sync layer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ocop_desktop.domain.deadlines import reevaluation_window
from ocop_desktop.domain.dossiers import RegistrationType, Status
from ocop_desktop.domain.province import EntryStatus
from ocop_desktop.domain.reevaluation import valid_through
from ocop_desktop.services.core.legal_bases import reevaluation_rules, reevaluation_rules_by_ruleset
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.province.common import round_label
from ocop_desktop.services.registry.certificates import filed_late
from ocop_desktop.store.models import AdminUnit, Certificate, Dossier, Producer, Product
from ocop_desktop.store.models.province import EvaluationRound, RecognitionDecision, RoundEntry
from ocop_desktop.store.queries import with_commune

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class ExpiryRow:
    certificate_id: str
    product_id: str
    product_name: str
    product_code: str
    producer_name: str
    commune_code: str
    commune_name: str
    stars: int
    decision_number: str
    decision_date: date
    issuing_level: str
    valid_until: date
    days_left: int  # negative once expired
    state: str  # expiring | grace (expired, a late re-evaluation awaits its result: Art. 12.3) | expired
    reevaluation_opens: date
    reevaluation_closes: date
    window_open: bool  # today is inside the 180–120-day filing window
    reevaluation_dossier_id: str | None  # a re-evaluation dossier based on this certificate, if any
    valid_through: date | None = None  # in grace: valid until the result, at most this day


@dataclass(frozen=True)
class DossierOutcome:
    """What the commune learns about one of its dossiers."""

    dossier_id: str
    dossier_revision: int
    commune_code: str
    product_id: str
    product_name: str
    status: str
    status_label: str
    return_reasons: str
    round_id: str | None
    round_label: str
    entry_status: str | None
    mean_total: float | None
    star: int | None
    decision_number: str
    decided_on: date | None
    certificate_id: str | None
    valid_until: date | None


class ProvinceReportService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today or date.today()

    def expiring(self, within_days: int | None = None, *, include_expired: bool = True) -> list[ExpiryRow]:
        """Certificates in force that expire within `within_days` (by default: the days before expiry
        when the re-evaluation window opens, by the rule set in force) and, by default, those already
        expired, leaving out any replaced by a newer certificate of the same product."""
        today = self._today
        procedure = cache(lambda ruleset_id: RuleService().procedure(ruleset_id, today))
        if within_days is None:
            within_days = procedure(None).reevaluation_opens_days
        latest = (
            select(Certificate.product_id, func.max(Certificate.decision_date).label("decided"))
            .where(Certificate.revoked_on.is_(None))
            .group_by(Certificate.product_id)
            .subquery()
        )
        renewal = (
            select(Dossier.base_certificate_id, func.max(Dossier.id).label("dossier_id"))
            .where(
                Dossier.registration_type == RegistrationType.REEVALUATION.value,
                Dossier.base_certificate_id.is_not(None),
            )
            .group_by(Dossier.base_certificate_id)
            .subquery()
        )
        current = (
            select(
                Certificate,
                Product.name,
                Product.code,
                Producer.name,
                Product.commune_code,
                AdminUnit.name,
                renewal.c.dossier_id,
            )
            .join(Product, Product.id == Certificate.product_id)
            .join(Producer, Producer.id == Product.producer_id)
            .join(
                latest,
                (latest.c.product_id == Certificate.product_id)  # not replaced by a newer one
                & (latest.c.decided == Certificate.decision_date),
            )
        )
        stmt = (
            with_commune(current)
            .outerjoin(renewal, renewal.c.base_certificate_id == Certificate.id)
            .where(
                Certificate.revoked_on.is_(None),
                Certificate.valid_until <= today + timedelta(days=within_days),
            )
            .order_by(Certificate.valid_until)
        )
        if not include_expired:  # still those in the grace of Art. 12.3: they are in force
            longest = max(r.grace_days for r in reevaluation_rules_by_ruleset().values())
            stmt = stmt.where(Certificate.valid_until >= today - timedelta(days=longest))
        rows = []
        with self._ctx.read() as s:
            found = s.execute(stmt).all()
            late = filed_late(s, [c.id for c, *_ in found if c.valid_until < today])
            for c, name, code, producer, commune_code, commune, renewal_id in found:
                window = reevaluation_window(c.valid_until, procedure(c.ruleset_id))
                through = valid_through(
                    c.valid_until, reevaluation_rules(c.ruleset_id), filed_late=c.id in late
                )
                rows.append(
                    ExpiryRow(
                        c.id,
                        c.product_id,
                        name,
                        code or "",
                        producer,
                        commune_code,
                        commune or "",
                        c.stars,
                        c.decision_number,
                        c.decision_date,
                        c.issuing_level,
                        c.valid_until,
                        (c.valid_until - today).days,
                        _expiry_state(c.valid_until, through, today),
                        window.opens,
                        window.closes,
                        window.contains(today),
                        renewal_id,
                        through if through != c.valid_until else None,
                    )
                )
        return rows if include_expired else [r for r in rows if r.state != "expired"]

    def commune_outcomes(
        self, *, commune_code: str | None = None, round_id: str | None = None
    ) -> list[DossierOutcome]:
        """Dossiers the province has acted on (accepted, returned, decided), with their round result,
        decision and certificate: the data of the results package to the communes."""
        stmt = (
            select(Dossier, Product, RoundEntry, EvaluationRound, RecognitionDecision, Certificate)
            .join(Product, Product.id == Dossier.product_id)
            .outerjoin(RoundEntry, RoundEntry.dossier_id == Dossier.id)
            .outerjoin(EvaluationRound, EvaluationRound.id == RoundEntry.round_id)
            .outerjoin(RecognitionDecision, RecognitionDecision.id == RoundEntry.decision_id)
            .outerjoin(Certificate, Certificate.id == RoundEntry.certificate_id)
            .where(Dossier.status.in_([Status.ACCEPTED.value, Status.RETURNED.value, Status.DECIDED.value]))
            .order_by(Product.commune_code, Product.name)
        )
        if commune_code is not None:
            stmt = stmt.where(Product.commune_code == commune_code)
        if round_id is not None:
            stmt = stmt.where(RoundEntry.round_id == round_id)
        out = []
        with self._ctx.read() as s:
            for d, p, e, r, decision, cert in s.execute(stmt):
                final = e is not None and e.status in (EntryStatus.DECIDED, EntryStatus.NOT_RECOGNISED)
                out.append(
                    DossierOutcome(
                        d.id,
                        d.revision,
                        p.commune_code,
                        p.id,
                        p.name,
                        d.status,
                        Status(d.status).label,
                        d.return_reasons,
                        r.id if r else None,
                        round_label(r) if r else "",
                        e.status if e else None,
                        e.mean_total if final else None,
                        (e.proposed_star if final else None),
                        decision.number if decision else "",
                        decision.decided_on if decision else None,
                        cert.id if cert else None,
                        cert.valid_until if cert else None,
                    )
                )
        return out


def _expiry_state(valid_until: date, through: date, today: date) -> str:
    if valid_until >= today:
        return "expiring"
    return "grace" if through >= today else "expired"
