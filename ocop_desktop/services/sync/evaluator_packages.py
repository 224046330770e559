"""Evaluator packages: a council member scoring offline on a laptop (docs/sync-package.md §13).

1. The evaluator installation exports an **enrollment** pack (its office and public keys) for its
   province. The province imports it with the fingerprint read out on the phone and links that
   laptop to a council member (`ProvinceEvaluatorPackages.import_enrollment`, or `link` for a
   laptop already trusted).
2. The province exports an **evaluator_assignment** for (round, member): the plain data of
   `province_evaluator.assignment` with the evidence and advisory files, encrypted to the linked
   laptop's key, carrying the province's own office and keys. The evaluator imports it (dry run
   first; the first time with the province's fingerprint confirmed); importing it again is a no-op.
3. The evaluator scores (`services.evaluator_work`), then exports **evaluator_scores**: its sheets,
   signed with its key and encrypted to the province.
4. The province imports the scores only from the key linked to that member: every sheet through
   `province_evaluator.apply_scores` (the scoring engine), all or nothing, with a signed receipt in
   the same transaction; importing it again re-issues the same receipt and changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from ocop_desktop.domain.errors import UserError
from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import normalise_readable, readable_fingerprint
from ocop_desktop.ocoppkg.manifest import Party
from ocop_desktop.ocoppkg.reader import PackageReader
from ocop_desktop.progress import Progress, report
from ocop_desktop.services.sync.evaluator_payloads import (
    SCHEMA,
    add_blobs,
    add_payload,
    carried_keys,
    office_json,
    read_payload,
    write_outgoing,
)
from ocop_desktop.services.sync.keys import encryption_key_of, find_peer, trust_office, trusted_signing_key
from ocop_desktop.services.sync.opened import Opened, check_blobs, open_package, package_info
from ocop_desktop.services.sync.outgoing import ExportResult, Outgoing, party, publish
from ocop_desktop.services.sync.receipts import write_receipt
from ocop_desktop.services.sync.trust import TrustImport
from ocop_desktop.services.sync.types import OUTCOME_LABELS, DossierPreview, ImportPreview, ImportResult
from ocop_desktop.store.base import utcnow
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.models import Blob, KeyRecord, Office, SyncPackage
from ocop_desktop.store.models.evaluator import EvaluatorLink, EvaluatorSheet, ReceivedAssignment

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

PROVINCE, EVALUATOR = "province", "evaluator"
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


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


def _refuse_role(ctx: AppContext, role: str, what: str) -> None:
    if ctx.office().role != role:
        raise UserError(
            f"{what} chỉ làm được trên máy "
            + ("của cơ quan OCOP cấp tỉnh." if role == PROVINCE else "chấm điểm của thành viên Hội đồng.")
        )


# ================================================================================================
# Province side
# ================================================================================================
class _EvaluatorTrust(TrustImport):
    """An enrollment pack between a province and an evaluator laptop of the same province."""

    def _check_hierarchy(self) -> None:
        me, sender = self._ctx.office(), self._m.sender
        ok = (me.role == PROVINCE and sender.role == EVALUATOR and sender.unit_code == me.unit_code) or (
            me.role == EVALUATOR and sender.role == PROVINCE and sender.unit_code == me.unit_code
        )
        if not ok:
            raise PackageRefused(
                "wrong_office",
                f"“{sender.name[:80]}” (mã {sender.unit_code[:8]}) không phải là máy "
                f"chấm điểm thuộc tỉnh của “{me.name}”.",
            )


class ProvinceEvaluatorPackages:
    """Province: enroll and link evaluator laptops, export assignments, import scores."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    # -- enrollment and links -------------------------------------------------------------------
    def preview_enrollment(self, path: Path, *, confirm_fingerprint: str | None = None) -> ImportPreview:
        """The evaluator's enrollment pack: who it is and the fingerprint to compare by phone."""
        _refuse_role(self._ctx, PROVINCE, "Nhập gói ghi danh của máy chấm điểm")
        with open_package(self._ctx, Path(path)) as opened:
            self._need_kind(opened, fmt.Kind.ENROLLMENT, EVALUATOR)
            return _EvaluatorTrust(self._ctx, opened, confirm_fingerprint).preview()

    def import_enrollment(
        self, path: Path, round_id: str, member: str, *, confirm_fingerprint: str | None = None
    ) -> EvaluatorLinkRow:
        """Trust the laptop's keys (fingerprint confirmed) and link it to the council member; both in
        order, the link only once the trust stands. Importing the same pack again just re-links."""
        _refuse_role(self._ctx, PROVINCE, "Nhập gói ghi danh của máy chấm điểm")
        member_id = self._member_id(round_id, member)  # before anything: a wrong member changes nothing
        with open_package(self._ctx, Path(path)) as opened:
            self._need_kind(opened, fmt.Kind.ENROLLMENT, EVALUATOR)
            _EvaluatorTrust(self._ctx, opened, confirm_fingerprint).apply(None, Path(path))
            office_id = opened.manifest.sender.office_id
        return self.link(round_id, member_id, office_id)

    def link(self, round_id: str, member: str, office: str) -> EvaluatorLinkRow:
        """Scores for `member` will be accepted from this (already trusted) evaluator office only."""
        _refuse_role(self._ctx, PROVINCE, "Gắn máy chấm điểm với thành viên Hội đồng")
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
                            _readable(link.signing_key),
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
        (encrypted to its key); without a linked laptop, for any evaluator of the province, unencrypted."""
        from ocop_desktop.services.province.evaluator_data import assignment

        _refuse_role(self._ctx, PROVINCE, "Xuất gói phân công chấm điểm")
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
        out = Outgoing(self._ctx, fmt.Kind.EVALUATOR_ASSIGNMENT, recipient, Path(target))
        encrypted = add_payload(
            out, {"schema": SCHEMA, "office": office, "keys": keys, "assignment": data.to_json()}, key
        )
        blobs, size = add_blobs(self._ctx, out, data.blobs())
        out.rulesets = tuple(sorted({(d.ruleset_id, d.ruleset_hash) for d in data.dossiers}))
        out.counts = {"dossiers": len(data.dossiers), "blobs": blobs, "blob_bytes": size}
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
        from ocop_desktop.services.province.evaluator_data import import_scores

        _refuse_role(self._ctx, PROVINCE, "Nhập gói phiếu chấm")
        with open_package(self._ctx, Path(path)) as opened:
            self._need_kind(opened, fmt.Kind.EVALUATOR_SCORES, EVALUATOR)
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

    def import_scores(
        self, path: Path, *, receipt_path: Path | None = None, progress: Progress | None = None
    ) -> ImportResult:
        """Apply every sheet, all or nothing, and write the signed receipt (next to the package unless
        `receipt_path`) in the same transaction. A package imported before changes nothing and
        re-issues the same receipt."""
        from ocop_desktop.services.province.evaluator_data import apply_scores

        _refuse_role(self._ctx, PROVINCE, "Nhập gói phiếu chấm")
        path = Path(path)
        target = receipt_path or path.with_name(f"{path.stem}.receipt{fmt.EXTENSION}")
        with open_package(self._ctx, path) as opened:
            self._need_kind(opened, fmt.Kind.EVALUATOR_SCORES, EVALUATOR)
            prior = opened.prior
            if prior is not None:
                assert prior.receipt is not None
                atomic_write_bytes(target, prior.receipt)
                return ImportResult(self._previous(opened), False, target)
            payload = self._scores_payload(opened)
            m = opened.manifest
            tmp: Path | None = None
            try:
                with self._ctx.unit_of_work() as s:
                    try:
                        sheets = apply_scores(s, payload)
                    except UserError as exc:
                        raise PackageRefused("rejected_sheet", exc.message) from None
                    outcomes = [
                        {
                            "dossier_id": x.dossier_id,
                            "outcome": x.state,
                            "version": 1,
                            "reason": f"{x.total} điểm, {x.star} sao",
                        }
                        for x in sheets
                    ]
                    tmp, row = write_receipt(
                        self._ctx, s, m, opened.reader.manifest_sha256, outcomes, [], target
                    )
                    s.add(
                        SyncPackage(
                            id=m.package_id,
                            direction="in",
                            kind=m.kind,
                            sender_office_id=m.sender.office_id,
                            peer_office_id=m.sender.office_id,
                            sequence=m.sequence,
                            manifest_sha256=opened.reader.manifest_sha256,
                            previous_sha256=m.previous_sha256,
                            created_at=m.created_at,
                            file_name=path.name,
                            size=opened.info.size,
                            dossier_count=len(sheets),
                            outcomes={
                                "dossiers": outcomes,
                                "round_id": payload["round_id"],
                                "member_id": payload["member_id"],
                            },
                            receipt=tmp.read_bytes(),
                            receipt_package_id=row.id,
                        )
                    )
            except SQLAlchemyError as exc:
                if tmp is not None:
                    tmp.unlink(missing_ok=True)
                raise PackageRefused(
                    "inconsistent",
                    "Không ghi được phiếu chấm vì dữ liệu trong gói mâu thuẫn với dữ liệu trên máy này.",
                    detail=str(exc),
                ) from exc
            except BaseException:
                if tmp is not None:
                    tmp.unlink(missing_ok=True)
                raise
            publish(tmp, target)
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
                f"{x.previous_total if x.previous_total is not None else '—'} → {x.total} điểm, {x.star} sao",
            )
            for x in sheets
        )
        return ImportPreview(opened.info, False, rows)

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
                f"Gói này đã được nhập ngày {prior.recorded_at:%d/%m/%Y %H:%M}; không có gì thay đổi, biên nhận được cấp "
                "lại.",
            ),
        )

    @staticmethod
    def _need_kind(opened: Opened, kind: fmt.Kind, role: str) -> None:
        m = opened.manifest
        if m.kind != kind.value or m.sender.role != role:
            raise PackageRefused(
                "wrong_direction",
                f"Gói “{fmt.Kind(m.kind).label}” từ “{m.sender.name[:80]}” không "
                f"dùng được ở đây (cần gói “{kind.label}”).",
            )


# ================================================================================================
# Evaluator side
# ================================================================================================
class EvaluatorPackages:
    """Evaluator laptop: enrollment for the province, assignments in, signed scores out."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def export_enrollment(self, target: Path) -> ExportResult:
        """This laptop's office and public keys, for its province (compare the fingerprint by phone)."""
        _refuse_role(self._ctx, EVALUATOR, "Xuất gói ghi danh máy chấm điểm")
        office, keys = office_json(self._ctx)
        recipient = Party(None, "Cơ quan OCOP cấp tỉnh", office["unit_code"], PROVINCE)
        out = Outgoing(self._ctx, fmt.Kind.ENROLLMENT, recipient, Path(target))
        out.writer.add_file(fmt.PAYLOAD, _enrollment_bytes(office, keys))
        return write_outgoing(self._ctx, out)

    # -- assignment in ------------------------------------------------------------------------------
    def preview_assignment(
        self, path: Path, *, confirm_fingerprint: str | None = None, progress: Progress | None = None
    ) -> ImportPreview:
        with _AssignmentImport(self._ctx, Path(path)) as job:
            return job.preview(progress)

    def import_assignment(
        self, path: Path, *, confirm_fingerprint: str | None = None, progress: Progress | None = None
    ) -> ImportResult:
        """Store the assignment and its files (read-only). The first time, the province's fingerprint
        must be confirmed. Importing the same package again changes nothing."""
        with _AssignmentImport(self._ctx, Path(path)) as job:
            return job.apply(confirm_fingerprint, progress)

    # -- scores out ---------------------------------------------------------------------------------
    def export_scores(self, target: Path, *, round_id: str | None = None) -> ExportResult:
        """Every complete sheet of the assignment (of `round_id`, or the only/latest one), signed with
        this laptop's key and encrypted to the province's."""
        from ocop_desktop.services.evaluator.work import EvaluatorWorkService

        _refuse_role(self._ctx, EVALUATOR, "Xuất gói phiếu chấm")
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
                    s.query(EvaluatorSheet).filter(EvaluatorSheet.id == sheet_id).update(
                        {EvaluatorSheet.exported_revision: revision}, synchronize_session=False
                    )
        return result


