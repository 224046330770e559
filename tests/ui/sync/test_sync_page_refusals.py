"""Refusals on the sync page show the service's Vietnamese message and change nothing; a new
office is trusted only after the officer confirms the fingerprint; a conflict is shown side by
side and settled from the page."""

from __future__ import annotations

import re
from pathlib import Path

from helpers.package_surgery import entries, replace_entry
from helpers.sync import TODAY, Pair, db_state, open_installation, ready_dossier, resubmit
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.sync.conflicts import ConflictService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.services.sync.status import SyncStatusService
from ocop_desktop.ui.sync.page import SyncPage


def open_page(qtbot, ctx) -> SyncPage:  # type: ignore[no-untyped-def]
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.is_ready)
    return page


def test_a_tampered_package_is_refused_with_the_reason_and_nothing_changes(
    qtbot,
    pair: Pair,
    messages,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = PackageService(pair.commune).export_dossiers(pair.send("s1.ocoppkg"), pending=True)
    data = sent.path.read_bytes()
    blob = next(n for n, _ in entries(data) if n.startswith("blobs/"))
    original = dict(entries(data))[blob]
    tampered = pair.send("sua-doi.ocoppkg")
    tampered.write_bytes(replace_entry(data, blob, bytes([original[0] ^ 1]) + original[1:]))
    page = open_page(qtbot, pair.province)
    before = db_state(pair.province)

    flow = page.actions.import_package(tampered)
    qtbot.waitUntil(lambda: bool(messages.texts("warn")), timeout=10_000)
    [text] = messages.texts("warn")
    # an encrypted scan (format 2) is checked by its tag: "mã kiểm tra (thẻ xác thực AES-GCM)"
    assert "không khớp mã kiểm tra" in text and "Không có gì thay đổi trên máy này." in text
    assert flow.dialog is None  # no preview for a refused package
    assert db_state(pair.province) == before and DossierService(pair.province).search() == []


def test_a_package_for_another_office_is_refused(
    qtbot,
    pair: Pair,
    messages,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    _template_dir: Path,
) -> None:
    other = open_installation(tmp_path / "other", _template_dir, "commune", "00004", "Lê Văn Cường")
    try:
        enrollment = PackageService(other).export_enrollment(tmp_path / "dang-ky-khac.ocoppkg")
        page = open_page(qtbot, pair.commune)  # a commune is not where a commune's enrollment goes
        before = db_state(pair.commune)
        page.actions.import_package(enrollment.path)
        qtbot.waitUntil(lambda: bool(messages.texts("warn")), timeout=10_000)
        assert "không phải cho “UBND Phường Hoàn Kiếm”" in messages.texts("warn")[0]
        assert db_state(pair.commune) == before
    finally:
        other.close()


def test_enrollment_waits_for_the_fingerprint_to_be_confirmed(
    qtbot,
    pair: Pair,
    files,
    messages,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    _template_dir: Path,
) -> None:
    other = open_installation(tmp_path / "other", _template_dir, "commune", "00004", "Lê Văn Cường")
    try:
        commune = open_page(qtbot, other)
        files.save_next.append(tmp_path / "dang-ky.ocoppkg")
        commune.enroll_button.click()
        qtbot.waitUntil(lambda: bool(messages.texts("info")), timeout=10_000)
        read_aloud = commune.fingerprint.text()
        assert (
            files.asked_save == ["dang-ky-00004.ocoppkg"] and "đọc dấu vân tay" in messages.texts("info")[-1]
        )

        province = open_page(qtbot, pair.province)
        flow = province.actions.import_package(tmp_path / "dang-ky.ocoppkg")
        qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
        dialog = flow.dialog
        assert dialog.fingerprint.isVisible() and dialog.fingerprint.text() == read_aloud
        assert [len(g.text()) for g in dialog.fingerprint.groups] == [5] * 6
        assert not dialog.apply_button.isEnabled()  # not before the officer compared the digits
        dialog.confirm_box.setChecked(True)
        dialog.apply_button.click()
        qtbot.waitUntil(lambda: flow.result is not None, timeout=10_000)
        assert "Từ nay tin cậy" in messages.texts("info")[-1]
        qtbot.waitUntil(lambda: any(p.unit_code == "00004" for p in province.peers.rows))
        assert (
            next(p for p in province.peers.rows if p.unit_code == "00004").signing_fingerprint == read_aloud
        )
    finally:
        other.close()


def test_a_conflict_side_by_side_and_take_theirs(qtbot, pair: Pair, messages, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    commune.import_package(
        province.import_package(
            commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True).path
        ).receipt_path
    )  # type: ignore[arg-type]
    InboxService(pair.province, today=TODAY).return_for_correction(dossier_id, "Sửa kế hoạch.")
    commune.import_package(province.export_dossiers(pair.send("r1.ocoppkg"), to="00070", pending=True).path)
    at_province = DossierService(pair.province, today=TODAY)
    d = at_province.get(dossier_id)
    at_province.save_section(
        dossier_id, "mau02_part4", {"plan": "Sửa ở tỉnh."}, expected_revision=d.row.revision
    )
    resubmit(pair.commune, dossier_id, "Sửa ở xã.")
    incoming = commune.export_dossiers(pair.send("s2.ocoppkg"), pending=True)

    page = open_page(qtbot, pair.province)
    flow = page.actions.import_package(incoming.path)
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
    assert [r.outcome for r in flow.dialog.rows()] == ["conflicting"]
    assert "Xung đột: <b>1</b>" in flow.dialog.counts.text()
    flow.dialog.apply_button.click()
    qtbot.waitUntil(lambda: flow.result is not None, timeout=10_000)
    qtbot.waitUntil(lambda: len(page.conflicts.rows) == 1)
    assert page.tabs.tabText(4) == "Xung đột (1)"

    page.tables["conflicts"].selectRow(0)
    page.conflict_button.click()
    qtbot.waitUntil(
        lambda: page.actions.conflict_dialog is not None and page.actions.conflict_dialog.isVisible()
    )
    dialog = page.actions.conflict_dialog
    shown = {
        (
            dialog.table.item(r, 0).text(),
            dialog.table.item(r, 1).text() if dialog.table.item(r, 1) else "",
            dialog.table.item(r, 2).text() if dialog.table.item(r, 2) else "",
        )
        for r in range(dialog.table.rowCount())
    }
    plan = "Kế hoạch sản xuất, kinh doanh trong thời gian tới"  # the form's own label, not the key "plan"
    assert (plan, "Sửa ở tỉnh.", "Sửa ở xã.") in shown
    assert ("Mẫu 02 – Phần IV. Kế hoạch sản xuất, kinh doanh", "", "") in shown  # the section's row
    assert ("Hồ sơ", "", "") in shown
    assert ("Số phiếu tiếp nhận", "01/PĐK-01-00070-2026", "02/PĐK-01-00070-2026") in shown
    assert not [text for text, *_ in shown if re.search(r"[a-z]+_[a-z]+", text)]  # no package key left
    dialog.take_button.click()
    qtbot.waitUntil(lambda: page.conflicts.rows == [], timeout=10_000)
    assert ConflictService(pair.province).rows() == []
    assert DossierService(pair.province).get(dossier_id).row.status == "sent"
    assert SyncStatusService(pair.province).overview().conflicts == ()
