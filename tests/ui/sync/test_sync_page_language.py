"""The sync and evaluation pages follow a language switch (English from the committed .qm)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from helpers.sync import Pair
from ocop_desktop.ui.kit.i18n import install_language
from ocop_desktop.ui.province.page import EvaluationPage
from ocop_desktop.ui.sync.page import SyncPage


def test_pages_switch_to_english_and_back(qtbot, pair: Pair) -> None:  # type: ignore[no-untyped-def]
    sync = SyncPage(pair.commune)
    evaluation = EvaluationPage(pair.province)
    for page in (sync, evaluation):
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(page.is_ready, timeout=10_000)
    install_language("en")
    qtbot.waitUntil(lambda: sync.heading.text() == "Sync with the province")
    assert sync.import_button.text() == "Import package…" and sync.tabs.tabText(1) == "Received (1)"
    assert sync.inbox.headerData(0, Qt.Orientation.Horizontal) == "Imported"
    qtbot.waitUntil(lambda: evaluation.tabs.tabText(0) == "Incoming dossiers")
    assert evaluation.rounds.create_button.text() == "New round…"
    assert evaluation.matrix.round_button.text() == "Aggregate the whole round"
    install_language("vi")
    qtbot.waitUntil(lambda: sync.heading.text() == "Đồng bộ với cấp tỉnh")
    assert evaluation.tabs.tabText(0) == "Hồ sơ đến"
