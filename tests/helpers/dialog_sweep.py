"""A pytest plugin that photographs every dialog the UI tests open, in one language (issue 15's "screenshots
of every page and dialog … no English in Vietnamese mode"). Not part of the suite; run by
benchmarks/shots/dialog_sweep.sh:

    OCOP_SWEEP_DIR=/tmp/sweep OCOP_SWEEP_LANG=en uv run pytest tests/ui -p helpers.dialog_sweep -q

Each top-level dialog or message box is grabbed once per (class, window title) the first time it is shown,
on a 1366×768 backdrop, and its texts are checked: in Vietnamese, a button, title, tab, group or label made
only of common English interface words is reported; in English, one with Vietnamese letters (the record's
own data in tables and fields is not looked at). The findings go to OCOP_SWEEP_DIR/findings.json."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from helpers.cut_off import cut_off

OUT = Path(os.environ.get("OCOP_SWEEP_DIR", "/tmp/ocop-dialog-sweep"))
LANG = os.environ.get("OCOP_SWEEP_LANG", "vi")
ENGLISH = frozenset(
    "ok cancel close save open yes apply help error warning file files folder browse reset discard "
    "retry ignore abort back next finish the and of select all none name size type date modified "
    "look in directory print preview page settings".split()
)
VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]")


def _texts(dialog: QWidget) -> list[tuple[str, str]]:
    """(kind, text) of the interface texts (not data) a reader sees in `dialog`."""
    out = [("title", dialog.windowTitle())]
    for b in dialog.findChildren(QAbstractButton):
        if b.isVisible():
            out.append(("button", b.text().replace("&", "")))
    for g in dialog.findChildren(QGroupBox):
        if g.isVisible():
            out.append(("group", g.title()))
    for t in dialog.findChildren(QTabWidget):
        out += [("tab", t.tabText(i)) for i in range(t.count())]
    if isinstance(dialog, QMessageBox):
        out.append(("message", dialog.text()))
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            out.append(("label", label.text().replace("&", "")))
    return [(k, t.strip()) for k, t in out if t and t.strip()]


def _problem(text: str) -> bool:
    if LANG == "vi":
        words = re.findall(r"[A-Za-z]+", text)
        return bool(words) and not VIETNAMESE.search(text) and all(w.lower() in ENGLISH for w in words)
    return bool(VIETNAMESE.search(text))


class _Sweep(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()
        self.findings: list[dict[str, Any]] = []
        self.test = ""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.Show
            and isinstance(obj, QWidget)
            and obj.isWindow()
            and obj.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
        ):
            QTimer.singleShot(0, lambda d=obj: self._grab(d))
        return False

    def _grab(self, dialog: QWidget) -> None:
        try:
            key = f"{type(dialog).__name__}|{dialog.windowTitle()}"
            if key in self.seen or not dialog.isVisible():
                return
        except RuntimeError:  # deleted already
            return
        self.seen.add(key)
        name = re.sub(r"[^A-Za-z0-9]+", "-", f"{type(dialog).__name__}-{dialog.windowTitle()}")[:80]
        path = OUT / f"{len(self.seen):03d}-{name}.png"
        backdrop = QPixmap(1366, 768)
        backdrop.fill(QColor("#d8dde3"))
        shot = dialog.grab()
        painter = QPainter(backdrop)
        painter.drawPixmap(max(0, (1366 - shot.width()) // 2), max(0, (768 - shot.height()) // 3), shot)
        painter.end()
        backdrop.save(str(path))
        for kind, text in _texts(dialog):
            if _problem(text):
                self.findings.append({"dialog": key, "kind": kind, "text": text, "test": self.test})
        for problem in cut_off(dialog):
            self.findings.append({"dialog": key, "kind": "cut", "text": problem, "test": self.test})
        size = dialog.frameGeometry().size()
        if isinstance(dialog, QDialog) and (size.width() > 1366 or size.height() > 768):
            self.findings.append({"dialog": key, "kind": "size", "text": f"{size.width()}×{size.height()}"})


_sweep = _Sweep()


@pytest.fixture(autouse=True)
def _dialog_sweep(request: pytest.FixtureRequest) -> None:
    app = QApplication.instance()
    if app is None:
        return
    from ocop_desktop.ui.kit import i18n

    if not getattr(i18n, "_swept", False):  # every later call installs the sweep's language instead
        original = i18n.install_language

        def forced(_language: str) -> str:
            return original(LANG)

        for module in list(sys.modules.values()):
            if getattr(module, "install_language", None) is original:
                module.install_language = forced  # type: ignore[union-attr]
        i18n._swept = True  # type: ignore[attr-defined]
        original(LANG)
    if not getattr(app, "_ocop_sweep", False):
        app.installEventFilter(_sweep)
        app._ocop_sweep = True  # type: ignore[attr-defined]
    _sweep.test = request.node.nodeid


def pytest_sessionstart(session: pytest.Session) -> None:
    OUT.mkdir(parents=True, exist_ok=True)


def pytest_sessionfinish(session: pytest.Session) -> None:
    (OUT / "findings.json").write_text(
        json.dumps(
            {"language": LANG, "dialogs": sorted(_sweep.seen), "findings": _sweep.findings},
            ensure_ascii=False,
            indent=1,
        )
    )
