"""The banner over the main window when the start-up check finds the audit log broken or a record
that no longer matches it: where it breaks, and a button to the log."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ocop_desktop.services.core.audit import VerifyReport
from ocop_desktop.ui.kit.banner import Banner


def problem_text(report: VerifyReport) -> str:
    first = report.first_break
    assert first is not None
    where = f"mục {first.seq}, " if first.seq is not None else ""
    record = f", bản ghi {first.record_id[:8]}" if first.record_id else ""
    more = f" (và {len(report.problems) - 1} vấn đề khác)" if len(report.problems) > 1 else ""
    what = f"{where}bảng {first.table_name}{record}: {first.message}{more}"
    return (
        f"Nhật ký thay đổi không khớp dữ liệu: {what}. "
        "Dữ liệu có thể đã bị sửa ngoài ứng dụng; báo cán bộ quản trị và chạy “ocop-desktop audit verify”."
    )


def audit_banner(report: VerifyReport, open_log: Callable[[], object], parent: QWidget) -> QWidget | None:
    """The banner for `report`, or None when the log and the records match."""
    if report.ok:
        return None
    holder = QWidget(parent)
    holder.setObjectName("audit_banner")
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    text = Banner(holder, "error")
    text.show_text(problem_text(report))
    button = QPushButton(holder.tr("Xem nhật ký"), holder)
    button.clicked.connect(open_log)
    row.addWidget(text, 1)
    row.addWidget(button)
    return holder