def _enrollment_bytes(office: dict[str, Any], keys: list[dict[str, Any]]) -> bytes:
    from ocop_desktop.services.sync.export import payload_bytes

    return payload_bytes({"office": office, "keys": keys})


def _readable(hex_fingerprint: str) -> str:
    from ocop_desktop.ocoppkg.keys import readable_from_fingerprint

    return readable_from_fingerprint(hex_fingerprint)


class _AssignmentImport:
    """An assignment package at the evaluator: opened, sender and recipient checked, payload parsed."""

    def __init__(self, ctx: AppContext, path: Path) -> None:
        self._ctx = ctx
        me = ctx.office()
        if me.role != EVALUATOR:
            raise PackageRefused(
                "wrong_direction",
                "Gói phân công chấm điểm chỉ nhập được trên máy chấm điểm của thành viên Hội đồng.",
            )
        self.reader = reader = PackageReader(path)
        try:
            self._open(me)
        except BaseException:
            reader.close()
            raise

    def _open(self, me: Any) -> None:
        reader = self.reader
        m = self.m = reader.manifest
        if m.sender.office_id == me.id:
            raise PackageRefused(
                "own_package", "Đây là gói do chính máy này tạo ra; hãy gửi nó cho cơ quan nhận."
            )
        if m.kind != fmt.Kind.EVALUATOR_ASSIGNMENT:
            raise PackageRefused(
                "wrong_direction", f"Gói “{fmt.Kind(m.kind).label}” không phải gói phân công chấm điểm."
            )
        to = m.recipient
        if not (
            to.office_id == me.id
            or (to.office_id is None and to.role == EVALUATOR and to.unit_code == me.unit_code)
        ):
            raise PackageRefused(
                "wrong_recipient",
                f"Gói này gửi cho “{to.name[:80]}”, không phải cho máy này. Hãy "
                "chuyển gói đến đúng người nhận.",
            )
        if m.sender.role != PROVINCE or m.sender.unit_code != me.unit_code:
            raise PackageRefused(
                "wrong_office",
                f"“{m.sender.name[:80]}” không phải là cơ quan OCOP của tỉnh mà máy này chấm điểm cho.",
            )
        with self._ctx.read() as s:
            key = trusted_signing_key(s, m.signing_key, m.sender.office_id)
            self.prior = s.get(SyncPackage, m.package_id)
            self.trusted = {
                k.fingerprint
                for k in s.scalars(
                    select(KeyRecord).where(
                        KeyRecord.office_id == m.sender.office_id, KeyRecord.trusted.is_(True)
                    )
                )
            }
        if key is not None:
            reader.verify_signature(key.public_key, f"“{m.sender.name}”")
        if self.prior is not None and (
            self.prior.direction != "in" or self.prior.manifest_sha256 != reader.manifest_sha256
        ):
            raise PackageRefused(
                "replayed",
                f"Một gói cùng mã {m.package_id[:8]} đã được nhập vào máy này nhưng nội "
                "dung lần này khác: có thể là gói giả mạo hoặc bị sửa đổi. Gói bị từ chối.",
            )
        doc = read_payload(self._ctx, reader)
        self.office, self.keys, signing_raw = carried_keys(doc, m)
        if key is None:
            reader.verify_signature(signing_raw, f"“{m.sender.name}”")
        self.signing_raw = signing_raw
        self.needs_confirmation = not {k["fingerprint"] for k in self.keys} <= self.trusted
        self.info = package_info(reader, key is not None)
        self.assignment = _check_assignment(doc.get("assignment"))
        self.blob_names = self._blob_names()

    def _blob_names(self) -> list[str]:
        in_package = {n.removeprefix("blobs/"): n for n in self.reader.names("blob")}
        wanted = {
            x["sha256"]
            for d in self.assignment["dossiers"]
            for x in (*d["evidence"], *d["advisory"])
            if x.get("sha256")
        }
        stray = set(in_package) - wanted
        if stray:
            raise PackageRefused(
                "unlisted_file",
                f"Gói chứa tệp {min(stray)[:12]}… không thuộc hồ sơ nào được phân công. Gói bị từ chối.",
            )
        store = BlobStore(self._ctx.paths.blobs_dir)
        missing = [sha for sha in wanted if sha not in in_package and not store.has(sha)]
        if missing:
            raise PackageRefused(
                "missing_file",
                f"Gói thiếu tệp minh chứng {missing[0][:12]}… (và {len(missing) - 1} "
                "tệp khác). Hãy đề nghị tỉnh xuất lại gói.",
            )
        return sorted(in_package.values())

    def __enter__(self) -> _AssignmentImport:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.reader.close()

    # -- preview and apply ------------------------------------------------------------------------
    def preview(self, progress: Progress | None) -> ImportPreview:
        if self.prior is None:
            check_blobs(self.reader, self.blob_names, None, progress, upto=0.9)
        return self._preview()

    def _preview(self) -> ImportPreview:
        a = self.assignment
        store = BlobStore(self._ctx.paths.blobs_dir)
        warnings = []
        with self._ctx.read() as s:
            current = s.scalars(
                select(ReceivedAssignment).where(
                    ReceivedAssignment.round_id == a["round_id"],
                    ReceivedAssignment.member_id == a["member_id"],
                )
            ).first()
        before = {d["dossier_id"]: d for d in current.data["dossiers"]} if current else {}
        if self.prior is not None:
            warnings.append("Gói này đã được nhập trước đây; nhập lại không thay đổi gì.")
        elif (
            current is not None
            and current.package_sequence > self.m.sequence
            and current.province_office_id == self.m.sender.office_id
        ):
            warnings.append("Máy này đã có gói phân công mới hơn cho đợt này; gói này sẽ không thay thế.")
        warnings.extend(_ruleset_warnings(a))
        rows = []
        for d in a["dossiers"]:
            old = before.get(d["dossier_id"])
            outcome = "new" if old is None else ("unchanged" if old == d else "updated")
            rows.append(
                DossierPreview(
                    d["dossier_id"],
                    d["product_name"],
                    d["producer_name"],
                    outcome,
                    OUTCOME_LABELS[outcome],
                    int(d["revision"]),
                    int(old["revision"]) if old else 0,
                    "assigned",
                )
            )
        known = sum(1 for n in self.blob_names if store.has(n.removeprefix("blobs/")))
        size = sum(self.reader.entries[n].size for n in self.blob_names)
        return ImportPreview(
            self.info,
            self.prior is not None,
            tuple(rows),
            len(self.blob_names) - known,
            known,
            size,
            tuple(warnings),
            needs_confirmation=self.needs_confirmation,
            fingerprint_to_confirm=readable_fingerprint(self.signing_raw),
            offices=(f"{self.office['name']} ({self.office['unit_code']})",)
            if self.needs_confirmation
            else (),
        )

    def apply(self, confirm: str | None, progress: Progress | None) -> ImportResult:
        if self.prior is not None:
            return ImportResult(self._preview(), False, None)
        if self.needs_confirmation:
            expected = readable_fingerprint(self.signing_raw)
            if not confirm:
                raise PackageRefused(
                    "fingerprint_unconfirmed",
                    f"Cần xác nhận dấu vân tay khóa của “{self.m.sender.name}” "
                    f"trước khi tin cậy: gọi điện cho cơ quan đó và so sánh với {expected}.",
                )
            if normalise_readable(confirm) != expected:
                raise PackageRefused(
                    "fingerprint_mismatch",
                    "Dấu vân tay bạn nhập không khớp với khóa trong gói. Đừng "
                    "tin cậy gói này; hãy gọi lại cho cơ quan gửi để kiểm tra.",
                )
        with BlobStore(self._ctx.paths.blobs_dir).staging() as staging:
            check_blobs(self.reader, self.blob_names, staging, progress, upto=0.9)
            staging.commit()  # bytes first: a row never points at a missing file
        preview = self._preview()
        a, m = self.assignment, self.m
        media = {
            x["sha256"]: x.get("media_type") or "application/octet-stream"
            for d in a["dossiers"]
            for x in d["evidence"]
        }
        with self._ctx.unit_of_work() as s:
            if self.needs_confirmation:
                trust_office(s, self.office, self.keys)
            for name in self.blob_names:
                sha = name.removeprefix("blobs/")
                if s.get(Blob, sha) is None:
                    s.add(
                        Blob(
                            sha256=sha,
                            size=self.reader.entries[name].size,
                            media_type=str(media.get(sha, "application/octet-stream"))[:60],
                        )
                    )
            row = s.scalars(
                select(ReceivedAssignment).where(
                    ReceivedAssignment.round_id == a["round_id"],
                    ReceivedAssignment.member_id == a["member_id"],
                )
            ).first()
            newer_here = (
                row is not None
                and row.province_office_id == m.sender.office_id
                and row.package_sequence > m.sequence
            )
            if not newer_here:
                if row is None:
                    row = ReceivedAssignment(
                        round_id=a["round_id"],
                        member_id=a["member_id"],
                        province_office_id=m.sender.office_id,
                        package_id=m.package_id,
                        package_sequence=m.sequence,
                        data=a,
                    )
                    s.add(row)
                    s.flush()
                row.province_office_id, row.package_id, row.package_sequence = (
                    m.sender.office_id,
                    m.package_id,
                    m.sequence,
                )
                row.data, row.received_at = a, utcnow()
                _seed_sheets(s, row.id, a)
            s.add(
                SyncPackage(
                    id=m.package_id,
                    direction="in",
                    kind=m.kind,
                    sender_office_id=m.sender.office_id,
                    peer_office_id=m.sender.office_id,
                    sequence=m.sequence,
                    manifest_sha256=self.reader.manifest_sha256,
                    previous_sha256=m.previous_sha256,
                    created_at=m.created_at,
                    file_name=self.reader.path.name,
                    size=self.info.size,
                    dossier_count=len(a["dossiers"]),
                    blob_count=len(self.blob_names),
                    outcomes={
                        "assignment": {"round_id": a["round_id"], "member_id": a["member_id"]},
                        "trusted": self.needs_confirmation,
                        "replaced": not newer_here,
                    },
                )
            )
        report(progress, 1.0, "Đã nhập gói")
        return ImportResult(preview, True, None)


