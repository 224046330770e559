"""The main path through the GUI: a new dossier for a product, the producer's forms, the
self-assessment, the checklist and evidence, mark complete, receive (receipt number), Mẫu 03,
commune check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from helpers.builders import make_product
from helpers.dossier_ui import write_pdf
from helpers.qt import finish_tasks
from ocop_desktop.services.dossiers.evidence import EvidenceService
from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.ui.dossiers.list_page import DossiersPage
from ocop_desktop.ui.kit.formatting import format_date


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    p = DossiersPage(ctx)
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    return p


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_dossier_from_new_to_commune_checked(
    qtbot,
    page,
    ctx,
    tmp_path: Path,
    type_unicode,
    choose,  # type: ignore[no-untyped-def]
    messages,
) -> None:
    product_id = make_product(ctx)
    # -- Lập hồ sơ mới: pick the product by typing without diacritics -------------------------
    click(qtbot, page.new_button)
    dialog = page.dialog
    qtbot.keyClicks(dialog.product.edit, "ca phe bot")
    dialog.product.refresh()
    assert dialog.product.value() == product_id
    choose(dialog.registration, "first")
    with qtbot.waitSignal(dialog.saved):
        click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    finish_tasks(qtbot)
    assert len(page.editors) == 1
    editor = next(iter(page.editors.values()))
    qtbot.waitExposed(editor)
    dossier_id = editor.session.dossier_id
    assert page.model.row_at(0).id == dossier_id and page.model.row_at(0).status_label == "Đang soạn"
    assert editor.header.title.text() == "Cà phê bột nguyên chất"
    assert editor.header.values["status"].text() == "Đang soạn"
    assert editor.forms["mau01"].raw("unit_name") == "Hợp tác xã Cà phê Hoàn Kiếm"  # prefilled

    # -- Mẫu 01 / Mẫu 02: the required fields still empty ------------------------------------
    editor.show_tab("mau01")
    email = editor.forms["mau01"].inputs["email"].widget
    email.setFocus()
    qtbot.keyClicks(email, "htx@example.vn")
    part1 = editor.forms["mau02_part1"]
    editor.show_tab("mau02_part1")  # changing tab saves Mẫu 01
    choose(part1.inputs["representative_sex"].widget, "nu")
    ethnicity = part1.inputs["representative_ethnicity"].widget
    ethnicity.setFocus()
    type_unicode(ethnicity, "Kinh")
    editor.show_tab("mau02_part4")
    plan = editor.forms["mau02_part4"].inputs["plan"].widget
    plan.setFocus()
    type_unicode(plan, "Mở rộng vùng nguyên liệu lên 20 ha, bán qua sàn thương mại điện tử.")
    editor.show_tab("self_assessment")
    stored = DossierService(ctx).get(dossier_id).forms
    assert stored["mau01"]["email"] == "htx@example.vn"
    assert stored["mau02_part1"]["representative_sex"] == "nu"
    assert stored["mau02_part1"]["representative_ethnicity"] == "Kinh"
    assert stored["mau02_part4"]["plan"].startswith("Mở rộng vùng nguyên liệu")
    assert editor.header.save_state.text().startswith("Đã lưu lúc "), editor.session.unsaved()

    # -- Phần III in the score-sheet editor: the best option of every criterion ---------------
    sheet = editor.self_assessment.ensure_editor()
    assert sheet is not None, editor.self_assessment.notice.text()
    for leaf in sheet.sheet.leaves():
        assert sheet.set_answer(leaf.code, len(leaf.options) - 1)
    editor.show_tab("checklist")  # hiding the sheet saves it
    assert SelfAssessmentService(ctx).load(dossier_id).result.star == 5  # type: ignore[union-attr]

    # -- checklist: required papers provided, with expiry dates; evidence attached -------------
    finish_tasks(qtbot)  # the checklist is read again once Mẫu 02 is filled in full
    checklist = editor.checklist
    required = [r for r in checklist.rows.values() if r.requirement == "required"]
    assert any(r.knockout for r in required)  # the food-safety certificate of a food product
    # Mẫu 01 and 02, filled in full on their tabs above, are there already: the app prints them
    filled = [r for r in required if r.key in ("mau01", "mau02")]
    assert [(r.status, r.note) for r in filled] == [("provided", "Đã điền đủ trong phần mềm")] * 2
    assert checklist.bar.value() == round(100 * 2 / len(required))
    for r in required:
        choose(checklist.status_boxes[r.key], "provided")
        if r.time_limited:
            expiry = checklist.expiry_edits[r.key]
            expiry.setFocus()
            qtbot.keyClicks(expiry, "31/12/2028")
            qtbot.keyClick(expiry, Qt.Key.Key_Return)
    assert checklist.bar.value() == 100
    assert editor.header.completeness.value() == 100
    food = checklist.rows["food_safety_certificate"]
    assert food.status == "provided" and food.expires_on == date(2028, 12, 31)

    editor.show_tab("evidence")
    evidence = editor.evidence
    choose(evidence.target, "food_safety_certificate")
    task = evidence.add_paths(
        [
            write_pdf(tmp_path / "in", "giay-chung-nhan-attp.pdf", pages=3),
            write_pdf(tmp_path / "in", "kiem-nghiem.pdf", pages=2),
        ]
    )
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert [r.filename for r in evidence.rows] == ["giay-chung-nhan-attp.pdf", "kiem-nghiem.pdf"]
    assert evidence.table.item(0, 2).text() == "3"  # pages
    assert evidence.table.item(0, 4).text().startswith("Giấy chứng nhận cơ sở đủ điều kiện")
    assert "2 tệp" in evidence.total.text()
    assert checklist.table.item(checklist.row_of["food_safety_certificate"], 4).text() == "2"

    # -- mark complete, receive: the receipt number appears ------------------------------------
    click(qtbot, editor.header.action_buttons["mark_complete"])
    finish_tasks(qtbot)
    assert editor.problems.isHidden(), editor.problems.text()
    assert editor.header.values["status"].text() == "Đủ thành phần"
    click(qtbot, editor.header.action_buttons["receive"])
    receive = editor.actions.dialog
    assert receive is not None and receive.isVisible()
    assert receive.date_edit.text() == format_date(date.today())
    with qtbot.waitSignal(receive.accepted):
        click(qtbot, receive.ok_button)
    assert not receive.isVisible()
    receipt = editor.header.values["receipt"].text()
    assert receipt == f"01/PĐK-01-00070-{date.today().year}"
    assert editor.header.values["status"].text() == "Đã tiếp nhận"
    assert (
        format_date(DossierService(ctx).get(dossier_id).row.deadline)
        in editor.header.values["deadline"].text()
    )

    # -- Mẫu 03, with the computed share of local workers ---------------------------------------
    mau03 = editor.mau03
    editor.show_tab("mau03")
    form = mau03.form
    for key, text in (("local_raw_material_percent", "80"), ("workers_total", "20"), ("workers_local", "18")):
        form.inputs[key].widget.setFocus()
        qtbot.keyClicks(form.inputs[key].widget, text)
    assert "18/20" in mau03.share.text() and "90,0%" in mau03.share.text()
    click(qtbot, mau03.use_share)
    assert "90,0%" in form.raw("labour_assessment")
    choose(form.inputs["idea_origin"].widget, "truyen_thong")
    for key, text in (
        ("raw_material_assessment", "Cà phê trồng tại các tổ dân phố trong phường."),
        ("idea_assessment", "Sản phẩm truyền thống của phường."),
        ("identity_assessment", "Gắn với văn hóa cà phê phố cổ."),
        ("officer_conclusion", "Đủ điều kiện đề nghị tỉnh đánh giá."),
    ):
        form.inputs[key].widget.setFocus()
        type_unicode(form.inputs[key].widget, text)
    click(qtbot, editor.header.action_buttons["commune_check"])
    finish_tasks(qtbot)
    assert editor.problems.isHidden(), editor.problems.text()
    assert editor.header.values["status"].text() == "Xã đã đánh giá (Mẫu 03)"
    saved = DossierService(ctx).get(dossier_id)
    assert saved.forms["mau03"]["workers_local"] == 18
    assert [e.action for e in saved.events] == ["mark_complete", "receive", "commune_check"]
    assert editor.history.table.item(0, 2).text() == "Xã đã đánh giá (Mẫu 03)"  # newest first
    assert editor.history.table.item(0, 3).text() == "Nguyễn Văn An"  # the officer who did it, by name
    assert "send" in editor.header.action_buttons
    assert len(EvidenceService(ctx).attachments(dossier_id)) == 2

    # the list follows
    editor.close()
    qtbot.waitUntil(lambda: page.model.row_at(0).status_label == "Xã đã đánh giá (Mẫu 03)", timeout=2000)
    assert page.model.row_at(0).receipt_number == receipt
    # the one question: right after receipt, the slip for the producer at the desk
    assert [m.text for m in messages.shown] == [
        f"Đã tiếp nhận hồ sơ, số phiếu {receipt}. In phiếu tiếp nhận để trao cho chủ thể?"
    ]
