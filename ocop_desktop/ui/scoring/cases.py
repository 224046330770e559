"""One score sheet, one alternative case: the criteria printed with "Trường hợp 1/2" (tourism 8, 9
and 15) describe the same service, so the editor refuses an answer from the other case and says
how to change case. The rule itself is the scoring engine's (`scoring.mixed_cases`)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import mixed_cases
from ocop_desktop.ui.scoring.style import fill


def case_refusal(sheet: Sheet, answers: Mapping[str, int], code: str) -> str | None:
    """Why `answers` (with the new answer of `code`) cannot be kept, or None when they use one case."""
    mixed = mixed_cases(sheet, answers)
    if not mixed:
        return None
    wanted = mixed[code]
    other = next(c for c, case in mixed.items() if case != wanted)
    text = QCoreApplication.translate(
        "ScoreSheetEditor",
        "Tiêu chí %1 đã chấm theo Trường hợp %2 (%3). Các tiêu chí có hai trường hợp mô tả cùng một "
        "dịch vụ, nên cả phiếu chấm theo một trường hợp. Muốn chấm theo Trường hợp %4, hãy bỏ chọn "
        "tiêu chí %1 (phím 0) và các tiêu chí khác đã chấm theo Trường hợp %2 trước.",
    )
    return fill(text, other, mixed[other] + 1, sheet.criterion(other).cases[mixed[other]], wanted + 1)
