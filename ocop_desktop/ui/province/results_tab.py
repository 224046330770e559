"""Kết quả: close the council results (proposals: 3★/4★ to the province's decision, 5★ to the
ministry, the rest not recognised), record the chairman's decision — number, date, signer — which
issues the certificates (valid as long as the procedure in force says: `jobs.terms`), list decisions
with their certificates, print the results list and certificate drafts; the 5★ list; and expiry and
revocation (`ExpiryPanel`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.domain.forms import parse_date
from ocop_desktop.domain.province import decided_by_province
from ocop_desktop.services.province.results import DecisionInput, DecisionOutcome
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.kept_view import kept_view
from ocop_desktop.ui.kit.style import GOOD
from ocop_desktop.ui.kit.tables import Col, RowsModel, current_row, make_table, select_row
from ocop_desktop.ui.kit.tasks import Task
from ocop_desktop.ui.province import jobs
from ocop_desktop.ui.province.expiry_panel import ExpiryPanel
from ocop_desktop.ui.province.five_star_panel import FiveStarPanel
from ocop_desktop.ui.province.printing import print_to_preview
from ocop_desktop.ui.province.state import EvalState
from ocop_desktop.ui.province.style import entry_columns, score_text, stars


class ResultsTab(QWidget):
    def __init__(self, state: EvalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.data: jobs.Results | None = None
        self.shown_round: str | None = None  # whose entries are listed
        self.shown_decision: str | None = None  # the number of the decision whose certificates are listed
        self.terms: jobs.Terms | None = None  # read in the background, for the notes that state them
        self.tabs = QTabWidget(self)
        # proposals and the decision
        self.entries = RowsModel(entry_columns(self, results=True), self)
        self.entries_table = make_table(self.entries, self)
        self.propose_button, self.withdraw_button, self.decide_button = (QPushButton(self) for _ in range(3))
        self.propose_button.clicked.connect(self.propose)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.decide_button.clicked.connect(self.decide)
        self.number, self.decided_on, self.signer, self.signer_title = (QLineEdit(self) for _ in range(4))
        self.decided_on.setText(format_date(date.today()))
        self.decided_on.setPlaceholderText("dd/mm/yyyy")
        self.number.setPlaceholderText("1234/QĐ-UBND")
        self.signer_title.setText(self.tr("Chủ tịch"))
        self.decision_box = QGroupBox(self)
        self.decision_problem = Banner(self, "error")
        form = QFormLayout()
        self.form_labels = [QLabel(self) for _ in range(4)]
        for label, widget in zip(
            self.form_labels, (self.number, self.decided_on, self.signer, self.signer_title), strict=True
        ):
            form.addRow(label, widget)
        self.decision_note = QLabel(self)
        self.decision_note.setWordWrap(True)
        box = QVBoxLayout(self.decision_box)
        box.addWidget(self.decision_note)
        box.addWidget(self.decision_problem)
        box.addLayout(form)
        box.addWidget(self.decide_button)
        box.addStretch(1)
        first = QWidget(self)
        bar = QHBoxLayout()
        self.proposal_hint = QLabel(self)
        self.proposal_hint.setWordWrap(True)
        bar.addWidget(self.proposal_hint, 1)
        bar.addWidget(self.withdraw_button)
        bar.addWidget(self.propose_button)
        left = QVBoxLayout()
        left.addLayout(bar)
        left.addWidget(self.entries_table, 1)
        first_layout = QHBoxLayout(first)
        first_layout.addLayout(left, 1)
        first_layout.addWidget(self.decision_box)
        self.decision_box.setFixedWidth(360)
        # decisions and certificates
        self.decisions = RowsModel(
            [
                Col(lambda: self.tr("Số quyết định"), lambda o: o.decision.number, 16),
                Col(lambda: self.tr("Ngày"), lambda o: format_date(o.decision.decided_on), 10),
                Col(lambda: self.tr("Người ký"), lambda o: f"{o.decision.signer_title} {o.decision.signer}"),
                Col(lambda: self.tr("Sản phẩm"), lambda o: o.decision.products, 8, right=True),
            ],
            self,
        )
        self.decisions_table = make_table(self.decisions, self)
        self.decisions_table.clicked.connect(lambda _i: self._decision_picked())
        self.certificates = RowsModel(
            [
                Col(lambda: self.tr("Sản phẩm"), lambda p: p[0].product_name),
                Col(lambda: self.tr("Chủ thể"), lambda p: p[0].producer_name, 26),
                Col(lambda: self.tr("Mã sản phẩm"), lambda p: p[0].product_code, 16),
                Col(lambda: self.tr("Điểm"), lambda p: score_text(p[0].mean_total), 7, right=True),
                Col(
                    lambda: self.tr("Hạng"),
                    lambda p: stars(p[1].stars if p[1] else None),
                    7,
                    colours=lambda p: GOOD,
                ),
                Col(
                    lambda: self.tr("Hiệu lực đến"),
                    lambda p: format_date(p[1].valid_until) if p[1] else "",
                    11,
                ),
            ],
            self,
        )
        self.certificates_table = make_table(self.certificates, self)
        self.print_results_button, self.print_certificates_button = QPushButton(self), QPushButton(self)
        self.print_results_button.clicked.connect(self.print_results)
        self.print_certificates_button.clicked.connect(self.print_certificates)
        second = QWidget(self)
        second_layout = QVBoxLayout(second)
        self.decisions_table.setMaximumHeight(
            self.decisions_table.verticalHeader().defaultSectionSize() * 5 + 30
        )
        second_layout.addWidget(self.decisions_table)
        prints = QHBoxLayout()
        self.certificates_label = QLabel(self)
        prints.addWidget(self.certificates_label, 1)
        prints.addWidget(self.print_results_button)
        prints.addWidget(self.print_certificates_button)
        second_layout.addLayout(prints)
        second_layout.addWidget(self.certificates_table, 2)
        # 5 stars: proposed to the ministry, floors met or not, the ministry's result
        self.five_star = FiveStarPanel(state, self)
        third = self.five_star
        self.expiry = ExpiryPanel(state, self)
        for page in (first, second, third, self.expiry):
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.tabs)
        state.roundLoaded.connect(self.reload)
        self.retranslate()
        state.run(jobs.terms, done=self._terms_read)

    def _terms_read(self, terms: jobs.Terms) -> None:
        self.terms = terms
        self._state_terms()
        self.expiry.set_default_days(terms.reevaluation_opens_days)

    def retranslate(self) -> None:
        for i, text in enumerate(
            (
                self.tr("Đề nghị và quyết định"),
                self.tr("Quyết định, giấy chứng nhận"),
                self.tr("Đề nghị 5 sao"),
                self.tr("Hết hạn và thu hồi"),
            )
        ):
            self.tabs.setTabText(i, text)
        self._proposal_hint()
        self.propose_button.setText(self.tr("Đề nghị công nhận"))
        self.withdraw_button.setText(self.tr("Rút đề nghị"))
        self.decision_box.setTitle(self.tr("Quyết định công nhận của Chủ tịch UBND tỉnh"))
        for label, text in zip(
            self.form_labels,
            (self.tr("Số quyết định"), self.tr("Ngày ký"), self.tr("Người ký"), self.tr("Chức vụ")),
            strict=True,
        ):
            label.setText(text)
        self.decide_button.setText(self.tr("Ra quyết định, cấp giấy chứng nhận"))
        self.print_results_button.setText(self.tr("In danh sách kết quả…"))
        self.print_certificates_button.setText(self.tr("In dự thảo giấy chứng nhận…"))
        self._state_terms()
        for model in (self.entries, self.decisions, self.certificates):
            model.retranslate()
        self.five_star.retranslate()
        self.expiry.retranslate()  # the expiry toolbar follows the language too
        self._update_labels()

    def _proposal_hint(self) -> None:
        self.proposal_hint.setText(
            self.tr(
                "Đề nghị: sản phẩm đã tổng hợp hợp lệ đạt 3, 4 sao được đề nghị công nhận; từ %1 "
                "điểm: đề nghị Bộ công nhận 5 sao; dưới 3 sao hoặc bị loại: không đủ điều kiện."
            ).replace("%1", str(self.terms.five_star_min) if self.terms else "…")
        )

    def _state_terms(self) -> None:
        """The notes that state the numbers of the rule set in force (once they are read)."""
        if self.terms is None:
            return
        self.decision_note.setText(
            self.tr(
                "Mọi sản phẩm 3, 4 sao đã được đề nghị của đợt (và sản phẩm Hội đồng trung ương đánh "
                "giá 3, 4 sao) được công nhận trong một quyết định; mỗi sản phẩm nhận một giấy chứng "
                "nhận có hiệu lực %1 tháng."
            ).replace("%1", str(self.terms.certificate_months))
        )
        self.five_star.set_five_star_min(self.terms.five_star_min)
        self._proposal_hint()

    def activate(self) -> None:
        """Built after the page: show what the round state holds now."""
        self.reload()

    def reload(self) -> Task | None:
        if self.state.round_id is None:
            self._show(jobs.Results((), (), ()))
            return None
        wanted = self.state.round_id
        return self.state.run(
            jobs.results, wanted, done=lambda r: self._show(r) if wanted == self.state.round_id else None
        )

    def _show(self, data: jobs.Results) -> None:
        chosen = current_row(self.decisions_table)
        same, self.shown_round = self.shown_round == self.state.round_id, self.state.round_id
        self.data = data
        with kept_view(self.entries_table, keep=same):  # the same round read again: selection stays
            self.entries.set_rows(data.entries)
        self.five_star.show_rows(data.five_star)
        self.decisions.set_rows(data.decisions)
        numbers = [o.decision.number for o in data.decisions]
        pick = (
            numbers.index(chosen.decision.number)
            if chosen is not None and chosen.decision.number in numbers
            else (0 if numbers else -1)
        )
        select_row(self.decisions_table, pick)
        self._decision_picked()
        can_propose = any(e.status == "aggregated" and e.valid for e in data.entries)
        self.propose_button.setEnabled(can_propose)
        self.decide_button.setEnabled(
            any(decided_by_province(e.status, e.proposed_star, e.central_stars) for e in data.entries)
        )
        self.withdraw_button.setEnabled(bool(data.entries))
        self._update_labels()

    def _decision_picked(self) -> None:
        outcome: DecisionOutcome | None = current_row(self.decisions_table)
        rows = []
        if outcome is not None:
            by_id = {c.id: c for c in outcome.certificates}
            rows = [(e, by_id.get(e.certificate_id or "")) for e in outcome.entries]
        number = outcome.decision.number if outcome is not None else None
        with kept_view(
            self.certificates_table, lambda p: p[0].dossier_id, keep=number == self.shown_decision
        ):
            self.certificates.set_rows(rows)
        self.shown_decision = number
        for button in (self.print_results_button, self.print_certificates_button):
            button.setEnabled(outcome is not None)
        self._update_labels()

    def _update_labels(self) -> None:
        self.certificates_label.setText(
            self.tr("Giấy chứng nhận của quyết định đang chọn: %1").replace(
                "%1", str(len(self.certificates.rows))
            )
        )

    # -- actions -----------------------------------------------------------------------------------
    def propose(self) -> Task | None:
        if self.state.round_id is None:
            return None
        return self.state.run(jobs.propose, self.state.round_id, writes=True, parent=self)

    def withdraw(self) -> Task | None:
        entry = current_row(self.entries_table)
        if entry is None or self.state.round_id is None:
            return None
        return self.state.run(jobs.withdraw, self.state.round_id, entry.dossier_id, writes=True, parent=self)

    def decide(self) -> Task | None:
        self.decision_problem.show_text("")
        if self.state.round_id is None:
            return None
        try:
            on = parse_date(self.decided_on.text())
        except ValueError:
            self.decision_problem.show_text(
                self.tr("Ngày ký “%1” không hợp lệ (dd/mm/yyyy).").replace("%1", self.decided_on.text())
            )
            return None
        data = DecisionInput(self.number.text(), on, self.signer.text(), self.signer_title.text())
        if not self._confirm_decision(data):
            return None
        return self.state.run(
            jobs.decide,
            self.state.round_id,
            data,
            writes=True,
            parent=self,
            done=self._decided,
            failed=self._refused,
        )

    def _confirm_decision(self, data: DecisionInput) -> bool:
        """A decision recognises products and issues certificates for 36 months: said, and asked."""
        chosen = [
            e for e in self.entries.rows if decided_by_province(e.status, e.proposed_star, e.central_stars)
        ]
        if not chosen:
            return True  # the service says why nothing can be decided
        names = "\n".join(f"• {e.product_name} — {self._decided_star(e)}" for e in chosen[:8])
        more = (
            self.tr("\n… và %1 sản phẩm khác").replace("%1", str(len(chosen) - 8)) if len(chosen) > 8 else ""
        )
        text = (
            self.tr(
                "Ký quyết định số %1 ngày %2 công nhận %3 sản phẩm OCOP và cấp giấy chứng nhận (hiệu lực "
                "%6 tháng)?\n%4%5\n\nSau khi ghi, quyết định và giấy chứng nhận không sửa được; kết quả "
                "được gửi về các xã trong gói kết quả."
            )
            .replace("%6", str(self.terms.certificate_months) if self.terms else "…")
            .replace("%1", data.number.strip() or "…")
            .replace("%2", self.decided_on.text())
            .replace("%3", str(len(chosen)))
            .replace("%4", names)
            .replace("%5", more)
        )
        return errors.ask(self, text, yes=self.tr("Ghi quyết định"), no=self.tr("Xem lại"))

    def _decided_star(self, e: Any) -> str:
        """The star the decision gives: the council's proposal, or the central council's (Art. 7.4)."""
        if e.status == "central_result":
            return self.tr("%1★ theo kết quả Hội đồng cấp trung ương").replace("%1", str(e.central_stars))
        return f"{e.proposed_star}★"

    def _decided(self, outcome: DecisionOutcome) -> None:
        self.number.clear()
        self.tabs.setCurrentIndex(1)

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.decision_problem.show_text("\n".join(exc.fields.values()))
        elif isinstance(exc, UserError):
            self.decision_problem.show_text(exc.message)
        else:
            raise exc

    def _decision(self) -> Any:
        return current_row(self.decisions_table)

    def print_results(self) -> Task | None:
        outcome = self._decision()
        if outcome is None:
            return None
        return print_to_preview(
            self, self.state, jobs.print_results, (outcome.decision.id,), "results", outcome.decision.number
        )

    def print_certificates(self) -> Task | None:
        outcome = self._decision()
        if outcome is None:
            return None
        return print_to_preview(
            self,
            self.state,
            jobs.print_certificates,
            (outcome.decision.id,),
            "certificate",
            outcome.decision.number,
        )
