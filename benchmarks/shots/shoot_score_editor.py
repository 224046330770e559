"""Reference screenshots of the score-sheet editor (not a test): a real self-assessment on a throw-away
store, filled in, grabbed offscreen at 1280×900.

    uv run python benchmarks/shots/shoot_score_editor.py [OUT_DIR]   # default docs/screenshots

Writes score-editor-set01.png (vegetables: knock-outs, part A, notes and evidence, blocking floors)
and score-editor-set26.png (tourism: the alternative cases of criterion 8), plus a few extra views
named score-editor-extra-*.png for review when OUT_DIR is not docs/screenshots.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # tests/helpers

from PySide6.QtWidgets import QApplication  # noqa: E402

from helpers.builders import TODAY, make_product, pdf_file  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.dossiers.evidence import EvidenceService  # noqa: E402
from ocop_desktop.services.dossiers.self_assessment import SelfAssessmentService  # noqa: E402
from ocop_desktop.services.dossiers.service import DossierService  # noqa: E402
from ocop_desktop.ui.scoring import ScoreSheetEditor, SelfAssessmentStore  # noqa: E402
from ocop_desktop.ui.shell.app import ensure_application  # noqa: E402

SIZE = (1280, 900)


def settle(app: QApplication, editor: ScoreSheetEditor, code: str | None, *, top: bool = False) -> None:
    for _ in range(3):
        app.processEvents()
    while editor.building:  # the last criteria are built a slice at a time
        app.processEvents()
        time.sleep(0.002)
    if code:
        editor.focus_criterion(code)
    app.processEvents()
    if top:
        editor.scroll.verticalScrollBar().setValue(0)
    app.processEvents()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    extras = out.resolve() != (ROOT / "docs" / "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_app(AppPaths.for_data_dir(Path(tmp) / "data"))
        try:
            initialise(ctx, "commune", "00070", "Nguyễn Văn An")
            dossiers = DossierService(ctx, today=TODAY)
            files = EvidenceService(ctx)

            # set 1: vegetables, a good product held at 2★ by two 3★ floors, one criterion unanswered
            d1 = dossiers.create(make_product(ctx, 1), "first").row.id
            sheet = SelfAssessmentService(ctx).load(d1).sheet
            answers = {leaf.code: len(leaf.options) - 1 for leaf in sheet.leaves()}
            answers.update({"1.2": 1, "1.5": 1, "2.2": 1, "3.5": 0, "4.3": 2, "6.2": 3, "1.4": 1})
            del answers["9"]
            contract = files.add_file(
                d1, pdf_file(Path(tmp), "Hợp đồng liên kết tiêu thụ 2026.pdf"), criteria=("1.1",)
            )
            survey = files.add_file(d1, pdf_file(Path(tmp), "Xác nhận vùng trồng của UBND xã.pdf", pages=1))
            SelfAssessmentService(ctx).save(
                d1,
                answers=answers,
                notes={
                    "1.1": "Rau trồng tại 3 thôn của xã; có xác nhận của UBND xã về diện tích 12 ha.",
                    "2.2": "Bao bì giấy kraft in logo, chưa có hộp quà.",
                },
                evidence={"1.1": [survey.id, contract.id]},
            )
            editor = ScoreSheetEditor(SelfAssessmentStore(ctx, d1))
            editor.resize(*SIZE)
            editor.show()
            settle(app, editor, "1.1", top=True)
            editor.grab().save(str(out / "score-editor-set01.png"))
            if extras:
                settle(app, editor, "5.2")
                editor.set_answer("5.1", 0)
                app.processEvents()
                editor.grab().save(str(out / "score-editor-extra-set01-story.png"))
                editor.set_knockout("forged_dossier", True)
                settle(app, editor, None, top=True)
                editor.grab().save(str(out / "score-editor-extra-set01-knockout.png"))
                editor.reload()
            editor.close()

            # set 26: tourism, alternative cases in criteria 8, 9 and 15
            d26 = dossiers.create(make_product(ctx, 26), "first").row.id
            sheet = SelfAssessmentService(ctx).load(d26).sheet
            answers = {leaf.code: len(leaf.options) - 1 for leaf in sheet.leaves()}
            answers.update({"8": 1, "9": 3, "15": 2, "4.4": 1, "13": 2, "3.4": 0})
            SelfAssessmentService(ctx).save(
                d26,
                answers=answers,
                notes={
                    "8": "Homestay của 6 hộ đã có đăng ký kinh doanh; "
                    "2 cơ sở đạt tiêu chuẩn phục vụ khách du lịch."
                },
            )
            editor = ScoreSheetEditor(SelfAssessmentStore(ctx, d26))
            editor.resize(*SIZE)
            editor.show()
            settle(app, editor, "8")
            editor.grab().save(str(out / "score-editor-set26.png"))
            if extras:
                for number in (11, 16, 18):
                    d = dossiers.create(make_product(ctx, number), "first").row.id
                    extra = ScoreSheetEditor(SelfAssessmentStore(ctx, d))
                    extra.resize(*SIZE)
                    extra.show()
                    settle(app, extra, "6.1.1" if number == 11 else "6")
                    extra.grab().save(str(out / f"score-editor-extra-set{number:02d}.png"))
                    extra.close()
            editor.close()
        finally:
            ctx.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
