"""Who owns what in evaluator packages (docs/sync-package.md §6 and §13).

- An evaluator laptop's scores write only the sheets of the council member that laptop is linked
  to, for that member's round, and only for the dossiers of an assignment package this province sent
  to it (`check_scores`). The assignment's round, member and dossiers are kept in the outgoing row
  when it is exported (`assignment_outcomes`).
- An assignment package at the laptop writes only that assignment, from this laptop's province, and
  never replaces an assignment another office sent (`check_assignment`).

The sender is the office as this machine knows it (`ownership.trusted_sender`), never the manifest.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.services.sync.keys import trusted_signing_key
from ocop_desktop.services.sync.ownership import NOT_OWNER, TrustedSender, refuse, trusted_sender
from ocop_desktop.store.models import Dossier, Office, Product, SyncPackage
from ocop_desktop.store.models.evaluator import EvaluatorLink, ReceivedAssignment
from ocop_desktop.store.models.province import CouncilMember

if TYPE_CHECKING:
    from ocop_desktop.ocoppkg.manifest import Manifest
    from ocop_desktop.services.core.context import AppContext

NOT_ASSIGNED = "not_assigned"  # a sheet outside the assignment the laptop received
ASSIGNMENT = "assignment"  # the key of the outgoing row's outcomes that says what was assigned


def assignment_outcomes(round_id: str, member_id: str, dossier_ids: Iterable[str]) -> dict[str, Any]:
    """What an exported assignment package gave to whom, kept in its outgoing row."""
    return {ASSIGNMENT: {"round_id": round_id, "member_id": member_id, "dossiers": list(dossier_ids)}}


def check_scores(ctx: AppContext, m: Manifest, payload: dict[str, Any]) -> None:
    """Refuse an `evaluator_scores` payload unless every sheet is the linked member's own, for that
    member's round, and for a dossier of an assignment this province sent to the laptop."""
    me = ctx.office()
    with ctx.read() as s:
        sender = trusted_sender(s, m)
        if sender.role != "evaluator" or sender.unit_code != me.unit_code:
            raise refuse(
                NOT_OWNER,
                f"Gói phiếu chấm từ “{sender.name[:80]}” (mã {sender.unit_code})",
                "chỉ máy chấm điểm đã ghi danh với tỉnh này mới gửi được phiếu chấm.",
            )
        member_id = payload.get("member_id")
        member = s.get(CouncilMember, member_id) if isinstance(member_id, str) else None
        link = s.get(EvaluatorLink, member_id) if isinstance(member_id, str) else None
        label = f"Phiếu chấm của TV{member.seq} {member.name[:80]}" if member else "Phiếu chấm trong gói"
        if member is None or link is None or link.office_id != sender.office_id:
            raise refuse(
                NOT_OWNER, label, f"“{sender.name[:80]}” không phải máy chấm điểm đã gắn với thành viên này."
            )
        if payload.get("round_id") != member.round_id:
            raise refuse(NOT_OWNER, label, "gói ghi một đợt đánh giá khác với đợt của thành viên.")
        _in_assignment(s, sender, payload, label)


def _in_assignment(s: Session, sender: TrustedSender, payload: dict[str, Any], label: str) -> None:
    package_id = payload.get("assignment_package_id")
    sent = s.get(SyncPackage, package_id) if isinstance(package_id, str) else None
    if (
        sent is None
        or sent.direction != "out"
        or sent.kind != fmt.Kind.EVALUATOR_ASSIGNMENT.value
        or sent.peer_office_id not in (None, sender.office_id)
    ):
        raise refuse(
            NOT_ASSIGNED, label, "gói không dựa trên gói phân công nào tỉnh đã gửi cho máy chấm điểm này."
        )
    given = (sent.outcomes or {}).get(ASSIGNMENT)
    if given is None:
        return  # assigned before the outgoing row kept the dossiers: the round's entries (engine)
    if (given["round_id"], given["member_id"]) != (payload.get("round_id"), payload.get("member_id")):
        raise refuse(NOT_ASSIGNED, label, "gói phân công mà gói dựa vào là của thành viên hoặc đợt khác.")
    sheets = payload.get("sheets")
    for n, sheet in enumerate(sheets if isinstance(sheets, list) else [], start=1):
        dossier_id = str(sheet.get("dossier_id")) if isinstance(sheet, dict) else ""
        if dossier_id not in given["dossiers"]:
            raise refuse(
                NOT_ASSIGNED,
                f"{label}, phiếu thứ {n} (hồ sơ {dossier_id[:8]}{_product_of(s, dossier_id)})",
                "hồ sơ này không có trong gói phân công tỉnh đã gửi cho thành viên.",
            )


def _product_of(s: Session, dossier_id: str) -> str:
    name = s.scalar(
        select(Product.name).join(Dossier, Dossier.product_id == Product.id).where(Dossier.id == dossier_id)
    )
    return f", sản phẩm “{name[:80]}”" if name else ""


def check_assignment(
    ctx: AppContext, m: Manifest, carried: dict[str, Any], assignment: dict[str, Any]
) -> None:
    """Refuse an `evaluator_assignment` unless it comes from this laptop's province and replaces
    no assignment of the same round and member that another office sent. `carried`: the office in
    the payload, which is the sender this machine will trust once the fingerprint is confirmed."""
    me = ctx.office()
    with ctx.read() as s:
        sender = _laptop_sender(s, m, carried)
        if sender.role != "province" or sender.unit_code != me.unit_code:
            raise refuse(
                NOT_OWNER,
                f"Gói phân công từ “{sender.name[:80]}” (mã {sender.unit_code})",
                "chỉ cơ quan OCOP của tỉnh mà máy này chấm điểm cho mới gửi được phân công.",
            )
        held = s.scalars(
            select(ReceivedAssignment).where(
                ReceivedAssignment.round_id == assignment["round_id"],
                ReceivedAssignment.member_id == assignment["member_id"],
            )
        ).first()
        if held is not None and held.province_office_id != sender.office_id:
            raise refuse(
                NOT_OWNER,
                f"Phân công {str(assignment['round_label'])[:40]} cho {str(assignment['member_label'])[:20]}",
                "máy này đã có phân công này do một cơ quan khác gửi; không ghi đè.",
            )


def _laptop_sender(s: Session, m: Manifest, carried: dict[str, Any]) -> TrustedSender:
    """The trusted office of the signing key; the first time (key not trusted yet), the office this
    machine already knows by that id, or else the one the package carries (trusted on confirmation)."""
    if trusted_signing_key(s, m.signing_key, m.sender_id) is not None:
        return trusted_sender(s, m)
    known = s.get(Office, m.sender_id)
    if known is not None and not known.is_self:
        return TrustedSender(known.id, known.role, known.unit_code, known.name)
    return TrustedSender(carried["office_id"], carried["role"], carried["unit_code"], carried["name"])
