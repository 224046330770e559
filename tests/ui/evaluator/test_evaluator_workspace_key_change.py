"""The province replaced its key (issue 19): the laptop's assignment preview shows the key change
with both fingerprints; without the old one typed the import is refused and changes nothing, with
it the assignment comes in."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from helpers.evaluator import Offices
from helpers.evaluator_ui import assignment_package, finish, province_fingerprint, workspace
from helpers.sync import db_state
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.ui.kit.errors import RecordingSink


def test_the_provinces_new_key_is_confirmed_as_a_key_change(
    qtbot: QtBot, offices: Offices, messages: RecordingSink
) -> None:
    o = offices
    old = province_fingerprint(o)
    EvaluatorPackages(o.evaluator).import_assignment(assignment_package(o), confirm_fingerprint=old)
    for path in o.province.paths.keys_dir.iterdir():  # the province's PC was replaced
        path.unlink()
    KeyStore(o.province.paths.keys_dir).create_signing_key()
    new = province_fingerprint(o)
    package = ProvinceEvaluatorPackages(o.province).export_assignment(
        o.round_id, "TV1", o.folder / "a2.ocoppkg"
    )
    ws = workspace(qtbot, o)
    before = db_state(o.evaluator)
    # the new fingerprint alone: refused, nothing imported
    finish(qtbot, ws.steps.import_assignment(package.path))
    dialog = ws.steps.preview_dialog
    assert dialog is not None and dialog.key_change is not None and dialog.fingerprint_edit is not None
    assert (dialog.key_change.old.text(), dialog.key_change.new.text()) == (old, new)
    assert not dialog.apply_button.isEnabled()  # nothing typed yet
    dialog.fingerprint_edit.setText(new)
    assert not dialog.apply_button.isEnabled()  # the old fingerprint not acknowledged: greyed out
    dialog.accept()  # forced past the button: the service refuses too
    finish(qtbot, ws.steps.last_task)
    assert messages.shown[-1].kind == "warn" and "thay khóa" in messages.shown[-1].text
    assert db_state(o.evaluator) == before
    # with the old one typed: imported
    finish(qtbot, ws.steps.import_assignment(package.path))
    dialog = ws.steps.preview_dialog
    assert dialog is not None and dialog.key_change is not None and dialog.fingerprint_edit is not None
    dialog.fingerprint_edit.setText(new)
    qtbot.keyClicks(dialog.key_change.typed, old)
    assert dialog.confirmed_key_change() == old and dialog.apply_button.isEnabled()
    assert "thay khóa" in " ".join(w.text() for w in dialog.findChildren(QLabel))
    dialog.accept()
    finish(qtbot, ws.steps.last_task)
    assert messages.shown[-1].kind == "info" and "Đã nhập gói phân công" in messages.shown[-1].text
