"""Painted widgets of the score sheet: an option as one checkable button (radio mark, key number,
wrapped label, star marker, points) and a heading line (code, wrapped title, value).

One widget each instead of a row of labels: the largest sheet (36 criteria, ~110 options) builds in
a few tens of milliseconds, and each has a true height-for-width (a word-wrapped QLabel beside
another label makes its row as tall as the label would be at its narrowest).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget

from ocop_desktop.domain.rules.model import Option
from ocop_desktop.ui.kit.style import CHECKED_FILL, HOVER_FILL, MUTED, STAR_COLOR
from ocop_desktop.ui.scoring.style import bold, bold_metrics, fill, star_marker


class ScoreOptionButton(QAbstractButton):
    """One printed option: ( ) n  label ..................  *****   3 điểm

    A real checkable button (clicked, accessible text) painted in one go. It never takes the
    keyboard focus: the criterion card does, and digits choose its options."""

    PAD_V = 4
    PAD_H = 6
    GAP = 8

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setText(option.label)  # accessible name; painted by paintEvent
        self.read_only = False
        self._marker = star_marker(option.star)
        self._hfw: dict[int, int] = {}
        self._cols: tuple[int, int, int, int] | None = None
        self._natural = 0
        self._retranslate()

    # -- texts -------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        o = self.option
        self._points = self.tr("%n điểm", "", o.points)
        self._correction = (
            fill(self.tr("(bản in: %1)"), o.printed_points) if o.printed_points is not None else ""
        )
        tips = []
        if o.star:
            tips.append(fill(self.tr("Mức tối thiểu phải đạt để được xếp hạng %1 sao trở lên."), o.star))
        if o.printed_points is not None:
            tips.append(
                fill(
                    self.tr("Văn bản in %1 điểm; dùng %2 điểm theo danh sách đính chính của bộ tiêu chí."),
                    o.printed_points,
                    o.points,
                )
            )
        if o.synthetic:
            tips.append(self.tr("Phương án Có/Không thêm vào cho tiêu chí 1 điểm (văn bản không in)."))
        self.setToolTip("\n".join(tips))
        self._widest_points = self.tr("%n điểm", "", 10)
        self._invalidate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.updateGeometry()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._invalidate()
        super().changeEvent(event)

    # -- geometry ----------------------------------------------------------------------------
    def _columns(self) -> tuple[int, int, int, int]:
        """(indicator size, label x, stars column width, right columns width), for the current font,
        style and language; measured once (a layout asks for heights many times)."""
        if self._cols is None:
            fm = self.fontMetrics()
            indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, self)
            label_x = self.PAD_H + indicator + self.GAP + fm.horizontalAdvance("9") + 6
            stars_w = bold_metrics(self.font()).horizontalAdvance("*****") + self.GAP
            points_w = fm.horizontalAdvance(self._widest_points) + self.GAP
            if self._correction:
                points_w = max(points_w, fm.horizontalAdvance(self._correction) + self.GAP)
            self._cols = (indicator, label_x, stars_w, stars_w + points_w + self.PAD_H)
            self._natural = fm.horizontalAdvance(self.text())
        return self._cols

    def _label_width(self, width: int) -> int:
        _, label_x, _, right = self._columns()
        return max(width - label_x - right - self.GAP, 40)

    def _invalidate(self) -> None:
        self._cols = None
        self._hfw.clear()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._hfw.get(width)
        if height is None:
            label_w = self._label_width(width)
            fm = self.fontMetrics()
            if self._natural <= label_w:  # one line: no need to lay the text out
                text_h = fm.height()
            else:
                text_h = fm.boundingRect(
                    QRect(0, 0, label_w, 100000), int(Qt.TextFlag.TextWordWrap), self.text()
                ).height()
            height = max(text_h, fm.height() * (2 if self._correction else 1)) + 2 * self.PAD_V
            if len(self._hfw) > 16:
                self._hfw.clear()
            self._hfw[width] = height
        return height

    def sizeHint(self) -> QSize:
        return QSize(560, self.heightForWidth(560))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.fontMetrics().height() + 2 * self.PAD_V)

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        rect = self.rect()
        fm = self.fontMetrics()
        enabled = self.isEnabled()
        if self.isChecked():
            p.fillRect(rect, CHECKED_FILL)
        elif self.underMouse() and enabled and not self.read_only:
            p.fillRect(rect, HOVER_FILL)
        indicator, label_x, stars_w, right = self._columns()
        label_w = self._label_width(rect.width())
        top = self.PAD_V
        line_h = fm.height()

        opt = QStyleOptionButton()
        opt.initFrom(self)
        opt.rect = QRect(self.PAD_H, top + (line_h - indicator) // 2, indicator, indicator)
        opt.state |= QStyle.StateFlag.State_On if self.isChecked() else QStyle.StateFlag.State_Off
        if self.read_only:
            opt.state &= ~QStyle.StateFlag.State_MouseOver
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorRadioButton, opt, p, self)

        text_color = self.palette().color(
            QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled,
            QPalette.ColorRole.WindowText,
        )
        number_x = self.PAD_H + indicator + self.GAP
        if self.option.index < 9:
            p.setPen(MUTED if enabled else text_color)
            p.drawText(
                QRect(number_x, top, label_x - number_x, line_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(self.option.index + 1),
            )
        p.setPen(text_color)
        if self.option.synthetic:
            font = QFont(self.font())
            font.setItalic(True)
            p.setFont(font)
        p.drawText(
            QRect(label_x, top, label_w, rect.height() - 2 * self.PAD_V),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            self.text(),
        )
        p.setFont(self.font())

        right_x = rect.width() - right
        if self._marker:
            p.setFont(bold(self.font()))
            p.setPen(STAR_COLOR if enabled else text_color)
            p.drawText(
                QRect(right_x, top, stars_w, line_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self._marker,
            )
            p.setFont(self.font())
        p.setPen(text_color)
        points_rect = QRect(right_x + stars_w, top, right - stars_w - self.PAD_H, line_h)
        p.drawText(
            points_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), self._points
        )
        if self._correction:
            p.setPen(MUTED)
            p.drawText(
                points_rect.translated(0, line_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                self._correction,
            )
        p.end()

    def nextCheckState(self) -> None:
        """Choosing is the editor's job (it may refuse: read-only, not applicable)."""


