"""The main window: every page opens, keyboard navigation, status bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ocop_desktop.ui.shell.app import build_main_window
from ocop_desktop.ui.shell.pages import PAGE_NAMES

TITLES = ["Tổng quan", "Chủ thể", "Sản phẩm", "Hồ sơ", "Đánh giá", "Đồng bộ", "Báo cáo", "Cài đặt"]


@pytest.fixture
def window(qtbot, ctx):  # type: ignore[no-untyped-def]
    w = build_main_window(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.summary_task is None)  # who we are is read in the background
    return w


def test_title_navigation_and_status_bar(window) -> None:  # type: ignore[no-untyped-def]
    assert window.windowTitle() == "OCOP Desktop — UBND Phường Hoàn Kiếm"
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == TITLES
    assert "UBND Phường Hoàn Kiếm" in window.office_label.text()
    assert "UBND cấp xã" in window.office_label.text()
    assert window.officer_label.text().startswith("Cán bộ:") or window.officer_label.isHidden()
    assert window.current_page_name() == "home"


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_each_page_opens(window, name: str) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page(name)
    assert window.stack.currentWidget() is page
    assert window.nav.currentRow() == PAGE_NAMES.index(name)
    assert page.isVisible()


def test_ctrl_number_and_the_list_switch_pages(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == "settings"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == "products"
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_page_name() == "dossiers"


def test_unknown_page_is_refused(window) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KeyError):
        window.show_page("nothing")


def test_settings_show_the_office_read_in_the_background(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    settings = window.show_page("settings")
    qtbot.waitUntil(settings.is_ready)
    assert (
        settings.office_name.text() == "UBND Phường Hoàn Kiếm" and settings.officer.text() == "Nguyễn Văn An"
    )
    assert settings.role.text() == "UBND cấp xã (xã, phường, đặc khu)"
    assert len(settings.fingerprint.text().split()) == 6


def test_about_opens_without_blocking(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.shell.about import AboutDialog

    window.about_action.trigger()

    about = window.findChild(AboutDialog)
    assert about is not None and about.isVisible()
    about.close()


def test_closing_the_window_asks_before_losing_a_dialog(qtbot, window, messages) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("producers")
    page.open_new()
    qtbot.keyClicks(page.dialog.name, "HTX")
    messages.answer = False  # "Tiếp tục sửa"
    window.close()
    assert window.isVisible() and page.dialog.isVisible()
    messages.answer = True
    window.close()
    assert not window.isVisible()


def test_ctrl_n_acts_on_the_visible_page_only(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.show_page("products")
    producers = window.show_page("producers")
    window.activateWindow()
    qtbot.keyClick(producers.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert producers.dialog is not None and producers.dialog.isVisible()
    assert window.page("products").dialog is None
    producers.dialog.close()


def test_vietnamese_formats() -> None:
    from datetime import date, datetime

    from ocop_desktop.ui.kit.formatting import format_date, format_datetime, format_int, format_number

    assert format_date(date(2026, 3, 5)) == "05/03/2026"
    assert format_datetime(datetime(2026, 3, 5, 14, 7)) == "05/03/2026 14:07"
    assert format_int(1234567) == "1.234.567"
    assert format_number(1234.5) == "1.234,5"
    assert format_date(None) == ""
