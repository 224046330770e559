"""Settings at the province: the access key and secret given to each commune or laptop, typed once, kept
encrypted, never shown back; the section is not there at a commune."""

from __future__ import annotations

from pathlib import Path

from helpers.sync import Pair
from ocop_desktop.services.mailbox.service import MailboxService
from ocop_desktop.ui.shell.settings_page import SettingsPage


def _page(qtbot, ctx) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(page.is_ready)
    return page


def test_the_province_gives_a_commune_its_key_in_settings(qtbot, pair: Pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, pair.province)
    assert page.mailbox_box.offices_button.isVisible()
    page.grab().save(str(tmp_path / "settings-province.png"))
    dialog = page.mailbox_box.open_offices()
    box = dialog.box
    qtbot.waitUntil(box.is_ready)
    assert box.isVisible() and box.office.count() == 1
    assert box.office.currentData() == pair.commune.office().id
    box.access_key.setText("AKXA00070")
    box.save_button.click()  # no secret: nothing saved, said in words
    assert "cả mã truy cập và khóa bí mật" in box.answer.text()
    assert MailboxService(pair.province).office_credentials() == []
    box.secret.setText("bi-mat-cua-xa")
    task = box.save()
    assert task is not None
    qtbot.waitUntil(lambda: task.done)
    assert "Đã lưu" in box.answer.text() and box.secret.text() == ""
    assert "AKXA00070" in box.listing.text() and "bi-mat" not in box.listing.text()
    given = MailboxService(pair.province).office_credentials()
    assert [(g["office_id"], g["access_key"]) for g in given] == [(pair.commune.office().id, "AKXA00070")]
    dialog.grab().save(str(tmp_path / "offices-dialog.png"))

    removed = box.remove()
    assert removed is not None
    qtbot.waitUntil(lambda: removed.done)
    assert MailboxService(pair.province).office_credentials() == []
    assert "chưa cơ quan nào" in box.listing.text()
    dialog.close()


def test_a_commune_has_no_such_section(qtbot, pair: Pair) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, pair.commune)
    assert not page.mailbox_box.offices_button.isVisible()
