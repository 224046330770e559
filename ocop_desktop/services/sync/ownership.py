"""Who owns what (docs/sync-package.md §6): every record of an incoming dossier package is checked
against the office that signed it — as this machine knows it — before anything is written.

The signature proves which office sent a package; the manifest's unit, role and name and the
records' commune codes are only what that office says about itself. So the sender is the office
row this machine trusted at enrollment, found from the verified signing key (`trusted_sender`), and
every record must be that office's own:

- a commune writes only its own dossiers, producers and products (their commune code is its unit;
  rows here that belong to another commune, or were last written by a third office, are never
  overwritten), only the commune's statuses and the commune part, and only its own history;
- the province writes only the province part (status accepted / returned / decided, return reasons,
  certificates of that dossier's product) of dossiers of this commune, and only its own history.

The dry run and the import make the same check (`check_dossier_records`, called while planning and
again in the transaction that writes).
The evaluator packages have theirs in `ownership_evaluator.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.dossiers import Action, Status
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.services.sync.keys import parent_unit, trusted_signing_key
from ocop_desktop.services.sync.records import DOSSIER_PROVINCE_FIELDS, FIVE_STAR_REVIEW, PROVINCE_STATUSES
from ocop_desktop.store.base import Base
from ocop_desktop.store.models import (
    Attachment,
    Certificate,
    ChecklistItem,
    Dossier,
    DossierEvent,
    FiveStarReview,
    Office,
    Producer,
    Product,
    ScoreSheet,
    SyncDossierState,
)

if TYPE_CHECKING:
    from ocop_desktop.ocoppkg.manifest import Manifest
    from ocop_desktop.services.core.context import OfficeInfo

NOT_OWNER = "not_owner"  # a row, unit or council member of another office
NOT_OWN_PART = "not_own_part"  # a status, part or history step that belongs to the other side
COMMUNE_STATUSES = frozenset(s.value for s in Status) - PROVINCE_STATUSES  # draft … sent
COMMUNE_ACTIONS = frozenset(
    a.value
    for a in (
        Action.MARK_COMPLETE,
        Action.REOPEN,
        Action.RECEIVE,
        Action.COMMUNE_CHECK,
        Action.SEND,
        Action.WITHDRAW,  # the producer withdrew it: recorded by the commune (issue 15)
    )
)
PROVINCE_ACTIONS = frozenset(a.value for a in (Action.ACCEPT, Action.RETURN, Action.DECIDE))
COMMUNE_SECTIONS = frozenset(
    {"dossier", "producer", "product", "checklist", "self_assessment", "attachments", "withdrawal"}
)
PROVINCE_SECTIONS = frozenset({"status", "return_reasons", "certificates"})
_CHUNK = 500  # ids per IN (...) query, well under SQLite's limit on bound parameters


@dataclass(frozen=True)
class TrustedSender:
    """The office that signed a package, as this machine recorded it when it trusted the key."""

    office_id: str
    role: str
    unit_code: str
    name: str


def trusted_sender(s: Session, m: Manifest) -> TrustedSender:
    """The office row of the key that signed `m` (already verified by `opened.open_package`)."""
    key = trusted_signing_key(s, m.signing_key, m.sender_id)
    office = s.get(Office, key.office_id) if key is not None else None
    if office is None or office.is_self:
        raise PackageRefused(
            NOT_OWNER,
            f"Khóa đã ký gói không thuộc một cơ quan được tin cậy trên máy này (gói ghi là của "
            f"“{m.sender.name[:80]}”). Hãy nhập gói ghi danh của cơ quan đó và xác nhận dấu vân tay.",
        )
    return TrustedSender(office.id, office.role, office.unit_code, office.name)


def refuse(code: str, what: str, why: str) -> PackageRefused:
    """A refusal that names the record (`what`) and says why it is not the sender's to write."""
    return PackageRefused(code, f"{what}: {why} Gói bị từ chối; hãy liên hệ bên gửi.")


