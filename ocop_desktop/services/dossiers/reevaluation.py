"""A re-evaluation dossier against the law's dates (QĐ 26/2026 Art. 7.6 and 12.3): the filing window
checked when the dossier is created and when the commune receives it (outside it, the officer must
give a reason, kept on the dossier and in its history), and the dates the editor shows (window, grace,
the province's 45 days)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.dossiers import Action, RegistrationType
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.domain.reevaluation import Filing, FilingCheck, check_filing
from ocop_desktop.domain.text import nfc_multiline
from ocop_desktop.services.core.legal_bases import reevaluation_rules
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.store.models import Certificate, Dossier, DossierEvent

VIETNAM = timezone(timedelta(hours=7))  # events are stamped in UTC; the province's day is Vietnam's


class OutsideFilingWindow(UserError):
    """The re-evaluation is filed outside the window: `check` says where it stands. Done anyway only
    with a reason (`filing_override`)."""

    def __init__(self, check: FilingCheck) -> None:
        super().__init__(
            check.message() + " Nếu vẫn lập hồ sơ, hãy ghi lý do; lý do được lưu trong hồ sơ."
            if check.filing is not Filing.EXPIRED
            else check.message()
        )
        self.check = check


def current_certificate(
    s: Session, product_id: str, today: date, reg: RegistrationType
) -> Certificate | None:
    """The product's certificate a new dossier builds on: a valid one; for a re-evaluation, also one
    expired within the grace of Art. 12.3 (a late filing)."""
    stmt = (
        select(Certificate)
        .where(Certificate.product_id == product_id, Certificate.revoked_on.is_(None))
        .order_by(Certificate.decision_date.desc())
    )
    for c in s.scalars(stmt):
        last = reevaluation_rules(c.ruleset_id).grace_until(c.valid_until)
        if c.valid_until >= today or (reg is RegistrationType.REEVALUATION and last >= today):
            return c
    return None


def expired_beyond_grace(s: Session, product_id: str, today: date, ruleset_id: str) -> FilingCheck | None:
    """Why there is no certificate to re-evaluate, when the latest one expired past its grace."""
    latest = s.scalars(
        select(Certificate)
        .where(Certificate.product_id == product_id, Certificate.revoked_on.is_(None))
        .order_by(Certificate.valid_until.desc())
    ).first()
    if latest is None:
        return None
    check = filing_check(latest.valid_until, today, ruleset_id)
    return check if check.filing is Filing.EXPIRED else None


def filing_check(valid_until: date, on: date, ruleset_id: str) -> FilingCheck:
    """The filing on `on` against the window of the dossier's rule set (the one in force when filed)."""
    return check_filing(
        on, valid_until, RuleService().procedure(ruleset_id, on), reevaluation_rules(ruleset_id)
    )


def require_reason(check: FilingCheck, reason: str) -> str:
    """The officer's reason for a filing outside the window (NFC); refuses an empty one."""
    if check.in_window:
        return ""
    if check.filing is Filing.EXPIRED or not nfc_multiline(reason):
        raise OutsideFilingWindow(check)
    return nfc_multiline(reason)


def check_receipt_window(s: Session, d: Dossier, on: date, note: str) -> None:
    """A re-evaluation received outside its window needs a reason: the one given when it was created,
    or the receipt's note (kept in the history, and on the dossier)."""
    certificate = s.get(Certificate, d.base_certificate_id) if d.base_certificate_id else None
    if d.registration_type != RegistrationType.REEVALUATION.value or certificate is None:
        return
    check = filing_check(certificate.valid_until, on, d.ruleset_id)
    if check.in_window or d.filing_override:
        return
    try:
        d.filing_override = require_reason(check, note)
    except OutsideFilingWindow as exc:
        raise ValidationError({"note": exc.message + " Ghi lý do ở ô “Ghi chú”."}) from None


@dataclass(frozen=True)
class ReevaluationDates:
    """What the editor shows of a re-evaluation: the certificate's window and grace, the reason given
    for a filing outside it, and the province's limit (45 days from its receipt of the dossier)."""

    valid_until: date
    window_opens: date
    window_closes: date
    grace_until: date
    filing_override: str
    completion_days: int
    province_received_on: date | None
    completion_deadline: date | None


def reevaluation_dates(s: Session, d: Dossier, events: Iterable[DossierEvent]) -> ReevaluationDates | None:
    if d.registration_type != RegistrationType.REEVALUATION.value or not d.base_certificate_id:
        return None
    certificate = s.get(Certificate, d.base_certificate_id)
    if certificate is None:
        return None
    rules = reevaluation_rules(d.ruleset_id)
    check = filing_check(certificate.valid_until, d.received_on or d.created_at.date(), d.ruleset_id)
    accepted = [e.at for e in events if e.action == Action.ACCEPT.value]
    received = vietnam_day(max(accepted)) if accepted else None
    return ReevaluationDates(
        certificate.valid_until,
        check.window.opens,
        check.window.closes,
        check.grace_until,
        d.filing_override,
        rules.completion_days,
        received,
        rules.completion_deadline(received) if received else None,
    )


def vietnam_day(at: datetime) -> date:
    """The day in Vietnam of an event stamped in UTC (a naive stamp is UTC)."""
    return (at if at.tzinfo is not None else at.replace(tzinfo=UTC)).astimezone(VIETNAM).date()
