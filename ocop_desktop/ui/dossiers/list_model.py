"""The dossier list's rows: the service filters (diacritics-insensitive, status, due only) and
orders by deadline; the model colours deadlines that are near or past."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from ocop_desktop.services.dossiers.service import DossierRow, DossierService
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.lazy_model import Column, Index, LazyTableModel
from ocop_desktop.ui.kit.style import URGENCY_COLOURS

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

C = "DossiersPage"


def deadline_text(r: DossierRow) -> str:
    if r.deadline is None:
        return ""
    text = format_date(r.deadline)
    return f"{text} · {r.urgency_label}" if r.urgency in URGENCY_COLOURS else text


COLUMNS = [
    # The product code is searchable and in the editor; the names get the width instead.
    Column(C, QT_TRANSLATE_NOOP("DossiersPage", "Sản phẩm"), lambda r: r.product_name),
    Column(C, QT_TRANSLATE_NOOP("DossiersPage", "Chủ thể"), lambda r: r.producer_name),
    Column(C, QT_TRANSLATE_NOOP("DossiersPage", "Loại đăng ký"), lambda r: r.registration_label, 13),
    Column(C, QT_TRANSLATE_NOOP("DossiersPage", "Trạng thái"), lambda r: r.status_label, 18),
    Column(C, QT_TRANSLATE_NOOP("DossiersPage", "Số phiếu"), lambda r: r.receipt_number, 19),
    Column(C, QT_TRANSLATE_NOOP("DossiersPage", "Hạn xử lý"), deadline_text, 19),
]
DEADLINE_COLUMN = len(COLUMNS) - 1


class DossierSource:
    """Fetches the filtered list once per query and hands it out page by page."""

    def __init__(self, service: DossierService) -> None:
        self.service = service
        self.status: str | None = None
        self.due_only = False
        self._key: tuple[str, str | None, bool] | None = None
        self._rows: list[DossierRow] = []

    def _load(self, query: str) -> list[DossierRow]:
        key = (query, self.status, self.due_only)
        if key != self._key:
            self._rows = self.service.list(query, status=self.status, due_only=self.due_only)
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
        return len(self.service.list(query, status=self.status, due_only=self.due_only))


class DossierListModel(LazyTableModel):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        self.source = DossierSource(DossierService(ctx))
        super().__init__(self.source.fetch, self.source.count, COLUMNS, parent=parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if not index.isValid() or index.column() != DEADLINE_COLUMN:
                return None
            colours = URGENCY_COLOURS.get(self.row_at(index.row()).urgency)
            if colours is None:
                return None
            return colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1]
        return super().data(index, role)
