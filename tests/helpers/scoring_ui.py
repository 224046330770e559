"""What the score-sheet editor tests share: the official sheets, a dossier to score, and clicking
options and check boxes the way a person does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from helpers.builders import TODAY, make_product
from ocop_desktop.domain.rules.model import Sheet
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.ui.scoring import ScoreSheetEditor

Open = Callable[..., ScoreSheetEditor]  # the `open_editor` fixture (tests/ui/scoring/conftest.py)
TypeUnicode = Callable[[QWidget, str], None]


def sheet_of(n: int) -> Sheet:
    return RuleService().sheet(n)


def dossier(ctx: AppContext, product_set: int) -> str:
    return DossierService(ctx, today=TODAY).create(make_product(ctx, product_set), "first").row.id


def activate(qtbot: QtBot, editor: ScoreSheetEditor) -> None:
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its indicator (its click area ends with its text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def click(qtbot: QtBot, editor: ScoreSheetEditor, code: str, index: int) -> None:
    button = next(b for b in editor.card_by_code[code].options if b.option.index == index)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def checked(editor: ScoreSheetEditor, code: str) -> list[int]:
    return [b.option.index for b in editor.card_by_code[code].options if b.isChecked()]
