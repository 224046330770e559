"""Kế hoạch năm: the year's lines in a table, a line typed and saved with Enter (for the year or a round),
the service's refusal under its field with nothing saved, a line removed with the Delete key; at a
commune the province's targets read-only beside its own; reached from the Reports page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from helpers.sync import Pair
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.reports.plans import PlanLine, PlanService
from ocop_desktop.services.reports.service import ReportService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.ui.kit.errors import RecordingSink
from ocop_desktop.ui.kit.tables import select_row
from ocop_desktop.ui.reports.plan_dialog import PlanDialog
from ocop_desktop.ui.shell.reports_page import ReportsPage

YEAR = 2026


def opened(qtbot, ctx: AppContext) -> PlanDialog:  # type: ignore[no-untyped-def]
    dialog = PlanDialog(ctx, year=YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, dialog)
    return dialog


def idle(qtbot, dialog: PlanDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.task is None and dialog.sheet is not None, timeout=30_000)


def texts(dialog: PlanDialog) -> list[tuple[str, ...]]:
    model = dialog.model
    return [
        tuple(str(model.index(r, c).data()) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def choose(box, data: object) -> None:  # type: ignore[no-untyped-def]
    box.setCurrentIndex(box.findData(data))


def test_type_a_round_line_and_save_with_enter(qtbot, province_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    PlanService(province_ctx).set(PlanLine(YEAR, "", "", 20, 4, 2), groups={"I"})
    dialog = opened(qtbot, province_ctx)
    assert dialog.year.hasFocus() or QApplication.focusWidget() is dialog.year
    assert dialog.windowTitle() == "Kế hoạch năm"
    assert texts(dialog) == [("Cả năm", "Toàn địa bàn", "Tất cả", "20", "4", "2")]
    commune = next(code for code, name in dialog.sheet.communes.items() if name == "Phường Cửa Nam")  # type: ignore[union-attr]
    choose(dialog.editor.commune, commune)
    choose(dialog.editor.group, "I")
    choose(dialog.editor.period, 1)
    assert dialog.editor.until.isEnabled() and dialog.editor.until.date() == QDate(
        YEAR, 12, 31
    )  # no round known yet
    dialog.editor.until.setDate(QDate(YEAR, 7, 30))
    dialog.editor.counts["new_products"].setValue(3)
    dialog.editor.counts["upgrades"].setValue(1)
    dialog.editor.counts["new_products"].setFocus()
    qtbot.keyClick(dialog.editor.counts["new_products"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.model.rowCount() == 2, timeout=30_000)
    assert PlanService(province_ctx).lines(YEAR)[1] == PlanLine(
        YEAR, commune, "I", 3, 1, 0, 1, date(YEAR, 7, 30)
    )
    assert texts(dialog)[1] == ("Đợt 1 (đến 30/07)", "Phường Cửa Nam", "Thực phẩm", "3", "1", "0")
    assert dialog.status.text() == "Đã lưu dòng chỉ tiêu."
    qtbot.waitUntil(lambda: dialog.table.currentIndex().row() == 1)  # the saved line is selected
    # a new line of round 1 is proposed the round's end
    qtbot.mouseClick(dialog.editor.new_button, Qt.MouseButton.LeftButton)
    choose(dialog.editor.period, 1)
    assert dialog.editor.until.date() == QDate(YEAR, 7, 30)


def test_a_refused_line_shows_why_and_saves_nothing(qtbot, province_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    PlanService(province_ctx).set(PlanLine(YEAR, "", "", 2, 0, 0, 2, date(YEAR, 10, 30)), groups={"I"})
    dialog = opened(qtbot, province_ctx)
    choose(dialog.editor.period, 1)  # round 1 may not end after round 2
    dialog.editor.until.setDate(QDate(YEAR, 11, 15))
    dialog.editor.counts["new_products"].setValue(5)
    before = PlanService(province_ctx).lines(YEAR)
    qtbot.mouseClick(dialog.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.messages.text("period_end") != "", timeout=30_000)
    assert dialog.messages.text("period_end").startswith("Đợt 1 phải kết thúc sau các đợt trước")
    assert dialog.summary.text().startswith("Chưa lưu được")
    assert QApplication.focusWidget() in (dialog.editor.until, None) or dialog.editor.until.hasFocus()
    assert PlanService(province_ctx).lines(YEAR) == before


def test_the_delete_key_removes_the_line_after_asking(
    qtbot, province_ctx: AppContext, messages: RecordingSink
) -> None:  # type: ignore[no-untyped-def]
    plans = PlanService(province_ctx)
    plans.set(PlanLine(YEAR, "", "", 20, 4, 2), groups={"I"})
    plans.set(PlanLine(YEAR, "", "", 5, 0, 0, 1, date(YEAR, 7, 30)), groups={"I"})
    dialog = opened(qtbot, province_ctx)
    select_row(dialog.table, 1)
    assert (
        dialog.editor.period.currentData() == 1 and dialog.editor.counts["new_products"].value() == 5
    )  # loaded
    messages.answer = False
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert messages.texts("ask") == ["Xóa dòng chỉ tiêu “Đợt 1 (đến 30/07) — Toàn địa bàn — Tất cả”?"]
    assert dialog.task is None and len(plans.lines(YEAR)) == 2  # "Không xóa": nothing removed
    messages.answer = True
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.model.rowCount() == 1, timeout=30_000)
    assert plans.lines(YEAR) == [PlanLine(YEAR, "", "", 20, 4, 2)]


def test_another_year(qtbot, province_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    PlanService(province_ctx).set(PlanLine(YEAR + 1, "", "", 7, 0, 0), groups={"I"})
    dialog = opened(qtbot, province_ctx)
    assert texts(dialog) == []
    dialog.year.setValue(YEAR + 1)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.model.rowCount() == 1, timeout=30_000)
    assert texts(dialog)[0][3] == "7"


def test_at_a_commune_the_provinces_targets_are_read_only(qtbot, pair: Pair) -> None:  # type: ignore[no-untyped-def]
    groups = ReportService(pair.province).product_groups(date(YEAR, 6, 1))
    PlanService(pair.province).set(PlanLine(YEAR, "00070", "", 3, 1, 0, 1, date(YEAR, 7, 30)), groups=groups)
    PlanService(pair.province).set(PlanLine(YEAR, "00070", "", 6, 2, 1), groups=groups)
    PackageService(pair.commune).import_package(
        PackageService(pair.province).export_reference(pair.send("r.ocoppkg"), to="00070").path
    )
    PlanService(pair.commune).set(PlanLine(YEAR, "", "", 4, 0, 0), groups=groups)
    dialog = opened(qtbot, pair.commune)
    assert dialog.province_box.isVisible()
    assert dialog.province_box.title().startswith(f"Chỉ tiêu tỉnh giao năm {YEAR} (nhận ngày ")
    model = dialog.province_model
    rows = [tuple(str(model.index(r, c).data()) for c in (0, 1, 3)) for r in range(model.rowCount())]
    assert rows == [("Cả năm", "Phường Hoàn Kiếm", "6"), ("Đợt 1 (đến 30/07)", "Phường Hoàn Kiếm", "3")]
    assert texts(dialog) == [("Cả năm", "Toàn địa bàn", "Tất cả", "4", "0", "0")]
    assert dialog.province_table.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert [dialog.editor.commune.itemText(i) for i in range(dialog.editor.commune.count())] == [
        "Toàn địa bàn",
        "Phường Hoàn Kiếm",
    ]


def test_reached_from_the_reports_page(qtbot, province_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    page = ReportsPage(province_ctx)
    qtbot.addWidget(page)
    page.figures.day.setDate(QDate(YEAR, 9, 1))
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    dialog = page.plan_dialog
    assert dialog is not None and dialog.year.value() == YEAR
    idle(qtbot, dialog)
    dialog.close()
    qtbot.waitUntil(lambda: page.plan_dialog is None)


def test_reached_from_the_home_pages_year_figures(qtbot, province_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.home.page import HomePage
    from ocop_desktop.ui.shell.pages import _reports_tab

    home = HomePage(province_ctx)
    qtbot.addWidget(home)
    qtbot.waitUntil(lambda: home.task is None, timeout=30_000)
    assert home.plan_button.text() == "Kế hoạch năm…"
    with qtbot.waitSignal(home.goTo) as went:
        qtbot.mouseClick(home.plan_button, Qt.MouseButton.LeftButton)
    assert went.args == ["reports/plan", None]
    page = ReportsPage(province_ctx)
    qtbot.addWidget(page)
    assert _reports_tab(page, "plan", None) is page and page.plan_dialog is not None  # the shell's route
    idle(qtbot, page.plan_dialog)
    page.plan_dialog.close()
