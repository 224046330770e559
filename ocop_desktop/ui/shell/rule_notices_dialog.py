"""For administrators: every correction and suspect value of the rule set in force, as the rule
file records them (`Sheet.notices`): which set, where on its sheet, what kind, why. The same notes
are marked on the score sheets, printed as footnotes and listed by `ocop-desktop rules suspects`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
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

from ocop_desktop.domain.rules.model import Notice, RuleSet


class RuleNoticesDialog(QDialog):
    def __init__(self, ruleset: RuleSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ruleset = ruleset
        self.notices: tuple[Notice, ...] = tuple(n for sheet in ruleset.sheets for n in sheet.notices)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(self.notices), 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # rows follow the text's wrapping at the table's real width (sized once before the dialog was
        # shown, the first row took the height of a 100-pixel column)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for row, n in enumerate(self.notices):
            for column, text in enumerate((str(n.set), n.where, "", n.text)):
                item = QTableWidgetItem(text)
                item.setToolTip(n.text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, column, item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1000, 520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Đính chính và giá trị nghi vấn của bộ tiêu chí"))
        self.intro.setText(
            self.tr(
                "Bộ tiêu chí %1 (mã băm %2…): %3 điểm khác hoặc đáng ngờ so với văn bản in. "
                "“Đã hiệu chỉnh”: phần mềm dùng giá trị đã sửa; “Giá trị nghi vấn”: giữ như văn bản, "
                "cần xác minh với Công báo trước khi dùng chính thức. Các điểm này cũng được đánh dấu "
                "trên phiếu chấm và chú thích khi in."
            )
            .replace("%1", self.ruleset.id)
            .replace("%2", self.ruleset.content_hash[:12])
            .replace("%3", str(len(self.notices)))
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Bộ"), self.tr("Vị trí"), self.tr("Loại"), self.tr("Nội dung")]
        )
        kinds = {"correction": self.tr("Đã hiệu chỉnh"), "suspect": self.tr("Giá trị nghi vấn")}
        for row, n in enumerate(self.notices):
            item = self.table.item(row, 2)
            if item is not None:
                item.setText(kinds[n.kind])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
