"""The tables of the sync page: packages waiting for a receipt (with their age), packages
imported, peer offices, work not yet delivered, conflicts to review."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from ocop_desktop.services.sync.status import InboxPackageRow, OutboxRow, PeerStatus, UnsentDossier
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.formatting import local_time
from ocop_desktop.ui.kit.style import BAD, WARN
from ocop_desktop.ui.kit.tables import Col, RowsModel
from ocop_desktop.ui.sync.widgets import age_days, age_text, size_text

translate = QCoreApplication.translate


def role_label(role: str) -> str:
    return {"commune": translate("SyncTabs", "Cấp xã"), "province": translate("SyncTabs", "Cấp tỉnh")}.get(
        role, role
    )


def counts_text(counts: dict[str, int]) -> str:
    words = {
        "new": translate("SyncTabs", "mới"),
        "updated": translate("SyncTabs", "cập nhật"),
        "unchanged": translate("SyncTabs", "không đổi"),
        "stale": translate("SyncTabs", "cũ"),
        "conflicting": translate("SyncTabs", "xung đột"),
    }
    return ", ".join(f"{n} {words.get(k, k)}" for k, n in counts.items() if n)


def result_text(r: InboxPackageRow) -> str:
    if r.kind == "receipt":
        return translate("SyncTabs", "xác nhận gói đã gửi")
    if r.kind in ("enrollment", "reference"):
        return (
            translate("SyncTabs", "khóa của cơ quan, dữ liệu tham chiếu")
            if r.kind == "reference"
            else translate("SyncTabs", "khóa của cơ quan")
        )
    return counts_text(r.counts)


def outbox_model(now: datetime, warn_days: int, parent: object = None) -> RowsModel:
    def colours(r: OutboxRow) -> tuple | None:  # type: ignore[type-arg]
        return WARN if age_days(r.written_at, now) >= warn_days else None

    return RowsModel(
        [
            Col(lambda: translate("SyncTabs", "Gói"), lambda r: r.kind_label),
            Col(lambda: translate("SyncTabs", "Gửi cho"), lambda r: r.recipient_name, 30),
            Col(lambda: translate("SyncTabs", "Số gói"), lambda r: r.sequence, 7, right=True),
            Col(lambda: translate("SyncTabs", "Ghi lúc"), lambda r: local_time(r.written_at), 16),
            Col(
                lambda: translate("SyncTabs", "Chờ biên nhận"),
                lambda r: age_text(r.written_at, now),
                12,
                right=True,
                colours=colours,
            ),
            Col(lambda: translate("SyncTabs", "Hồ sơ"), lambda r: r.dossier_count, 6, right=True),
            Col(lambda: translate("SyncTabs", "Tệp đính kèm"), lambda r: r.blob_count, 10, right=True),
            Col(lambda: translate("SyncTabs", "Dung lượng"), lambda r: size_text(r.size), 10, right=True),
            Col(lambda: translate("SyncTabs", "Tệp"), lambda r: r.file_name, 26, tip=lambda r: r.file_name),
        ],
        parent,
    )


def inbox_model(parent: object = None) -> RowsModel:
    def colours(r: InboxPackageRow) -> tuple | None:  # type: ignore[type-arg]
        if r.counts.get("conflicting"):
            return BAD
        return WARN if r.counts.get("stale") else None

    return RowsModel(
        [
            Col(lambda: translate("SyncTabs", "Nhập lúc"), lambda r: local_time(r.imported_at), 16),
            Col(
                lambda: translate("SyncTabs", "Từ"),
                lambda r: r.sender_name,
                tip=lambda r: f"{r.sender_name} ({r.sender_unit})",
            ),
            Col(
                lambda: translate("SyncTabs", "Loại gói"),
                lambda r: r.kind_label,
                28,
                tip=lambda r: r.kind_label,
            ),
            Col(lambda: translate("SyncTabs", "Số gói"), lambda r: r.sequence, 7, right=True),
            Col(lambda: translate("SyncTabs", "Kết quả"), result_text, 22, colours=colours),
            Col(
                lambda: translate("SyncTabs", "Biên nhận"),
                lambda r: translate("SyncTabs", "đã cấp") if r.receipt_issued else "",
                9,
            ),
            Col(lambda: translate("SyncTabs", "Tệp"), lambda r: r.file_name, 18, tip=lambda r: r.file_name),
        ],
        parent,
    )


def peers_model(parent: object = None) -> RowsModel:
    def colours(p: PeerStatus) -> tuple | None:  # type: ignore[type-arg]
        return WARN if p.unacknowledged else None

    return RowsModel(
        [
            Col(lambda: translate("SyncTabs", "Cơ quan"), lambda p: p.name),
            Col(lambda: translate("SyncTabs", "Mã đơn vị"), lambda p: p.unit_code, 9),
            Col(lambda: translate("SyncTabs", "Cấp"), lambda p: role_label(p.role), 9),
            Col(lambda: translate("SyncTabs", "Dấu vân tay khóa ký"), lambda p: p.signing_fingerprint, 34),
            Col(
                lambda: translate("SyncTabs", "Mã hóa"),
                lambda p: (
                    translate("SyncTabs", "có") if p.encryption_known else translate("SyncTabs", "chưa")
                ),
                7,
            ),
            Col(
                lambda: translate("SyncTabs", "Gói nhận gần nhất"),
                lambda p: local_time(p.last_package_from),
                16,
            ),
            Col(
                lambda: translate("SyncTabs", "Biên nhận gần nhất"),
                lambda p: local_time(p.last_receipt_from),
                16,
            ),
            Col(
                lambda: translate("SyncTabs", "Gói chờ biên nhận"),
                lambda p: p.unacknowledged,
                15,
                right=True,
                colours=colours,
            ),
        ],
        parent,
    )


def unsent_model(parent: object = None) -> RowsModel:
    return RowsModel(
        [
            Col(lambda: translate("SyncTabs", "Sản phẩm"), lambda u: u.product_name),
            Col(lambda: translate("SyncTabs", "Chủ thể"), lambda u: u.producer_name, 30),
            Col(lambda: translate("SyncTabs", "Trạng thái hồ sơ"), lambda u: label_text(u.status_label), 22),
            Col(lambda: translate("SyncTabs", "Tình trạng"), lambda u: u.reason, 26, colours=lambda u: WARN),
            Col(lambda: translate("SyncTabs", "Từ ngày"), lambda u: local_time(u.since)[:10], 11),
            Col(lambda: translate("SyncTabs", "Số ngày"), lambda u: u.days, 8, right=True),
        ],
        parent,
    )


def conflicts_model(parent: object = None) -> RowsModel:
    return RowsModel(
        [
            Col(lambda: translate("SyncTabs", "Sản phẩm"), lambda c: c.product_name),
            Col(lambda: translate("SyncTabs", "Từ"), lambda c: c.peer_name, 26),
            Col(
                lambda: translate("SyncTabs", "Lý do"),
                lambda c: c.message,
                40,
                tip=lambda c: c.message,
                colours=lambda c: BAD,
            ),
            Col(lambda: translate("SyncTabs", "Khác nhau ở"), lambda c: ", ".join(c.differences), 26),
            Col(lambda: translate("SyncTabs", "Phát hiện lúc"), lambda c: local_time(c.detected_at), 16),
        ],
        parent,
    )


def unsent_summary(rows: list[UnsentDossier], days: int) -> str:
    if not rows:
        return ""
    oldest = max(r.days for r in rows)
    return (
        translate(
            "SyncTabs",
            "%1 hồ sơ chưa tới nơi nhận quá %2 ngày (lâu nhất %3 ngày). Hãy xuất gói và gửi đi, hoặc nhập "
            "biên nhận của bên kia.",
        )
        .replace("%1", str(len(rows)))
        .replace("%2", str(days))
        .replace("%3", str(oldest))
    )
