"""Hội đồng: the council of the round — name, establishing decision, mode (meeting or written
opinions), the province's rules (spread, quorum, chair, floors) — and its members: chair,
members, secretary, with their organisations and attendance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.province import CouncilMode, FiveStarRule
from ocop_desktop.domain.rules.council import FLOOR_RULES
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.dialogs import forget
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.style import GOOD, GREYED, WARN
from ocop_desktop.ui.kit.tables import Col, RowsModel, current_row, make_table
from ocop_desktop.ui.kit.tasks import Task
from ocop_desktop.ui.province import jobs
from ocop_desktop.ui.province.dialogs import MemberDialog
from ocop_desktop.ui.province.laptops import EvaluatorLaptops
from ocop_desktop.ui.province.state import EvalState
from ocop_desktop.ui.province.withdrawal_notice import WithdrawalNotice

ROLE_COLOURS = {"chair": GOOD, "secretary": GREYED}


class CouncilTab(QWidget):
    def __init__(self, state: EvalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.dialog: MemberDialog | None = None
        self.links: dict[str, Any] = {}  # member id -> EvaluatorLinkRow
        self.pending_enrollment: Path | None = None  # chosen on the sync page, used by the next link
        self.laptops = EvaluatorLaptops(state, self)
        self.settings_box = QGroupBox(self)
        self.name, self.decision, self.quorum = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.mode, self.floor_rule = QComboBox(self), QComboBox(self)
        for mode in CouncilMode:
            self.mode.addItem(label_text(mode.label), mode.value)
        for rule in FLOOR_RULES:
            self.floor_rule.addItem("", rule)
        self.max_spread = QSpinBox(self)
        self.max_spread.setRange(0, 100)
        self.chair_required = QCheckBox(self)
        # off: the decision's reading (≥ 90 points, Art. 7.3.e); on: points and 5★ floors (FiveStarRule)
        self.five_star_strict = QCheckBox(self)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save_settings)
        form = QFormLayout(self.settings_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form_labels: dict[str, QLabel] = {}
        for widget, key in (
            (self.name, "name"),
            (self.decision, "decision"),
            (self.mode, "mode"),
            (self.max_spread, "max_spread"),
            (self.quorum, "quorum"),
            (self.floor_rule, "floor_rule"),
        ):
            self.form_labels[key] = QLabel(self)
            form.addRow(self.form_labels[key], widget)
        form.addRow(self.chair_required)
        form.addRow(self.five_star_strict)
        form.addRow(self.save_button)

        self.members = RowsModel(
            [
                Col(lambda: self.tr("TV"), lambda m: m.label if m.scores else "", 5),
                Col(lambda: self.tr("Họ và tên"), lambda m: m.name, 18),
                Col(
                    lambda: self.tr("Vai trò"),
                    lambda m: label_text(m.role_label),
                    14,
                    colours=lambda m: ROLE_COLOURS.get(m.role),
                ),
                Col(lambda: self.tr("Cơ quan"), lambda m: m.organisation, tip=lambda m: m.organisation),
                Col(lambda: self.tr("Chức vụ"), lambda m: m.title, 13),
                Col(
                    lambda: self.tr("Có mặt"),
                    lambda m: self.tr("có mặt") if m.present else self.tr("vắng"),
                    8,
                    colours=lambda m: None if m.present else WARN,
                ),
                Col(lambda: self.tr("Máy chấm điểm"), self._laptop, 14, tip=self._laptop_tip),
            ],
            self,
        )
        self.table = make_table(self.members, self)
        self.table.doubleClicked.connect(lambda _i: self.edit_member())
        self.add_button, self.edit_button, self.remove_button, self.present_button, self.copy_button = (
            QPushButton(self) for _ in range(5)
        )
        self.laptop_button = QPushButton(self)
        self.laptop_button.clicked.connect(self.enroll_laptop)
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.remove_button.clicked.connect(self.remove_member)
        self.present_button.clicked.connect(self.toggle_present)
        self.copy_button.clicked.connect(self.copy_from_previous)
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.present_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.laptop_button)
        bar.addWidget(self.copy_button)
        members_box = QVBoxLayout()
        members_box.addLayout(bar)
        members_box.addWidget(self.table, 1)
        self.notice = WithdrawalNotice(state, self)  # the secretary's: dossiers withdrawn by producers
        columns = QHBoxLayout()
        columns.addWidget(self.settings_box)
        columns.addLayout(members_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.notice)
        layout.addLayout(columns, 1)
        self.settings_box.setMaximumWidth(470)
        state.roundLoaded.connect(self._show)
        self.retranslate()

    def retranslate(self) -> None:
        self.settings_box.setTitle(self.tr("Hội đồng và quy tắc tổng hợp"))
        for row, mode in enumerate(CouncilMode):
            self.mode.setItemText(row, label_text(mode.label))
        texts = {
            "name": self.tr("Tên Hội đồng"),
            "decision": self.tr("Quyết định thành lập"),
            "mode": self.tr("Hình thức"),
            "max_spread": self.tr("Chênh lệch tối đa (điểm)"),
            "quorum": self.tr("Tỉ lệ có mặt tối thiểu"),
            "floor_rule": self.tr("Xét mức tối thiểu"),
        }
        for key, label in self.form_labels.items():
            label.setText(texts[key])
        rules = {
            "majority": self.tr("Theo đa số thành viên"),
            "all": self.tr("Mọi thành viên phải đạt"),
            "mean": self.tr("Theo điểm trung bình"),
        }
        for i in range(self.floor_rule.count()):
            self.floor_rule.setItemText(
                i, rules.get(self.floor_rule.itemData(i), self.floor_rule.itemData(i))
            )
        self.chair_required.setText(self.tr("Bắt buộc có Chủ tịch Hội đồng"))
        self.five_star_strict.setText(self.tr("Đề nghị 5 sao chỉ khi đủ cả yêu cầu tối thiểu 5 sao"))
        self.five_star_strict.setToolTip(
            self.tr(
                "Điều 7.3.e QĐ 26/2026: sản phẩm đạt từ 90 điểm được đề nghị Bộ công nhận 5 sao (mặc định, "
                "ô này bỏ trống); các yêu cầu tối thiểu đạt hoặc chưa đạt được ghi kèm. Đánh dấu ô này "
                "nếu tỉnh áp dụng cách hiểu chặt hơn: đủ điểm và đủ mọi yêu cầu tối thiểu đến 5 sao."
            )
        )
        self.floor_rule.setToolTip(
            self.tr(
                "Một mức tối thiểu (***, ****, *****) của tiêu chí được coi là đạt khi: "
                "quá nửa số thành viên đã chấm đạt (mặc định), mọi thành viên đạt, hoặc "
                "điểm trung bình đạt."
            )
        )
        self.save_button.setText(self.tr("Lưu cài đặt Hội đồng"))
        self.add_button.setText(self.tr("Thêm thành viên…"))
        self.edit_button.setText(self.tr("Sửa…"))
        self.remove_button.setText(self.tr("Bỏ"))
        self.present_button.setText(self.tr("Có mặt / vắng"))
        self.copy_button.setText(self.tr("Sao chép từ đợt trước"))
        self.laptop_button.setText(self.tr("Ghi danh máy chấm điểm…"))
        self.laptop_button.setToolTip(
            self.tr(
                "Thành viên chấm trên máy tính riêng: nhập gói ghi danh của máy đó cho "
                "thành viên đang chọn (so sánh dấu vân tay qua điện thoại)."
            )
        )
        self.members.retranslate()
        self.notice.retranslate()

    def activate(self) -> None:
        """Built after the page: show what the round state holds now."""
        self._show()

    def _show(self) -> None:
        detail = self.state.detail
        self.members.set_rows(detail.members if detail else [])
        for widget in (
            self.settings_box,
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.present_button,
            self.copy_button,
            self.laptop_button,
        ):
            widget.setEnabled(detail is not None)
        if detail is None:
            return
        round_id = detail.row.id
        self.state.run(jobs.evaluator_links, round_id, done=lambda rows: self._show_links(round_id, rows))
        r = detail.row
        self.name.setText(r.council_name)
        self.decision.setText(r.council_decision)
        self.mode.setCurrentIndex(self.mode.findData(r.council_mode))
        self.max_spread.setValue(r.max_spread)
        self.quorum.setText(r.quorum)
        self.floor_rule.setCurrentIndex(self.floor_rule.findData(r.floor_rule))
        self.chair_required.setChecked(r.chair_required)
        self.five_star_strict.setChecked(r.five_star_rule == FiveStarRule.POINTS_AND_FLOORS)
        for edit in (self.name, self.decision):
            edit.setCursorPosition(0)  # the start of a long name, not its end

    def _show_links(self, round_id: str, rows: list[Any]) -> None:
        if round_id == self.state.round_id:
            self.links = {r.member_id: r for r in rows}
            self.members.refresh()

    def _laptop(self, m: Any) -> str:
        link = self.links.get(m.id)
        return link.office_name if link else ""

    def _laptop_tip(self, m: Any) -> str:
        link = self.links.get(m.id)
        return self.tr("Dấu vân tay: %1").replace("%1", link.fingerprint) if link else ""

    def enroll_laptop(self) -> Task | None:
        member = current_row(self.table)
        if member is None or not member.scores:
            errors.info(self, self.tr("Hãy chọn thành viên chấm điểm (chủ tịch hoặc thành viên) trong bảng."))
            return None
        path, self.pending_enrollment = self.pending_enrollment, None
        return self.laptops.enroll(member, path)

    def open_with(self, path: Path) -> Task | None:
        """An evaluator laptop's enrollment opened on the sync page: the next “Ghi danh máy chấm
        điểm…” uses it (at once when a scoring member is already selected)."""
        self.pending_enrollment = Path(path)
        member = current_row(self.table)
        if member is not None and member.scores and self.state.round_id is not None:
            return self.enroll_laptop()
        errors.info(
            self,
            self.tr(
                "Chọn thành viên Hội đồng sẽ chấm trên máy đó trong bảng, rồi bấm “Ghi danh máy "
                "chấm điểm…”: gói “%1” đã được chọn sẵn."
            ).replace("%1", Path(path).name),
            self.tr("Ghi danh máy chấm điểm"),
        )
        return None

    def save_settings(self) -> Task | None:
        if self.state.round_id is None:
            return None
        settings = {
            "name": self.name.text(),
            "decision": self.decision.text(),
            "mode": self.mode.currentData(),
            "max_spread": self.max_spread.value(),
            "quorum": self.quorum.text(),
            "floor_rule": self.floor_rule.currentData(),
            "chair_required": self.chair_required.isChecked(),
            "five_star_rule": (
                FiveStarRule.POINTS_AND_FLOORS if self.five_star_strict.isChecked() else FiveStarRule.POINTS
            ).value,
        }
        return self.state.run(jobs.configure, self.state.round_id, settings, writes=True, parent=self)

    def _member_dialog(self, member: Any = None) -> MemberDialog | None:
        round_id = self.state.round_id
        if round_id is None:
            return None
        dialog = MemberDialog(self, member)
        if member is None:
            dialog.submitted.connect(
                lambda data: self.state.run(
                    jobs.add_member,
                    round_id,
                    data,
                    writes=True,
                    parent=self,
                    failed=dialog.refused,
                    done=lambda _m: dialog.done_ok(),
                )
            )
        else:
            dialog.submitted.connect(
                lambda data: self.state.run(
                    jobs.update_member,
                    member.id,
                    data,
                    writes=True,
                    parent=self,
                    failed=dialog.refused,
                    done=lambda _m: dialog.done_ok(),
                )
            )
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: forget(self, "dialog", dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_member(self) -> MemberDialog | None:
        return self._member_dialog()

    def edit_member(self) -> MemberDialog | None:
        member = current_row(self.table)
        return self._member_dialog(member) if member is not None else None

    def remove_member(self) -> Task | None:
        member = current_row(self.table)
        if member is None or not errors.ask(
            self,
            self.tr("Bỏ %1 khỏi Hội đồng?").replace("%1", member.name),
            yes=self.tr("Bỏ"),
            no=self.tr("Không"),
        ):
            return None
        return self.state.run(jobs.remove_member, member.id, writes=True, parent=self)

    def toggle_present(self) -> Task | None:
        member = current_row(self.table)
        if member is None:
            return None
        return self.state.run(jobs.set_present, member.id, not member.present, writes=True, parent=self)

    def copy_from_previous(self) -> Task | None:
        target = self.state.round_id
        source = next((r for r in self.state.rounds if r.id != target), None)
        if target is None or source is None:
            errors.info(self, self.tr("Chưa có đợt nào khác để sao chép Hội đồng."))
            return None
        return self.state.run(jobs.copy_members, source.id, target, writes=True, parent=self)
