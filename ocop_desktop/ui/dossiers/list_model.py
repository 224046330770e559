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
from ocop_desktop.ui.kit.style import URGENCY_COLOURS
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


COLUMNS = [
    # The product code is searchable and in the editor; the names get the width instead.
    Col(lambda: translate("DossiersPage", "Sản phẩm"), lambda r: r.product_name),
    Col(lambda: translate("DossiersPage", "Chủ thể"), lambda r: r.producer_name),
    Col(lambda: translate("DossiersPage", "Loại đăng ký"), lambda r: label_text(r.registration_label), 13),
    Col(lambda: translate("DossiersPage", "Trạng thái"), lambda r: label_text(r.status_label), 18),
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
    """Fetches the filtered list once per query and hands it out page by page."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.status: str | None = None
        self.due_only = False
        self._key: tuple[str, str | None, bool] | None = None
        self._rows: list[DossierRow] = []

    def _load(self, query: str) -> list[DossierRow]:
        key = (query, self.status, self.due_only)
        if key != self._key:
            self._rows = ops.dossiers(self.ctx, query, self.status, self.due_only)
            self._key = key
        return self._rows

    def fetch(self, query: str, offset: int, limit: int) -> list[DossierRow]:
        if offset == 0:
            self._key = None  # a new query or a refresh: read again
        return self._load(query)[offset : offset + limit]

    def count(self, query: str) -> int:
        rows, key = self._rows, self._key  # the count runs on a worker thread: no reload there
        if key is not None and key[0] == query:
            return len(rows)
        return len(ops.dossiers(self.ctx, query, self.status, self.due_only))


class DossierListModel(LazyTableModel):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        self.source = DossierSource(ctx)
        super().__init__(self.source.fetch, self.source.count, COLUMNS, parent=parent)
