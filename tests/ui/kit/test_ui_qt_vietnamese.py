"""Qt's own texts in Vietnamese: the text-field menu, standard buttons, the non-native file dialog
and the wizard's buttons come from `qtbase_vi.qm`, installed with the Vietnamese language; the
committed `.qm` is the compiled `.ts`."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWizard,
    QWizardPage,
)

from ocop_desktop.paths import resource
from ocop_desktop.ui.kit.i18n import install_language


@pytest.fixture(autouse=True)
def vietnamese() -> Iterator[None]:
    assert install_language("vi") == "vi"
    yield
    install_language("vi")


def test_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    if not tool.exists():
        pytest.skip("pyside6-lrelease not installed")
    out = tmp_path / "qtbase_vi.qm"
    ts = resource("translations/qtbase_vi.ts")
    subprocess.run([str(tool), "-silent", str(ts), "-qm", str(out)], check=True)
    assert out.read_bytes() == resource("translations/qtbase_vi.qm").read_bytes()


def test_line_edit_context_menu_is_vietnamese(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = QLineEdit("Cà phê Ea Tu")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert texts[:7] == ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]
    menu.deleteLater()


def test_standard_buttons_are_vietnamese(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Ok)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Đóng"
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
    message = QMessageBox(QMessageBox.Icon.Question, "t", "Có lưu không?")
    message.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    message.setDetailedText("chi tiết")
    qtbot.addWidget(message)
    texts = {b.text() for b in message.buttons()}
    assert {"&Có", "&Không", "Xem chi tiết..."} <= texts


def test_non_native_file_dialog_is_vietnamese(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None, "Chọn tệp", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {w.text() for w in dialog.findChildren(QLabel)}
    assert {"&Tìm trong:", "Tên &tệp:", "&Loại tệp:"} <= labels
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert {"&Mở", "Hủy"} <= buttons
    tool_tips = {b.toolTip() for b in dialog.findChildren(QToolButton)}
    wanted = {"Lùi lại", "Tiến tới", "Thư mục cha", "Tạo thư mục mới", "Dạng danh sách", "Dạng chi tiết"}
    assert wanted <= tool_tips


def test_wizard_buttons_are_vietnamese(qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = QWizard()
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Tiếp >"
    assert wizard.button(QWizard.WizardButton.BackButton).text() == "< &Quay lại"
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Hủy"
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "&Hoàn tất"


def test_english_mode_leaves_qt_in_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    install_language("en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Close"


def test_clear_button_is_named_in_the_interface_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction

    from ocop_desktop.ui.kit.clear_button import CLEAR_ACTION, with_clear_button

    edit = with_clear_button(QLineEdit("ca phe"))
    qtbot.addWidget(edit)
    action = edit.findChild(QAction, CLEAR_ACTION)
    assert action is not None
    assert action.toolTip() == "Xóa chữ đã gõ"
    install_language("en")
    qtbot.waitUntil(lambda: action.toolTip() == "Clear the text")
