"""Input of a scoring sheet (bộ tiêu chí kiêm phiếu đánh giá) of one product set."""

from __future__ import annotations

from dataclasses import dataclass, field

from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult
from ocop_desktop.printing.data import Ref, Signed


@dataclass(frozen=True)
class SheetHeader:
    """The fields at the top of the sheet; empty ones print as dotted lines."""

    product_name: str = ""
    product_code: str = ""  # (T)-(X)-(STT)-20yy
    producer_name: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class SheetData:
    """A sheet, blank (`result` None) or filled with one evaluator's answers and the totals the
    caller computed with `domain.rules.scoring.score` (the printer never recomputes them)."""

    sheet: Sheet
    ref: Ref = field(default_factory=Ref)
    header: SheetHeader = field(default_factory=SheetHeader)
    result: ScoreResult | None = None
    remarks: str = ""  # Ý kiến của người đánh giá
    evaluator: Signed = field(default_factory=Signed)
    role: str = ""  # optional subtitle: "Chủ thể tự đánh giá", "Thành viên Hội đồng"
