"""The live summary beside the sheet: totals per part and overall, the band, the final star (or
"Bị loại" and why), the floors that block the next star and the unanswered count, each with a
link that jumps to the criterion. Everything shown comes from the engine's `ScoreResult`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult
from ocop_desktop.ui.kit.style import CARD_BORDER, MUTED, SHEET_BAD, SHEET_GOOD, SHEET_WARN
from ocop_desktop.ui.scoring.style import fill, star_marker, stars_text

translate = QCoreApplication.translate

NEXT_UNANSWERED = "next-unanswered"
GOTO = "goto:"


def _colored(label: QLabel, color: QColor) -> None:
    pal = label.palette()
    pal.setColor(QPalette.ColorRole.WindowText, color)
    label.setPalette(pal)


def _label(parent: QWidget, *, bold: bool = False, size_delta: float = 0, links: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    if bold or size_delta:
        font = QFont(label.font())
        font.setBold(bold)
        font.setPointSizeF(font.pointSizeF() + size_delta)
        label.setFont(font)
    if links:
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
    else:
        label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ScoreSummaryPanel(QWidget):
    """Signals:
    jumpRequested(str): a criterion code, or NEXT_UNANSWERED."""

    jumpRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(320)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.heading = _label(self, bold=True, size_delta=1.5)
        self.parts = QGridLayout()
        self.parts.setHorizontalSpacing(8)
        self.parts.setVerticalSpacing(4)
        self.part_rows: dict[str, tuple[QLabel, QProgressBar, QLabel]] = {}
        self.total_caption = _label(self, bold=True)
        self.total = _label(self, bold=True, size_delta=8)
        self.band = _label(self)
        self.star_caption = _label(self, bold=True)
        self.star = _label(self, bold=True, size_delta=4)
        self.reason = _label(self)
        _colored(self.reason, SHEET_BAD)
        self.star_note = _label(self)
        self.floors = _label(self)
        self.next = _label(self, links=True)
        self.unanswered = _label(self, links=True)
        for label in (self.next, self.unanswered):
            label.linkActivated.connect(self._link)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addLayout(self.parts)
        layout.addSpacing(6)
        layout.addWidget(self.total_caption)
        layout.addWidget(self.total)
        layout.addWidget(self.band)
        layout.addSpacing(6)
        layout.addWidget(self.star_caption)
        layout.addWidget(self.star)
        layout.addWidget(self.star_note)
        layout.addWidget(self.reason)
        layout.addWidget(self.floors)
        layout.addSpacing(4)
        layout.addWidget(self.next)
        layout.addSpacing(4)
        layout.addWidget(self.unanswered)
        layout.addStretch(1)
        self.legend = _label(self)
        _colored(self.legend, MUTED)
        layout.addWidget(self.legend)
        self._sheet: Sheet | None = None
        self._result: ScoreResult | None = None
        self._texts: dict[str, str] = {}

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        p.setPen(CARD_BORDER)
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()

    def _link(self, href: str) -> None:
        self.jumpRequested.emit(href[len(GOTO) :] if href.startswith(GOTO) else href)

    def set_sheet(self, sheet: Sheet) -> None:
        self._sheet = sheet
        while self.parts.count():
            item = self.parts.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.part_rows.clear()
        for row, part in enumerate(sheet.parts):
            name = _label(self)
            name.setToolTip(part.title)
            bar = QProgressBar(self)
            bar.setRange(0, part.max)
            bar.setTextVisible(False)
            bar.setFixedHeight(8)
            value = _label(self, bold=True)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.parts.addWidget(name, row, 0)
            self.parts.addWidget(bar, row, 1)
            self.parts.addWidget(value, row, 2)
            self.part_rows[part.code] = (name, bar, value)
        self.parts.setColumnStretch(1, 1)
        self._texts.clear()

    def _set(self, label: QLabel, key: str, text: str) -> None:
        """setText only when it changed: a click re-scores, and most lines stay the same."""
        if self._texts.get(key) != text:
            self._texts[key] = text
            label.setText(text)
            label.setVisible(bool(text))

    def show_result(self, result: ScoreResult) -> None:
        sheet = self._sheet
        assert sheet is not None
        self._result = result
        complete = not result.unanswered
        self._set(self.heading, "heading", self.tr("Kết quả") if complete else self.tr("Kết quả tạm tính"))
        for part in sheet.parts:
            name, bar, value = self.part_rows[part.code]
            self._set(name, f"name{part.code}", fill(self.tr("Phần %1"), part.code))
            got = result.parts.get(part.code, 0)
            if bar.value() != got:
                bar.setValue(got)
            self._set(value, f"part{part.code}", f"{got}/{part.max}")
        self._set(self.total_caption, "total_caption", self.tr("Tổng điểm"))
        self._set(self.total, "total", f"{result.total}/{result.max}")
        self._set(self.band, "band", fill(self.tr("Theo tổng điểm: hạng %1 sao"), str(result.band_star)))
        self._set(
            self.star_caption,
            "star_caption",
            self.tr("Xếp hạng") if complete else self.tr("Xếp hạng (tạm tính)"),
        )

        if result.eliminated:
            self._set(self.star, "star", self.tr("Bị loại"))
            _colored(self.star, SHEET_BAD)
            reasons = [
                fill(self.tr("Hồ sơ bị loại: %1"), k.label)
                for k in sheet.knockouts
                if k.id in result.knockouts
            ]
            reasons += [
                fill(self.tr("Điểm dừng ở tiêu chí %1: %2"), s.criterion, s.label)
                for s in sheet.stops
                if s.id in result.stops
            ]
            self._set(self.reason, "reason", "\n".join("• " + r for r in reasons))
            self._set(
                self.star_note, "star_note", self.tr("Sản phẩm bị loại, không xếp hạng (điểm vẫn được tính).")
            )
        else:
            self._set(
                self.star, "star", f"{stars_text(result.star)}  " + fill(self.tr("%1 sao"), str(result.star))
            )
            _colored(self.star, SHEET_GOOD if result.star >= 3 else SHEET_WARN)
            self._set(
                self.star_note,
                "star_note",
                "" if result.star >= 3 else self.tr("Chưa đạt hạng OCOP (cần từ 3 sao)."),
            )
            self._set(self.reason, "reason", "")

        floors = []
        for check in result.floors:
            mark = star_marker(check.star)
            floors.append(
                fill(self.tr("Mức tối thiểu %1: đạt"), mark)
                if check.met
                else fill(self.tr("Mức tối thiểu %1: chưa đạt (%2)"), mark, ", ".join(check.unmet))
            )
        has_floors = bool(sheet.floors())
        self._set(
            self.floors,
            "floors",
            "\n".join(floors) if has_floors else self.tr("Phiếu không có mức tối thiểu theo sao."),
        )

        nxt = result.next_star
        if nxt is None or result.eliminated:
            top = nxt is None and not result.eliminated
            self._set(self.next, "next", self.tr("Đã đạt hạng cao nhất.") if top else "")
        else:
            lines = [fill(self.tr("<b>Để lên %1 sao:</b>"), str(nxt.star))]
            if nxt.missing_points:
                lines.append(fill(self.tr("cần thêm %1 điểm"), str(nxt.missing_points)))
            if nxt.blocking:
                links = ", ".join(
                    f"<a href='{GOTO}{f.criterion}'>{f.criterion}&nbsp;({star_marker(f.star)})</a>"
                    for f in nxt.blocking
                )
                lines.append(fill(self.tr("đạt mức tối thiểu ở tiêu chí: %1 (Ctrl+B)"), links))
            self._set(self.next, "next", "<br>".join(lines))

        if result.unanswered:
            n = len(result.unanswered)
            text = (
                self.tr("Còn %n tiêu chí chưa chấm.", "", n)
                + " "
                + f"<a href='{NEXT_UNANSWERED}'>"
                + self.tr("Đến tiêu chí chưa chấm (Ctrl+J)")
                + "</a>"
            )
            _colored(self.unanswered, SHEET_WARN)
        else:
            text = self.tr("Đã chấm đủ các tiêu chí.")
            _colored(self.unanswered, SHEET_GOOD)
        self._set(self.unanswered, "unanswered", text)

    def retranslate(self) -> None:
        self.legend.setText(
            self.tr(
                "Dấu ***, ****, ***** bên phương án: mức tối thiểu phải đạt ở tiêu chí đó để "
                "được xếp hạng 3, 4, 5 sao."
            )
        )
        self._texts.clear()
        if self._result is not None:
            self.show_result(self._result)
