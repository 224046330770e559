"""Sending from the dossier window is one honest act, on two real installations (a commune and its
province, real SQLite files, real package files read back): confirm → a signed package written →
only then "sent"; a cancel changes nothing; a commune whose province is not trusted yet is led
through enrollment; the province's steps are never buttons at the commune, and an outcome the
province sent on paper is a named, confirmed record in the history."""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from helpers.dossier_ui import build_editor
from helpers.qt import Files, answer_file_dialogs, finish_tasks, type_unicode
from helpers.sync import Pair, ready_dossier
from ocop_desktop.domain.errors import UserError
from ocop_desktop.ocoppkg import writer
from ocop_desktop.services.dossiers import service as service_module
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import DossierEvent, SyncPackage
from ocop_desktop.ui.dossiers import send_flow
from ocop_desktop.ui.dossiers.editor import DossierEditor
from ocop_desktop.ui.dossiers.paper_dialog import PaperOutcomeDialog
from ocop_desktop.ui.dossiers.send_dialogs import SendConfirmDialog, SentDialog, TrustGuideDialog
from ocop_desktop.ui.dossiers.send_jobs import send_plan


@pytest.fixture(autouse=True)
def files(monkeypatch: pytest.MonkeyPatch) -> Files:
    return answer_file_dialogs(monkeypatch)


