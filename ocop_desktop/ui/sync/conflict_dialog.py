"""A conflict kept for review, side by side: what differs between this machine's copy of the part
and the version that came in, then “Giữ bản trên máy” or “Nhận bản gửi đến” (through the service)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.sync.conflicts import ConflictRow
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.formatting import local_time
from ocop_desktop.ui.kit.style import INFO_FILL, WARN_FILL
from ocop_desktop.ui.sync.conflict_labels import path_label, section_label, value_text
from ocop_desktop.ui.sync.jobs import Versions

META = {"revision", "created_at", "updated_at", "updated_by_office_id", "updated_by_officer_id", "search_key"}
MINE, THEIRS = INFO_FILL, WARN_FILL  # the two versions, as the preview colours new and stale rows


def section(data: dict[str, Any], name: str) -> Any:
    if name.startswith("forms."):
        return (data.get("dossier") or {}).get("forms", {}).get(name.removeprefix("forms."))
    return data.get(name)


def flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """Leaves of a JSON value by a readable path; list items are named by key/filename/code."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in META:
                out.update(flatten(v, f"{prefix}.{k}" if prefix else str(k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            name = next(
                (
                    str(v[k])
                    for k in ("key", "filename", "code", "decision_number")
                    if isinstance(v, dict) and v.get(k)
                ),
                str(i + 1),
            )
            out.update(flatten(v, f"{prefix}[{name}]"))
    else:
        out[prefix or "—"] = "" if value is None else str(value)
    return out


def differing(versions: Versions) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Per differing section: (path, mine, theirs) of every leaf that is not the same."""
    out = []
    for name in versions.differences:
        mine, theirs = flatten(section(versions.local, name)), flatten(section(versions.incoming, name))
        lines = [
            (path, mine.get(path, ""), theirs.get(path, ""))
            for path in sorted(set(mine) | set(theirs))
            if mine.get(path, "") != theirs.get(path, "")
        ]
        if lines:
            out.append((name, lines))
    return out


class ConflictDialog(QDialog):
    """Signals: resolve(str): "keep_local" or "take_incoming" was chosen."""

    resolve = Signal(str)

    def __init__(self, conflict: ConflictRow, versions: Versions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(self.tr("Xung đột: %1").replace("%1", conflict.product_name))
        self.resize(980, 620)
        head = QLabel(self)
        head.setWordWrap(True)
        head.setText(
            self.tr(
                "Bản gửi đến từ <b>%1</b> (phiên bản %2) lúc %3 không được ghi đè lên bản trên máy này "
                "(phiên bản %4)."
            )
            .replace("%1", conflict.peer_name)
            .replace("%2", str(conflict.incoming_version))
            .replace("%3", local_time(conflict.detected_at))
            .replace("%4", str(conflict.local_version))
        )
        reason = Banner(self, "warn")
        reason.show_text(conflict.message)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Mục"), self.tr("Trên máy này"), self.tr("Bản gửi đến")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 260)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.sections = differing(versions)
        self._fill()
        buttons = QDialogButtonBox(self)
        self.keep_button = buttons.addButton(
            self.tr("Giữ bản trên máy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.take_button = buttons.addButton(
            self.tr("Nhận bản gửi đến"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(self.tr("Để sau"), QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.clicked.connect(lambda: self._choose("keep_local"))
        self.take_button.clicked.connect(lambda: self._choose("take_incoming"))
        buttons.rejected.connect(self.reject)
        hint = QLabel(
            self.tr(
                "“Giữ bản trên máy”: bản gửi đến được đánh dấu là đã xem, không ghi gì. "
                "“Nhận bản gửi đến”: bản gửi đến được ghi như một lần cập nhật."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(reason)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _fill(self) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        rows = 0
        for name, lines in self.sections:
            self.table.insertRow(rows)
            item = QTableWidgetItem(section_label(name))
            item.setToolTip(name)
            item.setFont(bold)
            self.table.setItem(rows, 0, item)
            self.table.setSpan(rows, 0, 1, 3)
            rows += 1
            for path, mine, theirs in lines:
                self.table.insertRow(rows)
                shown = (
                    (path_label(name, path), None),
                    (value_text(path, mine), MINE),
                    (value_text(path, theirs), THEIRS),
                )
                for col, (text, colour) in enumerate(shown):
                    cell = QTableWidgetItem(text)
                    cell.setToolTip(path if col == 0 else text)  # the package's own key, for support
                    if colour is not None:
                        cell.setBackground(QBrush(colour))
                    self.table.setItem(rows, col, cell)
                rows += 1
        if not rows:
            self.table.insertRow(0)
            self.table.setItem(
                0,
                0,
                QTableWidgetItem(self.tr("Không còn khác biệt nào (bản trên máy đã giống bản gửi đến).")),
            )
            self.table.setSpan(0, 0, 1, 3)

    def _choose(self, resolution: str) -> None:
        self.keep_button.setEnabled(False)
        self.take_button.setEnabled(False)
        self.resolve.emit(resolution)
