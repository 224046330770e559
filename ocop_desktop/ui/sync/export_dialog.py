"""What goes into an outgoing dossier package: at the commune, every dossier the province has not
acknowledged or the ones ticked; at the province, the results for one commune (all it has not
confirmed, or the ones ticked)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.tables import Col, RowsModel, make_table
from ocop_desktop.ui.sync.jobs import Candidate


class ExportDialog(QDialog):
    """`chosen()` -> (recipient office id or None, dossier ids or None, pending)."""

    def __init__(self, role: str, candidates: Sequence[Candidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.candidates = list(candidates)
        province = role == "province"
        self.setWindowTitle(self.tr("Xuất kết quả gửi xã") if province else self.tr("Xuất gói gửi tỉnh"))
        self.resize(860, 520)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setText(
            self.tr(
                "Gói mang kết quả (tiếp nhận, trả lại kèm lý do, quyết định và giấy chứng nhận) của các "
                "hồ sơ mà xã chưa xác nhận đã nhận."
            )
            if province
            else self.tr(
                "Gói mang toàn bộ hồ sơ (biểu mẫu, phiếu tự đánh giá, tài liệu minh chứng mà tỉnh chưa có). "
                "Hồ sơ xã đã đánh giá sẽ chuyển sang “Đã gửi tỉnh”."
            )
        )
        self.commune = QComboBox(self)
        for office_id, name in dict((c.peer_office_id, c.peer_name) for c in self.candidates).items():
            self.commune.addItem(name, office_id)
        self.commune.currentIndexChanged.connect(lambda _i: self._fill())
        self.commune.setVisible(province)  # a commune sends to its one province: no choice to show
        self.all_pending = QRadioButton(self)
        self.only_ticked = QRadioButton(self)
        group = QButtonGroup(self)
        group.addButton(self.all_pending)
        group.addButton(self.only_ticked)
        self.all_pending.setChecked(True)
        self.all_pending.toggled.connect(self._update)
        self.model = RowsModel(
            [
                Col(lambda: self.tr("Sản phẩm"), lambda c: c.product_name),
                # the two names share what the statuses leave (fixed widths left the product ~10 letters)
                Col(lambda: self.tr("Chủ thể"), lambda c: c.producer_name),
                Col(lambda: self.tr("Trạng thái hồ sơ"), lambda c: label_text(c.status_label), 22),
                Col(lambda: self.tr("Đồng bộ"), self._sync_state, 22),
            ],
            self,
            checkable=True,
        )
        self.model.dataChanged.connect(lambda *_: self._update())
        self.table = make_table(self.model, self)
        if province:
            self.table.setColumnHidden(3, True)
        self.problem = Banner(self, "warn")
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Chọn nơi lưu gói…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        if province:
            form = QFormLayout()
            form.addRow(self.tr("Gửi cho xã:"), self.commune)
            layout.addLayout(form)
        layout.addWidget(self.all_pending)
        layout.addWidget(self.only_ticked)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._fill()

    def shown(self) -> list[Candidate]:
        if self.role != "province":
            return self.candidates
        office = self.commune.currentData()
        return [c for c in self.candidates if c.peer_office_id == office]

    def _fill(self) -> None:
        rows = self.shown()
        self.model.set_rows(rows)
        pending = sum(1 for c in rows if c.pending)
        self.all_pending.setText(
            self.tr("Mọi hồ sơ bên nhận chưa xác nhận (%1 hồ sơ)").replace("%1", str(pending))
        )
        self.only_ticked.setText(self.tr("Chỉ các hồ sơ được đánh dấu trong bảng"))
        self._update()

    def _sync_state(self, c: Candidate) -> str:
        """Where the dossier stands with the province, in the interface language (the service's words
        name the province; here the column says it)."""
        words = {
            "not_sent": self.tr("Chưa gửi"),
            "changed_since_sent": self.tr("Đã sửa sau lần gửi gần nhất"),
            "sent": self.tr("Đã gửi, chưa có biên nhận"),
            "acknowledged": self.tr("Tỉnh đã nhận"),
        }
        if c.state_key == "acknowledged" and "xung đột" in c.state_label:
            return self.tr("Tỉnh đã nhận (đang chờ xem xét xung đột)")
        return words.get(c.state_key, c.state_label)

    def _update(self) -> None:
        ticked = bool(self.model.checked)
        self.table.setEnabled(self.only_ticked.isChecked())
        if not self.shown():
            self.problem.show_text(
                self.tr("Không có hồ sơ nào cần gửi: mọi hồ sơ đã được bên nhận xác nhận.")
            )
        elif self.only_ticked.isChecked() and not ticked:
            self.problem.show_text(self.tr("Hãy đánh dấu ít nhất một hồ sơ."))
        else:
            self.problem.show_text("")
        self.ok_button.setEnabled(bool(self.shown()) and (self.all_pending.isChecked() or ticked))

    def chosen(self) -> tuple[str | None, list[str] | None, bool]:
        to = self.commune.currentData() if self.role == "province" else None
        if self.all_pending.isChecked():
            return to, None, True
        return to, [c.dossier_id for c in self.model.checked_rows()], False
