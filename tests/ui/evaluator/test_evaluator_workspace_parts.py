"""Parts of the evaluator workspace: the sheet store's optimistic locking, the PDF evidence in the
print preview, and switching the interface language."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from helpers.evaluator import Offices
from helpers.evaluator_ui import assignment_package, import_through_workspace, workspace
from helpers.province import answers_for
from ocop_desktop.domain.errors import ConflictError
from ocop_desktop.ui.evaluator.store import EvaluatorSheetStore
from ocop_desktop.ui.evaluator.workspace_view import TAB_FILES
from ocop_desktop.ui.kit.errors import RecordingSink
from ocop_desktop.ui.kit.i18n import install_language
from ocop_desktop.ui.scoring import SheetEdit


def _edit(answers: dict[str, int]) -> SheetEdit:
    return SheetEdit(answers=answers, knockouts=(), stops=(), notes={}, evidence={}, opinion="")


def test_store_saves_partial_sheets_and_refuses_stale_revisions(
    qtbot: QtBot, offices: Offices, messages: RecordingSink
) -> None:
    o = offices
    ws = workspace(qtbot, o)
    import_through_workspace(qtbot, ws, o, assignment_package(o))
    one, two = (
        EvaluatorSheetStore(o.evaluator, o.dossiers[0]),
        EvaluatorSheetStore(o.evaluator, o.dossiers[0]),
    )
    data = one.load()
    assert data.kind == "member" and data.revision is None and one.supports_stops
    assert [a.filename for a in data.attachments] == ["evidence-0.pdf"]
    answers = answers_for(data.sheet, 80)
    code = next(iter(answers))
    sha = data.attachments[0].id
    saved = one.save(
        SheetEdit(
            answers={code: answers[code]},
            knockouts=(),
            stops=(),
            notes={code: "Đã xem"},
            evidence={code: (sha, "f" * 64)},
            opinion="",
        ),
        None,
    )
    assert saved.revision is not None and saved.evidence == {code: (sha,)} and saved.notes == {code: "Đã xem"}
    assert two.load().revision == saved.revision
    one.save(_edit(dict(answers)), saved.revision)
    with pytest.raises(ConflictError):
        two.save(_edit({}), saved.revision)


def test_pdf_evidence_opens_in_the_print_preview(
    qtbot: QtBot, offices: Offices, messages: RecordingSink
) -> None:
    o = offices
    ws = workspace(qtbot, o)
    import_through_workspace(qtbot, ws, o, assignment_package(o))
    ws.show()
    ws.tabs.setCurrentIndex(TAB_FILES)
    assert ws.evidence.preview_button.isEnabled()
    ws.evidence.preview_button.click()
    preview = ws.pdf_preview
    assert preview is not None and preview.isVisible()
    preview.close()
    qtbot.waitUntil(lambda: not preview.isVisible())
    assert [s.kind for s in messages.shown] == ["info"]


def test_language_switch_retranslates_the_workspace(
    qtbot: QtBot, offices: Offices, messages: RecordingSink
) -> None:
    ws = workspace(qtbot, offices)
    install_language("en")
    try:
        qtbot.waitUntil(lambda: ws.import_button.text() == "Import assignment…")
        assert ws.tabs.tabText(0) == "Score sheet" and ws.enroll_button.text() == "Export enrollment package"
    finally:
        install_language("vi")
    qtbot.waitUntil(lambda: ws.import_button.text() == "Nhập gói phân công…")
