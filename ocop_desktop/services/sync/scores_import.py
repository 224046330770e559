"""The province imports an evaluator laptop's scores (docs/sync-package.md §13, step 4).

Only from the key linked to the member the sheets are for: every sheet goes through
`province.evaluator_data.apply_scores` (the scoring engine), all or nothing, with a signed receipt
in the same transaction; importing it again re-issues the same receipt and changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_desktop.domain.errors import UserError
from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.progress import Progress, report
from ocop_desktop.services.sync.evaluator_payloads import EVALUATOR, need_kind, read_payload
from ocop_desktop.services.sync.ownership_evaluator import check_scores
from ocop_desktop.services.sync.receipts import recording_import
from ocop_desktop.services.sync.sequence import sequence_warnings
from ocop_desktop.services.sync.types import OUTCOME_LABELS, DossierPreview, ImportPreview, ImportResult
from ocop_desktop.store.models.evaluator import EvaluatorLink

INCONSISTENT = "Không ghi được phiếu chấm vì dữ liệu trong gói mâu thuẫn với dữ liệu trên máy này."

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.sync.opened import Opened


class ScoresImport:
    """An `evaluator_scores` package at the province, opened (`opened.open_package`)."""

    def __init__(self, ctx: AppContext, opened: Opened) -> None:
        need_kind(opened.manifest, fmt.Kind.EVALUATOR_SCORES, EVALUATOR)
        self._ctx = ctx
        self._opened = opened

    def preview(self, progress: Progress | None = None) -> ImportPreview:
        """The dry run: every sheet checked through the scoring engine, nothing written."""
        from ocop_desktop.services.province.evaluator_data import import_scores

        opened = self._opened
        if opened.prior is not None:
            return self._previous(opened)
        payload = self._scores_payload(opened)
        try:
            sheets = import_scores(self._ctx, payload, dry_run=True)
        except PackageRefused:
            raise
        except UserError as exc:
            raise PackageRefused("rejected_sheet", exc.message) from None
        return self._preview(opened, payload, sheets)

    def apply(self, progress: Progress | None, receipt_path: Path) -> ImportResult:
        """Every sheet, all or nothing, and the signed receipt at `receipt_path`, in one transaction."""
        target = receipt_path
        from ocop_desktop.services.province.evaluator_data import apply_scores

        opened = self._opened
        prior = opened.prior
        if prior is not None:
            assert prior.receipt is not None
            atomic_write_bytes(target, prior.receipt)
            return ImportResult(self._previous(opened), False, target)
        payload = self._scores_payload(opened)
        with recording_import(self._ctx, opened, target, inconsistent=INCONSISTENT) as recorder:
            try:
                sheets = apply_scores(recorder.session, payload)
            except UserError as exc:
                raise PackageRefused("rejected_sheet", exc.message) from None
            outcomes = [
                {
                    "dossier_id": x.dossier_id,
                    "outcome": x.state,
                    "version": 1,
                    "reason": x.note or f"{x.total} điểm, {x.star} sao",
                }
                for x in sheets
            ]
            notes = {"round_id": payload["round_id"], "member_id": payload["member_id"]}
            recorder.record(outcomes, dossier_count=len(sheets), notes=notes)
        report(progress, 1.0, "Đã nhập gói")
        return ImportResult(self._preview(opened, payload, sheets), True, target)

    def _scores_payload(self, opened: Opened) -> dict[str, Any]:
        """The payload, after checking that the sender is the laptop linked to that member with the
        key confirmed at enrollment."""
        m = opened.manifest
        payload = read_payload(self._ctx, opened.reader)
        member_id = payload.get("member_id")
        with self._ctx.read() as s:
            link = s.get(EvaluatorLink, member_id) if isinstance(member_id, str) else None
        if link is None or link.office_id != m.sender.office_id or link.signing_key != m.signing_key:
            raise PackageRefused(
                "not_linked",
                f"Gói phiếu chấm được ký bởi “{m.sender.name[:80]}”, nhưng khóa này không "
                "phải khóa đã ghi danh cho thành viên Hội đồng trong gói. Chỉ nhận phiếu chấm từ máy "
                "đã được gắn với thành viên đó.",
            )
        check_scores(self._ctx, m, payload)  # §6: the member's own sheets of its assignment, or refused
        return payload

    def _preview(self, opened: Opened, payload: dict[str, Any], sheets: list[Any]) -> ImportPreview:
        rows = tuple(
            DossierPreview(
                x.dossier_id,
                x.product_name,
                "",
                x.state,
                OUTCOME_LABELS[x.state],
                1,
                0 if x.previous_total is None else 1,
                "scored",
                x.note or f"{_total(x.previous_total)} → {x.total} điểm, {x.star} sao",
            )
            for x in sheets
        )
        return ImportPreview(
            opened.info, False, rows, warnings=tuple(sequence_warnings(self._ctx, opened.manifest))
        )

    def _previous(self, opened: Opened) -> ImportPreview:
        prior = opened.prior
        assert prior is not None
        rows = tuple(
            DossierPreview(
                o["dossier_id"],
                "",
                "",
                o["outcome"],
                OUTCOME_LABELS[o["outcome"]],
                1,
                1,
                "scored",
                o.get("reason", ""),
            )
            for o in prior.outcomes.get("dossiers", [])
        )
        return ImportPreview(
            opened.info,
            True,
            rows,
            warnings=(
                f"Gói này đã được nhập ngày {prior.recorded_at:%d/%m/%Y %H:%M}; không có gì thay đổi, "
                "biên nhận được cấp lại.",
            ),
        )


def _total(value: int | None) -> str:
    return "—" if value is None else str(value)
