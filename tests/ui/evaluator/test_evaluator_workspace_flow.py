"""The evaluator workspace end to end: enrollment out (fingerprint shown), assignment in through
the dry-run preview, one dossier scored in the editor, the signed scores package out, and the
province receiving the member's sheet; a package meant for someone else changes nothing."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from helpers.evaluator import Offices, other_evaluator
from helpers.evaluator_ui import (
    assignment_package,
    finish,
    import_through_workspace,
    province_fingerprint,
    workspace,
)
from helpers.province import answers_for
from helpers.sync import db_state
from ocop_desktop.services.evaluator.work import EvaluatorWorkService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.ui.evaluator import build_evaluator_page
from ocop_desktop.ui.evaluator.workspace import EvaluatorWorkspace
from ocop_desktop.ui.evaluator.workspace_view import TAB_DOSSIER, TAB_FILES
from ocop_desktop.ui.kit.errors import RecordingSink


def test_empty_workspace_and_enrollment_fingerprint(
    qtbot: QtBot, offices: Offices, messages: RecordingSink
) -> None:
    o = offices
    target = o.folder / "enroll.ocoppkg"
    ws = workspace(qtbot, o, save_path=target)
    assert isinstance(build_evaluator_page(o.evaluator), EvaluatorWorkspace)
    ws.show()
    assert ws.stack.currentWidget() is ws.empty and not ws.scores_button.isEnabled()
    finish(qtbot, ws.steps.export_enrollment())
    assert target.is_file() and not messages.shown
    dialog = ws.steps.enrollment_dialog
    assert dialog is not None and dialog.isVisible()
    readable = PackageService(o.evaluator).own_keys().signing.readable
    groups = dialog.fingerprint_label.text().split()
    assert (
        dialog.fingerprint_label.text() == readable and len(groups) == 6 and all(len(g) == 5 for g in groups)
    )
    # the province can enroll the laptop with exactly what was read out
    ProvinceEvaluatorPackages(o.province).import_enrollment(
        target, o.round_id, "TV1", confirm_fingerprint=readable
    )
    dialog.close()
    # choosing no file does nothing
    ws.steps.choose_save_path = lambda _title, _suggested: None
    assert ws.steps.export_enrollment() is None


def test_import_score_export_and_province_receives(
    qtbot: QtBot, offices: Offices, messages: RecordingSink, opened: list[Path]
) -> None:
    o = offices
    package = assignment_package(o)
    ws = workspace(qtbot, o, open_path=package, save_path=o.folder / "scores.ocoppkg")
    ws.show()
    import_through_workspace(qtbot, ws, o, package)
    assert [s.kind for s in messages.shown] == ["info"], messages.shown
    assert ws.stack.currentWidget() is ws.splitter
    assert ws.title.text() == "TV1 · Nguyễn Văn Chủ" and "Đợt 2/2026" in ws.subtitle.text()
    assert [r.product_name for r in ws.rows] == ["Cà phê Năm Sao", "Cà phê Bốn Sao"]
    assert ws.table.rowCount() == 2 and ws.current_id == o.dossiers[0]
    assert ws.table.item(0, 1).text().startswith("0/")

    # the dossier and its evidence, read-only
    ws.tabs.setCurrentIndex(TAB_DOSSIER)
    assert "Hợp tác xã Cà phê Năm Sao" in ws.summary.toPlainText()
    assert "Người đại diện theo pháp luật" in ws.summary.toPlainText()
    ws.tabs.setCurrentIndex(TAB_FILES)
    assert [f.filename for f in ws.evidence.files] == ["evidence-0.pdf"]
    ws.evidence.open_button.click()
    [copy] = opened
    assert copy.name == "evidence-0.pdf" and copy.read_bytes().startswith(b"%PDF")

    # score the first dossier in the editor: half, then all of it
    editor = ws.editor
    assert editor is not None
    answers = answers_for(editor.sheet, 95, keep_floors=5)
    codes = list(answers)
    for code in codes[: len(codes) // 2]:
        assert editor.set_answer(code, answers[code])
    assert editor.flush()
    half = editor.result
    assert half is not None and half.unanswered
    assert ws.table.item(0, 1).text() == f"{len(half.answers)}/{len(half.answers) + len(half.unanswered)}"
    # incomplete sheets only: nothing to send
    assert ws.steps.export_scores() is None and messages.shown[-1].kind == "warn"
    for code in codes[len(codes) // 2 :]:
        assert editor.set_answer(code, answers[code])
    assert editor.flush()
    assert ws.progress[o.dossiers[0]].complete and ws.table.item(0, 2).text().startswith("95")
    assert "1/2" in ws.subtitle.text()

    # the other dossier half scored: the export warns and sends only the complete sheet
    ws.select_dossier(o.dossiers[1])
    assert ws.editor is editor and editor.store.dossier_id == o.dossiers[1]  # one editor, re-filled
    assert ws.table.item(0, 1).text() == f"{len(codes)}/{len(codes)}"  # the first sheet stays as saved
    assert ws.editor.set_answer(codes[0], answers[codes[0]])
    shown = len(messages.shown)
    finish(qtbot, ws.steps.export_scores())
    ask, done = messages.shown[shown:]
    assert ask.kind == "ask" and "Cà phê Bốn Sao" in ask.text and "1 phiếu" in ask.text
    assert done.kind == "info" and "scores.ocoppkg" in done.text
    assert EvaluatorWorkService(o.evaluator).dossiers()[0].sent

    # at the province: the member's sheet arrived
    result = ProvinceEvaluatorPackages(o.province).import_scores(o.folder / "scores.ocoppkg")
    assert result.applied
    sheets = MemberScoreService(o.province).sheets(o.round_id, o.dossiers[0])
    assert [(s.member_id, s.total) for s in sheets] == [(o.members[0], 95)]
    assert MemberScoreService(o.province).sheets(o.round_id, o.dossiers[1]) == []


def test_answering_no_to_the_incomplete_warning_writes_nothing(
    qtbot: QtBot, offices: Offices, messages: RecordingSink, opened: list[Path]
) -> None:
    o = offices
    package = assignment_package(o)
    target = o.folder / "scores.ocoppkg"
    ws = workspace(qtbot, o, save_path=target)
    import_through_workspace(qtbot, ws, o, package)
    assert ws.editor is not None
    answers = answers_for(ws.editor.sheet, 75)
    for code, index in answers.items():
        ws.editor.set_answer(code, index)
    messages.answer = False
    assert ws.steps.export_scores() is None and not target.exists()
    assert ws.sheet_counts() == (1, 1)


def test_package_for_someone_else_is_refused_and_changes_nothing(
    qtbot: QtBot, offices: Offices, tmp_path: Path, _template_dir: Path, messages: RecordingSink
) -> None:
    o = offices
    package = assignment_package(o)  # for this laptop (TV1)
    stranger = other_evaluator(o, tmp_path, _template_dir, "Lê Văn Công")
    theirs = Offices(o.province, stranger, o.folder)
    ws = workspace(qtbot, theirs)
    before = db_state(stranger)
    finish(qtbot, ws.steps.import_assignment(package))
    [shown] = messages.shown
    assert shown.kind == "warn"
    try:
        EvaluatorPackages(stranger).preview_assignment(package)
    except Exception as exc:  # noqa: BLE001 - the service's own refusal, shown as is
        assert shown.text == exc.message  # type: ignore[attr-defined]
    else:
        raise AssertionError("the service accepted a package for another laptop")
    assert ws.steps.preview_dialog is None and db_state(stranger) == before
    assert ws.stack.currentWidget() is ws.empty and EvaluatorWorkService(stranger).assignments() == []
    # a wrong fingerprint on the right laptop: refused by the service, nothing imported
    mine = workspace(qtbot, o)
    finish(qtbot, mine.steps.import_assignment(package))
    assert mine.steps.preview_dialog is not None and mine.steps.preview_dialog.fingerprint_edit is not None
    mine.steps.preview_dialog.fingerprint_edit.setText("12345 12345 12345 12345 12345 12345")
    before = db_state(o.evaluator)
    mine.steps.preview_dialog.accept()
    finish(qtbot, mine.steps.last_task)
    assert messages.shown[-1].kind == "warn" and "không khớp" in messages.shown[-1].text
    assert db_state(o.evaluator) == before and mine.stack.currentWidget() is mine.empty
    assert province_fingerprint(o)
