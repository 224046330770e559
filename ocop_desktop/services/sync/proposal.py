"""The 5★ proposal package (province → ministry, docs/sync-package.md §13): the round's 5★
candidates (`ResultService.five_star_proposal`) with each dossier's data, the council result it
rests on, the council, and the evidence files.

There is no importer: no installation of OCOP Desktop receives it (the ministry works in its own
system). `verify` checks everything an import would — layout, the signature with the key the
package carries (compared with this office's own key, a trusted key, or a fingerprint read out on
the phone), every file's SHA-256, that every file belongs to a proposed product — and `inspect`
shows what it proposes. Both write nothing."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.province import FiveStarRule, unmet_floor_labels
from ocop_desktop.domain.rules.stars import band_min
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import normalise_readable, readable_fingerprint
from ocop_desktop.ocoppkg.manifest import Party
from ocop_desktop.ocoppkg.reader import PackageReader
from ocop_desktop.progress import Progress
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.sync.evaluator_payloads import MINISTRY as MINISTRY_ROLE
from ocop_desktop.services.sync.evaluator_payloads import (
    SCHEMA,
    add_blobs,
    add_payload,
    carried_keys,
    office_json,
    read_payload,
    write_outgoing,
)
from ocop_desktop.services.sync.keys import own_keys, trusted_signing_key
from ocop_desktop.services.sync.opened import check_blobs, package_info
from ocop_desktop.services.sync.outgoing import ExportResult, Outgoing
from ocop_desktop.services.sync.typed_fingerprint import check_typed
from ocop_desktop.services.sync.types import PackageInfo
from ocop_desktop.store.models import Attachment, Blob, Dossier, Producer, Product
from ocop_desktop.store.queries import dossier_header

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

MINISTRY = Party(
    None, "Bộ Nông nghiệp và Môi trường (Văn phòng Điều phối nông thôn mới Trung ương)", "VN", MINISTRY_ROLE
)


@dataclass(frozen=True)
class ProposedProduct:
    dossier_id: str
    product_name: str
    producer_name: str
    commune_code: str
    mean_total: float | None
    star: int | None
    evidence_files: int
    unmet_floors: tuple[str, ...] = ()  # "7 (5★)": floors the province's council did not meet


@dataclass(frozen=True)
class ProposalCheck:
    """What a 5★ proposal package is, after the checks (`verified`: every file hashed too)."""

    package: PackageInfo
    province_name: str
    round_label: str
    signer: str  # "own" (made here) | "trusted" | "confirmed" (fingerprint typed in) | "unconfirmed"
    fingerprint: str  # readable, to compare with the province by phone
    products: tuple[ProposedProduct, ...]
    blobs: int
    blob_bytes: int
    verified: bool

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["package"]["path"] = str(self.package.path)
        return data


class FiveStarProposalService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def export(self, round_id: str, target: Path, *, progress: Progress | None = None) -> ExportResult:
        """The round's 5★ candidates (proposed, in the 5★ band, 5★ floors met) for the ministry."""
        from ocop_desktop.services.province.councils import CouncilService
        from ocop_desktop.services.province.results import ResultService
        from ocop_desktop.services.province.rounds import RoundService

        if self._ctx.office().role != "province":
            raise UserError("Chỉ cơ quan OCOP cấp tỉnh xuất hồ sơ đề nghị công nhận 5 sao.")
        proposals = ResultService(self._ctx).five_star_proposal(round_id)
        if not proposals:
            five_star = band_min(RuleService().in_force(date.today()).bands, 5)
            raise UserError(
                f"Đợt chưa có sản phẩm nào được đề nghị Bộ công nhận 5 sao (đạt từ {five_star} điểm) "
                "đang chờ kết quả của Bộ."
            )
        round_row = RoundService(self._ctx).get(round_id).row
        members = [asdict(m) for m in CouncilService(self._ctx).members(round_row.id)]
        office, keys = office_json(self._ctx)
        products: list[dict[str, Any]] = []
        shas: set[str] = set()
        with self._ctx.read() as s:
            for p in proposals:
                d, product, producer = s.execute(
                    dossier_header(Dossier, Product, Producer).where(Dossier.id == p.entry.dossier_id)
                ).one()
                evidence: list[dict[str, Any]] = [
                    {
                        "sha256": a.blob_sha256,
                        "filename": a.filename,
                        "size": b.size,
                        "media_type": b.media_type,
                        "checklist_key": a.checklist_key,
                        "criteria": a.criteria.split(),
                    }
                    for a, b in s.execute(
                        select(Attachment, Blob)
                        .join(Blob, Blob.sha256 == Attachment.blob_sha256)
                        .where(Attachment.dossier_id == d.id)
                        .order_by(Attachment.filename)
                    )
                ]
                shas.update(x["sha256"] for x in evidence)
                products.append(
                    {
                        "entry": asdict(p.entry),
                        "council_result": p.council_result,
                        "five_star": five_star_block(p, d.ruleset_id),
                        "evidence": evidence,
                        "dossier": {
                            "id": d.id,
                            "registration_type": d.registration_type,
                            "ruleset_id": d.ruleset_id,
                            "ruleset_hash": d.ruleset_hash,
                            "product_set": d.product_set,
                            "receipt_number": d.receipt_number,
                            "forms": dict(d.forms),
                        },
                        "product": {"id": product.id, "name": product.name, "code": product.code or ""},
                        "producer": {
                            "id": producer.id,
                            "name": producer.name,
                            "commune_code": producer.commune_code,
                        },
                    }
                )
        payload = {
            "schema": SCHEMA,
            "office": office,
            "keys": keys,
            "round": asdict(round_row),
            "council": members,
            "proposals": products,
        }
        out = Outgoing(self._ctx, fmt.Kind.FIVE_STAR_PROPOSAL, MINISTRY, Path(target))
        add_payload(out, payload, None)  # the ministry's key is not known to the province (§13)
        blobs, size = add_blobs(self._ctx, out, shas)
        out.counts = {"dossiers": len(products), "blobs": blobs, "blob_bytes": size}
        return write_outgoing(
            self._ctx,
            out,
            progress,
            dossier_ids=tuple(p.entry.dossier_id for p in proposals),
            blobs=blobs,
            blob_bytes=size,
        )

    def inspect(self, path: Path, *, confirm_fingerprint: str | None = None) -> ProposalCheck:
        """The manifest, the signature and the payload (its hash too), without hashing the blobs."""
        return self._check(Path(path), confirm_fingerprint, None, verify_blobs=False)

    def verify(
        self, path: Path, *, confirm_fingerprint: str | None = None, progress: Progress | None = None
    ) -> ProposalCheck:
        """Every check, every file hashed; raises `PackageRefused` on any problem; writes nothing."""
        return self._check(Path(path), confirm_fingerprint, progress, verify_blobs=True)

    def _check(
        self, path: Path, confirm: str | None, progress: Progress | None, *, verify_blobs: bool
    ) -> ProposalCheck:
        with PackageReader(path) as reader:
            m = reader.manifest
            if m.kind != fmt.Kind.FIVE_STAR_PROPOSAL:
                raise PackageRefused(
                    "wrong_direction",
                    f"Gói “{fmt.Kind(m.kind).label}” không phải hồ sơ đề nghị công nhận 5 sao.",
                )
            doc = read_payload(self._ctx, reader)
            _office, _keys, signing_raw = carried_keys(doc, m)
            reader.verify_signature(signing_raw, f"“{m.sender.name}”")
            readable = readable_fingerprint(signing_raw)
            signer = self._signer(m, readable, confirm)
            proposals = doc.get("proposals")
            if (
                not isinstance(proposals, list)
                or not proposals
                or not all(
                    isinstance(p, dict)
                    and isinstance(p.get("evidence"), list)
                    and isinstance(p.get("entry"), dict)
                    for p in proposals
                )
            ):
                raise PackageRefused(
                    "malformed", "Hồ sơ đề nghị 5 sao không đúng cấu trúc (danh sách sản phẩm)."
                )
            wanted = {str(x.get("sha256")) for p in proposals for x in p["evidence"] if isinstance(x, dict)}
            names = reader.names("blob")
            present = {fmt.blob_sha256(n) for n in names}
            if present - wanted:
                raise PackageRefused("unlisted_file", "Gói chứa tệp không thuộc sản phẩm nào được đề nghị.")
            if wanted - present:
                raise PackageRefused("missing_file", "Gói thiếu tệp minh chứng của sản phẩm được đề nghị.")
            if verify_blobs:
                check_blobs(self._ctx, reader, names, None, progress, upto=0.9)
            info = package_info(reader, signer != "unconfirmed")
            products = tuple(
                ProposedProduct(
                    str(p["entry"].get("dossier_id", "")),
                    str((p.get("product") or {}).get("name", "")),
                    str((p.get("producer") or {}).get("name", "")),
                    str((p.get("producer") or {}).get("commune_code", "")),
                    p["entry"].get("mean_total"),
                    p["entry"].get("proposed_star") or p["entry"].get("star"),
                    len(p["evidence"]),
                    unmet_floor_labels(p["entry"].get("floors") or {}),
                )
                for p in proposals
            )
            round_info: dict[str, Any] = doc["round"] if isinstance(doc.get("round"), dict) else {}
            return ProposalCheck(
                info,
                m.sender.name,
                str(round_info.get("label", "")),
                signer,
                readable,
                products,
                len(names),
                sum(reader.entries[n].size for n in names),
                verify_blobs,
            )

    def _signer(self, m: Any, readable: str, confirm: str | None) -> str:
        check_typed(m, confirm)  # typed, it must be right, whoever signed (this office included)
        office = self._ctx.office_or_none()
        if office is not None and m.sender_id == office.id:
            if own_keys(self._ctx).signing.fingerprint != m.signing_key:
                raise PackageRefused(
                    "bad_signature", "Gói mang tên cơ quan này nhưng không được ký bằng khóa của máy này."
                )
            return "own"
        with self._ctx.read() as s:
            if trusted_signing_key(s, m.signing_key, m.sender_id) is not None:
                return "trusted"
        if confirm:
            if normalise_readable(confirm) != readable:
                raise PackageRefused(
                    "fingerprint_mismatch",
                    "Dấu vân tay bạn nhập không khớp với khóa đã ký gói. Đừng "
                    "tin gói này; hãy gọi lại cho cơ quan gửi để kiểm tra.",
                )
            return "confirmed"
        return "unconfirmed"


def five_star_block(p: Any, ruleset_id: str) -> dict[str, Any]:
    """Why the product is proposed: the reading used (pinned on its council result), the 5★ band of
    its rule set, and its floors met or not (QĐ 26/2026 Art. 7.3.e proposes on points alone)."""
    rule = str(p.council_result.get("five_star_rule") or FiveStarRule.POINTS.value)
    floors = p.council_result.get("floors") or {}
    unmet = unmet_floor_labels(floors)
    return {
        "rule": rule,
        "rule_label": FiveStarRule(rule).label if rule in {r.value for r in FiveStarRule} else rule,
        "band_min": band_min(RuleService().get(ruleset_id).bands, 5),
        "floors": floors,
        "floors_met": not unmet,
        "unmet": list(unmet),
    }
