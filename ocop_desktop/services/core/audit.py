"""Reading the audit log (docs/officers-and-audit.md): filtered entries for the log's window, the CLI
and a dossier's history, and the verification of the chain and of the records against it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ocop_desktop.progress import Progress
from ocop_desktop.store.audit import Problem, VerifyReport, verify
from ocop_desktop.store.models import AuditEntry, Office

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

TABLE_LABELS = {
    "producer": "Chủ thể",
    "product": "Sản phẩm",
    "dossier": "Hồ sơ",
    "dossier_event": "Bước xử lý hồ sơ",
    "checklist_item": "Danh mục hồ sơ",
    "attachment": "Tài liệu minh chứng",
    "score_sheet": "Phiếu chấm",
    "evaluation_round": "Đợt đánh giá",
    "council_member": "Thành viên hội đồng",
    "round_entry": "Sản phẩm trong đợt",
    "advisory_note": "Ý kiến tổ tư vấn",
    "recognition_decision": "Quyết định công nhận",
    "certificate": "Giấy chứng nhận",
    "evaluator_sheet": "Phiếu chấm (máy chấm)",
    "evaluator_link": "Liên kết máy chấm",
    "office": "Cơ quan",
    "officer": "Cán bộ",
    "key_record": "Khóa và tin cậy",
    "office_key_vault": "Khóa dùng chung của văn phòng",
    "sync_conflict": "Xung đột khi nhập",
    "year_plan": "Kế hoạch năm",
    "province_target": "Chỉ tiêu tỉnh giao",
    "five_star_review": "Kết quả đánh giá 5 sao của Bộ",
    "producer_profile": "Thông tin Mẫu 02 của chủ thể",
    "settings": "Cài đặt",
}
ACTION_LABELS = {
    "insert": "Thêm",
    "update": "Sửa",
    "delete": "Xóa",
    "seal": "Niêm phong",
    "bulk": "Nạp hàng loạt",
}
__all__ = ["AuditFilter", "AuditRow", "AuditService", "Problem", "VerifyReport"]
SOURCE_LABELS = {"app": "", "import": "nhập gói", "bulk": "dữ liệu mẫu", "baseline": "trước nhật ký"}


@dataclass(frozen=True)
class AuditFilter:
    officer_id: str | None = None
    table_name: str | None = None
    record_id: str | None = None
    dossier_id: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None  # inclusive
    limit: int = 2000


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime  # UTC
    officer_id: str | None
    officer_name: str
    office_name: str
    source: str
    table_name: str
    record_id: str
    dossier_id: str | None
    action: str
    before: dict[str, Any]
    after: dict[str, Any]

    @property
    def table_label(self) -> str:
        return TABLE_LABELS.get(self.table_name, self.table_name)

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    def changes(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) of every field the entry names; in an update, a JSON field's members
        as "forms.mau01.phone"."""
        return _flattened("", self.before, self.after, deep=self.action == "update")


def _flattened(
    prefix: str, before: dict[str, Any], after: dict[str, Any], *, deep: bool
) -> list[tuple[str, Any, Any]]:
    found: list[tuple[str, Any, Any]] = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if deep and isinstance(old, dict) and isinstance(new, dict):
            found.extend(_flattened(f"{prefix}{key}.", old, new, deep=True))
        else:
            found.append((prefix + key, old, new))
    return found


def _loads(text: str | None) -> dict[str, Any]:
    data = json.loads(text) if text else {}
    return data if isinstance(data, dict) else {}


def _utc_text(day: date) -> str:
    """Midnight of `day` on this computer's clock, as the log's UTC text (entries sort as text)."""
    return datetime.combine(day, time()).astimezone(UTC).isoformat(timespec="milliseconds")


class AuditService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def entries(self, f: AuditFilter = AuditFilter()) -> list[AuditRow]:
        """The newest entries first that match `f`."""
        q = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(f.limit)
        for column, value in (
            (AuditEntry.officer_id, f.officer_id),
            (AuditEntry.table_name, f.table_name),
            (AuditEntry.record_id, f.record_id),
            (AuditEntry.dossier_id, f.dossier_id),
            (AuditEntry.action, f.action),
        ):
            if value:
                q = q.where(column == value)
        if f.since:
            q = q.where(AuditEntry.at >= _utc_text(f.since))
        if f.until:
            q = q.where(AuditEntry.at < _utc_text(f.until + timedelta(days=1)))
        with self._ctx.read() as s:
            offices: dict[str, str] = {i: n for i, n in s.execute(select(Office.id, Office.name))}
            return [
                AuditRow(
                    e.seq,
                    datetime.fromisoformat(e.at),
                    e.officer_id,
                    e.officer_name,
                    offices.get(e.office_id or "", ""),
                    e.source,
                    e.table_name,
                    e.record_id,
                    e.dossier_id,
                    e.action,
                    _loads(e.before),
                    _loads(e.after),
                )
                for e in s.scalars(q)
            ]

    def dossier_history(self, dossier_id: str) -> list[AuditRow]:
        return self.entries(AuditFilter(dossier_id=dossier_id, limit=100_000))

    def verify(self, progress: Progress | None = None, *, pause: float = 0.0) -> VerifyReport:
        """The whole log and every audited record (one pass over each); `progress` may cancel it."""
        with self._ctx.engine.connect() as conn:
            return verify(conn, progress, pause=pause)
