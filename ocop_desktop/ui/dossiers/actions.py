"""Running the dossier's lifecycle actions and evidence links from the editor: ask what an
action needs, run it, and when the service refuses, put each message where it belongs (under
the form field, on the checklist, in the banner) so the officer can fix it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ocop_desktop.domain.dossiers import Action
from ocop_desktop.domain.errors import ConflictError, UserError, ValidationError
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.evidence import AttachmentRow
from ocop_desktop.ui.dossiers.action_dialog import ActionDialog
from ocop_desktop.ui.dossiers.evidence_link_dialog import EvidenceLinkDialog
from ocop_desktop.ui.kit import errors

if TYPE_CHECKING:
    from ocop_desktop.ui.dossiers.editor import DossierEditor

MAX_LINES = 8


class ActionRunner(QObject):
    def __init__(self, editor: DossierEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.dialog: ActionDialog | None = None
        self.link_dialog: EvidenceLinkDialog | None = None

    def request(self, action: str) -> None:
        """The button of `action` was pressed."""
        if ActionDialog.needed(action):
            dialog = ActionDialog(
                action,
                lambda note, on: self.perform(action, note, on),
                today=self.editor.session.service.today(),
                parent=self.editor,
            )
            dialog.finished.connect(dialog.deleteLater)
            self.dialog = dialog
            dialog.open()
            return
        self.perform(action, "", None)

    def perform(self, action: str, note: str, on: date | None) -> dict[str, str] | None:
        """Run the action; the problems when the service refused it (None when done)."""
        editor = self.editor
        editor.save_now()
        label = Action(action).label
        try:
            editor.session.act(action, note=note, on=on)
        except ValidationError as exc:
            self.show_problems(label, exc.fields)
            return dict(exc.fields)
        except ConflictError as exc:
            errors.show_error(exc, editor)
            return {"": exc.message}
        except UserError as exc:
            errors.show_error(exc, editor)
            return {"": exc.message}
        editor.problems.hide()
        for form in editor.forms.values():
            form.clear_problems()
            editor._mark_tab(form.section.key)
        editor.checklist.reload()
        editor.changed.emit(editor.session.dossier_id)
        return None

    def show_problems(self, label: str, fields: dict[str, str]) -> None:
        """Messages under their fields and a banner listing them all."""
        editor = self.editor
        by_section: dict[str, dict[str, str]] = {}
        for key, text in fields.items():
            section, _, field = key.partition(".")
            if section in editor.forms and field:
                by_section.setdefault(section, {})[field] = text
        for section, problems in by_section.items():
            editor.forms[section].show_problems(problems)
            editor._mark_tab(section)
        lines = [f"• {text}" for text in fields.values()]
        if len(lines) > MAX_LINES:
            lines = [*lines[:MAX_LINES], self.tr("… và %n vấn đề khác.", "", len(lines) - MAX_LINES)]
        editor.problems.setText(self.tr("Chưa thể “%1”:").replace("%1", label) + "\n" + "\n".join(lines))
        editor.problems.show()

    # -- evidence links -----------------------------------------------------------------------
    def link_evidence(self, row: AttachmentRow) -> None:
        editor = self.editor
        detail = editor.session.detail
        try:
            sheet = RuleService().get(detail.ruleset_id).sheet(detail.row.product_set)
            criteria = [(leaf.code, leaf.title) for leaf in sheet.leaves()]
        except UserError:
            criteria = []
        dialog = EvidenceLinkDialog(
            row.filename,
            list(editor.checklist.rows.values()),
            criteria,
            row.checklist_key,
            row.criteria,
            editor,
        )
        dialog.accepted.connect(lambda: self._save_link(row, dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.link_dialog = dialog
        dialog.open()

    def _save_link(self, row: AttachmentRow, dialog: EvidenceLinkDialog) -> None:
        try:
            self.editor.evidence.service.link(
                row.id, checklist_key=dialog.checklist_key(), criteria=dialog.chosen_criteria()
            )
        except UserError as exc:
            errors.show_error(exc, self.editor)
            return
        self.editor.evidence.reload()
        self.editor.evidence.changed.emit()
