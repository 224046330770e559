"""The dossier list's rows: the service filters (diacritics-insensitive, status, due only) and
orders by deadline; the model colours deadlines that are near or past."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ocop_desktop.services.dossiers.service import DossierRow
from ocop_desktop.ui.dossiers import ops
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.lazy_model import LazyTableModel
from ocop_desktop.ui.kit.style import KEY_FILL, MUTED, URGENCY_COLOURS
from ocop_desktop.ui.kit.tables import Col

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

translate = QCoreApplication.translate


def deadline_text(r: DossierRow) -> str:
    if r.deadline is None:
        return ""
    text = format_date(r.deadline) + (
        " " + translate("DossiersPage", "(dự kiến)") if r.deadline_estimated else ""
    )
    return f"{text} · {label_text(r.urgency_label)}" if r.urgency in URGENCY_COLOURS else text


ARCHIVED = (KEY_FILL, MUTED)  # an archived dossier's status, greyed


def status_text(r: DossierRow) -> str:
    text = label_text(r.status_label)
    return f"{text} · {translate('DossiersPage', 'lưu trữ')}" if r.archived else text


COLUMNS = [
    # The product code is searchable and in the editor; the names get the width instead.
    Col(lambda: translate("DossiersPage", "Sản phẩm"), lambda r: r.product_name),
    Col(lambda: translate("DossiersPage", "Chủ thể"), lambda r: r.producer_name),
    Col(lambda: translate("DossiersPage", "Loại đăng ký"), lambda r: label_text(r.registration_label), 13),
    Col(
        lambda: translate("DossiersPage", "Trạng thái"),
        status_text,
        18,
        colours=lambda r: ARCHIVED if r.archived else None,
        tip=lambda r: translate("DossiersPage", "Hồ sơ đã lưu trữ") if r.archived else "",
    ),
    Col(lambda: translate("DossiersPage", "Số phiếu"), lambda r: r.receipt_number, 19),
    Col(
        lambda: translate("DossiersPage", "Hạn xử lý"),
        deadline_text,
        19,
        colours=lambda r: URGENCY_COLOURS.get(r.urgency),
    ),
]
DEADLINE_COLUMN = len(COLUMNS) - 1


class DossierSource:
    """Reads the filtered list a page at a time (a province holds 60,000 dossiers: never all of them),
    and counts the matches in SQL."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.status: str | None = None
        self.due_only = False
        self.with_archived = False  # "Hiện cả hồ sơ lưu trữ"
        self._last: tuple[int, DossierRow] | None = None  # (rows read so far, the last of them)

    def fetch(self, query: str, offset: int, limit: int) -> list[DossierRow]:
        # the next page as the view scrolls: read after the last row (keyset), not by OFFSET
        last = self._last[1] if offset and self._last is not None and self._last[0] == offset else None
        rows = ops.dossier_page(
            self.ctx, query, self.status, self.due_only, offset, limit, last, self.with_archived
        )
        self._last = (offset + len(rows), rows[-1]) if rows else None
        return rows

    def count(self, query: str) -> int:
        return ops.dossier_count(self.ctx, query, self.status, self.due_only, self.with_archived)


class DossierListModel(LazyTableModel):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        self.source = DossierSource(ctx)
        super().__init__(self.source.fetch, self.source.count, COLUMNS, parent=parent)
