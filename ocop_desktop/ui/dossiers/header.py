"""The top of the dossier editor: what the dossier is, where it stands, what can be done next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.checklist import Completeness
from ocop_desktop.domain.dossiers import Action
from ocop_desktop.services.dossiers.service import DossierDetail
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.style import ERROR_STYLE, MUTED_STYLE, OK_STYLE, URGENCY_COLOURS, bold


class DossierHeader(QFrame):
    """Signals:
    action_requested(str): the person pressed the button of a lifecycle action.
    paper_requested(): "Ghi nhận kết quả tỉnh gửi bằng văn bản…" was pressed (a commune, once the
        dossier is with the province: the province's steps are never buttons there).
    """

    action_requested = Signal(str)
    paper_requested = Signal()
    delete_requested = Signal()
    archive_requested = Signal()
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = bold(QLabel(), 1.3)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLabel()
        self.code.setStyleSheet(MUTED_STYLE)
        self.save_state = QLabel()
        self.save_state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.completeness = QProgressBar()
        self.completeness.setRange(0, 100)
        self.completeness.setFixedWidth(150)
        self.completeness.setFormat("%p%")
        self.completeness_text = QLabel()
        self.action_buttons: dict[str, QPushButton] = {}
        self.actions_row = QHBoxLayout()
        self.actions_row.addStretch(1)
        self.paper_button = QPushButton(self.tr("Ghi nhận kết quả tỉnh gửi bằng văn bản…"))
        self.paper_button.setObjectName("paper_outcome")
        self.paper_button.setToolTip(
            self.tr("Khi xã nhận văn bản giấy của tỉnh (trả lại, tiếp nhận, quyết định) trước gói kết quả.")
        )
        self.paper_button.clicked.connect(self.paper_requested.emit)
        self.paper_button.hide()
        self.actions_row.addWidget(self.paper_button)
        self.delete_button = QPushButton(self.tr("Xóa hồ sơ nháp…"))
        self.delete_button.setObjectName("delete_draft")
        self.delete_button.setToolTip(self.tr("Xóa hồ sơ mở nhầm, chưa tiếp nhận và chưa gửi đi"))
        self.delete_button.clicked.connect(self.delete_requested.emit)
        self.delete_button.hide()
        self.actions_row.insertWidget(1, self.delete_button)  # apart from the steps, after the stretch
        self.archive_button = QPushButton(self.tr("Lưu trữ…"))
        self.archive_button.setObjectName("archive")
        self.archive_button.setToolTip(
            self.tr("Cất hồ sơ đã kết thúc khỏi danh sách; khôi phục được bất cứ lúc nào")
        )
        self.archive_button.clicked.connect(self.archive_requested.emit)
        self.restore_button = QPushButton(self.tr("Khôi phục từ lưu trữ"))
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.restore_requested.emit)
        for button in (self.archive_button, self.restore_button):
            button.hide()
            self.actions_row.insertWidget(1, button)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.code)
        top.addStretch(1)
        top.addWidget(self.save_state)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        fields = [
            ("producer", self.tr("Chủ thể")),
            ("registration", self.tr("Loại đăng ký")),
            ("status", self.tr("Trạng thái")),
            ("ruleset", self.tr("Bộ tiêu chí")),
            ("receipt", self.tr("Số phiếu")),
            ("deadline", self.tr("Hạn xử lý của xã")),
            # a re-evaluation only (QĐ 26/2026 Art. 7.6.a, 7.6.g, 12.3)
            ("filing_window", self.tr("Thời hạn nộp đánh giá lại")),
            ("completion", self.tr("Hạn đánh giá lại của tỉnh")),
            ("filing_override", self.tr("Nộp ngoài thời hạn")),
        ]
        for i, (key, caption) in enumerate(fields):
            row, col = divmod(i, 3)
            name = QLabel(caption + ":")
            name.setStyleSheet(MUTED_STYLE)
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.captions[key] = name
            grid.addWidget(name, row, 2 * col)
            grid.addWidget(value, row, 2 * col + 1)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 2)
        bold(self.values["status"])
        checklist = QHBoxLayout()
        caption = QLabel(self.tr("Danh mục hồ sơ:"))
        caption.setStyleSheet(MUTED_STYLE)
        checklist.addWidget(caption)
        checklist.addWidget(self.completeness)
        checklist.addWidget(self.completeness_text)
        checklist.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(grid)
        bottom = QHBoxLayout()
        bottom.addLayout(checklist, 1)
        bottom.addLayout(self.actions_row)
        layout.addLayout(bottom)

    def show_detail(self, d: DossierDetail) -> None:
        r = d.row
        self.title.setText(r.product_name)
        self.code.setText(r.product_code)
        self.values["producer"].setText(r.producer_name)
        self.values["registration"].setText(label_text(r.registration_label))
        status = label_text(r.status_label)
        self.values["status"].setText(status + (" · " + self.tr("đã lưu trữ") if d.archive.archived else ""))
        self.values["ruleset"].setText(d.ruleset_id)
        self.values["ruleset"].setToolTip(self.tr("Mã băm: %1").replace("%1", d.ruleset_hash))
        self.values["receipt"].setText(r.receipt_number or self.tr("(chưa tiếp nhận)"))
        deadline = self.values["deadline"]
        text = format_date(r.deadline) if r.deadline else "—"
        colours = URGENCY_COLOURS.get(r.urgency)
        if colours and r.deadline:
            text += f" · {label_text(r.urgency_label)}"
            deadline.setStyleSheet(
                f"color: {colours[1].name()}; background: {colours[0].name()}; padding: 0 4px;"
            )
        else:
            deadline.setStyleSheet("")
        if r.deadline and r.deadline_estimated:
            text += " " + self.tr("(dự kiến)")
            deadline.setToolTip(
                self.tr(
                    "Lịch nghỉ lễ, Tết của năm này chưa có thông báo chính thức: hạn được tính theo quy tắc "
                    "của Bộ luật Lao động. Tỉnh sẽ gửi lịch chính thức trong gói tham chiếu."
                )
            )
        else:
            deadline.setToolTip("")
        deadline.setText(text)
        self._show_reevaluation(d)
        self._show_actions(d.allowed_actions)
        self.paper_button.setVisible(bool(d.paper_outcomes))
        # only a draft that never left the office; the service checks the rest (packages, rounds)
        self.delete_button.setVisible(r.status in ("draft", "complete") and not r.receipt_number)
        self.archive_button.setVisible(not d.archive.archived and not d.archive.problem)
        self.restore_button.setVisible(d.archive.archived)

    def _show_reevaluation(self, d: DossierDetail) -> None:
        """The window, the province's limit and the reason of a late filing, for a re-evaluation."""
        r = d.reevaluation
        for key in ("filing_window", "completion", "filing_override"):
            shown = r is not None and (key != "filing_override" or bool(r.filing_override))
            self.captions[key].setVisible(shown)
            self.values[key].setVisible(shown)
        if r is None:
            return
        self.values["filing_window"].setText(
            f"{format_date(r.window_opens)} – {format_date(r.window_closes)}"
        )
        self.values["filing_window"].setToolTip(
            self.tr("Giấy chứng nhận hết hạn %1; nộp muộn thì còn hiệu lực đến khi có kết quả, không quá %2.")
            .replace("%1", format_date(r.valid_until))
            .replace("%2", format_date(r.grace_until))
        )
        self.values["completion"].setText(
            format_date(r.completion_deadline)
            if r.completion_deadline
            else self.tr("%1 ngày từ ngày tỉnh nhận đủ hồ sơ").replace("%1", str(r.completion_days))
        )
        self.values["filing_override"].setText(r.filing_override)
        self.values["filing_override"].setWordWrap(True)

    def _show_actions(self, actions: tuple[str, ...]) -> None:
        for button in self.action_buttons.values():
            self.actions_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        for action in actions:
            # "send" and "withdraw" ask before they run: their labels say a dialog follows
            asks = action in (Action.SEND.value, Action.WITHDRAW.value)
            button = QPushButton(label_text(Action(action).label) + ("…" if asks else ""))
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a))
            self.actions_row.addWidget(button)
            self.action_buttons[action] = button

    def show_completeness(self, c: Completeness) -> None:
        self.completeness.setValue(c.percent)
        text = self.tr("%1/%2 giấy tờ bắt buộc").replace("%1", str(c.provided)).replace("%2", str(c.required))
        if c.missing_knockouts:
            text += " · " + self.tr("thiếu giấy tờ loại trực tiếp")
            self.completeness_text.setStyleSheet(ERROR_STYLE)
        else:
            self.completeness_text.setStyleSheet(OK_STYLE if c.complete else "")
        self.completeness_text.setText(text)

    def set_save_state(self, text: str, style: str = MUTED_STYLE) -> None:
        if text != self.save_state.text():  # called on every keystroke: skip what would not change
            self.save_state.setText(text)
        if style != self.save_state.styleSheet():
            self.save_state.setStyleSheet(style)