def check_dossier_records(s: Session, me: OfficeInfo, m: Manifest, records: list[dict[str, Any]]) -> None:
    """Refuse a submission or results package unless every record is the signing office's own."""
    sender = trusted_sender(s, m)
    if m.kind == fmt.Kind.SUBMISSION:
        _need_commune_of_mine(s, me, sender)
        events = _events_here(s, records)
        for rec in records:
            _CommuneRecord(s, me, sender, rec, events).check()
    else:
        _need_my_province(s, me, sender)
        events = _events_here(s, records)
        for rec in records:
            _province_record(s, me, sender, rec, events)


def _need_commune_of_mine(s: Session, me: OfficeInfo, sender: TrustedSender) -> None:
    if sender.role != "commune" or parent_unit(s, sender.unit_code) != me.unit_code:
        raise refuse(
            NOT_OWNER,
            f"Gói hồ sơ từ “{sender.name[:80]}” (mã {sender.unit_code})",
            f"chỉ UBND cấp xã thuộc tỉnh của “{me.name}” mới gửi được hồ sơ lên tỉnh.",
        )


def _need_my_province(s: Session, me: OfficeInfo, sender: TrustedSender) -> None:
    if sender.role != "province" or parent_unit(s, me.unit_code) != sender.unit_code:
        raise refuse(
            NOT_OWNER,
            f"Gói kết quả từ “{sender.name[:80]}” (mã {sender.unit_code})",
            f"chỉ cơ quan OCOP của tỉnh quản lý “{me.name}” mới gửi được kết quả cho xã.",
        )


def dossier_label(rec: dict[str, Any]) -> str:
    data = rec["data"]
    product = data.get("product")
    name = product.get("name") if isinstance(product, dict) else None
    return f"Hồ sơ {rec['dossier_id'][:8]}" + (f" (sản phẩm “{str(name)[:80]}”)" if name else "")


