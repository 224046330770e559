"""Linking a second laptop to a council member who already has one is a key change (issue 19): the
council tab's dialog shows the member's old and new fingerprints and applies only once the old
one is typed."""

from __future__ import annotations

from pathlib import Path

from helpers.evaluator import enroll, make_offices, other_evaluator
from helpers.identity import readable
from helpers.province_ui import open_page, settle, show
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.ui.kit.tables import select_row


def test_a_second_laptop_for_a_member_is_a_key_change(
    qtbot,
    tmp_path: Path,
    _template_dir: Path,
    files,  # type: ignore[no-untyped-def]
    messages,
) -> None:
    o = make_offices(tmp_path, _template_dir)
    try:
        enroll(o, "TV1")
        second = other_evaluator(o, tmp_path, _template_dir, "Lê Văn Công")
        pack = EvaluatorPackages(second).export_enrollment(o.folder / "may-moi.ocoppkg").path
        page = open_page(qtbot, o.province)
        show(qtbot, page, "council")
        settle(qtbot, page)
        select_row(page.council.table, 0)
        files.open_next.append(pack)
        page.council.laptop_button.click()
        qtbot.waitUntil(lambda: page.council.laptops.dialog is not None, timeout=10_000)
        dialog = page.council.laptops.dialog
        panel = dialog.key_change
        assert panel is not None and panel.change.office_name.startswith("máy chấm điểm của TV1")
        assert (panel.old.text(), panel.new.text()) == (readable(o.evaluator), readable(second))
        dialog.confirm_box.setChecked(True)
        assert not dialog.apply_button.isEnabled()
        qtbot.keyClicks(panel.typed, readable(o.evaluator))
        assert dialog.apply_button.isEnabled()
        dialog.apply_button.click()
        settle(qtbot, page)
        assert "Từ nay nhận phiếu chấm của TV1" in messages.texts("info")[-1]
        (link,) = ProvinceEvaluatorPackages(o.province).links(o.round_id)
        assert link.office_id == second.office().id
    finally:
        o.close()