def _seed_sheets(s: Any, assignment_id: str, a: dict[str, Any]) -> None:
    """The member's current sheet at the province (a re-score) starts the local sheet, unless the
    member already has one here (never overwrite local work)."""
    from ocop_desktop.services.evaluator.work import compute

    have = set(
        s.scalars(select(EvaluatorSheet.dossier_id).where(EvaluatorSheet.assignment_id == assignment_id))
    )
    for d in a["dossiers"]:
        current = d.get("current_sheet")
        if d["dossier_id"] in have or not current:
            continue
        row = EvaluatorSheet(
            assignment_id=assignment_id,
            dossier_id=d["dossier_id"],
            ruleset_id=d["ruleset_id"],
            ruleset_hash=d["ruleset_hash"],
            product_set=d["product_set"],
            answers=dict(current.get("answers") or {}),
            knockouts=[],
            stops=[],
            notes=dict(current.get("notes") or {}),
            evidence={},
            opinion=str(current.get("opinion") or ""),
        )
        try:
            compute(row, d, list(current.get("knockouts") or ()))
        except UserError:
            continue  # a rule set this machine lacks: the member starts from an empty sheet
        s.add(row)


def _ruleset_warnings(a: dict[str, Any]) -> list[str]:
    from ocop_desktop.services.core.rules import RuleService

    known = {(r.id, r.content_hash) for r in RuleService().list_rulesets()}
    return [
        f"Bộ tiêu chí “{rid}” (mã băm {h[:12]}…) chưa có trên máy này: hãy cập nhật OCOP Desktop trước khi chấm."
        for rid, h in sorted({(d["ruleset_id"], d["ruleset_hash"]) for d in a["dossiers"]})
        if (rid, h) not in known
    ]


