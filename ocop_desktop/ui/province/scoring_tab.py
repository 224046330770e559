"""Chấm điểm: pick a dossier of the round and a council member at the top, then type the member's
paper sheet in the score-sheet editor (`MemberSheetStore`), which gets the full width. The sheet
is written when complete; until then every autosave goes to the member's stored draft, which
survives closing the window: the banner says what is missing, the member picker says "nháp, còn
thiếu N tiêu chí" (all members' drafts read in one job with the sheets), and "Bỏ bản nháp…" drops
it after a confirmation. A draft the stored sheet has overtaken (re-imported from a laptop, changed
elsewhere) is dropped when opened, and the banner says so. The line under the pickers says whose
sheets are still missing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.province.common import MemberRow
from ocop_desktop.services.province.drafts import DraftRow
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.formatting import local_time
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.province.laptops import EvaluatorLaptops
from ocop_desktop.ui.province.member_store import MemberSheetStore, sheets_and_drafts
from ocop_desktop.ui.province.state import EvalState
from ocop_desktop.ui.province.style import stars
from ocop_desktop.ui.scoring import ScoreSheetEditor


class ScoringTab(QWidget):
    def __init__(self, state: EvalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.sheets: dict[str, Any] = {}  # member id -> MemberSheetRow of the chosen dossier
        self.drafts: dict[str, DraftRow] = {}  # member id -> stored draft of the chosen dossier
        self.members: list[MemberRow] = []
        self.editor: ScoreSheetEditor | None = None
        self._spare_editor: ScoreSheetEditor | None = None
        self.store: MemberSheetStore | None = None
        self._member: MemberRow | None = None
        self.dossier = QComboBox(self)
        self.dossier.setMinimumWidth(420)
        self.dossier.activated.connect(lambda _i: self._dossier_picked())
        self.member = QComboBox(self)
        self.member.setMinimumWidth(320)
        self.member.activated.connect(lambda _i: self.open_sheet())
        self.dossier_label, self.member_label = QLabel(self), QLabel(self)
        self.missing = QLabel(self)
        self.laptops = EvaluatorLaptops(state, self)
        self.export_button, self.import_button = QPushButton(self), QPushButton(self)
        self.export_button.clicked.connect(self.export_assignment)
        self.import_button.clicked.connect(lambda: self.laptops.import_scores())
        self.banner = Banner(self, "info")
        self.discard_button = QPushButton(self)
        self.discard_button.hide()
        self.discard_button.clicked.connect(self.discard_draft)
        self._notice = ""  # a stale draft dropped when the sheet was opened: said until the next save
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)
        bar = QHBoxLayout()
        bar.addWidget(self.dossier_label)
        bar.addWidget(self.dossier, 3)
        bar.addSpacing(12)
        bar.addWidget(self.member_label)
        bar.addWidget(self.member, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        laptops = QHBoxLayout()
        laptops.addWidget(self.missing, 1)
        laptops.addWidget(self.export_button)
        laptops.addWidget(self.import_button)
        layout.addLayout(bar)
        layout.addLayout(laptops)
        status = QHBoxLayout()
        status.addWidget(self.banner, 1)
        status.addWidget(self.discard_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(status)
        layout.addWidget(self.stack, 1)
        state.roundLoaded.connect(self._round_loaded)
        self.retranslate()

    def retranslate(self) -> None:
        self.dossier_label.setText(self.tr("Hồ sơ:"))
        self.member_label.setText(self.tr("Thành viên:"))
        self.export_button.setText(self.tr("Xuất phân công cho máy chấm…"))
        self.export_button.setToolTip(
            self.tr(
                "Gói phân công của thành viên đang chọn: các hồ sơ của đợt còn chờ "
                "chấm, kèm tài liệu minh chứng, để chấm trên máy tính riêng."
            )
        )
        self.import_button.setText(self.tr("Nhập phiếu chấm từ máy…"))
        self.discard_button.setText(self.tr("Bỏ bản nháp…"))
        self.discard_button.setToolTip(
            self.tr("Xóa bản nháp phiếu đang nhập dở của thành viên này (phiếu đã lưu, nếu có, giữ nguyên).")
        )
        self.placeholder.setText(
            self.tr(
                "Chọn một hồ sơ và một thành viên để nhập phiếu chấm của thành viên đó "
                "(người vắng mặt ở phiên họp không có phiếu; thư ký không chấm)."
            )
        )
        self._fill_members()

    # -- pickers ---------------------------------------------------------------------------------
    def dossier_id(self) -> str | None:
        return self.dossier.currentData()

    def activate(self) -> None:
        """Built after the page: show what the round state holds now."""
        self._round_loaded()

    def _round_loaded(self) -> None:
        chosen = self.dossier_id()
        detail = self.state.detail
        self.dossier.clear()
        for e in detail.entries if detail else ():
            if e.status == "withdrawn":  # the producer withdrew it: nothing left to score (issue 15)
                continue
            self.dossier.addItem(
                self.tr("%1. %2 — %3/%4 phiếu")
                .replace("%1", str(e.seq))
                .replace("%2", e.product_name)
                .replace("%3", str(e.sheets))
                .replace("%4", str(e.expected)),
                e.dossier_id,
            )
        index = self.dossier.findData(chosen)
        if chosen is not None and index >= 0:
            self.dossier.setCurrentIndex(index)
            self._load_sheets(chosen)
        else:
            self.dossier.setCurrentIndex(-1)
            self.members, self.sheets, self.drafts = [], {}, {}
            self._fill_members()
            self._close_editor()

    def select_dossier(self, dossier_id: str) -> Task | None:
        index = self.dossier.findData(dossier_id)
        if index < 0:
            return None
        self.dossier.setCurrentIndex(index)
        return self._dossier_picked()

    def _dossier_picked(self) -> Task | None:
        dossier_id = self.dossier_id()
        if dossier_id is None:
            return None
        self._close_editor()
        return self._load_sheets(dossier_id)

    def _load_sheets(self, dossier_id: str) -> Task | None:
        if self.state.round_id is None:
            return None
        return self.state.run(
            sheets_and_drafts,
            self.state.round_id,
            dossier_id,
            done=lambda found: self._show_members(dossier_id, *found),
        )

    def _show_members(self, dossier_id: str, rows: list[Any], drafts: dict[str, DraftRow]) -> None:
        detail = self.state.detail
        if detail is None or self.dossier_id() != dossier_id:
            return
        self.sheets = {r.member_id: r for r in rows}
        self.drafts = {k: d for k, d in drafts.items() if not d.stale}  # a stale one is dropped when opened
        written = detail.row.council_mode == "written"
        self.members = [m for m in detail.members if m.scores and (m.present or written)]
        self._fill_members()

    def _fill_members(self) -> None:
        chosen = self.member.currentData()
        self.member.clear()
        for m in self.members:
            self.member.addItem(f"{m.label} {m.name} — {self._sheet_text(m)}", m.id)
        index = self.member.findData(chosen)
        self.member.setCurrentIndex(index if index >= 0 else -1)
        missing = [m.label for m in self.members if m.id not in self.sheets]
        if not self.members:
            self.missing.setText("")
        elif missing:
            self.missing.setText(
                self.tr("Đã có %1/%2 phiếu; còn thiếu phiếu của %3.")
                .replace("%1", str(len(self.members) - len(missing)))
                .replace("%2", str(len(self.members)))
                .replace("%3", ", ".join(missing))
            )
        else:
            self.missing.setText(
                self.tr("Đã có đủ %1 phiếu: có thể tổng hợp ở thẻ “Tổng hợp”.").replace(
                    "%1", str(len(self.members))
                )
            )

    def _sheet_text(self, m: MemberRow) -> str:
        draft = self.drafts.get(m.id)
        row = self.sheets.get(m.id)
        if draft is not None:
            return self.tr("nháp, còn thiếu %1 tiêu chí").replace("%1", str(len(draft.missing)))
        if row is None:
            return self.tr("chưa có phiếu")
        return (
            self.tr("bị loại")
            if row.eliminated
            else self.tr("%1 điểm %2").replace("%1", str(row.total)).replace("%2", stars(row.star))
        )

    def export_assignment(self) -> Task | None:
        member = next((m for m in self.members if m.id == self.member.currentData()), None)
        if member is None:
            errors.info(self, self.tr("Hãy chọn một hồ sơ và thành viên cần xuất gói phân công."))
            return None
        return self.laptops.export_assignment(member)

    # -- the editor --------------------------------------------------------------------------------
    def open_sheet(self, member_id: str | None = None) -> Task | None:
        if member_id is not None:
            self.member.setCurrentIndex(self.member.findData(member_id))
        dossier_id, chosen = self.dossier_id(), self.member.currentData()
        member = next((m for m in self.members if m.id == chosen), None)
        if dossier_id is None or member is None or self.state.round_id is None:
            return None
        self._close_editor()
        store = MemberSheetStore(self.state.ctx, self.state.round_id, dossier_id, member.id)
        self.store = store
        self.banner.show_text(
            self.tr("Đang mở phiếu của %1 %2…").replace("%1", member.label).replace("%2", member.name), "info"
        )
        return run_task(
            lambda _p: store.load(), on_done=lambda data: self._show_editor(store, member, data), parent=self
        )

    def _show_editor(self, store: MemberSheetStore, member: MemberRow, data: Any) -> None:
        if store is not self.store:
            return  # another member was picked meanwhile
        editor = self._spare_editor
        if editor is None:
            editor = self._spare_editor = ScoreSheetEditor(store, self, data=data)
            editor.changed.connect(self._show_draft)
            editor.saved.connect(lambda _rev: self._saved())
            self.stack.addWidget(editor)
        else:  # one editor, re-filled: building a sheet's widgets takes 40–70 ms
            editor.open(store, data)
        self.editor = editor
        self._member = member
        self.stack.setCurrentWidget(editor)
        gone = store.discarded
        if gone is not None:
            self.drafts.pop(member.id, None)
            self._fill_members()
            self._notice = (
                self.tr(
                    "Bản nháp phiếu của %1 lưu lúc %2 (còn thiếu %3 tiêu chí) đã bị bỏ: %4. Đang hiện "
                    "phiếu đã lưu."
                )
                .replace("%1", f"{member.label} {member.name}")
                .replace("%2", local_time(gone.updated_at))
                .replace("%3", str(len(gone.missing)))
                .replace("%4", gone.stale)
            )
        self._show_draft()

    def _show_draft(self) -> None:
        m, editor = self._member, self.editor
        if editor is None or m is None:
            return
        result = editor.result
        who = f"{m.label} {m.name}"
        stored_draft = self.store is not None and self.store.draft is not None
        self.discard_button.setVisible(stored_draft and not editor.read_only)
        if self._notice:
            self.banner.show_text(self._notice, "warn")
        elif editor.read_only:
            self.banner.show_text(
                self.tr("Phiếu của %1 (chỉ xem: hồ sơ đã có kết quả đề nghị hoặc quyết định).").replace(
                    "%1", who
                ),
                "info",
            )
        elif result is not None and result.unanswered and not result.eliminated:
            shown = ", ".join(result.unanswered[:8]) + ("…" if len(result.unanswered) > 8 else "")
            self.banner.show_text(
                self.tr(
                    "Phiếu của %1: còn %2 tiêu chí chưa chấm (%3). Bản nháp được lưu tự động "
                    "trên máy này; phiếu được ghi nhận khi chấm đủ."
                )
                .replace("%1", who)
                .replace("%2", str(len(result.unanswered)))
                .replace("%3", shown),
                "warn",
            )
        else:
            self.banner.show_text(
                self.tr("Phiếu của %1: đủ các tiêu chí, được lưu tự động.").replace("%1", who), "ok"
            )

    def _saved(self) -> None:
        store, member = self.store, self._member
        if store is None or member is None:
            return
        self._notice = ""
        if store.draft is not None:
            self.drafts[member.id] = store.draft
        else:
            self.drafts.pop(member.id, None)
        self._show_draft()
        self._fill_members()
        if store.draft is None:
            self.state.written.emit()
            self.state.reload()  # the entry's sheet count and status moved

    def discard_draft(self) -> Task | None:
        """Drop the open member's draft after a confirmation, then show the stored sheet again."""
        store, member = self.store, self._member
        if store is None or member is None or store.draft is None:
            return None
        if not errors.ask(
            self,
            self.tr(
                "Bỏ bản nháp phiếu của %1 %2? Các điểm đã nhập dở sẽ mất; phiếu đã lưu (nếu có) giữ nguyên."
            )
            .replace("%1", member.label)
            .replace("%2", member.name),
            yes=self.tr("Bỏ bản nháp"),
            no=self.tr("Giữ lại"),
        ):
            return None
        self._close_editor()  # saves what was typed last, so nothing writes the draft again afterwards

        def dropped(_gone: bool) -> None:
            self.drafts.pop(member.id, None)
            self._fill_members()
            self.open_sheet(member.id)

        return run_task(lambda _p: store.discard_draft(), on_done=dropped, writes_db=True, parent=self)

    def _close_editor(self) -> None:
        if self.editor is not None:
            self.editor.flush()
            self.editor = None  # hidden below, kept for the next sheet (`_spare_editor`)
        self.store = None
        self._member = None
        self._notice = ""
        self.discard_button.hide()
        self.stack.setCurrentWidget(self.placeholder)
        self.banner.show_text("")
