"""Report tables on screen: headers, widths."""

from __future__ import annotations


def test_headers_break_at_their_colon_so_the_figures_set_the_width() -> None:
    from ocop_desktop.services.reports.model import ReportTable
    from ocop_desktop.ui.reports.table_view import columns

    table = ReportTable(
        "t", "T", ("Xã/phường", "Sản phẩm mới: chỉ tiêu", "Đạt"), (("Phường Hoàn Kiếm", 12, 3),)
    )
    name, target, got = columns(table)
    assert target.title() == "Sản phẩm mới:\nchỉ tiêu" and target.right
    assert target.width == len("Sản phẩm mới") + 2  # the longer line, not the whole header
    assert name.width == 0  # the names take the room left
