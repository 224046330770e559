"""Đồng bộ: packages between the commune and the province. This office's key fingerprint (read
aloud when another office enrolls it), the last receipt from each peer, a warning when work has
not reached the other office for too long, and five tables: waiting for a receipt, imported,
peers, not delivered, conflicts. Actions: export dossiers/results, import a package, export the
enrollment, export a reference pack (province)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.formatting import local_time
from ocop_desktop.ui.kit.tables import current_row, make_table
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.sync import jobs, prefs, tabs
from ocop_desktop.ui.sync.actions import SyncActions
from ocop_desktop.ui.sync.mailbox_agent import counts as mailbox_counts
from ocop_desktop.ui.sync.outbox_tab import OutboxTab
from ocop_desktop.ui.sync.widgets import Fingerprint

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.sync.status import PeerStatus


class SyncPage(QWidget):
    """Signals: refreshed(): the tables show what the database holds now. goTo(str, object): asks
    the main window to show another page or tab ("evaluation/council") and hand it the object."""

    refreshed = Signal()
    goTo = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        office = ctx.office()
        self.role = office.role
        self.snapshot: jobs.Snapshot | None = None
        self.task: Task | None = None
        self._again = False
        self.actions = SyncActions(ctx, self, office.role, office.unit_code)
        self.actions.changed.connect(self.refresh)
        self.actions.goTo.connect(self.goTo)

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)

        self.key_box = QGroupBox(self)
        self.key_intro = QLabel(self)
        self.key_intro.setWordWrap(True)
        self.fingerprint = Fingerprint(self, scale=1.5)
        key_layout = QVBoxLayout(self.key_box)
        key_layout.addWidget(self.key_intro)
        key_layout.addWidget(self.fingerprint)
        self.peer_status = QLabel(self)
        self.peer_status.setWordWrap(True)
        self.peer_status.setTextFormat(Qt.TextFormat.RichText)

        self.banner = Banner(self, "warn")
        self.days = QSpinBox(self)
        self.days.setRange(1, 365)
        self.days.setValue(prefs.unsent_days(ctx))
        self.days.valueChanged.connect(self._days_changed)
        self.days_label = QLabel(self)

        self.export_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.enroll_button = QPushButton(self)
        self.reference_button = QPushButton(self)
        self.reference_button.setVisible(self.role == "province")
        self.export_button.setVisible(self.role != "evaluator")  # its sheets leave from the Đánh giá page
        self.export_button.clicked.connect(lambda: self.actions.export_dossiers(self._peers()))
        self.import_button.clicked.connect(lambda: self.actions.import_package())
        self.enroll_button.clicked.connect(self.actions.export_enrollment)
        self.reference_button.clicked.connect(self.actions.export_reference)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.outbox = tabs.outbox_model(_now(), self.days.value(), self)
        self.inbox = tabs.inbox_model(self)
        self.peers = tabs.peers_model(self)
        self.unsent = tabs.unsent_model(self)
        self.conflicts = tabs.conflicts_model(self)
        self.tables = {
            name: make_table(model, self)
            for name, model in (
                ("outbox", self.outbox),
                ("inbox", self.inbox),
                ("peers", self.peers),
                ("unsent", self.unsent),
                ("conflicts", self.conflicts),
            )
        }
        for name in ("outbox", "inbox", "peers", "unsent"):
            self.tabs.addTab(self.tables[name], "")
        conflict_tab = QWidget(self)
        self.conflict_button = QPushButton(self)
        self.conflict_button.clicked.connect(self.open_conflict)
        self.tables["conflicts"].doubleClicked.connect(lambda _i: self.open_conflict())
        conflict_layout = QVBoxLayout(conflict_tab)
        conflict_layout.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        self.conflict_hint = QLabel(self)
        row.addWidget(self.conflict_hint, 1)
        row.addWidget(self.conflict_button)
        conflict_layout.addLayout(row)
        conflict_layout.addWidget(self.tables["conflicts"], 1)
        self.tabs.addTab(conflict_tab, "")
        self.mailbox = OutboxTab(ctx, self)
        self.tabs.addTab(
            self.mailbox, ""
        )  # the live queue of the mailbox (last: the others keep their place)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.enroll_button, self.reference_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.days_label)
        buttons.addWidget(self.days)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.key_box)
        layout.addWidget(self.peer_status)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.refresh()

    # -- data --------------------------------------------------------------------------------------
    def refresh(self) -> Task | None:
        """Reload in the background; a refresh asked for while one runs runs once more after it."""
        if self.task is not None and not self.task.done:
            self._again = True
            return self.task
        self._again = False
        self.task = run_task(
            jobs.load_snapshot, self.ctx, self.days.value(), on_done=self._show, parent=self, writes_db=True
        )  # the first call records the office's encryption key
        return self.task

    def _show(self, snapshot: jobs.Snapshot) -> None:
        self.snapshot = snapshot
        o = snapshot.overview
        self.outbox.columns = tabs.outbox_model(snapshot.now, self.days.value()).columns
        self.outbox.set_rows(o.outbox)
        self.inbox.set_rows(o.inbox)
        self.peers.set_rows(o.peers)
        self.unsent.set_rows(o.unsent)
        self.conflicts.set_rows(o.conflicts)
        self.fingerprint.set_fingerprint(snapshot.keys.signing.readable)
        self.banner.show_text(tabs.unsent_summary(list(o.unsent), self.days.value()))
        self._retranslate_data()
        self.mailbox.agent.nudge()  # packages exported since: the queue, and sent if the mailbox answers
        if self._again:
            self.refresh()
        else:
            self.refreshed.emit()

    def _peers(self) -> list[PeerStatus]:
        return list(self.snapshot.overview.peers) if self.snapshot else []

    def is_ready(self) -> bool:
        return self.snapshot is not None and (self.task is None or self.task.done)

    def _days_changed(self, days: int) -> None:
        prefs.set_unsent_days(self.ctx, days)
        self.refresh()

    def open_conflict(self) -> Task | None:
        row = current_row(self.tables["conflicts"])
        return self.actions.open_conflict(row) if row is not None else None

    # -- texts -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        province = self.role == "province"
        self.heading.setText(self.tr("Đồng bộ với các xã") if province else self.tr("Đồng bộ với cấp tỉnh"))
        self.refresh_button.setText(self.tr("Làm mới"))
        self.key_box.setTitle(self.tr("Khóa của cơ quan"))
        self.key_intro.setText(
            self.tr(
                "Dấu vân tay khóa ký của máy này. Khi bên kia nhập gói đăng ký hoặc gói "
                "tham chiếu của cơ quan, hãy đọc 30 chữ số này qua điện thoại để họ so sánh."
            )
        )
        self.export_button.setText(
            self.tr("Xuất kết quả gửi xã…") if province else self.tr("Xuất gói gửi tỉnh…")
        )
        self.import_button.setText(self.tr("Nhập gói…"))
        self.enroll_button.setText(self.tr("Xuất gói đăng ký…"))
        self.reference_button.setText(self.tr("Xuất gói tham chiếu…"))
        self.days_label.setText(self.tr("Cảnh báo việc chưa tới nơi quá (ngày):"))
        self.conflict_button.setText(self.tr("Xem và xử lý…"))
        self.conflict_hint.setText(
            self.tr(
                "Bản gửi đến trùng lúc với thay đổi trên máy này: xem hai bản cạnh nhau rồi chọn giữ bản nào."
            )
        )
        for model in (self.outbox, self.inbox, self.peers, self.unsent, self.conflicts):
            model.retranslate()
        self._retranslate_data()

    def _retranslate_data(self) -> None:
        counts = (
            len(self.outbox.rows),
            len(self.inbox.rows),
            len(self.peers.rows),
            len(self.unsent.rows),
            len(self.conflicts.rows),
        )
        titles = (
            self.tr("Chờ biên nhận (%1)"),
            self.tr("Đã nhận (%1)"),
            self.tr("Cơ quan liên quan (%1)"),
            self.tr("Chưa tới nơi (%1)"),
            self.tr("Xung đột (%1)"),
        )
        for i, (title, n) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(i, title.replace("%1", str(n)))
        to_send, _to_ack = mailbox_counts(self.mailbox.agent.status)
        self.tabs.setTabText(
            5, self.tr("Hộp thư (%1 chờ gửi)").replace("%1", str(to_send)) if to_send else self.tr("Hộp thư")
        )
        self.peer_status.setText(self._peer_text())

    def _peer_text(self) -> str:
        if self.snapshot is None:
            return self.tr("Đang đọc tình trạng đồng bộ…")
        peers = self.snapshot.overview.peers
        if not peers:
            return self.tr(
                "Chưa có cơ quan nào được tin cậy. Xã: xuất gói đăng ký gửi tỉnh và nhập gói tham chiếu "
                "của tỉnh; tỉnh: nhập gói đăng ký của xã. Mỗi lần đều so sánh dấu vân tay qua điện thoại."
            )
        lines = []
        for p in peers[:6]:
            who = self.tr("tỉnh") if p.role == "province" else p.name
            when = local_time(p.last_receipt_from) if p.last_receipt_from else self.tr("chưa có")
            line = (
                self.tr("Lần nhận biên nhận gần nhất từ %1: <b>%2</b>").replace("%1", who).replace("%2", when)
            )
            if p.unacknowledged:
                line += " · " + self.tr("%1 gói chờ biên nhận").replace("%1", str(p.unacknowledged))
            lines.append(line)
        if len(peers) > 6:
            lines.append(
                self.tr("… và %1 cơ quan khác (thẻ “Cơ quan liên quan”).").replace("%1", str(len(peers) - 6))
            )
        return "<br>".join(lines)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.snapshot is not None:
            self.refresh()  # packages made or dossiers changed on other pages since last time

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _now() -> datetime:
    return datetime.now(UTC)
