"""The results tab's 5★ list and “Ghi kết quả của Bộ…”: a ≥ 90-point product missing a 5★ floor is
listed with that floor; the dialog opens with the focus in its first input, refuses points that do
not read, asks before writing, and records the central result (87 points, 4★); the province then
recognises 4★ in its own decision."""

from __future__ import annotations

from datetime import date

from shiboken6 import isValid

from helpers.province import TODAY, five_star_round
from helpers.province_ui import open_page, settle, show
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.results import ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.ui.kit.formatting import format_date
from ocop_desktop.ui.kit.tables import select_row
from ocop_desktop.ui.province.ministry_dialog import MinistryResultDialog


def test_record_the_ministry_s_result_then_decide(qtbot, province_ctx, messages, type_unicode) -> None:  # type: ignore[no-untyped-def]
    ctx = province_ctx
    round_id, near, full = five_star_round(ctx)
    ResultService(ctx, today=TODAY).propose(round_id)
    page = open_page(qtbot, ctx)
    page.state.select(round_id)
    results = show(qtbot, page, "results")
    results.tabs.setCurrentIndex(2)
    panel = results.five_star
    qtbot.waitUntil(lambda: len(panel.rows.rows) == 2, timeout=10_000)
    by_id = {r.dossier_id: i for i, r in enumerate(panel.rows.rows)}
    floors = panel.rows.data(panel.rows.index(by_id[near], 5))
    assert floors == "Chưa đạt: 7 (5★)"
    assert panel.rows.data(panel.rows.index(by_id[full], 5)) == "Đạt đủ"
    assert panel.rows.data(panel.rows.index(by_id[near], 6)) == "Chờ kết quả của Bộ"
    assert not results.decide_button.isEnabled()  # nothing for the province yet

    select_row(panel.table, by_id[near])
    panel.central_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, MinistryResultDialog) and dialog.isVisible()
    assert "chưa đạt 7 (5★)" in dialog.about.text()
    qtbot.waitUntil(lambda: dialog.number.hasFocus())  # the first input

    type_unicode(dialog.number, "45/QĐ-BNNMT")
    dialog.decided_on.setText("10/11/2026")
    dialog.stars.setCurrentIndex(dialog.stars.findData(4))
    type_unicode(dialog.points, "tám bảy")
    dialog.ok_button.click()
    assert "không phải một số" in dialog.problem.text() and dialog.isVisible()
    assert messages.texts("ask") == []  # refused before asking

    dialog.points.clear()
    type_unicode(dialog.points, "87")
    messages.answer = False  # "Xem lại": nothing written
    dialog.ok_button.click()
    settle(qtbot, page)
    assert "87 điểm" in messages.texts("ask")[-1] and "4 sao" in messages.texts("ask")[-1]
    assert dialog.isVisible() and RoundService(ctx).entry(round_id, near).status == "proposed"

    messages.answer = True
    dialog.ok_button.click()
    settle(qtbot, page)
    assert not isValid(dialog)
    entry = RoundService(ctx).entry(round_id, near)
    assert (entry.status, entry.central_stars, entry.central_total) == ("central_result", 4, 87)
    qtbot.waitUntil(lambda: "tỉnh công nhận" in str(panel.rows.data(panel.rows.index(by_id[near], 6))))
    assert not panel.central_button.isEnabled()  # closed

    # Art. 7.4: the province's own decision takes it at 4★
    assert results.decide_button.isEnabled()
    results.tabs.setCurrentIndex(0)
    type_unicode(results.number, "1300/QĐ-UBND")
    results.decided_on.setText(format_date(date.today()))
    type_unicode(results.signer, "Nguyễn Văn Chủ")
    results.decide_button.click()
    settle(qtbot, page)
    assert "4★ theo kết quả Hội đồng cấp trung ương" in messages.texts("ask")[-1]
    assert DossierService(ctx).get(near).row.status == "decided"


def test_the_stricter_reading_is_a_council_setting_off_by_default(qtbot, province_ctx, messages) -> None:  # type: ignore[no-untyped-def]
    ctx = province_ctx
    round_id = RoundService(ctx, today=TODAY).create(RoundInput(2026, 2)).row.id
    page = open_page(qtbot, ctx)
    page.state.select(round_id)
    tab = show(qtbot, page, "council")
    qtbot.waitUntil(lambda: tab.name.text() != "" or page.state.detail is not None, timeout=10_000)
    assert not tab.five_star_strict.isChecked()  # the decision's reading: points alone
    tab.five_star_strict.setChecked(True)
    settle(qtbot, page, tab.save_settings())
    assert RoundService(ctx).get(round_id).row.five_star_rule == "points_and_floors"
