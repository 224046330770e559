"""Evaluator packages: a council member scoring offline on a laptop (docs/sync-package.md §13).

1. The evaluator laptop exports an **enrollment** pack (its office and public keys) for its
   province (`evaluator_laptop.py`). The province imports it with the fingerprint read out on the
   phone and links that laptop to a council member (`ProvinceEvaluatorPackages.import_enrollment`,
   or `link` for a laptop already trusted).
2. The province exports an **evaluator_assignment** for (round, member): the plain data of
   `province.evaluator_data.assignment` with the evidence and advisory files, encrypted to the
   linked laptop's key, carrying the province's own office and keys. The laptop imports it
   (`assignment_import.py`).
3. The evaluator scores (`services.evaluator.work`), then exports **evaluator_scores**: its
   sheets, signed with its key and encrypted to the province (`evaluator_laptop.py`).
4. The province imports the scores only from the key linked to that member (`scores_import.py`).

This module is the province's side: enrollment and links, assignments out, scores in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ocop_desktop.domain.errors import UserError
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import readable_from_fingerprint
from ocop_desktop.ocoppkg.manifest import Party
from ocop_desktop.progress import Progress
from ocop_desktop.services.sync.evaluator_links import link_change
from ocop_desktop.services.sync.evaluator_payloads import (
    EVALUATOR,
    PROVINCE,
    SCHEMA,
    add_blobs,
    add_payload,
    need_kind,
    office_json,
    refuse_role,
    write_outgoing,
)
from ocop_desktop.services.sync.identity import check_key_change, merged
from ocop_desktop.services.sync.keys import encryption_key_of, find_peer
from ocop_desktop.services.sync.mailbox_pack import block_for
from ocop_desktop.services.sync.opened import open_package
from ocop_desktop.services.sync.outgoing import ExportResult, Outgoing, party
from ocop_desktop.services.sync.ownership_evaluator import assignment_outcomes
from ocop_desktop.services.sync.receipts import receipt_target
from ocop_desktop.services.sync.scores_import import ScoresImport
from ocop_desktop.services.sync.trust import TrustImport, check_confirmation
from ocop_desktop.services.sync.typed_fingerprint import check_typed
from ocop_desktop.services.sync.types import Confirmation, ImportPreview, ImportResult, KeyChange
from ocop_desktop.store.base import utcnow
from ocop_desktop.store.models import KeyRecord, Office
from ocop_desktop.store.models.evaluator import EvaluatorLink

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.sync.opened import Opened


@dataclass(frozen=True)
class EvaluatorLinkRow:
    member_id: str
    member_label: str  # "TV3"
    member_name: str
    round_id: str
    office_id: str
    office_name: str
    fingerprint: str  # readable, six groups of five digits
    linked_at: Any


class ProvinceEvaluatorPackages:
    """Province: enroll and link evaluator laptops, export assignments, import scores."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    # -- enrollment and links -------------------------------------------------------------------
    def preview_enrollment(
        self,
        path: Path,
        *,
        confirm_fingerprint: str | None = None,
        round_id: str | None = None,
        member: str | None = None,
        confirm_key_change: str | None = None,
    ) -> ImportPreview:
        """The evaluator's enrollment pack: who it is and the fingerprint to compare by phone; with the
        member it is for, whether linking it is a key change (evaluator_links.py)."""
        refuse_role(self._ctx, PROVINCE, "Nhập gói ghi danh của máy chấm điểm")
        member_id = self._member_id(round_id, member) if round_id and member else None
        confirm = Confirmation(confirm_fingerprint, confirm_key_change)
        with open_package(self._ctx, Path(path)) as opened:
            check_typed(opened.manifest, confirm_fingerprint)
            trust = laptop_trust(self._ctx, opened, confirm)
            preview = trust.preview()
            change = self._key_change(trust, member_id, confirm, applying=False)
        if change is None:
            return preview
        return replace(preview, needs_confirmation=True, key_change=change)

    def import_enrollment(
        self,
        path: Path,
        round_id: str,
        member: str,
        *,
        confirm_fingerprint: str | None = None,
        confirm_key_change: str | None = None,
    ) -> EvaluatorLinkRow:
        """Trust the laptop's keys (fingerprint confirmed) and link it to the council member; both in
        order, the link only once the trust stands. Importing the same pack again just re-links. A
        key change of the laptop or of the member's link needs `confirm_key_change` (the old
        fingerprint), checked before anything is written."""
        refuse_role(self._ctx, PROVINCE, "Nhập gói ghi danh của máy chấm điểm")
        member_id = self._member_id(round_id, member)  # before anything: a wrong member changes nothing
        confirm = Confirmation(confirm_fingerprint, confirm_key_change)
        with open_package(self._ctx, Path(path)) as opened:
            check_typed(opened.manifest, confirm_fingerprint)
            trust = laptop_trust(self._ctx, opened, confirm)
            if self._key_change(trust, member_id, confirm, applying=True) is not None:
                check_confirmation(opened.manifest.sender.name, trust.signing["raw"], confirm_fingerprint)
            trust.apply(None, Path(path))
            office_id = opened.manifest.sender_id
        return self.link(round_id, member_id, office_id, confirm_key_change=confirm_key_change)

    def _key_change(
        self, trust: TrustImport, member_id: str | None, confirm: Confirmation, *, applying: bool
    ) -> KeyChange | None:
        """The laptop's own key change and its link's, as one (one acknowledgement covers both)."""
        if member_id is None:
            return trust.key_change
        with self._ctx.read() as s:
            office = trust.office
            relink, _taken = link_change(
                s, member_id, office["office_id"], office["name"], trust.signing["fingerprint"]
            )
        change = merged(trust.key_change, relink)
        check_key_change(change, confirm, applying=applying)
        return change

    def link(
        self, round_id: str, member: str, office: str, *, confirm_key_change: str | None = None
    ) -> EvaluatorLinkRow:
        """Scores for `member` will be accepted from this (already trusted) evaluator office only.
        Taking over another laptop's or member's link needs `confirm_key_change` (evaluator_links.py)."""
        refuse_role(self._ctx, PROVINCE, "Gắn máy chấm điểm với thành viên Hội đồng")
        member_id = self._member_id(round_id, member)
        with self._ctx.unit_of_work() as s:
            peer = find_peer(s, office)
            if peer.role != EVALUATOR:
                raise UserError(f"“{peer.name}” không phải là máy chấm điểm của thành viên Hội đồng.")
            key = s.scalars(
                select(KeyRecord).where(
                    KeyRecord.office_id == peer.id,
                    KeyRecord.purpose == "signing",
                    KeyRecord.trusted.is_(True),
                )
            ).first()
            if key is None:
                raise UserError(
                    f"Khóa của “{peer.name}” chưa được tin cậy: hãy nhập gói ghi danh của máy đó trước."
                )
            change, taken = link_change(s, member_id, peer.id, peer.name, key.fingerprint)
            check_key_change(change, Confirmation(key_change=confirm_key_change), applying=True)
            for other in taken:  # the laptop moves: it no longer speaks for the other member
                s.delete(other)
            row = s.get(EvaluatorLink, member_id) or EvaluatorLink(
                member_id=member_id, office_id=peer.id, signing_key=key.fingerprint
            )
            row.office_id, row.signing_key = peer.id, key.fingerprint
            row.linked_at, row.linked_by_officer_id = utcnow(), self._ctx.officer_id
            s.add(row)
        return next(r for r in self.links(round_id) if r.member_id == member_id)

    def links(self, round_id: str) -> list[EvaluatorLinkRow]:
        from ocop_desktop.services.province.common import get_round, members_of

        with self._ctx.read() as s:
            r = get_round(s, round_id)
            out = []
            for m in members_of(s, r.id):
                link = s.get(EvaluatorLink, m.id)
                office = s.get(Office, link.office_id) if link else None
                if link and office:
                    out.append(
                        EvaluatorLinkRow(
                            m.id,
                            f"TV{m.seq}",
                            m.name,
                            r.id,
                            office.id,
                            office.name,
                            readable_from_fingerprint(link.signing_key),
                            link.linked_at,
                        )
                    )
            return out

    def _member_id(self, round_id: str, member: str) -> str:
        from ocop_desktop.services.province.councils import CouncilService

        return CouncilService(self._ctx).find_member(round_id, member).id

    # -- assignment ---------------------------------------------------------------------------------
    def export_assignment(
        self, round_id: str, member: str, target: Path, *, progress: Progress | None = None
    ) -> ExportResult:
        """The member's dossiers of the round (read-only) with their evidence, for the linked laptop
        (encrypted to its key); without a linked laptop, for any evaluator of the province, unencrypted
        — and refused if it has files: scans only travel encrypted (docs/sync-package.md §5)."""
        from ocop_desktop.services.province.evaluator_data import assignment

        refuse_role(self._ctx, PROVINCE, "Xuất gói phân công chấm điểm")
        data = assignment(self._ctx, round_id, self._member_id(round_id, member))
        if not data.dossiers:
            raise UserError("Đợt không còn hồ sơ nào đang chờ chấm điểm cho thành viên này.")
        me = self._ctx.office()
        office, keys = office_json(self._ctx)
        with self._ctx.read() as s:
            link = s.get(EvaluatorLink, data.member_id)
            peer = s.get(Office, link.office_id) if link else None
            recipient = (
                party(peer)
                if peer
                else Party(None, f"{data.member_label} {data.member_name}"[:200], me.unit_code, EVALUATOR)
            )
            key = encryption_key_of(s, peer.id) if peer else None
            mailbox = block_for(self._ctx, s, [peer.id]) if peer else None
        out = Outgoing(self._ctx, fmt.Kind.EVALUATOR_ASSIGNMENT, recipient, Path(target))
        payload = {"schema": SCHEMA, "office": office, "keys": keys, "assignment": data.to_json()}
        encrypted = add_payload(out, {**payload, **({"mailbox": mailbox} if mailbox else {})}, key)
        blobs, size = add_blobs(self._ctx, out, data.blobs())
        out.rulesets = tuple(sorted({(d.ruleset_id, d.ruleset_hash) for d in data.dossiers}))
        out.counts = {"dossiers": len(data.dossiers), "blobs": blobs, "blob_bytes": size}
        out.outcomes = assignment_outcomes(
            data.round_id, data.member_id, (d.dossier_id for d in data.dossiers)
        )
        return write_outgoing(
            self._ctx,
            out,
            progress,
            dossier_ids=tuple(d.dossier_id for d in data.dossiers),
            blobs=blobs,
            blob_bytes=size,
            encrypted=encrypted,
        )

    # -- scores -------------------------------------------------------------------------------------
    def preview_scores(self, path: Path, *, progress: Progress | None = None) -> ImportPreview:
        """The dry run: every sheet checked through the scoring engine, nothing written."""
        refuse_role(self._ctx, PROVINCE, "Nhập gói phiếu chấm")
        with open_package(self._ctx, Path(path)) as opened:
            return ScoresImport(self._ctx, opened).preview(progress)

    def import_scores(
        self, path: Path, *, receipt_path: Path | None = None, progress: Progress | None = None
    ) -> ImportResult:
        """Apply every sheet, all or nothing, and write the signed receipt (next to the package unless
        `receipt_path`) in the same transaction. A package imported before changes nothing and
        re-issues the same receipt."""
        refuse_role(self._ctx, PROVINCE, "Nhập gói phiếu chấm")
        path = Path(path)
        with open_package(self._ctx, path) as opened:
            return ScoresImport(self._ctx, opened).apply(progress, receipt_target(path, receipt_path))


def laptop_trust(ctx: AppContext, opened: Opened, confirm: Confirmation | str | None) -> TrustImport:
    """An evaluator laptop's enrollment pack at its province: trusted like a commune's (fingerprint
    confirmed by phone), from a laptop of this province only."""
    need_kind(opened.manifest, fmt.Kind.ENROLLMENT, EVALUATOR)
    return TrustImport(ctx, opened, confirm, sender_check=_laptop_of_this_province)


def _laptop_of_this_province(ctx: AppContext, sender: Party) -> None:
    me = ctx.office()
    if not (me.role == PROVINCE and sender.role == EVALUATOR and sender.unit_code == me.unit_code):
        raise PackageRefused(
            "wrong_office",
            f"“{sender.name[:80]}” (mã {sender.unit_code[:8]}) không phải là máy "
            f"chấm điểm thuộc tỉnh của “{me.name}”.",
        )
