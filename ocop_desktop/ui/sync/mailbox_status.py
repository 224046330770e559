"""The status bar's word on the mailbox: reachable or not, how many packages wait to be sent or for a
receipt. Placing it starts the mailbox working by itself (`MailboxAgent.start`: after the first frame,
the settings are read on a worker; nothing happens while no mailbox is configured)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from ocop_desktop.ui.sync.mailbox_agent import START_DELAY_MS, agent_for, counts

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class MailboxIndicator(QLabel):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, delay_ms: int = START_DELAY_MS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mailboxIndicator")
        self.setContentsMargins(16, 0, 0, 0)  # apart from the officer's name beside it
        self.agent = agent_for(ctx)
        self.agent.changed.connect(self.retranslate)
        self.agent.progressed.connect(self._progressed)
        agent = self.agent
        self.destroyed.connect(lambda *_: agent.stop())
        self.setVisible(False)  # until a mailbox is known to be configured
        self.agent.start(delay_ms)

    def _progressed(self, fraction: float, _text: str) -> None:
        self.setText(self.tr("Hộp thư: đang gửi/nhận %1%").replace("%1", str(int(fraction * 100))))

    def retranslate(self) -> None:
        status = self.agent.status
        if status is None or not status.configured:
            self.setVisible(False)
            return
        self.setVisible(True)
        to_send, to_ack = counts(status)
        if self.agent.running:
            state = self.tr("Hộp thư: đang gửi/nhận")
        elif status.reachable is False:
            state = self.tr("Hộp thư: không kết nối được")
        elif status.reachable:
            state = self.tr("Hộp thư: kết nối được")
        else:
            state = self.tr("Hộp thư: chưa thử kết nối")
        waits = (
            self.tr("%1 chờ gửi · %2 chờ biên nhận").replace("%1", str(to_send)).replace("%2", str(to_ack))
        )
        self.setText(f"{state} · {waits}")
        self.setToolTip(status.problem or self.agent.last_stop)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
