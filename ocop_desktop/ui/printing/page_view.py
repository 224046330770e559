"""A scrolling column of PDF pages. Only the pages in view are rendered, at screen resolution
(the zoom × the screen's device pixel ratio), and a few recent ones are kept; a 200-page
document opens as fast as a 1-page one."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPen, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from ocop_desktop.ui.kit.style import MUTED, PAGE_FRAME
from ocop_desktop.ui.printing.pdf_pages import POINTS_PER_INCH, PdfPages

GAP = 14  # pixels between pages and around them
CACHE_PAGES = 12
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0
ZOOM_STEP = 1.25


class PageCanvas(QWidget):
    """The pages laid out top to bottom, centred; painted lazily from a small image cache."""

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.scale = 1.0  # logical pixels per point
        self.rects: list[QRect] = []
        self._cache: OrderedDict[int, QImage] = OrderedDict()
        self.rendered: list[int] = []  # every page index rendered, in order (tests, diagnostics)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.set_scale(1.0)

    def set_scale(self, scale: float, min_width: int = 0) -> None:
        if abs(scale - self.scale) > 1e-9:
            self._cache.clear()
        self.scale = scale
        widest = max((self.pages.page_size(i).width() for i in range(len(self.pages))), default=0.0)
        width = max(int(widest * scale) + 2 * GAP, min_width)
        y, rects = GAP, []
        for i in range(len(self.pages)):
            size = self.pages.page_size(i)
            w, h = round(size.width() * scale), round(size.height() * scale)
            rects.append(QRect((width - w) // 2, y, w, h))
            y += h + GAP
        self.rects = rects
        self.resize(width, max(y, GAP * 2))
        self.update()

    def page_at(self, y: int) -> int:
        """Index of the page at height `y` (the nearest one when `y` falls in a gap)."""
        for i, rect in enumerate(self.rects):
            if y < rect.bottom() + GAP:
                return i
        return max(len(self.rects) - 1, 0)

    def image(self, index: int) -> QImage:
        """Page `index` rendered for the current zoom (from the cache when it is there)."""
        ratio = self.devicePixelRatioF()
        image = self._cache.get(index)
        if image is None or image.devicePixelRatio() != ratio:  # first time, or moved to another screen
            image = self.pages.render(index, self.scale * ratio)
            image.setDevicePixelRatio(ratio)
            self._cache[index] = image
            self.rendered.append(index)
            while len(self._cache) > CACHE_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(index)
        return image

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(event.rect(), MUTED)
        painter.setPen(QPen(PAGE_FRAME, 1))
        for i, rect in enumerate(self.rects):
            if not rect.intersects(event.rect()):
                continue
            painter.drawRect(rect.adjusted(-1, -1, 0, 0))  # a thin frame: white pages on grey
            painter.drawImage(rect, self.image(i))
        painter.end()


class PageView(QScrollArea):
    """Pages with zoom (fit width, 100 % = real size on this screen, steps of 25 %) and
    navigation. Signals carry 1-based page numbers."""

    current_page_changed = Signal(int)
    zoom_changed = Signal(float)  # percent

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.canvas = PageCanvas(pages)
        self.fit_width = True
        self._zoom = 1.0  # 1.0 = real size
        self._current = 1 if len(pages) else 0
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setBackgroundRole(self.backgroundRole())
        self.viewport().setAutoFillBackground(True)
        palette = self.viewport().palette()
        palette.setColor(self.viewport().backgroundRole(), MUTED)
        self.viewport().setPalette(palette)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._relayout()

    # zoom ---------------------------------------------------------------------------------------
    def real_size_scale(self) -> float:
        """Logical pixels per point at 100 % (a page at its paper size on this screen)."""
        return self.logicalDpiX() / POINTS_PER_INCH

    def zoom_percent(self) -> float:
        return round(self._zoom * 100, 1)

    def set_zoom(self, factor: float) -> None:
        """Zoom to `factor` × real size (1.0 = 100 %), leaving fit-width mode."""
        self.fit_width = False
        self._apply(min(max(factor, MIN_ZOOM), MAX_ZOOM))

    def set_fit_width(self) -> None:
        self.fit_width = True
        self._relayout()

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def _fit_factor(self) -> float:
        widest = max((self.pages.page_size(i).width() for i in range(len(self.pages))), default=0.0)
        if widest <= 0:
            return 1.0
        available = self.viewport().width() - 2 * GAP
        return min(max(available / (widest * self.real_size_scale()), MIN_ZOOM), MAX_ZOOM)

    def _relayout(self) -> None:
        self._apply(self._fit_factor() if self.fit_width else self._zoom)

    def _apply(self, factor: float) -> None:
        anchor = self._anchor()
        old, self._zoom = self._zoom, factor
        self.canvas.set_scale(factor * self.real_size_scale(), self.viewport().width())
        if anchor is not None:  # keep the same line of the same page at the top of the view
            index, fraction = anchor
            rect = self.canvas.rects[index]
            self.verticalScrollBar().setValue(rect.top() + round(fraction * rect.height()))
        if abs(old - factor) > 1e-9:
            self.zoom_changed.emit(self.zoom_percent())

    def _anchor(self) -> tuple[int, float] | None:
        if not self.canvas.rects:
            return None
        top = self.verticalScrollBar().value()
        index = self.canvas.page_at(top)
        rect = self.canvas.rects[index]
        return index, (top - rect.top()) / max(rect.height(), 1)

    # pages --------------------------------------------------------------------------------------
    def page_count(self) -> int:
        return len(self.pages)

    def current_page(self) -> int:
        return self._current

    def go_to_page(self, number: int) -> None:
        if not self.canvas.rects:
            return
        number = min(max(number, 1), len(self.canvas.rects))
        self.verticalScrollBar().setValue(self.canvas.rects[number - 1].top() - GAP)
        self._set_current(number)

    def next_page(self) -> None:
        self.go_to_page(self._current + 1)

    def previous_page(self) -> None:
        self.go_to_page(self._current - 1)

    def _scrolled(self, value: int) -> None:
        if self.canvas.rects:
            # The page that fills the upper third of the view is the one being read.
            self._set_current(self.canvas.page_at(value + self.viewport().height() // 3) + 1)

    def _set_current(self, number: int) -> None:
        if number != self._current:
            self._current = number
            self.current_page_changed.emit(number)

    def visible_pages(self) -> list[int]:
        """1-based numbers of the pages intersecting the view."""
        area = QRect(
            QPoint(0, self.verticalScrollBar().value()), QSize(self.canvas.width(), self.viewport().height())
        )
        return [i + 1 for i, r in enumerate(self.canvas.rects) if r.intersects(area)]

    # events -------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.fit_width:
            self._relayout()
        else:
            self.canvas.set_scale(self.canvas.scale, self.viewport().width())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            event.accept()
            return
        super().wheelEvent(event)
