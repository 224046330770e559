"""Which evaluator laptop speaks for which council member, and when linking one is a key change.

A link says: scores for this member are accepted from this laptop's key only (`EvaluatorLink`). So
linking a laptop can take over another one's voice, like an enrollment reusing an office id
(identity.py): a member already linked to another laptop or key, or a laptop already speaking for
another member of the same round. Either is a *key change* of that member's link, applied only with
the same explicit path: the new fingerprint confirmed and the old one typed (`confirm_key_change`).
Applied, the laptop moves: the other member's link to it is removed.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.ocoppkg.keys import readable_from_fingerprint
from ocop_desktop.services.sync.identity import merged
from ocop_desktop.services.sync.types import KeyChange
from ocop_desktop.store.models import Office
from ocop_desktop.store.models.evaluator import EvaluatorLink
from ocop_desktop.store.models.province import CouncilMember


def link_change(
    s: Session, member_id: str, office_id: str, office_name: str, signing: str
) -> tuple[KeyChange | None, list[EvaluatorLink]]:
    """Linking the laptop (`office_id`, its signing key's hex fingerprint `signing`) to the member:
    the key change it is (None: a first link, or the same one again) and the other members' links it
    would take over (removed when applied). Refused when one acknowledgement cannot cover it all."""
    member = s.get(CouncilMember, member_id)
    assert member is not None  # found by the caller
    changes: list[KeyChange | None] = []
    current = s.get(EvaluatorLink, member_id)
    if current is not None and (current.office_id, current.signing_key) != (office_id, signing):
        before = s.get(Office, current.office_id)
        old_name = before.name if before else current.office_id
        changes.append(
            _change(
                member,
                office_id,
                office_name,
                current.signing_key,
                signing,
                f"“{old_name}” → “{office_name}”",
            )
        )
    others = _links_of_laptop(s, member, office_id)
    for other, who in others:
        moved = f"máy “{office_name}” thôi chấm cho {_label(who)}, chuyển sang {_label(member)}"
        changes.append(_change(who, office_id, office_name, other.signing_key, signing, moved))
    change = None
    for c in changes:
        change = merged(change, c)
    return change, [link for link, _who in others]


def _links_of_laptop(
    s: Session, member: CouncilMember, office_id: str
) -> list[tuple[EvaluatorLink, CouncilMember]]:
    """The other members of the member's round this laptop is linked to."""
    rows = s.execute(
        select(EvaluatorLink, CouncilMember)
        .join(CouncilMember, CouncilMember.id == EvaluatorLink.member_id)
        .where(
            CouncilMember.round_id == member.round_id,
            CouncilMember.id != member.id,
            EvaluatorLink.office_id == office_id,
        )
        .order_by(CouncilMember.seq)
    )
    return [(link, who) for link, who in rows]


def _change(
    member: CouncilMember, office_id: str, office_name: str, old: str, new: str, what: str
) -> KeyChange:
    whose = f"máy chấm điểm của {_label(member)}"
    return KeyChange(
        office_id,
        whose,
        office_name,
        readable_from_fingerprint(old),
        readable_from_fingerprint(new),
        (f"{whose}: {what}",),
    )


def _label(member: CouncilMember) -> str:
    return f"TV{member.seq} {member.name}"
