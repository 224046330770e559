"""Messages next to what they are about. A service refuses with `ValidationError.fields`,
{field key: message}; each message goes in a red line under its field, and what no field claims
(a cross-field rule, a refusal of the whole record) in one summary line above the form. Every form
of the application (the create/edit dialogs, the dossier's form sections, the lifecycle and
certificate dialogs, the first-run wizard) shows its problems through this one display."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from ocop_desktop.ui.kit.style import ERROR_STYLE


def message_label(style: str = ERROR_STYLE) -> QLabel:
    """A wrapped label for inline messages, hidden until it has something to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.hide()
    return label


def say(label: QLabel, text: str) -> None:
    """`text` in a message label; an empty text hides it."""
    label.setText(text)
    label.setVisible(bool(text))
    if text:
        grow_to_fit(label.window())


def grow_to_fit(window: QWidget) -> None:
    """Make a shown dialog tall enough for what it holds now. A dialog sizes itself once, when shown;
    a message or a progress line that appears later would otherwise squeeze the wrapped texts above
    it until their last lines are cut off."""
    box = window.layout()
    if not isinstance(window, QDialog) or box is None or not window.isVisible():
        return
    width = window.width()
    need = box.totalHeightForWidth(width) if box.hasHeightForWidth() else box.totalSizeHint().height()
    screen = window.screen().availableGeometry().height() if window.screen() else need
    if need > window.height():
        window.resize(width, min(need, screen))


class FieldMessages:
    """The message lines of one form. `label(key)` makes the line to place under field `key`;
    `summary` (optional) takes the messages no field claims."""

    def __init__(self, summary: QLabel | None = None) -> None:
        self.labels: dict[str, QLabel] = {}
        self.summary = summary

    def label(self, key: str) -> QLabel:
        """The message line of field `key` (made the first time), hidden until needed."""
        if key not in self.labels:
            self.labels[key] = message_label()
        return self.labels[key]

    def show(self, problems: Mapping[str, str], *, lead: str = "") -> list[str]:
        """Each message under its field, the others in the summary (after `lead`, which is shown
        even when every message found its field). Returns the messages no field claimed."""
        unplaced: list[str] = []
        for key, text in problems.items():
            label = self.labels.get(key)
            if label is None:
                unplaced.append(text)
            else:
                label.setText(text)
                label.show()
        lines = [lead, *unplaced] if lead else unplaced
        if self.summary is not None and lines:
            self.summary.setText("\n".join(lines))
            self.summary.show()
        return unplaced

    def clear(self, keys: Iterable[str] | None = None) -> None:
        """Hide the messages of `keys`; with no keys, every message and the summary."""
        for key in self.labels if keys is None else keys:
            label = self.labels.get(key)
            if label is not None and not label.isHidden():  # per keystroke: touch only what shows
                label.clear()
                label.hide()
        if keys is None and self.summary is not None:
            self.summary.hide()

    def text(self, key: str) -> str:
        """The message shown under field `key` ("" when none)."""
        label = self.labels[key]
        return label.text() if not label.isHidden() else ""

    def any_shown(self) -> bool:
        """Is a message showing under some field?"""
        return any(not label.isHidden() for label in self.labels.values())
