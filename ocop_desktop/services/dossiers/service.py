"""Dossiers at the commune: create (pinned to the rule set in force), fill the forms (autosave),
move through the lifecycle by explicit actions, list with deadlines."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ocop_desktop.domain import forms
from ocop_desktop.domain.deadlines import commune_deadline
from ocop_desktop.domain.dossiers import (
    EDITABLE,
    PROVINCE_ACTIONS,
    STEPS_BY_ROLE,
    Action,
    ReceiptNumber,
    RegistrationType,
    Status,
    next_status,
    paper_outcomes,
)
from ocop_desktop.domain.errors import NotFoundError, UserError, ValidationError
from ocop_desktop.domain.province import five_star_lines
from ocop_desktop.domain.text import fold, nfc_multiline
from ocop_desktop.services.core.reference import holiday_calendar
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers import checks as dossier_checks
from ocop_desktop.services.dossiers import listing
from ocop_desktop.services.dossiers.checklists import copy_checklist, create_checklist
from ocop_desktop.services.dossiers.closing import (
    archive_state_read,
    check_withdrawal,
    latest_entry_id,
    offered_actions,
)
from ocop_desktop.services.dossiers.duplicates import refuse_duplicate
from ocop_desktop.services.dossiers.prefill import prefilled_forms, previous_answers, refreshed_forms
from ocop_desktop.services.dossiers.reevaluation import (
    check_receipt_window,
    current_certificate,
    expired_beyond_grace,
    filing_check,
    reevaluation_dates,
    require_reason,
)
from ocop_desktop.services.dossiers.rows import DossierDetail as DossierDetail
from ocop_desktop.services.dossiers.rows import DossierEventRow as DossierEventRow
from ocop_desktop.services.dossiers.rows import DossierRow as DossierRow
from ocop_desktop.services.registry.profile import profile_facts
from ocop_desktop.store.concurrency import conflict, locked, serialise
from ocop_desktop.store.models import (
    AdminUnit,
    Certificate,
    Dossier,
    DossierEvent,
    FiveStarReview,
    Officer,
    Producer,
    Product,
    RoundEntry,
    ScoreSheet,
)

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import Actor, AppContext


class DossierService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today

    def today(self) -> date:
        return self._today or date.today()

    # -- creation ---------------------------------------------------------------------------
    def create(
        self,
        product_id: str,
        registration_type: str,
        *,
        previous_dossier_id: str | None = None,
        allow_duplicate: bool = False,
        filing_override: str = "",
    ) -> DossierDetail:
        """A new dossier of the product. If the product already has an open (not decided) dossier of
        the same registration type, it is refused (`DuplicateDossier`, naming it) unless
        `allow_duplicate`: a second one is a mistake far more often than a wish. A re-evaluation outside
        the filing window of its certificate is refused (`OutsideFilingWindow`) unless the officer gives
        `filing_override`, a reason kept on the dossier."""
        try:
            reg = RegistrationType(registration_type)
        except ValueError:
            raise ValidationError(
                {"registration_type": f"Loại đăng ký “{registration_type}” không hợp lệ."}
            ) from None
        ruleset = RuleService().in_force(self.today())
        with self._ctx.unit_of_work() as s:
            product = s.get(Product, product_id)
            if product is None:
                raise NotFoundError("Không tìm thấy sản phẩm để lập hồ sơ.")
            producer = s.get(Producer, product.producer_id)
            assert producer is not None
            if not allow_duplicate:
                refuse_duplicate(s, product, reg)
            certificate = current_certificate(s, product.id, self.today(), reg)
            override = self._filing_reason(s, reg, product, certificate, ruleset.id, filing_override)
            previous = self._previous(s, reg, product, certificate, previous_dossier_id)
            dossier = Dossier(
                product_id=product.id,
                registration_type=reg.value,
                ruleset_id=ruleset.id,
                ruleset_hash=ruleset.content_hash,
                product_set=product.product_set,
                status=Status.DRAFT.value,
                forms=prefilled_forms(producer, product, self.today(), profile_facts(s, producer.id)),
                previous_dossier_id=previous.id if previous else None,
                base_certificate_id=certificate.id if certificate else None,
                filing_override=override,
                search_key=fold(f"{product.name} {producer.name} {product.code or ''}"),
            )
            if previous is not None:
                dossier.forms = refreshed_forms(
                    previous.forms, producer, product, profile_facts(s, producer.id)
                )
            s.add(dossier)
            s.flush()
            create_checklist(s, dossier, reg.value)
            if previous is not None:
                copy_checklist(s, previous.id, dossier.id)
            answers = previous_answers(s, previous.id) if previous else {}
            s.add(
                ScoreSheet(
                    dossier_id=dossier.id,
                    kind="self",
                    ruleset_id=ruleset.id,
                    ruleset_hash=ruleset.content_hash,
                    product_set=product.product_set,
                    answers=answers,
                )
            )
            dossier_id = dossier.id
        return self.get(dossier_id)

    def _filing_reason(
        self,
        s: Session,
        reg: RegistrationType,
        product: Product,
        certificate: Certificate | None,
        ruleset_id: str,
        reason: str,
    ) -> str:
        """The window of Art. 7.6.a, for a re-evaluation: "" inside it, else the officer's reason."""
        if reg is not RegistrationType.REEVALUATION:
            return ""
        if certificate is None:
            gone = expired_beyond_grace(s, product.id, self.today(), ruleset_id)
            if gone is not None:
                raise UserError(gone.message())
            return ""  # `_previous` says there is no certificate
        return require_reason(filing_check(certificate.valid_until, self.today(), ruleset_id), reason)

    def _previous(
        self,
        s: Session,
        reg: RegistrationType,
        product: Product,
        certificate: Certificate | None,
        previous_id: str | None,
    ) -> Dossier | None:
        if reg is RegistrationType.FIRST:
            return None
        if certificate is None and previous_id is None:
            raise UserError(
                f"Sản phẩm “{product.name}” chưa có giấy chứng nhận OCOP còn hiệu lực, "
                f"nên không thể lập hồ sơ “{reg.label}”. Hãy lập hồ sơ "
                f"“{RegistrationType.FIRST.label}”, hoặc ghi nhận trước giấy chứng nhận đã có của sản phẩm."
            )
        wanted = previous_id or (certificate.dossier_id if certificate else None)
        previous = s.get(Dossier, wanted) if wanted else None
        if previous_id and (previous is None or previous.product_id != product.id):
            raise ValidationError({"previous_dossier_id": "Hồ sơ trước không thuộc sản phẩm này."})
        return previous

    # -- reading ----------------------------------------------------------------------------
    def get(self, dossier_id: str) -> DossierDetail:
        with self._ctx.read() as s:
            # the 5★ review (one per dossier) and the latest round entry come with the dossier: on a
            # server desk every statement is a round trip
            found = s.execute(
                select(Dossier, FiveStarReview, RoundEntry)
                .outerjoin(FiveStarReview, FiveStarReview.dossier_id == Dossier.id)
                .outerjoin(RoundEntry, RoundEntry.id == latest_entry_id(Dossier.id))
                .where(Dossier.id == dossier_id)
            ).first()
            if found is None:
                raise NotFoundError("Không tìm thấy hồ sơ.")
            d, review, entry = found
            row = listing.read_rows(s, self.today(), [Dossier.id == dossier_id], by_key=True)[0]
            named = s.execute(  # each event with the name of its officer (the history shows it)
                select(DossierEvent, Officer.name)
                .outerjoin(Officer, Officer.id == DossierEvent.officer_id)
                .where(DossierEvent.dossier_id == d.id)
                .order_by(DossierEvent.at)
            ).all()
            events = [e for e, _ in named]
            office = self._ctx.office_or_none()
            role, own = (office.role, office.id) if office else ("", None)
            status = Status(d.status)
            return DossierDetail(
                row=row,
                ruleset_id=d.ruleset_id,
                ruleset_hash=d.ruleset_hash,
                forms=dict(d.forms),
                previous_dossier_id=d.previous_dossier_id,
                base_certificate_id=d.base_certificate_id,
                return_reasons=d.return_reasons,
                events=tuple(
                    DossierEventRow(
                        e.action,
                        e.from_status,
                        e.to_status,
                        e.at,
                        e.officer_id,
                        e.note,
                        # a province step recorded by this commune can only have come from paper
                        role == "commune" and e.action in PROVINCE_ACTIONS and e.office_id == own,
                        officer_name or "",
                    )
                    for e, officer_name in named
                ),
                editable=status in EDITABLE,
                allowed_actions=offered_actions(d, role),
                paper_outcomes=tuple(a.value for a in paper_outcomes(status, role)),
                five_star=_five_star(review),
                reevaluation=reevaluation_dates(s, d, events),
                archive=archive_state_read(d, entry, events, self.today()),
            )

    def search(
        self,
        query: str = "",
        *,
        status: str | None = None,
        due_only: bool = False,
        offset: int = 0,
        limit: int | None = None,
        after: DossierRow | None = None,
        with_archived: bool = False,
    ) -> list[DossierRow]:
        """The dossiers matching, nearest deadline first: `limit` of them from `offset` (all if None),
        or, given the last row of the page before (`after`), from the row after it. Archived dossiers
        only `with_archived`."""
        where = listing.conditions(
            self.today(), query=query, status=status, due_only=due_only, with_archived=with_archived
        )
        if after is not None:
            where.append(listing.after(after))
            offset = 0
        with self._ctx.read() as s:
            return listing.read_rows(s, self.today(), where, offset=offset, limit=limit)

    def choices(self) -> list[listing.DossierChoice]:
        """Every dossier as a compact row for a list to pick from, nearest deadline first."""
        with self._ctx.read() as s:
            return listing.read_choices(s)

    def count(
        self,
        query: str = "",
        *,
        status: str | None = None,
        due_only: bool = False,
        with_archived: bool = False,
    ) -> int:
        where = listing.conditions(
            self.today(), query=query, status=status, due_only=due_only, with_archived=with_archived
        )
        with self._ctx.read() as s:
            return listing.count_rows(s, where)

    # -- editing ----------------------------------------------------------------------------
    def save_section(
        self, dossier_id: str, section_key: str, values: dict[str, object], *, expected_revision: int
    ) -> DossierDetail:
        """Autosave of one form section: formats are checked, empty required fields are not (yet)."""
        section = forms.SECTIONS.get(section_key)
        if section is None:
            raise UserError(f"Không có phần biểu mẫu “{section_key}”.")
        cleaned, problems = forms.clean_section(section, values, require=False)
        problems.update(forms.cross_checks(section_key, cleaned))
        if problems:
            raise ValidationError(problems)
        with self._ctx.unit_of_work() as s:
            d = self._for_update(s, dossier_id, expected_revision)
            d.forms = {**d.forms, section_key: {**d.forms.get(section_key, {}), **cleaned}}
        return self.get(dossier_id)

    def _for_update(self, s: Session, dossier_id: str, expected_revision: int | None) -> Dossier:
        d = locked(s, Dossier, dossier_id)
        if d is None:
            raise NotFoundError("Không tìm thấy hồ sơ.")
        if expected_revision is not None and d.revision != expected_revision:
            raise conflict(s, "Hồ sơ đã được thay đổi ở nơi khác trong lúc bạn đang sửa", d)
        if Status(d.status) not in EDITABLE:
            raise UserError(f"Hồ sơ đang ở trạng thái “{Status(d.status).label}”, không sửa được nữa.")
        return d

    # -- lifecycle --------------------------------------------------------------------------
    def act(
        self,
        dossier_id: str,
        action: str,
        *,
        note: str = "",
        on: date | None = None,
        expected_revision: int | None = None,
    ) -> DossierDetail:
        """One explicit lifecycle action, recorded with the officer and time."""
        act = Action(action)
        with self._ctx.unit_of_work() as s:
            d = locked(s, Dossier, dossier_id)
            if d is None:
                raise NotFoundError("Không tìm thấy hồ sơ.")
            if expected_revision is not None and d.revision != expected_revision:
                raise conflict(s, "Hồ sơ đã được thay đổi ở nơi khác", d)
            _target(d, act)  # a move the lifecycle refuses is said before what the content lacks
            self._own_step(act)
            note = nfc_multiline(note)
            self._check(s, d, act, note, on)
            if act is Action.RECEIVE:
                self._receive(s, d, on or self.today(), note)
            if act is Action.RETURN:
                d.return_reasons = note
            record_transition(s, d, act, note, self._ctx.actor())
        return self.get(dossier_id)

    def _own_step(self, act: Action) -> None:
        """Each office takes only its own steps (domain STEPS_BY_ROLE): a commune never accepts,
        returns or decides for its province; what the province decided on paper is recorded by
        `PaperOutcomeService`, under its own name."""
        role = self._ctx.office().role
        if act not in STEPS_BY_ROLE.get(role, frozenset()):
            raise UserError(
                f"“{act.label}” không phải việc của {'xã' if role == 'commune' else 'máy này'}. "
                + (
                    "Kết quả của tỉnh đến bằng gói kết quả, hoặc được ghi nhận theo văn bản giấy của tỉnh."
                    if act in PROVINCE_ACTIONS
                    else ""
                )
            )

    def _check(self, s: Session, d: Dossier, act: Action, note: str, on: date | None) -> None:
        problems: dict[str, str] = {}
        if act in (Action.MARK_COMPLETE, Action.RECEIVE):
            problems.update(dossier_checks.completeness_problems(s, d, self.today()))
        if act is Action.COMMUNE_CHECK:
            problems.update(dossier_checks.section_problems(d, "mau03"))
        if act is Action.WITHDRAW:
            check_withdrawal(d, note)
        if act is Action.RETURN and not note:
            problems["note"] = "Cần ghi rõ lý do trả hồ sơ để xã bổ sung."
        if act is Action.RECEIVE and on is not None and on > self.today():
            problems["received_on"] = f"Ngày tiếp nhận {on:%d/%m/%Y} ở tương lai."
        if problems:
            raise ValidationError(problems)

    def _receive(self, s: Session, d: Dossier, on: date, note: str) -> None:
        check_receipt_window(s, d, on, note)
        product = s.get(Product, d.product_id)
        assert product is not None
        commune = s.get(AdminUnit, product.commune_code)
        assert commune is not None and commune.parent_code is not None
        serialise(s, "receipt", commune.code, on.year)  # one desk at a time numbers this book
        last = s.scalar(
            select(func.max(Dossier.receipt_seq))
            .join(Product, Product.id == Dossier.product_id)
            .where(
                Product.commune_code == commune.code,
                Dossier.received_on >= date(on.year, 1, 1),
                Dossier.received_on < date(on.year + 1, 1, 1),
            )
        )
        seq = (last or 0) + 1
        d.receipt_seq = seq
        d.receipt_number = str(ReceiptNumber(seq, commune.parent_code, commune.code, on.year))
        d.received_on = on
        d.received_by_officer_id = self._ctx.officer_id
        d.deadline = commune_deadline(on, holiday_calendar(), RuleService().procedure(d.ruleset_id, on))


def record_transition(s: Session, d: Dossier, action: Action, note: str, actor: Actor) -> DossierEvent:
    """Move `d` by `action` in the caller's transaction and record the event (who, when, why).

    Only the lifecycle: checks that belong to one action (completeness before receiving, the
    reasons of a return, the council's result before a decision) are the caller's."""
    current = Status(d.status)
    target = _target(d, action)
    event = DossierEvent(
        dossier_id=d.id,
        action=action.value,
        from_status=current.value,
        to_status=target.value,
        office_id=actor.office_id,
        officer_id=actor.officer_id,
        note=nfc_multiline(note),
    )
    s.add(event)
    d.status = target.value
    return event


def _target(d: Dossier, action: Action) -> Status:
    current = Status(d.status)
    target = next_status(current, action)
    if target is None:
        raise UserError(f"Không thể “{action.label}” khi hồ sơ đang “{current.label}”.")
    return target


def _five_star(review: FiveStarReview | None) -> tuple[str, ...]:
    if review is None:
        return ()
    return five_star_lines({c.key: getattr(review, c.key) for c in FiveStarReview.__table__.columns})
