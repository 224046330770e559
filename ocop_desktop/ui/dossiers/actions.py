"""Running the dossier's lifecycle actions from the editor: ask what an action needs (the receipt
date), save what is pending, run the action in the background, and say how it ended. "Gửi hồ sơ lên
tỉnh" is the honest send of `send_flow` (a package first, the status after); an outcome the province
sent on paper is recorded through `paper_dialog`. The editor shows the outcome: each refusal message
under its form field, on the checklist, in the banner.

The runner knows the session (the record, its revision), not the editor: it asks the editor for
nothing and reaches into none of its widgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ocop_desktop.domain.dossiers import Action
from ocop_desktop.domain.errors import ConflictError, UserError, ValidationError
from ocop_desktop.domain.paper_outcome import PaperDocument
from ocop_desktop.ui.dossiers import ops
from ocop_desktop.ui.dossiers.action_dialog import ActionDialog
from ocop_desktop.ui.dossiers.paper_dialog import PaperOutcomeDialog
from ocop_desktop.ui.dossiers.send_flow import SendFlow
from ocop_desktop.ui.dossiers.send_jobs import Sent, record_paper
from ocop_desktop.ui.dossiers.session import DossierSession
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.dialogs import forget
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.tasks import Task, run_task


class ActionRunner(QObject):
    """Signals:
    problems(str, object): the action (its label) was refused: {field key: message}.
    performed(object): the action was done; `ops.ActionResult` (the session has its record).
    """

    problems = Signal(str, object)
    performed = Signal(object)

    def __init__(self, session: DossierSession, save_pending: Callable[[], object], parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self._save_pending = save_pending
        self._parent = parent
        self.dialog: ActionDialog | PaperOutcomeDialog | None = None
        self.task: Task | None = None
        self.send_flow: SendFlow | None = None

    def request(self, action: str) -> None:
        """The button of `action` was pressed."""
        if action == Action.SEND.value:
            self.send()
            return
        if ActionDialog.needed(action):
            dialog = ActionDialog(
                action,
                lambda note, on: self.perform(action, note, on),
                today=ops.today(self.session.ctx),
                parent=self._parent,
            )
            dialog.finished.connect(dialog.deleteLater)
            dialog.finished.connect(lambda _result: forget(self, "dialog", dialog))
            self.dialog = dialog
            dialog.open()
            return
        self.dialog = None
        self.perform(action, "", None)

    def send(self) -> SendFlow | None:
        """Confirm, write the package, and only then mark the dossier sent (one flow at a time)."""
        if self.send_flow is not None or self.task is not None:
            return None
        self._save_pending()
        flow = SendFlow(self.session, self._parent)
        flow.sent.connect(self._sent)
        flow.ended.connect(flow.deleteLater)
        flow.ended.connect(lambda: forget(self, "send_flow", flow))
        self.send_flow = flow
        flow.start()
        return flow

    def _sent(self, sent: Sent) -> None:
        self.performed.emit(sent.action)

    def request_paper(self) -> PaperOutcomeDialog:
        """ "Ghi nhận kết quả tỉnh gửi bằng văn bản…" was pressed."""
        detail = self.session.detail
        dialog = PaperOutcomeDialog(
            detail.row.product_name,
            detail.row.status,
            detail.paper_outcomes,
            self.record_paper,
            today=ops.today(self.session.ctx),
            parent=self._parent,
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: forget(self, "dialog", dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def record_paper(self, outcome: str, document: PaperDocument) -> Task | None:
        if self.task is not None:
            return None
        self._save_pending()
        self.task = run_task(
            record_paper,
            self.session.ctx,
            self.session.dossier_id,
            outcome,
            document,
            self.session.revision,
            on_done=self._done,
            on_error=lambda exc: self._refused(label_text(Action(outcome).label), exc),
            writes_db=True,
            parent=self,
        )
        self.task.finished.connect(self._ended)
        return self.task

    def perform(self, action: str, note: str, on: date | None) -> Task | None:
        """Save what is pending, then run the action in the background (one at a time)."""
        if self.task is not None:
            return None
        self._save_pending()
        session = self.session
        self.task = run_task(
            ops.act,
            session.ctx,
            session.dossier_id,
            action,
            note,
            on,
            session.revision,
            on_done=self._done,
            on_error=lambda exc: self._refused(label_text(Action(action).label), exc),
            writes_db=True,
            parent=self,
        )
        self.task.finished.connect(self._ended)
        return self.task

    def _done(self, result: ops.ActionResult) -> None:
        self.session.adopt(result.detail)
        self.performed.emit(result)
        if self.dialog is not None:
            self.dialog.accept()

    def _refused(self, label: str, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.problems.emit(label, dict(exc.fields))
            told = dict(exc.fields)
        elif isinstance(exc, UserError):
            if isinstance(exc, ConflictError):
                self.session.reload()
            errors.show_error(exc, self._parent)
            told = {"": exc.message}
        else:
            errors.show_error(exc, self._parent)
            return
        if self.dialog is not None:
            self.dialog.refused(told)

    def _ended(self) -> None:
        self.task = None
