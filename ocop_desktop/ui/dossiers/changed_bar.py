"""A heads-up over an open dossier that another desk (or an imported package) changed it (issue 18):
"Hồ sơ vừa được <officer> cập nhật ở nơi khác" and "Tải lại". Not modal: the officer finishes the
sentence first. Saving over the change is already refused (the revision check, `session.py`); the
bar says so before it happens. "Tải lại" saves what is typed (typed over the old revision, it is
refused with what was lost, and the dossier is read again, as on any conflict), then reads every tab
again in the background."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ocop_desktop.ui.dossiers import ops
from ocop_desktop.ui.kit.style import BANNER_STYLES
from ocop_desktop.ui.kit.tasks import Task, run_task

# The editor is `Any` here: it owns the bar, and naming its class would make an import cycle.


class ChangedElsewhereBar(QFrame):
    """Signals: reloadRequested(): "Tải lại" was clicked."""

    reloadRequested = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changed_elsewhere")
        self.setStyleSheet(f"QFrame#changed_elsewhere {{{BANNER_STYLES['info']}}}")
        self.who = ""
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.reload_button = QPushButton(self)
        self.reload_button.clicked.connect(self.reloadRequested)
        self.later_button = QPushButton(self)
        self.later_button.setFlat(True)
        self.later_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.reload_button)
        row.addWidget(self.later_button)
        self.retranslate()
        self.hide()

    def notice(self, who: str) -> None:
        """Another desk changed the dossier (`who`: the officer's name, "" when unknown). No focus taken."""
        self.who = who
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.label.setText(
            self.tr("Hồ sơ vừa được %1 cập nhật ở nơi khác.").replace("%1", self.who)
            if self.who
            else self.tr("Hồ sơ vừa được cập nhật ở nơi khác.")
        )
        self.reload_button.setText(self.tr("Tải lại"))
        self.reload_button.setToolTip(self.tr("Lưu những gì đang gõ rồi đọc lại hồ sơ"))
        self.later_button.setText(self.tr("Để sau"))


def tell_editors(editors: Mapping[str, Any], changed: Mapping[str, str]) -> None:
    """Show the bar on every open dossier that another desk changed (`changed`: id -> who)."""
    for dossier_id, editor in editors.items():
        if dossier_id in changed and not editor.deleted:
            editor.changed_bar.notice(changed[dossier_id])


def reload_editor(editor: Any) -> Task | None:
    """Save what is typed, then read the whole dossier again (forms, checklist, evidence, sheet)."""
    if not editor.save_now():  # refused (a conflict already read it again and said what was lost)
        return None
    editor.changed_bar.hide()
    return run_task(
        ops.open_dossier,
        editor.ctx,
        editor.session.dossier_id,
        on_done=lambda data: _adopt(editor, data),
        parent=editor,
    )


def _adopt(editor: Any, data: ops.EditorData) -> None:
    editor.data = data
    editor.adopt(data.detail)  # shown, and the list told
    editor.checklist.show_view(data.checklist)
    editor.header.show_completeness(data.checklist.completeness)
    if editor.evidence.task is None:  # files being added: their own end shows the list
        editor.evidence.show_view(data.evidence)
        editor.checklist.set_file_counts(editor.evidence.file_counts())
    editor.self_assessment.reload()