@pytest.fixture
def documents(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The folder a package is offered in first (the officer's Documents)."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(send_flow, "package_folder", lambda: folder)
    return folder


def open_editor(qtbot, ctx, dossier_id: str) -> DossierEditor:  # type: ignore[no-untyped-def]
    editor = build_editor(ctx, dossier_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def press_send(qtbot, editor: DossierEditor):  # type: ignore[no-untyped-def]
    editor.header.action_buttons["send"].click()
    flow = editor.actions.send_flow
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
    return flow


def status(ctx, dossier_id: str) -> str:  # type: ignore[no-untyped-def]
    return DossierService(ctx).get(dossier_id).row.status


def test_send_confirms_writes_a_verified_package_and_only_then_marks_sent(  # type: ignore[no-untyped-def]
    qtbot, pair: Pair, files: Files, documents: Path, opened, monkeypatch, tmp_path: Path
) -> None:
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    target = pair.folder / "gui-tinh.ocoppkg"
    seen_when_sent: list[bool] = []
    real_transition = service_module.record_transition

    def transition(s, d, action, note, actor):  # type: ignore[no-untyped-def]
        if action.value == "send":  # the whole package is written (under its journaled temp name)
            # before "sent", which commits with its record; the rename follows, or the next start does it
            seen_when_sent.append(
                any(p.name.startswith(f".{target.name}.") for p in target.parent.iterdir())
                and (pair.commune.paths.data_dir / "publishing").is_dir()
            )
        return real_transition(s, d, action, note, actor)

    monkeypatch.setattr(service_module, "record_transition", transition)
    editor = open_editor(qtbot, pair.commune, dossier_id)
    assert editor.header.action_buttons["send"].text() == "Gửi hồ sơ lên tỉnh…"
    flow = press_send(qtbot, editor)
    confirm = flow.dialog
    assert isinstance(confirm, SendConfirmDialog)
    assert (
        confirm.heading.text() == f"Gửi hồ sơ “{confirm.plan.product_name}” cho {pair.province.office().name}"
    )
    assert confirm.target().parent == documents and confirm.target().name.startswith("ho-so-gui-tinh-00070-")
    assert status(pair.commune, dossier_id) == "commune_checked"  # asking changes nothing
    files.save_next.append(target)
    confirm.change_button.click()
    assert confirm.target() == target and files.asked_save[-1].startswith("ho-so-gui-tinh-00070-")
    confirm.send_button.click()
    qtbot.waitUntil(lambda: isinstance(flow.dialog, SentDialog) and flow.dialog.isVisible(), timeout=20_000)
    done: SentDialog = flow.dialog
    assert seen_when_sent == [True] and status(pair.commune, dossier_id) == "sent"
    assert (
        done.where.path == target
        and done.where.name.text() == target.name
        and done.package.dossier_ids == (dossier_id,)
    )
    assert editor.header.values["status"].text() == "Đã gửi tỉnh"
    assert editor.header.paper_button.isVisible() and "send" not in editor.header.action_buttons
    done.open_button.click()
    assert opened == [pair.folder]
    done.accept()
    finish_tasks(qtbot)
    assert editor.actions.send_flow is None

    # read back at the province: signed, every hash right, one new dossier, history without strangers
    preview = PackageService(pair.province).preview(target)
    assert [(d.dossier_id, d.outcome) for d in preview.dossiers] == [(dossier_id, "new")]
    assert preview.package.kind == "submission" and not preview.warnings
    PackageService(pair.province).import_package(target)
    assert DossierService(pair.province).get(dossier_id).row.status == "sent"
    editor.close()


def test_cancelling_the_send_leaves_status_and_folder_unchanged(  # type: ignore[no-untyped-def]
    qtbot, pair: Pair, files: Files, documents: Path, messages, monkeypatch, tmp_path: Path
) -> None:
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    reached, go = threading.Event(), threading.Event()
    real_report = writer.report

    def slow_report(progress, fraction, text=""):  # type: ignore[no-untyped-def]
        reached.set()
        go.wait(10)  # the officer presses "Hủy" while the package is being written
        return real_report(progress, fraction, text)

    monkeypatch.setattr(writer, "report", slow_report)
    with pair.commune.read() as s:
        packages_before = len(s.scalars(select(SyncPackage)).all())
    editor = open_editor(qtbot, pair.commune, dossier_id)
    flow = press_send(qtbot, editor)
    flow.dialog.send_button.click()
    qtbot.waitUntil(reached.is_set, timeout=10_000)
    progress = flow.task.dialog  # the export shows progress with "Hủy"
    assert progress.windowTitle() == "Đang ghi gói gửi tỉnh…"
    cancel = progress.findChild(QPushButton)
    assert cancel.text() == "Hủy"
    cancel.click()
    go.set()
    qtbot.waitUntil(lambda: editor.actions.send_flow is None, timeout=20_000)
    assert "Đã hủy: không có gói nào được ghi" in messages.texts("info")[-1]
    assert status(pair.commune, dossier_id) == "commune_checked"
    assert list(documents.iterdir()) == []  # not even a temporary file
    with pair.commune.read() as s:
        assert len(s.scalars(select(SyncPackage)).all()) == packages_before
    assert editor.header.values["status"].text() == "Xã đã đánh giá (Mẫu 03)"
    editor.close()


def test_a_commune_without_a_trusted_province_is_guided_and_can_enroll(  # type: ignore[no-untyped-def]
    qtbot, ctx, files: Files, documents: Path, opened, tmp_path: Path
) -> None:
    dossier_id = ready_dossier(ctx, tmp_path / "scans")
    editor = open_editor(qtbot, ctx, dossier_id)
    flow = press_send(qtbot, editor)
    guide = flow.dialog
    assert isinstance(guide, TrustGuideDialog)
    assert guide.fingerprint.text() == PackageService(ctx).own_keys().signing.readable
    assert status(ctx, dossier_id) == "commune_checked" and list(documents.iterdir()) == []
    enrollment = tmp_path / "usb" / "dang-ky.ocoppkg"
    enrollment.parent.mkdir()
    files.save_next.append(enrollment)
    guide.enroll_button.click()
    qtbot.waitUntil(lambda: guide.enrolled.isVisible(), timeout=10_000)
    assert files.asked_save[-1] == "dang-ky-00070.ocoppkg"
    with zipfile.ZipFile(enrollment) as package:  # read back: our own office and key, signed
        manifest = json.loads(package.read("manifest.json"))
    assert manifest["kind"] == "enrollment" and manifest["recipient"]["role"] == "province"
    assert manifest["sender"]["signing_key"] == PackageService(ctx).own_keys().signing.fingerprint
    assert str(enrollment) in guide.enrolled.text()
    guide.open_button.click()
    assert opened == [enrollment.parent]
    guide.reject()
    finish_tasks(qtbot)
    assert editor.actions.send_flow is None and status(ctx, dossier_id) == "commune_checked"
    assert send_plan(None, ctx, dossier_id).trusted is False
    editor.close()


def test_the_provinces_steps_are_refused_at_the_commune(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from helpers.dossier_ui import sent_dossier

    dossier_id = sent_dossier(ctx, tmp_path)
    detail = DossierService(ctx).get(dossier_id)
    # only the commune's own withdrawal is left once sent (issue 15: "Hủy hồ sơ")
    assert detail.allowed_actions == ("withdraw",) and set(detail.paper_outcomes) == {"accept", "return"}
    for step in ("accept", "return"):
        with pytest.raises(UserError, match="không phải việc của xã"):
            DossierService(ctx).act(dossier_id, step, note="x")
    assert status(ctx, dossier_id) == "sent"


def test_a_paper_return_is_named_confirmed_recorded_and_the_results_package_still_applies(  # type: ignore[no-untyped-def]
    qtbot, pair: Pair, messages, tmp_path: Path
) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    commune.import_package(
        province.import_package(
            commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True).path
        ).receipt_path  # type: ignore[arg-type]
    )
    InboxService(pair.province).return_for_correction(dossier_id, "Bổ sung phiếu kiểm nghiệm.")
    results = province.export_dossiers(pair.send("r1.ocoppkg"), to="00070", pending=True)

    editor = open_editor(qtbot, pair.commune, dossier_id)
    editor.header.paper_button.click()
    dialog = editor.actions.dialog
    assert isinstance(dialog, PaperOutcomeDialog) and dialog.isVisible()
    assert [dialog.outcome.itemData(i) for i in range(dialog.outcome.count())] == ["accept", "return"]
    dialog.outcome.setCurrentIndex(1)
    dialog.ok_button.click()
    for key in ("number", "signed_on", "signer", "received_via", "content"):
        assert dialog.messages.text(key), key
    assert not messages.texts("ask") and status(pair.commune, dossier_id) == "sent"
    type_unicode(dialog.number, "125/SNNMT-PTNT")
    type_unicode(dialog.signed_on, "01/12/2026")
    type_unicode(dialog.signer, "Phó Giám đốc Trần Văn Hùng")
    dialog.received_via.setCurrentIndex(0)
    type_unicode(dialog.content, "Bổ sung phiếu kiểm nghiệm còn hạn.")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    question = messages.texts("ask")[-1]
    assert "125/SNNMT-PTNT" in question and "01/12/2026" in question and "Trần Văn Hùng" in question
    assert "Bưu điện" in question and "chỉ trên máy này" in question
    assert status(pair.commune, dossier_id) == "returned"
    assert editor.header.values["status"].text() == "Tỉnh trả lại để bổ sung"
    assert editor.history.table.item(0, 1).text() == "Ghi nhận: tỉnh trả lại (theo văn bản giấy)"
    note = editor.history.table.item(0, 4).text()
    assert "số 125/SNNMT-PTNT ngày 01/12/2026" in note and "Bổ sung phiếu kiểm nghiệm còn hạn." in note
    assert "reopen" in editor.header.action_buttons and not editor.header.paper_button.isVisible()
    editor.close()

    # the province's own results package arrives later: it still applies (reasons are the province's)
    imported = commune.import_package(results.path)
    assert [d.outcome for d in imported.preview.dossiers] == ["updated"]
    detail = DossierService(pair.commune).get(dossier_id)
    assert detail.row.status == "returned" and detail.return_reasons == "Bổ sung phiếu kiểm nghiệm."
    with pair.commune.read() as s:
        paper = s.scalars(select(DossierEvent).where(DossierEvent.note.contains("văn bản giấy"))).all()
    assert len(paper) == 1 and paper[0].office_id == pair.commune.office().id


def test_the_offered_file_name_never_replaces_a_package_already_there(tmp_path: Path) -> None:
    from ocop_desktop.ui.dossiers.send_flow import free_name
    from ocop_desktop.ui.dossiers.send_jobs import SendPlan

    plan = SendPlan("0123456789abcdef", "Cà phê", "Tỉnh", True, "1 2 3", "00070")
    first = free_name(tmp_path, plan)
    assert first.name.startswith("ho-so-gui-tinh-00070-01234567-") and first.suffix == ".ocoppkg"
    first.write_bytes(b"sent before")
    second = free_name(tmp_path, plan)
    assert second != first and second.stem.endswith("-2") and not second.exists()


def test_a_cancel_too_late_to_stop_the_export_is_told_as_a_send(  # type: ignore[no-untyped-def]
    qtbot, pair: Pair, documents: Path, messages, monkeypatch, tmp_path: Path
) -> None:
    from ocop_desktop.ui.dossiers import send_jobs

    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    real_send = send_jobs.send_dossier

    def cancelled_after_the_last_step(progress, *args):  # type: ignore[no-untyped-def]
        sent = real_send(progress, *args)
        progress.cancel()  # "Hủy" pressed once nothing could stop the export any more
        return sent

    monkeypatch.setattr(send_jobs, "send_dossier", cancelled_after_the_last_step)
    editor = open_editor(qtbot, pair.commune, dossier_id)
    flow = press_send(qtbot, editor)
    target = flow.dialog.target()
    flow.dialog.send_button.click()
    qtbot.waitUntil(lambda: editor.actions.send_flow is None, timeout=20_000)
    told = messages.texts("info")[-1]
    assert "Gói đã ghi xong trước khi kịp hủy" in told and str(target) in told
    assert target.is_file() and status(pair.commune, dossier_id) == "sent"
    assert editor.header.values["status"].text() == "Đã gửi tỉnh"
    editor.close()
