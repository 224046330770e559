"""A known office presenting another key on the sync page (issue 19, docs/sync-package.md §5): the
preview shows "Thay khóa của …" with the old and the new fingerprints, the ordinary "the digits
match" box alone never applies it, the old fingerprint is typed from the keyboard, and Enter applies."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from helpers.identity import readable, trusted_keys
from helpers.sync import Pair, db_state
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.ui.sync.page import SyncPage


def open_page(qtbot, ctx) -> SyncPage:  # type: ignore[no-untyped-def]
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.is_ready)
    return page


def new_keys(pair: Pair, name: str) -> Path:
    """The commune's PC was lost: new keys, same office, a new enrollment."""
    for path in pair.commune.paths.keys_dir.iterdir():
        path.unlink()
    KeyStore(pair.commune.paths.keys_dir).create_signing_key()
    return PackageService(pair.commune).export_enrollment(pair.send(name)).path


def test_a_key_change_is_shown_as_such_and_needs_the_old_fingerprint_typed(
    qtbot,
    pair: Pair,
    messages,  # type: ignore[no-untyped-def]
) -> None:
    old, old_keys = readable(pair.commune), set(trusted_keys(pair.province, pair.commune.office().id))
    pack = new_keys(pair, "thay-khoa.ocoppkg")
    new = readable(pair.commune)
    page = open_page(qtbot, pair.province)
    before = db_state(pair.province)
    flow = page.actions.import_package(pack)
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
    dialog = flow.dialog
    panel = dialog.key_change
    assert panel is not None and panel.isVisible()
    assert "Thay khóa của “UBND Phường Hoàn Kiếm” — không phải cơ quan mới." in panel.heading.text()
    assert (panel.old.text(), panel.new.text()) == (old, new)
    assert any("khóa ký" in line for line in panel.differences.text().splitlines())
    assert not dialog.fingerprint.isVisible() and not dialog.trust.isVisible()  # no "new office" wording
    assert dialog.apply_button.text() == "Thay khóa" and not dialog.apply_button.isEnabled()
    # the ordinary confirmation alone does not apply it
    dialog.confirm_box.setChecked(True)
    assert not dialog.apply_button.isEnabled()
    # keyboard: Tab from the box to the field, the old fingerprint typed (a wrong one first)
    dialog.confirm_box.setFocus()
    qtbot.keyClick(dialog.confirm_box, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is panel.typed
    qtbot.keyClicks(panel.typed, new)
    assert panel.status.text() == "Chưa khớp dấu vân tay cũ." and not dialog.apply_button.isEnabled()
    panel.typed.clear()
    qtbot.keyClicks(panel.typed, old.replace(" ", "."))
    assert panel.status.text() == "Đúng dấu vân tay cũ." and dialog.apply_button.isEnabled()
    assert db_state(pair.province) == before  # nothing written before "Thay khóa"
    qtbot.keyClick(panel.typed, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: flow.result is not None, timeout=10_000)
    assert f"Đã thay khóa của “UBND Phường Hoàn Kiếm”: khóa cũ {old}" in messages.texts("info")[-1]
    keys = trusted_keys(pair.province, pair.commune.office().id)
    assert all(not keys[fp].trusted and keys[fp].retired_at is not None for fp in old_keys)
    assert keys[PackageService(pair.commune).own_keys().signing.fingerprint].trusted


def test_cancelling_a_key_change_changes_nothing(qtbot, pair: Pair, messages) -> None:  # type: ignore[no-untyped-def]
    pack = new_keys(pair, "thay-khoa.ocoppkg")
    page = open_page(qtbot, pair.province)
    before = db_state(pair.province)
    flow = page.actions.import_package(pack)
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
    with qtbot.waitSignal(flow.ended, timeout=10_000):
        qtbot.keyClick(flow.dialog, Qt.Key.Key_Escape)
    assert flow.result is None and db_state(pair.province) == before
