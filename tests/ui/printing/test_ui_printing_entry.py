"""The entry points other screens call: a dossier's form filled, generated in the background
and opened in the print preview; problems shown as plain messages."""

from __future__ import annotations

from pathlib import Path

from helpers.builders import TODAY, make_product  # noqa: I001
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.ui.printing import open_print_preview, preview_blank_form, preview_dossier_form
from ocop_desktop.ui.printing.preview import PrintPreviewDialog


def test_preview_dossier_form_opens_the_filled_form(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dossier = DossierService(ctx, today=TODAY).create(make_product(ctx), "first")
    opened: list[PrintPreviewDialog] = []
    task = preview_dossier_form(None, ctx, dossier.row.id, "mau01", on_open=opened.append)
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    dialog = opened[0]
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Xem trước khi in – Mẫu 01 – Cà phê bột nguyên chất"
    assert dialog.suggested_name == "Mau01-Ca-phe-bot-nguyen-chat.pdf"
    assert dialog.page_text().strip().startswith("Trang 1/")
    dialog.close()


def test_a_form_the_dossier_cannot_print_yet_is_a_plain_message(
    qtbot,
    ctx: AppContext,  # type: ignore[no-untyped-def]
    messages,
) -> None:
    dossier = DossierService(ctx, today=TODAY).create(make_product(ctx), "first")
    task = preview_dossier_form(None, ctx, dossier.row.id, "receipt", on_open=lambda d: d.close())
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert messages.texts("warn") == [
        "Hồ sơ chưa được tiếp nhận nên chưa có phiếu tiếp nhận. Hãy “Tiếp nhận và cấp số phiếu” trước."
    ]


def test_blank_sheet_preview_and_a_preview_of_any_pdf(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened: list[PrintPreviewDialog] = []
    task = preview_blank_form(None, "sheet", 26, on_open=opened.append)
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert opened[0].windowTitle() == "Xem trước khi in – Phiếu chấm điểm – bộ 26"
    assert opened[0].suggested_name == "Phieu-cham-diem-bo-26.pdf"
    again = open_print_preview(opened[0], opened[0].pdf_path, "Bản sao")
    assert again.parent() is opened[0]  # a window of its own, owned by the caller's window
    again.close()
    opened[0].close()
