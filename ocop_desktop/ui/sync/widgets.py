"""Small pieces of the sync page (and of the evaluation page's laptop enrolment): the key
fingerprint in big digits, ages and sizes, and where package files are asked for (tests replace
`ask_*`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QWidget

from ocop_desktop.ui.kit.style import KEY_FILL, KEY_FRAME

translate = QCoreApplication.translate

PACKAGE_FILTER = "*.ocoppkg"


class Fingerprint(QFrame):
    """Thirty digits in six groups of five, large and monospaced, to read aloud over the phone."""

    def __init__(self, parent: QWidget | None = None, scale: float = 1.9) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"Fingerprint {{ background:{KEY_FILL.name()}; border:1px solid {KEY_FRAME.name()}; "
            "border-radius:6px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(18)
        self.groups: list[QLabel] = []
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * scale)
        font.setWeight(QFont.Weight.DemiBold)
        layout.addStretch(1)
        for _ in range(6):
            label = QLabel(self)
            label.setFont(font)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            self.groups.append(label)
        layout.addStretch(1)
        self.setMinimumHeight(self.sizeHint().height())  # a cramped dialog must not clip the digits

    def set_fingerprint(self, readable: str) -> None:
        parts = readable.split()
        for i, label in enumerate(self.groups):
            label.setText(parts[i] if i < len(parts) else "")

    def text(self) -> str:
        return " ".join(g.text() for g in self.groups if g.text())


def age_days(value: datetime, now: datetime | None = None) -> int:
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return max(((now or datetime.now(UTC)) - aware).days, 0)


def age_text(value: datetime, now: datetime | None = None) -> str:
    days = age_days(value, now)
    return (
        translate("SyncWidgets", "hôm nay")
        if days == 0
        else translate("SyncWidgets", "%1 ngày").replace("%1", str(days))
    )


def size_text(n: int) -> str:
    return f"{n / (1 << 20):.1f} MB".replace(".", ",") if n >= 1 << 20 else f"{max(n, 0) / 1024:.0f} KB"


def ask_open_package(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        translate("SyncWidgets", "Chọn gói đồng bộ"),
        str(Path.home()),
        translate("SyncWidgets", "Gói đồng bộ OCOP (%1);;Mọi tệp (*)").replace("%1", PACKAGE_FILTER),
    )
    return Path(name) if name else None


def ask_save_package(parent: QWidget | None, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("SyncWidgets", "Lưu gói đồng bộ"),
        str(Path.home() / suggested),
        translate("SyncWidgets", "Gói đồng bộ OCOP (%1)").replace("%1", PACKAGE_FILTER),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix == ".ocoppkg" else path.with_name(path.name + ".ocoppkg")
