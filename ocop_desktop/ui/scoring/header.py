"""The editor's heading: which sheet this is, the rule set it is pinned to, the keys, whether the
changes are saved, and a banner when the sheet can only be viewed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.ui.kit.style import READ_ONLY_FILL, READ_ONLY_TEXT
from ocop_desktop.ui.scoring.notices import NoticeMarker
from ocop_desktop.ui.scoring.style import fill, muted, wrapped


class SheetHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = wrapped("", self)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 2)
        self.heading.setFont(font)
        self.subheading = muted(wrapped("", self))
        self.save_status = muted(QLabel(self))
        self.save_status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.read_only_banner = wrapped("", self)
        self.read_only_banner.setAutoFillBackground(True)
        palette = self.read_only_banner.palette()
        palette.setColor(QPalette.ColorRole.Window, READ_ONLY_FILL)
        palette.setColor(QPalette.ColorRole.WindowText, READ_ONLY_TEXT)
        self.read_only_banner.setPalette(palette)
        self.read_only_banner.setContentsMargins(8, 6, 8, 6)
        self.read_only_banner.hide()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        self.notice = NoticeMarker((), self)  # the sheet's own notices (its header), set by show_sheet
        titles.addWidget(self.notice)
        top = QHBoxLayout()
        top.addLayout(titles, 1)
        top.addWidget(self.save_status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.read_only_banner)
        self._sheet: Sheet | None = None
        self._kind = ""
        self._status = (False, False, False)

    def show_sheet(self, sheet: Sheet, kind: str) -> None:
        if sheet is not self._sheet:
            self.notice.notices = tuple(n for n in sheet.notices if n.on_sheet)
            self.notice.setVisible(bool(self.notice.notices))
        self._sheet, self._kind = sheet, kind
        self.notice.retranslate()
        self.retranslate()

    def show_status(self, *, read_only: bool, dirty: bool, failed: bool = False) -> None:
        self._status = (read_only, dirty, failed)
        self.read_only_banner.setVisible(read_only)
        if read_only:
            text = self.tr("Chỉ xem")
        elif failed:
            text = self.tr("Chưa lưu được")
        else:
            text = self.tr("Đang chờ lưu…") if dirty else self.tr("Đã lưu")
        self.save_status.setText(text)

    def retranslate(self) -> None:
        sheet = self._sheet
        if sheet is not None:
            kinds = {
                "self": self.tr("Phiếu tự đánh giá"),
                "member": self.tr("Phiếu chấm của thành viên hội đồng"),
            }
            kind = kinds.get(self._kind, self.tr("Phiếu đánh giá"))
            self.heading.setText(
                fill(self.tr("%1 — Bộ %2 (%3): %4"), kind, sheet.number, sheet.code, sheet.name)
            )
            self.subheading.setText(
                fill(
                    self.tr(
                        "Bộ tiêu chí %1 · mã băm %2…  ·  Phím: ↑/↓ tiêu chí, 1–9 chọn "
                        "phương án, 0 bỏ chọn, PgUp/PgDn nhóm, Ctrl+J chưa chấm"
                    ),
                    sheet.ruleset_id,
                    sheet.ruleset_hash[:12],
                )
            )
        self.read_only_banner.setText(
            self.tr("Chỉ xem: phiếu này không sửa được nữa (hồ sơ đã gửi đi hoặc đã có kết quả).")
        )
        read_only, dirty, failed = self._status
        self.show_status(read_only=read_only, dirty=dirty, failed=failed)
