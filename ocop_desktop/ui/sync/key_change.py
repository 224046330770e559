"""The key change of a known office in the import preview ("Thay khóa của …"): never a new office.

The old and the new fingerprints side by side, what differs, and a field where the officer types
the OLD fingerprint to acknowledge that this is a key change (docs/sync-package.md §5): the
ordinary "the digits match" box alone never applies it. Keyboard-friendly: the field takes the
digits with any separators, and Enter applies once both confirmations are there."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ocop_desktop.ocoppkg.keys import normalise_readable
from ocop_desktop.services.sync.types import KeyChange
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.sync.widgets import Fingerprint


class KeyChangePanel(QWidget):
    """Signals: changed(): the typed old fingerprint became right or wrong."""

    changed = Signal()

    def __init__(self, change: KeyChange, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.change = change
        self.heading = Banner(self, "error")
        self.heading.show_text(
            self.tr("Thay khóa của “%1” — không phải cơ quan mới.").replace("%1", change.office_name)
            + "\n"
            + self.tr(
                "Máy này đã tin cậy “%1” với một khóa khác. Chỉ áp dụng khi cơ quan đó xác nhận qua "
                "điện thoại là đã thay khóa (máy bị mất, cài lại) hoặc đổi tên; nếu không, đây có thể "
                "là gói giả mạo: hãy hủy."
            ).replace("%1", change.office_name)
        )
        self.old = Fingerprint(self, scale=1.3)
        self.old.set_fingerprint(change.old_fingerprint)
        self.new = Fingerprint(self, scale=1.3)
        self.new.set_fingerprint(change.new_fingerprint)
        self.differences = QLabel("\n".join(f"• {d}" for d in change.differences), self)
        self.differences.setWordWrap(True)
        self.typed = QLineEdit(self)
        self.typed.setPlaceholderText("00000 00000 00000 00000 00000 00000")
        self.typed.setAccessibleName(self.tr("Dấu vân tay cũ, gõ để xác nhận thay khóa"))
        self.typed.textChanged.connect(lambda _t: self._check())
        self.status = QLabel(self)
        self.form = form = QFormLayout()
        form.addRow(self.tr("Dấu vân tay cũ (thôi được tin cậy):"), self.old)
        form.addRow(self.tr("Dấu vân tay mới (so sánh qua điện thoại):"), self.new)
        form.addRow(self.tr("Khác nhau:"), self.differences)
        prompt = QLabel(self.tr("&Gõ dấu vân tay CŨ để xác nhận thay khóa:"), self)
        prompt.setBuddy(self.typed)
        form.addRow(prompt, self.typed)
        form.addRow("", self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        self._ok = False
        self._check()

    def confirm_with(self, box: QWidget) -> None:
        """The dialog's "the NEW digits match" box, placed between the fingerprints and the field
        for the old one: the order in which the officer works (and Tab moves)."""
        self.form.insertRow(self.form.rowCount() - 2, "", box)

    def acknowledged(self) -> str | None:
        """The old fingerprint as typed (normalised) once it matches, else None."""
        return self.change.old_fingerprint if self._ok else None

    def _check(self) -> None:
        text = self.typed.text()
        ok = bool(self.change.old_fingerprint) and normalise_readable(text) == self.change.old_fingerprint
        if not text.strip():
            self.status.setText("")
        elif ok:
            self.status.setText(self.tr("Đúng dấu vân tay cũ."))
        else:
            self.status.setText(self.tr("Chưa khớp dấu vân tay cũ."))
        if ok != self._ok:
            self._ok = ok
            self.changed.emit()
