"""Issue 15: the producer's Mẫu 02 facts are edited from its own dialog too, checked as a draft dossier's
Mẫu 02 checks them (a bad date refuses the whole save and changes nothing), with what the register's fields
contradict in them shown as a warning; an emptied fact is no longer kept; a new dossier starts from them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from helpers.qt import finish_tasks
from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.services.registry.profile import ProducerProfileService
from ocop_desktop.ui.registry.producer_dialog import ProducerDialog


def _producer(ctx):  # type: ignore[no-untyped-def]
    data = ProducerInput(
        "HTX Chè Tân Cương",
        ProducerKind.COOPERATIVE,
        "00070",
        representative="Lê Văn Tám",
        tax_code="4600123456",
    )
    return ProducerService(ctx).create(data)


def _dialog(qtbot, ctx, row):  # type: ignore[no-untyped-def]
    dialog = ProducerDialog(ctx, row)
    qtbot.addWidget(dialog)
    # opens at the size its two columns ask for (a new window is otherwise held to 2/3 of the screen)
    screen = dialog.screen().availableGeometry()
    assert dialog.width() == min(dialog.sizeHint().width(), int(screen.width() * 0.95))
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _choose(combo: QComboBox, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def test_facts_are_edited_checked_and_warned_from_the_producer_dialog(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    row = _producer(ctx)
    ProducerProfileService(ctx).update(row.id, {"representative_sex": "nam", "history": "Từ 2015"})
    dialog = _dialog(qtbot, ctx, row)
    facts = dialog.facts.widgets
    assert facts["representative_sex"].currentData() == "nam"  # type: ignore[attr-defined]
    assert facts["history"].toPlainText() == "Từ 2015"  # type: ignore[attr-defined]
    assert facts["has_food_safety_certificate"].currentData() == ""  # type: ignore[attr-defined]  # not stated
    assert dialog.warnings.isHidden()

    # a registration number that is not the tax code: a dossier's check would flag it, so does the dialog
    registration = facts["registration_number"]
    assert isinstance(registration, QLineEdit)
    qtbot.keyClicks(registration, "4600999999")
    assert not dialog.warnings.isHidden() and "khác mã số thuế" in dialog.warnings.text()
    dialog.tax_code.setText("4600999999")  # the register was wrong: the warning goes
    assert dialog.warnings.isHidden()

    # an impossible date refuses the whole save: the producer's name is not changed either
    dialog.name.setText("HTX Chè Tân Cương mới")
    established = facts["established_on"]
    assert isinstance(established, QLineEdit)
    qtbot.keyClicks(established, "31/02/2020")
    dialog.submit()
    finish_tasks(qtbot)
    assert "ngày hợp lệ" in dialog.message("established_on") and dialog.isVisible()
    assert ProducerService(ctx).get(row.id).name == "HTX Chè Tân Cương"
    assert ProducerProfileService(ctx).facts(row.id) == {"representative_sex": "nam", "history": "Từ 2015"}
    dialog.grab().save(str(tmp_path / "producer-dialog-facts.png"))

    established.setText("15/03/2020")
    _choose(facts["representative_sex"], "nu")  # type: ignore[arg-type]
    _choose(facts["has_food_safety_certificate"], "no")  # type: ignore[arg-type]
    history = facts["history"]
    assert isinstance(history, QPlainTextEdit)
    history.clear()  # emptied: no longer kept
    facts["representative_ethnicity"].setText("Tày")  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.submit()
    finish_tasks(qtbot)
    assert ProducerService(ctx).get(row.id).name == "HTX Chè Tân Cương mới"
    assert ProducerProfileService(ctx).facts(row.id) == {
        "representative_sex": "nu",
        "representative_ethnicity": "Tày",
        "established_on": "2020-03-15",
        "registration_number": "4600999999",
        "has_food_safety_certificate": False,
    }


def test_a_new_producer_keeps_its_facts_and_a_new_dossier_starts_from_them(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.domain.products import ProductInput
    from ocop_desktop.services.dossiers.service import DossierService
    from ocop_desktop.services.registry.products import ProductService

    dialog = _dialog(qtbot, ctx, None)
    dialog.name.setText("Hộ kinh doanh Bà Ba")
    _choose(dialog.kind, ProducerKind.BUSINESS_HOUSEHOLD.value)
    dialog.representative.setText("Nguyễn Thị Ba")
    dialog.commune.set_value("00070", "Phường Hoàn Kiếm")
    dialog.facts.widgets["representative_ethnicity"].setText("Mường")  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        dialog.submit()
    finish_tasks(qtbot)
    producer = saved.args[0]
    assert ProducerProfileService(ctx).facts(producer.id) == {"representative_ethnicity": "Mường"}
    product = ProductService(ctx).create(ProductInput(producer.id, "Bánh đa", 13)).id
    dossier = DossierService(ctx).create(product, "first")
    assert dossier.forms["mau02_part1"]["representative_ethnicity"] == "Mường"
