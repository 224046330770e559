"""Who takes which step of a dossier: the commune its own, the province its own (never a bare decision),
an evaluator laptop none; the province's outcomes a commune may record from paper."""

from __future__ import annotations

from datetime import date

from ocop_desktop.domain.dossiers import Action, Status, allowed_actions, paper_outcomes
from ocop_desktop.domain.paper_outcome import PaperDocument, paper_note, paper_problems

A, S = Action, Status


def test_each_office_is_offered_only_its_own_steps() -> None:
    assert allowed_actions(S.SENT, "commune") == [A.WITHDRAW]  # the producer may still withdraw it
    assert allowed_actions(S.SENT, "province") == [A.ACCEPT, A.RETURN]
    assert allowed_actions(S.ACCEPTED, "province") == [A.RETURN]  # a decision goes through the council
    assert allowed_actions(S.RETURNED, "commune") == [A.REOPEN, A.WITHDRAW]
    assert allowed_actions(S.RETURNED, "province") == []
    assert allowed_actions(S.COMMUNE_CHECKED, "commune") == [A.SEND, A.WITHDRAW]
    assert allowed_actions(S.WITHDRAWN, "commune") == [] and allowed_actions(S.DECIDED, "commune") == []
    assert all(allowed_actions(s, "evaluator") == [] for s in S)
    assert allowed_actions(S.ACCEPTED) == [A.RETURN, A.DECIDE, A.WITHDRAW]  # the lifecycle alone


def test_paper_outcomes_are_the_provinces_steps_at_a_commune_only() -> None:
    assert paper_outcomes(S.SENT, "commune") == [A.ACCEPT, A.RETURN]
    assert paper_outcomes(S.ACCEPTED, "commune") == [A.RETURN, A.DECIDE]
    assert paper_outcomes(S.COMMUNE_CHECKED, "commune") == [] and paper_outcomes(S.SENT, "province") == []


def test_the_document_is_named_and_a_return_gives_its_reasons() -> None:
    today = date(2026, 12, 3)
    blank = PaperDocument("", None, "", "", "")
    assert set(paper_problems(A.RETURN, blank, today)) == {
        "number",
        "signed_on",
        "signer",
        "received_via",
        "content",
    }
    assert "content" not in paper_problems(A.ACCEPT, blank, today)
    doc = PaperDocument(" 12/QĐ ", date(2026, 12, 1), "Nguyễn Văn A", "Bưu điện", " Lý do. ").cleaned()
    assert paper_problems(A.RETURN, doc, today) == {}
    assert paper_note(doc) == (
        "Theo văn bản giấy số 12/QĐ ngày 01/12/2026, người ký: Nguyễn Văn A; nhận qua: Bưu điện. "
        "Xã ghi nhận, không qua gói kết quả của tỉnh.\nLý do."
    )
