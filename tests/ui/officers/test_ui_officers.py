"""The officers in the GUI: the chooser at start (last one offered, PIN asked), the status-bar button
that switches, the administrator's dialog, the log's window and the banner when the log is broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid
from sqlalchemy import text as sql

from helpers.builders import make_product
from helpers.cut_off import cut_off
from ocop_desktop.services.core.audit import AuditFilter, AuditService
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.officers import OfficerService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.ui.kit.settings import load_settings
from ocop_desktop.ui.officers import session as officer_session
from ocop_desktop.ui.officers.audit_view import AuditLogDialog
from ocop_desktop.ui.officers.chooser import OfficerChooser
from ocop_desktop.ui.officers.manage import OfficersDialog
from ocop_desktop.ui.shell.app import build_main_window


def _window(qtbot, ctx: AppContext):  # type: ignore[no-untyped-def]
    w = build_main_window(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.summary_task is None)
    return w


def _chooser(qtbot) -> OfficerChooser:  # type: ignore[no-untyped-def]
    found: list[OfficerChooser] = []
    qtbot.waitUntil(
        lambda: bool(
            found.extend(
                w for w in QApplication.topLevelWidgets() if isinstance(w, OfficerChooser) and w.isVisible()
            )
            or found
        )
    )
    return found[0]


def _closed(chooser: OfficerChooser) -> bool:
    return not isValid(chooser) or not chooser.isVisible()  # deleted once finished


def _pick(chooser: OfficerChooser, name: str) -> None:
    for row in range(chooser.list.count()):
        if chooser.list.item(row).text().startswith(name):
            chooser.list.setCurrentRow(row)


def _edit_outside_the_app(ctx: AppContext, product: str) -> None:
    """A product renamed in the database by hand (the SQLite file, or the server with --engine postgres),
    past the app's audit log."""
    with ctx.engine.begin() as conn:
        conn.execute(sql("UPDATE product SET name = 'Cà phê giả' WHERE id = :id"), {"id": product})


def test_two_officers_choose_at_start_and_switch(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(officer_session, "CHECK_DELAY_MS", 0)
    binh = OfficerService(ctx).add("Lê Thị Bình", pin="2468")
    window = _window(qtbot, ctx)
    chooser = _chooser(qtbot)
    assert chooser.selected() is not None and chooser.selected().name == "Nguyễn Văn An"
    _pick(chooser, "Lê Thị Bình")
    assert chooser.pin.isVisibleTo(chooser)
    chooser.pin.setText("1111")
    chooser.choose()
    qtbot.waitUntil(lambda: chooser.task is None)
    assert "chưa đúng" in chooser.message.text() and chooser.isVisible()
    chooser.pin.setText("2468")
    chooser.choose()
    qtbot.waitUntil(lambda: _closed(chooser))
    assert ctx.officer_id == binh.id
    assert window.officer_label.text() == "Cán bộ: Lê Thị Bình"
    assert load_settings(ctx.paths.settings_path).last_officer == binh.id
    DossierService(ctx).create(make_product(ctx), "first")
    window.officer_label.click()  # switch back from the status bar
    chooser = _chooser(qtbot)
    assert chooser.selected().name == "Lê Thị Bình"
    _pick(chooser, "Nguyễn Văn An")
    chooser.choose()
    qtbot.waitUntil(lambda: _closed(chooser))
    assert window.officer_label.text() == "Cán bộ: Nguyễn Văn An"
    names = {e.officer_name for e in AuditService(ctx).entries(AuditFilter(table_name="dossier"))}
    assert names == {"Lê Thị Bình", ""}  # her dossier; the seal of the empty table names nobody
    qtbot.waitUntil(lambda: window.officers.check_task is None)
    assert window.audit_banner is None  # the log matches


def test_a_broken_log_shows_a_banner(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(officer_session, "CHECK_DELAY_MS", 0)
    product = make_product(ctx)
    _edit_outside_the_app(ctx, product)
    window = _window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.audit_banner is not None)
    text = window.audit_banner.findChildren(type(window.office_label))[0].text()
    assert "bảng product" in text and "bị sửa ngoài ứng dụng" in text
    window.grab().save(str(tmp_path / "main-window-audit-banner.png"))


def test_the_administrator_manages_officers(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = OfficersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_ready)
    dialog.name.setText("Trần Văn Cường")
    dialog.title.setText("Văn thư")
    dialog.pin.setText("1234")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.is_ready() and dialog.table.rowCount() == 2)
    assert [dialog.table.item(1, c).text() for c in range(4)] == ["Trần Văn Cường", "Văn thư", "", "có"]
    dialog.table.selectRow(0)
    dialog.active_button.click()  # An cannot stop himself
    qtbot.waitUntil(dialog.is_ready)
    assert "chính mình" in dialog.message.text() or "cuối cùng" in dialog.message.text()
    dialog.table.selectRow(1)
    dialog.active_button.click()
    qtbot.waitUntil(lambda: dialog.is_ready() and dialog.table.item(1, 4).text() == "đã ngừng")
    dialog.table.selectRow(0)  # the administrator: "Bỏ quyền quản trị", the longest texts
    assert cut_off(dialog) == []  # every button can be read
    dialog.grab().save(str(tmp_path / "officers-dialog.png"))


