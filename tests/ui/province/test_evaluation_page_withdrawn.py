"""The evaluation page with a dossier its producer withdrew after the round had scored it (issue 15):
greyed in the round's lists with "Đã rút hồ sơ ngày …", its council matrix kept but greyed with no
outlier highlighted and nothing to aggregate, and the secretary's notice until "Đã xem"."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from helpers.pdf import assert_sound_pdf, pdf_text
from helpers.province import TODAY, answers_for, council, sent_dossier, sheet_of
from helpers.province_ui import open_page, settle, show
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.province.withdrawals import withdraw_entry
from ocop_desktop.store.models import Dossier
from ocop_desktop.ui.kit.style import MUTED

REASON = "Chủ thể ngừng sản xuất (đơn ngày 18/11/2026)."
WITHDRAWN_AT = datetime(2026, 11, 17, 20, tzinfo=UTC)  # 18/11/2026 03:00 in Vietnam
# Spread members' totals so the withdrawn dossier's matrix has outliers that would be highlighted.
TOTALS = [60, 75, 75, 75, 75, 75, 90]


def _round_with_a_withdrawal(ctx):  # type: ignore[no-untyped-def]
    kept, gone = sent_dossier(ctx, "Cà phê Còn Lại"), sent_dossier(ctx, "Cà phê Đã Rút")
    for d in (kept, gone):
        InboxService(ctx, today=TODAY).accept(d)
    round_id = RoundService(ctx, today=TODAY).create(RoundInput(2026, 2)).row.id
    members = council(ctx, round_id)
    RoundService(ctx, today=TODAY).assign(round_id, [kept, gone])
    for member, total in zip(members, TOTALS, strict=True):
        for d in (kept, gone):
            MemberScoreService(ctx).enter(round_id, d, member, answers_for(sheet_of(), total))
    AggregationService(ctx).aggregate_round(round_id)
    # what applying the commune's withdrawal does (services/sync/apply.apply; the package round trip is
    # tests/services/sync/test_sync_withdrawal_round.py)
    with ctx.unit_of_work() as s:
        s.get(Dossier, gone).status = "withdrawn"
        withdraw_entry(s, gone, {"reason": REASON, "at": WITHDRAWN_AT.isoformat()}, "package-id")
    return round_id, kept, gone


def test_the_withdrawn_dossier_is_greyed_and_the_secretary_is_told(qtbot, province_ctx, opened_pdfs) -> None:  # type: ignore[no-untyped-def]
    _round_id, _kept, gone = _round_with_a_withdrawal(province_ctx)
    page = open_page(qtbot, province_ctx)
    page.resize(1366, 768)

    rounds = show(qtbot, page, "rounds")
    rows = rounds.entries.rows
    row = [e.dossier_id for e in rows].index(gone)
    status_col = 6
    index = rounds.entries.index(row, status_col)
    assert rounds.entries.data(index) == "Đã rút hồ sơ ngày 18/11/2026"
    assert rounds.entries.data(index, Qt.ItemDataRole.ForegroundRole).color() == MUTED
    assert REASON in rounds.entries.data(index, Qt.ItemDataRole.ToolTipRole)
    for col in range(rounds.entries.columnCount()):  # the whole row greyed, the sheets' green too
        cell = rounds.entries.index(row, col)
        assert rounds.entries.data(cell, Qt.ItemDataRole.ForegroundRole).color() == MUTED
        assert rounds.entries.data(cell, Qt.ItemDataRole.BackgroundRole) is None
    # the spread is too wide: the other dossier waits for a re-score; the withdrawn one is counted apart
    assert rounds.round_title.text() == (
        "Đợt 2/2026: 1 hồ sơ · 1 đủ phiếu · 0 đã tổng hợp · 0 có quyết định · 1 chủ thể đã rút"
    )
    assert rounds.notice.isVisible()
    notice = rounds.notice.banner.text()
    assert "Chủ thể đã rút 1 hồ sơ của đợt này" in notice
    assert f"• Cà phê Đã Rút (Phường Hoàn Kiếm), rút ngày 18/11/2026: {REASON}" in notice
    if os.environ.get("OCOP_SHOTS"):
        page.grab().save(os.path.join(os.environ["OCOP_SHOTS"], "withdrawn-rounds.png"))

    matrix = show(qtbot, page, "matrix")
    task = matrix.select_dossier(gone)
    settle(qtbot, page, task)
    model = matrix.model
    assert model.withdrawn and model.rowCount() > 1
    assert model.outlier_cells() == []  # the spread would flag cells: none are, it no longer competes
    for r in (0, 1, model.rowCount() - 1):
        for c in range(model.columnCount()):
            cell = model.index(r, c)
            assert model.data(cell, Qt.ItemDataRole.ForegroundRole).color() == MUTED
            assert model.data(cell, Qt.ItemDataRole.BackgroundRole) is None
            assert model.data(cell, Qt.ItemDataRole.FontRole).italic()
    assert model.data(model.index(0, 2)) == "60"  # the sheets are kept for the record
    assert "Đã rút hồ sơ ngày 18/11/2026" in matrix.summary.text()
    assert not matrix.one_button.isEnabled() and not matrix.rescore_button.isEnabled()
    assert matrix.print_button.isEnabled()
    assert "không còn được chấm, tổng hợp" in matrix.problems.text()
    settle(qtbot, page, matrix.print_matrix())  # printed for the record, with what happened
    [(pdf, _title)] = opened_pdfs
    assert_sound_pdf(pdf)
    text = " ".join(pdf_text(pdf).split())
    assert "Chủ thể đã rút hồ sơ ngày 18/11/2026; sản phẩm không được Hội đồng xét công nhận." in text
    if os.environ.get("OCOP_SHOTS"):
        shutil.copy(pdf, os.path.join(os.environ["OCOP_SHOTS"], "withdrawn-matrix.pdf"))
    if os.environ.get("OCOP_SHOTS"):
        page.grab().save(os.path.join(os.environ["OCOP_SHOTS"], "withdrawn-matrix.png"))

    # the other dossier's matrix is as before: coloured, its outliers highlighted
    task = matrix.select_dossier(_kept)
    settle(qtbot, page, task)
    assert not model.withdrawn and model.outlier_cells()
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ForegroundRole) is not None  # the outlier total

    scoring = show(qtbot, page, "scoring")  # the "to score" list no longer offers it
    offered = [scoring.dossier.itemData(i) for i in range(scoring.dossier.count())]
    assert offered == [_kept]

    council_tab = show(qtbot, page, "council")
    assert council_tab.notice.isVisible()
    if os.environ.get("OCOP_SHOTS"):
        page.grab().save(os.path.join(os.environ["OCOP_SHOTS"], "withdrawn-council.png"))
    council_tab.notice.seen_button.click()
    settle(qtbot, page)
    assert not council_tab.notice.isVisible() and not rounds.notice.isVisible()
    assert page.state.detail is not None
    assert [e.withdrawal_noted for e in page.state.detail.entries if e.dossier_id == gone] == [True]
