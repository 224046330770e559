"""The three faces of "Gửi hồ sơ lên tỉnh" (run by `send_flow.SendFlow`):

- `SendConfirmDialog`: what will happen and where the package file goes, before anything is done;
- `SentDialog`: where the file is, and that it still has to travel (USB stick, e-mail);
- `TrustGuideDialog`: when no province is trusted here yet, what to do first, step by step, with the
  enrollment pack exported right there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.dossiers import Status
from ocop_desktop.services.sync.outgoing import ExportResult
from ocop_desktop.ui.dossiers.send_jobs import SendPlan
from ocop_desktop.ui.kit import system_open
from ocop_desktop.ui.kit.banner import Banner
from ocop_desktop.ui.kit.style import bold
from ocop_desktop.ui.sync.widgets import Fingerprint

SENT_LABEL = Status.SENT.label
# The dialogs keep one width and fit their height to it (`adjustSize`, again when a line is added):
# a window does not re-measure its wrapped labels by itself, and would clip or pad them.
WIDTH = 720


def _text(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _steps(texts: list[str], parent: QWidget) -> QLabel:
    """Numbered steps, one paragraph each."""
    items = "".join(f"<li style='margin-bottom:6px'>{t}</li>" for t in texts)
    label = QLabel(f"<ol style='margin-top:0px; margin-bottom:0px; -qt-list-indent:1'>{items}</ol>", parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def _fit(dialog: QDialog) -> None:
    """Height for the fixed width. The layout's minimum is measured with every wrapped label at its
    narrowest (tall), which would pad the window: the window is sized from the real width instead."""
    layout = dialog.layout()
    assert layout is not None
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    layout.activate()
    height = layout.heightForWidth(WIDTH) if layout.hasHeightForWidth() else layout.sizeHint().height()
    dialog.resize(WIDTH, max(height, layout.sizeHint().height() if height < 0 else height))


class Where(QWidget):
    """Where a package file is: its folder (long, so in a field that scrolls) and its name (in full)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path()
        self.folder = QLineEdit(self)
        self.folder.setReadOnly(True)
        self.name = bold(QLabel(self))
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.addWidget(QLabel(self.tr("Thư mục:"), self), 0, 0)
        self.grid.addWidget(self.folder, 0, 1)
        self.grid.addWidget(QLabel(self.tr("Tên tệp:"), self), 1, 0)
        self.grid.addWidget(self.name, 1, 1, 1, 2)
        self.grid.setColumnStretch(1, 1)

    def show_path(self, path: Path) -> None:
        self.path = path
        self.folder.setText(str(path.parent))
        self.folder.setCursorPosition(0)
        self.name.setText(path.name)