def test_the_log_window_filters_and_exports(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    dossier = DossierService(ctx).create(make_product(ctx), "first").row.id
    dialog = AuditLogDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitUntil(dialog.is_ready)
    assert dialog.table.rowCount() > 5
    dialog.record.setText(dossier)
    dialog.reload()
    qtbot.waitUntil(dialog.is_ready)
    assert {dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())} == {"Hồ sơ"}
    out = tmp_path / "log.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: out.exists())
    dialog.record.clear()
    dialog.reload()
    qtbot.waitUntil(dialog.is_ready)
    dialog.grab().save(str(tmp_path / "audit-log.png"))


def test_the_dossier_history_shows_every_change_with_its_officer(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from helpers.dossier_ui import build_editor, new_dossier

    dossier = new_dossier(ctx)
    binh = OfficerService(ctx).add("Lê Thị Bình")
    OfficerService(ctx).act_as(binh.id)
    service = DossierService(ctx)
    d = service.get(dossier)
    service.save_section(
        dossier, "mau01", {**d.forms["mau01"], "phone": "0987654321"}, expected_revision=d.row.revision
    )
    editor = build_editor(ctx, dossier)
    qtbot.addWidget(editor)
    editor.resize(1366, 768)
    editor.show()
    editor.tabs.setCurrentWidget(editor.history)
    qtbot.waitUntil(lambda: editor.history.audit_task is None and editor.history.audit.rowCount() > 0)
    table = editor.history.audit
    lines = [
        (table.item(r, 2).text(), table.item(r, 4).text(), table.item(r, 7).text())
        for r in range(table.rowCount())
    ]
    assert lines[0][0] == "Lê Thị Bình" and lines[0][1] == "Hồ sơ"
    assert "0912345678 → " in lines[0][2] and "0987654321" in lines[0][2]
    assert ("Nguyễn Văn An", "Danh mục hồ sơ") in {(a, b) for a, b, _c in lines}
    editor.grab().save(str(tmp_path / "history.png"))
    editor.grab().save("/tmp/history.png")


def test_f1_in_the_officers_and_log_windows_opens_their_guide_page(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.kit.help_window import HelpWindow

    for dialog in (OfficersDialog(ctx), AuditLogDialog(ctx)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.is_ready)
        assert dialog.help_key.key().toString() == "F1"
        dialog.help_key.activated.emit()
        shown = dialog.findChild(HelpWindow)  # its own: the main window's takes no input under a dialog
        assert isinstance(shown, HelpWindow) and shown.current == "can-bo-nhat-ky" and shown.isVisible()
        assert "Kiểm tra nhật ký" in shown.browser.toPlainText()
        shown.close()


def test_the_log_window_checks_the_log_on_demand(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    product = make_product(ctx)
    dialog = AuditLogDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitUntil(dialog.is_ready)
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: dialog.check is None)
    assert dialog.status.text().startswith("Nhật ký nguyên vẹn:") and dialog.verify_button.isEnabled()
    _edit_outside_the_app(ctx, product)
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: dialog.check is None)
    text = dialog.status.text()
    assert "bảng product" in text and "bị sửa ngoài ứng dụng" in text
    dialog.grab().save(str(tmp_path / "audit-log-verified.png"))


def test_the_log_check_waits_for_the_start_up_jobs(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: run beside the pages' imports and the home page's figures, the check and they took turns
    at the interpreter and the window waited; it starts once they are done."""
    import threading

    from ocop_desktop.ui.kit.tasks import run_task

    monkeypatch.setattr(officer_session, "CHECK_DELAY_MS", 60_000)  # started by hand below
    window = _window(qtbot, ctx)
    qtbot.waitUntil(lambda: officer_session.running() == 0, timeout=20_000)
    release = threading.Event()
    run_task(lambda _p: release.wait(20), parent=window)
    window.officers.check_audit()
    assert window.officers.check_task is None  # another job runs: asked again in a second
    # retried each second, it runs once the job ended (on a small store it may start and end between two
    # looks at check_task: the signal it sends when done is what tells)
    with qtbot.waitSignal(window.officers.audit_checked, timeout=20_000):
        release.set()
    assert window.officers.check_task is None
    assert window.audit_banner is None