class _CommuneRecord:
    """One record of a submission at the province: the commune part of one of the sender's dossiers."""

    def __init__(
        self, s: Session, me: OfficeInfo, sender: TrustedSender, rec: dict[str, Any], events: dict[str, str]
    ) -> None:
        self.s, self.me, self.sender, self.rec, self.events = s, me, sender, rec, events
        self.data: dict[str, Any] = rec["data"]
        self.label = dossier_label(rec)
        # Rows here may have been last written by the sender itself or by this office (the province
        # corrects its copy; the conflict rules of §6 handle that), never by a third office.
        self.writers = {None, sender.office_id, me.id}

    def check(self) -> None:
        self._sides()
        producer, product, dossier = self.data["producer"], self.data["product"], self.data["dossier"]
        for row, what in (
            (producer, f"chủ thể “{str(producer['name'])[:80]}”"),
            (product, f"sản phẩm “{str(product['name'])[:80]}”"),
        ):
            if row["commune_code"] != self.sender.unit_code:
                self._refuse(
                    f"{what} ghi mã xã {str(row['commune_code'])[:8]}, nhưng gói được ký bởi "
                    f"“{self.sender.name[:80]}” (mã {self.sender.unit_code}): một xã chỉ gửi được hồ sơ, "
                    "chủ thể và sản phẩm của chính xã mình."
                )
        for row, what in ((producer, "chủ thể"), (product, "sản phẩm"), (dossier, "hồ sơ")):
            if row.get("updated_by_office_id") not in self.writers:
                self._refuse(f"phần {what} ghi là do một cơ quan khác sửa, không phải xã đã gửi gói.")
        self._existing(self.s.get(Producer, producer["id"]), "chủ thể", str(producer["name"]))
        self._existing(self.s.get(Product, product["id"]), "sản phẩm", str(product["name"]))
        self._existing_dossier()
        self._references(dossier)
        self._children()
        _check_events(self.rec, self.events, self.sender, COMMUNE_ACTIONS, self.label)

    def _sides(self) -> None:
        """Only the commune's statuses and the commune part."""
        if self.rec["status"] not in COMMUNE_STATUSES:
            raise refuse(
                NOT_OWN_PART,
                self.label,
                f"xã gửi trạng thái “{_status_label(self.rec['status'])}”, là bước chỉ tỉnh thực hiện.",
            )
        stray = sorted(
            (DOSSIER_PROVINCE_FIELDS & self.data["dossier"].keys()) | (PROVINCE_SECTIONS & self.data.keys())
        )
        if stray:
            raise refuse(
                NOT_OWN_PART,
                self.label,
                f"gói của xã mang phần của tỉnh ({', '.join(stray)}: trạng thái, lý do trả, giấy chứng "
                "nhận), là phần chỉ tỉnh ghi.",
            )

    def _refuse(self, why: str) -> NoReturn:
        raise refuse(NOT_OWNER, self.label, why)

    def _existing(self, row: Producer | Product | None, noun: str, name: str) -> None:
        """A producer or product already here keeps its owner: the commune of its code, and whoever
        wrote it last must be the sender or this office."""
        if row is None:
            return
        what = f"{noun} “{name[:80]}”"
        if row.commune_code != self.sender.unit_code:
            self._refuse(
                f"{what} dùng lại mã của {noun} “{row.name[:80]}” thuộc xã khác (mã {row.commune_code}) "
                "trên máy này; không ghi đè dữ liệu của xã khác."
            )
        if row.updated_by_office_id not in self.writers:
            self._refuse(
                f"{what} trên máy này do một cơ quan khác ghi lần cuối; không ghi đè dữ liệu của "
                "cơ quan khác."
            )

    def _existing_dossier(self) -> None:
        d = self.s.get(Dossier, self.rec["dossier_id"])
        if d is None:
            return
        state = self.s.get(SyncDossierState, d.id)
        product = self.s.get(Product, d.product_id)
        if (
            state is None
            or state.peer_office_id != self.sender.office_id
            or product is None
            or product.commune_code != self.sender.unit_code
            or d.updated_by_office_id not in self.writers
        ):
            self._refuse(
                "mã hồ sơ trùng với một hồ sơ trên máy này không phải của xã đã gửi gói; không ghi "
                "đè hồ sơ của cơ quan khác."
            )

    def _references(self, dossier: dict[str, Any]) -> None:
        """A renewal names an earlier dossier and certificate: they must be of this commune too."""
        previous = dossier.get("previous_dossier_id")
        earlier = self.s.get(Dossier, previous) if isinstance(previous, str) else None
        base = dossier.get("base_certificate_id")
        certificate = self.s.get(Certificate, base) if isinstance(base, str) else None
        for product_id in (
            earlier.product_id if earlier else None,
            certificate.product_id if certificate else None,
        ):
            product = self.s.get(Product, product_id) if product_id else None
            if product is not None and product.commune_code != self.sender.unit_code:
                self._refuse("hồ sơ dẫn chiếu hồ sơ hoặc giấy chứng nhận của xã khác.")

    def _children(self) -> None:
        """Checklist items, attachments and the self-assessment keep their ids: an id already used
        here by another dossier's row is not this dossier's to rewrite."""
        dossier_id = self.rec["dossier_id"]
        sheet = self.data["self_assessment"]
        if sheet is not None and (sheet.get("kind", "self") != "self" or sheet.get("member_id")):
            raise refuse(
                NOT_OWN_PART,
                self.label,
                "phiếu tự đánh giá được ghi là phiếu chấm của thành viên Hội đồng, là phần chỉ tỉnh ghi.",
            )
        for model, rows, what in (
            (ChecklistItem, self.data["checklist"], "mục danh mục"),
            (Attachment, self.data["attachments"], "tệp đính kèm"),
            (ScoreSheet, [sheet] if sheet else [], "phiếu tự đánh giá"),
        ):
            owners = owners_of(self.s, model, [r["id"] for r in rows])
            for r in rows:
                if owners.get(r["id"], dossier_id) != dossier_id:
                    self._refuse(f"{what} trùng mã với {what} của một hồ sơ khác trên máy này.")
        if sheet is not None:
            found = self.s.get(ScoreSheet, sheet["id"])
            if found is not None and found.kind != "self":
                self._refuse("phiếu tự đánh giá trùng mã với phiếu chấm của thành viên Hội đồng.")


