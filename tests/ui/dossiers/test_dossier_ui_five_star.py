"""At the commune, the dossier window shows what the results package brought of a 5★ proposal: the
proposal with the floor the council missed, then the ministry's result and the province's 4★."""

from __future__ import annotations

from pathlib import Path

from helpers.dossier_ui import build_editor
from helpers.five_star import five_star_at_commune
from helpers.sync import Pair


def _history(qtbot, pair: Pair, dossier_id: str):  # type: ignore[no-untyped-def]
    editor = build_editor(pair.commune, dossier_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.tabs.setCurrentWidget(editor.history)
    return editor.history


def test_the_proposal_then_the_central_result_show_on_the_dossier(qtbot, pair: Pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dossier_id = five_star_at_commune(pair, tmp_path / "scans")
    history = _history(qtbot, pair, dossier_id)
    assert history.five_star.isVisible()
    text = history.five_star.text()
    assert "đề nghị Bộ Nông nghiệp và Môi trường công nhận 5 sao" in text and "chưa đạt 7 (5★)" in text
    assert text.endswith("Chưa có kết quả của Bộ.")


def test_a_dossier_never_proposed_shows_nothing_of_it(qtbot, pair: Pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from helpers.sync import ready_dossier

    history = _history(qtbot, pair, ready_dossier(pair.commune, tmp_path / "scans"))
    assert not history.five_star.isVisible() and history.five_star.text() == ""


def test_the_central_result_and_the_province_s_four_stars(qtbot, pair: Pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dossier_id = five_star_at_commune(pair, tmp_path / "scans", central_stars=4)
    text = _history(qtbot, pair, dossier_id).five_star.text()
    assert "Hội đồng cấp trung ương: 87 điểm, đạt 4 sao (văn bản số 45/QĐ-BNNMT ngày 10/11/2026)" in text
