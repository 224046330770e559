"""Mẫu 03, the commune's report: part I comes from Mẫu 02 (shown, not retyped), part II is the
form, with suggestions computed from what was typed (share of local workers) and from Mẫu 02."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ocop_desktop.domain.forms import MAU03, SEX
from ocop_desktop.ui.dossiers.section_form import SectionForm
from ocop_desktop.ui.kit.formatting import format_number
from ocop_desktop.ui.kit.style import MUTED_STYLE, bold

PANEL_WIDTH = 330


def as_int(raw: object) -> int | None:
    """A number as typed ("1.200", "18") or None when it is not one yet."""
    if isinstance(raw, int):
        return raw
    try:
        return int(str(raw).replace(".", "").replace(" ", ""))
    except ValueError:
        return None


def local_share(total: object, local: object) -> float | None:
    """Percent of local workers, or None when it cannot be computed."""
    t, n = as_int(total), as_int(local)
    if t is None or n is None or t <= 0 or n < 0 or n > t:
        return None
    return 100.0 * n / t


class Mau03Tab(QWidget):
    """`deferred`: the form's fields are built on first use (see `SectionForm`); the suggestion follows."""

    def __init__(self, parent: QWidget | None = None, *, deferred: bool = False) -> None:
        super().__init__(parent)
        self.form = SectionForm(MAU03, deferred=deferred)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.share = QLabel()
        self.share.setWordWrap(True)
        self.use_share = QPushButton(self.tr("Chèn vào đánh giá lao động"))
        self.use_raw = QPushButton(self.tr("Lấy mô tả nguyên liệu từ Mẫu 02"))
        self._forms: Mapping[str, Mapping[str, Any]] = {}
        self._read_only = False
        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setFixedWidth(PANEL_WIDTH)
        side = QVBoxLayout(panel)
        side.addWidget(bold(QLabel(self.tr("I. Thông tin hồ sơ (từ Mẫu 02)"))))
        side.addWidget(self.facts)
        side.addSpacing(8)
        side.addWidget(bold(QLabel(self.tr("Gợi ý từ số liệu"))))
        side.addWidget(self.share)
        side.addWidget(self.use_share)
        side.addWidget(self.use_raw)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form, 1)
        layout.addWidget(panel)
        self.form.edited.connect(self._edited)
        self.form.fields_built.connect(self.update_share)
        self.use_share.clicked.connect(self.insert_share)
        self.use_raw.clicked.connect(self.insert_raw_material)

    def _edited(self, key: str) -> None:
        if key in ("workers_total", "workers_local"):
            self.update_share()

    def show_forms(self, forms: Mapping[str, Mapping[str, Any]]) -> None:
        self._forms = forms
        p1 = forms.get("mau02_part1", {})
        sex = dict(SEX).get(str(p1.get("representative_sex", "")), "")
        rows = [
            (self.tr("Chủ thể"), p1.get("producer_name")),
            (self.tr("Loại hình"), p1.get("organisation_type")),
            (self.tr("Địa chỉ"), p1.get("address")),
            (
                self.tr("Người đại diện"),
                ", ".join(
                    str(x) for x in (p1.get("representative"), sex, p1.get("representative_ethnicity")) if x
                ),
            ),
            (self.tr("Thường trú"), p1.get("representative_address")),
            (self.tr("Sản phẩm"), p1.get("product_name")),
        ]
        self.facts.setText(
            "<br>".join(
                f"<span style='{MUTED_STYLE}'>{name}:</span> {_html(value) or '—'}" for name, value in rows
            )
        )
        self.use_raw.setEnabled(not self._read_only and self._has_raw_material())
        self.update_share()

    def update_share(self) -> None:
        if not self.form.built:  # computed from the typed values once the fields exist
            self.use_share.setEnabled(False)
            return
        total, local = self.form.raw("workers_total"), self.form.raw("workers_local")
        share = local_share(total, local)
        if share is None:
            self.share.setText(self.tr("Nhập tổng số lao động và số lao động địa phương để tính tỷ lệ."))
            self.share.setStyleSheet(MUTED_STYLE)
        else:
            self.share.setText(
                self.tr("Lao động địa phương: %1/%2 người, chiếm %3%.")
                .replace("%1", str(as_int(local)))
                .replace("%2", str(as_int(total)))
                .replace("%3", format_number(share, 1))
            )
            self.share.setStyleSheet("")
        self.use_share.setEnabled(share is not None and not self._read_only)

    def suggestion(self) -> str:
        return self.share.text() if self.use_share.isEnabled() else ""

    def insert_share(self) -> None:
        text = self.suggestion()
        if not text:
            return
        current = str(self.form.raw("labour_assessment")).strip()
        if text not in current:
            self.form.put("labour_assessment", f"{current}\n{text}".strip())

    def insert_raw_material(self) -> None:
        area = str(self._forms.get("mau02_part2", {}).get("raw_material_area", "")).strip()
        current = str(self.form.raw("raw_material_description")).strip()
        if area and area not in current:
            self.form.put("raw_material_description", f"{current}\n{area}".strip())

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.form.set_read_only(read_only)
        self.use_raw.setEnabled(not read_only and self._has_raw_material())
        self.update_share()

    def _has_raw_material(self) -> bool:
        return bool(str(self._forms.get("mau02_part2", {}).get("raw_material_area", "")).strip())


def _html(value: object) -> str:
    return str(value or "").replace("&", "&amp;").replace("<", "&lt;")