class HeaderLine(QWidget):
    """code (bold) + title (wrapped) + a right-aligned value (bold), painted in one widget with a
    true height-for-width. (A word-wrapped QLabel next to another label in a row makes the row as
    tall as the label would be at its narrowest width.)"""

    GAP = 10

    def __init__(
        self,
        code: str,
        title: str,
        parent: QWidget | None = None,
        *,
        bold_title: bool = False,
        size_delta: float = 0,
    ) -> None:
        super().__init__(parent)
        self.code = code
        self.title = title
        self.value = ""
        self.bold_title = bold_title
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._value_w = 0
        self._reserve = ""
        self._measured: tuple[int, int] | None = None  # (code width, title on one line)
        self._hfw: dict[int, int] = {}
        if size_delta:
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() + size_delta)
            self.setFont(font)

    def _invalidate(self) -> None:
        self._measured = None
        self._hfw.clear()
        self.updateGeometry()

    def set_title(self, title: str) -> None:
        if title != self.title:
            self.title = title
            self._invalidate()
            self.update()

    def set_value(self, value: str, reserve: str = "") -> None:
        """`reserve`: the widest text the value will show, so that the title wraps once for good."""
        reserve = reserve or value
        if reserve != self._reserve:
            self._reserve = reserve
            self._value_w = bold_metrics(self.font()).horizontalAdvance(reserve)
            self._invalidate()
        if value != self.value:
            self.value = value
            self.update()

    def _title_metrics(self) -> QFontMetrics:
        return bold_metrics(self.font()) if self.bold_title else self.fontMetrics()

    def _parts(self, width: int) -> tuple[int, int]:
        if self._measured is None:
            code_w = bold_metrics(self.font()).horizontalAdvance(self.code) + self.GAP if self.code else 0
            self._measured = (code_w, self._title_metrics().horizontalAdvance(self.title))
        code_w = self._measured[0]
        right = self._value_w + self.GAP if self._value_w else 0
        return code_w, max(width - code_w - right, 40)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._hfw.get(width)
        if height is None:
            _, title_w = self._parts(width)
            fm = self._title_metrics()
            assert self._measured is not None
            if self._measured[1] <= title_w:
                height = fm.height() + 2
            else:
                flags = int(Qt.TextFlag.TextWordWrap)
                height = (
                    max(
                        fm.boundingRect(QRect(0, 0, title_w, 100000), flags, self.title).height(), fm.height()
                    )
                    + 2
                )
            if len(self._hfw) > 16:
                self._hfw.clear()
            self._hfw[width] = height
        return height

    def sizeHint(self) -> QSize:
        return QSize(560, self.heightForWidth(560))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._value_w = bold_metrics(self.font()).horizontalAdvance(self._reserve) if self._reserve else 0
            self._invalidate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        code_w, title_w = self._parts(self.width())
        bold_font = bold(self.font())
        line_h = self.fontMetrics().height()
        p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        if self.code:
            p.setFont(bold_font)
            p.drawText(
                QRect(0, 0, code_w, line_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                self.code,
            )
        p.setFont(bold_font if self.bold_title else self.font())
        p.drawText(
            QRect(code_w, 0, title_w, self.height()),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            self.title,
        )
        if self.value:
            p.setFont(bold_font)
            p.drawText(
                QRect(self.width() - self._value_w, 0, self._value_w, line_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                self.value,
            )
        p.end()
