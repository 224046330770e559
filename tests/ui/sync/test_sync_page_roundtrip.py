"""The sync page driven like an officer would, between a commune and its province on two data
folders: export from the commune page → import at the province with the dry-run preview → apply →
save the receipt → import the receipt at the commune → the commune sees the receipt's time."""

from __future__ import annotations

from pathlib import Path

from helpers.sync import Pair, ready_dossier
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.sync.status import SyncStatusService
from ocop_desktop.ui.sync.page import SyncPage
from ocop_desktop.ui.sync.preview_dialog import ImportPreviewDialog


def open_page(qtbot, ctx) -> SyncPage:  # type: ignore[no-untyped-def]
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(page.is_ready)
    return page


def wait_task(qtbot, holder) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: holder.task is not None and holder.task.done, timeout=10_000)


def test_commune_to_province_and_back(qtbot, pair: Pair, files, messages, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = ready_dossier(pair.commune, tmp_path / "scans")
    second = ready_dossier(pair.commune, tmp_path / "scans2", product_set=1)
    commune = open_page(qtbot, pair.commune)
    assert commune.fingerprint.text() == commune.snapshot.keys.signing.readable
    assert len(commune.fingerprint.text().split()) == 6
    assert "Lần nhận biên nhận gần nhất từ tỉnh: <b>chưa có</b>" in commune.peer_status.text()

    # 1. export everything pending from the commune page
    package = pair.folder / "gui-tinh.ocoppkg"
    files.save_next.append(package)
    commune.export_button.click()
    qtbot.waitUntil(
        lambda: commune.actions.export_dialog is not None and commune.actions.export_dialog.isVisible()
    )
    dialog = commune.actions.export_dialog
    assert {c.dossier_id for c in dialog.candidates} == {first, second}
    assert dialog.all_pending.isChecked() and "2 hồ sơ" in dialog.all_pending.text()
    assert not dialog.commune.isVisible()  # no stray, empty recipient box over the text
    product_column = dialog.table.columnWidth(0)
    assert product_column >= dialog.table.fontMetrics().horizontalAdvance("Cà phê bột nguyên chất")
    dialog.ok_button.click()
    wait_task(qtbot, commune.actions)
    assert package.exists() and files.asked_save[0].startswith("ho-so-gui-tinh-00070-")
    assert "Đã ghi gói số" in messages.texts("info")[-1] and "2 hồ sơ" in messages.texts("info")[-1]
    qtbot.waitUntil(lambda: len(commune.outbox.rows) == 1)
    assert commune.outbox.rows[0].dossier_count == 2
    assert DossierService(pair.commune).get(first).row.status == "sent"

    # 2. import at the province: the preview says what would change, nothing is written yet
    province = open_page(qtbot, pair.province)
    flow = province.actions.import_package(package)
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
    preview: ImportPreviewDialog = flow.dialog
    assert sorted(d.outcome for d in preview.rows()) == ["new", "new"]
    assert "Mới: <b>2</b>" in preview.counts.text() and preview.apply_button.isEnabled()
    assert not preview.fingerprint.isVisible()  # the commune is trusted already
    assert DossierService(pair.province).search() == []

    # 3. apply, and save the receipt where the officer says
    receipt = pair.folder / "bien-nhan.ocoppkg"
    files.save_next.append(receipt)
    preview.apply_button.click()
    qtbot.waitUntil(lambda: flow.result is not None, timeout=10_000)
    assert flow.result.applied and receipt.exists() and flow.saved_receipt == receipt
    assert "Đã nhập 2 hồ sơ: 2 mới" in messages.texts("ask")[-1]
    scans = len(list(pair.province.paths.blobs_dir.glob("*/*")))
    assert f"Tệp đính kèm: {scans} tệp mới, 0 tệp máy này đã có." in messages.texts("ask")[-1] and scans
    assert {r.id for r in DossierService(pair.province).search()} == {first, second}
    qtbot.waitUntil(lambda: len(province.inbox.rows) == 2)  # the enrollment and this package
    submission = next(r for r in province.inbox.rows if r.kind == "submission")
    assert submission.counts == {"new": 2} and submission.receipt_issued

    # 4. the receipt back at the commune: nothing waits for a receipt any more
    flow = commune.actions.import_package(receipt)
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
    assert "xác nhận gói" in flow.dialog.trust.text()
    flow.dialog.apply_button.click()
    qtbot.waitUntil(lambda: flow.result is not None, timeout=10_000)
    qtbot.waitUntil(lambda: commune.outbox.rows == [] and "chưa có" not in commune.peer_status.text())
    assert "Lần nhận biên nhận gần nhất từ tỉnh: <b>" in commune.peer_status.text()
    assert commune.tabs.tabText(0) == "Chờ biên nhận (0)"
    assert SyncStatusService(pair.commune).dossier_status(first).state == "acknowledged"
    assert not [m for m in messages.shown if m.kind in ("warn", "bug")]


def test_results_from_the_province_page_reach_the_commune_evaluation_view(
    qtbot,
    pair: Pair,
    files,
    messages,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    from helpers.sync import TODAY
    from ocop_desktop.services.province.inbox import InboxService
    from ocop_desktop.services.sync.service import PackageService
    from ocop_desktop.ui.province.page import EvaluationPage

    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    kept = ready_dossier(pair.commune, tmp_path / "scans2", product_set=1)
    commune_pkg, province_pkg = PackageService(pair.commune), PackageService(pair.province)
    province_pkg.import_package(commune_pkg.export_dossiers(pair.send("s1.ocoppkg"), pending=True).path)
    desk = InboxService(pair.province, today=TODAY)
    desk.return_for_correction(dossier_id, "Bổ sung kế hoạch mở rộng vùng nguyên liệu.")
    desk.accept(kept)

    province = open_page(qtbot, pair.province)
    results = pair.folder / "ket-qua.ocoppkg"
    files.save_next.append(results)
    province.export_button.click()
    qtbot.waitUntil(
        lambda: province.actions.export_dialog is not None and province.actions.export_dialog.isVisible()
    )
    dialog = province.actions.export_dialog
    assert dialog.commune.currentText() == "UBND Phường Hoàn Kiếm" and len(dialog.model.rows) == 2
    dialog.only_ticked.setChecked(True)
    assert not dialog.ok_button.isEnabled()  # nothing ticked yet
    dialog.model.set_checked([r.dossier_id for r in dialog.model.rows].index(dossier_id), True)
    dialog.ok_button.click()
    wait_task(qtbot, province.actions)
    assert files.asked_save[-1].startswith("ket-qua-ubnd-phuong-hoan-kiem-")
    assert province.actions.last_export.dossier_ids == (dossier_id,)

    commune = open_page(qtbot, pair.commune)
    flow = commune.actions.import_package(results)
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
    assert [(r.outcome, r.status_after) for r in flow.dialog.rows()] == [("updated", "returned")]
    assert flow.dialog.model.data(flow.dialog.model.index(0, 5)) == "Tỉnh trả lại để bổ sung"
    flow.dialog.apply_button.click()
    qtbot.waitUntil(lambda: flow.result is not None, timeout=10_000)

    view = EvaluationPage(pair.commune)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(view.is_ready, timeout=10_000)
    rows = {r[0].id: r for r in view.commune.model.rows}
    assert rows[dossier_id][0].status == "returned" and "mở rộng vùng nguyên liệu" in rows[dossier_id][1]
    assert rows[kept][0].status == "sent"  # its acceptance was not sent yet
    assert not view.commune.empty.isVisible()
