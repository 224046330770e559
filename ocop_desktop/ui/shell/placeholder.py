"""Pages not built yet say what they will hold, so nobody wonders whether something broke."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

C = "PlaceholderPage"
PLANNED: dict[str, tuple[str, list[str]]] = {
    "dossiers": (
        QT_TRANSLATE_NOOP("PlaceholderPage", "Hồ sơ đăng ký đánh giá sản phẩm OCOP"),
        [
            QT_TRANSLATE_NOOP(
                "PlaceholderPage",
                "Lập hồ sơ theo loại đăng ký: đánh giá lần đầu, nâng hạng, "
                "đánh giá lại khi giấy chứng nhận sắp hết hạn.",
            ),
            QT_TRANSLATE_NOOP(
                "PlaceholderPage",
                "Danh mục tài liệu theo bộ sản phẩm (Mẫu 02), tệp minh chứng "
                "(bản quét, ảnh, PDF) và cảnh báo giấy tờ sắp hết hạn.",
            ),
            QT_TRANSLATE_NOOP(
                "PlaceholderPage",
                "Tiếp nhận, cấp số hồ sơ, theo dõi thời hạn 15 ngày làm việc và in Mẫu 01, Mẫu 03.",
            ),
        ],
    ),
    "evaluation": (
        QT_TRANSLATE_NOOP("PlaceholderPage", "Đánh giá và phân hạng"),
        [
            QT_TRANSLATE_NOOP(
                "PlaceholderPage",
                "Tự chấm điểm trên phiếu chính thức của bộ sản phẩm: tổng điểm, "
                "hạng sao, các tiêu chí còn thiếu để lên hạng.",
            ),
            QT_TRANSLATE_NOOP(
                "PlaceholderPage",
                "Cấp tỉnh: đợt đánh giá, hội đồng, phiếu chấm của thành viên, "
                "tổng hợp, quyết định và giấy chứng nhận (36 tháng).",
            ),
        ],
    ),
    "sync": (
        QT_TRANSLATE_NOOP("PlaceholderPage", "Đồng bộ giữa các cơ quan"),
        [
            QT_TRANSLATE_NOOP(
                "PlaceholderPage",
                "Xuất gói hồ sơ có chữ ký số (.ocoppkg) gửi cấp tỉnh bằng USB, thư điện tử hoặc mạng.",
            ),
            QT_TRANSLATE_NOOP(
                "PlaceholderPage",
                "Nhập gói: kiểm tra chữ ký, xem trước thay đổi, chấp nhận hoặc trả lại, gửi biên nhận.",
            ),
        ],
    ),
    "reports": (
        QT_TRANSLATE_NOOP("PlaceholderPage", "Báo cáo và biểu mẫu"),
        [
            QT_TRANSLATE_NOOP("PlaceholderPage", "Báo cáo cấp xã (Mẫu 03) và báo cáo cấp tỉnh."),
            QT_TRANSLATE_NOOP(
                "PlaceholderPage",
                "In phiếu chấm điểm 26 bộ sản phẩm (trống và đã điền), "
                "danh sách kết quả, dự thảo giấy chứng nhận.",
            ),
        ],
    ),
}


class PlaceholderPage(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        title, items = PLANNED.get(self._name, ("", []))
        self.heading.setText(QCoreApplication.translate(C, title))
        bullets = "".join(f"<li>{QCoreApplication.translate(C, item)}</li>" for item in items)
        intro = self.tr("Phần này đang được xây dựng. Khi hoàn thành, tại đây bạn sẽ:")
        self.body.setText(f"<p>{intro}</p><ul>{bullets}</ul>")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
