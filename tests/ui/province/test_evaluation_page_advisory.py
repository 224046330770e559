"""The advisory team's notes, entered at the province from the round's dossiers: the dialog lists a
dossier's notes, refuses an empty one with the service's message under the field, adds a note with
its file from the keyboard (Enter), stays open for the next one (Ctrl+Enter from the text), and
the notes reach the council member's laptop with the assignment package."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpers.builders import pdf_file
from helpers.evaluator import make_offices
from helpers.evaluator_ui import assignment_package, province_fingerprint
from helpers.province_ui import open_page, settle
from helpers.qt import type_unicode
from ocop_desktop.domain.province import NoteKind
from ocop_desktop.services.evaluator.work import EvaluatorWorkService
from ocop_desktop.services.province.advisory import AdvisoryService
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.ui.evaluator.panels import DossierSummary
from ocop_desktop.ui.kit.errors import RecordingSink
from ocop_desktop.ui.kit.tables import select_row
from ocop_desktop.ui.province.advisory_dialog import AdvisoryDialog


def test_a_note_added_through_the_dialog_is_listed_and_reaches_the_laptop(
    qtbot: QtBot, tmp_path: Path, _template_dir: Path, messages: RecordingSink
) -> None:
    o = make_offices(tmp_path, _template_dir)
    try:
        page = open_page(qtbot, o.province)
        tab = page.rounds
        qtbot.waitUntil(lambda: len(tab.entries.rows) == 2, timeout=10_000)
        assert tab.advisory() is None and "chọn một hồ sơ" in messages.texts("info")[-1]
        select_row(tab.entries_table, 0)
        tab.advisory_button.click()
        dialog = tab.dialog
        assert isinstance(dialog, AdvisoryDialog) and dialog.isVisible()
        assert dialog.entry.dossier_id == o.dossiers[0]
        qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
        assert dialog.notes == [] and dialog.empty.isVisible()
        qtbot.waitUntil(lambda: dialog.kind.hasFocus())  # the first field

        # nothing typed and no file: the service's message, under the text
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.message("text") != "", timeout=10_000)
        assert "Cần nội dung hoặc tệp" in dialog.message("text") and dialog.isVisible()

        # a site visit report with its scan, added with Enter
        dialog.kind.setCurrentIndex(dialog.kind.findData(NoteKind.SITE_VISIT.value))
        type_unicode(dialog.text, "Cơ sở sản xuất đạt yêu cầu vệ sinh.")
        dialog.noted_on.setText("10/11/2026")
        scan = pdf_file(tmp_path / "scans", "bien-ban-kiem-tra.pdf", pages=1)
        dialog.choose_file = lambda: scan
        dialog.file_button.click()
        assert dialog.file_name.text() == "bien-ban-kiem-tra.pdf" and dialog.is_dirty()
        added: list[object] = []
        dialog.saved.connect(added.append)
        qtbot.keyClick(dialog.noted_on, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(added) and len(dialog.notes) == 1, timeout=10_000)
        [note] = dialog.notes
        assert (note.kind_label, note.text, note.filename) == (
            "Biên bản kiểm tra thực tế",
            "Cơ sở sản xuất đạt yêu cầu vệ sinh.",
            "bien-ban-kiem-tra.pdf",
        )
        assert note.noted_on is not None and note.noted_on.isoformat() == "2026-11-10"
        assert dialog.model.data(dialog.model.index(0, 0)) == "Biên bản kiểm tra thực tế"
        assert dialog.table.isVisible() and not dialog.empty.isVisible()
        # ready for the next one: the form is empty, nothing unsaved, the dialog still open
        assert dialog.isVisible() and not dialog.is_dirty() and dialog.text.toPlainText() == ""
        assert dialog.file is None and dialog.message("text") == ""

        # the next one, sent from the text with Ctrl+Enter (Enter there starts a new line)
        dialog.kind.setCurrentIndex(dialog.kind.findData(NoteKind.TEST_RESULT.value))
        type_unicode(dialog.text, "Mẫu kiểm nghiệm bổ sung đạt.")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: len(dialog.notes) == 2, timeout=10_000)
        assert [n.kind for n in dialog.notes] == ["site_visit", "test_result"]
        assert AdvisoryService(o.province).rows(o.round_id, o.dossiers[0]) == dialog.notes
        assert AdvisoryService(o.province).rows(o.round_id, o.dossiers[1]) == []

        # Esc closes
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        settle(qtbot, page)

        # on the council member's laptop, with the assignment
        package = assignment_package(o)
        EvaluatorPackages(o.evaluator).import_assignment(package, confirm_fingerprint=province_fingerprint(o))
        dossier = EvaluatorWorkService(o.evaluator).dossier(o.dossiers[0])
        assert [(n["text"], n["filename"]) for n in dossier.advisory] == [
            ("Cơ sở sản xuất đạt yêu cầu vệ sinh.", "bien-ban-kiem-tra.pdf"),
            ("Mẫu kiểm nghiệm bổ sung đạt.", ""),
        ]
        summary = DossierSummary()
        qtbot.addWidget(summary)
        summary.show_dossier(dossier)
        assert "Cơ sở sản xuất đạt yêu cầu vệ sinh. — bien-ban-kiem-tra.pdf" in summary.toPlainText()
        assert not [m for m in messages.shown if m.kind in ("warn", "bug")]
    finally:
        o.close()
