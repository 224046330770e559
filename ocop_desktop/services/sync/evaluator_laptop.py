"""The evaluator laptop's side of evaluator packages (docs/sync-package.md §13): its enrollment for
the province, the assignment in (`assignment_import.py`), the signed scores out.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from ocop_desktop.domain.errors import UserError
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.manifest import Party
from ocop_desktop.progress import Progress
from ocop_desktop.services.sync.assignment_import import AssignmentImport
from ocop_desktop.services.sync.evaluator_payloads import (
    EVALUATOR,
    PROVINCE,
    SCHEMA,
    add_payload,
    office_json,
    refuse_role,
    write_outgoing,
)
from ocop_desktop.services.sync.export import payload_bytes
from ocop_desktop.services.sync.keys import encryption_key_of
from ocop_desktop.services.sync.outgoing import ExportResult, Outgoing, party
from ocop_desktop.services.sync.typed_fingerprint import check_typed
from ocop_desktop.services.sync.types import Confirmation, ImportPreview, ImportResult
from ocop_desktop.store.audit import audited_execute
from ocop_desktop.store.models import Office
from ocop_desktop.store.models.evaluator import EvaluatorSheet, ReceivedAssignment

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class EvaluatorPackages:
    """Evaluator laptop: enrollment for the province, assignments in, signed scores out."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def export_enrollment(self, target: Path) -> ExportResult:
        """This laptop's office and public keys, for its province (compare the fingerprint by phone)."""
        refuse_role(self._ctx, EVALUATOR, "Xuất gói ghi danh máy chấm điểm")
        office, keys = office_json(self._ctx)
        recipient = Party(None, "Cơ quan OCOP cấp tỉnh", office["unit_code"], PROVINCE)
        out = Outgoing(self._ctx, fmt.Kind.ENROLLMENT, recipient, Path(target))
        out.writer.add_file(fmt.PAYLOAD, _enrollment_bytes(office, keys))
        return write_outgoing(self._ctx, out)

    # -- assignment in ------------------------------------------------------------------------------
    def preview_assignment(
        self,
        path: Path,
        *,
        confirm_fingerprint: str | None = None,
        progress: Progress | None = None,
        confirm_key_change: str | None = None,
    ) -> ImportPreview:
        with AssignmentImport(
            self._ctx, Path(path), Confirmation(confirm_fingerprint, confirm_key_change)
        ) as job:
            check_typed(job.m, confirm_fingerprint)
            return job.preview(progress)

    def import_assignment(
        self,
        path: Path,
        *,
        confirm_fingerprint: str | None = None,
        progress: Progress | None = None,
        confirm_key_change: str | None = None,
    ) -> ImportResult:
        """Store the assignment and its files (read-only). The first time, the province's fingerprint
        must be confirmed; when the province replaced its key, the old fingerprint too, typed to
        acknowledge the key change (identity.py). Importing the same package again changes nothing."""
        with AssignmentImport(
            self._ctx, Path(path), Confirmation(confirm_fingerprint, confirm_key_change)
        ) as job:
            check_typed(job.m, confirm_fingerprint)
            return job.apply(progress)

    # -- scores out ---------------------------------------------------------------------------------
    def export_scores(self, target: Path, *, round_id: str | None = None) -> ExportResult:
        """Every complete sheet of the assignment (of `round_id`, or the only/latest one), signed with
        this laptop's key and encrypted to the province's."""
        from ocop_desktop.services.evaluator.work import EvaluatorWorkService

        refuse_role(self._ctx, EVALUATOR, "Xuất gói phiếu chấm")
        work = EvaluatorWorkService(self._ctx)
        a = work.assignment_row(round_id)
        with self._ctx.read() as s:
            received = s.get(ReceivedAssignment, a.id)
            assert received is not None
            rows = list(
                s.scalars(
                    select(EvaluatorSheet).where(
                        EvaluatorSheet.assignment_id == a.id, EvaluatorSheet.complete.is_(True)
                    )
                )
            )
            order = {d["dossier_id"]: n for n, d in enumerate(received.data["dossiers"])}
            rows = sorted((r for r in rows if r.dossier_id in order), key=lambda r: order[r.dossier_id])
            if not rows:
                raise UserError("Chưa có phiếu chấm nào hoàn thành (chấm đủ mọi tiêu chí) để gửi tỉnh.")
            province = s.get(Office, received.province_office_id)
            assert province is not None
            key = encryption_key_of(s, province.id)
            sheets = [
                {
                    "dossier_id": r.dossier_id,
                    "ruleset_hash": r.ruleset_hash,
                    "answers": dict(r.answers),
                    "knockouts": list(r.knockouts),
                    "stops": list(r.stops),
                    "opinion": r.opinion,
                    "notes": dict(r.notes),
                }
                for r in rows
            ]
            revisions = {r.id: r.revision for r in rows}
            payload = {
                "schema": SCHEMA,
                "round_id": received.round_id,
                "member_id": received.member_id,
                "assignment_package_id": received.package_id,
                "sheets": sheets,
            }
            recipient = party(province)
        out = Outgoing(self._ctx, fmt.Kind.EVALUATOR_SCORES, recipient, Path(target))
        encrypted = add_payload(out, payload, key)
        out.counts = {"dossiers": len(sheets)}
        result = write_outgoing(
            self._ctx, out, dossier_ids=tuple(x["dossier_id"] for x in sheets), encrypted=encrypted
        )
        with self._ctx.unit_of_work() as s:
            for sheet_id, revision in revisions.items():
                row = s.get(EvaluatorSheet, sheet_id)
                if row is not None and row.revision == revision:
                    # a Core update: marking the export is not an edit (no new revision)
                    change = update(EvaluatorSheet).where(EvaluatorSheet.id == sheet_id)
                    audited_execute(
                        s, change.values(exported_revision=revision), EvaluatorSheet.__table__, [sheet_id]
                    )
        return result


def _enrollment_bytes(office: dict[str, Any], keys: list[dict[str, Any]]) -> bytes:
    return payload_bytes({"office": office, "keys": keys})
