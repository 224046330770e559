"""The About dialog: name, version, where the data is kept, and the licence notes that the
bundled third-party parts (Qt/PySide6 under the LGPL, the fonts under the SIL OFL) require us
to show.

Usage (from the main window's Help menu)::

    AboutDialog(self, paths=self.ctx.paths).exec()
"""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QEvent, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import APP_NAME, __version__
from ocop_desktop.paths import AppPaths, resource, resources_root
from ocop_desktop.ui.kit import system_open

ICON = "icons/ocop-desktop.png"
ICON_SIZE = 64


class AboutDialog(QDialog):
    """Modal "About" box. `paths` defaults to the paths the application would use now
    (honours ``OCOP_DESKTOP_DATA_DIR``); pass the running context's paths when you have them."""

    def __init__(self, parent: QWidget | None = None, paths: AppPaths | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self._paths = paths or AppPaths.for_data_dir(None)

        self.icon = QLabel()
        pixmap = QPixmap(str(resource(ICON)))
        if not pixmap.isNull():
            self.icon.setPixmap(
                pixmap.scaled(
                    ICON_SIZE,
                    ICON_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.title = QLabel()
        self.title.setObjectName("aboutTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.version = QLabel()
        self.version.setObjectName("aboutVersion")
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.version)
        heading.addWidget(self.summary)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.data_dir = _path_label(self._paths.data_dir)
        self.data_dir.setObjectName("aboutDataDir")
        self.log_dir = _path_label(self._paths.log_dir)
        self.log_dir.setObjectName("aboutLogDir")
        self.data_note = QLabel()
        self.data_note.setWordWrap(True)
        self.open_data = QPushButton()
        self.open_data.clicked.connect(self.open_data_folder)
        self.data_dir_label = QLabel()
        self.log_dir_label = QLabel()
        self.folders = QFormLayout()
        self.folders.addRow(self.data_dir_label, self.data_dir)
        self.folders.addRow(self.log_dir_label, self.log_dir)

        self.licences = QLabel()
        self.licences.setObjectName("aboutLicences")
        self.licences.setWordWrap(True)
        self.licences.setTextFormat(Qt.TextFormat.RichText)
        self.licences.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.licences.setOpenExternalLinks(False)
        self.licences.linkActivated.connect(self._open_link)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(self.folders)
        layout.addWidget(self.data_note)
        layout.addWidget(self.open_data, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(8)
        layout.addWidget(self.licences)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._retranslate()

    # -- texts -----------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Giới thiệu %1").replace("%1", APP_NAME))
        self.title.setText(APP_NAME)
        self.version.setText(self.tr("Phiên bản %1").replace("%1", __version__))
        self.summary.setText(
            self.tr(
                "Chuẩn bị hồ sơ, chấm điểm và đồng bộ sản phẩm OCOP (Mỗi xã một sản phẩm), "
                "làm việc không cần Internet."
            )
        )
        self.data_dir_label.setText(self.tr("Thư mục dữ liệu:"))
        self.log_dir_label.setText(self.tr("Thư mục nhật ký:"))
        self.data_note.setText(
            self.tr("Dữ liệu nằm ngoài thư mục cài đặt: gỡ cài đặt hoặc cài bản mới không xóa dữ liệu.")
        )
        self.open_data.setText(self.tr("Mở thư mục dữ liệu"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        fonts_dir = resources_root() / "fonts"
        lines = [
            self.tr("%1 được phát hành theo giấy phép MIT.").replace("%1", APP_NAME),
            self.tr(
                "Giao diện dùng Qt %1 và PySide6 %2 (The Qt Company), theo giấy phép GNU LGPL "
                "phiên bản 3. Các thư viện Qt là những tệp riêng trong thư mục cài đặt và có thể "
                "được thay bằng bản khác tương thích; mã nguồn Qt và PySide6 được công bố tại qt.io."
            )
            .replace("%1", qVersion())
            .replace("%2", PySide6.__version__),
            self.tr(
                "Phông chữ Be Vietnam Pro và Liberation Serif: giấy phép SIL Open Font License 1.1 "
                '(<a href="%1">văn bản giấy phép</a>).'
            ).replace("%1", QUrl.fromLocalFile(str(fonts_dir)).toString()),
            self.tr(
                "Python %1 (giấy phép PSF); SQLAlchemy, Alembic, platformdirs, vietnam-provinces "
                "(MIT); ReportLab, Pillow (BSD); cryptography (Apache 2.0 hoặc BSD)."
            ).replace("%1", platform.python_version()),
        ]
        self.licences.setText("<p>" + "</p><p>".join(lines) + "</p>")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- actions ---------------------------------------------------------------------------------
    def open_data_folder(self) -> bool:
        self._paths.data_dir.mkdir(parents=True, exist_ok=True)
        return system_open.open_path(self._paths.data_dir)

    def _open_link(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))


def _path_label(path: Path) -> QLabel:
    label = QLabel(str(path))
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
