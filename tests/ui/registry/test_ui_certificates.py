"""Certificates of a product, from the products page: a legacy district certificate (QĐ 148) is
entered, bad ones are refused with messages, one is revoked; an upgrade dossier then opens."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from helpers.builders import make_product
from helpers.qt import finish_tasks
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.registry.certificates import CertificateService
from ocop_desktop.ui.registry.products_page import ProductsPage


def test_enter_check_and_revoke_certificates(qtbot, ctx, choose, type_unicode) -> None:  # type: ignore[no-untyped-def]
    product_id = make_product(ctx)
    page = ProductsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    button = page.findChild(type(page.edit_button), "certificates_button")
    assert button is not None and not button.isEnabled()
    page.table.selectRow(0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    dialog = page.certificates_dialog
    assert dialog.isVisible() and dialog.empty.isVisible()

    choose(dialog.stars, 4)
    choose(dialog.level, "district")
    choose(dialog.ruleset, "qd148-2023")
    qtbot.keyClicks(dialog.decision_number, "1234/QD-UBND")
    qtbot.keyClicks(dialog.decision_date, "31/02/2024")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert "không hợp lệ" in dialog.messages.labels["decision_date"].text()
    dialog.decision_date.clear()
    qtbot.keyClicks(dialog.decision_date, "01/03/2024")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert "chỉ công nhận 3 sao" in dialog.messages.labels["stars"].text()
    assert CertificateService(ctx).history(product_id) == []

    choose(dialog.stars, 3)
    type_unicode(dialog.issuer, "UBND huyện Đông Anh")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert dialog.table.rowCount() == 1 and not dialog.empty.isVisible()
    assert dialog.table.item(0, 0).text() == "★★★"
    assert dialog.table.item(0, 4).text() == "01/03/2027"  # 36 months by the Civil Code (BLDS Art. 147-148)
    state = dialog.table.item(0, 5).text()
    assert ("đánh giá lại từ 02/09/2026 đến 01/11/2026" in state) or state == "Đã hết hạn"

    if date.today() <= date(2027, 3, 1):  # still valid: an upgrade dossier can be opened
        DossierService(ctx).create(product_id, "upgrade")

    dialog.table.selectRow(0)
    qtbot.keyClicks(dialog.revoke_on, "01/10/2026")
    qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert "lý do" in dialog.message.text()
    type_unicode(dialog.revoke_reason, "Vi phạm nhãn mác")
    qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert dialog.table.item(0, 5).text() == "Đã thu hồi ngày 01/10/2026: Vi phạm nhãn mác"
    dialog.close()
