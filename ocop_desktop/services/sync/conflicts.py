"""Conflicts kept for review: an incoming dossier part that crossed a change made here.

Nothing is merged silently. An officer looks at what differs and either takes the incoming version
(it is applied as an update) or keeps the local one (the incoming version is marked as seen, so a
re-sent copy of it is "unchanged"; a later version from the sender is again checked against the
local change, and goes to review again until someone takes an incoming version).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import NotFoundError, UserError
from ocop_desktop.ocoppkg.format import canonical_json
from ocop_desktop.services.sync.apply import apply
from ocop_desktop.services.sync.records import COMMUNE, local_part
from ocop_desktop.store.base import KEEP_REVISIONS, utcnow
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.models import Dossier, Office, Product, SyncConflict, SyncDossierState

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

RESOLUTIONS = ("take_incoming", "keep_local")


@dataclass(frozen=True)
class ConflictRow:
    id: str
    dossier_id: str
    product_name: str
    peer_name: str
    package_id: str
    part: str  # commune | province: whose part came in
    reason: str
    message: str
    incoming_version: int
    local_version: int
    incoming_status: str
    differences: tuple[str, ...]  # sections that differ: "forms.mau02_part1", "checklist", …
    detected_at: datetime
    resolved_at: datetime | None
    resolution: str | None


class ConflictService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def rows(self, *, include_resolved: bool = False) -> list[ConflictRow]:
        with self._ctx.read() as s:
            query = select(SyncConflict).order_by(SyncConflict.detected_at)
            if not include_resolved:
                query = query.where(SyncConflict.resolved_at.is_(None))
            return [self._row(s, c) for c in s.scalars(query)]

    def get(self, conflict_id: str) -> ConflictRow:
        with self._ctx.read() as s:
            return self._row(s, self._conflict(s, conflict_id))

    def incoming(self, conflict_id: str) -> dict[str, Any]:
        """The full incoming record, for a side-by-side view."""
        with self._ctx.read() as s:
            return dict(self._conflict(s, conflict_id).incoming)

    def local(self, conflict_id: str) -> dict[str, Any]:
        """This machine's copy of the conflicting part, in the same shape as the incoming data."""
        from ocop_desktop.services.sync.records import local_part

        with self._ctx.read() as s:
            row = self._conflict(s, conflict_id)
            d = s.get(Dossier, row.dossier_id)
            return local_part(s, d, row.part) if d is not None else {}

    def resolve(self, conflict_id: str, resolution: str) -> ConflictRow:
        if resolution not in RESOLUTIONS:
            raise UserError(f"Cách xử lý “{resolution}” không hợp lệ (take_incoming hoặc keep_local).")
        with self._ctx.unit_of_work() as s:
            s.info[KEEP_REVISIONS] = True
            c = self._conflict(s, conflict_id)
            if c.resolved_at is not None:
                raise UserError("Xung đột này đã được xử lý.")
            rec = c.incoming
            state = s.get(SyncDossierState, c.dossier_id)
            if state is not None and rec["version"] < state.peer_version:
                raise UserError("Đã nhận một phiên bản mới hơn của hồ sơ này; bản trong xung đột đã cũ.")
            if resolution == "take_incoming":
                if s.get(Dossier, c.dossier_id) is None and rec["part"] != COMMUNE:
                    raise UserError(
                        "Máy này không có hồ sơ này nên không thể nhận kết quả; "
                        "hãy bỏ qua (giữ bản trên máy)."
                    )
                blobs = BlobStore(self._ctx.paths.blobs_dir)
                if any(not blobs.has(a["blob_sha256"]) for a in rec["data"].get("attachments", [])):
                    raise UserError(
                        "Thiếu tệp đính kèm của bản gửi đến trên máy này; hãy đề nghị bên gửi gửi lại gói."
                    )
                apply(s, rec, c.peer_office_id, c.package_id)
            elif state is not None:
                state.peer_version, state.peer_hash = rec["version"], rec["hash"]
            c.resolved_at, c.resolution, c.resolved_by_officer_id = utcnow(), resolution, self._ctx.officer_id
            for other in s.scalars(
                select(SyncConflict).where(
                    SyncConflict.dossier_id == c.dossier_id,
                    SyncConflict.resolved_at.is_(None),
                    SyncConflict.incoming_version <= rec["version"],
                    SyncConflict.id != c.id,
                )
            ):
                other.resolved_at, other.resolution = utcnow(), "superseded"
        return self.get(conflict_id)

    @staticmethod
    def _conflict(s: Session, conflict_id: str) -> SyncConflict:
        c = s.get(SyncConflict, conflict_id)
        if c is None:
            raise NotFoundError("Không tìm thấy xung đột.")
        return c

    @staticmethod
    def _row(s: Any, c: SyncConflict) -> ConflictRow:
        d = s.get(Dossier, c.dossier_id)
        product = s.get(Product, d.product_id) if d else None
        data = c.incoming.get("data", {})
        name = product.name if product else data.get("product", {}).get("name", "")
        peer = s.get(Office, c.peer_office_id)
        return ConflictRow(
            c.id,
            c.dossier_id,
            name,
            peer.name if peer else "",
            c.package_id,
            c.part,
            c.reason,
            c.message,
            c.incoming_version,
            c.local_version,
            str(c.incoming.get("status", "")),
            differences(s, d, c.part, data) if d else ("hồ sơ chưa có trên máy này",),
            _aware(c.detected_at),
            _aware(c.resolved_at) if c.resolved_at else None,
            c.resolution,
        )


def differences(s: Any, d: Dossier, part: str, incoming: dict[str, Any]) -> tuple[str, ...]:
    """Which sections of the part differ between this machine and the incoming record."""
    local = local_part(s, d, part)
    out = []
    for key in sorted(set(local) | set(incoming)):
        mine, theirs = local.get(key), incoming.get(key)
        if key == "dossier" and isinstance(mine, dict) and isinstance(theirs, dict):
            forms_mine, forms_theirs = mine.get("forms", {}), theirs.get("forms", {})
            out += [
                f"forms.{k}"
                for k in sorted(set(forms_mine) | set(forms_theirs))
                if canonical_json(forms_mine.get(k)) != canonical_json(forms_theirs.get(k))
            ]
            mine = {
                k: v
                for k, v in mine.items()
                if k
                not in ("forms", "revision", "updated_at", "updated_by_office_id", "updated_by_officer_id")
            }
            theirs = {k: v for k, v in theirs.items() if k in mine}
        if canonical_json(_strip(mine)) != canonical_json(_strip(theirs)):
            out.append(key)
    return tuple(out)


def _strip(value: Any) -> Any:
    meta = {
        "revision",
        "created_at",
        "updated_at",
        "updated_by_office_id",
        "updated_by_officer_id",
        "search_key",
    }
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in meta}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
