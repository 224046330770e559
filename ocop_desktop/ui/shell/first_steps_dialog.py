"""Trợ giúp → Các bước đầu tiên: what a new office of this role does first, in order, each step
ticked from the data where the data shows it (`services/sync/first_steps`), with where to do it and
a link to the guide's page about it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.sync.first_steps import FirstSteps

CONTEXT = "FirstSteps"
# step key -> (what, where in the app, guide page)
STEP_TEXTS: dict[str, tuple[str, str, str]] = {
    "office": (
        QT_TRANSLATE_NOOP("FirstSteps", "Thiết lập cơ quan và cán bộ trên máy này"),
        QT_TRANSLATE_NOOP("FirstSteps", "Làm khi mở phần mềm lần đầu"),
        "bat-dau",
    ),
    "enrollment_sent": (
        QT_TRANSLATE_NOOP("FirstSteps", "Xuất gói đăng ký gửi tỉnh, đọc dấu vân tay qua điện thoại"),
        QT_TRANSLATE_NOOP("FirstSteps", "Đồng bộ → Xuất gói đăng ký…"),
        "bat-dau",
    ),
    "province_trusted": (
        QT_TRANSLATE_NOOP("FirstSteps", "Nhập gói tham chiếu của tỉnh (tin cậy tỉnh)"),
        QT_TRANSLATE_NOOP("FirstSteps", "Đồng bộ → Nhập gói…, gõ dấu vân tay tỉnh đọc cho bạn"),
        "bat-dau",
    ),
    "commune_trusted": (
        QT_TRANSLATE_NOOP("FirstSteps", "Nhập gói đăng ký của một xã (tin cậy xã)"),
        QT_TRANSLATE_NOOP("FirstSteps", "Đồng bộ → Nhập gói…, rồi Xuất gói tham chiếu… gửi lại xã"),
        "bat-dau",
    ),
    "first_producer": (
        QT_TRANSLATE_NOOP("FirstSteps", "Thêm chủ thể đầu tiên"),
        QT_TRANSLATE_NOOP("FirstSteps", "Trang Chủ thể → Thêm chủ thể (Ctrl+N)"),
        "chu-the-san-pham",
    ),
    "first_dossier": (
        QT_TRANSLATE_NOOP("FirstSteps", "Tạo hồ sơ đầu tiên"),
        QT_TRANSLATE_NOOP("FirstSteps", "Trang Hồ sơ"),
        "ho-so-xa",
    ),
    "first_submission_sent": (
        QT_TRANSLATE_NOOP("FirstSteps", "Gửi gói hồ sơ đầu tiên lên tỉnh"),
        QT_TRANSLATE_NOOP("FirstSteps", "Cửa sổ hồ sơ → Gửi hồ sơ lên tỉnh"),
        "ho-so-xa",
    ),
    "first_results_received": (
        QT_TRANSLATE_NOOP("FirstSteps", "Nhập gói kết quả đầu tiên của tỉnh"),
        QT_TRANSLATE_NOOP("FirstSteps", "Đồng bộ → Nhập gói…"),
        "dong-bo",
    ),
    "first_submission_received": (
        QT_TRANSLATE_NOOP("FirstSteps", "Nhập gói hồ sơ đầu tiên của xã"),
        QT_TRANSLATE_NOOP("FirstSteps", "Đồng bộ → Nhập gói…"),
        "dong-bo",
    ),
    "first_round": (
        QT_TRANSLATE_NOOP("FirstSteps", "Tạo đợt đánh giá đầu tiên"),
        QT_TRANSLATE_NOOP("FirstSteps", "Đánh giá → Đợt đánh giá"),
        "tinh",
    ),
    "first_council": (
        QT_TRANSLATE_NOOP("FirstSteps", "Thêm thành viên hội đồng"),
        QT_TRANSLATE_NOOP("FirstSteps", "Đánh giá → Hội đồng"),
        "tinh",
    ),
    "first_decision": (
        QT_TRANSLATE_NOOP("FirstSteps", "Lập quyết định công nhận đầu tiên"),
        QT_TRANSLATE_NOOP("FirstSteps", "Đánh giá → Kết quả"),
        "tinh",
    ),
    "first_results_sent": (
        QT_TRANSLATE_NOOP("FirstSteps", "Gửi gói kết quả đầu tiên cho xã"),
        QT_TRANSLATE_NOOP("FirstSteps", "Đồng bộ → Xuất kết quả gửi xã…"),
        "dong-bo",
    ),
    "first_assignment": (
        QT_TRANSLATE_NOOP("FirstSteps", "Nhập phiếu phân công của tỉnh"),
        QT_TRANSLATE_NOOP("FirstSteps", "Đồng bộ → Nhập gói…"),
        "giam-khao",
    ),
    "first_sheet": (
        QT_TRANSLATE_NOOP("FirstSteps", "Chấm phiếu đầu tiên"),
        QT_TRANSLATE_NOOP("FirstSteps", "Trang Đánh giá"),
        "giam-khao",
    ),
    "first_scores_sent": (
        QT_TRANSLATE_NOOP("FirstSteps", "Gửi gói phiếu chấm cho tỉnh"),
        QT_TRANSLATE_NOOP("FirstSteps", "Trang Đánh giá → Xuất phiếu chấm"),
        "giam-khao",
    ),
}
ROLE_TITLES = {
    "commune": QT_TRANSLATE_NOOP("FirstSteps", "Các bước đầu tiên của xã/phường"),
    "province": QT_TRANSLATE_NOOP("FirstSteps", "Các bước đầu tiên của tỉnh"),
    "evaluator": QT_TRANSLATE_NOOP("FirstSteps", "Các bước đầu tiên của thành viên hội đồng"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class FirstStepsDialog(QDialog):
    """Not modal; `openHelp(page)` when a step's "Xem hướng dẫn" link is clicked."""

    openHelp = Signal(str)  # noqa: N815 - Qt signal name

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStepsDialog")
        self.ctx = ctx
        self.steps: FirstSteps | None = None
        self.heading = QLabel()
        self.heading.setObjectName("firstStepsHeading")
        self.body = QLabel()
        self.body.setObjectName("firstStepsBody")
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.body.setOpenExternalLinks(False)
        self.body.linkActivated.connect(self.openHelp.emit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 460)
        self.refresh()

    def refresh(self) -> None:
        """Read the steps again (in the background) and show them."""
        from ocop_desktop.ui.kit.tasks import run_task
        from ocop_desktop.ui.shell import ops

        self.task = run_task(ops.first_steps, self.ctx, on_done=self._show, parent=self)
        self.retranslate()

    def _show(self, steps: FirstSteps) -> None:
        self.steps = steps
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Các bước đầu tiên"))
        if self.steps is None:
            self.heading.setText(self.tr("Đang đọc…"))
            self.body.setText("")
            return
        title = ROLE_TITLES.get(self.steps.role)
        done, total = self.steps.done_count, len(self.steps.steps)
        role_title = _t(title) if title else self.tr("Các bước đầu tiên")
        count = self.tr("đã xong %1/%2").replace("%1", str(done)).replace("%2", str(total))
        self.heading.setText(f"<b>{role_title}</b> — {count}")
        self.body.setText(self._html(self.steps))

    def _html(self, steps: FirstSteps) -> str:
        rows = []
        see = self.tr("Xem hướng dẫn")
        for number, step in enumerate(steps.steps, start=1):
            what, where, page = STEP_TEXTS[step.key]
            mark = "☑" if step.done else "☐"
            colour = "#2e7d32" if step.done else "#444444"
            rows.append(
                f'<tr><td style="color:{colour};font-size:large;padding-right:8px">{mark}</td>'
                f"<td><b>{number}. {_t(what)}</b><br/>{_t(where)} · "
                f'<a href="{page}">{see}</a></td></tr>'
            )
        note = self.tr("Các bước tự đánh dấu khi dữ liệu trên máy cho thấy đã làm xong.")
        return f'<table cellspacing="6">{"".join(rows)}</table><p style="color:#555555">{note}</p>'

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
