"""The dossier editor: one window per dossier, a header with its state and the next actions,
and a tab per part of the dossier. It is built from what `ops.open_dossier` read in the background
(the list page runs that job); everything typed is autosaved (see `session.py`); closing saves
what is pending and asks only about values the service refused.

The editor owns what is shown: the refusals of a lifecycle action (`actions.ActionRunner` only
says what they were) go under their form fields, with a warning icon on the form's tab, and in
the banner above the tabs.

Keyboard: Ctrl+Tab / Ctrl+Shift+Tab change tab, Ctrl+S saves now, Ctrl+W closes.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QStyle, QTabWidget, QVBoxLayout, QWidget

from ocop_desktop.domain.forms import FORMS_OF_PAPER, SECTIONS, filled_in_app
from ocop_desktop.services.dossiers.service import DossierDetail
from ocop_desktop.ui.dossiers import closing_flow, delete_draft, ops
from ocop_desktop.ui.dossiers.actions import ActionRunner
from ocop_desktop.ui.dossiers.changed_bar import ChangedElsewhereBar, reload_editor
from ocop_desktop.ui.dossiers.checklist_tab import ChecklistTab
from ocop_desktop.ui.dossiers.compare_tab import CompareTab
from ocop_desktop.ui.dossiers.consistency_panel import ConsistencyPanel
from ocop_desktop.ui.dossiers.evidence_tab import EvidenceTab
from ocop_desktop.ui.dossiers.header import DossierHeader
from ocop_desktop.ui.dossiers.history_tab import HistoryTab
from ocop_desktop.ui.dossiers.mau03_tab import Mau03Tab
from ocop_desktop.ui.dossiers.ops import ActionResult, EditorData
from ocop_desktop.ui.dossiers.print_tab import PrintTab
from ocop_desktop.ui.dossiers.section_form import SectionForm
from ocop_desktop.ui.dossiers.self_assessment_tab import SelfAssessmentTab
from ocop_desktop.ui.dossiers.session import AUTOSAVE_MS, DossierSession
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.field_messages import message_label
from ocop_desktop.ui.kit.geometry import remember
from ocop_desktop.ui.kit.style import ERROR_STYLE, MUTED_STYLE, OK_STYLE
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

log = logging.getLogger(__name__)
MAX_LINES = 8  # of the banner listing an action's refusals; the rest are under their fields


class DossierEditor(QWidget):
    """Signals:
    changed(str): the dossier (id) changed in a way the list shows (status, receipt number).
    """

    changed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        data: EditorData,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.data = data
        self.deleted = False  # set by "Xóa hồ sơ nháp": the window closes with nothing left to save
        dossier_id = data.detail.row.id
        self.session = DossierSession(ctx, data.detail, self, autosave_ms=autosave_ms)
        self.changed_bar = ChangedElsewhereBar()  # another desk changed it (`ui.kit.change_watch`)
        self.changed_bar.reloadRequested.connect(lambda: reload_editor(self))
        self.header = DossierHeader()
        self.consistency = ConsistencyPanel()
        self.problems = message_label()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.forms: dict[str, SectionForm] = {}
        self.tab_of: dict[str, int] = {}
        for key, title in (
            ("mau01", self.tr("Mẫu 01")),
            ("mau02_part1", self.tr("Mẫu 02 – Phần I")),
            ("mau02_part2", self.tr("Phần II")),
            ("mau02_part4", self.tr("Phần IV")),
        ):
            # the first tab is built now, the hidden ones in the next turns (`_build_hidden_forms`)
            self.forms[key] = SectionForm(SECTIONS[key], deferred=key != "mau01")
            self._add_tab(key, self.forms[key], title)
        self.self_assessment = SelfAssessmentTab(ctx, dossier_id)
        self._add_tab("self_assessment", self.self_assessment, self.tr("Tự đánh giá (Phần III)"))
        self.checklist = ChecklistTab(ctx, dossier_id, data.checklist, deferred=True)
        self._add_tab("checklist", self.checklist, self.tr("Danh mục hồ sơ"))
        self.evidence = EvidenceTab(ctx, dossier_id, data.evidence, data.criteria)
        self._add_tab("evidence", self.evidence, self.tr("Tài liệu minh chứng"))
        self.mau03 = Mau03Tab(deferred=True)
        self.forms["mau03"] = self.mau03.form
        self._add_tab("mau03", self.mau03, self.tr("Mẫu 03"))
        self.printing = PrintTab(ctx, dossier_id, self.save_now)
        self._add_tab("print", self.printing, self.tr("In"))
        self.history = HistoryTab(ctx, dossier_id)
        self._add_tab("history", self.history, self.tr("Lịch sử"))
        self.compare: CompareTab | None = None
        self._add_compare_tab(data.previous)
        self.actions = ActionRunner(self.session, self.save_now, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.changed_bar)
        layout.addWidget(self.header)
        layout.addWidget(self.consistency)
        layout.addWidget(self.problems)
        layout.addWidget(self.tabs, 1)
        self._connect()
        self.evidence.set_checklist_labels(
            {r.key: r.label for r in self.checklist.rows.values() if r.requirement != "not_applicable"}
        )
        self.show_detail(self.session.detail)
        if data.consistency is not None:
            self.consistency.show_view(data.consistency)
        self.resize(1200, 800)
        QTimer.singleShot(0, self, self._build_hidden_parts)

    def _build_hidden_parts(self) -> None:
        """One hidden part (a form section, the checklist's table) per turn of the event loop: opening
        a dossier built all of them at once, ~100 ms of the GUI thread; one at a time, the window
        paints and answers between (issue 15: no step holds it 100 ms at province scale)."""
        parts: list[SectionForm | ChecklistTab] = [*self.forms.values(), self.checklist]
        pending = next((part for part in parts if not part.built), None)
        if pending is not None:
            pending.build()
            QTimer.singleShot(0, self, self._build_hidden_parts)

    def _add_tab(self, key: str, widget: QWidget, title: str) -> None:
        self.tab_of[key] = self.tabs.addTab(widget, title)

    def _add_compare_tab(self, previous: DossierDetail | None) -> None:
        if previous is None:
            return
        label = previous.row.receipt_number or label_text(previous.row.status_label)
        self.compare = CompareTab(label)
        self.compare.set_previous(previous.forms)
        self._add_tab("compare", self.compare, self.tr("So với hồ sơ trước"))

    def _connect(self) -> None:
        s = self.session
        for key, form in self.forms.items():
            form.edited.connect(lambda field, section=key: self._edited(section, field))
            form.committed.connect(lambda _field: s.flush())
        s.saved.connect(self._saved)
        s.problems.connect(self._refused)
        s.reloaded.connect(self.show_detail)
        s.conflicted.connect(lambda text: errors.warn(self, text, self.tr("Hồ sơ đã thay đổi ở nơi khác")))
        s.failed.connect(lambda exc: errors.show_error(exc, self))
        self.tabs.currentChanged.connect(lambda _i: self.save_now())
        self.header.action_requested.connect(self.actions.request)
        self.header.paper_requested.connect(self.actions.request_paper)
        self.header.delete_requested.connect(self.delete_draft)
        self.header.archive_requested.connect(lambda: closing_flow.request_archive(self, self))
        self.header.restore_requested.connect(lambda: closing_flow.request_restore(self, self))
        self.consistency.focus_requested.connect(self.focus_problem)
        self.consistency.take_back_requested.connect(lambda: closing_flow.request_take_back(self, self))
        self.self_assessment.saved.connect(lambda: closing_flow.check(self, self))
        self.actions.problems.connect(self.show_problems)
        self.actions.performed.connect(self._performed)
        self.checklist.changed.connect(self._checklist_changed)
        self.evidence.changed.connect(self._evidence_changed)
        self.self_assessment.saved.connect(self._say_saved)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_now)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        QShortcut(QKeySequence.StandardKey.HelpContents, self, self.open_help)

    def open_help(self) -> QWidget:
        """F1: the guide's page about a dossier (the commune's steps, or the province's work)."""
        from ocop_desktop.ui.kit.help_pages import page_for
        from ocop_desktop.ui.kit.help_window import show_help

        office = self.ctx.office_or_none()
        return show_help(self, page_for("dossiers", office.role if office else ""))

    # -- showing ------------------------------------------------------------------------------
    def show_detail(self, d: DossierDetail) -> None:
        r = d.row
        self.setWindowTitle(
            self.tr("Hồ sơ: %1 — %2").replace("%1", r.product_name).replace("%2", label_text(r.status_label))
        )
        self.header.show_detail(d)
        self.consistency.set_editable(d.editable)
        unsaved = self.session.unsaved()
        for key, form in self.forms.items():
            form.set_values(d.forms.get(key, {}))
            for field, raw in unsaved.get(key, {}).items():  # refused values stay as typed
                form.inputs[field].show(raw)
            form.set_read_only(not d.editable)
        self.forms["mau01"].set_note(
            self.tr("3. Ngành, nhóm, phân nhóm: %1.  4. Loại đăng ký: %2.")
            .replace("%1", self.data.product_set)
            .replace("%2", label_text(r.registration_label))
        )
        self.mau03.show_forms(d.forms)
        self.mau03.set_read_only(not d.editable)
        self.checklist.set_read_only(not d.editable)
        self.evidence.set_read_only(not d.editable)
        self.printing.set_stem(r.receipt_number or r.product_code)
        self.history.show_events(d.events)
        self.history.show_five_star(d.five_star)
        self.header.show_completeness(self.checklist.completeness)
        if self.compare is not None:
            self.compare.show_current(d.forms)
        read_only = (
            self.tr("Chỉ xem: hồ sơ đã hủy, không sửa được nữa.")
            if r.status == "withdrawn"
            else self.tr("Chỉ xem: hồ sơ đã gửi đi, không sửa được nữa.")
        )
        if not d.editable:
            self.header.set_save_state(read_only, MUTED_STYLE)
        elif self.header.save_state.text() == read_only:  # returned to the commune: editable again
            self.header.set_save_state("", MUTED_STYLE)

    def show_problems(self, label: str, fields: dict[str, str]) -> None:
        """Why action `label` was refused: each message under its field, all of them listed in the
        banner (the first `MAX_LINES`)."""
        by_section: dict[str, dict[str, str]] = {}
        for key, text in fields.items():
            section, _, field = key.partition(".")
            if section in self.forms and field:
                by_section.setdefault(section, {})[field] = text
        for section, problems in by_section.items():
            self.forms[section].show_problems(problems)
            self._mark_tab(section)
        lines = [f"• {text}" for text in fields.values()]
        if len(lines) > MAX_LINES:
            lines = [*lines[:MAX_LINES], self.tr("… và %n vấn đề khác.", "", len(lines) - MAX_LINES)]
        self.problems.setText(self.tr("Chưa thể “%1”:").replace("%1", label) + "\n" + "\n".join(lines))
        self.problems.show()

    def _performed(self, result: ActionResult) -> None:
        self.problems.hide()
        for key, form in self.forms.items():
            form.clear_problems()
            self._mark_tab(key)
        self.checklist.show_view(result.checklist)
        self.header.show_completeness(result.checklist.completeness)
        self.changed.emit(self.session.dossier_id)
        events = result.detail.events
        if events and events[-1].action == "receive":
            self.offer_receipt(result.detail.row.receipt_number or "")

    def offer_receipt(self, number: str) -> None:
        """Right after receipt the producer is at the desk: offer the slip to hand over."""
        question = self.tr("Đã tiếp nhận hồ sơ, số phiếu %1. In phiếu tiếp nhận để trao cho chủ thể?")
        if errors.ask(self, question.replace("%1", number), yes=self.tr("In phiếu"), no=self.tr("Để sau")):
            self.show_tab("print")
            self.printing.preview_form("receipt")

    # -- autosave -----------------------------------------------------------------------------
    def _edited(self, section: str, field: str) -> None:
        self.session.edit(section, field, self.forms[section].raw(field))
        self.header.set_save_state(self.tr("Đang sửa…"), MUTED_STYLE)
        self._mark_tab(section)

    def _saved(self, d: DossierDetail, section: str, values: dict[str, object]) -> None:
        form = self.forms[section]
        form.show_saved(values)
        if section == "mau02_part1" or section == "mau02_part2":
            self.mau03.show_forms(d.forms)
        if self.compare is not None:
            self.compare.show_current(d.forms)
        self._mark_tab(section)
        self._say_saved()
        self._follow_paper(section, d)
        if section == "mau02_part1":  # the producer's facts may now agree, or differ
            closing_flow.check(self, self)

    def adopt(self, detail: DossierDetail) -> None:
        """The dossier after a change made outside the forms (archived, restored): shown, and listed."""
        self.session.adopt(detail)
        self.changed.emit(detail.row.id)

    def _follow_paper(self, section: str, d: DossierDetail) -> None:
        """Mẫu 01/02 filled in full count as there on the checklist: read it again when that flips."""
        paper = next((k for k, sections in FORMS_OF_PAPER.items() if section in sections), None)
        row = self.checklist.rows.get(paper) if paper else None
        if paper and row is not None and filled_in_app(paper, d.forms) != (row.status == "provided"):
            run_task(ops.load_checklist, self.ctx, d.row.id, on_done=self._checklist_read, parent=self)

    def _checklist_read(self, view: ops.ChecklistView) -> None:
        self.checklist.show_view(view)
        self.header.show_completeness(view.completeness)

    def _say_saved(self) -> None:
        """The save indicator after any save (forms, checklist, sheet): when, or what is left."""
        if self.session.has_pending():
            self.header.set_save_state(self.tr("Có ô chưa lưu được (xem thông báo đỏ)"), ERROR_STYLE)
            return
        self.header.set_save_state(
            self.tr("Đã lưu lúc %1").replace("%1", datetime.now().strftime("%H:%M")), OK_STYLE
        )

    def _refused(self, section: str, problems: dict[str, str]) -> None:
        self.forms[section].show_problems(problems)
        self._mark_tab(section)
        self._say_saved()

    def _mark_tab(self, key: str) -> None:
        """A warning icon on the tab of a form with messages, so they are found from any tab."""
        form = self.forms.get(key)
        bad = form is not None and form.has_problems()
        index = self.tab_of[key]
        if bad == self.tabs.tabIcon(index).isNull():  # only when it changes (called per keystroke)
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if bad else QIcon()
            self.tabs.setTabIcon(index, icon)

    def save_now(self) -> bool:
        """Save everything pending in every tab; True when nothing typed is left unsaved."""
        self.checklist.flush()
        sheet_ok = self.self_assessment.flush()
        forms_ok = self.session.flush()
        return sheet_ok and forms_ok

    def _checklist_changed(self) -> None:
        self.header.show_completeness(self.checklist.completeness)
        self._say_saved()

    def _evidence_changed(self) -> None:
        self.checklist.set_file_counts(self.evidence.file_counts())
        if self.self_assessment.flush():  # its evidence pickers list the dossier's files
            self.self_assessment.reload()

    def delete_draft(self) -> Task | None:
        row = self.session.detail.row
        return delete_draft.request_delete(self, self, row.id, row.product_name, self.session.revision)

    def show_tab(self, key: str) -> QWidget:
        self.tabs.setCurrentIndex(self.tab_of[key])
        return self.tabs.currentWidget()

    # -- closing ------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.deleted:  # the dossier is gone: nothing to save, the list drops it
            event.accept()
            self.changed.emit(self.session.dossier_id)
            super().closeEvent(event)
            return
        if self.evidence.task is not None and not errors.ask(
            self,
            self.tr("Đang nhập tài liệu minh chứng. Hủy việc nhập và đóng hồ sơ?"),
            yes=self.tr("Hủy nhập và đóng"),
            no=self.tr("Tiếp tục nhập"),
        ):
            event.ignore()
            return
        self.save_now()
        unsaved = self.session.unsaved()
        if unsaved:
            lines = "\n".join(f"• {value}" for values in unsaved.values() for value in values.values())
            if not errors.ask(
                self,
                self.tr(
                    "Các giá trị sau không hợp lệ nên chưa được lưu:\n%1\nĐóng và bỏ các giá trị đó?"
                ).replace("%1", lines),
                yes=self.tr("Bỏ và đóng"),
                no=self.tr("Tiếp tục sửa"),
            ):
                event.ignore()
                return
        if self.evidence.task is not None:
            self.evidence.cancel_import()
        event.accept()
        remember(self, self.ctx.paths.windows_path, "dossier")
        self.changed.emit(self.session.dossier_id)
        super().closeEvent(event)

    def focus_problem(self, key: str) -> None:
        """Show the field named by a service message key ("mau02_part1.representative_sex")."""
        section, _, field = key.partition(".")
        if section in self.forms:
            self.show_tab(section)
            self.forms[section].focus_field(field)
        elif section in self.tab_of:
            self.show_tab(section)
