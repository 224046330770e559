"""The read-only tabs of an assigned dossier: **Hồ sơ** (what the province sent: producer,
product, the forms' filled-in fields, the producer's self-assessment total, advisory notes) and
**Tài liệu** (the evidence files, opened read-only with the system viewer or the PDF preview)."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.dossiers import RegistrationType
from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.forms import SECTIONS, Field, Kind
from ocop_desktop.domain.rules.scoring import score
from ocop_desktop.services.evaluator.work import AssignedDossier, EvidenceFile, sheet_for
from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.formatting import format_date, format_int
from ocop_desktop.ui.kit.style import CAPTION, NOTE


def _value(f: Field, raw: object, yes: str, no: str) -> str:
    if isinstance(raw, bool):
        return yes if raw else no
    if isinstance(raw, int):
        return format_int(raw)
    text = str(raw)
    if f.kind == Kind.DATE:
        try:
            return format_date(date.fromisoformat(text))
        except ValueError:
            return text
    return dict(f.choices).get(text, text)


def _registration_label(code: str) -> str:
    try:
        return label_text(RegistrationType(code).label)
    except ValueError:
        return code


def self_assessment_total(d: AssignedDossier) -> tuple[int, int, int] | None:
    """(total, star, answered) of the producer's self-assessment carried in the assignment, or None."""
    if not d.self_answers:
        return None
    try:
        result = score(
            sheet_for(
                {"ruleset_id": d.ruleset_id, "ruleset_hash": d.ruleset_hash, "product_set": d.row.product_set}
            ),
            dict(d.self_answers),
            partial=True,
            one_case=False,  # as the producer saved it
        )
    except UserError:
        return None
    return int(result.total), result.star, len(result.answers)


class DossierSummary(QTextBrowser):
    """Hồ sơ: a read-only summary of one assigned dossier."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setObjectName("evaluatorDossierSummary")
        self.dossier: AssignedDossier | None = None

    def show_dossier(self, d: AssignedDossier | None) -> None:
        self.dossier = d
        if d is None:
            self.setHtml(f"<p>{html.escape(self.tr('Chọn một hồ sơ ở danh sách bên trái.'))}</p>")
            return
        e = html.escape
        row = d.row
        out = [
            f"<h2>{e(row.product_name)}</h2>",
            "<table cellspacing='0' cellpadding='3'>",
            self._line(self.tr("Chủ thể"), row.producer_name),
            self._line(self.tr("Mã sản phẩm"), row.product_code or "—"),
            self._line(self.tr("Bộ sản phẩm"), str(row.product_set)),
            self._line(self.tr("Loại đăng ký"), _registration_label(d.registration_type)),
            self._line(self.tr("Bộ tiêu chí"), d.ruleset_id),
        ]
        own = self_assessment_total(d)
        self_text = (
            self.tr("%1 điểm, %2 sao (%3 tiêu chí đã tự chấm)")
            .replace("%1", str(own[0]))
            .replace("%2", str(own[1]))
            .replace("%3", str(own[2]))
            if own
            else self.tr("Không có trong gói")
        )
        out.append(self._line(self.tr("Chủ thể tự chấm"), self_text))
        out.append("</table>")
        yes, no = self.tr("Có"), self.tr("Không")
        for key, section in SECTIONS.items():
            values = d.forms.get(key) or {}
            filled = [
                (f, values[f.key]) for f in section.fields if values.get(f.key) not in (None, "", [], {})
            ]
            if not filled:
                continue
            out.append(f"<h3>{e(section.title)}</h3><table cellspacing='0' cellpadding='3'>")
            out.extend(self._line(f.label, _value(f, v, yes, no)) for f, v in filled)
            out.append("</table>")
        if d.advisory:
            out.append(f"<h3>{e(self.tr('Ý kiến tư vấn, ghi chú của tỉnh'))}</h3><ul>")
            for note in d.advisory:
                text = str(note.get("text") or "")
                name = str(note.get("filename") or "")
                out.append(f"<li>{e(text)}{(' — ' + e(name)) if name else ''}</li>")
            out.append("</ul>")
        out.append(
            f"<p style='color:{NOTE.name()}'>{e(self.tr('Dữ liệu hồ sơ do tỉnh gửi, chỉ để xem.'))}</p>"
        )
        self.setHtml("".join(out))

    @staticmethod
    def _line(label: str, value: str) -> str:
        return (
            f"<tr><td style='color:{CAPTION.name()}; padding-right:12px'>{html.escape(label)}</td>"
            f"<td><b>{html.escape(value)}</b></td></tr>"
        )


class EvidencePanel(QWidget):
    """Tài liệu: the dossier's evidence files. Opening hands a read-only copy to the system viewer
    (`kit.system_open`) or shows PDFs in the print preview.

    Signals:
        openRequested(object): the `EvidenceFile` to open with the system viewer.
        previewRequested(object): the `EvidenceFile` (a PDF) to show in the print preview.
    """

    openRequested = Signal(object)
    previewRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files: tuple[EvidenceFile, ...] = ()
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("evaluatorEvidence")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tệp"), self.tr("Loại"), self.tr("Cỡ"), self.tr("Tiêu chí")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self._open_current())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.open_button = QPushButton(self.tr("Mở bằng ứng dụng của máy"), self)
        self.open_button.clicked.connect(self._open_current)
        self.preview_button = QPushButton(self.tr("Xem trước PDF"), self)
        self.preview_button.clicked.connect(self._preview_current)
        self.empty = QLabel(self.tr("Hồ sơ này không có tệp minh chứng."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        hint = QLabel(
            self.tr("Tệp minh chứng chỉ để xem: mở ra là một bản sao, tệp gốc không bị thay đổi."), self
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {NOTE.name()};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self._update_buttons()

    def show_files(self, files: tuple[EvidenceFile, ...]) -> None:
        self.files = files
        self.table.setRowCount(len(files))
        for n, f in enumerate(files):
            size = f"{format_int(max(1, round((f.size or 0) / 1024)))} KB" if f.size is not None else "—"
            for col, text in enumerate(
                (f.filename, _kind(f.media_type, f.filename), size, ", ".join(f.criteria))
            ):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(n, col, item)
        self.empty.setVisible(not files)
        self.table.setVisible(bool(files))
        if files:
            self.table.selectRow(0)
        self._update_buttons()

    def current(self) -> EvidenceFile | None:
        row = self.table.currentRow()
        return self.files[row] if 0 <= row < len(self.files) else None

    def _update_buttons(self) -> None:
        f = self.current()
        self.open_button.setEnabled(f is not None)
        self.preview_button.setEnabled(f is not None and is_pdf(f))

    def _open_current(self) -> None:
        f = self.current()
        if f is not None:
            self.openRequested.emit(f)

    def _preview_current(self) -> None:
        f = self.current()
        if f is not None and is_pdf(f):
            self.previewRequested.emit(f)


def is_pdf(f: EvidenceFile) -> bool:
    return f.media_type == "application/pdf" or f.filename.lower().endswith(".pdf")


def _kind(media_type: str, filename: str) -> str:
    suffix = Path(filename).suffix.lstrip(".").upper()
    return suffix or media_type.split("/")[-1].upper() or "—"
