"""Recording, at the commune, a province outcome that came on paper (domain/paper_outcome.py).

The dossier moves as the province's step would move it, and the history says it was recorded from
a paper document (number, date, signer, how it came). Nothing else of the province part is touched:
the return reasons and certificates are the province's and come only in its results package, so
that package still applies as an update when it arrives (docs/sync-package.md §6, "Paper outcomes").
The record never leaves this machine: a submission carries only the commune's own steps
(`services/sync/records.build_record`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ocop_desktop.domain.dossiers import Action, Status, paper_outcomes
from ocop_desktop.domain.errors import ConflictError, NotFoundError, UserError, ValidationError
from ocop_desktop.domain.paper_outcome import PaperDocument, paper_note, paper_problems
from ocop_desktop.services.dossiers.service import DossierDetail, DossierService, record_transition
from ocop_desktop.store.models import Dossier

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class PaperOutcomeService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today

    def record(
        self, dossier_id: str, outcome: str, document: PaperDocument, *, expected_revision: int | None = None
    ) -> DossierDetail:
        """Record `outcome` (accept / return / decide) as the paper `document` states it."""
        try:
            act = Action(outcome)
        except ValueError:
            raise UserError(f"Không có kết quả “{outcome}”.") from None
        doc = document.cleaned()
        role = self._ctx.office().role
        dossiers = DossierService(self._ctx, today=self._today)
        with self._ctx.unit_of_work() as s:
            d = s.get(Dossier, dossier_id)
            if d is None:
                raise NotFoundError("Không tìm thấy hồ sơ.")
            if expected_revision is not None and d.revision != expected_revision:
                raise ConflictError("Hồ sơ đã được thay đổi ở nơi khác. Hãy mở lại hồ sơ.")
            status = Status(d.status)
            if act not in paper_outcomes(status, role):
                raise UserError(
                    f"Hồ sơ đang “{status.label}”: không ghi nhận được “{act.label}” theo văn bản giấy."
                    if role == "commune"
                    else "Chỉ máy của xã ghi nhận kết quả tỉnh gửi bằng văn bản giấy."
                )
            problems = paper_problems(act, doc, dossiers.today())
            if problems:
                raise ValidationError(problems)
            record_transition(s, d, act, paper_note(doc), self._ctx.actor())
        return dossiers.get(dossier_id)