def _check_assignment(a: Any) -> dict[str, Any]:
    def need(ok: bool, what: str) -> None:
        if not ok:
            raise PackageRefused(
                "malformed",
                f"Dữ liệu phân công trong gói không đúng cấu trúc ({what}). Hãy đề nghị "
                "tỉnh cập nhật OCOP Desktop và xuất lại gói.",
            )

    need(isinstance(a, dict), "không có phân công")
    need(isinstance(a.get("schema"), int), "phiên bản")
    if a["schema"] > SCHEMA:
        raise PackageRefused(
            "future_version",
            "Dữ liệu phân công được ghi theo phiên bản mới hơn. Hãy cập nhật OCOP Desktop rồi nhập lại.",
        )
    need(
        all(isinstance(a.get(k), str) and _UUID.match(a[k]) for k in ("round_id", "member_id")),
        "mã đợt, thành viên",
    )
    need(
        all(
            isinstance(a.get(k), str) for k in ("round_label", "council_name", "member_label", "member_name")
        ),
        "tên đợt, thành viên",
    )
    need(isinstance(a.get("rules"), dict), "quy tắc Hội đồng")
    dossiers = a.get("dossiers")
    need(isinstance(dossiers, list) and bool(dossiers), "danh sách hồ sơ")
    seen = set()
    for d in dossiers:
        need(
            isinstance(d, dict)
            and isinstance(d.get("dossier_id"), str)
            and bool(_UUID.match(d["dossier_id"])),
            "mã hồ sơ",
        )
        need(d["dossier_id"] not in seen, "hồ sơ lặp")
        seen.add(d["dossier_id"])
        need(
            all(
                isinstance(d.get(k), str)
                for k in ("product_name", "producer_name", "ruleset_id", "ruleset_hash", "registration_type")
            ),
            "thông tin hồ sơ",
        )
        need(
            all(
                isinstance(d.get(k), int) and not isinstance(d.get(k), bool)
                for k in ("product_set", "revision")
            ),
            "bộ sản phẩm",
        )
        need(isinstance(d.get("forms"), dict) and isinstance(d.get("self_answers"), dict), "biểu mẫu")
        for key in ("evidence", "advisory"):
            items = d.get(key)
            need(isinstance(items, list) and all(isinstance(x, dict) for x in items), key)
            for x in items:
                sha = x.get("sha256")
                need(sha is None or (isinstance(sha, str) and bool(_HEX64.match(sha))), "mã băm tệp")
        need(d.get("current_sheet") is None or isinstance(d["current_sheet"], dict), "phiếu hiện có")
    return a
