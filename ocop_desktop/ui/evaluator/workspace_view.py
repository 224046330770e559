"""The layout of the evaluator workspace: a top bar (who and which round, the round picker, the
three package buttons), the assigned dossiers on the left, the chosen dossier's tabs on the right
(**Phiếu chấm**, **Hồ sơ**, **Tài liệu**), and a page saying what to do first while nothing is
assigned. `WorkspaceView` only builds widgets and sets their fixed texts; `EvaluatorWorkspace`
(workspace.py), its subclass, connects them and fills them (TagStudio's view/controller split)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.ui.evaluator.panels import DossierSummary, EvidencePanel
from ocop_desktop.ui.kit.style import CAPTION_STYLE, PANEL_EDGE, PANEL_FILL

TAB_SHEET, TAB_DOSSIER, TAB_FILES = 0, 1, 2
COL_DOSSIER, COL_ANSWERED, COL_POINTS = 0, 1, 2
LIST_WIDTH = 236  # the sheet editor needs ~1000 px of a 1280 px window


class WorkspaceView(QWidget):
    """The widgets, in the order they are created (which is also the keyboard's tab order)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        top = self._build_top_bar()
        left = self._build_list()
        self._build_tabs()
        self._build_splitter(left)
        self._build_empty()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(top)
        root.addWidget(self.stack, 1)

    def _build_top_bar(self) -> QFrame:
        self.title = QLabel(self)
        self.title.setObjectName("evaluatorTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("evaluatorSubtitle")
        self.subtitle.setStyleSheet(CAPTION_STYLE)
        self.subtitle.setWordWrap(True)
        self.round_combo = QComboBox(self)
        self.enroll_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.scores_button = QPushButton(self)
        self.scores_button.setDefault(True)
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        bar = QHBoxLayout()
        bar.addLayout(names, 1)
        for widget in (self.round_combo, self.enroll_button, self.import_button, self.scores_button):
            bar.addWidget(widget)
        top = QFrame(self)
        top.setObjectName("evaluatorTopBar")
        top.setStyleSheet(
            f"#evaluatorTopBar {{ background: {PANEL_FILL.name()}; "
            f"border-bottom: 1px solid {PANEL_EDGE.name()}; }}"
        )
        top.setLayout(bar)
        return top

    def _build_list(self) -> QWidget:
        """Left: the assigned dossiers, how far each sheet is, and a one-line count."""
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("evaluatorDossiers")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_DOSSIER, QHeaderView.ResizeMode.Stretch)
        for col in (COL_ANSWERED, COL_POINTS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.list_summary = QLabel(self)
        self.list_summary.setWordWrap(True)
        self.list_summary.setStyleSheet(CAPTION_STYLE)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        self.list_heading = QLabel(left)
        bold = self.list_heading.font()
        bold.setBold(True)
        self.list_heading.setFont(bold)
        left_layout.addWidget(self.list_heading)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.list_summary)
        return left

    def _build_tabs(self) -> None:
        """Right: the sheet (its editor is added by the controller), the dossier, its files."""
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.sheet_tab = QWidget(self.tabs)
        self.sheet_layout = QVBoxLayout(self.sheet_tab)
        self.sheet_layout.setContentsMargins(0, 0, 0, 0)
        self.sheet_notice = QLabel(self.sheet_tab)
        self.sheet_notice.setWordWrap(True)
        self.sheet_notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sheet_layout.addWidget(self.sheet_notice)
        self.summary = DossierSummary(self.tabs)
        self.evidence = EvidencePanel(self.tabs)
        self.tabs.addTab(self.sheet_tab, "")
        self.tabs.addTab(self.summary, "")
        self.tabs.addTab(self.evidence, "")

    def _build_splitter(self, left: QWidget) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([LIST_WIDTH, 1280 - LIST_WIDTH])
        self.splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(180)

    def _build_empty(self) -> None:
        """Nothing imported yet: what to do first."""
        self.empty = QWidget(self)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_text = QLabel(self.empty)
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setTextFormat(Qt.TextFormat.RichText)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addStretch(2)

    def retranslate_view(self) -> None:
        """The fixed texts (the controller's `_retranslate` adds the ones that depend on data). They are
        translated under the context "WorkspaceView" (PySide's `tr` tries each class of the instance's
        type in turn, so the subclass finds them)."""
        self.enroll_button.setText(self.tr("Xuất gói đăng ký máy chấm"))
        self.enroll_button.setToolTip(
            self.tr("Gói có khóa công khai của máy này, để tỉnh liên kết máy với bạn.")
        )
        self.import_button.setText(self.tr("Nhập gói phân công…"))
        self.scores_button.setText(self.tr("Xuất phiếu chấm…"))
        self.scores_button.setToolTip(
            self.tr("Gói phiếu chấm đã ký, mã hóa cho tỉnh (chỉ gồm phiếu đã chấm đủ).")
        )
        self.table.setHorizontalHeaderLabels([self.tr("Sản phẩm"), self.tr("Đã chấm"), self.tr("Điểm")])
        self.list_heading.setText(self.tr("Hồ sơ được phân công"))
        self.tabs.setTabText(TAB_SHEET, self.tr("Phiếu chấm"))
        self.tabs.setTabText(TAB_DOSSIER, self.tr("Hồ sơ"))
        self.tabs.setTabText(TAB_FILES, self.tr("Tài liệu"))
        self.empty_text.setText(
            "<h2>"
            + self.tr("Chưa có hồ sơ nào được phân công cho máy này")
            + "</h2><ol style='text-align:left'><li>"
            + self.tr(
                "Bấm “Xuất gói đăng ký máy chấm”, gửi gói cho cơ quan OCOP tỉnh và đọc dấu vân tay qua điện "
                "thoại cho cán bộ tỉnh."
            )
            + "</li><li>"
            + self.tr("Khi nhận được gói phân công của tỉnh, bấm “Nhập gói phân công…”.")
            + "</li><li>"
            + self.tr("Chấm từng hồ sơ, rồi bấm “Xuất phiếu chấm…” và gửi gói cho tỉnh.")
            + "</li></ol>"
        )
