"""The dossier list: filter without diacritics, by status and by deadline, colours for deadlines
near or past; new dossiers (the service explains an impossible upgrade); the changes panel of an
upgrade; printing; the screenshot command's view."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from helpers.builders import make_product
from helpers.dossier_ui import build_editor, complete_dossier, new_dossier
from helpers.qt import finish_tasks
from ocop_desktop.domain.deadlines import DUE_SOON_DAYS
from ocop_desktop.domain.products import ProductInput
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.registry.certificates import CertificateInput, CertificateService
from ocop_desktop.services.registry.products import ProductService
from ocop_desktop.ui.dossiers.list_model import DEADLINE_COLUMN
from ocop_desktop.ui.dossiers.list_page import DossiersPage
from ocop_desktop.ui.kit.style import BAD_FILL
from ocop_desktop.ui.shell.screenshot import take_screenshot


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    p = DossiersPage(ctx)
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    qtbot.waitExposed(p)
    yield p
    for editor in list(p.editors.values()):
        editor.close()


def names(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.model.row_at(i).product_name for i in range(page.model.rowCount())]


def test_filters_and_deadline_colours(qtbot, ctx, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    late = new_dossier(ctx)
    producer_id = ProductService(ctx).get(DossierService(ctx).get(late).row.product_id).producer_id
    other = ProductService(ctx).create(ProductInput(producer_id, "Mật ong hoa nhãn", 12))
    DossierService(ctx).create(other.id, "first")
    complete_dossier(ctx, late, tmp_path)
    service = DossierService(ctx)
    service.act(late, "mark_complete")
    service.act(late, "receive", on=date.today() - timedelta(days=40))  # 15 working days are long past
    page.model.refresh()
    assert sorted(names(page)) == ["Cà phê bột nguyên chất", "Mật ong hoa nhãn"]
    assert page.count_label.text() == "2 hồ sơ"

    qtbot.keyClicks(page.filter, "mat ong")
    qtbot.waitUntil(lambda: names(page) == ["Mật ong hoa nhãn"], timeout=2000)
    page.filter.clear()
    qtbot.waitUntil(lambda: len(names(page)) == 2, timeout=2000)

    page.status_filter.setCurrentIndex(page.status_filter.findData("received"))
    assert names(page) == ["Cà phê bột nguyên chất"]
    page.status_filter.setCurrentIndex(0)
    assert len(names(page)) == 2
    page.due_only.setChecked(True)
    assert names(page) == ["Cà phê bột nguyên chất"]
    working_days = RuleService().procedure(on=date.today()).commune_working_days
    qtbot.waitUntil(lambda: page.procedure is not None)  # read in the background
    assert (
        f"({working_days} ngày làm việc từ ngày tiếp nhận) chỉ còn {DUE_SOON_DAYS} ngày"
        in page.due_only.toolTip()
    )
    cell = page.model.index(0, DEADLINE_COLUMN)
    assert page.model.data(cell).endswith("· Quá hạn")
    assert page.model.data(cell, Qt.ItemDataRole.BackgroundRole) == BAD_FILL
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    page.due_only.setChecked(False)

    # Enter opens the selected dossier; opening it again brings the same window back
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    finish_tasks(qtbot)
    opened = page.model.row_at(0).id
    assert list(page.editors) == [opened]
    assert page.open_dossier(opened) is page.editors[opened]
    editor = page.editors[opened]
    assert "Quá hạn" in editor.header.values["deadline"].text()


def test_upgrade_without_a_certificate_is_explained(qtbot, ctx, page, messages) -> None:  # type: ignore[no-untyped-def]
    make_product(ctx)
    page.open_new()
    dialog = page.dialog
    qtbot.keyClicks(dialog.product.edit, "ca phe")
    dialog.product.refresh()
    dialog.registration.setCurrentIndex(dialog.registration.findData("upgrade"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert "chưa có giấy chứng nhận OCOP còn hiệu lực" in messages.texts("warn")[-1]
    assert dialog.isVisible() and DossierService(ctx).search() == []
    dialog.product.edit.clear()
    dialog.product.set_value(None)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert "Hãy chọn sản phẩm" in dialog.message("product_id")
    dialog.close()


def test_an_upgrade_shows_what_changed_since_the_recognised_dossier(qtbot, ctx, page, type_unicode) -> None:  # type: ignore[no-untyped-def]
    first = new_dossier(ctx)
    service = DossierService(ctx)
    d = service.get(first)
    service.save_section(
        first, "mau02_part2", {"markets": "Chợ trong tỉnh."}, expected_revision=d.row.revision
    )
    CertificateService(ctx).add(
        CertificateInput(
            d.row.product_id, 3, "12/QĐ-UBND", date(2025, 9, 1), "province", "qd148-2023", dossier_id=first
        )
    )
    page.open_new()
    dialog = page.dialog
    assert dialog.product.pick(d.row.product_id)
    dialog.registration.setCurrentIndex(dialog.registration.findData("upgrade"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    editor = next(e for e in page.editors.values() if e.session.dossier_id != first)
    assert editor.compare is not None
    assert editor.compare.tree.topLevelItem(0).text(0) == "Chưa có nội dung nào thay đổi so với hồ sơ trước."
    markets = editor.forms["mau02_part2"].inputs["markets"].widget
    editor.show_tab("mau02_part2")
    markets.setFocus()
    markets.selectAll()
    type_unicode(markets, "Siêu thị tại Hà Nội, xuất khẩu sang Nhật Bản.")
    editor.show_tab("compare")  # changing tab saves, the panel follows
    section = editor.compare.tree.topLevelItem(0)
    assert section.text(0) == "Mẫu 02 – Phần II. Kết quả sản xuất, kinh doanh"
    change = section.child(0)
    assert (change.text(0), change.text(1), change.text(2)) == (
        "Thị trường phân phối",
        "Chợ trong tỉnh.",
        "Siêu thị tại Hà Nội, xuất khẩu sang Nhật Bản.",
    )


def test_print_forms_to_pdf_and_save_as(qtbot, ctx, tmp_path: Path, opened, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor = build_editor(ctx, new_dossier(ctx))
    qtbot.addWidget(editor)
    editor.show()
    tab = editor.show_tab("print")
    name = editor.forms["mau01"].inputs["product_name"].widget
    name.setText("Cà phê bột rang xay Hoàn Kiếm")
    editor.forms["mau01"].edited.emit("product_name")  # typed a moment ago, not saved yet
    task = tab.print_form("mau01")
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert opened and opened[-1] == tab.last_pdf and opened[-1].suffix == ".pdf"
    text = "".join(page.extract_text() for page in PdfReader(opened[-1]).pages)
    assert "Cà phê bột rang xay Hoàn Kiếm" in text

    target = tmp_path / "ban-luu" / "mau02.pdf"
    monkeypatch.setattr(tab, "ask_save_path", lambda _suggested: target)
    task = tab.save_form("mau02")
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert target.exists() and len(opened) == 1  # saved, not opened
    task = tab.print_form("receipt")
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert "chưa được tiếp nhận" in tab.status.text()
    editor.close()


def test_screenshot_of_the_dossier_list(qapp, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    new_dossier(ctx)
    out = take_screenshot(ctx, str(tmp_path / "dossiers.png"), "dossiers", (1280, 800))
    assert QImage(str(out)).size().width() == 1280


def test_preview_opens_the_print_preview_with_what_was_just_typed(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from ocop_desktop.ui.printing.preview import PrintPreviewDialog

    editor = build_editor(ctx, new_dossier(ctx))
    qtbot.addWidget(editor)
    editor.show()
    tab = editor.show_tab("print")
    editor.forms["mau01"].inputs["product_name"].widget.setText("Cà phê hạt Hoàn Kiếm")
    editor.forms["mau01"].edited.emit("product_name")
    qtbot.mouseClick(tab.preview_buttons["mau01"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, PrintPreviewDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=30_000,
    )
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog))
    assert (
        DossierService(ctx).get(editor.session.dossier_id).forms["mau01"]["product_name"]
        == "Cà phê hạt Hoàn Kiếm"
    )
    assert preview.page_text().strip().startswith("Trang 1/")
    preview.close()
    editor.close()


def test_a_second_open_dossier_for_a_product_is_made_only_when_the_officer_insists(  # type: ignore[no-untyped-def]
    qtbot, ctx, page, messages
) -> None:
    """Issue 15: a second first-evaluation dossier for the same product was created silently."""
    product = make_product(ctx)
    first = DossierService(ctx).create(product, "first").row.id
    for insist, count in ((False, 1), (True, 2)):
        page.open_new()
        dialog = page.dialog
        qtbot.keyClicks(dialog.product.edit, "ca phe")
        dialog.product.refresh()
        messages.answer = insist
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(messages.texts("ask")), timeout=5000)
        qtbot.waitUntil(lambda count=count: len(DossierService(ctx).search()) == count, timeout=5000)
        finish_tasks(qtbot)
        asked = messages.texts("ask")[-1]
        assert "đã có hồ sơ chưa có quyết định" in asked and "Đánh giá lần đầu, Đang soạn" in asked
        assert len(DossierService(ctx).search()) == count
        if not insist:
            messages.answer = True  # "close without saving?": yes
            dialog.close()
    assert first in {r.id for r in DossierService(ctx).search()}


def test_a_late_re_evaluation_asks_a_reason_and_shows_the_law_dates(qtbot, ctx, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    product = make_product(ctx)
    decided = date.today() - timedelta(days=3 * 365 - 60)  # expires in about two months: window closed
    CertificateService(ctx).add(CertificateInput(product, 4, "7/QĐ-UBND", decided, "province", "qd148-2023"))
    page.open_new()
    dialog = page.dialog
    assert dialog.product.pick(product)
    dialog.registration.setCurrentIndex(dialog.registration.findData("reevaluation"))
    assert not dialog.reason.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    assert dialog.reason.isVisibleTo(dialog) and "khoản 3 Điều 12" in dialog.message("filing_override")
    assert DossierService(ctx).search() == []
    dialog.resize(760, dialog.sizeHint().height())
    dialog.grab().save(str(tmp_path / "late_reevaluation_dialog.png"))
    dialog.reason.setText("Chủ thể không nộp kịp")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish_tasks(qtbot)
    (row,) = DossierService(ctx).search()
    editor = page.editors[row.id]
    header = editor.header
    assert header.values["filing_override"].text() == "Chủ thể không nộp kịp"
    assert header.values["filing_window"].isVisibleTo(header) and "–" in header.values["filing_window"].text()
    assert "45 ngày" in header.values["completion"].text()
    editor.resize(1366, 768)
    editor.grab().save(str(tmp_path / "late_reevaluation_editor.png"))


def test_the_list_reads_page_after_page_as_it_scrolls(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    for n in range(7):
        DossierService(ctx).create(
            make_product(ctx, producer=f"HTX số {n}", product=f"Miến dong {n}"), "first"
        )
    model = DossiersPage(ctx).model
    model.page_size = 3  # each scroll to the end reads the next page, after the last row read
    model.set_query("")
    assert model.rowCount() == 3
    while model.canFetchMore():
        model.fetchMore()
    assert [r.id for r in model._rows] == [r.id for r in DossierService(ctx).search()]
    assert model.total == 7
