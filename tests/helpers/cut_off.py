"""What a reader cannot read in a shown window: a wrapped text squeezed below the height its lines need,
a one-line text or a button narrower than its text. Used by the UI tests of dialogs that grow while open
and by the dialog sweep (helpers.dialog_sweep)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

SLACK = 2  # pixels: rounding in the layouts


def cut_off(window: QWidget) -> list[str]:
    """One line per text that does not fit, naming it; [] when everything can be read."""
    out = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text() or label.pixmap() is not None and not label.text():
            continue
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + SLACK:
                out.append(f"wrapped text cut ({label.height()} of {need} px): {label.text()[:60]!r}")
        elif label.sizeHint().width() > label.width() + SLACK and label.minimumWidth() == 0:
            out.append(f"text cut ({label.width()} of {label.sizeHint().width()} px): {label.text()[:60]!r}")
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.sizeHint().width() > button.width() + SLACK:
            out.append(f"button cut ({button.width()} of {button.sizeHint().width()} px): {button.text()!r}")
    return out
