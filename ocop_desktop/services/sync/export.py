"""Exporting packages: dossier submissions (commune → province), results and returns (province →
commune), enrollment (our public keys) and reference packs (province → communes)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.backup import restore_from_backup
from ocop_desktop.domain.dossiers import Status
from ocop_desktop.domain.errors import EnvironmentProblem, UserError
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.manifest import Party
from ocop_desktop.progress import Progress
from ocop_desktop.services.sync.keys import (
    encryption_key_of,
    find_peer,
    keys_json,
    own_keys,
    parent_unit,
    peer_offices,
)
from ocop_desktop.services.sync.mailbox_pack import block_for, communes_of
from ocop_desktop.services.sync.outgoing import ExportResult, Outgoing, discard, party, publish
from ocop_desktop.services.sync.plans_pack import plans_for
from ocop_desktop.services.sync.records import COMMUNE, PROVINCE, PROVINCE_STATUSES, build_record, local_hash
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.models import Dossier, Office, SyncDossierState, SyncPeerBlob

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

CHECKED = Status.COMMUNE_CHECKED.value
SENDABLE = frozenset({CHECKED, Status.SENT.value})
# A dossier the producer withdrew goes again only when the province already has it (its sync state
# names a peer): the record carries the withdrawal (records.WITHDRAWAL) so that the province sees it.
WITHDRAWN = Status.WITHDRAWN.value


def payload_bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"


class PackageExportService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.blobs = BlobStore(ctx.paths.blobs_dir)

    # -- dossiers ---------------------------------------------------------------------------------
    def export_dossiers(
        self,
        target: Path,
        *,
        to: str | None = None,
        dossier_ids: list[str] | None = None,
        pending: bool = False,
        include_all_blobs: bool = False,
        progress: Progress | None = None,
    ) -> ExportResult:
        """Chosen dossiers, or (`pending`) everything the peer has not acknowledged. At the commune
        this is a submission, and commune-checked dossiers move to "sent"; at the province, results."""
        office = self._ctx.office()
        if office.role not in (COMMUNE, PROVINCE):
            raise UserError("Máy của thành viên hội đồng chưa gửi được gói hồ sơ ở phiên bản này.")
        part = COMMUNE if office.role == COMMUNE else PROVINCE
        own_keys(self._ctx)  # the encryption pair exists before any exchange
        with self._ctx.read() as s:
            peer = self._recipient(s, to, part)
            chosen = self._choose(s, peer, part, dossier_ids, pending)
            out = Outgoing(
                self._ctx,
                fmt.Kind.SUBMISSION if part == COMMUNE else fmt.Kind.RESULTS,
                party(peer),
                Path(target),
            )
            key = encryption_key_of(s, peer.id)
            if key is not None:  # records and scans alike (scans: format 2)
                out.encrypt_for(key)
            versions, needed = {}, {}
            for d in chosen:
                state = s.get(SyncDossierState, d.id)
                now = local_hash(s, d, part)
                version = (state.own_version if state else 0) + (
                    1 if state is None or state.own_hash != now else 0
                )
                versions[d.id] = (version, now, d.status)
                status = Status.SENT.value if d.status == Status.COMMUNE_CHECKED.value else d.status
                record = build_record(s, d, part, version, state.peer_version if state else 0, status)
                raw = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
                out.add_file(f"records/{d.id}.json", raw)
                for a in record["data"].get("attachments", []):
                    needed[a["blob_sha256"]] = a["size"]
            held = (
                set()
                if include_all_blobs
                else set(s.scalars(select(SyncPeerBlob.sha256).where(SyncPeerBlob.peer_office_id == peer.id)))
            )
            sent = self._add_blobs(out, {sha: size for sha, size in needed.items() if sha not in held})
            out.rulesets = tuple(sorted({(d.ruleset_id, d.ruleset_hash) for d in chosen}))
            out.counts = {"dossiers": len(chosen), "blobs": len(sent), "blob_bytes": sum(sent.values())}
        tmp, manifest, raw = out.write(progress)
        try:
            # One transaction: the package's number, the dossiers' versions and their move to "sent".
            # The file gets its name right after the commit; a kill in between is finished at the
            # next start (`store.publishing`), so a status never claims a package that is not there.
            with self._ctx.unit_of_work() as s:
                out.record(s, manifest, raw, tmp)
                self._remember(s, peer.id, part, manifest.package_id, versions)
                self._send(s, [i for i, (_v, _h, status) in versions.items() if status == CHECKED])
        except BaseException:
            discard(self._ctx, tmp)
            raise
        publish(self._ctx, tmp, Path(target))
        return out.result(
            manifest,
            raw,
            dossier_ids=tuple(versions),
            blobs=len(sent),
            blob_bytes=sum(sent.values()),
            blobs_skipped=len(set(needed) & held),
            encrypted=out.content_key is not None,
        )

    def _recipient(self, s: Session, to: str | None, part: str) -> Office:
        wanted = PROVINCE if part == COMMUNE else COMMUNE
        if to is None:
            candidates = [o for o in peer_offices(s) if o.role == wanted]
            if len(candidates) != 1:
                raise UserError("Hãy chọn cơ quan nhận gói (mã đơn vị hoặc mã cơ quan).")
            return candidates[0]
        peer = find_peer(s, to)
        if peer.role != wanted:
            raise UserError(f"“{peer.name}” không phải là nơi nhận loại gói này.")
        return peer

    def _choose(
        self, s: Session, peer: Office, part: str, ids: list[str] | None, pending: bool
    ) -> list[Dossier]:
        if ids:
            chosen = []
            for dossier_id in ids:
                d = s.get(Dossier, dossier_id) or _by_prefix(s, dossier_id)
                state = s.get(SyncDossierState, d.id)
                if part == COMMUNE and not _sendable(d, state):
                    raise UserError(
                        f"Hồ sơ {d.id[:8]} đang “{Status(d.status).label}”: chỉ gửi được hồ sơ xã đã "
                        "đánh giá (Mẫu 03)."
                    )
                if part == PROVINCE and (
                    state is None or state.peer_office_id != peer.id or d.status not in PROVINCE_STATUSES
                ):
                    raise UserError(
                        f"Hồ sơ {d.id[:8]} không phải hồ sơ của “{peer.name}” đã được tiếp nhận, trả lại "
                        "hoặc có quyết định."
                    )
                chosen.append(d)
            return chosen
        if not pending:
            raise UserError("Hãy chọn hồ sơ cần gửi, hoặc chọn gửi mọi hồ sơ chưa được xác nhận.")
        rows: list[Dossier]
        if part == COMMUNE:
            found = s.scalars(
                select(Dossier).where(Dossier.status.in_(SENDABLE | {WITHDRAWN})).order_by(Dossier.created_at)
            )
            rows = [d for d in found if _sendable(d, s.get(SyncDossierState, d.id))]
        else:
            rows = list(
                s.scalars(
                    select(Dossier)
                    .join(SyncDossierState, SyncDossierState.dossier_id == Dossier.id)
                    .where(SyncDossierState.peer_office_id == peer.id, Dossier.status.in_(PROVINCE_STATUSES))
                    .order_by(Dossier.created_at)
                )
            )
        chosen = [d for d in rows if self._unacknowledged(s, d, part)]
        if not chosen:
            raise UserError("Không có hồ sơ nào cần gửi: mọi hồ sơ đã được bên nhận xác nhận.")
        return chosen

    @staticmethod
    def _unacknowledged(s: Session, d: Dossier, part: str) -> bool:
        state = s.get(SyncDossierState, d.id)
        return (
            state is None
            or state.acked_version < state.own_version
            or state.own_hash != local_hash(s, d, part)
        )

    def _add_blobs(self, out: Outgoing, wanted: dict[str, int]) -> dict[str, int]:
        for sha, size in sorted(wanted.items()):
            path = self.blobs.path_for(sha)
            if not path.is_file():
                raise EnvironmentProblem(
                    f"Thiếu tệp đính kèm {sha[:12]}… trong thư mục “blobs” của máy này. "
                    + restore_from_backup("thư mục dữ liệu")
                )
            out.add_blob(sha, path, size)
        return wanted

    @staticmethod
    def _remember(
        s: Session, peer_id: str, part: str, package_id: str, versions: dict[str, tuple[int, str, str]]
    ) -> None:
        """Each dossier's version and hash as sent in package `package_id`."""
        for dossier_id, (version, now, _status) in versions.items():
            state = s.get(SyncDossierState, dossier_id) or SyncDossierState(
                dossier_id=dossier_id,
                peer_office_id=peer_id,
                own_part=part,
                own_version=0,
                own_hash="",
                acked_version=0,
                peer_version=0,
                peer_hash="",
                peer_local_hash="",
                last_outcome="",
            )
            state.own_version, state.own_hash, state.last_sent_package_id = version, now, package_id
            s.add(state)

    def _send(self, s: Session, dossier_ids: list[str]) -> None:
        """The commune-checked dossiers of the package move to "sent", in the caller's transaction."""
        from ocop_desktop.domain.dossiers import Action
        from ocop_desktop.services.dossiers.service import record_transition

        actor = self._ctx.actor()
        for dossier_id in dossier_ids:
            d = s.get(Dossier, dossier_id)
            if d is None or d.status != CHECKED:  # changed meanwhile: the record sent says what it was
                continue
            record_transition(s, d, Action.SEND, "Gửi bằng gói đồng bộ", actor)

    # -- enrollment and reference packs -------------------------------------------------------
    def export_enrollment(self, target: Path) -> ExportResult:
        """Our office and public keys, for the other office to trust after comparing the fingerprint."""
        keys = own_keys(self._ctx)
        with self._ctx.read() as s:
            if keys.role == COMMUNE:
                recipient = Party(
                    None, "Cơ quan OCOP cấp tỉnh", parent_unit(s, keys.unit_code) or "", PROVINCE
                )
            else:
                recipient = Party(None, f"Các xã của {keys.office_name}", keys.unit_code, COMMUNE)
        payload = {"office": _office_json(keys), "keys": keys_json(keys, self._ctx)}
        return self._small(fmt.Kind.ENROLLMENT, recipient, Path(target), payload, {})

    def export_reference(self, target: Path, *, to: str | None = None) -> ExportResult:
        """Rule sets, holiday calendar and checklists as used here, with the province's public keys, and
        the communes' parts of its year plans (to one commune: its part only; to all: every part)."""
        from ocop_desktop.services.sync.reference import reference_files

        keys = own_keys(self._ctx)
        if keys.role != PROVINCE:
            raise UserError("Chỉ cơ quan OCOP cấp tỉnh xuất gói dữ liệu tham chiếu.")
        with self._ctx.read() as s:
            peer = find_peer(s, to) if to else None
            recipient = (
                party(peer)
                if peer
                else Party(None, f"Các xã của {keys.office_name}", keys.unit_code, COMMUNE)
            )
            mailbox = block_for(self._ctx, s, [peer.id] if peer else communes_of(s))
            plans = plans_for(s, peer.unit_code if peer else None)
            plan_rounds = plans_for(s, peer.unit_code if peer else None, rounds=True)
        files = reference_files(self._ctx)
        payload = {
            "office": _office_json(keys),
            "keys": keys_json(keys, self._ctx),
            "files": [{"name": name, "sha256": fmt.sha256_hex(data)} for name, data in sorted(files.items())],
            **({"mailbox": mailbox} if mailbox else {}),
            "plans": plans,
            "plan_rounds": plan_rounds,
        }
        return self._small(fmt.Kind.REFERENCE, recipient, Path(target), payload, files)

    def _small(
        self, kind: fmt.Kind, recipient: Party, target: Path, payload: dict[str, Any], files: dict[str, bytes]
    ) -> ExportResult:
        out = Outgoing(self._ctx, kind, recipient, target)
        out.writer.add_file(fmt.PAYLOAD, payload_bytes(payload))
        for name, data in sorted(files.items()):
            out.writer.add_file(name, data)
        tmp, manifest, raw = out.write()
        try:
            with self._ctx.unit_of_work() as s:
                out.record(s, manifest, raw, tmp)
        except BaseException:
            discard(self._ctx, tmp)
            raise
        publish(self._ctx, tmp, target)
        return out.result(manifest, raw)


def _office_json(keys: Any) -> dict[str, str]:
    return {
        "office_id": keys.office_id,
        "name": keys.office_name,
        "unit_code": keys.unit_code,
        "role": keys.role,
    }


def _by_prefix(s: Session, prefix: str) -> Dossier:
    """Dossier ids are long; the CLI shows the first 8 characters, which is what people type."""
    found = (
        list(s.scalars(select(Dossier).where(Dossier.id.startswith(prefix.strip().lower())).limit(2)))
        if len(prefix.strip()) >= 6
        else []
    )
    if len(found) != 1:
        raise UserError(f"Không tìm thấy hồ sơ “{prefix}”.")
    return found[0]


def _sendable(d: Dossier, state: SyncDossierState | None) -> bool:
    return d.status in SENDABLE or (d.status == WITHDRAWN and state is not None and state.own_part == COMMUNE)
