"""Right after receipt the producer is at the desk: the window offers the receipt slip; "Để sau" opens
nothing."""

from __future__ import annotations

from pathlib import Path

from helpers.builders import make_product
from helpers.qt import finish_tasks
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.ui.kit.errors import RecordingSink
from tests.helpers.dossier_ui import build_editor, complete_dossier


def _received_editor(qtbot, ctx, tmp_path: Path):  # type: ignore[no-untyped-def]
    service = DossierService(ctx)
    dossier_id = service.create(make_product(ctx), "first").row.id
    complete_dossier(ctx, dossier_id, tmp_path)
    service.act(dossier_id, "mark_complete")
    service.act(dossier_id, "receive")
    editor = build_editor(ctx, dossier_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor, service.get(dossier_id).row.receipt_number


def test_yes_shows_the_slip(qtbot, ctx, tmp_path: Path, messages: RecordingSink, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor, number = _received_editor(qtbot, ctx, tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(editor.printing, "preview_form", lambda form: asked.append(form))
    editor.offer_receipt(number)
    assert number in messages.shown[-1].text
    assert asked == ["receipt"] and editor.tabs.currentWidget() is editor.printing


def test_later_opens_nothing(qtbot, ctx, tmp_path: Path, messages: RecordingSink, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor, number = _received_editor(qtbot, ctx, tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(editor.printing, "preview_form", lambda form: asked.append(form))
    messages.answer = False
    editor.offer_receipt(number)
    finish_tasks(qtbot)
    assert asked == [] and editor.tabs.currentWidget() is not editor.printing
