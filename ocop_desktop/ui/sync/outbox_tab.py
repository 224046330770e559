"""The sync page's "Hộp thư" tab: the live queue of the outbox (every package exported, whether a mailbox
is configured or not) with its state — chờ gửi, đang gửi x %, đã gửi, đã có biên nhận, lỗi — the bytes
sent, the last error in words; "Gửi ngay", "Tạm dừng", "Lấy gói về" drive the shared `MailboxAgent`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.ocoppkg.format import KIND_LABELS, Kind
from ocop_desktop.ui.kit.formatting import local_time
from ocop_desktop.ui.kit.style import BAD, GOOD, WARN
from ocop_desktop.ui.kit.tables import Col, RowsModel, make_table
from ocop_desktop.ui.sync.mailbox_agent import MailboxAgent, agent_for, counts
from ocop_desktop.ui.sync.widgets import size_text

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.mailbox.outbox import Item

translate = QCoreApplication.translate


def kind_text(kind: str) -> str:
    try:
        return KIND_LABELS[Kind(kind)]
    except ValueError:
        return kind


def state_text(item: Item) -> str:
    state = item.shown_state
    if state == "queued":
        return translate("OutboxTab", "Chờ gửi")
    if state == "uploading":
        percent = int(100 * item.bytes_sent / max(item.size, 1))
        return translate("OutboxTab", "Đang gửi %1%").replace("%1", str(percent))
    if state == "uploaded":
        return translate("OutboxTab", "Đã gửi")
    if state == "receipted":
        return translate("OutboxTab", "Đã có biên nhận")
    return translate("OutboxTab", "Lỗi: %1").replace("%1", item.last_error)


def _colours(item: Item) -> tuple | None:  # type: ignore[type-arg]
    if item.state == "failed":
        return BAD
    if item.last_error:
        return WARN
    return GOOD if item.shown_state == "receipted" else None


def queue_model(parent: object = None) -> RowsModel:
    return RowsModel(
        [
            Col(lambda: translate("OutboxTab", "Gói"), lambda i: kind_text(i.kind), 26),
            Col(lambda: translate("OutboxTab", "Trạng thái"), state_text, 22, colours=_colours),
            Col(
                lambda: translate("OutboxTab", "Đã gửi"),
                lambda i: f"{size_text(i.bytes_sent)} / {size_text(i.size)}",
                18,
                right=True,
            ),
            Col(lambda: translate("OutboxTab", "Xếp hàng lúc"), lambda i: local_time(i.queued_at), 16),
            Col(lambda: translate("OutboxTab", "Lên hộp thư lúc"), lambda i: local_time(i.uploaded_at), 16),
            Col(
                lambda: translate("OutboxTab", "Lỗi gần nhất"),
                lambda i: i.last_error,
                tip=lambda i: i.last_error or i.path,
            ),
        ],
        parent,
    )


class OutboxTab(QWidget):
    """The queue; it follows the agent (which the status bar and the settings page share)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agent: MailboxAgent = agent_for(ctx)
        self.model = queue_model(self)
        self.table = make_table(self.model, self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setVisible(False)
        self.step = QLabel(self)
        self.send_button, self.pause_button, self.fetch_button = (
            QPushButton(self),
            QPushButton(self),
            QPushButton(self),
        )
        self.send_button.clicked.connect(self.agent.send_now)
        self.pause_button.clicked.connect(self.agent.pause)
        self.fetch_button.clicked.connect(self.agent.fetch_now)
        buttons = QHBoxLayout()
        for button in (self.send_button, self.pause_button, self.fetch_button):
            buttons.addWidget(button)
        buttons.addWidget(self.step, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 1)
        self._last_reload = 0.0
        self.agent.changed.connect(self.show_state)
        self.agent.progressed.connect(self._progressed)
        self.retranslate()
        self.agent.reload()

    def rows(self) -> list[Item]:
        return list(self.model.rows)

    def _progressed(self, fraction: float, text: str) -> None:
        import time

        self.bar.setVisible(True)
        self.bar.setValue(int(fraction * 1000))
        self.step.setText(text)
        if time.monotonic() - self._last_reload > 1.0:  # the rows' bytes, part after part
            self._last_reload = time.monotonic()
            self.agent.reload()

    def show_state(self) -> None:
        agent = self.agent
        status = agent.status
        if status is not None:
            self.model.set_rows(status.items)
        running = agent.running
        self.bar.setVisible(running)
        if not running:
            self.step.setText(self.tr("Đã tạm dừng gửi.") if agent.paused else "")
        configured = bool(status and status.configured)
        self.send_button.setEnabled(configured and not running)
        self.fetch_button.setEnabled(configured and not running)
        self.pause_button.setEnabled(configured and running and not agent.paused)
        self.problem.setText(agent.last_stop or (status.problem if status else ""))
        self.problem.setVisible(bool(self.problem.text()))
        self.summary.setText(self._summary())

    def _summary(self) -> str:
        status = self.agent.status
        if status is None:
            return self.tr("Đang đọc hàng đợi…")
        to_send, to_ack = counts(status)
        waiting = (
            self.tr("%1 gói chờ gửi, %2 gói chờ biên nhận.")
            .replace("%1", str(to_send))
            .replace("%2", str(to_ack))
        )
        if not status.configured:
            return (
                self.tr(
                    "Chưa cấu hình hộp thư của tỉnh (trang Cài đặt). Các gói xuất ra vẫn được xếp hàng ở "
                    "đây và sẽ tự gửi khi có hộp thư; vẫn có thể gửi tệp bằng USB hoặc thư điện tử."
                )
                + " "
                + waiting
            )
        where = self.tr("Hộp thư: %1, thùng “%2”.").replace("%1", str(status.settings.get("endpoint", "")))
        return where.replace("%2", str(status.settings.get("bucket", ""))) + " " + waiting

    def retranslate(self) -> None:
        self.send_button.setText(self.tr("Gửi ngay"))
        self.pause_button.setText(self.tr("Tạm dừng"))
        self.fetch_button.setText(self.tr("Lấy gói về"))
        self.model.retranslate()
        self.show_state()
