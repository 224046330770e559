"""First-run wizard: role, province and commune found without diacritics, officer, fingerprint."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QWizard

from ocop_desktop.services.core.setup import Role
from ocop_desktop.ui.shell.first_run import FirstRunWizard


@pytest.fixture
def wizard(qtbot, empty_ctx):  # type: ignore[no-untyped-def]
    w = FirstRunWizard(empty_ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def _search(qtbot, picker, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(picker.edit, text)
    picker.refresh()  # what the debounce timer does after a pause


def _commit(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    """ "Thiết lập": the office is set up in the background, the buttons disabled until it is done."""
    wizard.next()
    task = wizard.officer.task
    assert task is not None and not task.done
    for button in (QWizard.WizardButton.CommitButton, QWizard.WizardButton.CancelButton):
        assert not wizard.button(button).isEnabled()
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    assert wizard.button(QWizard.WizardButton.CancelButton).isEnabled()


def test_commune_office_is_set_up(qtbot, wizard, empty_ctx, type_unicode) -> None:  # type: ignore[no-untyped-def]
    roles = [b.text() for b in wizard.roles.group.buttons()]
    assert roles == [*(r.label for r in Role), "Văn phòng tỉnh dùng máy chủ chung (nhiều máy, PostgreSQL)"]
    wizard.roles.choose(Role.COMMUNE)
    wizard.next()
    assert wizard.currentPage() is wizard.units
    _search(qtbot, wizard.units.province, "ha noi")
    assert wizard.units.province.value() == "01"
    _search(qtbot, wizard.units.commune, "hoan kiem")
    assert wizard.units.commune.label().startswith("Phường Hoàn Kiếm")
    wizard.next()
    assert wizard.currentPage() is wizard.officer
    type_unicode(wizard.officer.name, "Nguyễn Văn An")
    _commit(qtbot, wizard)
    assert wizard.currentPage() is wizard.done_page
    office = empty_ctx.office()
    assert (office.role, office.unit_code, office.name) == ("commune", "00070", "UBND Phường Hoàn Kiếm")
    assert re.fullmatch(r"\d{5}( \d{5}){5}", wizard.done_page.fingerprint.text())
    assert "Nguyễn Văn An" in wizard.done_page.summary.text()
    wizard.accept()


def test_a_unit_must_be_picked(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.units
    assert wizard.units.message.text() == "Hãy chọn tỉnh/thành phố trong danh sách."
    _search(qtbot, wizard.units.province, "ha noi")
    wizard.next()
    assert wizard.units.message.text() == "Hãy chọn xã/phường trong danh sách."
    wizard.reject()


def test_officer_name_is_required_and_nothing_is_set_up(qtbot, wizard, empty_ctx) -> None:
    wizard.roles.choose(Role.PROVINCE)
    wizard.next()
    assert wizard.units.commune.isHidden()  # a province office has no commune
    _search(qtbot, wizard.units.province, "lao cai")
    wizard.next()
    _commit(qtbot, wizard)
    assert wizard.currentPage() is wizard.officer
    assert "họ tên" in wizard.officer.message.text()
    assert empty_ctx.office_or_none() is None
    wizard.reject()


def test_a_refusal_of_the_whole_set_up_goes_to_the_message_sink(qtbot, ctx, messages, type_unicode) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(ctx)  # this store has an office already
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.roles.choose(Role.PROVINCE)
    wizard.next()
    _search(qtbot, wizard.units.province, "lao cai")
    wizard.next()
    type_unicode(wizard.officer.name, "Trần Thị Bình")
    _commit(qtbot, wizard)
    assert wizard.currentPage() is wizard.officer and wizard.officer.message.isHidden()
    assert [(m.kind, "đã được thiết lập" in m.text) for m in messages.shown] == [("warn", True)]
    assert ctx.office().role == "commune"
    wizard.reject()


def test_enter_in_a_unit_box_takes_the_first_match_then_goes_on(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: Enter did nothing in the commune box. The first Enter searches what was typed and
    takes the first match; the next one is the wizard's "Tiếp"."""
    from PySide6.QtCore import Qt

    wizard.roles.choose(Role.COMMUNE)
    wizard.next()
    qtbot.keyClicks(wizard.units.province.edit, "ha noi")
    qtbot.keyClick(wizard.units.province.edit, Qt.Key.Key_Return)
    assert wizard.units.province.value() == "01"
    qtbot.keyClicks(wizard.units.commune.edit, "hoan")  # several communes: the first one is taken
    qtbot.keyClick(wizard.units.commune.edit, Qt.Key.Key_Return)
    assert wizard.units.commune.value() is not None and wizard.currentPage() is wizard.units
    assert wizard.units.commune.label() == wizard.units.commune.list.item(0).text()
    qtbot.keyClick(wizard.units.commune.edit, Qt.Key.Key_Return)  # chosen: Enter goes on
    assert wizard.currentPage() is wizard.officer
    wizard.reject()
