"""A member's sheet half-typed on the scoring tab survives closing the window: a new evaluation page
on the same data folder (a fresh store, as after a restart) shows the typed answers and what is
still missing; the draft can be finished, dropped with "Bỏ bản nháp…", and a draft that an
evaluator package overtook is dropped when opened, with the banner saying so."""

from __future__ import annotations

from typing import Any

from helpers.province import TODAY, answers_for, council, sent_dossier, sheet_of
from helpers.province_ui import open_page, settle, show
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.province import evaluator_data as province_evaluator
from ocop_desktop.services.province.drafts import MemberDraftService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.ui.kit.tasks import wait_for_tasks


def _open(qtbot: Any, page: Any, dossier_id: str, member_id: str) -> Any:
    tab = show(qtbot, page, "scoring")
    settle(qtbot, page, tab.select_dossier(dossier_id))
    tab.open_sheet(member_id)
    qtbot.waitUntil(
        lambda: tab.editor is not None and tab.store is not None and tab.store.key[2] == member_id,
        timeout=10_000,
    )
    return tab


def _item(tab: Any, member_id: str) -> str:
    return tab.member.itemText(tab.member.findData(member_id))


def test_a_half_typed_sheet_survives_a_restart(qtbot, province_ctx, messages, type_unicode) -> None:  # type: ignore[no-untyped-def]
    ctx = province_ctx
    dossier = sent_dossier(ctx, "Cà phê Nhập Dở")
    InboxService(ctx, today=TODAY).accept(dossier)
    round_id = RoundService(ctx, today=TODAY).create(RoundInput(2026, 2)).row.id
    members = council(ctx, round_id)
    RoundService(ctx).assign(round_id, [dossier])
    wanted = answers_for(sheet_of(), 75)
    codes = list(wanted)

    # TV2's paper sheet: the first ten criteria and the opinion, then the window closes
    page = open_page(qtbot, ctx)
    tab = _open(qtbot, page, dossier, members[1])
    for code in codes[:10]:
        assert tab.editor.set_answer(code, wanted[code])
    type_unicode(tab.editor.opinion, "Bao bì đẹp")
    tab.editor.flush()
    missing = len(tab.editor.result.unanswered)
    assert (
        f"còn {missing} tiêu chí chưa chấm" in tab.banner.text()
        and "Bản nháp được lưu tự động" in tab.banner.text()
    )
    assert _item(tab, members[1]).endswith(f"nháp, còn thiếu {missing} tiêu chí")
    assert tab.discard_button.isVisible()
    assert MemberScoreService(ctx).sheets(round_id, dossier) == []  # a draft, not a sheet
    page.close()  # the window closes and the store with it; a new one opens on the same folder
    assert wait_for_tasks(5000)
    ctx.close()

    again = open_app(ctx.paths)
    try:
        page = open_page(qtbot, again)
        tab = show(qtbot, page, "scoring")
        settle(qtbot, page, tab.select_dossier(dossier))
        assert _item(tab, members[1]).endswith(f"nháp, còn thiếu {missing} tiêu chí")  # read with the sheets
        assert _item(tab, members[0]).endswith("chưa có phiếu")
        tab = _open(qtbot, page, dossier, members[1])
        editor = tab.editor
        assert (
            editor.answers() == {c: wanted[c] for c in codes[:10]}
            and editor.opinion.toPlainText() == "Bao bì đẹp"
        )
        assert f"còn {missing} tiêu chí chưa chấm" in tab.banner.text() and tab.discard_button.isVisible()

        # finishing the sheet stores it and deletes the draft
        for code in codes[10:]:
            editor.set_answer(code, wanted[code])
        editor.flush()
        settle(qtbot, page)
        assert "được lưu tự động" in tab.banner.text() and not tab.discard_button.isVisible()
        assert [s.total for s in MemberScoreService(again).sheets(round_id, dossier)] == [75]
        assert MemberDraftService(again).drafts(round_id, dossier) == {}
        assert _item(tab, members[1]).endswith("75 điểm ★★★★")

        # TV3 starts, then the draft is dropped on purpose (after the question)
        tab = _open(qtbot, page, dossier, members[2])
        for code in codes[:4]:
            tab.editor.set_answer(code, wanted[code])
        tab.editor.flush()
        assert "nháp" in _item(tab, members[2])
        task = tab.discard_draft()
        assert task is not None and "Bỏ bản nháp phiếu của TV3" in messages.texts("ask")[-1]
        qtbot.waitUntil(
            lambda: task.done and tab.editor is not None and tab.store is not None, timeout=10_000
        )
        assert tab.editor.answers() == {} and _item(tab, members[2]).endswith("chưa có phiếu")
        assert MemberDraftService(again).get(round_id, dossier, members[2]) is None

        # TV4 starts typing; meanwhile the sheet arrives from TV4's laptop: the draft is dropped, said so
        tab = _open(qtbot, page, dossier, members[3])
        for code in codes[:4]:
            tab.editor.set_answer(code, wanted[code])
        tab.editor.flush()
        settle(qtbot, page, tab.select_dossier(dossier))  # closes the editor
        province_evaluator.import_scores(
            again,
            {
                "schema": 1,
                "round_id": round_id,
                "member_id": members[3],
                "sheets": [
                    {
                        "dossier_id": dossier,
                        "ruleset_hash": sheet_of().ruleset_hash,
                        "answers": answers_for(sheet_of(), 70),
                        "knockouts": [],
                        "stops": [],
                        "opinion": "",
                        "notes": {},
                    }
                ],
            },
        )
        tab = _open(qtbot, page, dossier, members[3])
        assert "đã bị bỏ" in tab.banner.text() and "phiếu đã lưu" in tab.banner.text()
        assert tab.editor.answers() == answers_for(sheet_of(), 70) and not tab.discard_button.isVisible()
        assert MemberDraftService(again).get(round_id, dossier, members[3]) is None
        assert not [m for m in messages.shown if m.kind in ("warn", "bug")]
        page.close()
    finally:
        wait_for_tasks(5000)
        again.close()
