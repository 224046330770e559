"""A council member scoring on a laptop, driven from the evaluation page: link the laptop to the
member (fingerprint confirmed), export the member's assignment, and import the signed sheets the
laptop sends back, with the preview and the receipt."""

from __future__ import annotations

from pathlib import Path

from helpers.evaluator import make_offices
from helpers.province import answers_for
from helpers.province_ui import open_page, settle, show
from ocop_desktop.services.evaluator.work import EvaluatorWorkService, SheetEditInput
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.ui.kit.tables import select_row


def test_laptop_enrollment_assignment_and_scores(
    qtbot,
    tmp_path: Path,
    _template_dir: Path,
    files,  # type: ignore[no-untyped-def]
    messages,
) -> None:
    o = make_offices(tmp_path, _template_dir)
    try:
        enrollment = EvaluatorPackages(o.evaluator).export_enrollment(o.folder / "ghi-danh-may.ocoppkg")
        read_aloud = PackageService(o.evaluator).own_keys().signing.readable
        page = open_page(qtbot, o.province)

        # link the laptop to TV1 (the chair)
        show(qtbot, page, "council")
        settle(qtbot, page)
        select_row(page.council.table, 0)
        files.open_next.append(enrollment.path)
        page.council.laptop_button.click()
        qtbot.waitUntil(lambda: page.council.laptops.dialog is not None, timeout=10_000)
        dialog = page.council.laptops.dialog
        assert dialog.fingerprint.text() == read_aloud and not dialog.apply_button.isEnabled()
        dialog.confirm_box.setChecked(True)
        dialog.apply_button.click()
        settle(qtbot, page)
        assert "Từ nay nhận phiếu chấm của TV1" in messages.texts("info")[-1]
        qtbot.waitUntil(lambda: page.council.members.data(page.council.members.index(0, 6)) != "")

        # the assignment for TV1, scored on the laptop (services), sheets sent back
        show(qtbot, page, "scoring")
        settle(qtbot, page, page.scoring.select_dossier(o.dossiers[0]))
        page.scoring.member.setCurrentIndex(page.scoring.member.findData(o.members[0]))
        # TV2 has no laptop: nothing is exported, the officer is told to enroll it first
        page.scoring.member.setCurrentIndex(page.scoring.member.findData(o.members[1]))
        page.scoring.export_button.click()
        settle(qtbot, page)
        assert "chưa ghi danh máy chấm điểm" in messages.texts("info")[-1]
        assert not (o.folder / "phan-cong.ocoppkg").exists() and files.asked_save == []  # no file asked
        page.scoring.member.setCurrentIndex(page.scoring.member.findData(o.members[0]))
        files.save_next.append(o.folder / "phan-cong.ocoppkg")
        page.scoring.export_button.click()
        settle(qtbot, page)
        assert "mã hóa cho máy chấm điểm đã ghi danh" in messages.texts("ask")[-1]
        assert page.scoring.laptops.last_export.encrypted and "2 hồ sơ" in messages.texts("info")[-1]
        laptop = EvaluatorPackages(o.evaluator)
        laptop.import_assignment(
            o.folder / "phan-cong.ocoppkg",
            confirm_fingerprint=PackageService(o.province).own_keys().signing.readable,
        )
        work = EvaluatorWorkService(o.evaluator)
        for row, total in zip(work.dossiers(), (80, 70), strict=True):
            work.save_sheet(
                row.dossier_id, SheetEditInput(answers_for(work.sheet(row.dossier_id).sheet, total))
            )
        scores = laptop.export_scores(o.folder / "phieu-cham.ocoppkg")

        files.open_next.append(scores.path)
        files.save_next.append(o.folder / "bien-nhan-phieu.ocoppkg")
        page.scoring.import_button.click()
        flow = page.scoring.laptops.flow
        qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
        assert [r.outcome for r in flow.dialog.rows()] == ["new", "new"]
        assert flow.dialog.model.data(flow.dialog.model.index(0, 5)) == "Đã có phiếu chấm"
        flow.dialog.apply_button.click()
        qtbot.waitUntil(lambda: flow.result is not None, timeout=10_000)
        settle(qtbot, page)
        assert (o.folder / "bien-nhan-phieu.ocoppkg").is_file()
        totals = {
            s.dossier_id: s.total
            for d in o.dossiers
            for s in MemberScoreService(o.province).sheets(o.round_id, d)
        }
        assert sorted(totals.values()) == [70, 80]
        assert page.scoring.member.itemText(0).startswith("TV1") and "điểm" in page.scoring.member.itemText(0)
        assert not [m for m in messages.shown if m.kind in ("warn", "bug")]
    finally:
        o.close()


def test_on_a_laptop_the_pages_are_the_evaluator_workspace_and_its_enrollment(
    qtbot,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    _template_dir: Path,
    files,
    messages,
) -> None:
    from ocop_desktop.services.sync.opened import package_kind
    from ocop_desktop.ui.evaluator.workspace import EvaluatorWorkspace
    from ocop_desktop.ui.kit.tasks import wait_for_tasks
    from ocop_desktop.ui.shell.pages import PAGES
    from ocop_desktop.ui.sync.page import SyncPage

    o = make_offices(tmp_path, _template_dir)
    try:
        page = next(p for p in PAGES if p.name == "evaluation").build(o.evaluator, lambda *_: page)
        qtbot.addWidget(page)
        assert isinstance(page, EvaluatorWorkspace)
        sync = SyncPage(o.evaluator)
        qtbot.addWidget(sync)
        sync.show()
        qtbot.waitUntil(sync.is_ready, timeout=10_000)
        assert sync.export_button.isHidden() and sync.reference_button.isHidden()
        files.save_next.append(tmp_path / "ghi-danh.ocoppkg")
        sync.enroll_button.click()
        qtbot.waitUntil(lambda: bool(messages.texts("info")), timeout=10_000)
        assert package_kind(tmp_path / "ghi-danh.ocoppkg") == ("enrollment", "evaluator")
    finally:
        wait_for_tasks(10_000)
        o.close()