def _province_record(
    s: Session, me: OfficeInfo, sender: TrustedSender, rec: dict[str, Any], events: dict[str, str]
) -> None:
    """One record of a results package at the commune: the province part of one of this commune's
    dossiers. A dossier not here is not written (it is kept for review as `unknown_dossier`)."""
    data = rec["data"]
    d = s.get(Dossier, rec["dossier_id"])
    product = s.get(Product, d.product_id) if d is not None else None
    label = f"Hồ sơ {rec['dossier_id'][:8]}" + (f" (sản phẩm “{product.name[:80]}”)" if product else "")
    stray = sorted(COMMUNE_SECTIONS & data.keys())
    if stray:
        raise refuse(
            NOT_OWN_PART,
            label,
            f"gói kết quả của tỉnh mang phần của xã ({', '.join(stray)}: chủ thể, sản phẩm, biểu mẫu, "
            "danh mục, tệp đính kèm), là phần chỉ xã ghi.",
        )
    if data["status"] is not None and data["status"] not in PROVINCE_STATUSES:
        raise refuse(
            NOT_OWN_PART, label, f"tỉnh gửi trạng thái “{_status_label(data['status'])}”, là bước của xã."
        )
    if d is None:
        return
    state = s.get(SyncDossierState, d.id)
    if (
        state is None
        or state.peer_office_id != sender.office_id
        or product is None
        or product.commune_code != me.unit_code
    ):
        raise refuse(
            NOT_OWNER,
            label,
            f"hồ sơ này trên máy không phải hồ sơ “{me.name}” đã gửi cho “{sender.name[:80]}”.",
        )
    for c in data["certificates"]:
        found = s.get(Certificate, c["id"])
        if c.get("product_id") != d.product_id or (
            found is not None and (found.dossier_id != d.id or found.product_id != d.product_id)
        ):
            raise refuse(
                NOT_OWNER,
                label,
                f"giấy chứng nhận số “{str(c.get('decision_number'))[:40]}” là của sản phẩm hoặc hồ sơ "
                "khác; tỉnh chỉ ghi được giấy chứng nhận của chính hồ sơ này.",
            )
    review = data.get(FIVE_STAR_REVIEW)
    if review is not None:
        found_review = s.get(FiveStarReview, review["id"])
        if review.get("product_id") != d.product_id or (
            found_review is not None and found_review.dossier_id != d.id
        ):
            raise refuse(
                NOT_OWNER,
                label,
                "đề nghị công nhận 5 sao là của sản phẩm hoặc hồ sơ khác; tỉnh chỉ ghi được kết quả "
                "của chính hồ sơ này.",
            )
    _check_events(rec, events, sender, PROVINCE_ACTIONS, label)


def _events_here(s: Session, records: list[dict[str, Any]]) -> dict[str, str]:
    """Event id -> its dossier, for the events of the package already on this machine."""
    return owners_of(s, DossierEvent, [e["id"] for rec in records for e in rec["events"]])


def _check_events(
    rec: dict[str, Any], here: dict[str, str], sender: TrustedSender, actions: frozenset[str], label: str
) -> None:
    """The history is merged by event id: an event not here yet is one the sender adds, so it must
    be the sender's own step (by that office, an action of its side); one already here must be this
    dossier's (merging leaves it as it is)."""
    for e in rec["events"]:
        known = here.get(e["id"])
        if known is None and (e.get("office_id") != sender.office_id or e["action"] not in actions):
            raise refuse(
                NOT_OWN_PART,
                label,
                f"nhật ký hồ sơ có bước “{str(e['action'])[:20]}” ghi là của cơ quan khác hoặc là bước "
                "bên gửi không được làm; mỗi bên chỉ ghi các bước của chính mình.",
            )
        if known is not None and known != rec["dossier_id"]:
            raise refuse(
                NOT_OWNER, label, "nhật ký hồ sơ trùng mã với nhật ký của một hồ sơ khác trên máy này."
            )


def owners_of(s: Session, model: type[Base], ids: Iterable[str]) -> dict[str, str]:
    """id -> dossier id of the rows of `model` (which has a `dossier_id`) already here."""
    wanted = sorted(set(ids))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        query = select(model.id, model.dossier_id).where(model.id.in_(chunk))  # type: ignore[attr-defined]
        found.update({row_id: dossier_id for row_id, dossier_id in s.execute(query)})
    return found


def _status_label(value: Any) -> str:
    try:
        return Status(value).label
    except ValueError:
        return str(value)[:20]
