"""The producer's Mẫu 02 facts (`domain.producer_facts.PROFILE_FIELDS`) as inputs of its own dialog: one per
field, of the kind Mẫu 02 Part I gives it. A tick box of the form is a three-way choice here ("Chưa rõ",
"Có", "Không"): a fact nobody stated stays unrecorded rather than becoming "Không". What is typed is
checked by the service, as a draft dossier's Mẫu 02 is (`services.registry.profile.checked_facts`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ocop_desktop.domain.forms import Field, Kind, parse_date
from ocop_desktop.services.registry.profile import PROFILE_SPECS
from ocop_desktop.ui.kit.formatting import format_date

translate = QCoreApplication.translate


def fact_input(f: Field) -> QWidget:
    """An empty input for fact `f`."""
    if f.kind is Kind.MULTILINE:
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setFixedHeight(text.fontMetrics().lineSpacing() * 2 + 14)
        return text
    if f.kind in (Kind.CHOICE, Kind.BOOL):
        combo = QComboBox()
        combo.addItem(translate("ProducerFacts", "— Chưa rõ —"), "")
        choices = f.choices if f.kind is Kind.CHOICE else (("yes", ""), ("no", ""))
        for value, label in choices:
            combo.addItem(label, value)
        if f.kind is Kind.BOOL:
            combo.setItemText(1, translate("ProducerFacts", "Có"))
            combo.setItemText(2, translate("ProducerFacts", "Không"))
        return combo
    edit = QLineEdit()
    if f.kind is Kind.DATE:
        edit.setPlaceholderText("dd/mm/yyyy")
    return edit


def show_fact(widget: QWidget, f: Field, value: object) -> None:
    """Display a stored fact (ISO date, bool, text)."""
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, QComboBox):
        data = ("yes" if value else "no") if f.kind is Kind.BOOL and isinstance(value, bool) else value
        widget.setCurrentIndex(max(widget.findData(data or ""), 0))
    elif isinstance(widget, QLineEdit):
        widget.setText(_date_text(value) if f.kind is Kind.DATE else str(value or ""))


def raw_fact(widget: QWidget, f: Field) -> object:
    """What the person typed or chose, for the service to check ("" when nothing)."""
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData() or ""
        return {"yes": True, "no": False}.get(data, "") if f.kind is Kind.BOOL else data
    assert isinstance(widget, QLineEdit)
    return widget.text()


def _date_text(value: object) -> str:
    if isinstance(value, date):
        return format_date(value)
    try:
        return format_date(parse_date(str(value))) if value else ""
    except ValueError:
        return str(value)


class FactInputs:
    """The facts' inputs, keyed by fact; `values()` is what `ProducerProfileService.save` takes."""

    def __init__(self) -> None:
        self.widgets: dict[str, QWidget] = {key: fact_input(f) for key, f in PROFILE_SPECS.items()}

    def labels(self) -> dict[str, str]:
        return {key: f.label for key, f in PROFILE_SPECS.items()}

    def show(self, facts: Mapping[str, object]) -> None:
        for key, widget in self.widgets.items():
            show_fact(widget, PROFILE_SPECS[key], facts.get(key))

    def values(self) -> dict[str, object]:
        return {key: raw_fact(widget, PROFILE_SPECS[key]) for key, widget in self.widgets.items()}