class SendConfirmDialog(QDialog):
    """Asks before sending. `target()` is where the package will be written; "Chọn nơi khác…" asks
    `choose_target(suggested)` (a save-file dialog) for another place."""

    def __init__(
        self,
        plan: SendPlan,
        target: Path,
        choose_target: Callable[[QWidget, str], Path | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self._choose = choose_target
        self.setWindowTitle(self.tr("Gửi hồ sơ lên tỉnh"))
        self.setFixedWidth(WIDTH)
        self.heading = heading = bold(
            _text(
                self.tr("Gửi hồ sơ “%1” cho %2")
                .replace("%1", plan.product_name)
                .replace("%2", plan.province_name),
                self,
            ),
            1.15,
        )
        crypt = (
            self.tr("Dữ liệu cá nhân trong hồ sơ được mã hóa, chỉ tỉnh đọc được.")
            if plan.encrypted
            else self.tr("Chưa có khóa mã hóa của tỉnh: dữ liệu cá nhân KHÔNG được mã hóa.")
        )
        steps = _steps(
            [
                self.tr(
                    "Ứng dụng ghi toàn bộ hồ sơ (Mẫu 01, Mẫu 02, phiếu tự đánh giá, Mẫu 03 và các tài liệu "
                    "minh chứng tỉnh chưa có) vào <b>một tệp gói đồng bộ (.ocoppkg) có chữ ký số</b> của xã. "
                )
                + crypt,
                self.tr(
                    "Chỉ khi tệp gói đã được ghi xong, hồ sơ mới chuyển sang “%1” và không sửa được nữa. "
                    "Nếu bạn hủy trong lúc ghi, không có gì thay đổi."
                ).replace("%1", SENT_LABEL),
                self.tr(
                    "Tệp gói <b>không tự đến tỉnh</b>: sau khi ghi, hãy chép tệp vào USB hoặc đính kèm "
                    "e-mail gửi cho tỉnh."
                ),
            ],
            self,
        )
        self.where = Where(self)
        self.where.show_path(target)
        self.change_button = QPushButton(self.tr("Chọn nơi khác…"), self)
        self.change_button.clicked.connect(self._change)
        self.where.grid.addWidget(self.change_button, 0, 2)
        buttons = QDialogButtonBox(self)
        self.send_button = buttons.addButton(
            self.tr("Ghi gói và gửi"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.send_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(steps)
        layout.addWidget(self.where)
        layout.addWidget(buttons)
        self.send_button.setFocus()
        _fit(self)

    def target(self) -> Path:
        return self.where.path

    def _change(self) -> None:
        chosen = self._choose(self, self.target().name)
        if chosen is not None:
            self.where.show_path(chosen)


class SentDialog(QDialog):
    """The package is written and the dossier is "sent": where the file is, and what to do with it."""

    def __init__(self, result: ExportResult, product_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.package = result
        self.setWindowTitle(self.tr("Đã ghi gói gửi tỉnh"))
        self.setFixedWidth(WIDTH)
        done = _text(
            self.tr("Hồ sơ “%1” đã được ghi vào gói số %2 gửi %3 và chuyển sang “%4”.")
            .replace("%1", product_name)
            .replace("%2", str(result.sequence))
            .replace("%3", result.recipient_name)
            .replace("%4", SENT_LABEL),
            self,
        )
        bold(done, 1.1)
        self.where = Where(self)
        self.where.show_path(result.path)
        travel = Banner(self, "info")
        travel.show_text(
            self.tr(
                "Gói chưa đến tỉnh. Hãy chép tệp này vào USB hoặc đính kèm vào e-mail gửi %1. Khi tỉnh "
                "nhập gói, tỉnh gửi lại một biên nhận: nhập biên nhận đó ở trang Đồng bộ (“Nhập gói…”)."
            ).replace("%1", result.recipient_name)
        )
        crypt = _text(
            self.tr("Dữ liệu cá nhân được mã hóa cho tỉnh.")
            if result.encrypted
            else self.tr("Chưa có khóa mã hóa của tỉnh: dữ liệu cá nhân KHÔNG được mã hóa."),
            self,
        )
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(
            self.tr("Mở thư mục chứa gói"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        self.open_button.clicked.connect(lambda: system_open.open_path(result.path.parent))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(done)
        layout.addWidget(self.where)
        layout.addWidget(travel)
        layout.addWidget(crypt)
        layout.addWidget(buttons)
        _fit(self)


class TrustGuideDialog(QDialog):
    """No province is trusted here yet: nothing was sent, and this is what to do first.

    Signals:
    enroll_requested(): "Xuất gói đăng ký…" was pressed; `show_enrolled(path)` says where it went.
    """

    enroll_requested = Signal()

    def __init__(self, plan: SendPlan, status_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chưa gửi được: tỉnh chưa được tin cậy"))
        self.setFixedWidth(WIDTH)
        self.enrolled_path: Path | None = None
        intro = _text(
            self.tr(
                "Máy này chưa nhận gói dữ liệu tham chiếu của tỉnh, nên chưa có khóa của tỉnh để gửi hồ sơ "
                "an toàn. Chưa có gì được gửi: hồ sơ vẫn ở trạng thái “%1”. Hãy làm lần lượt các bước sau "
                "(chỉ cần làm một lần cho máy này):"
            ).replace("%1", status_label),
            self,
        )
        first = _steps(
            [
                self.tr(
                    "<b>Xuất gói đăng ký của xã</b> (nút “Xuất gói đăng ký…” bên dưới) và gửi tệp đó cho "
                    "Văn phòng OCOP tỉnh qua USB hoặc e-mail."
                ),
                self.tr(
                    "<b>Gọi điện cho tỉnh và đọc dấu vân tay khóa của xã</b> dưới đây, để cán bộ tỉnh so "
                    "khớp khi nhập gói đăng ký:"
                ),
            ],
            self,
        )
        self.fingerprint = Fingerprint(self, scale=1.5)
        self.fingerprint.set_fingerprint(plan.fingerprint)
        then = _steps(
            [
                self.tr(
                    "<b>Chờ tỉnh gửi lại gói dữ liệu tham chiếu.</b> Nhập gói đó ở trang Đồng bộ → "
                    "“Nhập gói…”, và gõ dấu vân tay của tỉnh do cán bộ tỉnh đọc qua điện thoại."
                ),
                self.tr("Mở lại hồ sơ này và bấm “Gửi hồ sơ lên tỉnh”."),
            ],
            self,
        )
        then.setText(then.text().replace("<ol ", "<ol start='3' "))
        self.enrolled = Banner(self, "ok")
        buttons = QDialogButtonBox(self)
        self.enroll_button = buttons.addButton(
            self.tr("Xuất gói đăng ký…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button = buttons.addButton(
            self.tr("Mở thư mục chứa gói"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.hide()
        close = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        self.enroll_button.setDefault(True)
        self.enroll_button.clicked.connect(self.enroll_requested.emit)
        self.open_button.clicked.connect(self._open_folder)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(first)
        layout.addWidget(self.fingerprint)
        layout.addWidget(then)
        layout.addWidget(self.enrolled)
        layout.addWidget(buttons)
        _fit(self)

    def _open_folder(self) -> None:
        if self.enrolled_path is not None:
            system_open.open_path(self.enrolled_path.parent)

    def show_enrolled(self, path: Path) -> None:
        self.enrolled_path = path
        self.enrolled.show_text(
            self.tr(
                "Đã ghi gói đăng ký: %1\nHãy gửi tệp này cho tỉnh (bước 1), rồi gọi điện (bước 2)."
            ).replace("%1", str(path))
        )
        self.open_button.show()
        _fit(self)  # the wrapped steps keep their lines
