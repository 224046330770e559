"""A province round through the evaluation page: accept the inbox, create a round with the default
dates, assign, build the council, type a member's sheet in the score-sheet editor, aggregate the
round (matrix with outliers), propose, decide → certificates; print; the commune's view."""

from __future__ import annotations

from datetime import date

from shiboken6 import isValid

from helpers.province import MEMBERS, answers_for, sent_dossier, sheet_of
from helpers.province_ui import open_page, settle, show
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.councils import CouncilService, MemberInput
from ocop_desktop.services.province.rounds import RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.ui.kit.formatting import format_date


def test_a_round_from_inbox_to_certificates(qtbot, province_ctx, messages, type_unicode, opened_pdfs) -> None:  # type: ignore[no-untyped-def]
    ctx = province_ctx
    names = ["Cà phê Bốn Sao", "Cà phê Lệch Điểm", "Cà phê Ba Sao"]
    ids = [sent_dossier(ctx, n) for n in names]
    returned = sent_dossier(ctx, "Cà phê Thiếu Giấy")
    page = open_page(qtbot, ctx)
    assert page.round_combo.itemText(0) == "(chưa có đợt nào)"

    # inbox: one goes back to the commune with the reasons, the other three are accepted together
    show(qtbot, page, "inbox")
    assert [r.status for r in page.inbox.model.rows] == ["sent"] * 4
    assert page.inbox.model.data(page.inbox.model.index(0, 8)) == "→ Đợt 2/2026"
    page.inbox.table.selectRow([r.dossier_id for r in page.inbox.model.rows].index(returned))
    back = page.inbox.return_selected()
    back.ok_button.click()
    assert "Cần ghi lý do" in back.problem.text() and back.isVisible()
    type_unicode(back.text, "Thiếu giấy chứng nhận an toàn thực phẩm.")
    back.ok_button.click()
    settle(qtbot, page)
    assert not isValid(back)
    assert DossierService(ctx).get(returned).return_reasons == "Thiếu giấy chứng nhận an toàn thực phẩm."
    qtbot.waitUntil(lambda: len(page.inbox.model.rows) == 3)
    page.inbox.table.selectAll()
    page.inbox.accept_button.click()
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.inbox.model.rows == [])  # the filter shows those still waiting

    # a new round: number 2 of this year has QĐ 26's dates already filled in
    show(qtbot, page, "rounds")
    dialog = page.rounds.create_round()
    assert dialog.number.value() == 1 and dialog.cutoff.text() == f"30/04/{date.today().year}"
    dialog.number.setValue(2)
    assert (
        dialog.cutoff.text() == f"30/10/{date.today().year}"
        and dialog.finish.text() == f"30/12/{date.today().year}"
    )
    dialog.name.clear()
    type_unicode(dialog.name, "Đợt cuối năm")
    dialog.ok_button.click()
    settle(qtbot, page)
    assert not isValid(dialog)  # accepted and deleted
    assert page.state.detail is not None and page.state.detail.row.label == f"Đợt 2/{date.today().year}"
    assert page.round_combo.currentText() == f"Đợt 2/{date.today().year} — Đợt cuối năm"
    round_id = page.state.round_id

    # assign the accepted dossiers (those suggested for this round start ticked; tick all shown)
    page.rounds.assign()
    qtbot.waitUntil(lambda: page.rounds.dialog is not None and page.rounds.dialog.isVisible())
    page.rounds.dialog.picker.all_button.click()
    assert len(page.rounds.dialog.model.checked_rows()) == 3
    page.rounds.dialog.ok_button.click()
    settle(qtbot, page)
    assert sorted(e.product_name for e in page.rounds.entries.rows) == sorted(names)

    # the council: the chair through the dialog, the others as the builders make them
    show(qtbot, page, "council")
    member_dialog = page.council.add_member()
    type_unicode(member_dialog.name, MEMBERS[0][0])
    member_dialog.role.setCurrentIndex(member_dialog.role.findData("chair"))
    member_dialog.organisation.setText(MEMBERS[0][2])
    member_dialog.ok_button.click()
    settle(qtbot, page)
    for name, role, org, title in MEMBERS[1:5]:
        CouncilService(ctx).add_member(round_id, MemberInput(name, role, org, title))
    CouncilService(ctx).add_member(round_id, MemberInput("Ngô Thị Thư", "secretary", "Văn phòng Điều phối"))
    page.refresh()
    settle(qtbot, page)
    assert [m.role for m in page.council.members.rows] == [
        "chair",
        "member",
        "member",
        "member",
        "member",
        "secretary",
    ]
    # a second chair is refused inside the dialog, with the service's words
    again = page.council.add_member()
    again.name.setText("Người Thứ Hai")
    again.role.setCurrentIndex(again.role.findData("chair"))
    again.ok_button.click()
    settle(qtbot, page)
    assert again.isVisible() and "đã có chủ tịch hội đồng" in again.problem.text()
    again.reject()
    members = [m.id for m in page.council.members.rows if m.scores]

    # the chair's sheet for the first dossier typed in the editor
    show(qtbot, page, "scoring")
    settle(qtbot, page, page.scoring.select_dossier(ids[0]))
    assert len(page.scoring.members) == 5  # the secretary does not score
    assert "còn thiếu phiếu của TV1, TV2, TV3, TV4, TV5" in page.scoring.missing.text()
    page.scoring.open_sheet(members[0])
    qtbot.waitUntil(lambda: page.scoring.editor is not None, timeout=10_000)
    editor = page.scoring.editor
    wanted = answers_for(sheet_of(), 75)
    codes = list(wanted)
    for code in codes[:-1]:
        assert editor.set_answer(code, wanted[code])
    editor.flush()
    assert "còn 1 tiêu chí chưa chấm" in page.scoring.banner.text()  # a draft until the last one
    assert MemberScoreService(ctx).sheets(round_id, ids[0]) == []
    editor.set_answer(codes[-1], wanted[codes[-1]])
    editor.flush()
    assert "được lưu tự động" in page.scoring.banner.text()
    assert [s.total for s in MemberScoreService(ctx).sheets(round_id, ids[0])] == [75]
    settle(qtbot, page)
    assert page.scoring.member.itemText(0).endswith("75 điểm ★★★★")
    assert "còn thiếu phiếu của TV2, TV3, TV4, TV5" in page.scoring.missing.text()

    # the other sheets: dossier 2 has one wild member (spread 20 > 10)
    totals = {ids[0]: [None, 74, 76, 75, 75], ids[1]: [60, 62, 80, 61, 60], ids[2]: [55, 56, 55, 54, 55]}
    for dossier_id, row in totals.items():
        for member_id, total in zip(members, row, strict=True):
            if total is not None:
                MemberScoreService(ctx).enter(round_id, dossier_id, member_id, answers_for(sheet_of(), total))

    # aggregate the whole round in the background, then look at the matrices
    show(qtbot, page, "matrix")
    settle(qtbot, page, page.matrix.aggregate_round())
    assert "Đã tổng hợp 3 hồ sơ (1 cần chấm lại)" in page.matrix.round_banner.text()
    page.matrix.select_dossier(ids[1])
    settle(qtbot, page)
    model = page.matrix.model
    assert model.matrix is not None and model.matrix.total_outliers == (False, False, True, False, False)
    assert "color:#b3261e'>20</b> (tối đa 10)" in page.matrix.summary.text()
    assert "chấm lại" in page.matrix.problems.text()
    total_row = 0
    assert model.data(model.index(total_row, 4)) == "80"
    assert model.data(model.index(total_row, 4), 9) is not None  # ForegroundRole: highlighted
    rescore = page.matrix.request_rescore()
    type_unicode(rescore.text, "TV3 xem lại tiêu chí 1.2")
    rescore.ok_button.click()
    settle(qtbot, page)
    assert RoundService(ctx).entry(round_id, ids[1]).rescore_count == 2  # the aggregation's, then the chair's
    page.matrix.print_matrix()
    settle(qtbot, page)
    assert opened_pdfs and opened_pdfs[-1][0].read_bytes().startswith(b"%PDF")

    # propose and decide
    show(qtbot, page, "results")
    settle(qtbot, page)
    results = page.results
    procedure = RuleService().procedure(on=date.today())  # the numbers the tab states, read on a worker
    assert f"hiệu lực {procedure.certificate_months} tháng" in results.decision_note.text()
    assert "đạt từ 90 điểm" in results.five_star.hint.text()
    assert results.expiry.days.value() == procedure.reevaluation_opens_days
    assert results.propose_button.isEnabled()
    results.propose_button.click()
    settle(qtbot, page)
    assert {e.status for e in results.entries.rows} == {"proposed", "needs_rescore"}
    results.number.setText("1234/QĐ-UBND")
    results.decided_on.setText(format_date(date.today()))
    type_unicode(results.signer, "Nguyễn Văn Chủ")
    messages.answer = False  # "Xem lại": nothing decided
    results.decide_button.click()
    settle(qtbot, page)
    asked = messages.texts("ask")[-1]
    assert "công nhận 2 sản phẩm" in asked and "Cà phê Bốn Sao — 4★" in asked
    assert f"hiệu lực {procedure.certificate_months} tháng" in asked and results.decisions.rows == []
    messages.answer = True
    results.decide_button.click()
    settle(qtbot, page)
    assert results.decision_problem.text() == "" and results.tabs.currentIndex() == 1
    assert [o.decision.number for o in results.decisions.rows] == ["1234/QĐ-UBND"]
    certs = {(e.product_name, c.stars) for e, c in results.certificates.rows}
    assert certs == {("Cà phê Bốn Sao", 4), ("Cà phê Ba Sao", 3)}
    results.print_certificates()
    settle(qtbot, page)
    assert (
        opened_pdfs[-1][1].startswith("Dự thảo giấy chứng nhận") and opened_pdfs[-1][0].stat().st_size > 1000
    )
    assert RoundService(ctx).progress(round_id).decided == 2

    # revocation from the expiry view (certificates valid 36 months: look 4 years ahead)
    results.tabs.setCurrentIndex(3)
    settle(qtbot, page)
    results.expiry.days.setValue(1500)
    settle(qtbot, page)
    assert {r.product_name for r in results.expiry.model.rows} == {"Cà phê Bốn Sao", "Cà phê Ba Sao"}
    results.expiry.table.selectRow(0)
    revoke = results.expiry.revoke()
    type_unicode(revoke.text, "Vi phạm an toàn thực phẩm")
    revoke.ok_button.click()
    settle(qtbot, page)
    assert len(results.expiry.model.rows) == 1
    assert not [m for m in messages.shown if m.kind in ("warn", "bug")]
